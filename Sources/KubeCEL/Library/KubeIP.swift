// Kubernetes' IP and CIDR libraries: `ip("10.0.0.1")`, `cidr("10.0.0.0/8")`, `isIP`, `isCIDR`,
// `ip.isCanonical`, family, classification, containment, masking. Parsing follows Go's netip:
// no leading zeros in IPv4 octets, no zones, IPv4-mapped IPv6 refused as Kubernetes refuses it.

struct IPValue: OpaqueValue, Equatable {
    var bytes: [UInt8]  // 4 or 16
    var celTypeName: String { "net.IP" }
    func isEqual(to other: any OpaqueValue) -> Bool { (other as? IPValue) == self }

    static func parse(_ s: String) -> IPValue? {
        if s.contains(":") { return parse6(s).map { IPValue(bytes: $0) } }
        return parse4(Substring(s)).map { IPValue(bytes: $0) }
    }

    static func parse4(_ s: Substring) -> [UInt8]? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), !(p.count > 1 && p.first == "0"),
                  let v = Int(p), v <= 255 else { return nil }
            out.append(UInt8(v))
        }
        return out
    }

    static func parse6(_ s: String) -> [UInt8]? {
        if s.contains("%") { return nil }
        var str = Substring(s)
        var v4: [UInt8]?
        if let lastColon = str.lastIndex(of: ":"), str[str.index(after: lastColon)...].contains(".") {
            guard let b = parse4(str[str.index(after: lastColon)...]) else { return nil }
            v4 = b
            str = str[...lastColon]
            if !str.hasSuffix("::") { str = str.dropLast() }
        }
        func groups(_ t: Substring) -> [UInt16]? {
            if t.isEmpty { return [] }
            var out: [UInt16] = []
            for g in t.split(separator: ":", omittingEmptySubsequences: false) {
                guard !g.isEmpty, g.count <= 4, let x = UInt16(g, radix: 16) else { return nil }
                out.append(x)
            }
            return out
        }
        var head: [UInt16], tail: [UInt16] = []
        let gap = str.firstRange(of: "::")
        if let gap {
            guard str[gap.upperBound...].firstRange(of: "::") == nil, let h = groups(str[..<gap.lowerBound]),
                  let t = groups(str[gap.upperBound...]) else { return nil }
            head = h
            tail = t
        } else {
            guard let h = groups(str) else { return nil }
            head = h
        }
        let total = head.count + tail.count + (v4 == nil ? 0 : 2)
        if gap != nil ? total > 7 : total != 8 { return nil }
        var all = head + Array(repeating: 0, count: 8 - total) + tail
        if let v4 { all += [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])] }
        var out: [UInt8] = []
        for g in all { out += [UInt8(g >> 8), UInt8(g & 0xFF)] }
        // IPv4-mapped addresses are refused by Kubernetes' ip() and cidr().
        if out[0..<10].allSatisfy({ $0 == 0 }) && out[10] == 0xFF && out[11] == 0xFF { return nil }
        return out
    }

    var description: String {
        if bytes.count == 4 { return bytes.map { String($0) }.joined(separator: ".") }
        var groups: [UInt16] = []
        for i in stride(from: 0, to: 16, by: 2) { groups.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])) }
        var bestStart = -1, bestLen = 0, i = 0
        while i < 8 {
            if groups[i] == 0 {
                var j = i
                while j < 8 && groups[j] == 0 { j += 1 }
                if j - i > bestLen && j - i >= 2 { bestStart = i; bestLen = j - i }
                i = j
            } else { i += 1 }
        }
        func hex(_ r: ArraySlice<UInt16>) -> String { r.map { String($0, radix: 16) }.joined(separator: ":") }
        if bestStart < 0 { return hex(groups[...]) }
        return hex(groups[..<bestStart]) + "::" + hex(groups[(bestStart + bestLen)...])
    }

    func masked(_ prefix: Int) -> IPValue {
        var b = bytes
        for i in 0..<b.count {
            let bits = max(0, min(8, prefix - i * 8))
            b[i] &= bits == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
        }
        return IPValue(bytes: b)
    }
}

/// Go's `netutils.ParseIPSloppy` / `ParseCIDRSloppy` as the API server's field validation uses them:
/// IPv4 octets may have leading zeros (read as decimal) and IPv4-mapped IPv6 addresses are accepted.
public enum SloppyIP {
    /// The address as 4 or 16 bytes, or nil when it is not one.
    public static func parse(_ s: String) -> [UInt8]? {
        if !s.contains(":") {
            let parts = s.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4 else { return nil }
            var out: [UInt8] = []
            for p in parts {
                guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(p), v <= 255 else { return nil }
                out.append(UInt8(v))
            }
            return out
        }
        if let b = IPValue.parse6(s) { return b }
        // An IPv4-mapped address (`::ffff:1.2.3.4`), which `parse6` refuses as Kubernetes' CEL does.
        guard s.lowercased().hasPrefix("::ffff:"), let v4 = parse(String(s.dropFirst(7))), v4.count == 4 else { return nil }
        return Array(repeating: 0, count: 10) + [0xFF, 0xFF] + v4
    }

    /// The network (address and prefix length) of a CIDR, or nil.
    public static func parseCIDR(_ s: String) -> (ip: [UInt8], prefix: Int)? {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let ip = parse(String(parts[0])), !parts[1].isEmpty, parts[1].count <= 3,
              parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let p = Int(parts[1]), p <= ip.count * 8 else { return nil }
        return (IPValue(bytes: ip).masked(p).bytes, p)
    }

