import KubeModel
import KubeRegistry
import KubeStore

/// Containers that end by themselves (see `ContainerFate`) as the kubelet handles them: the container
/// exits at its time (`Completed` with code 0, `Error` otherwise); under the pod's restart policy it is
/// restarted, at once the first time and then after a back-off of 10 s doubling to 5 min
/// (`CrashLoopBackOff`, `back-off 20s restarting failed container=...`, `BackOff` events), counting
/// `restartCount`; without a restart the pod ends `Succeeded` or `Failed` once every container is done.
/// The next transition of a pod is one timer (`kubelet/<pods>/<ns>/<name>`); the state itself is read
/// from the pod's status, so nothing else is kept.
extension ControllerManager {
    static func crashBackoff(restarts: Int64) -> Int64 {
        restarts >= 6 ? 300 : min(300, 10 << max(0, restarts - 1))
    }

    func podTimerID(_ ns: String, _ name: String) -> String { Timers.objectID("kubelet", podType.storageKey, ns, name) }

    /// Whether a terminated container with `code` is restarted under `policy`.
    static func restarts(policy: String, code: Int64) -> Bool {
        policy == "Always" || (policy == "OnFailure" && code != 0)
    }

    /// The time of a container's next transition, or nil when it has none.
    func nextTransition(_ c: JSONValue, _ st: JSONValue, policy: String) -> Int64? {
        guard let fate = ContainerFate.of(c) else { return nil }
        if let started = st["state"]["running"]["startedAt"].string.flatMap(Timestamp.init(rfc3339:)) {
            return started.seconds + max(1, fate.seconds)
        }
        if st["state"]["waiting"]["reason"].string == "CrashLoopBackOff",
            let finished = st["lastState"]["terminated"]["finishedAt"].string.flatMap(Timestamp.init(rfc3339:))
        {
            return finished.seconds + Self.crashBackoff(restarts: st["restartCount"].int ?? 0)
        }
        return nil
    }

    /// Sets (or clears) the pod's timer from its containers' next transitions.
    func scheduleContainerTransitions(_ pod: JSONValue) throws {
        let ns = pod["metadata"]["namespace"].string ?? "", name = pod["metadata"]["name"].string ?? ""
        let id = podTimerID(ns, name)
        let policy = pod["spec"]["restartPolicy"].string ?? "Always"
        let statuses = byName(pod["status"]["containerStatuses"])
        var due: Int64?
        if pod["metadata"]["deletionTimestamp"].isNull, !isTerminated(pod) {
            for c in pod["spec"]["containers"].array ?? [] {
                guard let st = statuses[c["name"].string ?? ""], let t = nextTransition(c, st, policy: policy) else { continue }
                due = min(due ?? t, t)
            }
        }
        if let due { try Timers.set(s.tx, id: id, due: due) } else { try Timers.cancel(s.tx, id: id) }
    }

    /// The pod's timer fell due: every container whose transition is due moves on.
    func containerTransitionsDue(namespace ns: String, name: String) throws {
        guard let pod = try s.find(podType, namespace: ns, name: name), pod["metadata"]["deletionTimestamp"].isNull,
            !isTerminated(pod), let node = pod["spec"]["nodeName"].string else { return }
        var p = pod
        let policy = pod["spec"]["restartPolicy"].string ?? "Always"
        var statuses = p["status"]["containerStatuses"].array ?? []
        let specs = (pod["spec"]["containers"].array ?? []).reduce(into: [String: JSONValue]()) { $0[$1["name"].string ?? ""] = $1 }
        for i in statuses.indices {
            guard let c = specs[statuses[i]["name"].string ?? ""], let t = nextTransition(c, statuses[i], policy: policy),
                t <= now.seconds else { continue }
            statuses[i] = transition(c, statuses[i], pod: pod, policy: policy, host: node)
            fastForward(&statuses[i], c)
        }
        p["status"]["containerStatuses"] = .array(statuses)
        settlePhase(&p, policy: policy)
        keepTransitionTimes(&p["status"], old: pod["status"])
        let saved = try save(p, pod, podType)
        try scheduleContainerTransitions(saved)
    }

    /// Far behind real time (a store left idle) with the back-off at its 5-minute cap, the cycles in
    /// between only add restarts: they are counted, not replayed.
    private func fastForward(_ st: inout JSONValue, _ c: JSONValue) {
        let gap = wallNow.seconds - now.seconds
        guard gap > 3600, (st["restartCount"].int ?? 0) >= 6, let fate = ContainerFate.of(c) else { return }
        let cycle = max(1, fate.seconds) + 300
        let n = (gap - 600) / cycle
        guard n > 0 else { return }
        st["restartCount"] = .int((st["restartCount"].int ?? 0) + n)
        func shift(_ path: [String]) {
            if let t = st.at(path).string.flatMap(Timestamp.init(rfc3339:)) { st.set(path, .string(t.adding(seconds: n * cycle).rfc3339)) }
        }
        shift(["state", "running", "startedAt"])
        shift(["lastState", "terminated", "startedAt"])
        shift(["lastState", "terminated", "finishedAt"])
    }

