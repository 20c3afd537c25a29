import KubeModel

/// The context a command runs in: the kubeconfig's current context, or `--context`, with `--cluster`
/// and `--user` replacing its cluster and user (clientcmd's rules and error texts). The cluster decides
/// the store; the context's namespace is the default for `-n`.
struct ActiveContext: Sendable, Equatable {
    var contextName: String
    var clusterName: String
    var userName: String
    var namespace: String
    var storePath: String

    /// The global flags that pick a context, by name (`--context`, `--cluster`, `--user`, `--store`,
    /// `--kubeconfig`), as given on the command line.
    static let selectorFlags = ["context", "cluster", "user", "store", "kubeconfig"]

    static func resolve(_ config: Kubeconfig, location: KubeconfigLocation,
                        flagValues: [String: String]) throws -> ActiveContext
    {
        let requested = flagValues["context"].flatMap { $0.isEmpty ? nil : $0 }
        let name = requested ?? config.currentContext
        var context = JSONObject()
        if !name.isEmpty {
            guard let found = config.context(name) else {
                throw CLIError.raw("Error in configuration: context was not found for specified context: \(name)")
            }
            context = found
        }
        var cluster = context["cluster"]?.string ?? ""
        if let c = flagValues["cluster"], !c.isEmpty {
            guard config.entry(.clusters, c) != nil else { throw CLIError.message("no server found for cluster \"\(c)\"") }
            cluster = c
        }
        var user = context["user"]?.string ?? ""
        if let u = flagValues["user"], !u.isEmpty {
            guard config.entry(.users, u) != nil else { throw CLIError.message("auth info \"\(u)\" does not exist") }
            user = u
        }
        let store = location.storePath(cluster: cluster, entry: config.entry(.clusters, cluster)?.fields)
        return ActiveContext(contextName: name, clusterName: cluster, userName: user,
                             namespace: context["namespace"]?.string ?? "", storePath: store)
    }
}

extension ParsedFlags {
    /// The values of the context-selecting global flags that were given.
    var contextSelection: [String: String] {
        var out: [String: String] = [:]
        for name in ActiveContext.selectorFlags where declares(name) && !ownNames.contains(name) && isSet(name) { out[name] = string(name) }
        return out
    }
}
