import KubeModel
import KubeRegistry
import KubeStore

/// A Deployment's status as its controller writes it: counts summed over its ReplicaSets, the
/// Available condition, and while a rollout runs the Progressing condition (progressDeadlineSeconds):
/// each sync that sees progress (more updated, ready or available replicas, fewer old ones) renews
/// it; when the deadline passes without progress it turns False, `ProgressDeadlineExceeded`, which
/// `rollout status` reports as a failure. Conditions keep the controller's order: one whose status or
/// reason changes moves to the end.
extension DeploymentRollout {
    var hasProgressDeadline: Bool {
        guard let s = d["spec"]["progressDeadlineSeconds"].int else { return false }
        return s != Int64(Int32.max)
    }

    static func find(_ conditions: [JSONValue], _ type: String) -> JSONValue? {
        conditions.first { $0["type"].string == type }
    }

    func condition(_ type: String) -> JSONValue? { Self.find(d["status"]["conditions"].array ?? [], type) }

    func newCondition(_ type: String, _ status: String, _ reason: String, _ message: String) -> JSONValue {
        let t = JSONValue.string(c.now.rfc3339)
        return ["lastTransitionTime": t, "lastUpdateTime": t, "message": .string(message), "reason": .string(reason),
                "status": .string(status), "type": .string(type)]
    }

    /// SetDeploymentCondition: the same status and reason leave the condition as it is; the same
    /// status keeps its transition time; the new one goes last.
    static func set(_ conditions: inout [JSONValue], _ cond: JSONValue) {
        let current = conditions.first { $0["type"] == cond["type"] }
        if let current, current["status"] == cond["status"], current["reason"] == cond["reason"] { return }
        var cond = cond
        if let current, current["status"] == cond["status"] { cond["lastTransitionTime"] = current["lastTransitionTime"] }
        conditions.removeAll { $0["type"] == cond["type"] }
        conditions.append(cond)
    }

    func setCondition(_ type: String, _ status: String, _ reason: String, _ message: String) {
        var conds = d["status"]["conditions"].array ?? []
        Self.set(&conds, newCondition(type, status, reason, message))
        d["status"]["conditions"] = .array(conds)
    }

    /// Progressing Unknown `DeploymentPaused` / `DeploymentResumed` (not over a timed-out rollout).
    func checkPausedConditions() {
        guard hasProgressDeadline else { return }
        let reason = condition("Progressing")?["reason"].string
        if reason == "ProgressDeadlineExceeded" { return }
        if paused && reason != "DeploymentPaused" {
            setCondition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused")
        } else if !paused && reason == "DeploymentPaused" {
            setCondition("Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed")
        }
    }

    static func count(_ status: JSONValue, _ key: String) -> Int { Int(status[key].int ?? 0) }

    /// DeploymentComplete: every replica updated and available, none old, the spec observed.
    func complete(_ status: JSONValue) -> Bool {
        Self.count(status, "updatedReplicas") == replicas && Self.count(status, "replicas") == replicas
            && Self.count(status, "availableReplicas") == replicas
            && (status["observedGeneration"].int ?? 0) >= (d["metadata"]["generation"].int ?? 0)
    }