    /// Whether the network `cidr` contains `ip`.
    public static func contains(_ cidr: (ip: [UInt8], prefix: Int), _ ip: [UInt8]) -> Bool {
        ip.count == cidr.ip.count && IPValue(bytes: ip).masked(cidr.prefix).bytes == cidr.ip
    }
}

struct CIDRValue: OpaqueValue, Equatable {
    var ip: IPValue
    var prefix: Int
    var celTypeName: String { "net.CIDR" }
    func isEqual(to other: any OpaqueValue) -> Bool { (other as? CIDRValue) == self }

    static func parse(_ s: String) -> CIDRValue? {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let ip = IPValue.parse(String(parts[0])), !parts[1].isEmpty,
              parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), !(parts[1].count > 1 && parts[1].first == "0"),
              let p = Int(parts[1]), p <= ip.bytes.count * 8 else { return nil }
        return CIDRValue(ip: ip, prefix: p)
    }

    func contains(_ other: IPValue) -> Bool {
        other.bytes.count == ip.bytes.count && other.masked(prefix) == ip.masked(prefix)
    }
}

extension FunctionTable {
    mutating func addKubernetesIP() {
        func ip(_ v: Value) -> IPValue? { if case .opaque(let o) = v { return o as? IPValue }; return nil }
        func cidr(_ v: Value) -> CIDRValue? { if case .opaque(let o) = v { return o as? CIDRValue }; return nil }
        global("ip") { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("ip", a)) }
            return IPValue.parse(s).map { .opaque($0) } ?? .err("IP Address \"\(s)\" parse error during conversion from string: ParseAddr(\"\(s)\"): unable to parse IP")
        }
        global("isIP") { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("isIP", a)) }
            return .bool(IPValue.parse(s) != nil)
        }
        global("ip.isCanonical") { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("ip.isCanonical", a)) }
            guard let v = IPValue.parse(s) else { return .err("IP Address \"\(s)\" parse error during conversion from string") }
            return .bool(v.description == s)
        }
        global("cidr") { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("cidr", a)) }
            return CIDRValue.parse(s).map { .opaque($0) } ?? .err("network address parse error during conversion from string: netip.ParsePrefix(\"\(s)\"): bad prefix")
        }
        global("isCIDR") { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("isCIDR", a)) }
            return .bool(CIDRValue.parse(s) != nil)
        }
        member("family") { a in
            guard let v = ip(a[0]) else { return .error(.noOverload("family", a)) }
            return .int(v.bytes.count == 4 ? 4 : 6)
        }
        let classify: [(String, (IPValue) -> Bool)] = [
            ("isUnspecified", { $0.bytes.allSatisfy { $0 == 0 } }),
            ("isLoopback", { $0.bytes.count == 4 ? $0.bytes[0] == 127 : $0.bytes == Array(repeating: 0, count: 15) + [1] }),
            ("isLinkLocalMulticast", { $0.bytes.count == 4 ? $0.bytes[0] == 224 && $0.bytes[1] == 0 && $0.bytes[2] == 0
                                        : $0.bytes[0] == 0xFF && $0.bytes[1] & 0x0F == 0x02 }),
            ("isLinkLocalUnicast", { $0.bytes.count == 4 ? $0.bytes[0] == 169 && $0.bytes[1] == 254
                                      : $0.bytes[0] == 0xFE && $0.bytes[1] & 0xC0 == 0x80 }),
            ("isGlobalUnicast", { v in
                let b = v.bytes
                if b.allSatisfy({ $0 == 0 }) { return false }
                if b.count == 4 {
                    return !(b[0] == 127 || b[0] >= 224 || (b[0] == 169 && b[1] == 254) || b == [255, 255, 255, 255])
                }
                return !(b[0] == 0xFF || (b[0] == 0xFE && b[1] & 0xC0 == 0x80) || b == Array(repeating: 0, count: 15) + [1])
            }),
        ]
        for (name, test) in classify {
            member(name) { a in
                guard let v = ip(a[0]) else { return .error(.noOverload(name, a)) }
                return .bool(test(v))
            }
        }
        member("containsIP") { a in
            guard let c = cidr(a[0]) else { return .error(.noOverload("containsIP", a)) }
            var other = ip(a[1])
            if case .string(let s) = a[1] { other = IPValue.parse(s); if other == nil { return .err("IP Address \"\(s)\" parse error") } }
            guard let other else { return .error(.noOverload("containsIP", a)) }
            return .bool(c.contains(other))
        }
        member("containsCIDR") { a in
            guard let c = cidr(a[0]) else { return .error(.noOverload("containsCIDR", a)) }
            var other = cidr(a[1])
            if case .string(let s) = a[1] { other = CIDRValue.parse(s); if other == nil { return .err("network address parse error") } }
            guard let other else { return .error(.noOverload("containsCIDR", a)) }
            return .bool(other.prefix >= c.prefix && c.contains(other.ip))
        }
        member("ip") { a in
            guard let c = cidr(a[0]) else { return .error(.noOverload("ip", a)) }
            return .opaque(c.ip)
        }
        member("masked") { a in
            guard let c = cidr(a[0]) else { return .error(.noOverload("masked", a)) }
            return .opaque(CIDRValue(ip: c.ip.masked(c.prefix), prefix: c.prefix))
        }
        member("prefixLength") { a in
            guard let c = cidr(a[0]) else { return .error(.noOverload("prefixLength", a)) }
            return .int(Int64(c.prefix))
        }
    }
}
