import KubeAPI
import KubeModel
import KubeRegistry
import KubePrinters
import KubeSchema
#if canImport(Glibc)
import Glibc
#endif

/// Lazily opened services of one invocation: the kubeconfig, the active context, the store and the
/// API server over it.
final class Services: @unchecked Sendable {
    var server: APIServer?
    /// The store file `server` is over.
    var serverPath: String?
    var kubeconfig: Kubeconfig?
    var active: ActiveContext?
    /// API warnings printed so far (the server prints each distinct text once).
    var warningCount = 0
    /// The command's request options (`Invocation.request`), set from its flags.
    var request = RequestOptions()
}

extension Invocation {
    /// Where the kubeconfig and the home store are (`--kubeconfig`, `--store`, `KUBECTL_LOCAL_STORE`).
    var kubeconfigLocation: KubeconfigLocation {
        KubeconfigLocation(flagValues: flags.contextSelection, environment: environment)
    }

    /// The kubeconfig document: the file, or (before one is written) the home store's default with the
    /// namespace older versions kept in the store itself.
    func kubeconfig() throws -> Kubeconfig {
        if let c = services.kubeconfig { return c }
        let location = kubeconfigLocation
        let config: Kubeconfig
        if let c = try KubeconfigFile.read(location.path) {
            config = c
        } else if location.explicit {
            config = Kubeconfig()
        } else {
            config = location.defaultConfig(namespace: try legacyNamespace(location.homeStore))
        }
        services.kubeconfig = config
        return config
    }

    /// The namespace `config set-context` kept in the store before kubectl-local had a kubeconfig.
    private func legacyNamespace(_ homeStore: String) throws -> String? {
        guard access(homeStore, F_OK) == 0 else { return nil }
        return try openServer(homeStore).read { try $0.config("context.namespace") }
    }

    /// The user of the context in use, read without opening a store (the store is being opened).
    private func kubeconfigUserName() -> String {
        let location = kubeconfigLocation
        let file = (try? KubeconfigFile.read(location.path)) ?? nil
        let config = services.kubeconfig ?? file ?? (location.explicit ? Kubeconfig() : location.defaultConfig(namespace: nil))
        return (try? ActiveContext.resolve(config, location: location, flagValues: flags.contextSelection).userName) ?? ""
    }

    /// The context, cluster, user, namespace and store this command uses.
    func activeContext() throws -> ActiveContext {
        if let a = services.active { return a }
        let location = kubeconfigLocation
        if location.explicit && access(location.path, F_OK) != 0 {
            throw CLIError.message("stat \(location.path): no such file or directory")
        }
        let a = try ActiveContext.resolve(kubeconfig(), location: location, flagValues: flags.contextSelection)
        services.active = a
        return a
    }

    /// kubectl's check of the certificate files the context's user and cluster name (`CredentialFiles`),
    /// before a command's own work; no store is opened for it.
    func checkCredentialFiles() throws {
        let location = kubeconfigLocation
        if location.explicit && access(location.path, F_OK) != 0 {
            throw CLIError.message("stat \(location.path): no such file or directory")
        }
        if services.kubeconfig == nil, let file = try KubeconfigFile.read(location.path) { services.kubeconfig = file }
        let config = services.kubeconfig ?? (location.explicit ? Kubeconfig() : location.defaultConfig(namespace: nil))
        let active = try ActiveContext.resolve(config, location: location, flagValues: flags.contextSelection)
        try CredentialFiles.confirmUsable(config, active, kubeconfigPath: location.path, flags: flags)
    }

    /// The store of the active cluster (the home store when the kubeconfig cannot be read).
    public var storePath: String {
        (try? activeContext().storePath) ?? kubeconfigLocation.homeStore
    }

    /// The API server over the active cluster's store, opened on first use.
    func server() throws -> APIServer {
        try openServer(activeContext().storePath)
    }

    private func openServer(_ path: String) throws -> APIServer {
        if let s = services.server, services.serverPath == path { return s }
        let s: APIServer
        do {
            // KUBECTL_LOCAL_CONTROLLER_BATCHES: batches of split-off controller work per command.
            let batches = environment["KUBECTL_LOCAL_CONTROLLER_BATCHES"].flatMap { Int($0) }.map { max(1, $0) }
            s = try APIServer.open(path: path, registry: Registry.builtin, clock: clock,
                                   deferredBatches: batches ?? APIServer.deferredBatchesPerCommand)
            try s.loadCustomResources(columns: .jsonPath)  // the kinds of the store's CRDs
        } catch {
            throw CLIError.message("cannot open store \(path): \(error)")
        }
        configureRequests(s)
        try authorizeRequests(s)
        services.server = s
        services.serverPath = path
        return s
    }

    /// Every request is authorised by RBAC as the kubeconfig's admin, or as the user `--as`,
    /// `--as-group` and `--as-uid` impersonate (which the admin must be allowed to do).
    private func authorizeRequests(_ s: APIServer) throws {
        guard flags.declares("as") else { return s.authorizeAsAdmin() }
        let user = flags.string("as"), groups = flags.strings("as-group"), uid = flags.string("as-uid")
        if user.isEmpty {
            if !groups.isEmpty || !uid.isEmpty {
                // kubectl's client refuses before sending anything, naming the kubeconfig user.
                throw CLIError.message("requesting uid, groups or user-extra for \(kubeconfigUserName()) without impersonating a user")
            }
            return s.authorizeAsAdmin()
        }
        try s.impersonate(user: user, groups: groups, uid: uid)
    }

    /// Every request carries the command's request options (field manager, field validation,
    /// subresource); API warnings are printed as kubectl prints them.
    private func configureRequests(_ s: APIServer) {
        request.configure(s)
        let err = io.err
        // Weak: the services hold the server, which holds this handler (a cycle would keep the store's
        // connection, and its three open files, alive after the command).
        s.warningHandler = { [weak services = services] in
            services?.warningCount += 1
            err.write("Warning: \($0)\n")
        }
    }

    /// The served kinds: built-in ones plus the store's CRDs (the store is opened when it exists).
    var registry: Registry {
        if let s = services.server, services.serverPath == storePath { return s.registry }
        if access(storePath, F_OK) == 0, let s = try? server() { return s.registry }
        return Registry.builtin
    }

    /// The request namespace: `-n`, else the current context's namespace, else `default`. An empty
    /// `-n ''` counts as not given, as clientcmd's override does.
    func namespace() throws -> String {
        if namespaceExplicit { return flags.string("namespace") }
        let configured = try activeContext().namespace
        return configured.isEmpty ? "default" : configured
    }

    /// Whether `-n` was given explicitly (create -f compares it with the object's namespace).
    var namespaceExplicit: Bool { flags.isSet("namespace") && !flags.string("namespace").isEmpty }

    func warn(_ text: String) { io.err.write("Warning: \(text)\n") }
}

extension CustomResourceColumnSupport {
    /// Printer columns evaluated with kubectl's JSONPath, as the API server's CRD table convertor does.
    static let jsonPath = CustomResourceColumnSupport(
        find: { path, object in
            guard let jp = try? JSONPath("{" + path + "}", allowMissingKeys: true),
                  let first = (try? jp.findResults(object))?.first?.first else { return nil }
            return first.json
        },
        text: { value in
            (try? JSONPath("{}", allowMissingKeys: true))?.printResults([JPValue.value(value)]) ?? ""
        },
        formatFloat: { goFormatV(.double($0)) })
}
