import KubeModel

/// `kubectl get services`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE | SELECTOR.
/// The API server builds tables with its wide options, so load-balancer addresses are never cut.
enum ServiceColumns {
    static func externalIP(_ o: JSONValue) -> String {
        let spec = o["spec"]
        let externalIPs = (spec["externalIPs"].array ?? []).map(Fmt.str)
        switch spec["type"].string ?? "ClusterIP" {
        case "ClusterIP", "NodePort":
            return externalIPs.isEmpty ? "<none>" : externalIPs.joined(separator: ",")
        case "LoadBalancer":
            let lb = Fmt.loadBalancer(o["status"]["loadBalancer"], wide: true)
            if !externalIPs.isEmpty {
                var results: [String] = []
                if !lb.isEmpty { results += lb.split(separator: ",").map(String.init) }
                results += externalIPs
                return results.joined(separator: ",")
            }
            return lb.isEmpty ? "<pending>" : lb
        case "ExternalName":
            return Fmt.str(spec["externalName"])
        default:
            return "<unknown>"
        }
    }

    static func ports(_ o: JSONValue) -> String {
        let pieces = (o["spec"]["ports"].array ?? []).map { p -> String in
            let proto = p["protocol"].string ?? "TCP"
            let nodePort = Fmt.int(p["nodePort"])
            return nodePort > 0 ? "\(Fmt.int(p["port"])):\(nodePort)/\(proto)" : "\(Fmt.int(p["port"]))/\(proto)"
        }
        let s = pieces.joined(separator: ",")
        return s.isEmpty ? "<none>" : s
    }

    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Type"), ColumnDefinition("Cluster-IP"), ColumnDefinition("External-IP"),
                  ColumnDefinition("Port(s)"), .age, ColumnDefinition("Selector", priority: 1)],
        row: { o in
            let spec = o["spec"]
            var clusterIP = spec["clusterIPs"][0].string ?? ""
            if clusterIP.isEmpty { clusterIP = spec["clusterIP"].string ?? "" }
            if clusterIP.isEmpty { clusterIP = "<none>" }
            return [Fmt.name(o), .text(spec["type"].string ?? "ClusterIP"), .text(clusterIP), .text(externalIP(o)),
                    .text(ports(o)), Cell.age(o), .text(formatLabels(spec["selector"]))]
        })
}

/// `kubectl get endpoints` (NAME ENDPOINTS AGE) and `endpointslices` (NAME ADDRESSTYPE PORTS ENDPOINTS AGE).
enum EndpointsColumns {
    static func endpoints(_ o: JSONValue) -> String {
        let subsets = o["subsets"].array ?? []
        if subsets.isEmpty { return "<none>" }
        var list: [String] = []
        let max = 3
        var more = false
        var count = 0
        for ss in subsets {
            let addresses = ss["addresses"].array ?? []
            let ports = ss["ports"].array ?? []
            if ports.isEmpty {
                count += addresses.count
                for a in addresses {
                    if list.count == max { more = true; break }
                    list.append(Fmt.str(a["ip"]))
                }
                continue
            }
            for p in ports {
                count += addresses.count
                for a in addresses {
                    if list.count == max { more = true; break }
                    list.append(Fmt.joinHostPort(Fmt.str(a["ip"]), Fmt.int(p["port"])))
                }
            }
        }
        let ret = list.joined(separator: ",")
        return more ? "\(ret) + \(count - max) more..." : ret
    }

    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Endpoints"), .age],
        row: { o in [Fmt.name(o), .text(endpoints(o)), Cell.age(o)] })

    static let endpointSlice = TablePrinter(
        columns: [.name, ColumnDefinition("AddressType"), ColumnDefinition("Ports"), ColumnDefinition("Endpoints"), .age],
        row: { o in
            let ports = o["ports"].array ?? []
            let portList = ports.prefix(3).map { p -> String in
                if let n = p["port"].int { return String(n) }
                if let name = p["name"].string { return name }
                return "*"
            }
            var addrs: [String] = []
            var count = 0
            for e in o["endpoints"].array ?? [] {
                for a in e["addresses"].array ?? [] {
                    if addrs.count < 3 { addrs.append(Fmt.str(a)) }
                    count += 1
                }
            }
            return [Fmt.name(o), .text(Fmt.str(o["addressType"])),
                    .text(Fmt.listWithMore(portList, count: ports.count, max: 3)),
                    .text(Fmt.listWithMore(addrs, count: count, max: 3)), Cell.age(o)]
        })
}

/// `kubectl get ingresses` (NAME CLASS HOSTS ADDRESS PORTS AGE) and `ingressclasses`.
enum IngressColumns {
    static func hosts(_ o: JSONValue) -> String {
        let rules = o["spec"]["rules"].array ?? []
        var list: [String] = []
        var more = false
        for r in rules {
            if list.count == 3 { more = true }
            if !more, let h = r["host"].string, !h.isEmpty { list.append(h) }
        }
        if list.isEmpty { return "*" }
        let ret = list.joined(separator: ",")
        return more ? "\(ret) + \(rules.count - 3) more..." : ret
    }

    static let ingress = TablePrinter(
        columns: [.name, ColumnDefinition("Class"), ColumnDefinition("Hosts"), ColumnDefinition("Address"),
                  ColumnDefinition("Ports"), .age],
        row: { o in
            let spec = o["spec"]
            let cls = spec["ingressClassName"].string ?? "<none>"
            let ports = Fmt.count(spec["tls"]) != 0 ? "80, 443" : "80"
            return [Fmt.name(o), .text(cls), .text(hosts(o)), .text(Fmt.loadBalancer(o["status"]["loadBalancer"], wide: true)),
                    .text(ports), Cell.age(o)]
        })

    static let ingressClass = TablePrinter(
        columns: [.name, ColumnDefinition("Controller"), ColumnDefinition("Parameters"), .age],
        row: { o in
            var params = "<none>"
            let p = o["spec"]["parameters"]
            if case .object = p {
                params = Fmt.str(p["kind"])
                if let g = p["apiGroup"].string { params += "." + g }
                params += "/" + Fmt.str(p["name"])
            }
            return [Fmt.name(o), .text(Fmt.str(o["spec"]["controller"])), .text(params), Cell.age(o)]
        })
}
