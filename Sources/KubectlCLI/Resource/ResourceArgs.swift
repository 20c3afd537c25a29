import KubeRegistry

/// What `TYPE NAME...`, `TYPE1,TYPE2`, `TYPE/NAME...` and categories like `all` select.
struct ResourceSelection {
    /// Requests in order: a type with explicit names, or a whole type (names empty).
    var requests: [(type: ResourceType, names: [String])]
    /// True when more than one type is involved, so names print as `kind/name`.
    var multipleTypes: Bool
    /// True when exactly one named object was asked for (`get pod x`, `get pod/x`).
    var singleItem: Bool
    /// True when the objects were named as `type/name` pairs (`get pod/x deploy/y`).
    var pairs = false
    /// Warnings from type resolution (ambiguous short names).
    var warnings: [String]
}

enum ResourceArgs {
    /// cmdutil's usage text when a command gets neither resources nor files (delete, scale, set, patch...).
    static let noResourcesMessage = """
        You must provide one or more resources by argument or filename.
        Example resource specifications include:
           '-f rsrc.yaml'
           '--filename=rsrc.json'
           '<resource> <name>'
           '<resource>'
        """

    static func parse(_ args: [String], registry: Registry) throws -> ResourceSelection {
        var warnings: [String] = []
        func resolve(_ text: String) throws -> [ResourceType] {
            if registry.isCategory(text.lowercased()) { return registry.types(inCategory: text.lowercased()) }
            let r = try registry.resolve(text)
            warnings += r.warnings
            return [r.type]
        }
        let slashCount = args.filter { $0.contains("/") }.count
        if slashCount > 0 {
            guard slashCount == args.count else {
                throw CLIError.message("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'")
            }
            var requests: [(type: ResourceType, names: [String])] = []
            var kinds = Set<String>()
            for arg in args {
                let parts = arg.split(separator: "/", omittingEmptySubsequences: false)
                if parts.count > 2 {
                    throw CLIError.message("arguments in resource/name form may not have more than one slash")
                }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw CLIError.message("arguments in resource/name form must have a single resource and name")
                }
                let r = try registry.resolve(String(parts[0]))
                warnings += r.warnings
                kinds.insert(r.type.storageKey)
                requests.append((r.type, [String(parts[1])]))
            }
            return ResourceSelection(requests: requests, multipleTypes: kinds.count > 1,
                                     singleItem: requests.count == 1, pairs: true, warnings: warnings)
        }
        guard let first = args.first else {
            return ResourceSelection(requests: [], multipleTypes: false, singleItem: false, warnings: [])
        }
        let typeWords = first.split(separator: ",", omittingEmptySubsequences: true).map(String.init)
        var types: [ResourceType] = []
        var expandedCategory = false
        for w in typeWords {
            let resolved = try resolve(w)
            if registry.isCategory(w.lowercased()) {
                expandedCategory = true
            }
            for t in resolved where !types.contains(where: { $0.storageKey == t.storageKey }) { types.append(t) }
        }
        let names = Array(args.dropFirst())
        let requests = types.map { (type: $0, names: names) }
        return ResourceSelection(requests: requests, multipleTypes: typeWords.count > 1 || expandedCategory,
                                 singleItem: types.count == 1 && names.count == 1 && !expandedCategory, warnings: warnings)
    }
}
