import KubeCEL
import KubeModel

/// NetworkPolicy validation (apis/networking/validation v1.32): the pod selector, every rule's ports
/// (protocol, port number or name, an end port only after a numeric port), its peers (at least one
/// selector or an ipBlock, an ipBlock alone; CIDRs and `except` subsets) and the policy types.
enum NetworkPolicyRules {
    static let protocols = ["TCP", "UDP", "SCTP"]
    static let policyTypes = ["Ingress", "Egress"]

    static func validate(_ obj: JSONValue) -> [FieldError] {
        let spec = obj["spec"]
        guard spec.object != nil else { return [] }
        var errs = SchedulingRules.labelSelector(spec["podSelector"], path: "spec.podSelector")
        for (direction, peers) in [("ingress", "from"), ("egress", "to")] {
            for (i, rule) in (spec[direction].array ?? []).enumerated() {
                let rp = "spec.\(direction)[\(i)]"
                for (j, port) in (rule["ports"].array ?? []).enumerated() { self.port(port, path: "\(rp).ports[\(j)]", into: &errs) }
                for (j, peer) in (rule[peers].array ?? []).enumerated() { self.peer(peer, path: "\(rp).\(peers)[\(j)]", into: &errs) }
            }
        }
        let types = (spec["policyTypes"].array ?? []).compactMap(\.string)
        if types.count > 2 {
            let literal = "[]networking.PolicyType{" + types.map(strconvQuote).joined(separator: ", ") + "}"
            errs.append(FieldError(.invalid, field: "spec.policyTypes", value: .raw(literal), detail: "may not specify more than two policyTypes"))
            return errs
        }
        for (i, t) in types.enumerated() where !policyTypes.contains(t) {
            errs.append(.notSupported("spec.policyTypes[\(i)]", .string(t), supported: policyTypes))
        }
        return errs
    }

    static func port(_ p: JSONValue, path: String, into errs: inout [FieldError]) {
        if let proto = p["protocol"].string, !protocols.contains(proto) {
            errs.append(.notSupported("\(path).protocol", .string(proto), supported: protocols))
        }
        let end = p["endPort"].int
        if let n = p["port"].int {
            if !(1...65535).contains(n) { errs.append(FieldError(.invalid, field: "\(path).port", value: .int(n), detail: PodSpecRules.portRangeMessage)) }
            if let end {
                if end < n { errs.append(FieldError(.invalid, field: "\(path).endPort", value: .int(end), detail: "must be greater than or equal to `port`")) }
                if !(1...65535).contains(end) {
                    errs.append(FieldError(.invalid, field: "\(path).endPort", value: .int(end), detail: PodSpecRules.portRangeMessage))
                }
            }
        } else if let name = p["port"].string {
            if let end {
                errs.append(FieldError(.invalid, field: "\(path).endPort", value: .int(end), detail: "may not be specified when `port` is non-numeric"))
            }
            for msg in isValidPortName(name) { errs.append(.invalid("\(path).port", name, msg)) }
        } else if let end {
            errs.append(FieldError(.invalid, field: "\(path).endPort", value: .int(end), detail: "may not be specified when `port` is not specified"))
        }
    }

    static func peer(_ p: JSONValue, path: String, into errs: inout [FieldError]) {
        var count = 0
        for key in ["podSelector", "namespaceSelector"] where p[key].object != nil {
            count += 1
            errs += SchedulingRules.labelSelector(p[key], path: "\(path).\(key)")
        }
        let hasBlock = p["ipBlock"].object != nil
        if hasBlock {
            count += 1
            ipBlock(p["ipBlock"], path: "\(path).ipBlock", into: &errs)
        }
        if count == 0 {
            errs.append(.required(path, "must specify a peer"))
        } else if count > 1 && hasBlock {
            errs.append(FieldError(.forbidden, field: path, detail: "may not specify both ipBlock and another peer"))
        }
    }

    static func ipBlock(_ b: JSONValue, path: String, into errs: inout [FieldError]) {
        let cidr = b["cidr"].string ?? ""
        if cidr.isEmpty { errs.append(.required("\(path).cidr")); return }
        guard let net = SloppyIP.parseCIDR(cidr) else { errs.append(.invalid("\(path).cidr", cidr, "not a valid CIDR")); return }
        for (i, ex) in (b["except"].array ?? []).enumerated() {
            let text = ex.string ?? "", ep = "\(path).except[\(i)]"
            guard let inner = SloppyIP.parseCIDR(text) else { errs.append(.invalid(ep, text, "not a valid CIDR")); return }
            if !SloppyIP.contains(net, inner.ip) || net.prefix >= inner.prefix {
                errs.append(.invalid(ep, text, "must be a strict subset of `cidr`"))
            }
        }
    }
}
