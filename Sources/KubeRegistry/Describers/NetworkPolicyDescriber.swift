import KubeModel

/// `kubectl describe networkpolicy`: the pod selector, then each direction the policy types enable,
/// rule by rule (ports, then peers), separated by dashes.
func describeNetworkPolicy(_ np: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = np["spec"]
    return tabbed { w in
        w.write(L0, "Name:\t\(np.name)\n")
        w.write(L0, "Namespace:\t\(np.namespace)\n")
        w.write(L0, "Created on:\t\(goTimeString(np["metadata"]["creationTimestamp"]))\n")
        printLabels(w, "Labels", np.labels)
        printAnnotations(w, "Annotations", np.annotations)
        w.write(L0, "Spec:\n")
        w.write(L1, "PodSelector: ")
        let selector = spec["podSelector"]
        if selector["matchLabels"].stringMap.isEmpty && selector["matchExpressions"].arr.isEmpty {
            w.write(L2, "<none> (Allowing the specific traffic to all pods in this namespace)\n")
        } else {
            w.write(L2, "\(formatLabelSelector(selector))\n")
        }
        let types = spec["policyTypes"].arr.map(\.str)
        if types.contains("Ingress") {
            w.write(L1, "Allowing ingress traffic:\n")
            printPolicyRules(w, spec["ingress"].arr, peersKey: "from", direction: .ingress)
        } else {
            w.write(L1, "Not affecting ingress traffic\n")
        }
        if types.contains("Egress") {
            w.write(L1, "Allowing egress traffic:\n")
            printPolicyRules(w, spec["egress"].arr, peersKey: "to", direction: .egress)
        } else {
            w.write(L1, "Not affecting egress traffic\n")
        }
        let typeText = spec["policyTypes"].isNull ? "" : types.joined(separator: ", ")
        w.write(L1, "Policy Types: \(typeText.isEmpty ? "<none>" : typeText)\n")
    }
}

private enum PolicyDirection {
    case ingress, egress
    var isolated: String {
        self == .ingress ? "<none> (Selected pods are isolated for ingress connectivity)"
            : "<none> (Selected pods are isolated for egress connectivity)"
    }
    var anyPeer: String {
        self == .ingress ? "From: <any> (traffic not restricted by source)"
            : "To: <any> (traffic not restricted by destination)"
    }
    var peerTitle: String { self == .ingress ? "From:" : "To:" }
}

private func printPolicyRules(_ w: DescribeWriter, _ rules: [JSONValue], peersKey: String, direction: PolicyDirection) {
    let indent = "    "
    if rules.isEmpty {
        w.write(L0, "\(indent)\(direction.isolated)\n")
        return
    }
    for (i, rule) in rules.enumerated() {
        let ports = rule["ports"].arr
        if ports.isEmpty {
            w.write(L0, "\(indent)To Port: <any> (traffic allowed to all ports)\n")
        }
        for port in ports {
            let proto = port["protocol"].string ?? "TCP"
            let number = port["port"].isNull ? "<nil>" : intOrString(port["port"])
            if let end = port["endPort"].int {
                w.write(L0, "\(indent)To Port Range: \(number)-\(end)/\(proto)\n")
            } else {
                w.write(L0, "\(indent)To Port: \(number)/\(proto)\n")
            }
        }
        let peers = rule[peersKey].arr
        if peers.isEmpty { w.write(L0, "\(indent)\(direction.anyPeer)\n") }
        for peer in peers {
            w.write(L0, "\(indent)\(direction.peerTitle)\n")
            let pods = peer["podSelector"], namespaces = peer["namespaceSelector"]
            if !pods.isNull && !namespaces.isNull {
                w.write(L1, "\(indent)NamespaceSelector: \(formatLabelSelector(namespaces))\n")
                w.write(L1, "\(indent)PodSelector: \(formatLabelSelector(pods))\n")
            } else if !pods.isNull {
                w.write(L1, "\(indent)PodSelector: \(formatLabelSelector(pods))\n")
            } else if !namespaces.isNull {
                w.write(L1, "\(indent)NamespaceSelector: \(formatLabelSelector(namespaces))\n")
            } else if !peer["ipBlock"].isNull {
                w.write(L1, "\(indent)IPBlock:\n")
                w.write(L2, "\(indent)CIDR: \(peer["ipBlock"]["cidr"].str)\n")
                w.write(L2, "\(indent)Except: \(peer["ipBlock"]["except"].arr.map(\.str).joined(separator: ", "))\n")
            }
        }
        if i != rules.count - 1 { w.write(L0, "\(indent)----------\n") }
    }
}

/// Go's `time.Time.String()` of an RFC 3339 field in UTC: `2024-03-07 09:15:42 +0000 UTC`.
func goTimeString(_ v: JSONValue) -> String {
    guard let t = timestamp(v) else { return "0001-01-01 00:00:00 +0000 UTC" }
    let c = CivilTime(seconds: t.seconds)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    var year = String(c.year)
    while year.count < 4 { year = "0" + year }
    return "\(year)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000 UTC"
}
