import KubeModel
import KubeRegistry
import KubeStore

/// Deadlines that pass while no command runs: a pod's `activeDeadlineSeconds` (the kubelet fails it with
/// `DeadlineExceeded`), a Job's `activeDeadlineSeconds` (the job controller deletes its active pods and
/// fails it) and `ttlSecondsAfterFinished` (the TTL controller deletes a finished Job with its pods).
extension ControllerManager {
    /// After a pod write: its deadline timer, while it runs.
    func podDeadlineTimer(_ pod: JSONValue) throws {
        guard let seconds = pod["spec"]["activeDeadlineSeconds"].int else { return }
        let ns = pod["metadata"]["namespace"].string ?? "", name = pod["metadata"]["name"].string ?? ""
        let id = Timers.objectID("poddeadline", podType.storageKey, ns, name)
        guard !isTerminated(pod), pod["metadata"]["deletionTimestamp"].isNull,
            let start = Timestamp(rfc3339: pod["status"]["startTime"].string ?? "") else {
            try Timers.cancel(s.tx, id: id)
            return
        }
        try Timers.set(s.tx, id: id, due: start.adding(seconds: seconds).seconds)
    }

    func podDeadlineDue(namespace ns: String, name: String) throws {
        guard let pod = try s.find(podType, namespace: ns, name: name), !isTerminated(pod),
            let seconds = pod["spec"]["activeDeadlineSeconds"].int,
            let start = Timestamp(rfc3339: pod["status"]["startTime"].string ?? ""), start.adding(seconds: seconds) <= now
        else { return }
        let message = "Pod was active on the node longer than the specified deadline"
        var p = pod
        p["status"]["phase"] = "Failed"
        p["status"]["reason"] = "DeadlineExceeded"
        p["status"]["message"] = .string(message)
        var statuses = p["status"]["containerStatuses"].array ?? []
        for i in statuses.indices where statuses[i]["state"]["terminated"].isNull {
            let started = statuses[i]["state"]["running"]["startedAt"]
            statuses[i]["ready"] = false
            statuses[i]["started"] = false
            statuses[i]["state"] = ["terminated": ["containerID": statuses[i]["containerID"], "exitCode": 137,
                                                   "finishedAt": .string(now.rfc3339), "reason": "Error",
                                                   "startedAt": started.isNull ? .string(now.rfc3339) : started]]
        }
        p["status"]["containerStatuses"] = .array(statuses)
        let unready = statuses.compactMap { $0["name"].string }
        var conds = podConditions(sandbox: false, incompleteInits: [], unready: unready)
        conds = .array((conds.array ?? []).map { c in
            var c = c
            if c["type"].string == "Ready" || c["type"].string == "ContainersReady" { c["reason"] = "PodFailed"; c.remove(["message"]) }
            return c
        })
        p["status"]["conditions"] = conds
        keepTransitionTimes(&p["status"], old: pod["status"])
        event(pod, type: "Warning", reason: "DeadlineExceeded", message: message, component: "kubelet",
              host: pod["spec"]["nodeName"].string)
        try save(p, pod, podType)
        try Timers.cancel(s.tx, id: podTimerID(ns, name))
    }

    /// After a Job write: its deadline while it runs, its TTL once finished.
    func jobTimers(_ job: JSONValue) throws {
        let ns = job["metadata"]["namespace"].string ?? "", name = job["metadata"]["name"].string ?? ""
        let deadlineID = Timers.objectID("jobdeadline", jobType.storageKey, ns, name)
        let ttlID = Timers.objectID("jobttl", jobType.storageKey, ns, name)
        if let finished = jobFinished(job) {
            try Timers.cancel(s.tx, id: deadlineID)
            guard let ttl = job["spec"]["ttlSecondsAfterFinished"].int else { return }
            let cond = (job["status"]["conditions"].array ?? []).first { $0["type"].string == finished }
            let at = Timestamp(rfc3339: job["status"]["completionTime"].string ?? cond?["lastTransitionTime"].string ?? "")?.seconds ?? now.seconds
            try Timers.set(s.tx, id: ttlID, due: at + ttl)
            return
        }
        guard let seconds = job["spec"]["activeDeadlineSeconds"].int, let start = Timestamp(rfc3339: job["status"]["startTime"].string ?? "") else { return }
        try Timers.set(s.tx, id: deadlineID, due: start.adding(seconds: seconds).seconds)
    }

    func jobDeadlineDue(namespace ns: String, name: String) throws {
        guard let job = try live(jobType, ns, name), jobFinished(job) == nil, failureTarget(job) == nil,
            let seconds = job["spec"]["activeDeadlineSeconds"].int,
            let start = Timestamp(rfc3339: job["status"]["startTime"].string ?? ""), start.adding(seconds: seconds) <= now
        else { return }
        try failJob(job, reason: "DeadlineExceeded", message: "Job was active longer than specified deadline")
    }

