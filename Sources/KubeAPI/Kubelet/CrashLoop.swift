import KubeModel
import KubeRegistry
import KubeStore

/// Containers that end by themselves (see `ContainerFate`) as the kubelet handles them: the container
/// exits at its time (`Completed` with code 0, `Error` otherwise); under the pod's restart policy the
/// kubelet's sync that sees the exit reports it (or `PostStartHookError` when its postStart hook killed
/// it) and restarts it at once the first time (shown a second later), else finds it in its back-off
/// (10 s doubling to 5 min, counted from the exit): that sync and the pod worker's retries every 10 s
/// record `BackOff`, the first retry shows `CrashLoopBackOff`, and the retry at the back-off's end
/// restarts it. An exit more than 10 minutes after its run's restart restarts at once again. Without a
/// restart the pod ends `Succeeded` or `Failed` once every container is done. (The timeline and its
/// sources: README, failure states.)
/// The next transition of a pod is one timer (`kubelet/<pods>/<ns>/<name>`); the state itself is read
/// from the pod's status, so nothing else is kept.
extension ControllerManager {
    static func crashBackoff(restarts: Int64) -> Int64 {
        restarts >= 6 ? 300 : min(300, 10 << max(0, restarts - 1))
    }

    /// The pod worker's retry of a sync that failed (its `backOffPeriod`; the jitter of up to half of it
    /// that it adds is not simulated): a container in its back-off is looked at again this often.
    static let syncRetrySeconds: Int64 = 10

    /// The back-off the kubelet applies to an exit of a run of `run` seconds by a container restarted
    /// `restarts` times, 0 when it restarts it at once: the first exit (no back-off entry yet), and one
    /// that comes more than 10 minutes (twice the 5-minute cap) after the restart that began its run
    /// (the entry has expired; the restart is decided a second before the run starts).
    static func exitBackoff(restarts: Int64, run: Int64) -> Int64 {
        restarts == 0 || run + 1 > 600 ? 0 : crashBackoff(restarts: restarts)
    }

