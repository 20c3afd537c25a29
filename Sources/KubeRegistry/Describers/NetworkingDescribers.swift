import KubeModel

/// `kubectl describe endpoints`.
func describeEndpoints(_ ep: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(ep.name)\n")
        w.write(L0, "Namespace:\t\(ep.namespace)\n")
        printLabels(w, "Labels", ep.labels)
        printAnnotations(w, "Annotations", ep.annotations)
        w.write(L0, "Subsets:\n")
        for subset in ep["subsets"].arr {
            let addrs = subset["addresses"].arr.map { $0["ip"].str }.joined(separator: ",")
            w.write(L1, "Addresses:\t\(orNone(addrs))\n")
            let notReady = subset["notReadyAddresses"].arr.map { $0["ip"].str }.joined(separator: ",")
            w.write(L1, "NotReadyAddresses:\t\(orNone(notReady))\n")
            let ports = subset["ports"].arr
            if !ports.isEmpty {
                w.write(L1, "Ports:\n")
                w.write(L2, "Name\tPort\tProtocol\n")
                w.write(L2, "----\t----\t--------\n")
                for p in ports {
                    w.write(L2, "\(p["name"].str.isEmpty ? "<unset>" : p["name"].str)\t\(p["port"].i64)\t\(p["protocol"].str)\n")
                }
            }
            w.write(L0, "\n")
        }
        writeEventsIfShown(w, ep, ctx)
    }
}

/// `kubectl describe endpointslice`.
func describeEndpointSlice(_ eps: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(eps.name)\n")
        w.write(L0, "Namespace:\t\(eps.namespace)\n")
        printLabels(w, "Labels", eps.labels)
        printAnnotations(w, "Annotations", eps.annotations)
        w.write(L0, "AddressType:\t\(eps["addressType"].str)\n")
        let ports = eps["ports"].arr
        if ports.isEmpty {
            w.write(L0, "Ports: <unset>\n")
        } else {
            w.write(L0, "Ports:\n")
            w.write(L1, "Name\tPort\tProtocol\n")
            w.write(L1, "----\t----\t--------\n")
            for p in ports {
                let name = p["name"].str.isEmpty ? "<unset>" : p["name"].str
                let num = p["port"].int.map { String($0) } ?? "<unset>"
                w.write(L1, "\(name)\t\(num)\t\(p["protocol"].str)\n")
            }
        }
        let endpoints = eps["endpoints"].arr
        if endpoints.isEmpty {
            w.write(L0, "Endpoints: <none>\n")
        } else {
            w.write(L0, "Endpoints:\n")
            for e in endpoints {
                w.write(L1, "- Addresses:\t\(orNone(e["addresses"].arr.map(\.str).joined(separator: ", ")))\n")
                w.write(L2, "Conditions:\n")
                w.write(L3, "Ready:\t\(e["conditions"]["ready"].bool.map(goBool) ?? "<unset>")\n")
                w.write(L2, "Hostname:\t\(e["hostname"].string ?? "<unset>")\n")
                if case .object = e["targetRef"] { w.write(L2, "TargetRef:\t\(e["targetRef"]["kind"].str)/\(e["targetRef"]["name"].str)\n") }
                w.write(L2, "NodeName:\t\(e["nodeName"].string ?? "<unset>")\n")
                w.write(L2, "Zone:\t\(e["zone"].string ?? "<unset>")\n")
            }
        }
        writeEventsIfShown(w, eps, ctx)
    }
}

/// `kubectl describe serviceaccount`: pull secrets, mountable secrets and token secrets.
func describeServiceAccount(_ sa: JSONValue, _ ctx: DescribeContext) -> String {
    let secrets = ctx.list("secrets", namespace: sa.namespace)
    let existing = Set(secrets.map(\.name))
    let tokens = secrets.filter {
        $0["type"].str == "kubernetes.io/service-account-token"
            && $0.annotations["kubernetes.io/service-account.name"].str == sa.name
            && $0.annotations["kubernetes.io/service-account.uid"].str == sa.uid
    }
    var missing = Set<String>()
    for s in sa["secrets"].arr + sa["imagePullSecrets"].arr where !existing.contains(s["name"].str) { missing.insert(s["name"].str) }
    return tabbed { w in
        w.write(L0, "Name:\t\(sa.name)\n")
        w.write(L0, "Namespace:\t\(sa.namespace)\n")
        printLabels(w, "Labels", sa.labels)
        printAnnotations(w, "Annotations", sa.annotations)
        let empty = "                   "
        // Headers in sorted order: "Image pull secrets:", "Mountable secrets: ", "Tokens:            ".
        let groups: [(String, [String])] = [
            ("Image pull secrets:", sa["imagePullSecrets"].arr.map { $0["name"].str }),
            ("Mountable secrets: ", sa["secrets"].arr.map { $0["name"].str }),
            ("Tokens:            ", tokens.map(\.name)),
        ]
        for (header, names) in groups {
            if names.isEmpty {
                w.write(L0, "\(header)\t<none>\n")
                continue
            }
            var prefix = header
            for n in names {
                w.write(L0, missing.contains(n) ? "\(prefix)\t\(n) (not found)\n" : "\(prefix)\t\(n)\n")
                prefix = empty
            }
        }
        writeEventsIfShown(w, sa, ctx)
    }
}

