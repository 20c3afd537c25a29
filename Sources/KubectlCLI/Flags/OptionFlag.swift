/// A flag declared together with the options field it fills: the declaration gives the command's
/// `FlagSpec` (help, man pages, completion, parsing) and the read that fills the field, so a declared
/// flag is always read and a read flag is always declared.
struct OptionFlag<Options> {
    var specs: [FlagSpec]
    var read: (inout Options, inout Invocation) throws -> Void

    /// `--name` into `field`; the kind follows the field's type (Bool, String, Int, [String] as a
    /// comma-split slice) unless given (`.duration`, `.stringArray`). An optional field stays nil
    /// unless the flag is given.
    init<V: FlagValue>(_ field: WritableKeyPath<Options, V>, _ name: String, short: Character? = nil, _ kind: FlagKind? = nil,
                       default def: String? = nil, usage: String, noOptDefault: String? = nil, hidden: Bool = false,
                       completions: [String] = [], bits: Int = 64, required: Bool = false, deprecated: String? = nil)
    {
        self.init(field, FlagSpec(name, short: short, kind ?? V.flagKind, default: def, usage: usage, noOptDefault: noOptDefault,
                                  hidden: hidden, completions: completions, bits: bits, required: required, deprecated: deprecated))
    }

    /// A shared declaration (`CommonFlags.dryRun`) into `field`.
    init<V: FlagValue>(_ field: WritableKeyPath<Options, V>, _ spec: FlagSpec) {
        specs = [spec]
        read = { o, inv in o[keyPath: field] = V.read(inv.flags, spec.name) }
    }

    /// Flags read together into one value (a `ResourceBuilder` from -f/-R/-k/-l/..., `PrintFlags` from
    /// -o/--template/...): the group's reader must read every flag it declares (CommandOptionsTests).
    init(_ specs: [FlagSpec], read: @escaping (inout Options, inout Invocation) throws -> Void) {
        self.specs = specs
        self.read = read
    }

    /// A shared group into `field`.
    init<V>(_ field: WritableKeyPath<Options, V>, _ specs: [FlagSpec], _ make: @escaping (Invocation) throws -> V) {
        self.init(specs) { o, inv in o[keyPath: field] = try make(inv) }
    }

    /// These flags as flags of an enclosing options value that holds these options at `path`.
    func lifted<Outer>(_ path: WritableKeyPath<Outer, Options>) -> OptionFlag<Outer> {
        let read = self.read
        return OptionFlag<Outer>(specs) { o, inv in try read(&o[keyPath: path], &inv) }
    }
}

/// A Swift type a flag's value reads into.
protocol FlagValue {
    static var flagKind: FlagKind { get }
    static func read(_ flags: ParsedFlags, _ name: String) -> Self
}

extension Bool: FlagValue {
    static var flagKind: FlagKind { .bool }
    static func read(_ flags: ParsedFlags, _ name: String) -> Bool { flags.bool(name) }
}

extension String: FlagValue {
    static var flagKind: FlagKind { .string }
    static func read(_ flags: ParsedFlags, _ name: String) -> String { flags.string(name) }
}

extension Int: FlagValue {
    static var flagKind: FlagKind { .int }
    static func read(_ flags: ParsedFlags, _ name: String) -> Int { flags.int(name) }
}

extension Array: FlagValue where Element == String {
    static var flagKind: FlagKind { .stringSlice }
    static func read(_ flags: ParsedFlags, _ name: String) -> [String] { flags.strings(name) }
}

/// nil unless the flag is given (pflag `Changed`).
extension Optional: FlagValue where Wrapped: FlagValue {
    static var flagKind: FlagKind { Wrapped.flagKind }
    static func read(_ flags: ParsedFlags, _ name: String) -> Wrapped? {
        flags.isSet(name) ? Wrapped.read(flags, name) : nil
    }
}

/// Typed options whose flags are declared with their fields (`OptionFlag`): `init` reads every
/// declared flag into its field, then `complete` derives the rest (arguments, values built from
/// several flags) — kubectl's Complete; `validate` and `run` follow.
protocol FlagOptions: CommandOptions {
    init()
    static var flags: [OptionFlag<Self>] { get }
    mutating func complete(_ inv: inout Invocation) throws
}

extension FlagOptions {
    init(_ inv: inout Invocation) throws {
        self.init()
        for flag in Self.flags { try flag.read(&self, &inv) }
        try complete(&inv)
    }

    mutating func complete(_ inv: inout Invocation) throws {}

    static var flagSpecs: [FlagSpec] { flags.flatMap(\.specs) }
}

extension OptionFlag {
    /// Flags accepted with no effect, because nothing they change exists offline (a container runtime,
    /// a network, kustomize function containers): read so that their values are still checked, and
    /// said so in their usage text or the command's refusal.
    static func noEffectOffline(_ specs: [FlagSpec]) -> OptionFlag {
        OptionFlag(specs) { _, inv in
            for spec in specs { _ = inv.flags.strings(spec.name) }
        }
    }
}

extension OptionFlag {
    /// The flags naming objects (`-f`/`-R`/`-k`, `-l`, `--field-selector`, `--all`, `-A`, `--local`, ...)
    /// into a `ResourceBuilder` field; the builder reads each one it knows.
    static func builder(_ field: WritableKeyPath<Options, ResourceBuilder>, _ specs: [FlagSpec]) -> OptionFlag {
        OptionFlag(field, specs) { ResourceBuilder.from($0) }
    }

    /// The printing flags (`-o`, `--template`, `--show-managed-fields`, ...) into a `PrintFlags` field.
    static func printing(_ field: WritableKeyPath<Options, PrintFlags>, _ specs: [FlagSpec]) -> OptionFlag {
        OptionFlag(field, specs) { PrintFlags($0.flags) }
    }
}

/// A `.duration` flag's value: the text as given and its length (nil when the text is not a Go duration).
struct DurationFlag: FlagValue {
    var text = ""
    var nanoseconds: Int64?

    static var flagKind: FlagKind { .duration }
    static func read(_ flags: ParsedFlags, _ name: String) -> DurationFlag {
        DurationFlag(text: flags.string(name), nanoseconds: flags.durationNanoseconds(name))
    }
}