    /// The job controller fails a Job as v1.32 does (JobManagedBy and JobPodReplacementPolicy on, so
    /// `delayTerminalCondition`): the interim FailureTarget condition with the reason, its active pods
    /// deleted (counted as failed, `terminating` while their kubelets stop them); the terminal Failed
    /// condition and the Warning event come once no pod of it is terminating (`finishFailedJob`), at once
    /// when none is. FailureTarget first, so that the controller does not replace the pods it deletes.
    func failJob(_ job: JSONValue, reason: String, message: String) throws {
        // One sync: the status write and the deletes before the syncs they ask for.
        try asOneSync { try failJobNow(job, reason: reason, message: message) }
    }

    private func failJobNow(_ job: JSONValue, reason: String, message: String) throws {
        let ns = job["metadata"]["namespace"].string ?? ""
        let pods = try ownedPods(job)
        let active = pods.filter { !isTerminated($0) && $0["metadata"]["deletionTimestamp"].isNull }
        var j = job
        let t = JSONValue.string(now.rfc3339)
        var conditions = j["status"]["conditions"].array ?? []
        conditions.append(["lastProbeTime": t, "lastTransitionTime": t, "message": .string(message), "reason": .string(reason),
                           "status": "True", "type": "FailureTarget"])
        if j["status"]["startTime"].isNull { j["status"]["startTime"] = t }
        j["status"]["conditions"] = .array(conditions)
        j["status"]["failed"] = .int((j["status"]["failed"].int ?? 0) + Int64(active.count))
        j["status"].remove(["active"])
        j["status"]["ready"] = 0
        let terminating = pods.filter(isTerminatingPod).count + active.count
        j["status"]["terminating"] = .int(Int64(terminating))
        if terminating == 0 { j = failedCondition(j) }
        _ = try s.update(j, type: jobType)
        for pod in active {
            let podName = pod["metadata"]["name"].string ?? ""
            _ = try s.delete(podType, namespace: ns, name: podName)
            event(job, reason: "SuccessfulDelete", message: "Deleted pod: \(podName)", component: "job-controller")
        }
        if terminating == 0 { event(job, type: "Warning", reason: reason, message: message, component: "job-controller") }
    }

    /// The Job's FailureTarget condition (True), set when it failed and before its pods have all stopped.
    func failureTarget(_ job: JSONValue) -> JSONValue? {
        (job["status"]["conditions"].array ?? []).first { $0["type"].string == "FailureTarget" && $0["status"].string == "True" }
    }

    /// A pod a deletion stops: marked, not yet in a terminal phase (`IsPodTerminating`).
    func isTerminatingPod(_ pod: JSONValue) -> Bool { !pod["metadata"]["deletionTimestamp"].isNull && !isTerminated(pod) }

    /// The terminal Failed condition after FailureTarget (same reason and message, the time it is set).
    func failedCondition(_ job: JSONValue) -> JSONValue {
        var j = job
        guard let target = failureTarget(job) else { return j }
        let t = JSONValue.string(now.rfc3339)
        var conditions = j["status"]["conditions"].array ?? []
        conditions.append(["lastProbeTime": t, "lastTransitionTime": t, "message": target["message"], "reason": target["reason"],
                           "status": "True", "type": "Failed"])
        j["status"]["conditions"] = .array(conditions)
        return j
    }

    /// A sync of a Job with FailureTarget: it counts its terminating pods; once none is left it adds the
    /// Failed condition and records the Warning event (`enactJobFinished`, `recordJobFinished`).
    func finishFailedJob(_ job: JSONValue, pods: [JSONValue]) throws {
        let terminating = Int64(pods.filter(isTerminatingPod).count)
        var j = job
        j["status"]["terminating"] = .int(terminating)
        if terminating == 0 { j = failedCondition(j) }
        guard j != job, let current = try s.find(jobType, namespace: job["metadata"]["namespace"].string ?? "",
                                                  name: job["metadata"]["name"].string ?? "") else { return }
        var u = current
        u["status"] = j["status"]
        try save(u, current, jobType)
        if terminating == 0, let target = failureTarget(job) {
            event(job, type: "Warning", reason: target["reason"].string ?? "", message: target["message"].string ?? "",
                  component: "job-controller")
        }
    }

    func jobTTLDue(namespace ns: String, name: String) throws {
        guard let job = try live(jobType, ns, name), let finished = jobFinished(job), let ttl = job["spec"]["ttlSecondsAfterFinished"].int else { return }
        let cond = (job["status"]["conditions"].array ?? []).first { $0["type"].string == finished }
        let at = Timestamp(rfc3339: job["status"]["completionTime"].string ?? cond?["lastTransitionTime"].string ?? "")?.seconds ?? now.seconds
        guard at + ttl <= now.seconds else { return }
        _ = try s.delete(jobType, namespace: ns, name: name)
    }
}
