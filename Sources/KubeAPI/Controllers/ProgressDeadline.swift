import KubeModel
import KubeRegistry
import KubeStore

/// A Deployment's `progressDeadlineSeconds`: while a rollout is under way, each sync that sees progress
/// (more updated, ready or available replicas) restarts the clock; when the deadline passes without
/// progress, Progressing turns False with `ProgressDeadlineExceeded`, which `rollout status` reports.
extension ControllerManager {
    func progressDeadline(_ d: JSONValue, _ progressing: JSONValue, ready: Int, available: Int, updated: Int,
                          rsName: String) throws -> JSONValue {
        let ns = d["metadata"]["namespace"].string ?? "", name = d["metadata"]["name"].string ?? ""
        let id = Timers.objectID("progress", deployType.storageKey, ns, name)
        let reason = progressing["reason"].string ?? ""
        guard ["ReplicaSetUpdated", "NewReplicaSetCreated", "DeploymentResumed"].contains(reason),
            let seconds = d["spec"]["progressDeadlineSeconds"].int, seconds < Int64(Int32.max)
        else {
            try Timers.cancel(s.tx, id: id)
            return progressing
        }
        let old = d["status"]
        let progressed = updated > Int(old["updatedReplicas"].int ?? 0) || ready > Int(old["readyReplicas"].int ?? 0)
            || available > Int(old["availableReplicas"].int ?? 0) || reason != "ReplicaSetUpdated"
        let previous = (old["conditions"].array ?? []).first { $0["type"].string == "Progressing" }
        var cond = progressing
        if progressed { cond["lastUpdateTime"] = .string(now.rfc3339) }
        if !progressed, previous?["reason"].string == "ProgressDeadlineExceeded", let previous {
            try Timers.cancel(s.tx, id: id)
            return previous
        }
        let since = Timestamp(rfc3339: cond["lastUpdateTime"].string ?? "")?.seconds ?? now.seconds
        if !progressed, now.seconds >= since + seconds {
            try Timers.cancel(s.tx, id: id)
            let t = JSONValue.string(now.rfc3339)
            return ["lastTransitionTime": t, "lastUpdateTime": t, "message": .string("ReplicaSet \(strconvQuote(rsName)) has timed out progressing."),
                    "reason": "ProgressDeadlineExceeded", "status": "False", "type": "Progressing"]
        }
        try Timers.set(s.tx, id: id, due: since + seconds)
        return cond
    }
}
