import KubeModel
import KubePrinters

/// `kubectl config`: kubectl-local has one context, `local`, whose namespace is kept in the store.
enum ConfigCommand {
    static let contextName = "local"

    static let spec = CommandSpec(
        "config", use: "config SUBCOMMAND", short: "Show or change the context (kubectl-local has one: \"local\")",
        subcommands: [
            CommandSpec("view", use: "view [flags]", short: "Show the configuration as a kubeconfig document",
                        flags: [FlagSpec("allow-missing-template-keys", .bool, default: "true",
                                         usage: "Ignore missing fields in templates (go-template and jsonpath output only)."),
                                FlagSpec("flatten", .bool, usage: "Inline file references. No effect offline: the local document has none."),
                                FlagSpec("merge", .bool, default: "true", usage: "Merge every kubeconfig file. No effect offline: there is one local document."),
                                FlagSpec("minify", .bool, usage: "Only the current context. No effect offline: there is only one."),
                                FlagSpec("output", short: "o", .string, default: "yaml", usage: "Output format: yaml, json, jsonpath=..., go-template=...",
                                         completions: CommonFlags.outputFormats),
                                FlagSpec("raw", .bool, usage: "Show secret data too. No effect offline: nothing is hidden."),
                                FlagSpec("show-managed-fields", .bool, usage: "Keep metadata.managedFields (a kubeconfig has none)."),
                                FlagSpec("template", .string, usage: "Template for -o go-template or jsonpath, when not given after '='.")],
                        run: { try view(&$0) }),
            CommandSpec("current-context", use: "current-context [flags]", short: "Print the current context",
                        run: { $0.io.out.write(contextName + "\n") }),
            CommandSpec("get-contexts", use: "get-contexts [(-o|--output=)name)]", short: "List the contexts",
                        flags: [FlagSpec("output", short: "o", .string, usage: "Output format: name."),
                                FlagSpec("no-headers", .bool, usage: "Leave out the header row.")],
                        run: { try getContexts(&$0) }),
            CommandSpec("set-context", use: "set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]",
                        short: "Set the namespace of the context",
                        flags: [FlagSpec("current", .bool, usage: "Change the current context."),
                                FlagSpec("cluster", .string, usage: "Cluster of the context. No effect offline: it is fixed."),
                                FlagSpec("namespace", .string, usage: "The namespace commands use when -n is not given."),
                                FlagSpec("user", .string, usage: "User of the context. No effect offline: it is fixed.")],
                        run: { try setContext(&$0) }),
            CommandSpec("use-context", aliases: ["use"], use: "use-context CONTEXT_NAME", short: "Switch to a context",
                        run: { try useContext(&$0) }),
        ],
        group: "Other Commands:")

    static func currentNamespace(_ inv: Invocation) throws -> String {
        try inv.server().read { try $0.config("context.namespace") } ?? ""
    }

    static func document(namespace: String, storePath: String) -> JSONValue {
        var context = JSONObject([("cluster", .string(contextName))])
        if !namespace.isEmpty { context["namespace"] = .string(namespace) }
        context["user"] = .string(contextName)
        return [
            "apiVersion": "v1",
            "clusters": [["cluster": ["server": .string("local://" + storePath)], "name": .string(contextName)]],
            "contexts": [["context": .object(context), "name": .string(contextName)]],
            "current-context": .string(contextName),
            "kind": "Config",
            "preferences": .emptyObject,
            "users": [["name": .string(contextName), "user": .emptyObject]],
        ]
    }

    static func view(_ inv: inout Invocation) throws {
        let doc = document(namespace: try currentNamespace(inv), storePath: inv.storePath)
        switch inv.flags.string("output") {
        case "json": inv.io.out.write(doc.jsonString(JSONWriteOptions(indent: 4, sortKeys: true)) + "\n")
        case "yaml", "": inv.io.out.write(ObjectPrinter.yaml(doc))
        default:
            guard let format = try objectFormat(inv) else { return inv.io.out.write(ObjectPrinter.yaml(doc)) }
            try TemplateOutput.write([doc], format: format, inv: &inv)
        }
    }

    static func getContexts(_ inv: inout Invocation) throws {
        if inv.flags.string("output") == "name" {
            inv.io.out.write(contextName + "\n")
            return
        }
        var tw = TabWriter.table()
        if !inv.flags.bool("no-headers") { tw.writeRow(["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"]) }
        tw.writeRow(["*", contextName, contextName, contextName, try currentNamespace(inv)])
        inv.io.out.write(tw.flush())
    }

    static func setContext(_ inv: inout Invocation) throws {
        let name = inv.args.first
        if !inv.flags.bool("current") && name == nil {
            throw CLIError.message("you must specify a non-empty context name or --current")
        }
        if inv.flags.bool("current") && name != nil {
            throw CLIError.message("you cannot specify a context name and --current")
        }
        if let name, name != contextName {
            throw CLIError.message("kubectl-local has a single context, \"\(contextName)\"; use `kubectl config set-context --current --namespace=NS`")
        }
        if inv.flags.isSet("namespace") {
            let ns = inv.flags.string("namespace")
            try inv.server().write { try $0.setConfig("context.namespace", ns.isEmpty ? nil : ns) }
        }
        inv.io.out.write("Context \"\(contextName)\" modified.\n")
    }

    static func useContext(_ inv: inout Invocation) throws {
        guard let name = inv.args.first else { throw CLIError.usage("Unexpected args: []") }
        guard name == contextName else { throw CLIError.message("no context exists with the name: \"\(name)\"") }
        inv.io.out.write("Switched to context \"\(contextName)\".\n")
    }
}
