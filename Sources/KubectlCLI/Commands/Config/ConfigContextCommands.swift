import KubeModel

/// `config set-context [NAME | --current]`: adds the context or changes the fields given.
struct SetContextOptions: FlagOptions {
    var name: String?
    var current = false
    var cluster: String?, user: String?, namespace: String?
    /// The fields given (`cluster`, `user`, `namespace`), empty values included.
    var fields: [(String, String)] { [("cluster", cluster), ("user", user), ("namespace", namespace)].compactMap { k, v in v.map { (k, $0) } } }

    static var flags: [OptionFlag<Self>] {
        [.init(\.cluster, "cluster", usage: "The cluster (and so the store) the context uses."),
         .init(\.current, "current", usage: "Change the context in use instead of a named one."),
         .init(\.namespace, "namespace", usage: "The namespace commands use when -n is not given."),
         .init(\.user, "user", usage: "The user the context runs as.")]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        if inv.args.count > 1 { throw inv.helpThenUnexpectedArgs() }
        name = inv.args.first
    }

    func validate(_ inv: Invocation) throws {
        if current && name != nil { throw CLIError.message("you cannot specify both a context name and --current") }
        if !current && (name ?? "").isEmpty { throw CLIError.message("you must specify a non-empty context name or --current") }
    }

    func run(_ inv: inout Invocation) throws {
        var created = false
        var contextName = name ?? ""
        try inv.updateKubeconfig { config in
            if current {
                if config.currentContext.isEmpty { throw CLIError.message("no current context is set") }
                contextName = config.currentContext
            }
            var entry = config.entry(.contexts, contextName) ?? {
                created = true
                return Kubeconfig.Entry(name: contextName, fields: JSONObject())
            }()
            for (key, value) in fields { entry.fields[key] = .string(value) }
            config.put(.contexts, entry)
        }
        inv.io.out.write("Context \"\(contextName)\" \(created ? "created" : "modified").\n")
    }
}

/// `config use-context NAME`.
struct UseContextOptions: FlagOptions {
    var name = ""

    static var flags: [OptionFlag<Self>] { [] }

    mutating func complete(_ inv: inout Invocation) throws {
        guard inv.args.count == 1 else { throw inv.helpThenUnexpectedArgs() }
        name = inv.args[0]
    }

    func validate(_ inv: Invocation) throws {
        if name.isEmpty { throw CLIError.message("empty context names are not allowed") }
    }

    func run(_ inv: inout Invocation) throws {
        try inv.updateKubeconfig { config in
            guard config.entry(.contexts, name) != nil else {
                throw CLIError.message("no context exists with the name: \(strconvQuote(name))")
            }
            config.currentContext = name
        }
        inv.io.out.write("Switched to context \(strconvQuote(name)).\n")
    }
}

/// `config rename-context OLD NEW` (the current context follows the rename).
struct RenameContextOptions: FlagOptions {
    var old = ""
    var new = ""

    static var flags: [OptionFlag<Self>] { [] }

    mutating func complete(_ inv: inout Invocation) throws {
        guard inv.args.count == 2 else { throw inv.helpThenUnexpectedArgs() }
        old = inv.args[0]
        new = inv.args[1]
    }

    func validate(_ inv: Invocation) throws {
        if new.isEmpty { throw CLIError.message("You must specify a new non-empty context name") }
    }

    func run(_ inv: inout Invocation) throws {
        let path = inv.kubeconfigLocation.path
        try inv.updateKubeconfig { config in
            guard var entry = config.entry(.contexts, old) else {
                throw CLIError.message("cannot rename the context \(strconvQuote(old)), it's not in \(path)")
            }
            if config.entry(.contexts, new) != nil {
                throw CLIError.message("cannot rename the context \(strconvQuote(old)), the context \(strconvQuote(new)) already exists in \(path)")
            }
            config.remove(.contexts, old)
            entry.name = new
            config.put(.contexts, entry)
            if config.currentContext == old { config.currentContext = new }
        }
        inv.io.out.write("Context \(strconvQuote(old)) renamed to \(strconvQuote(new)).\n")
    }
}

/// `config delete-context|delete-cluster|delete-user NAME`. Without a name, kubectl prints the help
/// of delete-context and delete-cluster (and succeeds) and refuses delete-user.
protocol KubeconfigSectionName { static var section: Kubeconfig.Section { get } }
enum ContextEntry: KubeconfigSectionName { static var section: Kubeconfig.Section { .contexts } }
enum ClusterEntry: KubeconfigSectionName { static var section: Kubeconfig.Section { .clusters } }
enum UserEntry: KubeconfigSectionName { static var section: Kubeconfig.Section { .users } }

struct DeleteEntryOptions<Entry: KubeconfigSectionName>: FlagOptions {
    var name: String?
    static var flags: [OptionFlag<Self>] { [] }
    mutating func complete(_ inv: inout Invocation) throws { name = try Self.name(&inv, section: Entry.section) }
    func run(_ inv: inout Invocation) throws { try Self.delete(name, Entry.section, &inv) }

    static func name(_ inv: inout Invocation, section: Kubeconfig.Section) throws -> String? {
        // kubectl wants exactly one name: otherwise the usage error (users) or the help, exit 0.
        if inv.args.count != 1 {
            if section == .users { throw CLIError.usage("user to delete is required") }
            if let command = Help.command(at: inv.commandPath) { inv.io.out.write(Help.render(command, path: inv.commandPath)) }
            return nil
        }
        return inv.args[0]
    }

    static func delete(_ name: String?, _ section: Kubeconfig.Section, _ inv: inout Invocation) throws {
        guard let name else { return }
        let path = inv.kubeconfigLocation.path
        var wasCurrent = false
        try inv.updateKubeconfig { config in
            guard config.remove(section, name) else {
                throw CLIError.message("cannot delete \(section.bodyKey) \(name), not in \(path)")
            }
            wasCurrent = section == .contexts && config.currentContext == name
        }
        // kubectl warns before it reports the deletion.
        if wasCurrent {
            inv.io.err.write("warning: this removed your active context, use \"kubectl config use-context\" to select a different one\n")
        }
        inv.io.out.write("deleted \(section.bodyKey) \(name) from \(path)\n")
    }
}