    /// One container's move: a running one exits (and restarts at once the first time, or waits), a
    /// waiting one restarts.
    private func transition(_ c: JSONValue, _ st: JSONValue, pod: JSONValue, policy: String, host: String) -> JSONValue {
        let name = c["name"].string ?? ""
        let fieldPath = "spec.containers{\(name)}"
        var out = st
        if let started = st["state"]["running"]["startedAt"].string {
            let fate = ContainerFate.of(c) ?? ContainerFate(seconds: 0, exitCode: 0)
            let end = Timestamp(seconds: (Timestamp(rfc3339: started)?.seconds ?? now.seconds) + max(1, fate.seconds))
            let terminated: JSONValue = ["terminated": ["containerID": st["containerID"], "exitCode": .int(fate.exitCode),
                                                        "finishedAt": .string(end.rfc3339),
                                                        "reason": .string(fate.exitCode == 0 ? "Completed" : "Error"),
                                                        "startedAt": .string(started)]]
            out["ready"] = false
            out["started"] = false
            guard Self.restarts(policy: policy, code: fate.exitCode) else {
                out["state"] = terminated
                return out
            }
            out["lastState"] = terminated
            let restarts = st["restartCount"].int ?? 0
            if restarts == 0 { return restarted(c, out, pod: pod, host: host, fieldPath: fieldPath) }
            let backoff = GoDuration(seconds: Self.crashBackoff(restarts: restarts))
            out["state"] = ["waiting": ["message": .string("back-off \(backoff) restarting failed container=\(name) pod=\(Self.podFormat(pod))"),
                                        "reason": "CrashLoopBackOff"]]
            event(pod, type: "Warning", reason: "BackOff",
                  message: "Back-off restarting failed container \(name) in pod \(Self.podFormat(pod))",
                  component: "kubelet", host: host, fieldPath: fieldPath)
            return out
        }
        return restarted(c, out, pod: pod, host: host, fieldPath: fieldPath)
    }

    private func restarted(_ c: JSONValue, _ st: JSONValue, pod: JSONValue, host: String, fieldPath: String) -> JSONValue {
        var out = st
        let name = c["name"].string ?? ""
        let image = c["image"].string ?? ""
        out["restartCount"] = .int((st["restartCount"].int ?? 0) + 1)
        out["containerID"] = .string("containerd://" + randomHex64())
        out["ready"] = true
        out["started"] = true
        out["state"] = ["running": ["startedAt": .string(now.rfc3339)]]
        event(pod, reason: "Pulled", message: "Container image \(strconvQuote(image)) already present on machine",
              component: "kubelet", host: host, fieldPath: fieldPath)
        event(pod, reason: "Created", message: "Created container: \(name)", component: "kubelet", host: host, fieldPath: fieldPath)
        event(pod, reason: "Started", message: "Started container \(name)", component: "kubelet", host: host, fieldPath: fieldPath)
        return out
    }

    /// Phase and conditions from the containers: done when none runs or will run again.
    func settlePhase(_ p: inout JSONValue, policy: String) {
        let statuses = p["status"]["containerStatuses"].array ?? []
        let unready = statuses.filter { $0["ready"].bool != true }.compactMap { $0["name"].string }
        let allDone = !statuses.isEmpty && statuses.allSatisfy { !$0["state"]["terminated"].isNull }
        if allDone {
            let failed = statuses.contains { ($0["state"]["terminated"]["exitCode"].int ?? 0) != 0 }
            p["status"]["phase"] = .string(failed ? "Failed" : "Succeeded")
            let reason = failed ? "PodFailed" : "PodCompleted"
            p["status"]["conditions"] = [condition("PodReadyToStartContainers", false), condition("Initialized", true),
                                         condition("Ready", false, reason: reason), condition("ContainersReady", false, reason: reason),
                                         condition("PodScheduled", true)]
            return
        }
        p["status"]["conditions"] = podConditions(sandbox: true, incompleteInits: [], unready: unready)
    }

    /// The kubelet's `format.Pod`: `name_namespace(uid)`.
    static func podFormat(_ pod: JSONValue) -> String {
        let m = pod["metadata"]
        return "\(m["name"].string ?? "")_\(m["namespace"].string ?? "")(\(m["uid"].string ?? ""))"
    }
}