    /// The back-off of the exit a status shows or waits after: its terminated state, or the last state
    /// (`CrashLoopBackOff`, `PostStartHookError`).
    static func exitBackoff(_ st: JSONValue) -> Int64 {
        let t = st["state"]["terminated"].isNull ? st["lastState"]["terminated"] : st["state"]["terminated"]
        let start = t["startedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds ?? 0
        let end = t["finishedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds ?? start
        return exitBackoff(restarts: st["restartCount"].int ?? 0, run: end - start)
    }

    /// The pod worker's retries of a back-off of `backoff` seconds after an exit at `exited` (each one a
    /// `BackOff` event; the retry at the back-off's end restarts the container) that fall after `after`
    /// and by `through`: how many, the first and the last.
    static func backoffRetries(exited: Int64, backoff: Int64, after: Int64, through: Int64) -> (count: Int64, first: Int64, last: Int64)? {
        let step = syncRetrySeconds
        let from = after < exited ? 0 : (after - exited) / step + 1
        guard through >= exited else { return nil }
        let to = min((backoff + step - 1) / step - 1, (through - exited) / step)
        guard to >= from else { return nil }
        return (to - from + 1, exited + from * step, exited + to * step)
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
    /// answer with a restart is shown until its next sync: a second when it restarts it at once, else the
    /// pod worker's retry (10 s), which shows `CrashLoopBackOff`; retries come every 10 s (`BackOff`)
    /// until the one at the back-off's end restarts it, shown a second later. A retry at `now` counts when
    /// `due` (the check whether the pod's timer has work for the container), not when scheduling the next.
    func nextTransition(_ c: JSONValue, _ st: JSONValue, pod: JSONValue, due: Bool = false) -> Int64? {
        guard let fate = ContainerFate.effective(c, pod: pod) else { return nil }
        // A restart whose sync is held in the postStart hook: that sync's return (the restart itself, at
        // its time, counts when `due`).
        if let run = heldRun(c, st, pod: pod), now.seconds > run.start || (now.seconds == run.start && !due) {
            // Its hook's failure is reported at its time, when that is later than the start.
            let fails = run.start + Self.hookFailsAfter(c, pod: pod)
            return fails > run.start && (now.seconds < fails || (now.seconds == fails && due)) ? fails : run.end
        }
        if let started = st["state"]["running"]["startedAt"].string.flatMap(Timestamp.init(rfc3339:)) {
            return started.adding(seconds: max(1, fate.seconds)).seconds
        }
        if let exited = exitShown(c, st, pod: pod) {
            return exited + (Self.exitBackoff(st) == 0 ? 1 : Self.syncRetrySeconds)
        }
        if st["state"]["waiting"]["reason"].string == "CrashLoopBackOff",
            let finished = st["lastState"]["terminated"]["finishedAt"].string.flatMap(Timestamp.init(rfc3339:))
        {
            let backoff = Self.exitBackoff(st), exited = finished.seconds
            let after = now.seconds - (due ? 1 : 0)
            let retry = after < exited ? exited : exited + ((after - exited) / Self.syncRetrySeconds + 1) * Self.syncRetrySeconds
            return retry < exited + backoff ? retry : exited + backoff + 1
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
        if let due = nextPodMoment(pod) { try Timers.set(s.tx, id: id, due: due) } else { try Timers.cancel(s.tx, id: id) }
    }

    /// When the pod's containers next move (exits, restarts, back-off retries, probes), or nil; without
    /// the app or current init container `skipping`'s own transitions when given.
    func nextPodMoment(_ pod: JSONValue, skipping: String? = nil) -> Int64? {
        let statuses = byName(pod["status"]["containerStatuses"])
        var due: Int64?
        if pod["metadata"]["deletionTimestamp"].isNull, !isTerminated(pod) {
            due = skipping != nil && currentInit(pod)?.1["name"].string == skipping ? nil : nextInitTransition(pod)
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
                guard c["name"].string != skipping, let t = nextTransition(c, st, pod: pod) else { continue }
                due = min(due ?? t, t)
                // Each failed liveness probe is reported at its time, the kill when it is decided.
                if let k = livenessFailures(c, st, pod: pod).first(where: { $0 > now.seconds }) { due = min(due ?? k, k) }
            }
        }
        return due
    }

    /// A container in its back-off whose retry just fell due, with real time further on: the retries up to
    /// real now (or to the second before anything else in the pod moves, or the last before its restart)
    /// are reported at once, each through the spam filter at its time (`replayEvents`), so the `BackOff`
    /// event is what retries recorded one by one would have made it. Returns the last one's time.
    func batchBackoffRetries(_ st: JSONValue, _ c: JSONValue, pod: JSONValue, host: String) -> Int64? {
        guard wallNow.seconds > now.seconds, st["state"]["waiting"]["reason"].string == "CrashLoopBackOff",
              let exited = st["lastState"]["terminated"]["finishedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds
        else { return nil }
        let limit = min(wallNow.seconds, (nextPodMoment(pod, skipping: c["name"].string) ?? Int64.max) - 1)
        guard let r = Self.backoffRetries(exited: exited, backoff: Self.exitBackoff(st), after: now.seconds, through: limit)
        else { return nil }
        var plan = OccurrencePlan()
        plan.add(every: Self.syncRetrySeconds, from: r.first, through: r.last, 0)
        queueReplay(ReplayPart(pod: pod, kinds: Array(crashEvents(c, pod: pod).prefix(1)), plan: plan, fieldPath: Self.fieldPath(of: c, pod: pod),
                               host: host, after: now.seconds))
        return r.last
    }

    /// The pod's timer fell due: every container whose transition is due moves on. The events its
    /// containers' catch-ups counted are replayed together (`collectingReplays`).
    func containerTransitionsDue(namespace ns: String, name: String) throws {
        try collectingReplays { try containersMove(namespace: ns, name: name) }
    }

    private func containersMove(namespace ns: String, name: String) throws {
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
            guard let c = specs[statuses[i]["name"].string ?? ""], let t = nextTransition(c, statuses[i], pod: pod, due: true),
                t <= now.seconds else { continue }
            moved.insert(i)
            let before = statuses[i]["restartCount"].int ?? 0
            statuses[i] = transition(c, statuses[i], pod: pod, policy: policy, host: node)
            budget = budget.map { $0 - ((statuses[i]["restartCount"].int ?? 0) - before) }
            if budget.map({ $0 <= 0 }) == true { continue }
            let caught = statuses[i]["restartCount"].int ?? 0
            if let last = catchUp(&statuses[i], c, pod: pod, policy: policy, host: node, budget: budget) {
                caughtUp = max(caughtUp ?? last, last)
            } else if let last = batchBackoffRetries(statuses[i], c, pod: pod, host: node) {
                caughtUp = max(caughtUp ?? last, last)
            }
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
    /// computed (restart count, current start or back-off, the last termination) and its events
    /// (`Pulled`/`Created`/`Started` per restart, `BackOff` per retry) go through the recorder's spam
    /// filter each at its time, in memory (`replayEvents`), then each is written once as that replay
    /// left it, whatever the idle time. Returns the time of the last transition it passed.
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
        // An exit waiting for its restart: shown until the next sync, then restarted (the first time)
        // or backing off.
        var exitedAt: Int64?
        if running == nil {
            if let shown = exitShown(c, st, pod: pod) {
                exitedAt = shown
            } else if st["state"]["waiting"]["reason"].string == "CrashLoopBackOff" {
                exitedAt = st["lastState"]["terminated"]["finishedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds
            }
        }
        // A restart held in its postStart hook since before: that run began at the restart.
        if running == nil, let run = heldRun(c, st, pod: pod), now.seconds >= run.start {
            running = run.start
            exitedAt = nil
            rc += 1
        }
        guard running != nil || exitedAt != nil else { return nil }
        // The back-off of each exit: every run is as long, so either each exit restarts at once (runs of
        // 10 minutes or more) or the back-off doubles from the second exit on.
        func backoff(_ restarts: Int64) -> Int64 { Self.exitBackoff(restarts: restarts, run: life) }
        let resets = Self.exitBackoff(restarts: 1, run: life) == 0
        let step = Self.syncRetrySeconds
        var restarts = CatchUpCount(), retries = CatchUpCount()
        // Their events, one by one (`crashEvents`' indexes: BackOff, then a restart's, then the
        // run's own: its hook's failure, its probe's kill).
        var plan = OccurrencePlan()
        let crash = crashEvents(c, pod: pod)
        let own = runEvents(c, pod: pod, base: crash.count)
        var moved = now.seconds
        // A run's own events, once each: the hook's as far as T, a kill's when the run ended by T.
        var lastRunAdded: Int64?
        func addRun(_ begin: Int64) {
            guard !own.isEmpty, lastRunAdded != begin else { return }
            lastRunAdded = begin
            for o in own.occurrences(from: begin, through: T, ended: begin + life <= T) {
                plan.add(o.at, o.event)
                if o.at > now.seconds { moved = max(moved, o.at) }
            }
        }
        var lastRun: (start: Int64, end: Int64)?, runBefore: (start: Int64, end: Int64)?
        func ended(_ run: (start: Int64, end: Int64)) {
            runBefore = lastRun
            lastRun = run
            moved = max(moved, run.end)
        }
        while true {
            if let start = running {
                var begin = start
                if rc >= 6 || resets {
                    let steady = backoff(max(rc, 1))
                    // The same cycle from here on: the run, its back-off's retries, the restart.
                    let cycle = life + steady + 1
                    let n = min(max(0, (T - start) / cycle - 1), budget.map { max(0, $0 - restarts.count) } ?? Int64.max)
                    if n > 0 {
                        let perExit = steady / step
                        if perExit > 0 {
                            retries.add(n * perExit, first: start + life, last: start + life + (n - 1) * cycle + (perExit - 1) * step)
                        }
                        plan.cycle = (own.merged + (0..<perExit).map { (life + $0 * step, 0) } + (1..<crash.count).map { (cycle, $0) },
                                      start, cycle, n)
                        restarts.add(n, first: start + cycle, last: start + n * cycle)
                        if n > 1 { ended((start + (n - 2) * cycle, start + (n - 2) * cycle + life)) }
                        ended((start + (n - 1) * cycle, start + (n - 1) * cycle + life))
                        begin = start + n * cycle
                        rc += n
                    }
                    if let budget, restarts.count >= budget { running = begin; addRun(begin); break }
                }
                addRun(begin)
                let end = begin + life
                guard end <= T else { running = begin; break }
                ended((begin, end))
                running = nil
                exitedAt = end
            }
            guard let exited = exitedAt else { break }
            let wait = backoff(rc)
            // The retries of this back-off not reported yet (the transition before this catch-up reported `now`'s).
            if wait > 0, let r = Self.backoffRetries(exited: exited, backoff: wait, after: now.seconds, through: T) {
                retries.add(r.count, first: r.first, last: r.last)
                plan.add(every: step, from: r.first, through: r.last, 0)
                moved = max(moved, r.last)
            }
            let restartAt = exited + wait + 1
            guard restartAt <= T else {
                // Still shown as it exited until the next sync; the pod worker's retry shows the back-off.
                if wait > 0, T >= exited + step { moved = max(moved, exited + step) }
                break
            }
            restarts.add(1, first: restartAt, last: restartAt)
            for e in 1..<crash.count { plan.add(restartAt, e) }
            moved = max(moved, restartAt)
            rc += 1
            running = restartAt
            exitedAt = nil
            if let budget, restarts.count >= budget { addRun(restartAt); break }
        }
        if restarts.count > 0 { moved = max(moved, restarts.last) }
        if retries.count > 0 { moved = max(moved, retries.last) }
        guard restarts.count > 0 || retries.count > 0 || lastRun != nil || moved > now.seconds else { return nil }
        // A run begun here whose start sync is still in its postStart hook: the status is the one before.
        var held = false
        if let start = running, restarts.count > 0, let hook = Self.postStartSeconds(c, pod: pod), T < start + hook {
            held = true
            rc -= 1
            if let last = lastRun {
                running = nil
                exitedAt = last.end
            }
        }
        // Held in the run's first restart here: the exit shown before stays (only events were added).
        let unchanged = held && lastRun == nil
        // A termination still shown is the last state once anything moved on.
        if !unchanged, !st["state"]["terminated"].isNull { st["lastState"] = st["state"] }
        let name = c["name"].string ?? ""
        func termination(_ run: (start: Int64, end: Int64), id: JSONValue) -> JSONValue {
            ["terminated": ["containerID": id, "exitCode": .int(fate.exitCode),
                            "finishedAt": .string(Timestamp(seconds: run.end).rfc3339),
                            "reason": .string(fate.exitCode == 0 ? "Completed" : "Error"),
                            "startedAt": .string(Timestamp(seconds: run.start).rfc3339)]]
        }
        let previousID = st["containerID"]
        if restarts.count > 0, !unchanged { st["containerID"] = .string("containerd://" + randomHex64()) }
        st["restartCount"] = .int(rc)
        if unchanged {
        } else if let start = running {
            if let lastRun { st["lastState"] = termination(lastRun, id: previousID) }
            st["ready"] = .bool(!isInit || sidecar)
            st["started"] = true
            st["state"] = ["running": ["startedAt": .string(Timestamp(seconds: start).rfc3339)]]
        } else if let exited = exitedAt, T < exited + (backoff(rc) == 0 ? 1 : step) || (held && backoff(rc) == 0), let lastRun {
            // The last exit is still shown (the kubelet's next sync has not come).
            let before = runBefore.map { termination($0, id: previousID) } ?? st["lastState"]
            st = Self.exitedStatus(st, c, pod: pod, terminated: termination(lastRun, id: st["containerID"]), previous: before)
        } else if exitedAt != nil {
            if let lastRun { st["lastState"] = termination(lastRun, id: previousID) }
            st["ready"] = false
            st["started"] = false
            let backoff = GoDuration(seconds: backoff(rc))
            st["state"] = ["waiting": ["message": .string("back-off \(backoff) restarting failed container=\(name) pod=\(Self.podFormat(pod))"),
                                       "reason": "CrashLoopBackOff"]]
        }
        queueReplay(ReplayPart(pod: pod, kinds: crash + own.kinds, plan: plan, fieldPath: Self.fieldPath(name, isInit: isInit),
                               host: host, after: now.seconds))
        return moved
    }

    struct CatchUpCount {
        var count: Int64 = 0, first: Int64 = 0, last: Int64 = 0
        mutating func add(_ n: Int64, first f: Int64, last l: Int64) {
            if count == 0 { first = f }
            count += n
            last = l
        }
    }

    /// The kubelet events of a crash loop a catch-up counts: `BackOff` (index 0), then a restart's, in
    /// order: its image's (`pullEvents`), `Created`, `Started`.
    func crashEvents(_ c: JSONValue, pod: JSONValue) -> [CountedEvent] {
        let name = c["name"].string ?? ""
        return [CountedEvent(type: "Warning", reason: "BackOff", message: "Back-off restarting failed container \(name) in pod \(Self.podFormat(pod))")]
            + pullEvents(c, pod: pod) + startEvents(c)
    }

    /// A container's `Created` and `Started`.
    func startEvents(_ c: JSONValue) -> [CountedEvent] {
        let name = c["name"].string ?? ""
        return [CountedEvent(reason: "Created", message: "Created container: \(name)"), CountedEvent(reason: "Started", message: "Started container \(name)")]
    }

    /// The image's events at each start of the container (the kubelet makes sure of the image every
    /// time it starts one): under `imagePullPolicy: Always` a pull (`Pulling`, then `Pulled` with the
    /// pull's time (`pullTime`) and the image's size, the same at every restart of the container here),
    /// else the image already on the node. `full`: the image's normalized name when the caller has it.
    func pullEvents(_ c: JSONValue, pod: JSONValue, full: String? = nil) -> [CountedEvent] {
        let image = c["image"].string ?? ""
        guard (c["imagePullPolicy"].string ?? "IfNotPresent") == "Always" else {
            return [CountedEvent(reason: "Pulled", message: "Container image \(strconvQuote(image)) already present on machine")]
        }
        let name: String
        if let full { name = full } else {
            let normalized = normalizedImages[image] ?? normalizeImage(image)
            normalizedImages[image] = normalized
            name = (try? normalized.get()) ?? image
        }
        let size = 50_000_000 + Int(fnv32a(name) % 100_000_000)
        let time = Self.pullTime(name: name, size: size, pod: pod, container: c["name"].string ?? "")
        return [CountedEvent(reason: "Pulling", message: "Pulling image \(strconvQuote(image))"),
                CountedEvent(reason: "Pulled", message: "Successfully pulled image \(strconvQuote(image)) in \(time.pull) (\(time.total) including waiting). Image size: \(size) bytes.")]
    }

    /// How long a pull of image `name` (`size` bytes) takes, as the kubelet reports it (Go durations,
    /// truncated to the millisecond): the pull, then the pull with its wait in the serial puller's
    /// queue (up to 24 ms more). Between 466 ms and 999 ms, longer for a larger image and different for
    /// each pod and container (a hash of the pod's namespace, name and creation time, the container and
    /// the image), so two pods' pulls read as two pulls. Under a second, as the container is created
    /// within the second its pull began.
    static func pullTime(name: String, size: Int, pod: JSONValue, container: String) -> (pull: GoDuration, total: GoDuration) {
        let meta = pod["metadata"]
        let h = fnv32a([meta["namespace"].string ?? "", meta["name"].string ?? "", meta["creationTimestamp"].string ?? "", container, name]
            .joined(separator: "/"))
        let ms = 300 + Int64(size) / 300_000 + Int64(h % 200)
        let wait = Int64((h >> 8) % 25)
        return (GoDuration(nanoseconds: ms * GoDuration.millisecond), GoDuration(nanoseconds: (ms + wait) * GoDuration.millisecond))
    }

    /// One container's move: a running one exits (and restarts at once the first time, or waits), a
    /// waiting one restarts.
    func transition(_ c: JSONValue, _ st: JSONValue, pod: JSONValue, policy: String, host: String, isInit: Bool = false) -> JSONValue {
        let name = c["name"].string ?? ""
        let fieldPath = Self.fieldPath(name, isInit: isInit)
        var out = st
        if let run = heldRun(c, st, pod: pod), now.seconds >= run.start {
            // The restart's sync runs the postStart hook: its events now, the status as it was until
            // the sync returns; then the run shows (its hook succeeded) or its end (the hook's kill).
            guard now.seconds >= run.end else {
                if now.seconds == run.start { restartEvents(c, pod: pod, host: host, fieldPath: fieldPath) }
                let fails = run.start + Self.hookFailsAfter(c, pod: pod)
                if fails > run.start, now.seconds == fails { postStartFailed(c, pod: pod, host: host) }
                return st
            }
            let saved = clockOverride
            setClock(Timestamp(seconds: run.start))
            if !st["state"]["terminated"].isNull { out["lastState"] = st["state"] }
            out = restartedStatus(c, out, pod: pod, fieldPath: fieldPath)
            setClock(saved)
            return Self.hookEnd(c, pod: pod) == nil ? out : transition(c, out, pod: pod, policy: policy, host: host, isInit: isInit)
        }
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
            // The sync that sees the exit reports it; a container restarted before (and not for 10
            // minutes) is in its back-off already.
            out = Self.exitedStatus(out, c, pod: pod, terminated: terminated, previous: st["lastState"])
            if Self.exitBackoff(out) > 0 { backOffEvent(c, pod: pod, host: host, fieldPath: fieldPath) }
            return out
        }
        if let exited = exitShown(c, st, pod: pod) {
            // The next sync: restarted at once the first time, else the pod worker's retry shows the back-off.
            if !st["state"]["terminated"].isNull { out["lastState"] = st["state"] }
            let backoff = Self.exitBackoff(st)
            if backoff == 0 { return restarted(c, out, pod: pod, host: host, fieldPath: fieldPath) }
            out["state"] = ["waiting": ["message": .string("back-off \(GoDuration(seconds: backoff)) restarting failed container=\(name) pod=\(Self.podFormat(pod))"),
                                        "reason": "CrashLoopBackOff"]]
            if now.seconds < exited + backoff { backOffEvent(c, pod: pod, host: host, fieldPath: fieldPath) }
            return out
        }
        if st["state"]["waiting"]["reason"].string == "CrashLoopBackOff",
           let exited = st["lastState"]["terminated"]["finishedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds,
           now.seconds <= exited + Self.exitBackoff(st) {
            // A retry within the back-off (the one at its end decides the restart, shown a second later).
            if now.seconds < exited + Self.exitBackoff(st) { backOffEvent(c, pod: pod, host: host, fieldPath: fieldPath) }
            return out
        }
        return restarted(c, out, pod: pod, host: host, fieldPath: fieldPath)
    }

    /// The kubelet's `BackOff` event: a sync found the container in its back-off.
    func backOffEvent(_ c: JSONValue, pod: JSONValue, host: String, fieldPath: String, repeats: Int64 = 1, first: Timestamp? = nil) {
        event(pod, type: "Warning", reason: "BackOff",
              message: "Back-off restarting failed container \(c["name"].string ?? "") in pod \(Self.podFormat(pod))",
              component: "kubelet", host: host, fieldPath: fieldPath, repeats: repeats, first: first)
    }

    private func restarted(_ c: JSONValue, _ st: JSONValue, pod: JSONValue, host: String, fieldPath: String) -> JSONValue {
        let out = restartedStatus(c, st, pod: pod, fieldPath: fieldPath)
        restartEvents(c, pod: pod, host: host, fieldPath: fieldPath)
        if !fieldPath.hasPrefix("spec.initContainers") {
            probeEvents(c, out, pod: pod, host: host, from: now.seconds, through: now.seconds)
        }
        return out
    }

    /// The status of a container restarted now.
    private func restartedStatus(_ c: JSONValue, _ st: JSONValue, pod: JSONValue, fieldPath: String) -> JSONValue {
        var out = st
        out["restartCount"] = .int((st["restartCount"].int ?? 0) + 1)
        out["containerID"] = .string("containerd://" + randomHex64())
        // A running (regular) init container is started but not ready until it succeeds.
        out["ready"] = .bool(!fieldPath.hasPrefix("spec.initContainers") || PodSpecs.isSidecar(c))
        out["started"] = true
        out["state"] = ["running": ["startedAt": .string(now.rfc3339)]]
        if !fieldPath.hasPrefix("spec.initContainers") { applyProbes(&out, c, pod: pod) }
        return out
    }

    /// The kubelet's events of a restart (the image, the container, its postStart hook failing).
    private func restartEvents(_ c: JSONValue, pod: JSONValue, host: String, fieldPath: String) {
        for e in pullEvents(c, pod: pod) + startEvents(c) {
            event(pod, type: e.type, reason: e.reason, message: e.message, component: "kubelet", host: host, fieldPath: fieldPath)
        }
        if !fieldPath.hasPrefix("spec.initContainers"), Self.hookFailsAfter(c, pod: pod) == 0 { postStartFailed(c, pod: pod, host: host) }
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
