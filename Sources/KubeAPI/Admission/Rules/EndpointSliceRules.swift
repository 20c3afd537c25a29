import KubeCEL
import KubeModel

/// `ValidateEndpointSliceCreate`/`Update` (discovery/v1, v1.32): the address type (required, IPv4, IPv6
/// or FQDN; immutable), each endpoint's addresses (1..100), hostname (a DNS label) and node name, and
/// the ports (at most 100; names DNS labels and unique, protocol TCP/UDP/SCTP, appProtocol a qualified
/// name). Addresses are checked by the slice's type: IPv4 and IPv6 as that family and not special
/// (unspecified, loopback, link-local), FQDN as a domain of two labels or more; then the node name, the
/// deprecated topology labels, the hostname and the zone hints, in v1.32's order.
enum EndpointSliceRules {
    static let addressTypes = ["FQDN", "IPv4", "IPv6"]

    static func validate(_ obj: JSONValue, old: JSONValue?) -> [FieldError] {
        var errs: [FieldError] = []
        let type = obj["addressType"].string ?? ""
        // An update may keep the deprecated `IP` type.
        let allowed = old == nil ? addressTypes : ["FQDN", "IP", "IPv4", "IPv6"]
        if type.isEmpty {
            errs.append(.required("addressType"))
        } else if !allowed.contains(type) {
            errs.append(.notSupported("addressType", .string(type), supported: allowed))
        }
        let endpoints = obj["endpoints"].array ?? []
        if endpoints.count > 1000 {
            errs.append(FieldError(.tooMany, field: "endpoints", value: .int(Int64(endpoints.count)), detail: "must have at most 1000 items"))
        } else {
            for (i, e) in endpoints.enumerated() {
                let p = "endpoints[\(i)]"
                let addresses = e["addresses"].array ?? []
                if addresses.isEmpty {
                    errs.append(.required("\(p).addresses", "must contain at least 1 address"))
                } else if addresses.count > 100 {
                    errs.append(FieldError(.tooMany, field: "\(p).addresses", value: .int(Int64(addresses.count)), detail: "must have at most 100 items"))
                }
                for (j, a) in addresses.enumerated() {
                    let ap = "\(p).addresses[\(j)]", address = a.string ?? ""
                    switch type {
                    case "IP": if SloppyIP.parse(address) == nil { errs.append(.invalid(ap, address, ServiceRules.ipMessage)) }
                    case "IPv4": errs += IPRules.validIPv4(address, path: ap) + IPRules.nonSpecial(address, path: ap)
                    case "IPv6": errs += IPRules.validIPv6(address, path: ap) + IPRules.nonSpecial(address, path: ap)
                    case "FQDN": errs += IPRules.fullyQualifiedDomainName(address, path: ap)
                    default: break
                    }
                }
                if let node = e["nodeName"].string {
                    for msg in isDNS1123Subdomain(node) { errs.append(.invalid("\(p).nodeName", node, msg)) }
                }
                let topology = e["deprecatedTopology"].stringMap
                if topology.count > 16 {
                    errs.append(FieldError(.tooMany, field: "\(p).deprecatedTopology", value: .int(Int64(topology.count)), detail: "must have at most 16 items"))
                }
                errs += validateLabels(topology.map { ($0.0, $0.1) }, path: "\(p).deprecatedTopology")
                if let host = e["hostname"].string {
                    for msg in isDNS1123Label(host) { errs.append(.invalid("\(p).hostname", host, msg)) }
                }
                if e["hints"].object != nil { errs += hints(e["hints"], path: "\(p).hints") }
            }
        }
        let ports = obj["ports"].array ?? []
        if ports.count > 100 {
            errs.append(FieldError(.tooMany, field: "ports", value: .int(Int64(ports.count)), detail: "must have at most 100 items"))
            return errs + immutableType(obj, old: old)
        }
        var names = Set<String>()
        for (i, port) in ports.enumerated() {
            let p = "ports[\(i)]"
            let name = port["name"].string ?? ""
            if !name.isEmpty { for msg in isDNS1123Label(name) { errs.append(.invalid("\(p).name", name, msg)) } }
            if names.contains(name) { errs.append(FieldError(.duplicate, field: "\(p).name", value: .string(name))) } else { names.insert(name) }
            if let proto = port["protocol"].string {
                if !["SCTP", "TCP", "UDP"].contains(proto) { errs.append(.notSupported("\(p).protocol", .string(proto), supported: ["SCTP", "TCP", "UDP"])) }
            } else {
                errs.append(.required("\(p).protocol"))
            }
            if let app = port["appProtocol"].string {
                for msg in isQualifiedName(app) { errs.append(.invalid("\(p).appProtocol", app, msg)) }
            }
        }
        return errs + immutableType(obj, old: old)
    }

    /// `validateHints`: at most 8 zones, each named once, each name a label value.
    static func hints(_ hints: JSONValue, path: String) -> [FieldError] {
        let zones = hints["forZones"].array ?? []
        if zones.count > 8 {
            return [FieldError(.tooMany, field: "\(path).forZones", value: .int(Int64(zones.count)), detail: "must have at most 8 items")]
        }
        var errs: [FieldError] = [], seen = Set<String>()
        for (i, zone) in zones.enumerated() {
            let name = zone["name"].string ?? "", zp = "\(path).forZones[\(i)].name"
            if !seen.insert(name).inserted { errs.append(FieldError(.duplicate, field: zp, value: .string(name))) }
            for msg in isValidLabelValue(name) { errs.append(.invalid(zp, name, msg)) }
        }
        return errs
    }

    static func immutableType(_ obj: JSONValue, old: JSONValue?) -> [FieldError] {
        guard let old, old["addressType"] != obj["addressType"] else { return [] }
        return [.invalid("addressType", obj["addressType"].string ?? "", "field is immutable")]
    }
}
