import KubeModel

/// Liveness probes, and what the kubelet does about them. What a probe finds follows the rule of
/// `ProbeBehaviour` (Probes.swift): a file check follows the container's own `touch`/`rm`, an http/tcp/
/// grpc probe of a container that serves nothing fails, one on an undeclared named port errors (never
/// kills). Probes run at the container's start (once started: after its startup probe's success) and
/// every `periodSeconds` after; those before `initialDelaySeconds` are skipped, as the kubelet's prober
/// worker does. `failureThreshold` failures in a row (default 3) kill the container: `Unhealthy` events
/// (`Liveness probe failed: <the probe's output>`), `Killing` (`Container NAME failed liveness probe,
/// will be restarted`); its process then stops as on any stop (a server within a second, exit 0; a shell
/// ignores SIGTERM and is killed when the grace period ends, exit 137), and the container restarts
/// under the pod's restart policy with the crash back-off. Every run of the container repeats the same
/// times, so the kill is part of the container's fate (`ContainerFate.effective`).
struct LivenessKill: Equatable {
    /// Seconds after the container's start: the failed probes, the last one deciding the kill.
    var failures: [Int64]
    /// Seconds from the kill decision until the process has stopped.
    var stop: Int64
    var exitCode: Int64
    /// The probe's output, in the `Unhealthy` event.
    var output: String
    var at: Int64 { failures.last ?? 0 }
}

extension ContainerFate {
    /// The container's fate with its probes: killed if its postStart hook fails, its startup probe fails
    /// `failureThreshold` times, or its liveness probe does, before the command ends.
    static func effective(_ c: JSONValue, pod: JSONValue) -> ContainerFate? {
        let own = of(c)
        if let hook = postStartFailure(c, pod: pod) {
            let end = hook.at + hook.stop
            if let own, own.seconds <= end { return own }
            return ContainerFate(seconds: end, exitCode: hook.containerExitCode)
        }
        if let kill = startupKill(c, pod: pod) {
            let end = kill.at + kill.stop
            if let own, own.seconds <= end { return own }
            return ContainerFate(seconds: end, exitCode: kill.exitCode)
        }
        guard let kill = livenessKill(c, pod: pod) else { return own }
        let end = kill.at + kill.stop
        if let own, own.seconds <= end { return own }
        return ContainerFate(seconds: end, exitCode: kill.exitCode)
    }

    /// Seconds from a kill decision until the process has stopped, and its exit code: a process that
    /// handles SIGTERM stops after its preStop hook (and a second), one that ignores it when the
    /// probe's (or pod's) grace period ends, with 137.
    static func killStop(_ c: JSONValue, probe: JSONValue, pod: JSONValue) -> (stop: Int64, exitCode: Int64) {
        let grace = probe["terminationGracePeriodSeconds"].int ?? pod["spec"]["terminationGracePeriodSeconds"].int ?? 30
        let handles = stopsOnSIGTERM(c)
        let stop = handles ? min(grace, preStopSeconds(c) + 1) : grace
        return (max(0, stop), handles ? 0 : 137)
    }

    /// When the startup probe kills the container (`failureThreshold` failures before a success).
    static func startupKill(_ c: JSONValue, pod: JSONValue) -> LivenessKill? {
        guard let timeline = startupTimeline(c, pod: pod), let decided = timeline.transitions.first, decided.state == .failure
        else { return nil }
        let failing = timeline.failing(from: 0, through: decided.at)
        var output = ""
        if case .failure(let o)? = failing.last?.result { output = o }
        let (stop, code) = killStop(c, probe: c["startupProbe"], pod: pod)
        return LivenessKill(failures: [decided.at], stop: stop, exitCode: code, output: output)
    }

