import KubeModel
import KubeRegistry
import KubeStore

/// ReplicaSets and ReplicationControllers: keep `spec.replicas` pods that match the selector, adopting
/// matching orphans and releasing pods whose labels stopped matching.
extension ControllerManager {
    func selector(of obj: JSONValue, type: ResourceType) -> LabelSelector {
        if type.kind == "ReplicationController" {
            var m: [String: String] = [:]
            let sel = obj["spec"]["selector"].stringMap.isEmpty ? obj["spec"]["template"]["metadata"]["labels"] : obj["spec"]["selector"]
            for (k, v) in sel.stringMap { m[k] = v }
            return m.isEmpty ? .nothing : LabelSelector(matchingLabels: m)
        }
        return (try? LabelSelector(from: obj["spec"]["selector"])) ?? .nothing
    }

    func apiVersion(_ type: ResourceType) -> String { type.group.isEmpty ? type.version : "\(type.group)/\(type.version)" }

    func syncReplicaSet(type: ResourceType, namespace ns: String, name: String) throws {
        guard let rs = try live(type, ns, name) else { return }
        let uid = rs["metadata"]["uid"].string ?? ""
        let sel = selector(of: rs, type: type)
        let controllerName = type.kind == "ReplicaSet" ? "replicaset-controller" : "replication-controller"
        var active: [JSONValue] = []
        var seen: Set<String> = []
        for row in try s.tx.dependents(ofUID: uid) where row.resource == podType.storageKey {
            var pod = try s.decode(row)
            seen.insert(row.name)
            guard controllerRef(pod)?.uid == uid else { continue }
            if !sel.matches(labels: pod["metadata"]["labels"]) {
                // Release: the pod no longer belongs to this controller.
                let refs = (pod["metadata"]["ownerReferences"].array ?? []).filter { $0["uid"].string != uid }
                if refs.isEmpty { pod.remove(["metadata", "ownerReferences"]) } else { pod["metadata"]["ownerReferences"] = .array(refs) }
                try s.update(pod, type: podType)
                continue
            }
            if isTerminated(pod) || !pod["metadata"]["deletionTimestamp"].isNull { continue }
            active.append(pod)
        }
        // Adopt orphans that match.
        for row in try rows(podType, ns, matching: sel) where row.ownerUIDs.isEmpty && !seen.contains(row.name) {
            var pod = try s.decode(row)
            if isTerminated(pod) || !pod["metadata"]["deletionTimestamp"].isNull { continue }
            pod["metadata"]["ownerReferences"] = [ownerReference(rs, apiVersion: apiVersion(type), kind: type.kind)]
            active.append(try s.update(pod, type: podType))
        }
        let want = Int(rs["spec"]["replicas"].int ?? 1)
        var refused: PodCreationRefused?
        if active.count < want, Self.templateMatches(sel, rs["spec"]["template"]) {
            let template = rs["spec"]["template"]
            // Like the controller's burstReplicas: at most 500 creations per sync, then sync again
            // (the drain's work limit bounds what one command does).
            let missing = want - active.count
            if missing > Self.burstReplicas {
                enqueue(type.kind == "ReplicaSet" ? .replicaSet(ns, name) : .replicationController(ns, name))
            }
            do {
                for _ in 0..<min(missing, Self.burstReplicas) {
                    let pod = try createPod(owner: rs, ownerAPIVersion: apiVersion(type), ownerKind: type.kind, template: template,
                                            generateName: name + "-")
                    event(rs, reason: "SuccessfulCreate", message: "Created pod: \(pod["metadata"]["name"].string ?? "")",
                          component: controllerName)
                    active.append(pod)
                }
            } catch let e as PodCreationRefused {
                refused = e
            }
        } else if active.count > want {
            let victims = podsToDelete(active, count: active.count - want)
            let names = Set(victims.map { $0["metadata"]["name"].string ?? "" })
            for v in victims {
                let podName = v["metadata"]["name"].string ?? ""
                try s.delete(podType, namespace: ns, name: podName)
                event(rs, reason: "SuccessfulDelete", message: "Deleted pod: \(podName)", component: controllerName)
            }
            active.removeAll { names.contains($0["metadata"]["name"].string ?? "") }
        }
        // Status.
        let templateLabels = rs["spec"]["template"]["metadata"]["labels"].stringMap
        let ready = active.filter(isReady).count
        let fully = active.filter { p in templateLabels.allSatisfy { p["metadata"]["labels"][$0.0].string == $0.1 } }.count
        var status: JSONValue = .emptyObject
        if ready > 0 { status["availableReplicas"] = .int(Int64(ready)) }
        if fully > 0 { status["fullyLabeledReplicas"] = .int(Int64(fully)) }
        if let g = rs["metadata"]["generation"].int { status["observedGeneration"] = .int(g) }
        if ready > 0 { status["readyReplicas"] = .int(Int64(ready)) }
        status["replicas"] = .int(Int64(active.count))
        if let current = try s.find(type, namespace: ns, name: name) {
            // A refused create sets the ReplicaFailure condition; the next sync that is not refused clears it.
            if let refused {
                let prev = (current["status"]["conditions"].array ?? []).first { $0["type"].string == "ReplicaFailure" }
                status["conditions"] = [["lastTransitionTime": prev?["lastTransitionTime"] ?? .string(now.rfc3339),
                                         "message": .string(refused.message), "reason": "FailedCreate", "status": "True",
                                         "type": "ReplicaFailure"]]
            }
            if current["status"] != status {
                var updated = current
                updated["status"] = status
                try s.update(updated, type: type)
            }
        }
        if let refused { throw refused }
    }

    static let burstReplicas = 500

    /// A controller only creates pods its selector will count: an empty selector, or a template whose
    /// labels the selector does not match, would create pods forever (the API server refuses both).
    static func templateMatches(_ selector: LabelSelector, _ template: JSONValue) -> Bool {
        !selector.isEmpty && selector.matches(labels: template["metadata"]["labels"])
    }

    /// Pods to remove when scaling down: unscheduled before scheduled, pending before running, not ready
    /// before ready, newest first.
    func podsToDelete(_ pods: [JSONValue], count: Int) -> [JSONValue] {
        func rank(_ p: JSONValue) -> (Int, Int, Int, String) {
            let scheduled = (p["spec"]["nodeName"].string ?? "").isEmpty ? 0 : 1
            let phase = ["Pending": 0, "Unknown": 1, "Running": 2][p["status"]["phase"].string ?? "Pending"] ?? 0
            let ready = isReady(p) ? 1 : 0
            return (scheduled, phase, ready, p["metadata"]["creationTimestamp"].string ?? "")
        }
        let sorted = pods.enumerated().sorted { a, b in
            let ra = rank(a.element), rb = rank(b.element)
            if ra.0 != rb.0 { return ra.0 < rb.0 }
            if ra.1 != rb.1 { return ra.1 < rb.1 }
            if ra.2 != rb.2 { return ra.2 < rb.2 }
            if ra.3 != rb.3 { return ra.3 > rb.3 }
            return a.offset > b.offset
        }
        return sorted.prefix(count).map(\.element)
    }

    /// An orphan pod appeared or changed in `ns`: controllers whose selector matches may adopt it.
    func adoptOrphans(namespace ns: String) throws {
        for type in [rsType, rcType] {
            for row in try s.tx.listSummaries(resource: type.storageKey, namespace: ns) {
                enqueue(type.kind == "ReplicaSet" ? .replicaSet(ns, row.name) : .replicationController(ns, row.name))
            }
        }
    }
}
