import KubeModel

/// v1.32's `GetWarningsForService` (pkg/api/service/warnings.go), sent on every create and update of a
/// Service: the deprecated topology-aware-hints annotation; cluster IPs (when set), external IPs and the
/// load balancer IP that Go's `netip.ParseAddr` refuses (an IPv4 octet with a leading zero, which the
/// sloppy parser of validation accepted) or that are IPv6 not in RFC 5952's canonical form; the same for
/// the load balancer source ranges with `netip.ParsePrefix`; external IPs on an ExternalName service and
/// an external name on another type. (v1.33 words the IP warnings differently and adds more; not these.)
enum ServiceWarnings {
    static func warnings(_ svc: JSONValue) -> [String] {
        let spec = svc["spec"]
        var out: [String] = []
        if !svc["metadata"]["annotations"]["service.kubernetes.io/topology-aware-hints"].isNull {
            out.append("annotation service.kubernetes.io/topology-aware-hints is deprecated, please use service.kubernetes.io/topology-mode instead")
        }
        let clusterIP = spec["clusterIP"].string ?? ""
        if clusterIP != "None" && !clusterIP.isEmpty {
            for (i, ip) in strings(spec["clusterIPs"]).enumerated() { out += ipWarning("spec.clusterIPs[\(i)]", ip) }
        }
        let externalIPs = strings(spec["externalIPs"])
        for (i, ip) in externalIPs.enumerated() { out += ipWarning("spec.externalIPs[\(i)]", ip) }
        if let ip = spec["loadBalancerIP"].string, !ip.isEmpty { out += ipWarning("spec.loadBalancerIP", ip) }
        for (i, cidr) in strings(spec["loadBalancerSourceRanges"]).enumerated() { out += cidrWarning("spec.loadBalancerSourceRanges[\(i)]", cidr) }
        let type = spec["type"].string ?? "ClusterIP"
        if type == "ExternalName" && !externalIPs.isEmpty {
            out.append(#"spec.externalIPs is ignored when spec.type is "ExternalName""#)
        }
        if type != "ExternalName", let name = spec["externalName"].string, !name.isEmpty {
            out.append(#"spec.externalName is ignored when spec.type is not "ExternalName""#)
        }
        return out
    }

    static func strings(_ v: JSONValue) -> [String] { (v.array ?? []).map { $0.string ?? "" } }

    static func ipWarning(_ path: String, _ address: String) -> [String] {
        switch GoNetip.parseAddr(address) {
        case .failure(let e):
            return ["\(path): IP address was accepted, but will be invalid in a future Kubernetes release: \(e.text)"]
        case .success(let ip):
            guard ip.isIPv6, ip.text != address else { return [] }
            return ["\(path): IPv6 address \(strconvQuote(address)) is not in RFC 5952 canonical format (\(strconvQuote(ip.text))), which may cause controller apply-loops"]
        }
    }

    static func cidrWarning(_ path: String, _ cidr: String) -> [String] {
        switch GoNetip.parsePrefix(cidr) {
        case .failure(let e):
            return ["\(path): IP prefix was accepted, but will be invalid in a future Kubernetes release: \(e.text)"]
        case .success(let p):
            guard p.ip.isIPv6, p.text != cidr else { return [] }
            return ["\(path): IPv6 prefix \(strconvQuote(cidr)) is not in RFC 5952 canonical format (\(strconvQuote(p.text))), which may cause controller apply-loops"]
        }
    }
}

/// Go's `net/netip` parsing (Go 1.23, which v1.32 is built with): `ParseAddr` and `ParsePrefix` with their
/// error texts, and `String()` (RFC 5952 for IPv6, `::ffff:a.b.c.d` for an IPv4-mapped one).
enum GoNetip {
    struct ParseError: Error { let text: String }
    struct Addr { let isIPv6: Bool; let text: String }

    static func addrError(_ input: String, _ msg: String, at: Substring? = nil) -> ParseError {
        ParseError(text: "ParseAddr(\(strconvQuote(input))): \(msg)" + (at.map { " (at \(strconvQuote(String($0))))" } ?? ""))
    }

    static func parseAddr(_ s: String) -> Result<Addr, ParseError> {
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "."): return parseIPv4(s).map { Addr(isIPv6: false, text: $0.map(String.init).joined(separator: ".")) }
            case UInt8(ascii: ":"): return parseIPv6(s)
            case UInt8(ascii: "%"): return .failure(addrError(s, "missing IPv6 address"))
            default: continue
            }
        }
        return .failure(addrError(s, "unable to parse IP"))
    }

    /// `parseIPv4Fields` over `field` (the part of `input` that holds the IPv4 address).
    static func parseIPv4(_ input: String, field: Substring? = nil) -> Result<[Int], ParseError> {
        let s = Array((field ?? Substring(input)).utf8)
        var fields: [Int] = [], val = 0, digits = 0
        for (i, c) in s.enumerated() {
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                if digits == 1 && val == 0 { return .failure(addrError(input, "IPv4 field has octet with leading zero")) }
                val = val * 10 + Int(c - UInt8(ascii: "0"))
                digits += 1
                if val > 255 { return .failure(addrError(input, "IPv4 field has value >255")) }
            } else if c == UInt8(ascii: ".") {
                if i == 0 || i == s.count - 1 || s[i - 1] == UInt8(ascii: ".") {
                    return .failure(addrError(input, "IPv4 field must have at least one digit", at: tail(s, i)))
                }
                if fields.count == 3 { return .failure(addrError(input, "IPv4 address too long")) }
                fields.append(val)
                val = 0
                digits = 0
            } else {
                return .failure(addrError(input, "unexpected character", at: tail(s, i)))
            }
        }
        if fields.count < 3 { return .failure(addrError(input, "IPv4 address too short")) }
        return .success(fields + [val])
    }

    static func tail(_ s: [UInt8], _ i: Int) -> Substring { Substring(String(decoding: s[i...], as: UTF8.self)) }

    static func parseIPv6(_ input: String) -> Result<Addr, ParseError> {
        var s = Array(input.utf8)
        if let z = s.firstIndex(of: UInt8(ascii: "%")) {
            if z == s.count - 1 { return .failure(addrError(input, "zone must be a non-empty string")) }
            s = Array(s[..<z])  // a zone never passes validation; its text is not kept
        }
        var groups: [UInt16] = [], ellipsis = -1, v4: [Int]? = nil
        if s.count >= 2 && s[0] == UInt8(ascii: ":") && s[1] == UInt8(ascii: ":") {
            ellipsis = 0
            s.removeFirst(2)
            if s.isEmpty { return .success(Addr(isIPv6: true, text: "::")) }
        }
        while groups.count < 8 {
            var off = 0, acc = 0
            while off < s.count, let d = hexDigit(s[off]) {
                acc = acc << 4 + d
                if off > 3 { return .failure(addrError(input, "each group must have 4 or less digits", at: tail(s, 0))) }
                if acc > 0xFFFF { return .failure(addrError(input, "IPv6 field has value >=2^16", at: tail(s, 0))) }
                off += 1
            }
            if off == 0 { return .failure(addrError(input, "each colon-separated field must have at least one digit", at: tail(s, 0))) }
            if off < s.count && s[off] == UInt8(ascii: ".") {
                if ellipsis < 0 && groups.count != 6 {
                    return .failure(addrError(input, "embedded IPv4 address must replace the final 2 fields of the address", at: tail(s, 0)))
                }
                if groups.count + 2 > 8 {
                    return .failure(addrError(input, "too many hex fields to fit an embedded IPv4 at the end of the address", at: tail(s, 0)))
                }
                switch parseIPv4(input, field: tail(s, 0)) {
                case .failure(let e): return .failure(e)
                case .success(let f): v4 = f
                }
                s = []
                break
            }
            groups.append(UInt16(acc))
            s.removeFirst(off)
            if s.isEmpty { break }
            if s[0] != UInt8(ascii: ":") {
                return .failure(addrError(input, "unexpected character, want colon", at: tail(s, 0)))
            } else if s.count == 1 {
                return .failure(addrError(input, "colon must be followed by more characters", at: tail(s, 0)))
            }
            s.removeFirst()
            if s[0] == UInt8(ascii: ":") {
                if ellipsis >= 0 { return .failure(addrError(input, "multiple :: in address", at: tail(s, 0))) }
                ellipsis = groups.count
                s.removeFirst()
                if s.isEmpty { break }
            }
        }
        if !s.isEmpty { return .failure(addrError(input, "trailing garbage after address", at: tail(s, 0))) }
        if let v4 { groups += [UInt16(v4[0] << 8 | v4[1]), UInt16(v4[2] << 8 | v4[3])] }
        if groups.count < 8 {
            if ellipsis < 0 { return .failure(addrError(input, "address string too short")) }
            groups.insert(contentsOf: Array(repeating: 0, count: 8 - groups.count), at: ellipsis)
        } else if ellipsis >= 0 {
            return .failure(addrError(input, "the :: must expand to at least one field of zeros"))
        }
        return .success(Addr(isIPv6: true, text: text6(groups)))
    }

    static func hexDigit(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(c - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(c - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// `Addr.String()` of an IPv6 address: an IPv4-mapped one as `::ffff:a.b.c.d`, else RFC 5952 (lowercase,
    /// no leading zeros, the first longest run of two or more zero groups as `::`).
    static func text6(_ g: [UInt16]) -> String {
        if g[0..<5].allSatisfy({ $0 == 0 }) && g[5] == 0xFFFF {
            return "::ffff:\(g[6] >> 8).\(g[6] & 0xFF).\(g[7] >> 8).\(g[7] & 0xFF)"
        }
        var best = -1, bestLen = 0, i = 0
        while i < 8 {
            guard g[i] == 0 else { i += 1; continue }
            var j = i
            while j < 8 && g[j] == 0 { j += 1 }
            if j - i > bestLen && j - i >= 2 { best = i; bestLen = j - i }
            i = j
        }
        func hex(_ r: ArraySlice<UInt16>) -> String { r.map { String($0, radix: 16) }.joined(separator: ":") }
        if best < 0 { return hex(g[...]) }
        return hex(g[..<best]) + "::" + hex(g[(best + bestLen)...])
    }

    static func parsePrefix(_ s: String) -> Result<(ip: Addr, text: String), ParseError> {
        func failure(_ msg: String) -> Result<(ip: Addr, text: String), ParseError> {
            .failure(ParseError(text: "netip.ParsePrefix(\(strconvQuote(s))): \(msg)"))
        }
        guard let slash = s.lastIndex(of: "/") else { return failure("no '/'") }
        let ip: Addr
        switch parseAddr(String(s[..<slash])) {
        case .failure(let e): return failure(e.text)
        case .success(let a): ip = a
        }
        let bits = String(s[s.index(after: slash)...])
        if bits.utf8.count > 1, let first = bits.utf8.first, !(first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9")) {
            return failure("bad bits after slash: \(strconvQuote(bits))")
        }
        guard let n = Int(bits), bits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return failure("bad bits after slash: \(strconvQuote(bits))")
        }
        if n > (ip.isIPv6 ? 128 : 32) { return failure("prefix length out of range") }
        return .success((ip, "\(ip.text)/\(n)"))
    }
}
