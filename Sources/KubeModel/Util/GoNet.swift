#if canImport(Glibc)
import Glibc
#endif

/// What Go's net package reports about names and addresses, for the texts of requests kubectl-local
/// does not send (kubectl's network errors on a machine without a network).
public enum GoNet {
    /// An IPv4 or IPv6 literal.
    public static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// The server Go's resolver asks first: the first nameserver of /etc/resolv.conf (127.0.0.1 without
    /// one), on port 53 (`10.0.0.53:53`, `[fd00::1]:53`).
    public static func resolverNameServer() -> String {
        let text = readFile("/etc/resolv.conf").map { String(decoding: $0, as: UTF8.self) }
        for line in ((try? text.get()) ?? "").split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count >= 2, fields[0] == "nameserver" {
                let ip = String(fields[1])
                return ip.contains(":") ? "[\(ip)]:53" : "\(ip):53"
            }
        }
        return "127.0.0.1:53"
    }

    /// Whether the resolver finds the name (a lookup failing for another reason than "no such name"
    /// counts as found).
    public static func resolves(_ host: String) -> Bool {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, nil, &hints, &result)
        if let result { freeaddrinfo(result) }
        return !(rc == EAI_NONAME || rc == -5 /* EAI_NODATA */)
    }
}
