#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeRegistry
import KubeStore

extension APIServer {
    /// Opens the store at `path` only if it exists, for readers that must leave no trace (shell
    /// completion): nothing is created or seeded and no controller runs. The registry includes the
    /// kinds of the store's CustomResourceDefinitions. Nil when there is no store or it cannot be read.
    public static func openExisting(path: String, registry: Registry = .builtin, clock: Clock,
                                    columns: CustomResourceColumnSupport = .simple) -> APIServer?
    {
        guard access(path, F_OK) == 0, let store = try? Store(path: path) else { return nil }
        let server = APIServer(store: store, registry: registry, clock: clock)
        guard (try? server.loadCustomResources(columns: columns)) != nil else { return nil }
        return server
    }
}

extension APISession {
    /// Names of the objects of a resource in list order (namespace, then name), without decoding them.
    public func names(_ type: ResourceType, namespace: String?) throws -> [String] {
        try listSummaries(type, namespace: namespace).map(\.name)
    }

    /// The namespace the current context sets (`config set-context --current --namespace=NS`); nil when none.
    public func contextNamespace() throws -> String? {
        guard let ns = try tx.config("context.namespace"), !ns.isEmpty else { return nil }
        return ns
    }
}
