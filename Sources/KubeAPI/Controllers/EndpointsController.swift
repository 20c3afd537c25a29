import KubeModel
import KubeRegistry
import KubeStore

/// Endpoints and EndpointSlices of the Services with a selector: the pods that match, ready ones as
/// addresses, others as not-ready addresses.
extension ControllerManager {
    /// The Services of `ns` whose endpoints may have changed: a Service written (or every one, after a
    /// restore) is computed from every pod it selects; otherwise only the pods written in this
    /// transaction whose labels (before or after) it selects are looked at, and merged into the
    /// Endpoints as the controller last wrote them.
    func syncServices(namespace ns: String) throws {
        let changedPods = endpointPodChanges.removeValue(forKey: ns) ?? [:]
        // A namespace without Services has nothing to sync (the transaction answers an empty range it
        // has seen without a query), so the namespace itself is looked up only when it has one.
        let services = try s.list(svcType, namespace: ns)
        guard !services.isEmpty, try namespaceExists(ns) else { return }
        for svc in services {
            let name = svc["metadata"]["name"].string ?? ""
            if endpointsFullSync || changedServices.remove(ns + "/" + name) != nil {
                try syncEndpoints(svc, changedPods: nil)
                continue
            }
            let selector = svc["spec"]["selector"].stringMap
            guard !selector.isEmpty else { continue }
            let selected = changedPods.filter { _, labelSets in
                labelSets.contains { labels in selector.allSatisfy { (key, value) in labels[key].string == value } }
            }
            if !selected.isEmpty { try syncEndpoints(svc, changedPods: Set(selected.keys)) }
        }
    }

    /// A pod or Service write the Endpoints controller looks at (`syncServices`).
    func endpointsNoteChange(type: ResourceType, object: JSONValue, old: JSONValue?) {
        let meta = object["metadata"]
        let ns = meta["namespace"].string ?? "", name = meta["name"].string ?? ""
        if type.kind == "Service" {
            changedServices.insert(ns + "/" + name)
            return
        }
        var labelSets = endpointPodChanges[ns, default: [:]][name, default: []]
        for obj in [old ?? .null, object] where !obj.isNull { labelSets.append(obj["metadata"]["labels"]) }
        endpointPodChanges[ns, default: [:]][name] = labelSets
    }

    /// One address of a Service's endpoints: a pod with an IP, not terminated or being deleted, serving
    /// one of the Service's ports (or the Service has none).
    struct EndpointEntry {
        var name: String
        var uid: JSONValue
        var ip: String
        var ready: Bool
        var nodeName: String?
    }

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

    /// The pod's address for a Service with these ports, or nil when it is not an endpoint.
    func endpointEntry(_ pod: JSONValue, svcPorts: [JSONValue]) -> EndpointEntry? {
        guard let ip = pod["status"]["podIP"].string, !ip.isEmpty, !isTerminated(pod),
            pod["metadata"]["deletionTimestamp"].isNull else { return nil }
        if !svcPorts.isEmpty && !svcPorts.contains(where: { resolvePort($0, pod: pod) != nil }) { return nil }
        return EndpointEntry(name: pod["metadata"]["name"].string ?? "", uid: pod["metadata"]["uid"], ip: ip,
                             ready: isReady(pod), nodeName: pod["spec"]["nodeName"].string)
    }

    /// The addresses of the stored Endpoints (ready ones first as stored, then the others).
    func endpointEntries(_ ep: JSONValue) -> [EndpointEntry] {
        var result: [EndpointEntry] = []
        for (field, ready) in [("addresses", true), ("notReadyAddresses", false)] {
            for a in ep["subsets"][0][field].array ?? [] {
                result.append(EndpointEntry(name: a["targetRef"]["name"].string ?? "", uid: a["targetRef"]["uid"],
                                            ip: a["ip"].string ?? "", ready: ready, nodeName: a["nodeName"].string))
            }
        }
        return result
    }

