import KubeModel

/// Startup and readiness probes as the kubelet reports them: a container with a startup probe is
/// `started: false` (and not ready) until the probe's first success, and the startup probe's
/// `failureThreshold` failures kill it (`Killing`: `Container NAME failed startup probe, will be
/// restarted`), as a liveness failure does; liveness and readiness probes run only once it has started.
/// A container with a readiness probe is not ready until `successThreshold` successes in a row, and not
/// ready again after `failureThreshold` failures (Ready/ContainersReady False, `ContainersNotReady`).
/// Every failed probe is an `Unhealthy` event (`Readiness probe failed: ...`, `Startup probe errored and
/// resulted in unknown state: ...`). All of it is read from the container's start and its spec
/// (`ContainerFate.probes`): the pod's one timer falls due at the next change or failed probe, and a
/// stretch of failed probes with nothing else changing is counted into one event write.
extension ControllerManager {
    static func hasStatusProbes(_ c: JSONValue) -> Bool {
        !c["startupProbe"].isNull || !c["readinessProbe"].isNull
    }

    /// Whether the container's startup and readiness probes decide its status. A mirror pod's (the
    /// control plane's static pods, up before the store was made) do not: it reports started and ready.
    static func statusProbed(_ c: JSONValue, pod: JSONValue) -> Bool {
        hasStatusProbes(c) && pod["metadata"]["annotations"]["kubernetes.io/config.mirror"].isNull
    }

    /// Sets a running container's `started` and `ready` from its startup and readiness probes now.
    func applyProbes(_ st: inout JSONValue, _ c: JSONValue, pod: JSONValue) {
        guard Self.statusProbed(c, pod: pod), let start = st["state"]["running"]["startedAt"].string.flatMap(Timestamp.init(rfc3339:))
        else { return }
        let probes = ContainerFate.probes(c, pod: pod)
        let t = now.seconds - start.seconds
        st["started"] = .bool(probes.started(at: t))
        st["ready"] = .bool(probes.ready(at: t))
    }

