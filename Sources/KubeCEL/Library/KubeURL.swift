// Kubernetes' URL library: `url("https://example.com:80/path?q=1")`, `isURL`, and the accessors
// getScheme, getHost, getHostname, getPort, getEscapedPath, getQuery. Like Go's url.ParseRequestURI,
// a URL must be absolute (scheme:...) or an absolute path.

struct URLValue: OpaqueValue, Equatable {
    var text: String
    var scheme = "", host = "", path = "", rawQuery = ""
    var celTypeName: String { "kubernetes.URL" }
    func isEqual(to other: any OpaqueValue) -> Bool { (other as? URLValue) == self }

    static func parse(_ s: String) -> URLValue? {
        guard !s.isEmpty, !s.contains(" "), !s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        var u = URLValue(text: s)
        var rest = Substring(s)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if let q = rest.firstIndex(of: "?") { u.rawQuery = String(rest[rest.index(after: q)...]); rest = rest[..<q] }
        if rest.hasPrefix("/") {
            u.path = String(rest)
        } else {
            guard let colon = rest.firstIndex(of: ":"), colon != rest.startIndex else { return nil }
            let scheme = rest[..<colon]
            guard let f = scheme.first, f.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
            u.scheme = String(scheme)
            rest = rest[rest.index(after: colon)...]
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                var authority = rest[..<end]
                if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
                u.host = String(authority)
                u.path = String(rest[end...])
            } else {
                guard rest.hasPrefix("/") else { return nil }
                u.path = String(rest)
            }
        }
        return u
    }

    var hostname: String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") { return String(host[host.index(after: host.startIndex)..<close]) }
        if let colon = host.lastIndex(of: ":") { return String(host[..<colon]) }
        return host
    }

    var port: String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let after = host[host.index(after: close)...]
            return after.hasPrefix(":") ? String(after.dropFirst()) : ""
        }
        if let colon = host.lastIndex(of: ":") { return String(host[host.index(after: colon)...]) }
        return ""
    }

    static func unescape(_ s: Substring) -> String {
        var out: [UInt8] = []
        var b = Array(s.utf8)[...]
        while let c = b.popFirst() {
            if c == 43 { out.append(32); continue }
            if c == 37, b.count >= 2, let v = UInt8(String(decoding: b.prefix(2), as: UTF8.self), radix: 16) {
                out.append(v); b = b.dropFirst(2); continue
            }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    var query: Value {
        var m = CELMap()
        var order: [String] = []
        var values: [String: [Value]] = [:]
        for pair in rawQuery.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let k = Self.unescape(kv[0]), v = kv.count > 1 ? Self.unescape(kv[1]) : ""
            if values[k] == nil { order.append(k) }
            values[k, default: []].append(.string(v))
        }
        for k in order { m.insert(.string(k), .list(values[k]!)) }
        return .map(m)
    }
}

extension FunctionTable {
    mutating func addKubernetesURLs() {
        func url(_ v: Value) -> URLValue? { if case .opaque(let o) = v { return o as? URLValue }; return nil }
        global("url") { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("url", a)) }
            return URLValue.parse(s).map { .opaque($0) } ?? .err("URL parse error during conversion from string: parse \"\(s)\": invalid URI for request")
        }
        global("isURL") { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("isURL", a)) }
            return .bool(URLValue.parse(s) != nil)
        }
        let getters: [(String, (URLValue) -> Value)] = [
            ("getScheme", { .string($0.scheme) }), ("getHost", { .string($0.host) }), ("getHostname", { .string($0.hostname) }),
            ("getPort", { .string($0.port) }), ("getEscapedPath", { .string($0.path) }), ("getQuery", { $0.query }),
        ]
        for (name, get) in getters {
            member(name) { a in
                guard let u = url(a[0]) else { return .error(.noOverload(name, a)) }
                return get(u)
            }
        }
    }
}
