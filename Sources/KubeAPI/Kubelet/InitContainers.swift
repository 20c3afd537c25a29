import KubeModel
import KubeRegistry

/// Init containers whose command ends by itself (see `ContainerFate`), as the kubelet runs them: one at
/// a time, in order; each runs its time (`Init:0/2` while the first sleeps) and the next starts when it
/// exits 0, then the app containers. One that exits non-zero is `Init:Error`: under `restartPolicy:
/// Never` the pod fails; otherwise it is restarted, at the next sync (a second) the first time and then after the same
/// back-off as any container (10 s doubling to 5 min, `Init:CrashLoopBackOff`, `BackOff` events), and
/// the pod stays Pending with Initialized False. Sidecars (`restartPolicy: Always`) start and keep
/// running, they are not waited for. The moves share the pod's one timer with its app containers.
extension ControllerManager {
    /// The init container whose turn it is: the first regular one that has not succeeded.
    func currentInit(_ pod: JSONValue) -> (index: Int, spec: JSONValue, status: JSONValue)? {
        let statuses = pod["status"]["initContainerStatuses"].array ?? []
        for c in pod["spec"]["initContainers"].array ?? [] where !PodSpecs.isSidecar(c) {
            guard let i = statuses.firstIndex(where: { $0["name"] == c["name"] }) else { return nil }
            let st = statuses[i]
            if !st["state"]["terminated"].isNull && st["state"]["terminated"]["exitCode"].int == 0 { continue }
            return (i, c, st)
        }
        return nil
    }

    /// When the current init container next moves (exits, or ends its back-off), or nil.
    func nextInitTransition(_ pod: JSONValue, due: Bool = false) -> Int64? {
        guard let (_, c, st) = currentInit(pod), ContainerFate.of(c) != nil else { return nil }
        return nextTransition(c, st, pod: pod, due: due)
    }

    /// The pod's timer fell due while it initializes: the current init container moves. Returns false
    /// when no init container is due (the app containers' turn).
    func initTransitionDue(_ p: inout JSONValue, pod: JSONValue, nodeName: String, policy: String) throws -> Bool {
        guard let (i, c, st) = currentInit(pod), let t = nextInitTransition(pod, due: true), t <= now.seconds else { return false }
        var next = transition(c, st, pod: pod, policy: policy, host: nodeName, isInit: true)
        var caughtUp: Int64?
        let budget = try jobRestartBudget(pod, policy: policy).map { $0 - ((next["restartCount"].int ?? 0) - (st["restartCount"].int ?? 0)) }
        if budget.map({ $0 > 0 }) ?? true {
            caughtUp = catchUp(&next, c, pod: pod, policy: policy, host: nodeName, budget: budget, isInit: true)
                ?? batchBackoffRetries(next, c, pod: pod, host: nodeName)
        }
        var inits = p["status"]["initContainerStatuses"].array ?? []
        inits[i] = next
        p["status"]["initContainerStatuses"] = .array(inits)
        if let caughtUp { setClock(Timestamp(seconds: caughtUp)) }
        let terminated = next["state"]["terminated"]
        if terminated["exitCode"].int == 0, let node = try nodeInfo(nodeName)?.obj {
            // Done: the next init container (or the app containers) starts now.
            try kubeletSync(&p, node: node, mode: .retry)
        } else if !terminated.isNull && !restartPending(c, next, pod: pod) {
            // Failed under restartPolicy Never: so is the pod.
            p["status"]["phase"] = "Failed"
            let incomplete = (pod["spec"]["initContainers"].array ?? []).compactMap { spec -> String? in
                let name = spec["name"].string ?? ""
                guard let s = inits.first(where: { $0["name"].string == name }) else { return name }
                if PodSpecs.isSidecar(spec) { return s["started"].bool == true ? nil : name }
                return s["ready"].bool == true ? nil : name
            }
            p["status"]["conditions"] = [
                condition("PodReadyToStartContainers", false),
                condition("Initialized", false, reason: "ContainersNotInitialized",
                          message: "containers with incomplete status: [\(incomplete.joined(separator: " "))]"),
                condition("Ready", false, reason: "PodFailed"), condition("ContainersReady", false, reason: "PodFailed"),
                condition("PodScheduled", true),
            ]
        }
        return true
    }
}

