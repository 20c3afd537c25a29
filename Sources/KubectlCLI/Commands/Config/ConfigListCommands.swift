import KubeModel
import KubePrinters

/// `config current-context`.
struct CurrentContextOptions: FlagOptions {
    static var flags: [OptionFlag<Self>] { [] }

    func run(_ inv: inout Invocation) throws {
        let current = try inv.kubeconfig().currentContext
        if current.isEmpty { throw CLIError.message("current-context is not set") }
        inv.io.out.write(current + "\n")
    }
}

/// `config get-contexts [NAME...]`: the table (current one starred) or `-o name`, sorted by name.
struct GetContextsOptions: FlagOptions {
    var output = ""
    var noHeaders = false

    static var flags: [OptionFlag<Self>] {
        [.init(\.noHeaders, "no-headers", usage: "Print the rows without the header line."),
         .init(\.output, "output", short: "o", usage: "Print only the names with 'name'.", completions: ["name"])]
    }

    func validate(_ inv: Invocation) throws {
        if !output.isEmpty && output != "name" {
            throw CLIError.message("--output \(output) is not available in kubectl config get-contexts; resetting to default output format")
        }
    }

    func run(_ inv: inout Invocation) throws {
        let config = try inv.kubeconfig()
        var shown: [Kubeconfig.Entry] = []
        var missing: [String] = []
        let names = inv.args
        if names.isEmpty {
            shown = config.contexts.sorted { goStringLess($0.name, $1.name) }
        } else {
            for name in names {
                if let e = config.entry(.contexts, name) { shown.append(e) } else { missing.append("context \(name) not found") }
            }
            shown.sort { goStringLess($0.name, $1.name) }  // kubectl sorts the names it prints
        }
        if output == "name" {
            inv.io.out.write(shown.map { $0.name + "\n" }.joined())
        } else {
            var tw = TabWriter.table()
            if !noHeaders { tw.writeRow(["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"]) }
            for e in shown {
                tw.writeRow([e.name == config.currentContext ? "*" : "", e.name, e.fields["cluster"]?.string ?? "",
                             e.fields["user"]?.string ?? "", e.fields["namespace"]?.string ?? ""])
            }
            inv.io.out.write(tw.flush())
        }
        if missing.count == 1 { throw CLIError.message(missing[0]) }
        if missing.count > 1 { throw CLIError.aggregate(missing.map { CLIError.message($0) }) }
    }
}

/// `config get-clusters` / `config get-users`: a NAME column.
enum ListEntriesOptions {
    struct Clusters: FlagOptions {
        static var flags: [OptionFlag<Self>] { [] }
        func run(_ inv: inout Invocation) throws { try ListEntriesOptions.list(.clusters, &inv) }
    }

    struct Users: FlagOptions {
        static var flags: [OptionFlag<Self>] { [] }
        func run(_ inv: inout Invocation) throws { try ListEntriesOptions.list(.users, &inv) }
    }

    static func list(_ section: Kubeconfig.Section, _ inv: inout Invocation) throws {
        let names = try inv.kubeconfig()[section].map(\.name).sorted(by: goStringLess)
        inv.io.out.write((["NAME"] + names).map { $0 + "\n" }.joined())
    }
}

