import KubeModel
import KubeRegistry

/// `kubectl api-resources` and `kubectl api-versions`, printed from the registry.
enum APIResourcesCommand {
    /// api-resources, api-versions and config view take no arguments (kubectl's Complete refuses them first).
    static func rejectArguments(_ inv: Invocation) throws {
        if !inv.args.isEmpty { throw CLIError.usage("unexpected arguments: [\(inv.args.joined(separator: " "))]") }
    }

    static let spec = CommandSpec(
        "api-resources",
        use: "api-resources [flags]",
        short: "List the resource types the store serves",
        group: "Other Commands:", options: APIResourcesOptions.self)

    static let versionsSpec = CommandSpec(
        "api-versions", use: "api-versions", short: "List the API versions the store serves, as group/version",
        group: "Other Commands:", options: APIVersionsOptions.self)
}

struct APIVersionsOptions: FlagOptions {
    static var flags: [OptionFlag<Self>] { [] }
    func run(_ inv: inout Invocation) throws {
        try APIResourcesCommand.rejectArguments(inv)
        for v in inv.registry.apiVersions { inv.io.out.write(v + "\n") }
    }
}

/// api-resources' filters and output.
struct APIResourcesOptions: FlagOptions {
    var apiGroup: String?
    var cached = false
    var categories: [String] = []
    var namespaced: Bool?
    var noHeaders = false
    var output = ""
    var sortBy = ""
    var verbs: [String] = []

    static var flags: [OptionFlag<Self>] {
        [.init(\.apiGroup, "api-group", usage: "Only list resources of this API group."),
         .init(\.cached, "cached", usage: "Use the cached list. No effect offline: the list is built in."),
         .init(\.categories, "categories", usage: "Only list resources in these categories (e.g. all)."),
         .init(\.namespaced, "namespaced", default: "true", usage: "Only list namespaced (true) or cluster-scoped (false) resources, when given."),
         .init(\.noHeaders, "no-headers", usage: "Leave out the header row."),
         .init(\.output, "output", short: "o", usage: "Output format: wide or name.", completions: ["wide", "name"]),
         .init(\.sortBy, "sort-by", usage: "Sort by the name or kind column.", completions: ["name", "kind"]),
         .init(\.verbs, "verbs", usage: "Only list resources supporting all these verbs.")]
    }

    func run(_ inv: inout Invocation) throws {
        try APIResourcesCommand.rejectArguments(inv)
        guard ["", "wide", "name"].contains(output) else {
            throw CLIError.message("--output \(output) is not available")
        }
        guard ["", "name", "kind"].contains(sortBy) else {
            throw CLIError.message("--sort-by accepts only name or kind")
        }
        var types = inv.registry.apiResources(sortBy: sortBy.isEmpty ? nil : sortBy)
        if let apiGroup { types = types.filter { $0.group == apiGroup } }
        if let namespaced { types = types.filter { $0.namespaced == namespaced } }
        if !verbs.isEmpty { types = types.filter { t in verbs.allSatisfy { t.verbs.contains($0) } } }
        if !categories.isEmpty { types = types.filter { t in categories.allSatisfy { t.categories.contains($0) } } }
        if output == "name" {
            for t in types { inv.io.out.write(t.qualifiedPlural + "\n") }
            return
        }
        var tw = TabWriter.table()
        if !noHeaders {
            tw.writeRow(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"] + (output == "wide" ? ["VERBS", "CATEGORIES"] : []))
        }
        for t in types {
            var row = [t.plural, t.shortNames.joined(separator: ","), t.apiVersion, t.namespaced ? "true" : "false", t.kind]
            if output == "wide" { row += [t.verbs.joined(separator: ","), t.categories.joined(separator: ",")] }
            tw.writeRow(row)
        }
        inv.io.out.write(tw.flush())
    }
}
