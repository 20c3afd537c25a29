import KubeModel
import KubeRegistry
import KubeStore

/// The node lifecycle controller and the taint-eviction controller: a node whose Ready condition is
/// False gets the `node.kubernetes.io/not-ready` taints (Unknown: `unreachable`), its pods are marked
/// not ready, and each pod that does not tolerate the NoExecute taint is evicted at once, or when its
/// `tolerationSeconds` (300 s by the DefaultTolerationSeconds admission) have passed since the taint was
/// added; an evicted pod stays `Terminating` (see `evict`). A node that is Ready again loses the taints,
/// pending evictions are cancelled and its kubelet finishes the deletions that are due.
extension ControllerManager {
    static let notReadyTaint = "node.kubernetes.io/not-ready"
    static let unreachableTaint = "node.kubernetes.io/unreachable"

    /// Reconciles the node's condition taints; returns the node as it should be stored.
    func nodeLifecycle(_ node: JSONValue) throws -> JSONValue {
        let name = node["metadata"]["name"].string ?? ""
        let ready = (node["status"]["conditions"].array ?? []).first { $0["type"].string == "Ready" }?["status"].string
        guard let ready else { return node }
        let wanted: String? = ready == "True" ? nil : (ready == "False" ? Self.notReadyTaint : Self.unreachableTaint)
        var taints = node["spec"]["taints"].array ?? []
        let had = taints.first { [Self.notReadyTaint, Self.unreachableTaint].contains($0["key"].string ?? "") && $0["effect"].string == "NoExecute" }
        if had?["key"].string == wanted { return node }
        taints.removeAll { [Self.notReadyTaint, Self.unreachableTaint].contains($0["key"].string ?? "") }
        var updated = node
        if let wanted {
            taints.insert(["effect": "NoExecute", "key": .string(wanted), "timeAdded": .string(now.rfc3339)], at: 0)
            taints.insert(["effect": "NoSchedule", "key": .string(wanted)], at: 1)
        }
        if taints.isEmpty { updated.remove(["spec", "taints"]) } else { updated["spec"]["taints"] = .array(taints) }
        let status = wanted == nil ? "NodeReady" : "NodeNotReady"
        if had == nil || wanted == nil {
            event(node, reason: status, message: "Node \(name) status is now: \(status)", component: "node-controller")
        }
        try forEachPod(onNode: name) { pod in try self.podOnChangedNode(pod, taints: taints, notReady: wanted != nil && had == nil) }
        return updated
    }

    func forEachPod(onNode node: String, _ body: (JSONValue) throws -> Void) throws {
        var position: Int64 = 0
        while true {
            let page = try s.tx.keys(resource: podType.storageKey, field: FieldIndex.activeNode, value: node, after: position)
            guard let last = page.last else { return }
            position = last.position
            for key in page {
                if let pod = try s.find(podType, namespace: key.namespace, name: key.name) { try body(pod) }
            }
        }
    }

    /// A pod on a node whose taints changed: marked not ready, then evicted now, later, or not at all.
    private func podOnChangedNode(_ pod: JSONValue, taints: [JSONValue], notReady: Bool) throws {
        let ns = pod["metadata"]["namespace"].string ?? "", name = pod["metadata"]["name"].string ?? ""
        let id = Timers.objectID("evict", podType.storageKey, ns, name)
        if !pod["metadata"]["deletionTimestamp"].isNull {
            // Already being deleted: a node that reports again lets its kubelet finish the deletion.
            if !taints.contains(where: { $0["key"].string == Self.unreachableTaint }) { try kubeletTerminating(pod) }
            return
        }
        var p = pod
        if notReady, var conds = p["status"]["conditions"].array, let i = conds.firstIndex(where: { $0["type"].string == "Ready" }),
            conds[i]["status"].string == "True"
        {
            conds[i]["status"] = "False"
            conds[i]["lastTransitionTime"] = .string(now.rfc3339)
            p["status"]["conditions"] = .array(conds)
            p = try save(p, pod, podType)
            event(p, type: "Warning", reason: "NodeNotReady", message: "Node is not ready", component: "node-controller")
        }
        guard let at = evictionTime(p, taints: taints) else {
            if try Timers.scheduled(s.tx, id: id) != nil {
                try Timers.cancel(s.tx, id: id)
                event(p, reason: "TaintManagerEviction", message: "Cancelling deletion of Pod \(ns)/\(name)",
                      component: "taint-eviction-controller")
            }
            return
        }
        if at <= now.seconds { try evict(p) } else { try Timers.set(s.tx, id: id, due: at) }
    }

    /// When the pod must go: nil when it tolerates every NoExecute taint for ever (or there is none).
    func evictionTime(_ pod: JSONValue, taints: [JSONValue]) -> Int64? {
        let tolerations = pod["spec"]["tolerations"].array ?? []
        var at: Int64?
        for taint in taints where taint["effect"].string == "NoExecute" {
            let matching = tolerations.filter { ControllerManager.tolerates([$0], taint) }
            if matching.isEmpty { return now.seconds }
            guard let least = matching.compactMap({ $0["tolerationSeconds"].int }).min() else { continue }
            let added = taint["timeAdded"].string.flatMap(Timestamp.init(rfc3339:))?.seconds ?? now.seconds
            at = min(at ?? Int64.max, added + max(0, least))
        }
        return at
    }

    /// The eviction timer fell due: the pod goes if its node still has the taint it does not tolerate.
    func evictionDue(namespace ns: String, name: String) throws {
        guard let pod = try s.find(podType, namespace: ns, name: name), let nodeName = pod["spec"]["nodeName"].string,
            let node = try s.find(nodeType, namespace: "", name: nodeName),
            let at = evictionTime(pod, taints: node["spec"]["taints"].array ?? []), at <= now.seconds else { return }
        try evict(pod)
    }

    /// The taint-eviction controller deletes the pod gracefully: it stays `Terminating` until its kubelet
    /// has stopped it (`KubeletTermination`; for ever on an unreachable node, until it reports again).
    private func evict(_ pod: JSONValue) throws {
        let ns = pod["metadata"]["namespace"].string ?? "", name = pod["metadata"]["name"].string ?? ""
        event(pod, reason: "TaintManagerEviction", message: "Marking for deletion Pod \(ns)/\(name)", component: "taint-eviction-controller")
        try s.delete(podType, namespace: ns, name: name)
    }
}
