import KubeModel
import KubeRegistry
import KubeStore

/// Endpoints and EndpointSlices of the Services with a selector: the pods that match, ready ones as
/// addresses, others as not-ready addresses.
extension ControllerManager {
    func syncServices(namespace ns: String) throws {
        guard try namespaceExists(ns) else { return }
        for svc in try s.list(svcType, namespace: ns) {
            try syncEndpoints(svc)
        }
    }

    struct EndpointPod { var pod: JSONValue; var ip: String; var ready: Bool }

    func resolvePort(_ svcPort: JSONValue, pod: JSONValue) -> Int64? {
        let target = svcPort["targetPort"]
        if let n = target.int { return n }
        if let name = target.string {
            if let n = Int64(name) { return n }
            for c in pod["spec"]["containers"].array ?? [] {
                for p in c["ports"].array ?? [] where p["name"].string == name {
                    if (p["protocol"].string ?? "TCP") == (svcPort["protocol"].string ?? "TCP") { return p["containerPort"].int }
                }
            }
            return nil
        }
        return svcPort["port"].int
    }

    func syncEndpoints(_ svc: JSONValue) throws {
        let ns = svc["metadata"]["namespace"].string ?? ""
        let name = svc["metadata"]["name"].string ?? ""
        let selectorMap = svc["spec"]["selector"].stringMap
        guard !selectorMap.isEmpty, svc["spec"]["type"].string != "ExternalName" else { return }
        var m: [String: String] = [:]
        for (k, v) in selectorMap { m[k] = v }
        var pods: [EndpointPod] = []
        for row in try rows(podType, ns, matching: LabelSelector(matchingLabels: m)) {
            let pod = try s.decode(row)
            guard let ip = pod["status"]["podIP"].string, !ip.isEmpty, !isTerminated(pod),
                pod["metadata"]["deletionTimestamp"].isNull else { continue }
            // A pod that serves none of the service's ports is not an endpoint.
            let svcPorts = svc["spec"]["ports"].array ?? []
            if !svcPorts.isEmpty && !svcPorts.contains(where: { resolvePort($0, pod: pod) != nil }) { continue }
            pods.append(EndpointPod(pod: pod, ip: ip, ready: isReady(pod)))
        }
        let keyed: [(EndpointPod, UInt32)] = pods.map { ($0, ipKey($0.ip)) }
        pods = keyed.sorted { (a: (EndpointPod, UInt32), b: (EndpointPod, UInt32)) -> Bool in
            a.1 == b.1 ? a.0.ip < b.0.ip : a.1 < b.1
        }.map { $0.0 }
        let svcPorts = svc["spec"]["ports"].array ?? []
        func targetRef(_ p: JSONValue) -> JSONValue {
            ["kind": "Pod", "name": p["metadata"]["name"], "namespace": .string(ns), "uid": p["metadata"]["uid"]]
        }
        // Endpoints.
        var ports: [JSONValue] = []
        if let first = pods.first {
            for sp in svcPorts {
                guard let port = resolvePort(sp, pod: first.pod) else { continue }
                var o: JSONValue = .emptyObject
                if let n = sp["name"].string, !n.isEmpty { o["name"] = .string(n) }
                o["port"] = .int(port)
                o["protocol"] = .string(sp["protocol"].string ?? "TCP")
                ports.append(o)
            }
        }
        func address(_ e: EndpointPod) -> JSONValue {
            var a: JSONValue = ["ip": .string(e.ip)]
            if let n = e.pod["spec"]["nodeName"].string { a["nodeName"] = .string(n) }
            a["targetRef"] = targetRef(e.pod)
            return a
        }
        var subset: JSONValue = .emptyObject
        let ready = pods.filter(\.ready).map(address)
        let notReady = pods.filter { !$0.ready }.map(address)
        if !ready.isEmpty { subset["addresses"] = .array(ready) }
        if !notReady.isEmpty { subset["notReadyAddresses"] = .array(notReady) }
        if !ports.isEmpty { subset["ports"] = .array(ports) }
        var ep: JSONValue = ["apiVersion": "v1", "kind": "Endpoints", "metadata": ["name": .string(name), "namespace": .string(ns)]]
        if let l = svc["metadata"]["labels"].object, !l.isEmpty { ep["metadata"]["labels"] = .object(l) }
        if !pods.isEmpty { ep["subsets"] = [subset] }
        let trigger = JSONValue.string(now.rfc3339)
        if let existing = try s.find(endpointsType, namespace: ns, name: name) {
            if existing["subsets"] != ep["subsets"] || existing["metadata"]["labels"] != ep["metadata"]["labels"] {
                var u = existing
                u["subsets"] = ep["subsets"]
                if ep["subsets"].isNull { u.remove(["subsets"]) }
                u["metadata"]["labels"] = ep["metadata"]["labels"]
                if ep["metadata"]["labels"].isNull { u.remove(["metadata", "labels"]) }
                u["metadata"]["annotations"]["endpoints.kubernetes.io/last-change-trigger-time"] = trigger
                try s.update(u, type: endpointsType)
            }
        } else {
            if !pods.isEmpty { ep["metadata"]["annotations"] = ["endpoints.kubernetes.io/last-change-trigger-time": trigger] }
            try s.create(ep, type: endpointsType, namespace: ns)
        }
        // EndpointSlice.
        var slicePorts: [JSONValue] = []
        for sp in svcPorts {
            let port = pods.first.flatMap { resolvePort(sp, pod: $0.pod) } ?? sp["targetPort"].int ?? sp["port"].int
            var o: JSONValue = ["name": .string(sp["name"].string ?? "")]
            if let port { o["port"] = .int(port) }
            o["protocol"] = .string(sp["protocol"].string ?? "TCP")
            slicePorts.append(o)
        }
        let endpoints: [JSONValue] = pods.map { e in
            var o: JSONValue = ["addresses": [.string(e.ip)],
                                "conditions": ["ready": .bool(e.ready), "serving": .bool(e.ready), "terminating": false]]
            if let n = e.pod["spec"]["nodeName"].string { o["nodeName"] = .string(n) }
            o["targetRef"] = targetRef(e.pod)
            return o
        }
        var labels = svc["metadata"]["labels"].object ?? JSONObject()
        labels["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io"
        labels["kubernetes.io/service-name"] = .string(name)
        if svc["spec"]["clusterIP"].string == "None" { labels["service.kubernetes.io/headless"] = "" }
        let existing = try s.tx.list(resource: sliceType.storageKey, namespace: ns,
                                     labels: [.equals("kubernetes.io/service-name", name),
                                              .equals("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io")])
        let endpointsValue: JSONValue = endpoints.isEmpty ? .null : .array(endpoints)
        if let row = existing.first {
            let slice = try s.decode(row)
            if slice["endpoints"] != endpointsValue || slice["ports"] != .array(slicePorts) || slice["metadata"]["labels"] != .object(labels) {
                var u = slice
                u["endpoints"] = endpointsValue
                u["ports"] = .array(slicePorts)
                u["metadata"]["labels"] = .object(labels)
                u["metadata"]["annotations"]["endpoints.kubernetes.io/last-change-trigger-time"] = trigger
                try s.update(u, type: sliceType)
            }
        } else {
            var meta: JSONValue = ["generateName": .string(name + "-"), "namespace": .string(ns), "labels": .object(labels)]
            if !pods.isEmpty { meta["annotations"] = ["endpoints.kubernetes.io/last-change-trigger-time": trigger] }
            meta["ownerReferences"] = [ownerReference(svc, apiVersion: "v1", kind: "Service")]
            let slice: JSONValue = ["apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": meta,
                                    "addressType": "IPv4", "endpoints": endpointsValue, "ports": .array(slicePorts)]
            try s.create(slice, type: sliceType, namespace: ns)
        }
    }

    /// An IPv4 address as a number for sorting (0 for anything else).
    func ipKey(_ ip: String) -> UInt32 {
        let parts = ip.split(separator: ".").compactMap { UInt32($0) }
        guard parts.count == 4 else { return 0 }
        return parts.reduce(0) { $0 << 8 | ($1 & 0xFF) }
    }
}
