import KubeModel
import KubeRegistry
import KubeStore

/// DaemonSets: one pod per node that matches the template's node selector/affinity and whose taints
/// the pod tolerates; pods leave nodes that stop matching; rolling updates one node at a time.
extension ControllerManager {
    static let daemonTolerations: [JSONValue] = [
        ["effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists"],
        ["effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists"],
        ["effect": "NoSchedule", "key": "node.kubernetes.io/disk-pressure", "operator": "Exists"],
        ["effect": "NoSchedule", "key": "node.kubernetes.io/memory-pressure", "operator": "Exists"],
        ["effect": "NoSchedule", "key": "node.kubernetes.io/pid-pressure", "operator": "Exists"],
        ["effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable", "operator": "Exists"],
    ]

    func daemonPodSpec(_ template: JSONValue, node: String) -> JSONValue {
        var spec = template["spec"]
        var tolerations = spec["tolerations"].array ?? []
        var extra = ControllerManager.daemonTolerations
        if spec["hostNetwork"].bool == true {
            extra.append(["effect": "NoSchedule", "key": "node.kubernetes.io/network-unavailable", "operator": "Exists"])
        }
        for t in extra where !tolerations.contains(where: { $0["key"] == t["key"] && $0["effect"] == t["effect"] }) {
            tolerations.append(t)
        }
        spec["tolerations"] = .array(tolerations)
        spec["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"] = [
            "nodeSelectorTerms": [["matchFields": [["key": "metadata.name", "operator": "In", "values": [.string(node)]]]]],
        ]
        return spec
    }

    func daemonPodNode(_ pod: JSONValue) -> String? {
        if let n = pod["spec"]["nodeName"].string, !n.isEmpty { return n }
        let terms = pod["spec"]["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"].array ?? []
        for t in terms {
            for f in t["matchFields"].array ?? [] where f["key"].string == "metadata.name" {
                return f["values"][0].string
            }
        }
        return nil
    }

    func syncDaemonSet(namespace ns: String, name: String) throws {
        guard let ds = try live(dsType, ns, name) else { return }
        let rev = try ensureRevision(owner: ds, kind: "DaemonSet")
        let allNodes = try nodes()
        let wanted = allNodes.filter { daemonWanted(ds, on: $0) }.map(\.name)
        var byNode: [String: [JSONValue]] = [:]
        // A Terminating pod still holds its node (its replacement comes once it is gone) but is not
        // deleted again, and a rolling update waits for it.
        for pod in try ownedPods(ds) where !isTerminated(pod) {
            byNode[daemonPodNode(pod) ?? "", default: []].append(pod)
        }
        var busy = false
        var refused: PodCreationRefused?
        for node in wanted where (byNode[node] ?? []).isEmpty && refused == nil {
            do {
                byNode[node] = [try createDaemonPod(ds, rev: rev, node: node)]
                busy = true
            } catch let e as PodCreationRefused {
                refused = e
            }
        }
        let wantedSet = Set(wanted)
        for (node, pods) in byNode {
            let live = pods.filter { !terminating($0) }
            if !wantedSet.contains(node) {
                for p in live { try deleteDaemonPod(ds, p) }
                byNode[node] = nil
            } else if live.count > 1 {
                for p in live.dropFirst() { try deleteDaemonPod(ds, p) }
                byNode[node] = [live[0]]
            }
        }
        if !busy && ds["spec"]["updateStrategy"]["type"].string != "OnDelete" {
            let notReady = byNode.values.flatMap { $0 }.contains { !isReady($0) || terminating($0) }
            if !notReady, let (node, pods) = byNode.sorted(by: { $0.key < $1.key })
                .first(where: { $0.value.first?["metadata"]["labels"]["controller-revision-hash"].string != rev.hash })
            {
                try deleteDaemonPod(ds, pods[0])
                byNode[node] = [pods[0]]
            }
        }
        var shares: [String: DaemonShare] = [:]
        for node in wanted { shares[node] = DaemonShare(wanted: true, pod: byNode[node]?.first, rev: rev.hash, ready: isReady) }
        let totals = try rememberShares(ds, shares: shares, nodes: allNodes.map(\.name), rev: rev)
        try saveDaemonStatus(ds, totals)
        if let refused { throw refused }
    }

    /// Whether the DaemonSet wants a pod on `n`: its taints tolerated, its labels matching.
    func daemonWanted(_ ds: JSONValue, on n: NodeInfo) -> Bool {
        let spec = daemonPodSpec(ds["spec"]["template"], node: n.name)
        let tolerations = spec["tolerations"].array ?? []
        let taintOK = n.taints.allSatisfy { t in
            !(t["effect"].string == "NoSchedule" || t["effect"].string == "NoExecute") || ControllerManager.tolerates(tolerations, t)
        }
        return taintOK && ControllerManager.matchesAffinity(ds["spec"]["template"]["spec"], node: n)
    }

    func createDaemonPod(_ ds: JSONValue, rev: (name: String, hash: String), node: String) throws -> JSONValue {
        let generation = ds["metadata"]["generation"].int ?? 1
        let pod = try createPod(owner: ds, ownerAPIVersion: "apps/v1", ownerKind: "DaemonSet", template: ds["spec"]["template"],
                                generateName: (ds["metadata"]["name"].string ?? "") + "-",
                                extraLabels: [("controller-revision-hash", rev.hash),
                                              ("pod-template-generation", String(generation))]) { spec in
            spec = self.daemonPodSpec(["spec": spec], node: node)
        }
        event(ds, reason: "SuccessfulCreate", message: "Created pod: \(pod["metadata"]["name"].string ?? "")",
              component: "daemonset-controller")
        return pod
    }

    func terminating(_ pod: JSONValue) -> Bool { !pod["metadata"]["deletionTimestamp"].isNull }

    func deleteDaemonPod(_ ds: JSONValue, _ pod: JSONValue) throws {
        let podName = pod["metadata"]["name"].string ?? ""
        try s.delete(podType, namespace: ds["metadata"]["namespace"].string ?? "", name: podName)
        event(ds, reason: "SuccessfulDelete", message: "Deleted pod: \(podName)", component: "daemonset-controller")
    }

    /// The status from the per-node totals (what the full sync counts over every node).
    func saveDaemonStatus(_ ds: JSONValue, _ t: DaemonShare) throws {
        guard let current = try s.find(dsType, namespace: ds["metadata"]["namespace"].string ?? "",
                                       name: ds["metadata"]["name"].string ?? "") else { return }
        var status: JSONValue = .emptyObject
        status["currentNumberScheduled"] = .int(Int64(t.scheduled))
        status["desiredNumberScheduled"] = .int(Int64(t.wanted))
        if t.ready > 0 { status["numberAvailable"] = .int(Int64(t.ready)) }
        status["numberMisscheduled"] = 0
        status["numberReady"] = .int(Int64(t.ready))
        if t.wanted - t.ready > 0 { status["numberUnavailable"] = .int(Int64(t.wanted - t.ready)) }
        if let g = current["metadata"]["generation"].int { status["observedGeneration"] = .int(g) }
        if t.updated > 0 { status["updatedNumberScheduled"] = .int(Int64(t.updated)) }
        var u = current
        u["status"] = status
        // The status just counted needs no sync of its own (a status someone else writes does).
        writingDaemonStatus = true
        defer { writingDaemonStatus = false }
        try save(u, current, dsType)
    }
}
