import KubeModel
import KubeRegistry
import KubeStore

/// Containers that end by themselves (see `ContainerFate`) as the kubelet handles them: the container
/// exits at its time (`Completed` with code 0, `Error` otherwise); under the pod's restart policy the
/// exit is shown for a second (the kubelet's sync that sees it reports the termination, or
/// `PostStartHookError` when its postStart hook killed it), then it is restarted, at the next sync the
/// first time and otherwise a back-off of 10 s doubling to 5 min after the exit (`CrashLoopBackOff`,
/// `back-off 20s restarting failed container=...`, `BackOff` events), counting `restartCount`; without a restart the pod ends `Succeeded` or `Failed` once every container is done.
/// The next transition of a pod is one timer (`kubelet/<pods>/<ns>/<name>`); the state itself is read
/// from the pod's status, so nothing else is kept.
extension ControllerManager {
    static func crashBackoff(restarts: Int64) -> Int64 {
        restarts >= 6 ? 300 : min(300, 10 << max(0, restarts - 1))
    }

    func podTimerID(_ ns: String, _ name: String) -> String { Timers.objectID("kubelet", podType.storageKey, ns, name) }

    /// Whether a terminated container with `code` is restarted under `policy`. An init container that
    /// succeeded is done whatever the policy; one that failed is restarted unless the policy is Never.
    static func restarts(policy: String, code: Int64, isInit: Bool = false) -> Bool {
        if isInit { return code != 0 && policy != "Never" }
        return policy == "Always" || (policy == "OnFailure" && code != 0)
    }

    /// The event's `involvedObject.fieldPath` of a container.
    static func fieldPath(_ name: String, isInit: Bool) -> String {
        isInit ? "spec.initContainers{\(name)}" : "spec.containers{\(name)}"
    }

    /// The field path of a pod's container by its spec: a sidecar's (or any init container's) events
    /// name `spec.initContainers{NAME}` (names are unique across both lists).
    static func fieldPath(of c: JSONValue, pod: JSONValue) -> String {
        let name = c["name"].string ?? ""
        return fieldPath(name, isInit: (pod["spec"]["initContainers"].array ?? []).contains { $0["name"].string == name })
    }

    /// The time of a container's next transition, or nil when it has none. An exit the kubelet will
    /// answer with a restart is shown for a second (the sync that sees it reports the termination, or
    /// `PostStartHookError` when its postStart hook killed it); then it restarts (the first time) or
    /// waits out its back-off (`CrashLoopBackOff`).
    func nextTransition(_ c: JSONValue, _ st: JSONValue, pod: JSONValue) -> Int64? {
        guard let fate = ContainerFate.effective(c, pod: pod) else { return nil }
        if let started = st["state"]["running"]["startedAt"].string.flatMap(Timestamp.init(rfc3339:)) {
            return started.adding(seconds: max(1, fate.seconds)).seconds
        }
        if let exited = exitShown(c, st, pod: pod) { return exited + 1 }
        if st["state"]["waiting"]["reason"].string == "CrashLoopBackOff",
            let finished = st["lastState"]["terminated"]["finishedAt"].string.flatMap(Timestamp.init(rfc3339:))
        {
            return finished.seconds + Self.crashBackoff(restarts: st["restartCount"].int ?? 0)
        }
        return nil
    }