    /// calculateStatus: counts from the ReplicaSets (unavailable: their desired pods not available).
    func calculateStatus() -> JSONValue {
        let sets = all
        func sum(_ key: String) -> Int { sets.reduce(0) { $0 + Self.statusCount($1, key) } }
        let available = sum("availableReplicas")
        let desired = sets.reduce(0) { $0 + Self.specReplicas($1) }
        let ready = sum("readyReplicas"), total = sum("replicas")
        let updated = newRS.map { Self.statusCount($0, "replicas") } ?? 0
        var status: JSONValue = .emptyObject
        if available > 0 { status["availableReplicas"] = .int(Int64(available)) }
        if let cc = d["status"]["collisionCount"].int { status["collisionCount"] = .int(cc) }
        var conds = d["status"]["conditions"].array ?? []
        if available >= replicas - maxUnavailable {
            Self.set(&conds, newCondition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."))
        } else {
            Self.set(&conds, newCondition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."))
        }
        status["conditions"] = .array(conds)
        if let g = d["metadata"]["generation"].int { status["observedGeneration"] = .int(g) }
        if ready > 0 { status["readyReplicas"] = .int(Int64(ready)) }
        if total > 0 { status["replicas"] = .int(Int64(total)) }
        if desired - available > 0 { status["unavailableReplicas"] = .int(Int64(desired - available)) }
        if updated > 0 { status["updatedReplicas"] = .int(Int64(updated)) }
        return status
    }

    /// Writes the status (syncDeploymentStatus; with `rollout`, syncRolloutStatus's progress check,
    /// the ReplicaSets' ReplicaFailure, and the timer that looks again when the deadline would pass).
    func writeStatus(rollout: Bool) throws {
        var status = calculateStatus()
        let timer = Timers.objectID("progress", c.deployType.storageKey, ns, deploymentName)
        if rollout {
            var conds = status["conditions"].array ?? []
            if !hasProgressDeadline { conds.removeAll { $0["type"].string == "Progressing" } }
            let current = condition("Progressing")
            let settled = Self.count(status, "replicas") == Self.count(status, "updatedReplicas")
                && current?["reason"].string == "NewReplicaSetAvailable"
            let subject = newRS.map { "ReplicaSet \(strconvQuote(Self.name($0)))" } ?? "Deployment \(strconvQuote(deploymentName))"
            if hasProgressDeadline && !settled {
                if complete(status) {
                    Self.set(&conds, newCondition("Progressing", "True", "NewReplicaSetAvailable", "\(subject) has successfully progressed."))
                } else if progressed(to: status) {
                    var cond = newCondition("Progressing", "True", "ReplicaSetUpdated", "\(subject) is progressing.")
                    if let current {
                        if current["status"].string == "True" { cond["lastTransitionTime"] = current["lastTransitionTime"] }
                        conds.removeAll { $0["type"].string == "Progressing" }
                    }
                    Self.set(&conds, cond)
                } else if timedOut(conds) {
                    Self.set(&conds, newCondition("Progressing", "False", "ProgressDeadlineExceeded", "\(subject) has timed out progressing."))
                }
            }
            if let failure = replicaFailure() {
                let t = failure["lastTransitionTime"]
                Self.set(&conds, ["lastTransitionTime": t, "lastUpdateTime": t, "message": failure["message"], "reason": failure["reason"],
                                  "status": failure["status"], "type": "ReplicaFailure"])
            } else {
                conds.removeAll { $0["type"].string == "ReplicaFailure" }
            }
            status["conditions"] = .array(conds)
            // Looked at again one second after the deadline (requeueStuckDeployment).
            if hasProgressDeadline, !complete(status), let cond = Self.find(conds, "Progressing"),
               !["ProgressDeadlineExceeded", "NewReplicaSetAvailable", "DeploymentPaused"].contains(cond["reason"].string ?? ""),
               let seconds = d["spec"]["progressDeadlineSeconds"].int,
               let since = Timestamp(rfc3339: cond["lastUpdateTime"].string ?? "")?.seconds {
                let due = since + seconds + 1
                if try Timers.scheduled(c.s.tx, id: timer)?.due != due { try Timers.set(c.s.tx, id: timer, due: due) }
            } else {
                try Timers.cancel(c.s.tx, id: timer)
            }
        } else if paused {
            try Timers.cancel(c.s.tx, id: timer)
        }
        d["status"] = status
        guard d["status"] != stored["status"] || d["metadata"]["annotations"] != stored["metadata"]["annotations"],
              let current = try c.s.find(c.deployType, namespace: ns, name: deploymentName) else { return }
        var u = current
        if d["metadata"]["annotations"].isNull { u.remove(["metadata", "annotations"]) } else { u["metadata"]["annotations"] = d["metadata"]["annotations"] }
        u["status"] = status
        try c.save(u, current, c.deployType)
    }

    /// DeploymentProgressing: against the status this sync began with.
    func progressed(to status: JSONValue) -> Bool {
        let was = stored["status"]
        let oldBefore = Self.count(was, "replicas") - Self.count(was, "updatedReplicas")
        let oldNow = Self.count(status, "replicas") - Self.count(status, "updatedReplicas")
        return Self.count(status, "updatedReplicas") > Self.count(was, "updatedReplicas") || oldNow < oldBefore
            || Self.count(status, "readyReplicas") > Self.count(was, "readyReplicas")
            || Self.count(status, "availableReplicas") > Self.count(was, "availableReplicas")
    }

    /// DeploymentTimedOut: no progress for longer than progressDeadlineSeconds since the condition's
    /// last update (strictly longer: at the deadline's second it has not passed yet).
    func timedOut(_ conds: [JSONValue]) -> Bool {
        guard let cond = Self.find(conds, "Progressing") else { return false }
        switch cond["reason"].string {
        case "NewReplicaSetAvailable": return false
        case "ProgressDeadlineExceeded": return true
        default:
            guard let seconds = d["spec"]["progressDeadlineSeconds"].int,
                  let since = Timestamp(rfc3339: cond["lastUpdateTime"].string ?? "")?.seconds else { return false }
            return since + seconds < c.now.seconds
        }
    }

    /// The new ReplicaSet's ReplicaFailure condition, else the first an old one has.
    func replicaFailure() -> JSONValue? {
        func failure(_ rs: JSONValue) -> JSONValue? {
            (rs["status"]["conditions"].array ?? []).first { $0["type"].string == "ReplicaFailure" }
        }
        if let n = newRS, let f = failure(n) { return f }
        return all.lazy.compactMap(failure).first
    }
}
