/// What the set verbs read from their flags: the objects named (`TYPE NAME`, `-f`, `-k`, `-l`, `--all`,
/// `--local`) and each verb's own values (empty when the verb has no such flag).
struct SetOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var record = false, list = false, overwrite = false, resolve = false
    var containers = "", from = "", prefix = "", limits = "", requests = "", resourceVersion = ""
    var env: [String] = [], keys: [String] = [], users: [String] = [], groups: [String] = [], serviceAccounts: [String] = []
    /// Read in `complete` (kubectl's order: the dry-run strategy, then the printer).
    var dryRun = DryRun.none

    var local: Bool { builder.local }

    /// The builder that reads the objects: the set commands decode files into kubectl's typed structs.
    var typedBuilder: ResourceBuilder {
        var b = builder
        b.decodeTyped = true
        return b
    }
}

/// The options type of one set verb: its flags fill a `SetOptions`.
protocol SetVerbOptions: FlagOptions {
    var o: SetOptions { get set }
}

extension SetVerbOptions {
    /// The flags every set verb has: printing, the objects, `--all`, `--local`, `-l` (unless `selector`
    /// is false), the field manager, and with `containers` the `-c` pattern.
    static func common(containers: Bool = false, selector: Bool = true, kustomize: Bool = true,
                       recursiveByDefault: Bool = false) -> [OptionFlag<Self>] {
        var naming = CommonFlags.filenames("update").filter { kustomize || $0.name != "kustomize" }
        if recursiveByDefault { naming = naming.map(SetCommand.recursiveByDefault) }
        naming += [FlagSpec("all", .bool, usage: "Select every object of the given types in the namespace."),
                   FlagSpec("local", .bool, usage: "Change the objects from -f only, without reading or writing the store.")]
        if selector { naming.append(CommonFlags.selector) }
        var flags: [OptionFlag<Self>] = [
            .printing(\Self.o.printFlags, CommonFlags.output(tables: false) + [CommonFlags.dryRun]),
            .builder(\Self.o.builder, naming),
            .fieldManager("kubectl-set"),
        ]
        if containers {
            flags.append(.init(\Self.o.containers, "containers", short: "c", default: "*", usage: "Containers to change, as a glob pattern."))
        }
        return flags
    }

    static var record: OptionFlag<Self> { .init(\Self.o.record, CommonFlags.record) }

    /// kubectl's Complete of every set verb begins with the dry-run strategy, then makes the printer
    /// (a bad `-o` or template fails here, before the arguments are looked at).
    mutating func complete(_ inv: inout Invocation) throws {
        o.dryRun = try DryRun.parse(o.printFlags.dryRun, inv)
        _ = try o.printFlags.format()
    }
}
