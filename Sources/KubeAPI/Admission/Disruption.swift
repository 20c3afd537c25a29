import KubeModel
import KubeRegistry

/// The disruption controller and the Eviction subresource. A PodDisruptionBudget's status counts the
/// pods its selector matches (expected, healthy = Ready) and how many may be disrupted; an eviction
/// that would leave fewer healthy pods than the budget wants is refused with HTTP 429.
extension APISession {

    func disruptionBudgets(in ns: String) throws -> [JSONValue] {
        guard let t = pdbType, !ns.isEmpty, try tx.count(resource: t.storageKey, namespace: ns) > 0 else { return [] }
        return try list(t, namespace: ns)
    }

    /// Keeps budgets current: when a budget is written, and when a pod appears, goes, or changes readiness.
    func disruptionObjectWritten(type: ResourceType, new: JSONValue?, old: JSONValue?) throws {
        guard let pt = pdbType else { return }
        if type.storageKey == pt.storageKey, let new {
            try syncBudget(new, type: pt)
            return
        }
        guard type.group.isEmpty, type.kind == "Pod" else { return }
        if let new, let old, Self.podHealthy(new) == Self.podHealthy(old), new["metadata"]["labels"] == old["metadata"]["labels"] {
            return
        }
        let obj = new ?? old ?? .null
        for pdb in try disruptionBudgets(in: obj["metadata"]["namespace"].string ?? "") {
            guard let sel = try? LabelSelector(from: pdb["spec"]["selector"]) else { continue }
            let matchedNew = new.map { sel.matches(labels: $0["metadata"]["labels"]) } ?? false
            let matchedOld = old.map { sel.matches(labels: $0["metadata"]["labels"]) } ?? false
            if matchedNew || matchedOld { try syncBudget(pdb, type: pt) }
        }
    }

    static func podHealthy(_ pod: JSONValue) -> Bool {
        pod["metadata"]["deletionTimestamp"].isNull
            && (pod["status"]["conditions"].array ?? []).contains { $0["type"].string == "Ready" && $0["status"].string == "True" }
    }

    /// The budget's status from the pods its selector matches.
    func syncBudget(_ pdb: JSONValue, type pt: ResourceType) throws {
        guard let podType = registry.type(group: "", kind: "Pod") else { return }
        let ns = pdb["metadata"]["namespace"].string ?? ""
        let sel = (try? LabelSelector(from: pdb["spec"]["selector"])) ?? .nothing
        let pods = try list(podType, namespace: ns).filter {
            sel.matches(labels: $0["metadata"]["labels"]) && !["Succeeded", "Failed"].contains($0["status"]["phase"].string ?? "")
        }
        let expected = pods.count
        let healthy = pods.filter(Self.podHealthy).count
        let desired: Int
        let min = pdb["spec"]["minAvailable"], max = pdb["spec"]["maxUnavailable"]
        if !min.isNull {
            desired = Self.scaled(min, of: expected, roundUp: true)
        } else if !max.isNull {
            desired = Swift.max(0, expected - Self.scaled(max, of: expected, roundUp: true))
        } else {
            desired = expected
        }
        let allowed = Swift.max(0, healthy - desired)
        var status: JSONValue = [
            "currentHealthy": .int(Int64(healthy)), "desiredHealthy": .int(Int64(desired)),
            "disruptionsAllowed": .int(Int64(allowed)), "expectedPods": .int(Int64(expected)),
        ]
        if let g = pdb["metadata"]["generation"].int { status["observedGeneration"] = .int(g) }
        let ok = allowed > 0
        let previous = (pdb["status"]["conditions"].array ?? []).first { $0["type"].string == "DisruptionAllowed" }
        let sameState = previous?["status"].string == (ok ? "True" : "False")
        var condition: JSONValue = [
            "lastTransitionTime": sameState ? previous!["lastTransitionTime"] : .string(now.rfc3339),
            "message": "", "reason": .string(ok ? "SufficientPods" : "InsufficientPods"),
            "status": .string(ok ? "True" : "False"), "type": "DisruptionAllowed",
        ]
        if let g = pdb["metadata"]["generation"].int { condition["observedGeneration"] = .int(g) }
        status["conditions"] = [condition]
        guard pdb["status"] != status, let current = try find(pt, namespace: ns, name: pdb["metadata"]["name"].string ?? "") else { return }
        var updated = current
        updated["status"] = status
        try update(updated, type: pt)
    }

    /// An int, or a percentage of `total` (rounded up, as the disruption controller does).
    static func scaled(_ v: JSONValue, of total: Int, roundUp: Bool) -> Int {
        if let i = v.int { return Int(i) }
        guard let s = v.string, s.hasSuffix("%"), let p = Int(s.dropLast()) else { return 0 }
        return roundUp ? (p * total + 99) / 100 : p * total / 100
    }

    /// The Eviction subresource (`POST pods/<name>/eviction`): deletes the pod unless a budget forbids it.
    public func evict(namespace ns: String, name: String, dryRun: Bool = false) throws {
        guard let podType = registry.type(group: "", kind: "Pod") else { return }
        try authorize("create", podType, namespace: ns, name: name, subresource: "eviction")
        auth.internalDepth += 1
        defer { auth.internalDepth -= 1 }
        let pod = try get(podType, namespace: ns, name: name)
        let phase = pod["status"]["phase"].string ?? ""
        let ignoresBudget = ["Succeeded", "Failed", "Pending"].contains(phase) || !pod["metadata"]["deletionTimestamp"].isNull
        if !ignoresBudget {
            let budgets = try disruptionBudgets(in: ns).filter {
                ((try? LabelSelector(from: $0["spec"]["selector"])) ?? .nothing).matches(labels: pod["metadata"]["labels"])
            }
            if budgets.count > 1 {
                throw APIError(reason: .internalError, message: "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.", code: 500)
            }
            if let pdb = budgets.first {
                let allowed = pdb["status"]["disruptionsAllowed"].int ?? 0
                if allowed <= 0 {
                    throw APIError(reason: .tooManyRequests, message: "Cannot evict pod as it would violate the pod's disruption budget.", code: 429)
                }
                // The budget's status is recomputed when the pod is gone (the disruption controller).
            }
        }
        try delete(podType, namespace: ns, name: name, dryRun: dryRun)
    }
}