    /// The next moment (absolute seconds) the running container's startup or readiness probe changes
    /// its result or fails (an event), after now.
    func nextProbeMoment(_ c: JSONValue, _ st: JSONValue, pod: JSONValue, changesOnly: Bool = false) -> Int64? {
        guard Self.statusProbed(c, pod: pod), let start = st["state"]["running"]["startedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds
        else { return nil }
        let probes = ContainerFate.probes(c, pod: pod)
        let t = now.seconds - start
        var next: [Int64?] = [probes.startup?.nextTransition(after: t), probes.readiness?.nextTransition(after: t)]
        if !changesOnly { next += [probes.startup?.nextFailing(after: t), probes.readiness?.nextFailing(after: t)] }
        return next.compactMap { $0 }.min().map { start + $0 }
    }

    /// Records the running container's failed startup and readiness probes in [a, b] (absolute seconds)
    /// as the kubelet's `Unhealthy` events, and the startup kill when it falls there: one at its time,
    /// several (a batch up to real now) each through the spam filter at its time (`replayEvents`).
    func probeEvents(_ c: JSONValue, _ st: JSONValue, pod: JSONValue, host: String, from a: Int64, through b: Int64) {
        guard Self.statusProbed(c, pod: pod), let start = st["state"]["running"]["startedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds
        else { return }
        let probes = ContainerFate.probes(c, pod: pod)
        let name = c["name"].string ?? "", fieldPath = Self.fieldPath(of: c, pod: pod)
        let saved = clockOverride
        defer { setClock(saved) }
        var kinds: [CountedEvent] = []
        func index(_ reason: String, _ message: String, type: String = "Warning") -> Int {
            if let i = kinds.firstIndex(where: { $0.reason == reason && $0.message == message }) { return i }
            kinds.append(CountedEvent(type: type, reason: reason, message: message))
            return kinds.count - 1
        }
        // Stretches of one message, every `period` seconds (the startup probe's end before the readiness
        // probe's start: each in turn).
        var stretches: [(first: Int64, count: Int64, period: Int64, event: Int)] = []
        for (kind, timeline) in [("Startup", probes.startup), ("Readiness", probes.readiness)] {
            guard let timeline else { continue }
            for f in timeline.failing(from: a - start, through: b - start) {
                let message: String
                switch f.result {
                case .failure(let o): message = "\(kind) probe failed: \(o)"
                case .errored(let e): message = "\(kind) probe errored and resulted in unknown state: \(e)"
                case .success: continue
                }
                stretches.append((start + f.first, f.count, timeline.params.period, index("Unhealthy", message)))
            }
        }
        var kill: Int64?
        if let k = ContainerFate.startupKill(c, pod: pod), (a...b).contains(start + k.at) { kill = start + k.at }
        let killing = kill.map { _ in index("Killing", "Container \(name) failed startup probe, will be restarted", type: "Normal") }
        let total = stretches.reduce(0) { $0 + $1.count } + (kill == nil ? 0 : 1)
        guard total > 0 else { return }
        if total == 1 {
            // One at its time: recorded as it comes.
            let at = stretches.first?.first ?? kill ?? now.seconds, e = kinds[stretches.first?.event ?? killing ?? 0]
            setClock(Timestamp(seconds: at))
            event(pod, type: e.type, reason: e.reason, message: e.message, component: "kubelet", host: host, fieldPath: fieldPath)
            return
        }
        // Several: each through the kubelet's spam filter at its time (a long stretch as a cycle).
        stretches.sort { $0.first < $1.first }
        let ends = stretches.map { $0.first + ($0.count - 1) * $0.period }
        let disjoint = zip(ends, stretches.dropFirst()).allSatisfy { $0 < $1.first }
        let longest = disjoint ? stretches.indices.max { stretches[$0].count < stretches[$1].count } : nil
        var plan = OccurrencePlan()
        for (i, r) in stretches.enumerated() {
            if i == longest && r.count > 1 {
                plan.cycle = ([(0, r.event)], r.first, r.period, r.count)
                continue
            }
            plan.add(every: r.period, from: r.first, through: ends[i], r.event)
        }
        // The kill comes with the last failed probe (it ends the startup probe's failures).
        if let kill, let killing { plan.add(kill, killing) }
        queueReplay(ReplayPart(pod: pod, kinds: kinds, plan: plan, fieldPath: fieldPath, host: host, after: a - 1))
    }
}

extension ControllerManager {
    /// The pod's timer fell due: the running containers' failed startup and readiness probes are
    /// reported and their `started`/`ready` set. With `batch` (no container moved in this pass), the
    /// failed probes up to real now, or to the second before the pod's next change (a result change, an
    /// exit, a liveness probe), are reported at once and the pod is written as of then: a probe failing
    /// for a year costs one write.
    func probesDue(_ statuses: inout [JSONValue], specs: [String: JSONValue], moved: Set<Int>, pod: JSONValue, host: String,
                   batch: Bool, limit extra: Int64? = nil) {
        let probed = statuses.indices.filter { i in
            specs[statuses[i]["name"].string ?? ""].map { Self.statusProbed($0, pod: pod) } ?? false
        }
        guard !probed.isEmpty else { return }
        var end = now.seconds
        if batch && wallNow.seconds > now.seconds {
            var limit = min(wallNow.seconds, extra ?? Int64.max)
            for st in statuses {
                guard let c = specs[st["name"].string ?? ""] else { continue }
                if let t = nextTransition(c, st, pod: pod) { limit = min(limit, t - 1) }
                if let m = nextProbeMoment(c, st, pod: pod, changesOnly: true) { limit = min(limit, m - 1) }
                if let k = livenessFailures(c, st, pod: pod).first(where: { $0 > now.seconds }) { limit = min(limit, k - 1) }
            }
            end = max(now.seconds, limit)
        }
        for i in probed where !moved.contains(i) {
            guard let c = specs[statuses[i]["name"].string ?? ""], !statuses[i]["state"]["running"].isNull else { continue }
            probeEvents(c, statuses[i], pod: pod, host: host, from: now.seconds, through: end)
        }
        if end > now.seconds { setClock(Timestamp(seconds: end)) }
        for i in probed {
            if let c = specs[statuses[i]["name"].string ?? ""] { applyProbes(&statuses[i], c, pod: pod) }
        }
    }
}