    /// The Service's endpoints in address order (numeric IPv4, then text, then pod name) and the pod of
    /// the first (whose named ports give the port numbers). `changedPods` nil: from every selected pod;
    /// otherwise the stored Endpoints with those pods looked at again, when the controller wrote them
    /// last (nil when it cannot tell: computed from every pod then).
    func endpointPods(_ svc: JSONValue, changedPods: Set<String>?, stored: (JSONValue, ObjectRow)?) throws
        -> (entries: [EndpointEntry], first: JSONValue?, full: Bool)
    {
        let ns = svc["metadata"]["namespace"].string ?? ""
        let svcPorts = svc["spec"]["ports"].array ?? []
        var entries: [EndpointEntry] = []
        var pods: [String: JSONValue] = [:]
        var full = true
        if let changedPods, let (ep, row) = stored, try s.tx.config(Self.endpointsWrittenKey(ns, row.name)) == String(row.resourceVersion) {
            full = false
            entries = endpointEntries(ep).filter { !changedPods.contains($0.name) }
            let selector = svc["spec"]["selector"].stringMap
            for name in changedPods {
                guard let pod = try s.memory?.writtenPod(namespace: ns, name: name) ?? s.find(podType, namespace: ns, name: name),
                      selector.allSatisfy({ (key, value) in pod["metadata"]["labels"][key].string == value }),
                      let entry = endpointEntry(pod, svcPorts: svcPorts) else { continue }
                entries.append(entry)
                pods[name] = pod
            }
        } else {
            var m: [String: String] = [:]
            for (k, v) in svc["spec"]["selector"].stringMap { m[k] = v }
            for row in try rows(podType, ns, matching: LabelSelector(matchingLabels: m)) {
                let pod = try s.decode(row)
                guard let entry = endpointEntry(pod, svcPorts: svcPorts) else { continue }
                entries.append(entry)
                pods[entry.name] = pod
            }
        }
        entries = entries.map { ($0, ipKey($0.ip)) }.sorted(by: Self.addressOrder).map(\.0)
        guard let first = entries.first else { return ([], nil, full) }
        return (entries, try pods[first.name] ?? s.find(podType, namespace: ns, name: first.name), full)
    }

    /// Numeric IPv4 order, then the text of the address, then the pod's name.
    static func addressOrder(_ a: (EndpointEntry, UInt32), _ b: (EndpointEntry, UInt32)) -> Bool {
        if a.1 != b.1 { return a.1 < b.1 }
        if a.0.ip != b.0.ip { return a.0.ip < b.0.ip }
        return a.0.name < b.0.name
    }

    /// The setting that holds the resource version of a Service's Endpoints as the controller last
    /// wrote (or checked) them: another resource version means someone else wrote them.
    static func endpointsWrittenKey(_ ns: String, _ name: String) -> String { "endpointsrv/" + ns + "/" + name }

