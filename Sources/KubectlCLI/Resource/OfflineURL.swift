#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// `-f http(s)://...`: kubectl-local never goes to the network, so it answers as kubectl does on a
/// machine without one: an IP address or localhost refuses the connection, a host name is not found
/// by the resolver of /etc/resolv.conf. Exit code 1, kubectl's texts (printed without `error: `).
enum OfflineURL {
    static func isURL(_ path: String) -> Bool {
        path.hasPrefix("http://") || path.hasPrefix("https://")
    }

    static func fetchError(_ url: String) -> CLIError {
        let rest = url.drop { $0 != ":" }.dropFirst(3)
        let authority = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        if let bad = invalidEscape(url) {
            return .message("the URL passed to filename \(goQuoted(url)) is not valid: parse \(goQuoted(url)): invalid URL escape \(goQuoted(bad))")
        }
        let hostPort = String(authority.split(separator: "@", omittingEmptySubsequences: false).last ?? "")
        let host = hostName(hostPort)
        if host.isEmpty { return .raw("Unable to connect to the server: http: no Host in request URL") }
        if host.lowercased() == "localhost" || GoNet.isIPAddress(host) {
            return .raw("The connection to the server \(hostPort) was refused - did you specify the right host or port?")
        }
        return .raw("Unable to connect to the server: dial tcp: lookup \(host) on \(GoNet.resolverNameServer()): no such host")
    }

    /// The host of `host:port`, `[v6]:port` or `host`.
    static func hostName(_ hostPort: String) -> String {
        if hostPort.hasPrefix("[") { return String(hostPort.dropFirst().prefix { $0 != "]" }) }
        return String(hostPort.prefix { $0 != ":" })
    }

    /// A `%` not followed by two hex digits (Go's url.Parse refuses it), as Go quotes it.
    static func invalidEscape(_ url: String) -> String? {
        let chars = Array(url)
        for (i, c) in chars.enumerated() where c == "%" {
            let next = chars[(i + 1)..<min(i + 3, chars.count)]
            if next.count < 2 || !next.allSatisfy({ $0.isHexDigit }) { return "%" + String(next) }
        }
        return nil
    }
}
