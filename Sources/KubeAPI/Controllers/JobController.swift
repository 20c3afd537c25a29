import KubeModel
import KubeRegistry
import KubeStore

/// Jobs (completions, parallelism, Indexed mode, backoffLimit) and CronJobs (schedule against the
/// clock, concurrency policy, history limits).
extension ControllerManager {
    func hasCondition(_ obj: JSONValue, _ type: String) -> Bool {
        (obj["status"]["conditions"].array ?? []).contains { $0["type"].string == type && $0["status"].string == "True" }
    }

    func jobFinished(_ job: JSONValue) -> String? {
        if hasCondition(job, "Complete") { return "Complete" }
        if hasCondition(job, "Failed") { return "Failed" }
        return nil
    }

    func syncJob(namespace ns: String, name: String) throws {
        guard let job = try live(jobType, ns, name) else { return }
        if jobFinished(job) != nil { return }
        let pods = try ownedPods(job)
        // Failed already (FailureTarget): only the terminal condition is left, once its pods have stopped.
        if failureTarget(job) != nil { return try finishFailedJob(job, pods: pods) }
        let terminating = pods.filter(isTerminatingPod).count
        let completions = job["spec"]["completions"].int.map(Int.init)
        let parallelism = Int(job["spec"]["parallelism"].int ?? 1)
        let backoff = Int(job["spec"]["backoffLimit"].int ?? 6)
        let indexed = job["spec"]["completionMode"].string == "Indexed"
        var refused: PodCreationRefused?
        let suspended = job["spec"]["suspend"].bool == true
        if pastBackoffLimitOnFailure(job, pods: pods, limit: backoff) {
            return try failJob(job, reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit")
        }
        var active = pods.filter { !isTerminated($0) && $0["metadata"]["deletionTimestamp"].isNull }
        let succeededPods = pods.filter { $0["status"]["phase"].string == "Succeeded" }
        let failed = pods.filter { $0["status"]["phase"].string == "Failed" }.count
        var succeeded = succeededPods.count
        var completedIndexes: Set<Int> = []
        if indexed {
            for p in succeededPods {
                if let i = Int(p["metadata"]["annotations"]["batch.kubernetes.io/job-completion-index"].string ?? "") { completedIndexes.insert(i) }
            }
            succeeded = completedIndexes.count
        }
        var status = job["status"]
        let t = JSONValue.string(now.rfc3339)
        if status["startTime"].isNull && !suspended { status["startTime"] = t }
        var conditions = status["conditions"].array ?? []
        func jobCondition(_ type: String, _ reason: String, _ message: String) -> JSONValue {
            ["lastProbeTime": t, "lastTransitionTime": t, "message": .string(message), "reason": .string(reason),
             "status": "True", "type": .string(type)]
        }
        let done = completions.map { succeeded >= $0 } ?? (succeeded > 0 && active.isEmpty)
        if done {
            // SuccessCriteriaMet first; Complete (and its event) once no pod of the Job is terminating
            // (v1.32: `delayTerminalCondition`, JobManagedBy and JobPodReplacementPolicy on by default).
            if !hasCondition(job, "SuccessCriteriaMet") {
                conditions.append(jobCondition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods"))
            }
            if terminating == 0 {
                conditions.append(jobCondition("Complete", "CompletionsReached", "Reached expected number of succeeded pods"))
                status["completionTime"] = t
                event(job, reason: "Completed", message: "Job completed", component: "job-controller")
            }
        } else if failed > backoff {
            // FailureTarget and, with no pod terminating, Failed in the same sync (`enactJobFinished`).
            var counted = job
            counted["status"]["failed"] = .int(Int64(failed))
            if succeeded > 0 { counted["status"]["succeeded"] = .int(Int64(succeeded)) }
            return try failJob(counted, reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit")
        } else if !suspended {
            let remaining = completions.map { $0 - succeeded } ?? (succeeded > 0 ? 0 : parallelism)
            // podReplacementPolicy TerminatingOrFailed (the default without a podFailurePolicy) replaces a
            // pod as soon as it is terminating; Failed (or any podFailurePolicy) waits until it has failed.
            let onlyFailed = job["spec"]["podReplacementPolicy"].string == "Failed" || !job["spec"]["podFailurePolicy"].isNull
            let want = min(parallelism, remaining) - (onlyFailed ? terminating : 0)
            let backoffID = Timers.objectID("jobbackoff", jobType.storageKey, ns, name)
            let backoffUntil = active.count < want ? jobBackoffUntil(pods) : nil
            if let backoffUntil, backoffUntil > now.seconds {
                try Timers.set(s.tx, id: backoffID, due: backoffUntil)
            } else if active.count < want {
                var pendingIndexes: [Int] = []
                if indexed, let c = completions {
                    let busy = Set(active.compactMap { Int($0["metadata"]["annotations"]["batch.kubernetes.io/job-completion-index"].string ?? "") })
                    // The first free indexes only (completions may be 2147483647).
                    for i in 0..<c where !completedIndexes.contains(i) && !busy.contains(i) {
                        pendingIndexes.append(i)
                        if pendingIndexes.count >= want - active.count { break }
                    }
                }
                for k in 0..<(want - active.count) {
                    if try creationBurstSpent(jobType, namespace: ns, name: name) { break }
                    var pod: JSONValue
                    do {
                    if indexed {
                        guard k < pendingIndexes.count else { break }
                        let idx = pendingIndexes[k]
                        var template = job["spec"]["template"]
                        template["metadata"]["annotations"]["batch.kubernetes.io/job-completion-index"] = .string(String(idx))
                        pod = try createPod(owner: job, ownerAPIVersion: "batch/v1", ownerKind: "Job", template: template,
                                            generateName: "\(name)-\(idx)-",
                                            extraLabels: [("batch.kubernetes.io/job-completion-index", String(idx))]) { spec in
                            spec["hostname"] = .string("\(name)-\(idx)")
                        }
                    } else {
                        pod = try createPod(owner: job, ownerAPIVersion: "batch/v1", ownerKind: "Job",
                                            template: job["spec"]["template"], generateName: name + "-")
                    }
                    } catch let e as PodCreationRefused {
                        // manageJob stops at a refused create; the status is written all the same.
                        refused = e
                        break
                    }
                    event(job, reason: "SuccessfulCreate", message: "Created pod: \(pod["metadata"]["name"].string ?? "")",
                          component: "job-controller")
                    active.append(pod)
                }
            }
        }
        status["conditions"] = conditions.isEmpty ? nil : .array(conditions)
        if conditions.isEmpty { _ = status.remove(["conditions"]) }
        let live = done ? [] : active.filter { !isTerminated($0) }
        if live.isEmpty { _ = status.remove(["active"]) } else { status["active"] = .int(Int64(live.count)) }
        if indexed {
            let ranges = compressIndexes(completedIndexes.sorted())
            if ranges.isEmpty { _ = status.remove(["completedIndexes"]) } else { status["completedIndexes"] = .string(ranges) }
        }
        if failed > 0 { status["failed"] = .int(Int64(failed)) }
        status["ready"] = .int(Int64(live.filter(isReady).count))
        if succeeded > 0 { status["succeeded"] = .int(Int64(succeeded)) }
        status["terminating"] = .int(Int64(terminating))
        status["uncountedTerminatedPods"] = .emptyObject
        guard let current = try s.find(jobType, namespace: ns, name: name) else { return }
        var u = current
        u["status"] = status
        try save(u, current, jobType)
        if let refused { throw refused }
    }

    /// With `restartPolicy: OnFailure` failed containers restart in their pod instead of failing it: the
    /// job controller fails the Job once the restarts of its pending and running pods' containers (init
    /// containers too) add up to `backoffLimit` (any restart when the limit is 0).
    func pastBackoffLimitOnFailure(_ job: JSONValue, pods: [JSONValue], limit: Int) -> Bool {
        guard job["spec"]["template"]["spec"]["restartPolicy"].string == "OnFailure" else { return false }
        var restarts: Int64 = 0
        for p in pods where ["Pending", "Running"].contains(p["status"]["phase"].string ?? "Pending") {
            for key in ["initContainerStatuses", "containerStatuses"] {
                for st in p["status"][key].array ?? [] { restarts += st["restartCount"].int ?? 0 }
            }
        }
        return limit == 0 ? restarts > 0 : restarts >= Int64(limit)
    }

    /// The job controller's pod failure back-off: after the Nth failed pod since the last success, no new
    /// pod for 10 s x 2^(N-1) (at most 10 min) from that failure. Returns when pods may be created again.
    func jobBackoffUntil(_ pods: [JSONValue]) -> Int64? {
        func finished(_ p: JSONValue) -> Int64 {
            let times = (p["status"]["containerStatuses"].array ?? []).compactMap {
                Timestamp(rfc3339: $0["state"]["terminated"]["finishedAt"].string ?? "")?.seconds
            }
            return times.max() ?? Timestamp(rfc3339: p["metadata"]["creationTimestamp"].string ?? "")?.seconds ?? now.seconds
        }
        let lastSuccess = pods.filter { $0["status"]["phase"].string == "Succeeded" }.map(finished).max() ?? Int64.min
        let failures = pods.filter { $0["status"]["phase"].string == "Failed" }.map(finished).filter { $0 >= lastSuccess }
        guard let last = failures.max() else { return nil }
        var delay: Int64 = 10
        for _ in 1..<failures.count {
            delay *= 2
            if delay >= 600 { delay = 600; break }
        }
        return last + delay
    }

    func compressIndexes(_ xs: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < xs.count {
            var j = i
            while j + 1 < xs.count && xs[j + 1] == xs[j] + 1 { j += 1 }
            parts.append(i == j ? String(xs[i]) : "\(xs[i])-\(xs[j])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }

    // MARK: CronJob

    func earliestTime(_ cj: JSONValue) -> Int64 {
        var earliest = Timestamp(rfc3339: cj["status"]["lastScheduleTime"].string ?? "")?.seconds
            ?? Timestamp(rfc3339: cj["metadata"]["creationTimestamp"].string ?? "")?.seconds ?? now.seconds
        if let sds = cj["spec"]["startingDeadlineSeconds"].int, now.seconds - sds > earliest { earliest = now.seconds - sds }
        if let floor = cronReplayFloor, floor > earliest { earliest = floor }
        return earliest
    }

    func syncCronJob(namespace ns: String, name: String) throws {
        // One sync of a CronJob at a time, as a work queue holds its key: the Job it creates makes the
        // Job controller write, which asks for this CronJob's sync again; that one comes after this one.
        let key = ns + "/" + name
        guard !cronJobsInSync.contains(key) else {
            cronJobsToResync.insert(key)
            return
        }
        cronJobsInSync.insert(key)
        defer {
            cronJobsInSync.remove(key)
            if cronJobsToResync.remove(key) != nil { enqueue(.cronJob(ns, name)) }
        }
        guard let cj = try live(cronType, ns, name) else { return }
        var status = cj["status"]
        var jobs: [JSONValue] = []
        for row in try s.tx.dependents(ofUID: cj["metadata"]["uid"].string ?? "") where row.resource == jobType.storageKey {
            jobs.append(try s.decode(row))
        }
        // The active list holds the Jobs this controller created, as referenced when it created them. A
        // running Job it owns but did not list (`create job --from=cronjob/...`) is reported, not adopted.
        let listed = status["active"].array ?? []
        var finishedUIDs = Set<String>()
        var childUIDs = Set<String>()
        for job in jobs {
            let jobName = job["metadata"]["name"].string ?? ""
            let uid = job["metadata"]["uid"].string ?? ""
            childUIDs.insert(uid)
            let wasActive = listed.contains { $0["uid"].string == uid }
            if let cond = jobFinished(job) {
                finishedUIDs.insert(uid)
                if wasActive {
                    event(cj, reason: "SawCompletedJob", message: "Saw completed job: \(jobName), condition: \(cond)",
                          component: "cronjob-controller")
                }
                if cond == "Complete", let ct = job["status"]["completionTime"].string {
                    let prev = Timestamp(rfc3339: status["lastSuccessfulTime"].string ?? "")?.seconds ?? Int64.min
                    if (Timestamp(rfc3339: ct)?.seconds ?? 0) > prev { status["lastSuccessfulTime"] = .string(ct) }
                }
            } else if !wasActive {
                event(cj, type: "Warning", reason: "UnexpectedJob",
                      message: "Saw a job that the controller did not create or forgot: \(jobName)", component: "cronjob-controller")
            }
        }
        var active: [JSONValue] = []
        for ref in listed {
            let uid = ref["uid"].string ?? ""
            if finishedUIDs.contains(uid) { continue }
            if !childUIDs.contains(uid),
                try s.tx.get(resource: jobType.storageKey, namespace: ref["namespace"].string ?? ns, name: ref["name"].string ?? "") == nil
            {
                event(cj, reason: "MissingJob", message: "Active job went missing: \(ref["name"].string ?? "")", component: "cronjob-controller")
                continue
            }
            active.append(ref)
        }
        // History limits.
        func prune(_ cond: String, limit: Int64) throws {
            let finished = jobs.filter { jobFinished($0) == cond }.sorted {
                ($0["status"]["startTime"].string ?? $0["metadata"]["creationTimestamp"].string ?? "", $0["metadata"]["name"].string ?? "")
                    < ($1["status"]["startTime"].string ?? $1["metadata"]["creationTimestamp"].string ?? "", $1["metadata"]["name"].string ?? "")
            }
            guard finished.count > Int(limit) else { return }
            for job in finished.prefix(finished.count - Int(max(0, limit))) {
                let jobName = job["metadata"]["name"].string ?? ""
                try s.delete(jobType, namespace: ns, name: jobName)
                event(cj, reason: "SuccessfulDelete", message: "Deleted job \(jobName)", component: "cronjob-controller")
            }
        }
        try prune("Complete", limit: cj["spec"]["successfulJobsHistoryLimit"].int ?? 3)
        try prune("Failed", limit: cj["spec"]["failedJobsHistoryLimit"].int ?? 1)

        if cj["spec"]["suspend"].bool != true, let sched = CronSchedule(cj["spec"]["schedule"].string ?? "") {
            let zone = TimeZoneInfo(name: cj["spec"]["timeZone"].string ?? "") ?? .utc
            if let (t, missed) = sched.mostRecent(after: earliestTime(cj), now: now.seconds, zone: zone) {
                if missed > 100 {
                    event(cj, type: "Warning", reason: "TooManyMissedTimes",
                          message: "too many missed start times: \(missed). Set or decrease .spec.startingDeadlineSeconds or check clock skew",
                          component: "cronjob-controller")
                }
                let policy = cj["spec"]["concurrencyPolicy"].string ?? "Allow"
                if policy == "Forbid" && !active.isEmpty {
                    // Skip this run; it is retried while still within the deadline.
                } else {
                    if policy == "Replace" {
                        for ref in active {
                            let jobName = ref["name"].string ?? ""
                            try s.delete(jobType, namespace: ns, name: jobName)
                            event(cj, reason: "SuccessfulDelete", message: "Deleted job \(jobName)", component: "cronjob-controller")
                        }
                        active = []
                    }
                    let jobName = "\(name)-\(t / 60)"
                    let scheduled = Timestamp(seconds: t)
                    if try s.tx.get(resource: jobType.storageKey, namespace: ns, name: jobName) == nil {
                        var meta: JSONValue = ["name": .string(jobName), "namespace": .string(ns)]
                        if let l = cj["spec"]["jobTemplate"]["metadata"]["labels"].object, !l.isEmpty { meta["labels"] = .object(l) }
                        var ann = cj["spec"]["jobTemplate"]["metadata"]["annotations"]
                        ann["batch.kubernetes.io/cronjob-scheduled-timestamp"] = .string(scheduled.rfc3339)
                        meta["annotations"] = ann
                        meta["ownerReferences"] = [ownerReference(cj, apiVersion: "batch/v1", kind: "CronJob")]
                        let job: JSONValue = ["apiVersion": "batch/v1", "kind": "Job", "metadata": meta,
                                              "spec": cj["spec"]["jobTemplate"]["spec"]]
                        let created = try s.create(job, type: jobType, namespace: ns)
                        event(cj, reason: "SuccessfulCreate", message: "Created job \(jobName)", component: "cronjob-controller")
                        if let fresh = try s.find(jobType, namespace: ns, name: jobName) ?? Optional(created) {
                            if let cond = jobFinished(fresh) {
                                event(cj, reason: "SawCompletedJob", message: "Saw completed job: \(jobName), condition: \(cond)",
                                      component: "cronjob-controller")
                                if cond == "Complete", let ct = fresh["status"]["completionTime"].string { status["lastSuccessfulTime"] = .string(ct) }
                            } else {
                                active.append(jobReference(fresh))
                            }
                        }
                    }
                    status["lastScheduleTime"] = .string(scheduled.rfc3339)
                }
            }
        }
        if active.isEmpty { _ = status.remove(["active"]) } else { status["active"] = .array(active) }
        if status.isNull { status = .emptyObject }
        guard let current = try s.find(cronType, namespace: ns, name: name) else { return }
        var u = current
        u["status"] = status
        try save(u, current, cronType)
    }

    func jobReference(_ job: JSONValue) -> JSONValue {
        ["apiVersion": "batch/v1", "kind": "Job", "name": job["metadata"]["name"], "namespace": job["metadata"]["namespace"],
         "resourceVersion": job["metadata"]["resourceVersion"], "uid": job["metadata"]["uid"]]
    }
}