    /// When and how the liveness probe kills the container (seconds after its start), or nil. It
    /// probes once the container has started (its startup probe succeeded).
    static func livenessKill(_ c: JSONValue, pod: JSONValue) -> LivenessKill? {
        let probe = c["livenessProbe"]
        guard !probe.isNull, let behaviour = probeBehaviour(probe, c, pod: pod) else { return nil }
        var from: Int64 = 0
        if let startup = startupTimeline(c, pod: pod) {
            guard let first = startup.transitions.first, first.state == .success else { return nil }
            from = first.at
        }
        let changes = behaviour.changes
        let period = max(1, probe["periodSeconds"].int ?? 10)
        let delay = max(from, max(0, probe["initialDelaySeconds"].int ?? 0))
        let threshold = max(1, probe["failureThreshold"].int ?? 3)
        let own = of(c)
        // After the last change the result stays as it is: look far enough past it.
        let horizon = (changes.last?.at ?? 0) + delay + period * (threshold + 1)
        var failures: [Int64] = []
        var run = 0
        var output = ""
        // Probes at multiples of the period, the first at or after the initial delay. While the probe
        // succeeds (or errors) nothing happens until the next change, so the walk jumps to the first
        // probe after it; each failing probe is an event, and more than `maxFailures` of them count as
        // no kill (a `failureThreshold` or a script so long that the kill lies beyond any simulated time).
        let maxFailures = 100_000
        var t: Int64 = (delay + period - 1) / period * period
        walk: while t <= horizon {
            if let own, t >= max(1, own.seconds) { return nil }
            switch behaviour.result(at: t) {
            case .failure(let o):
                output = o
                failures.append(t)
                run += 1
                if run == threshold { break walk }
                if failures.count >= maxFailures { return nil }
                t += period
                continue walk
            case .success:
                run = 0
            case .errored:
                break
            }
            guard let next = changes.first(where: { $0.at >= t }) else { return nil }
            t += (next.at - t) / period * period + period  // the first probe after the change
        }
        guard run == threshold else { return nil }
        let (stop, code) = killStop(c, probe: probe, pod: pod)
        return LivenessKill(failures: failures, stop: stop, exitCode: code, output: output)
    }

    /// The file an exec probe checks for (`cat F`, `test -f F`, `test -e F`, `[ -f F ]`), or nil.
    static func checkedFile(_ command: [String]) -> String? {
        let program = command.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? ""
        let text = ["sh", "bash", "ash", "dash"].contains(program) && command.count >= 3 && command[1] == "-c"
            ? command[2] : command.joined(separator: " ")
        let sts = statements(text)
        guard sts.count == 1 else { return nil }
        let st = sts[0]
        switch st[0] {
        case "cat" where st.count == 2 && !st[1].hasPrefix("-"): return st[1]
        case "test" where st.count == 3 && ["-f", "-e"].contains(st[1]): return st[2]
        case "[" where st.count == 4 && ["-f", "-e"].contains(st[1]) && st[3] == "]": return st[2]
        default: return nil
        }
    }

    /// When the script creates (`touch`) and removes (`rm`) the file, seconds after its start, up to
    /// the first statement whose time cannot be told.
    static func fileChanges(_ script: String, file: String) -> [(at: Int64, exists: Bool)] {
        var out: [(at: Int64, exists: Bool)] = []
        var t: Int64 = 0
        for st in statements(script) {
            switch st[0] {
            case "sleep":
                guard st.count == 2, let s = sleepSeconds(st[1]) else { return out }
                t += s
            case "touch" where st.dropFirst().contains(file): out.append((t, true))
            case "rm" where st.dropFirst().contains(file): out.append((t, false))
            case "echo", "true", ":", "date", "hostname", "env", "printenv", "cat", "ls", "pwd", "id", "whoami", "uname",
                 "touch", "rm", "mkdir":
                continue
            default:
                return out
            }
        }
        return out
    }
}

extension ControllerManager {
    /// The running container's failed liveness probes (absolute seconds) in this run, the last one
    /// deciding its kill; empty when the probe does not kill it.
    func livenessFailures(_ c: JSONValue, _ st: JSONValue, pod: JSONValue) -> [Int64] {
        guard let started = st["state"]["running"]["startedAt"].string.flatMap(Timestamp.init(rfc3339:)),
              let kill = ContainerFate.livenessKill(c, pod: pod),
              ContainerFate.effective(c, pod: pod) == ContainerFate(seconds: kill.at + kill.stop, exitCode: kill.exitCode)
        else { return [] }
        return kill.failures.map { started.seconds + $0 }
    }

    /// The kubelet's events of a failed liveness probe now (`Unhealthy`), and of the kill it decides
    /// (`Killing`). (A catch-up replays them with the crash loop's: `runEvents`.)
    func livenessProbeFailed(_ c: JSONValue, pod: JSONValue, host: String, kills: Bool) {
        guard let kill = ContainerFate.livenessKill(c, pod: pod) else { return }
        let name = c["name"].string ?? "", fieldPath = Self.fieldPath(of: c, pod: pod)
        event(pod, type: "Warning", reason: "Unhealthy", message: "Liveness probe failed: \(kill.output)", component: "kubelet",
              host: host, fieldPath: fieldPath)
        guard kills else { return }
        event(pod, reason: "Killing", message: "Container \(name) failed liveness probe, will be restarted", component: "kubelet",
              host: host, fieldPath: fieldPath)
    }
}