/// `kubectl describe ingress` (networking.k8s.io/v1).
func describeIngress(_ ing: JSONValue, _ ctx: DescribeContext) -> String {
    let ns = ing.namespace
    let services = ctx.list("services", namespace: ns)
    let slices = ctx.list("endpointslices.discovery.k8s.io", namespace: ns)
    func backend(_ b: JSONValue) -> String {
        if case .object = b["service"] {
            let s = b["service"]
            let port = s["port"]["number"].i64 != 0 ? String(s["port"]["number"].i64) : s["port"]["name"].str
            let sb = "\(s["name"].str):\(port)"
            guard let svc = services.first(where: { $0.name == s["name"].str }) else {
                return "\(sb) (<error: services \"\(s["name"].str)\" not found>)"
            }
            var spName = ""
            for sp in svc["spec"]["ports"].arr {
                if s["port"]["number"].i64 != 0 && s["port"]["number"].i64 == sp["port"].i64 {
                    spName = sp["name"].str
                } else if !s["port"]["name"].str.isEmpty && s["port"]["name"].str == sp["name"].str {
                    spName = sp["name"].str
                }
            }
            let mine = slices.filter { $0.labels["kubernetes.io/service-name"].string == s["name"].str }
            return "\(sb) (\(formatEndpointSlices(mine, portName: spName)))"
        }
        if case .object = b["resource"] {
            let r = b["resource"]
            return "APIGroup: \(r["apiGroup"].string ?? "<none>"), Kind: \(r["kind"].str), Name: \(r["name"].str)"
        }
        return ""
    }
    return tabbed { w in
        w.write(L0, "Name:\t\(ing.name)\n")
        printLabels(w, "Labels", ing.labels)
        w.write(L0, "Namespace:\t\(ns)\n")
        var addrs = Set<String>()
        for i in ing["status"]["loadBalancer"]["ingress"].arr {
            if !i["ip"].str.isEmpty { addrs.insert(i["ip"].str) } else if !i["hostname"].str.isEmpty { addrs.insert(i["hostname"].str) }
        }
        w.write(L0, "Address:\t\(addrs.sorted(by: goStringLess).joined(separator: ","))\n")
        w.write(L0, "Ingress Class:\t\(ing["spec"]["ingressClassName"].string ?? "<none>")\n")
        var def = "<default>"
        if case .object = ing["spec"]["defaultBackend"] { def = backend(ing["spec"]["defaultBackend"]) }
        w.write(L0, "Default backend:\t\(def)\n")
        let tls = ing["spec"]["tls"].arr
        if !tls.isEmpty {
            w.write(L0, "TLS:\n")
            for t in tls {
                let hosts = t["hosts"].arr.map(\.str).joined(separator: ",")
                if t["secretName"].str.isEmpty {
                    w.write(L1, "SNI routes \(hosts)\n")
                } else {
                    w.write(L1, "\(t["secretName"].str) terminates \(hosts)\n")
                }
            }
        }
        w.write(L0, "Rules:\n  Host\tPath\tBackends\n")
        w.write(L1, "----\t----\t--------\n")
        var count = 0
        for rule in ing["spec"]["rules"].arr {
            guard case .object = rule["http"] else { continue }
            count += 1
            let host = rule["host"].str.isEmpty ? "*" : rule["host"].str
            w.write(L1, "\(host)\t\n")
            for p in rule["http"]["paths"].arr {
                w.write(L2, "\t\(p["path"].str) \t\(backend(p["backend"]))\n")
            }
        }
        if count == 0 { w.write(L1, "*\t*\t\(def)\n") }
        printAnnotations(w, "Annotations", ing.annotations)
        writeEventsIfShown(w, ing, ctx)
    }
}

/// `kubectl describe ingressclass`.
func describeIngressClass(_ ic: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(ic.name)\n")
        printLabels(w, "Labels", ic.labels)
        printAnnotations(w, "Annotations", ic.annotations)
        w.write(L0, "Controller:\t\(ic["spec"]["controller"].str)\n")
        let p = ic["spec"]["parameters"]
        if case .object = p {
            w.write(L0, "Parameters:\n")
            if let g = p["apiGroup"].string { w.write(L1, "APIGroup:\t\(g)\n") }
            w.write(L1, "Kind:\t\(p["kind"].str)\n")
            w.write(L1, "Name:\t\(p["name"].str)\n")
        }
        writeEventsIfShown(w, ic, ctx)
    }
}