    /// When the container's exit that is still shown happened: a termination the kubelet restarts
    /// (before its next sync), or a `PostStartHookError`; nil otherwise.
    func exitShown(_ c: JSONValue, _ st: JSONValue, pod: JSONValue) -> Int64? {
        // A pod being deleted, or done, restarts nothing.
        guard pod["metadata"]["deletionTimestamp"].isNull, !["Succeeded", "Failed"].contains(pod["status"]["phase"].string ?? "")
        else { return nil }
        let terminated = st["state"]["terminated"]
        if !terminated.isNull {
            let isInit = (pod["spec"]["initContainers"].array ?? []).contains { $0["name"] == c["name"] }
            let sidecar = isInit && PodSpecs.isSidecar(c)
            guard Self.restarts(policy: sidecar ? "Always" : pod["spec"]["restartPolicy"].string ?? "Always",
                                code: terminated["exitCode"].int ?? 0, isInit: isInit && !sidecar) else { return nil }
            return terminated["finishedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds
        }
        guard st["state"]["waiting"]["reason"].string == "PostStartHookError" else { return nil }
        return st["lastState"]["terminated"]["finishedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds
    }

    /// Whether a terminated status is one the kubelet will restart (shown until its next sync).
    func restartPending(_ c: JSONValue, _ st: JSONValue, pod: JSONValue) -> Bool {
        !st["state"]["terminated"].isNull && exitShown(c, st, pod: pod) != nil
    }

    /// The container's runs end by its failing postStart hook (the kill), when they do.
    static func hookEnd(_ c: JSONValue, pod: JSONValue) -> PostStartFailure? {
        guard let hook = ContainerFate.postStartFailure(c, pod: pod),
              ContainerFate.effective(c, pod: pod) == ContainerFate(seconds: hook.at + hook.stop, exitCode: hook.containerExitCode)
        else { return nil }
        return hook
    }

    /// The status the kubelet reports right after a run ended and before the restart: the
    /// termination itself, or `PostStartHookError` with the hook runner's message (the termination
    /// then is the last state).
    static func exitedStatus(_ st: JSONValue, _ c: JSONValue, pod: JSONValue, terminated: JSONValue, previous: JSONValue) -> JSONValue {
        var out = st
        out["ready"] = false
        out["started"] = false
        if let hook = hookEnd(c, pod: pod) {
            out["lastState"] = terminated
            out["state"] = ["waiting": ["message": .string(hook.message), "reason": "PostStartHookError"]]
        } else {
            out["lastState"] = previous
            out["state"] = terminated
        }
        return out
    }

    /// Sets (or clears) the pod's timer from its containers' next transitions.
    func scheduleContainerTransitions(_ pod: JSONValue) throws {
        let ns = pod["metadata"]["namespace"].string ?? "", name = pod["metadata"]["name"].string ?? ""
        let id = podTimerID(ns, name)
        let statuses = byName(pod["status"]["containerStatuses"])
        var due: Int64?
        if pod["metadata"]["deletionTimestamp"].isNull, !isTerminated(pod) {
            due = nextInitTransition(pod)
            if let t = nextSidecarTransition(pod) { due = min(due ?? t, t) }
            // A running sidecar's probes, as an app container's.
            let inits = byName(pod["status"]["initContainerStatuses"])
            for c in (pod["spec"]["initContainers"].array ?? []).filter(PodSpecs.isSidecar) {
                guard let st = inits[c["name"].string ?? ""] else { continue }
                if let m = nextProbeMoment(c, st, pod: pod) { due = min(due ?? m, m) }
                if let k = livenessFailures(c, st, pod: pod).first(where: { $0 > now.seconds }) { due = min(due ?? k, k) }
            }
            for c in pod["spec"]["containers"].array ?? [] {
                guard let st = statuses[c["name"].string ?? ""] else { continue }
                // Startup and readiness probes: the next change of their result, or failed probe.
                if let m = nextProbeMoment(c, st, pod: pod) { due = min(due ?? m, m) }
                guard let t = nextTransition(c, st, pod: pod) else { continue }
                due = min(due ?? t, t)
                // Each failed liveness probe is reported at its time, the kill when it is decided.
                if let k = livenessFailures(c, st, pod: pod).first(where: { $0 > now.seconds }) { due = min(due ?? k, k) }
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
        if try initTransitionDue(&p, pod: pod, nodeName: node, policy: policy) {
            keepTransitionTimes(&p["status"], old: pod["status"])
            try scheduleContainerTransitions(try save(p, pod, podType))
            return
        }
        if podInitializing(pod) {
            // Still initializing: only the sidecars move (exits, restarts, probes); one whose startup
            // probe succeeds now lets the next init container (or the app containers) start.
            _ = sidecarTransitionsDue(&p, pod: pod, host: node)
            if sidecarProbesDue(&p, pod: pod, host: node), let info = try nodeInfo(node) {
                try kubeletSync(&p, node: info.obj, mode: .retry)
            }
            keepTransitionTimes(&p["status"], old: pod["status"])
            try scheduleContainerTransitions(try save(p, pod, podType))
            return
        }
        var statuses = p["status"]["containerStatuses"].array ?? []
        var specs = (pod["spec"]["containers"].array ?? []).reduce(into: [String: JSONValue]()) { $0[$1["name"].string ?? ""] = $1 }
        var caughtUp: Int64? = sidecarTransitionsDue(&p, pod: pod, host: node)
        var budget = try jobRestartBudget(pod, policy: policy)
        // Running sidecars' liveness probes, then the app containers'.
        let sidecars = (pod["spec"]["initContainers"].array ?? []).filter(PodSpecs.isSidecar)
        let sidecarStatuses = (p["status"]["initContainerStatuses"].array ?? [])
        for c in sidecars {
            guard let st = sidecarStatuses.first(where: { $0["name"] == c["name"] }) else { continue }
            let failures = livenessFailures(c, st, pod: pod)
            if failures.contains(now.seconds) { livenessProbeFailed(c, pod: pod, host: node, kills: failures.last == now.seconds) }
        }
        for st in statuses {
            guard let c = specs[st["name"].string ?? ""] else { continue }
            let failures = livenessFailures(c, st, pod: pod)
            if failures.contains(now.seconds) { livenessProbeFailed(c, pod: pod, host: node, kills: failures.last == now.seconds) }
        }
        var moved = Set<Int>()
        for i in statuses.indices {
            guard let c = specs[statuses[i]["name"].string ?? ""], let t = nextTransition(c, statuses[i], pod: pod),
                t <= now.seconds else { continue }
            moved.insert(i)
            let before = statuses[i]["restartCount"].int ?? 0
            statuses[i] = transition(c, statuses[i], pod: pod, policy: policy, host: node)
            budget = budget.map { $0 - ((statuses[i]["restartCount"].int ?? 0) - before) }
            if budget.map({ $0 <= 0 }) == true { continue }
            let caught = statuses[i]["restartCount"].int ?? 0
            if let last = catchUp(&statuses[i], c, pod: pod, policy: policy, host: node, budget: budget) { caughtUp = max(caughtUp ?? last, last) }
            budget = budget.map { $0 - ((statuses[i]["restartCount"].int ?? 0) - caught) }
        }
        // The pod's status is written as of the last transition the catch-up passed.
        if let caughtUp { setClock(Timestamp(seconds: caughtUp)) }
        // The sidecars' startup and readiness probes are worked out with the app containers' (one batch).
        var inits = p["status"]["initContainerStatuses"].array ?? []
        let sidecarIndexes = inits.indices.filter { i in sidecars.contains { $0["name"] == inits[i]["name"] } }
        for c in sidecars { specs[c["name"].string ?? ""] = c }
        var all = statuses + sidecarIndexes.map { inits[$0] }
        probesDue(&all, specs: specs, moved: moved, pod: pod, host: node, batch: moved.isEmpty && caughtUp == nil)
        statuses = Array(all.prefix(statuses.count))
        for (k, i) in sidecarIndexes.enumerated() { inits[i] = all[statuses.count + k] }
        if !sidecarIndexes.isEmpty { p["status"]["initContainerStatuses"] = .array(inits) }
        p["status"]["containerStatuses"] = .array(statuses)
        settlePhase(&p, policy: policy)
        keepTransitionTimes(&p["status"], old: pod["status"])
        let saved = try save(p, pod, podType)
        try scheduleContainerTransitions(saved)
    }

    /// Far behind real time (a store left idle), a crash loop is not replayed: its state at real now is
    /// computed (restart count, current start or back-off, the last termination) and its events are
    /// counted into the aggregated ones (`Pulled`/`Created`/`Started` per restart, `BackOff` per exit),
    /// one write per pod whatever the idle time. Returns the time of the last transition it passed.
    /// A Job's pod under `restartPolicy: OnFailure`: how many more container restarts its Job allows before
    /// the job controller fails it (the catch-up stops there, so the Job fails at that restart's time).
    func jobRestartBudget(_ pod: JSONValue, policy: String) throws -> Int64? {
        guard policy == "OnFailure", let owner = (pod["metadata"]["ownerReferences"].array ?? []).first(where: { $0["kind"].string == "Job" }),
            let job = try s.find(jobType, namespace: pod["metadata"]["namespace"].string ?? "", name: owner["name"].string ?? "")
        else { return nil }
        let limit = max(1, job["spec"]["backoffLimit"].int ?? 6)
        var used: Int64 = 0
        for p in try ownedPods(job) where ["Pending", "Running"].contains(p["status"]["phase"].string ?? "Pending") {
            for key in ["initContainerStatuses", "containerStatuses"] {
                for st in p["status"][key].array ?? [] { used += st["restartCount"].int ?? 0 }
            }
        }
        return limit - used
    }

    func catchUp(_ st: inout JSONValue, _ c: JSONValue, pod: JSONValue, policy: String, host: String,
                 budget: Int64? = nil, isInit: Bool = false) -> Int64? {
        let T = wallNow.seconds
        let sidecar = isInit && PodSpecs.isSidecar(c)
        guard T - now.seconds > 900, let fate = ContainerFate.effective(c, pod: pod),
              Self.restarts(policy: sidecar ? "Always" : policy, code: fate.exitCode, isInit: isInit && !sidecar)
        else { return nil }
        let life = max(1, fate.seconds)
        var rc = st["restartCount"].int ?? 0
        var running = st["state"]["running"]["startedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds
        // An exit waiting for its restart: shown for a second, then restarted (the first time) or
        // backing off.
        var exitedAt: Int64?
        if running == nil {
            if let shown = exitShown(c, st, pod: pod) {
                exitedAt = shown
            } else if st["state"]["waiting"]["reason"].string == "CrashLoopBackOff" {
                exitedAt = st["lastState"]["terminated"]["finishedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds
            }
        }
        guard running != nil || exitedAt != nil else { return nil }
        var restarts = CatchUpCount(), exits = CatchUpCount()
        var lastRun: (start: Int64, end: Int64)?, runBefore: (start: Int64, end: Int64)?
        func ended(_ run: (start: Int64, end: Int64)) {
            runBefore = lastRun
            lastRun = run
        }
        while true {
            if let start = running {
                var begin = start
                if rc >= 6 {
                    let cycle = life + 300
                    let n = min(max(0, (T - start) / cycle - 1), budget.map { max(0, $0 - restarts.count) } ?? Int64.max)
                    if n > 0 {
                        exits.add(n, first: start + life, last: start + life + (n - 1) * cycle)
                        restarts.add(n, first: start + cycle, last: start + n * cycle)
                        if n > 1 { ended((start + (n - 2) * cycle, start + (n - 2) * cycle + life)) }
                        ended((start + (n - 1) * cycle, start + (n - 1) * cycle + life))
                        begin = start + n * cycle
                        rc += n
                    }
                    if let budget, restarts.count >= budget { running = begin; break }
                }
                let end = begin + life
                guard end <= T else { running = begin; break }
                ended((begin, end))
                if rc > 0 { exits.add(1, first: end, last: end) }
                running = nil
                exitedAt = end
            }
            guard let exited = exitedAt else { break }
            let restartAt = exited + (rc == 0 ? 1 : Self.crashBackoff(restarts: rc))
            guard restartAt <= T else { break }
            restarts.add(1, first: restartAt, last: restartAt)
            rc += 1
            running = restartAt
            exitedAt = nil
            if let budget, restarts.count >= budget { break }
        }
        guard restarts.count > 0 || exits.count > 0 else { return nil }
        // A termination still shown is the last state once anything moved on.
        if !st["state"]["terminated"].isNull { st["lastState"] = st["state"] }
        let name = c["name"].string ?? ""
        func termination(_ run: (start: Int64, end: Int64), id: JSONValue) -> JSONValue {
            ["terminated": ["containerID": id, "exitCode": .int(fate.exitCode),
                            "finishedAt": .string(Timestamp(seconds: run.end).rfc3339),
                            "reason": .string(fate.exitCode == 0 ? "Completed" : "Error"),
                            "startedAt": .string(Timestamp(seconds: run.start).rfc3339)]]
        }
        let previousID = st["containerID"]
        if restarts.count > 0 { st["containerID"] = .string("containerd://" + randomHex64()) }
        st["restartCount"] = .int(rc)
        if let start = running {
            if let lastRun { st["lastState"] = termination(lastRun, id: previousID) }
            st["ready"] = .bool(!isInit || sidecar)
            st["started"] = true
            st["state"] = ["running": ["startedAt": .string(Timestamp(seconds: start).rfc3339)]]
        } else if let exited = exitedAt, T < exited + 1, let lastRun {
            // The last exit is still shown (the kubelet's next sync has not come).
            let before = runBefore.map { termination($0, id: previousID) } ?? st["lastState"]
            st = Self.exitedStatus(st, c, pod: pod, terminated: termination(lastRun, id: st["containerID"]), previous: before)
        } else {
            if let lastRun { st["lastState"] = termination(lastRun, id: previousID) }
            st["ready"] = false
            st["started"] = false
            let backoff = GoDuration(seconds: Self.crashBackoff(restarts: rc))
            st["state"] = ["waiting": ["message": .string("back-off \(backoff) restarting failed container=\(name) pod=\(Self.podFormat(pod))"),
                                       "reason": "CrashLoopBackOff"]]
        }
        catchUpEvents(pod, c, host: host, restarts: restarts, exits: exits, isInit: isInit)
        // Every run started here failed its postStart hook, when it has one that fails.
        if restarts.count > 0, let hook = ContainerFate.postStartFailure(c, pod: pod),
           fate == ContainerFate(seconds: hook.at + hook.stop, exitCode: hook.containerExitCode) {
            let saved = clockOverride
            setClock(Timestamp(seconds: restarts.last))
            postStartFailed(c, pod: pod, host: host, repeats: restarts.count, first: Timestamp(seconds: restarts.first))
            setClock(saved)
        }
        // Every run that ended here was killed by its liveness probe, when it has one that fails.
        let kills = restarts.count - (running != nil ? 1 : 0)
        if kills > 0, let kill = ContainerFate.livenessKill(c, pod: pod), fate == ContainerFate(seconds: kill.at + kill.stop, exitCode: kill.exitCode) {
            let saved = clockOverride
            setClock(Timestamp(seconds: (lastRun?.end ?? T) - kill.stop))
            livenessProbeFailed(c, pod: pod, host: host, kills: true, runs: kills, first: Timestamp(seconds: restarts.first))
            setClock(saved)
        }
        // Every run that ended here was killed by its startup probe, when it has one that fails.
        if kills > 0, let kill = ContainerFate.startupKill(c, pod: pod), fate == ContainerFate(seconds: kill.at + kill.stop, exitCode: kill.exitCode),
           let timeline = ContainerFate.startupTimeline(c, pod: pod) {
            let saved = clockOverride
            let decided = (lastRun?.end ?? T) - kill.stop
            setClock(Timestamp(seconds: decided))
            let name = c["name"].string ?? "", fieldPath = Self.fieldPath(of: c, pod: pod)
            for f in timeline.failing(from: 0, through: kill.at) {
                let message: String
                switch f.result {
                case .failure(let o): message = "Startup probe failed: \(o)"
                case .errored(let e): message = "Startup probe errored and resulted in unknown state: \(e)"
                case .success: continue
                }
                event(pod, type: "Warning", reason: "Unhealthy", message: message, component: "kubelet", host: host,
                      fieldPath: fieldPath, repeats: f.count * kills, first: Timestamp(seconds: restarts.first))
            }
            event(pod, reason: "Killing", message: "Container \(name) failed startup probe, will be restarted", component: "kubelet",
                  host: host, fieldPath: fieldPath, repeats: kills, first: Timestamp(seconds: restarts.first))
            setClock(saved)
        }
        return max(restarts.last, exits.last)
    }

    struct CatchUpCount {
        var count: Int64 = 0, first: Int64 = 0, last: Int64 = 0
        mutating func add(_ n: Int64, first f: Int64, last l: Int64) {
            if count == 0 { first = f }
            count += n
            last = l
        }
    }

    private func catchUpEvents(_ pod: JSONValue, _ c: JSONValue, host: String, restarts: CatchUpCount, exits: CatchUpCount,
                               isInit: Bool) {
        let saved = clockOverride
        defer { setClock(saved) }
        let name = c["name"].string ?? "", fieldPath = Self.fieldPath(name, isInit: isInit)
        if exits.count > 0 {
            setClock(Timestamp(seconds: exits.last))
            event(pod, type: "Warning", reason: "BackOff", message: "Back-off restarting failed container \(name) in pod \(Self.podFormat(pod))",
                  component: "kubelet", host: host, fieldPath: fieldPath, repeats: exits.count, first: Timestamp(seconds: exits.first))
        }
        guard restarts.count > 0 else { return }
        setClock(Timestamp(seconds: restarts.last))
        let image = c["image"].string ?? ""
        for (reason, message) in [("Pulled", "Container image \(strconvQuote(image)) already present on machine"),
                                  ("Created", "Created container: \(name)"), ("Started", "Started container \(name)")] {
            event(pod, reason: reason, message: message, component: "kubelet", host: host, fieldPath: fieldPath,
                  repeats: restarts.count, first: Timestamp(seconds: restarts.first))
        }
    }

    /// One container's move: a running one exits (and restarts at once the first time, or waits), a
    /// waiting one restarts.
    func transition(_ c: JSONValue, _ st: JSONValue, pod: JSONValue, policy: String, host: String, isInit: Bool = false) -> JSONValue {
        let name = c["name"].string ?? ""
        let fieldPath = Self.fieldPath(name, isInit: isInit)
        var out = st
        if let started = st["state"]["running"]["startedAt"].string {
            let fate = ContainerFate.effective(c, pod: pod) ?? ContainerFate(seconds: 0, exitCode: 0)
            let end = Timestamp(seconds: (Timestamp(rfc3339: started)?.seconds ?? now.seconds) + max(1, fate.seconds))
            let terminated: JSONValue = ["terminated": ["containerID": st["containerID"], "exitCode": .int(fate.exitCode),
                                                        "finishedAt": .string(end.rfc3339),
                                                        "reason": .string(fate.exitCode == 0 ? "Completed" : "Error"),
                                                        "startedAt": .string(started)]]
            // An init container that succeeded is ready (its part is done); a sidecar restarts whatever its code.
            let sidecar = isInit && PodSpecs.isSidecar(c)
            out["ready"] = .bool(isInit && !sidecar && fate.exitCode == 0)
            out["started"] = false
            guard Self.restarts(policy: sidecar ? "Always" : policy, code: fate.exitCode, isInit: isInit && !sidecar) else {
                out["state"] = terminated
                return out
            }
            // The sync that sees the exit reports it (a second, until the next sync); a container
            // restarted before is in its back-off already.
            out = Self.exitedStatus(out, c, pod: pod, terminated: terminated, previous: st["lastState"])
            if (st["restartCount"].int ?? 0) > 0 {
                event(pod, type: "Warning", reason: "BackOff",
                      message: "Back-off restarting failed container \(name) in pod \(Self.podFormat(pod))",
                      component: "kubelet", host: host, fieldPath: fieldPath)
            }
            return out
        }
        if exitShown(c, st, pod: pod) != nil {
            // The next sync: restarted at once the first time, else waiting out the back-off.
            if !st["state"]["terminated"].isNull { out["lastState"] = st["state"] }
            let restarts = st["restartCount"].int ?? 0
            if restarts == 0 { return restarted(c, out, pod: pod, host: host, fieldPath: fieldPath) }
            let backoff = GoDuration(seconds: Self.crashBackoff(restarts: restarts))
            out["state"] = ["waiting": ["message": .string("back-off \(backoff) restarting failed container=\(name) pod=\(Self.podFormat(pod))"),
                                        "reason": "CrashLoopBackOff"]]
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
        // A running (regular) init container is started but not ready until it succeeds.
        out["ready"] = .bool(!fieldPath.hasPrefix("spec.initContainers") || PodSpecs.isSidecar(c))
        out["started"] = true
        out["state"] = ["running": ["startedAt": .string(now.rfc3339)]]
        event(pod, reason: "Pulled", message: "Container image \(strconvQuote(image)) already present on machine",
              component: "kubelet", host: host, fieldPath: fieldPath)
        event(pod, reason: "Created", message: "Created container: \(name)", component: "kubelet", host: host, fieldPath: fieldPath)
        event(pod, reason: "Started", message: "Started container \(name)", component: "kubelet", host: host, fieldPath: fieldPath)
        if !fieldPath.hasPrefix("spec.initContainers") {
            postStartFailed(c, pod: pod, host: host)
            applyProbes(&out, c, pod: pod)
            probeEvents(c, out, pod: pod, host: host, from: now.seconds, through: now.seconds)
        }
        return out
    }

    /// Phase and conditions from the containers: done when none runs or will run again.
    func settlePhase(_ p: inout JSONValue, policy: String) {
        let statuses = p["status"]["containerStatuses"].array ?? []
        // In the spec's order, as the kubelet's status generation lists them.
        let byName = byName(p["status"]["containerStatuses"])
        let unready = sidecarsUnready(p, p["status"]["initContainerStatuses"].array ?? [])
            + (p["spec"]["containers"].array ?? []).compactMap { $0["name"].string }.filter { byName[$0].map { $0["ready"].bool != true } ?? false }
        // A termination the kubelet restarts is no end.
        let specs = self.byName(p["spec"]["containers"])
        let allDone = !statuses.isEmpty && statuses.allSatisfy {
            !$0["state"]["terminated"].isNull && !restartPending(specs[$0["name"].string ?? ""] ?? .null, $0, pod: p)
        }
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