    func syncEndpoints(_ svc: JSONValue, changedPods: Set<String>?) throws {
        let ns = svc["metadata"]["namespace"].string ?? ""
        let name = svc["metadata"]["name"].string ?? ""
        guard !svc["spec"]["selector"].stringMap.isEmpty, svc["spec"]["type"].string != "ExternalName" else { return }
        let storedRow = try s.tx.get(resource: endpointsType.storageKey, namespace: ns, name: name)
        let stored = try storedRow.map { (try s.decode($0), $0) }
        let (entries, firstPod, full) = try endpointPods(svc, changedPods: changedPods, stored: stored)
        let svcPorts = svc["spec"]["ports"].array ?? []
        func targetRef(_ e: EndpointEntry) -> JSONValue {
            ["kind": "Pod", "name": .string(e.name), "namespace": .string(ns), "uid": e.uid]
        }
        // Endpoints.
        var ports: [JSONValue] = []
        if let firstPod {
            for sp in svcPorts {
                guard let port = resolvePort(sp, pod: firstPod) else { continue }
                var o: JSONValue = .emptyObject
                if let n = sp["name"].string, !n.isEmpty { o["name"] = .string(n) }
                o["port"] = .int(port)
                o["protocol"] = .string(sp["protocol"].string ?? "TCP")
                ports.append(o)
            }
        }
        func address(_ e: EndpointEntry) -> JSONValue {
            var a: JSONValue = ["ip": .string(e.ip)]
            if let n = e.nodeName { a["nodeName"] = .string(n) }
            a["targetRef"] = targetRef(e)
            return a
        }
        var subset: JSONValue = .emptyObject
        let ready = entries.filter(\.ready).map(address)
        let notReady = entries.filter { !$0.ready }.map(address)
        if !ready.isEmpty { subset["addresses"] = .array(ready) }
        if !notReady.isEmpty { subset["notReadyAddresses"] = .array(notReady) }
        if !ports.isEmpty { subset["ports"] = .array(ports) }
        var ep: JSONValue = ["apiVersion": "v1", "kind": "Endpoints", "metadata": ["name": .string(name), "namespace": .string(ns)]]
        if let l = svc["metadata"]["labels"].object, !l.isEmpty { ep["metadata"]["labels"] = .object(l) }
        if !entries.isEmpty { ep["subsets"] = [subset] }
        let trigger = JSONValue.string(now.rfc3339)
        var written: JSONValue?
        if let (existing, row) = stored {
            if existing["subsets"] != ep["subsets"] || existing["metadata"]["labels"] != ep["metadata"]["labels"] {
                var u = existing
                u["subsets"] = ep["subsets"]
                if ep["subsets"].isNull { u.remove(["subsets"]) }
                u["metadata"]["labels"] = ep["metadata"]["labels"]
                if ep["metadata"]["labels"].isNull { u.remove(["metadata", "labels"]) }
                u["metadata"]["annotations"]["endpoints.kubernetes.io/last-change-trigger-time"] = trigger
                written = try s.update(u, type: endpointsType)
            } else if full {
                try s.tx.setConfig(Self.endpointsWrittenKey(ns, name), String(row.resourceVersion))
            }
        } else {
            if !entries.isEmpty { ep["metadata"]["annotations"] = ["endpoints.kubernetes.io/last-change-trigger-time": trigger] }
            written = try s.create(ep, type: endpointsType, namespace: ns)
        }
        if let rv = written?["metadata"]["resourceVersion"].string { try s.tx.setConfig(Self.endpointsWrittenKey(ns, name), rv) }
        try syncEndpointSlice(svc, entries: entries, firstPod: firstPod, trigger: trigger)
    }

    func syncEndpointSlice(_ svc: JSONValue, entries: [EndpointEntry], firstPod: JSONValue?, trigger: JSONValue) throws {
        let ns = svc["metadata"]["namespace"].string ?? ""
        let name = svc["metadata"]["name"].string ?? ""
        var slicePorts: [JSONValue] = []
        for sp in svc["spec"]["ports"].array ?? [] {
            let port = firstPod.flatMap { resolvePort(sp, pod: $0) } ?? sp["targetPort"].int ?? sp["port"].int
            var o: JSONValue = ["name": .string(sp["name"].string ?? "")]
            if let port { o["port"] = .int(port) }
            o["protocol"] = .string(sp["protocol"].string ?? "TCP")
            slicePorts.append(o)
        }
        let endpoints: [JSONValue] = entries.map { e in
            var o: JSONValue = ["addresses": [.string(e.ip)],
                                "conditions": ["ready": .bool(e.ready), "serving": .bool(e.ready), "terminating": false]]
            if let n = e.nodeName { o["nodeName"] = .string(n) }
            o["targetRef"] = ["kind": "Pod", "name": .string(e.name), "namespace": .string(ns), "uid": e.uid]
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
            if !entries.isEmpty { meta["annotations"] = ["endpoints.kubernetes.io/last-change-trigger-time": trigger] }
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
