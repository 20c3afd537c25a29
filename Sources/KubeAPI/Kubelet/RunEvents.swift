import KubeModel

/// The kubelet events a container's run records by itself, for a catch-up to replay with the crash
/// loop's (`catchUp`): its failing postStart hook (`FailedPostStartHook`, then the kill
/// `Killing: FailedPostStartHook`, at the hook's time), and the probe that kills it (each failed
/// liveness probe's `Unhealthy`, or the startup probe's failed and errored ones, then `Killing` when the
/// kill is decided). Offsets are seconds from the run's start, in time order.
struct RunEvents {
    /// The events, after the crash loop's own (`crashEvents`): indexes in `hook` and `kill` count from `base`.
    var kinds: [ControllerManager.CountedEvent] = []
    /// The hook's failure: recorded whether or not the run has ended when the catch-up stops.
    var hook: [(offset: Int64, event: Int)] = []
    /// The probe's failures and its kill: recorded for runs that ended (a run still going reports its
    /// own at their times, through the pod's timer).
    var kill: [(offset: Int64, event: Int)] = []

    var isEmpty: Bool { hook.isEmpty && kill.isEmpty }

    /// The events of one run from `begin` for a catch-up's plan: the hook's up to `through`, the kill's
    /// when `ended`, in time order.
    func occurrences(from begin: Int64, through: Int64, ended: Bool) -> [(at: Int64, event: Int)] {
        let all = ended ? merged : hook
        return all.map { (begin + $0.offset, $0.event) }.filter { $0.0 <= through }
    }

    /// Every one of a run that ended, in time order (the hook's first within a second).
    var merged: [(offset: Int64, event: Int)] {
        (hook + kill).enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
    }
}

extension ControllerManager {
    /// The run events of `c` (see `RunEvents`), indexes from `base`.
    func runEvents(_ c: JSONValue, pod: JSONValue, base: Int) -> RunEvents {
        var out = RunEvents()
        let name = c["name"].string ?? ""
        func index(_ type: String, _ reason: String, _ message: String) -> Int {
            if let i = out.kinds.firstIndex(where: { $0.type == type && $0.reason == reason && $0.message == message }) { return base + i }
            out.kinds.append(CountedEvent(type: type, reason: reason, message: message))
            return base + out.kinds.count - 1
        }
        let fate = ContainerFate.effective(c, pod: pod)
        let isInit = (pod["spec"]["initContainers"].array ?? []).contains { $0["name"] == c["name"] }
        // An init container's start records no hook failure (`restartEvents`).
        if !isInit, let hook = Self.hookEnd(c, pod: pod) {
            // Since v1.26 the event does not carry the runner's message (`postStartFailed`).
            out.hook = [(hook.at, index("Warning", "FailedPostStartHook", "PostStartHook failed")),
                        (hook.at, index("Normal", "Killing", "FailedPostStartHook"))]
        }
        if let kill = ContainerFate.livenessKill(c, pod: pod), fate == ContainerFate(seconds: kill.at + kill.stop, exitCode: kill.exitCode) {
            let unhealthy = index("Warning", "Unhealthy", "Liveness probe failed: \(kill.output)")
            out.kill = kill.failures.map { ($0, unhealthy) }
                + [(kill.at, index("Normal", "Killing", "Container \(name) failed liveness probe, will be restarted"))]
        } else if let kill = ContainerFate.startupKill(c, pod: pod),
                  fate == ContainerFate(seconds: kill.at + kill.stop, exitCode: kill.exitCode),
                  let timeline = ContainerFate.startupTimeline(c, pod: pod) {
            let period = timeline.params.period
            for f in timeline.failing(from: 0, through: kill.at) {
                let message: String
                switch f.result {
                case .failure(let o): message = "Startup probe failed: \(o)"
                case .errored(let e): message = "Startup probe errored and resulted in unknown state: \(e)"
                case .success: continue
                }
                let i = index("Warning", "Unhealthy", message)
                var t = f.first
                while t <= f.last {
                    out.kill.append((t, i))
                    t += period
                }
            }
            out.kill.append((kill.at, index("Normal", "Killing", "Container \(name) failed startup probe, will be restarted")))
        }
        return out
    }
}