/// `config view`: the document, `--minify`ed to the context in use, `--flatten`ed (file contents
/// inlined) or with secrets hidden (unless `--raw`), as YAML, JSON or a template.
struct ViewConfigOptions: FlagOptions {
    var printFlags = PrintFlags()
    var minify = false
    var flatten = false
    var raw = false
    /// kubectl-local reads one kubeconfig file; `--merge=false` wants it named by `--kubeconfig`, as kubectl does.
    var merge = true

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, [
            FlagSpec("allow-missing-template-keys", .bool, default: "true",
                     usage: "Ignore missing fields in templates (go-template and jsonpath output only)."),
            FlagSpec("output", short: "o", .string, default: "yaml", usage: "Output format: yaml, json, jsonpath=..., go-template=...",
                     completions: CommonFlags.outputFormats),
            FlagSpec("show-managed-fields", .bool, usage: "Keep metadata.managedFields (a kubeconfig has none)."),
            FlagSpec("template", .string, usage: "Template for -o go-template or jsonpath, when not given after '='.")]),
         .init(\.flatten, "flatten", usage: "Put the contents of referenced certificate and key files into the document."),
         .init(\.merge, "merge", default: "true", usage: "Merge every kubeconfig file. No effect offline: kubectl-local reads one kubeconfig file."),
         .init(\.minify, "minify", usage: "Keep only the context in use, with its cluster and user."),
         .init(\.raw, "raw", usage: "Print tokens, passwords and certificate data as they are.")]
    }

    mutating func complete(_ inv: inout Invocation) throws { try APIResourcesCommand.rejectArguments(inv) }

    func validate(_ inv: Invocation) throws {
        if !merge && !inv.kubeconfigLocation.explicit {
            throw CLIError.message("if merge==false a precise file must be specified")
        }
    }

    func run(_ inv: inout Invocation) throws {
        var config = try inv.kubeconfig()
        if minify {
            if let c = inv.flags.contextSelection["context"], !c.isEmpty { config.currentContext = c }
            config = try Self.minified(config)
        }
        if flatten {
            config = try Self.flattened(config, base: KubeconfigPaths.base(of: inv.kubeconfigLocation.path))
        } else if !raw {
            config = Self.shortened(config)
        }
        let doc = config.json()
        // kubectl's PrintFlags: a --template without -o given means go-template (-o defaults to yaml
        // here); json, yaml and name in any case.
        var flags = printFlags
        if !flags.template.isEmpty && !inv.flags.isSet("output") { flags.output = "go-template" }
        switch flags.output.lowercased() {
        case "json": inv.io.out.write(doc.jsonString(JSONWriteOptions(indent: 4, sortKeys: false)) + "\n")
        case "yaml": inv.io.out.write(try OutputWriter.yaml(doc))
        // kubectl's name printer (also what an empty -o picks): a Config has no name.
        case "name", "": inv.io.out.write("config/<unknown>\n")
        default:
            guard let format = try flags.format() else { return inv.io.out.write(try OutputWriter.yaml(doc)) }
            try TemplateOutput.write([doc], format: format, typed: true, inv: &inv)  // a typed clientcmd Config
        }
    }

    /// clientcmd's MinifyConfig: the current context, its cluster and its user.
    static func minified(_ config: Kubeconfig) throws -> Kubeconfig {
        guard !config.currentContext.isEmpty else { throw CLIError.message("current-context must exist in order to minify") }
        guard let context = config.entry(.contexts, config.currentContext) else {
            throw CLIError.message("cannot locate context \(config.currentContext)")
        }
        var out = Kubeconfig()
        out.preferences = config.preferences
        out.extensions = config.extensions
        out.currentContext = config.currentContext
        out.contexts = [context]
        if let name = context.fields["cluster"]?.string, !name.isEmpty {
            guard let c = config.entry(.clusters, name) else { throw CLIError.message("cannot locate cluster \(name)") }
            out.clusters = [c]
        }
        if let name = context.fields["user"]?.string, !name.isEmpty {
            guard let u = config.entry(.users, name) else { throw CLIError.message("cannot locate user \(name)") }
            out.users = [u]
        }
        return out
    }

    /// clientcmd's ShortenConfig: certificate data `DATA+OMITTED`, passwords and tokens `REDACTED`.
    static func shortened(_ config: Kubeconfig) -> Kubeconfig {
        var out = config
        for i in out.clusters.indices where out.clusters[i].fields["certificate-authority-data"].map({ !KubeconfigFields.isEmpty($0) }) ?? false {
            out.clusters[i].fields["certificate-authority-data"] = "DATA+OMITTED"
        }
        for i in out.users.indices {
            for (key, mask) in [("client-certificate-data", "DATA+OMITTED"), ("client-key-data", "DATA+OMITTED"),
                                ("password", "REDACTED"), ("token", "REDACTED")]
            where out.users[i].fields[key].map({ !KubeconfigFields.isEmpty($0) }) ?? false {
                out.users[i].fields[key] = .string(mask)
            }
        }
        return out
    }

    /// clientcmd's FlattenConfig: referenced certificate and key files become `-data` fields.
    static func flattened(_ config: Kubeconfig, base: String) throws -> Kubeconfig {
        var out = config
        for i in out.clusters.indices {
            try inline(&out.clusters[i].fields, path: "certificate-authority", data: "certificate-authority-data", base: base)
        }
        for i in out.users.indices {
            try inline(&out.users[i].fields, path: "client-certificate", data: "client-certificate-data", base: base)
            try inline(&out.users[i].fields, path: "client-key", data: "client-key-data", base: base)
        }
        return out
    }

    /// A referenced file (relative: from the kubeconfig's directory) inlined.
    static func inline(_ fields: inout JSONObject, path key: String, data: String, base: String) throws {
        guard let path = fields[key]?.string, !path.isEmpty else { return }
        let bytes = try readFileBytes(KubeconfigPaths.resolved(path, base: base))
        fields[data] = .string(base64Encode(bytes))
        fields[key] = nil
    }
}
