import KubeAPI
import KubeModel
import KubeRegistry
import KubePrinters
import KubeSchema
#if canImport(Glibc)
import Glibc
#endif

/// Lazily opened services of one invocation: the store and the API server over it.
final class Services: @unchecked Sendable {
    var server: APIServer?
    /// API warnings printed so far (the server prints each distinct text once).
    var warningCount = 0
}

extension Invocation {
    /// The store path: `--store`, then `KUBECTL_LOCAL_STORE`, then `$XDG_DATA_HOME/kubectl-local/store.db`
    /// (`~/.local/share/kubectl-local/store.db`).
    public var storePath: String {
        if flags.isSet("store"), !flags.string("store").isEmpty { return flags.string("store") }
        if let p = environment["KUBECTL_LOCAL_STORE"], !p.isEmpty { return p }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/kubectl-local/store.db" }
        let home = environment["HOME"] ?? "."
        return home + "/.local/share/kubectl-local/store.db"
    }

    /// The API server over the store, opened on first use.
    func server() throws -> APIServer {
        if let s = services.server { return s }
        let s: APIServer
        do {
            s = try APIServer.open(path: storePath, registry: Registry.builtin, clock: clock)
            try s.loadCustomResources(columns: .jsonPath)  // the kinds of the store's CRDs
        } catch {
            throw CLIError.message("cannot open store \(storePath): \(error)")
        }
        configureRequests(s)
        services.server = s
        return s
    }

    /// The request options every write carries: `fieldValidation` from `--validate` (the server's
    /// default, Warn, for commands without it) and API warnings printed as kubectl prints them.
    private func configureRequests(_ s: APIServer) {
        if flags.values["validate"] != nil, let mode = try? ValidationMode.from(self) {
            s.fieldValidation = mode == .strict ? .strict : mode == .warn ? .warn : .ignore
        }
        s.fieldManager = fieldManagerContext
        let err = io.err
        let services = services
        s.warningHandler = {
            services.warningCount += 1
            err.write("Warning: \($0)\n")
        }
    }

    /// The field manager kubectl sends: `--field-manager` (or the command's default for it); server-side
    /// apply and diff default to `kubectl`; commands without the flag are named by kubectl's user agent
    /// (`kubectl`). `scale` writes through the scale subresource, `--subresource` through the one named.
    var fieldManagerContext: FieldManagerContext {
        var m = FieldManagerContext()
        if flags.declares("field-manager") { m.manager = flags.string("field-manager") }
        if flags.declares("server-side"), flags.bool("server-side"), !flags.isSet("field-manager") { m.manager = "kubectl" }
        if commandPath.first == "scale" { m.subresource = "scale" }
        if flags.declares("subresource") { m.subresource = flags.string("subresource") }
        return m
    }

    /// The served kinds: built-in ones plus the store's CRDs (the store is opened when it exists).
    var registry: Registry {
        if let s = services.server { return s.registry }
        if access(storePath, F_OK) == 0, let s = try? server() { return s.registry }
        return Registry.builtin
    }

    /// The request namespace: `-n`, else the current context's namespace, else `default`.
    func namespace() throws -> String {
        if flags.isSet("namespace") { return flags.string("namespace") }
        let configured = try server().read { try $0.config("context.namespace") }
        if let ns = configured, !ns.isEmpty { return ns }
        return "default"
    }

    /// Whether `-n` was given explicitly (create -f compares it with the object's namespace).
    var namespaceExplicit: Bool { flags.isSet("namespace") }

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
