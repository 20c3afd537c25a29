import KubeCEL
import KubeModel

/// Endpoints (core/v1, v1.32 `ValidateEndpoints`, the same on create and update): every subset needs an
/// address (ready or not); each address's IP must parse (sloppily, as `net.ParseIP` with leading zeros)
/// and not be special (unspecified, loopback, link-local, link-local multicast); hostnames are DNS labels,
/// node names DNS subdomains; ports as a Service's (names required when there are several, numbers
/// 1..65535, protocol TCP/UDP/SCTP, appProtocol a qualified name).
enum EndpointsRules {
    static func validate(_ obj: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        for (i, subset) in (obj["subsets"].array ?? []).enumerated() {
            let p = "subsets[\(i)]"
            let ready = subset["addresses"].array ?? [], notReady = subset["notReadyAddresses"].array ?? []
            if ready.isEmpty && notReady.isEmpty {
                errs.append(.required(p, "must specify `addresses` or `notReadyAddresses`"))
            }
            for (j, a) in ready.enumerated() { errs += address(a, path: "\(p).addresses[\(j)]") }
            for (j, a) in notReady.enumerated() { errs += address(a, path: "\(p).notReadyAddresses[\(j)]") }
            let ports = subset["ports"].array ?? []
            for (j, port) in ports.enumerated() { errs += self.port(port, path: "\(p).ports[\(j)]", requireName: ports.count > 1) }
        }
        return errs
    }

    static func address(_ a: JSONValue, path: String) -> [FieldError] {
        let ip = a["ip"].string ?? ""
        var errs: [FieldError] = []
        if SloppyIP.parse(ip) == nil { errs.append(.invalid("\(path).ip", ip, ServiceRules.ipMessage)) }
        if let host = a["hostname"].string, !host.isEmpty {
            for msg in isDNS1123Label(host) { errs.append(.invalid("\(path).hostname", host, msg)) }
        }
        if let node = a["nodeName"].string {
            for msg in isDNS1123Subdomain(node) { errs.append(.invalid("\(path).nodeName", node, msg)) }
        }
        return errs + IPRules.nonSpecial(ip, path: "\(path).ip")
    }

    static func port(_ port: JSONValue, path: String, requireName: Bool) -> [FieldError] {
        var errs: [FieldError] = []
        let name = port["name"].string ?? ""
        if requireName && name.isEmpty {
            errs.append(.required("\(path).name"))
        } else if !name.isEmpty {
            for msg in isDNS1123Label(name) { errs.append(.invalid("\(path).name", name, msg)) }
        }
        let number = port["port"].int ?? 0
        if !(1...65535).contains(number) {
            errs.append(FieldError(.invalid, field: "\(path).port", value: .int(number), detail: PodSpecRules.portRangeMessage))
        }
        let proto = port["protocol"].string ?? ""
        if proto.isEmpty {
            errs.append(.required("\(path).protocol"))
        } else if !PodSpecRules.protocols.contains(proto) {
            errs.append(.notSupported("\(path).protocol", .string(proto), supported: PodSpecRules.protocols))
        }
        if let app = port["appProtocol"].string {
            for msg in isQualifiedName(app) { errs.append(.invalid("\(path).appProtocol", app, msg)) }
        }
        return errs
    }
}

/// The IP checks Endpoints and EndpointSlices share (apimachinery `IsValidIPv4Address`/`IsValidIPv6Address`,
/// core `ValidateNonSpecialIP`), on addresses parsed as `netutils.ParseIPSloppy` does.
enum IPRules {
    /// The address as Go's 16-byte form (an IPv4 address mapped), or nil.
    static func parse16(_ s: String) -> [UInt8]? {
        guard let b = SloppyIP.parse(s) else { return nil }
        return b.count == 4 ? Array(repeating: 0, count: 10) + [0xFF, 0xFF] + b : b
    }

    /// `To4() != nil`: an IPv4 address, written as one or mapped into IPv6.
    static func isV4(_ b: [UInt8]) -> Bool { b[0..<10].allSatisfy { $0 == 0 } && b[10] == 0xFF && b[11] == 0xFF }

    static func validIPv4(_ s: String, path: String) -> [FieldError] {
        guard let b = parse16(s), isV4(b) else { return [.invalid(path, s, "must be a valid IPv4 address")] }
        return []
    }

    static func validIPv6(_ s: String, path: String) -> [FieldError] {
        guard let b = parse16(s), !isV4(b) else { return [.invalid(path, s, "must be a valid IPv6 address")] }
        return []
    }

    /// `ValidateNonSpecialIP`: unspecified, loopback, link-local unicast and link-local multicast
    /// addresses are refused (each that applies, in that order).
    static func nonSpecial(_ s: String, path: String) -> [FieldError] {
        guard let b = parse16(s) else { return [.invalid(path, s, "must be a valid IP address")] }
        var errs: [FieldError] = []
        let v4 = isV4(b)
        if b.allSatisfy({ $0 == 0 }) || (v4 && b[12...].allSatisfy { $0 == 0 }) {
            errs.append(.invalid(path, s, "may not be unspecified (\(s))"))
        }
        if v4 ? b[12] == 127 : b == Array(repeating: 0, count: 15) + [1] {
            errs.append(.invalid(path, s, "may not be in the loopback range (127.0.0.0/8, ::1/128)"))
        }
        if v4 ? (b[12] == 169 && b[13] == 254) : (b[0] == 0xFE && b[1] & 0xC0 == 0x80) {
            errs.append(.invalid(path, s, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"))
        }
        if v4 ? (b[12] == 224 && b[13] == 0 && b[14] == 0) : (b[0] == 0xFF && b[1] & 0x0F == 0x02) {
            errs.append(.invalid(path, s, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"))
        }
        return errs
    }

    /// `IsFullyQualifiedDomainName`: a trailing dot is allowed; at least two labels; the first error only.
    static func fullyQualifiedDomainName(_ s: String, path: String) -> [FieldError] {
        if s.isEmpty { return [.required(path)] }
        let name = s.hasSuffix(".") ? String(s.dropLast()) : s
        let subdomain = isDNS1123Subdomain(name)
        if !subdomain.isEmpty { return [.invalid(path, name, subdomain.joined(separator: ","))] }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if labels.count < 2 { return [.invalid(path, name, "should be a domain with at least two segments separated by dots")] }
        for label in labels {
            let msgs = isDNS1123Label(label)
            if !msgs.isEmpty { return [.invalid(path, label, msgs.joined(separator: ","))] }
        }
        return []
    }
}
