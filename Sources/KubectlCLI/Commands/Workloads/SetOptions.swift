/// What the set verbs read from their flags: the objects named (`TYPE NAME`, `-f`, `-k`, `-l`, `--all`,
/// `--local`) and each verb's own values (empty when the verb has no such flag).
struct SetOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var record = false, list = false, overwrite = false, resolve = false
    var containers = "", from = "", prefix = "", limits = "", requests = "", resourceVersion = ""
    var env: [String] = [], keys: [String] = [], users: [String] = [], groups: [String] = [], serviceAccounts: [String] = []

    var local: Bool { builder.local }
    var all: Bool { builder.selectAll }
    /// `-l` (`set selector` and `set serviceaccount` have none, as kubectl's).
    var selector: String { builder.labelSelector }
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

struct SetImageOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] { common() + [record] }
    func run(_ inv: inout Invocation) throws { try SetCommand.image(&inv, o) }
}

struct SetEnvOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] {
        common(containers: true) + [
            .init(\Self.o.env, "env", short: "e", .stringArray, usage: "An environment variable to set, as KEY=value."),
            .init(\Self.o.from, "from", usage: "The configmap or secret to read variables from (configmap/NAME, secret/NAME)."),
            .init(\Self.o.keys, "keys", usage: "With --from, only these keys."),
            .init(\Self.o.list, "list", usage: "Print the environment of each container instead of changing it."),
            .init(\Self.o.overwrite, "overwrite", default: "true", usage: "Allow replacing variables that already have a value."),
            .init(\Self.o.prefix, "prefix", usage: "Prefix for the names of variables taken from --from."),
            .init(\Self.o.resolve, "resolve", usage: "With --list, show values of secret and configmap references."),
        ]
    }
    func run(_ inv: inout Invocation) throws { try SetCommand.env(&inv, o) }
}

struct SetResourcesOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] {
        common(containers: true) + [
            .init(\Self.o.limits, "limits", usage: "Resource limits, as name=quantity pairs (cpu=200m,memory=512Mi)."),
            record,
            .init(\Self.o.requests, "requests", usage: "Resource requests, as name=quantity pairs."),
        ]
    }
    func run(_ inv: inout Invocation) throws { try SetCommand.resources(&inv, o) }
}

struct SetSelectorOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] {
        common(selector: false, kustomize: false, recursiveByDefault: true) + [
            record,
            .init(\Self.o.resourceVersion, "resource-version", usage: "Only update when the object still has this resourceVersion."),
        ]
    }
    func run(_ inv: inout Invocation) throws { try SetCommand.selector(&inv, o) }
}

struct SetSubjectOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] {
        common() + [
            .init(\Self.o.groups, "group", .stringArray, usage: "A group to add to the binding's subjects."),
            .init(\Self.o.serviceAccounts, "serviceaccount", .stringArray, usage: "A service account to add, as NAMESPACE:NAME."),
            .init(\Self.o.users, "user", .stringArray, usage: "A user name to add to the binding's subjects."),
        ]
    }
    func run(_ inv: inout Invocation) throws { try SetCommand.subject(&inv, o) }
}

struct SetServiceAccountOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] { common(selector: false) + [record] }
    func run(_ inv: inout Invocation) throws { try SetCommand.serviceAccount(&inv, o) }
}
