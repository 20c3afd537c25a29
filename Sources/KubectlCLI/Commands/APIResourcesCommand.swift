import KubeModel
import KubeRegistry

/// `kubectl api-resources` and `kubectl api-versions`, printed from the registry.
enum APIResourcesCommand {
    static let spec = CommandSpec(
        "api-resources",
        use: "api-resources [flags]",
        short: "List the resource types the store serves",
        flags: [
            FlagSpec("api-group", .string, usage: "Only list resources of this API group."),
            FlagSpec("cached", .bool, usage: "Use the cached list. No effect offline: the list is built in."),
            FlagSpec("categories", .stringSlice, usage: "Only list resources in these categories (e.g. all)."),
            FlagSpec("namespaced", .bool, default: "true", usage: "Only list namespaced (true) or cluster-scoped (false) resources, when given."),
            FlagSpec("no-headers", .bool, usage: "Leave out the header row."),
            FlagSpec("output", short: "o", .string, usage: "Output format: wide or name.", completions: ["wide", "name"]),
            FlagSpec("sort-by", .string, usage: "Sort by the name or kind column.", completions: ["name", "kind"]),
            FlagSpec("verbs", .stringSlice, usage: "Only list resources supporting all these verbs."),
        ],
        group: "Other Commands:",
        run: { try run(&$0) })

    static let versionsSpec = CommandSpec(
        "api-versions", use: "api-versions", short: "List the API versions the store serves, as group/version",
        group: "Other Commands:",
        run: { inv in
            try rejectArguments(inv)
            for v in inv.registry.apiVersions { inv.io.out.write(v + "\n") }
        })

    /// api-resources, api-versions and config view take no arguments (kubectl's Complete refuses them first).
    static func rejectArguments(_ inv: Invocation) throws {
        if !inv.args.isEmpty { throw CLIError.usage("unexpected arguments: [\(inv.args.joined(separator: " "))]") }
    }

    static func run(_ inv: inout Invocation) throws {
        try rejectArguments(inv)
        let output = inv.flags.string("output")
        guard ["", "wide", "name"].contains(output) else {
            throw CLIError.message("--output \(output) is not available")
        }
        let sortBy = inv.flags.string("sort-by")
        guard ["", "name", "kind"].contains(sortBy) else {
            throw CLIError.message("--sort-by accepts only name or kind")
        }
        var types = inv.registry.apiResources(sortBy: sortBy.isEmpty ? nil : sortBy)
        if inv.flags.isSet("api-group") { types = types.filter { $0.group == inv.flags.string("api-group") } }
        if inv.flags.isSet("namespaced") { types = types.filter { $0.namespaced == inv.flags.bool("namespaced") } }
        let verbs = inv.flags.strings("verbs")
        if !verbs.isEmpty { types = types.filter { t in verbs.allSatisfy { t.verbs.contains($0) } } }
        let cats = inv.flags.strings("categories")
        if !cats.isEmpty { types = types.filter { t in cats.allSatisfy { t.categories.contains($0) } } }
        if output == "name" {
            for t in types { inv.io.out.write(t.qualifiedPlural + "\n") }
            return
        }
        var tw = TabWriter.table()
        if !inv.flags.bool("no-headers") {
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
