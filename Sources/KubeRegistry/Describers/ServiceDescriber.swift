import KubeModel

/// `kubectl describe service`; endpoints come from the EndpointSlices labelled with the service name.
func describeService(_ svc: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = svc["spec"]
    let slices = ctx.list("endpointslices.discovery.k8s.io", namespace: svc.namespace).filter {
        $0.labels["kubernetes.io/service-name"].string == svc.name
    }
    return tabbed { w in
        w.write(L0, "Name:\t\(svc.name)\n")
        w.write(L0, "Namespace:\t\(svc.namespace)\n")
        printLabels(w, "Labels", svc.labels)
        printAnnotations(w, "Annotations", svc.annotations)
        w.write(L0, "Selector:\t\(formatLabels(spec["selector"]))\n")
        w.write(L0, "Type:\t\(spec["type"].str)\n")
        if let p = spec["ipFamilyPolicy"].string { w.write(L0, "IP Family Policy:\t\(p)\n") }
        let families = spec["ipFamilies"].arr.map(\.str)
        w.write(L0, "IP Families:\t\(families.isEmpty ? "<none>" : families.joined(separator: ","))\n")
        w.write(L0, "IP:\t\(spec["clusterIP"].str)\n")
        let ips = spec["clusterIPs"].arr.map(\.str)
        w.write(L0, "IPs:\t\(ips.isEmpty ? "<none>" : ips.joined(separator: ","))\n")
        let external = spec["externalIPs"].arr.map(\.str)
        if !external.isEmpty { w.write(L0, "External IPs:\t\(external.joined(separator: ","))\n") }
        if !spec["loadBalancerIP"].str.isEmpty { w.write(L0, "Desired LoadBalancer IP:\t\(spec["loadBalancerIP"].str)\n") }
        if !spec["externalName"].str.isEmpty { w.write(L0, "External Name:\t\(spec["externalName"].str)\n") }
        let ingress = svc["status"]["loadBalancer"]["ingress"].arr
        if !ingress.isEmpty {
            let list = ingress.map { i -> String in
                if !i["ip"].str.isEmpty {
                    return i["ip"].str + (i["ipMode"].string.map { " (\($0))" } ?? "")
                }
                return i["hostname"].str
            }.joined(separator: ", ")
            w.write(L0, "LoadBalancer Ingress:\t\(list)\n")
        }
        for sp in spec["ports"].arr {
            let name = sp["name"].str.isEmpty ? "<unset>" : sp["name"].str
            let proto = sp["protocol"].str
            w.write(L0, "Port:\t\(name)\t\(sp["port"].i64)/\(proto)\n")
            w.write(L0, "TargetPort:\t\(intOrString(sp["targetPort"]))/\(proto)\n")
            if sp["nodePort"].i64 != 0 { w.write(L0, "NodePort:\t\(name)\t\(sp["nodePort"].i64)/\(proto)\n") }
            w.write(L0, "Endpoints:\t\(formatEndpointSlices(slices, portName: sp["name"].str))\n")
        }
        w.write(L0, "Session Affinity:\t\(spec["sessionAffinity"].str)\n")
        if !spec["externalTrafficPolicy"].str.isEmpty { w.write(L0, "External Traffic Policy:\t\(spec["externalTrafficPolicy"].str)\n") }
        if let p = spec["internalTrafficPolicy"].string { w.write(L0, "Internal Traffic Policy:\t\(p)\n") }
        if spec["healthCheckNodePort"].i64 != 0 { w.write(L0, "HealthCheck NodePort:\t\(spec["healthCheckNodePort"].i64)\n") }
        let ranges = spec["loadBalancerSourceRanges"].arr.map(\.str)
        if !ranges.isEmpty { w.write(L0, "LoadBalancer Source Ranges:\t\(ranges.joined(separator: ","))\n") }
        if !spec["trafficDistribution"].str.isEmpty { w.write(L0, "Traffic Distribution:\t\(spec["trafficDistribution"].str)\n") }
        writeEventsIfShown(w, svc, ctx)
    }
}

/// `formatEndpointSlices`: ready endpoints as `ip:port` for the named port, at most 3 then
/// ` + N more...`; `<none>` without slices.
func formatEndpointSlices(_ slices: [JSONValue], portName: String?) -> String {
    if slices.isEmpty { return "<none>" }
    var list: [String] = []
    let max = 3
    var more = false
    var count = 0
    func isReady(_ ep: JSONValue) -> Bool { ep["conditions"]["ready"].bool ?? true }
    for slice in slices {
        let ports = slice["ports"].arr
        if ports.isEmpty {
            for ep in slice["endpoints"].arr {
                if list.count == max { more = true }
                if !isReady(ep) { continue }
                if !more { list.append(ep["addresses"][0].str) }
                count += 1
            }
        } else {
            for port in ports where portName == nil || port["name"].str == portName {
                for ep in slice["endpoints"].arr {
                    if list.count == max { more = true }
                    if !isReady(ep) { continue }
                    if !more {
                        let addr = ep["addresses"][0].str
                        let host = addr.contains(":") ? "[\(addr)]" : addr
                        list.append("\(host):\(port["port"].i64)")
                    }
                    count += 1
                }
            }
        }
    }
    let ret = list.joined(separator: ",")
    if more { return "\(ret) + \(count - max) more..." }
    return ret
}
