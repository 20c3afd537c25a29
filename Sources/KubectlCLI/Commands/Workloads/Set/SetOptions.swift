/// What the set verbs read from their flags: the objects named (`TYPE NAME`, `-f`, `-k`, `-l`, `--all`,
/// `--local`) and each verb's own values (empty when the verb has no such flag).
struct SetOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var record = false, list = false, overwrite = false, resolve = false
    var containers = "", from = "", prefix = "", limits = "", requests = "", resourceVersion = ""
    var env: [String] = [], keys: [String] = [], users: [String] = [], groups: [String] = [], serviceAccounts: [String] = []

    var local: Bool { builder.local }
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
}