/// Sidecars (init containers with `restartPolicy: Always`) whose command ends by itself: once the pod
/// has initialized, each exit restarts them whatever the exit code and the pod's restart policy, at
/// once the first time, then with the crash back-off (`BackOff` on `spec.initContainers{NAME}`), as the
/// kubelet restarts a restartable init container. While the regular init containers still run, a
/// sidecar is left as it is.
extension ControllerManager {
    func nextSidecarTransition(_ pod: JSONValue) -> Int64? {
        guard currentInit(pod) == nil || sidecarGates(pod) else { return nil }
        let statuses = byName(pod["status"]["initContainerStatuses"])
        return (pod["spec"]["initContainers"].array ?? []).filter(PodSpecs.isSidecar).compactMap { c in
            statuses[c["name"].string ?? ""].flatMap { nextTransition(c, $0, pod: pod) }
        }.min()
    }

    /// The sidecars whose exit or restart is due move on. Returns the last transition a catch-up passed.
    func sidecarTransitionsDue(_ p: inout JSONValue, pod: JSONValue, host: String) -> Int64? {
        guard currentInit(pod) == nil || sidecarGates(pod), var inits = p["status"]["initContainerStatuses"].array else { return nil }
        var caughtUp: Int64?
        for c in (pod["spec"]["initContainers"].array ?? []).filter(PodSpecs.isSidecar) {
            guard let i = inits.firstIndex(where: { $0["name"] == c["name"] }), let t = nextTransition(c, inits[i], pod: pod, due: true),
                  t <= now.seconds else { continue }
            inits[i] = transition(c, inits[i], pod: pod, policy: "Always", host: host, isInit: true)
            if let last = catchUp(&inits[i], c, pod: pod, policy: "Always", host: host, isInit: true) { caughtUp = max(caughtUp ?? last, last) }
        }
        p["status"]["initContainerStatuses"] = .array(inits)
        return caughtUp
    }
}

/// Sidecars with startup probes gate what follows them: the next init container (and the app
/// containers) start once the sidecar has started, as computeInitContainerActions waits for it; a
/// startup probe that fails `failureThreshold` times restarts it meanwhile.
extension ControllerManager {
    /// Whether the pod is still initializing (Initialized not True).
    func podInitializing(_ pod: JSONValue) -> Bool {
        guard !(pod["spec"]["initContainers"].array ?? []).isEmpty else { return false }
        let initialized = (pod["status"]["conditions"].array ?? []).first { $0["type"].string == "Initialized" }
        return initialized?["status"].string != "True"
    }

    /// Whether the pod waits for a sidecar that has not started (the regular init containers after it
    /// are not running yet): its exits and restarts move on meanwhile.
    func sidecarGates(_ pod: JSONValue) -> Bool {
        let statuses = byName(pod["status"]["initContainerStatuses"])
        for c in pod["spec"]["initContainers"].array ?? [] {
            guard let st = statuses[c["name"].string ?? ""] else { return false }
            if PodSpecs.isSidecar(c) {
                if st["started"].bool != true { return true }
                continue
            }
            if !st["state"]["terminated"].isNull && st["state"]["terminated"]["exitCode"].int == 0 { continue }
            return false
        }
        return false
    }

    /// The running sidecars' probes due now, while the pod initializes: liveness failures (the kill is
    /// part of the container's fate), startup and readiness results and failed probes (a stretch of
    /// failed probes in one write, up to the current init container's next move). Returns whether a
    /// sidecar's startup probe succeeded.
    func sidecarProbesDue(_ p: inout JSONValue, pod: JSONValue, host: String) -> Bool {
        guard var inits = p["status"]["initContainerStatuses"].array else { return false }
        let sidecars = (pod["spec"]["initContainers"].array ?? []).filter(PodSpecs.isSidecar)
        let specs = sidecars.reduce(into: [String: JSONValue]()) { $0[$1["name"].string ?? ""] = $1 }
        let indexes = inits.indices.filter { specs[inits[$0]["name"].string ?? ""] != nil }
        guard !indexes.isEmpty else { return false }
        for i in indexes where !inits[i]["state"]["running"].isNull {
            let c = specs[inits[i]["name"].string ?? ""]!
            let failures = livenessFailures(c, inits[i], pod: pod)
            if failures.contains(now.seconds) { livenessProbeFailed(c, pod: pod, host: host, kills: failures.last == now.seconds) }
        }
        var statuses = indexes.map { inits[$0] }
        let before = statuses.map { $0["started"].bool }
        probesDue(&statuses, specs: specs, moved: [], pod: pod, host: host, batch: true,
                  limit: nextInitTransition(pod).map { $0 - 1 })
        var startedNow = false
        for (k, i) in indexes.enumerated() {
            inits[i] = statuses[k]
            if before[k] == false && statuses[k]["started"].bool == true { startedNow = true }
        }
        p["status"]["initContainerStatuses"] = .array(inits)
        return startedNow
    }
}
