import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl get --raw PATH`: what the API server answers on its health, version and discovery paths
/// and on object paths (`KubeAPI.RawPaths`), printed as kubectl prints a raw body (as is, no newline
/// added). Paths the store has no answer for (the OpenAPI documents, metrics, proxies, logs) get the
/// API server's 404.
extension RawRequest {
    /// kubectl's checks of `--raw` (Complete and Validate of `get`).
    static func validate(_ inv: Invocation, path: String) throws {
        if !inv.args.isEmpty { throw CLIError.message("arguments may not be passed when --raw is specified") }
        if inv.flags.bool("watch") || inv.flags.bool("watch-only") || !inv.flags.string("selector").isEmpty {
            throw CLIError.message("--raw may not be specified with other flags that filter the server request or alter the output")
        }
        if !inv.flags.string("output").isEmpty { throw CLIError.message("--raw and --output are mutually exclusive") }
        try validatePath(path)
    }

    static func run(_ inv: inout Invocation, path raw: String) throws {
        try validate(inv, path: raw)
        var path = raw
        var query = ""
        if let q = raw.firstIndex(of: "?") {
            path = String(raw[..<q])
            query = String(raw[raw.index(after: q)...])
        }
        if path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let verbose = query.split(separator: "&").contains { $0 == "verbose" || $0.hasPrefix("verbose=") }
        if let health = RawPaths.health(path, verbose: verbose) {
            inv.io.out.write(health)
            return
        }
        if path == "/version" {
            inv.io.out.write(VersionCommand.info().jsonString(JSONWriteOptions(indent: 2, sortKeys: false)))
            return
        }
        // The issuer's documents (the signing key is made on first use, hence a write).
        if ["/.well-known/openid-configuration", "/openid/v1/jwks"].contains(path),
           let doc = try inv.server().write({ try $0.serviceAccountIssuerDocument(path) }) {
            inv.io.out.write(doc.jsonString(JSONWriteOptions(indent: nil, sortKeys: false)))
            return
        }
        if let doc = RawPaths.discovery(path, registry: inv.registry) {
            inv.io.out.write(doc.jsonString(JSONWriteOptions(indent: nil, sortKeys: false)) + "\n")
            return
        }
        if let object = try RawPaths.object(path, registry: inv.registry, server: { try inv.server() }) {
            inv.io.out.write(object.jsonString(JSONWriteOptions(indent: nil, sortKeys: false)) + "\n")
            return
        }
        throw notFound
    }

    static let notFound = CLIError.api(APIError(reason: .notFound, message: "the server could not find the requested resource", code: 404))
}
