import KubeModel

/// A `postStart` exec hook whose command fails (its fate is known: `exit 1`, `false`, `sh -c "...; exit
/// 2"`), as the kubelet handles it: `FailedPostStartHook` (`PostStartHook failed`), `Killing`
/// (`FailedPostStartHook`), the process stopping as on any stop (a shell: the grace period, exit 137),
/// the container then `PostStartHookError` with the hook runner's message until the kubelet's next
/// sync, and a restart under the pod's restart policy with the crash back-off. Both events are reported as
/// the container starts; every run repeats it, so it is part of the container's fate. An httpGet hook
/// fails by the network probes' rule (`Probes.swift`: a container that serves nothing refuses it).
/// Other hooks (sleep, commands that succeed or cannot be told) succeed.
struct PostStartFailure: Equatable {
    /// The hook runner's message (handlers.go), in the container's `PostStartHookError` state.
    var message: String
    /// Seconds after the start: the hook's run, then the stop.
    var at: Int64
    var stop: Int64
    var containerExitCode: Int64
}

extension ContainerFate {
    static func postStartFailure(_ c: JSONValue, pod: JSONValue) -> PostStartFailure? {
        guard let failure = hookFailure(c["lifecycle"]["postStart"], c, pod: pod) else { return nil }
        let grace = pod["spec"]["terminationGracePeriodSeconds"].int ?? 30
        let handles = stopsOnSIGTERM(c)
        let stop = handles ? min(grace, preStopSeconds(c) + 1) : grace
        return PostStartFailure(message: failure.message, at: failure.at, stop: max(0, stop), containerExitCode: handles ? 0 : 137)
    }

    /// A lifecycle hook of `c` (its postStart or preStop) that fails: the hook runner's message and the
    /// seconds its run takes before it fails. An exec hook fails when its command's known fate is a
    /// non-zero exit; an httpGet hook by the network probes' rule. nil when it succeeds (a sleep action,
    /// a command that succeeds or cannot be told).
    static func hookFailure(_ hook: JSONValue, _ c: JSONValue, pod: JSONValue) -> (message: String, at: Int64)? {
        // Most containers have no hook: nothing to quote for them (called several times per container).
        guard case .object = hook else { return nil }
        let name = strconvQuote(c["name"].string ?? ""), podText = strconvQuote(ControllerManager.podFormat(pod))
        let message: String, at: Int64
        if let command = hook["exec"]["command"].array?.compactMap(\.string), !command.isEmpty {
            guard let text = scriptText(["command": .array(command.map { .string($0) })]), let fate = script(text), fate.exitCode != 0
            else { return nil }
            // What the hook printed before it failed (its `echo`s), as the runner reports it.
            var output = ""
            for st in statements(text) {
                if st[0] == "exit" { break }
                if st[0] == "echo" { output += st.dropFirst().joined(separator: " ") + "\n" }
            }
            let words = command.joined(separator: " ")
            message = "Exec lifecycle hook ([\(words)]) for Container \(name) in Pod \(podText) failed - error: command '\(words)' exited with \(fate.exitCode): , message: \(strconvQuote(output))"
            at = fate.seconds
        } else if !hook["httpGet"].isNull {
            // An httpGet hook follows the network probes' rule: a container that serves nothing refuses
            // it; a port named but not declared fails the port lookup.
            let error: String
            switch probeBehaviour(["httpGet": hook["httpGet"]], c, pod: pod)?.initial {
            case .failure(let o)?: error = o
            case .errored(let e)?: error = e
            default: return nil
            }
            message = "HTTP lifecycle hook (\(hook["httpGet"]["path"].string ?? "")) for Container \(name) in Pod \(podText) failed - error: \(error)"
            at = 0
        } else {
            return nil
        }
        return (message, at)
    }
}

extension ControllerManager {
    /// The kubelet's events when the container's postStart hook fails (a catch-up replays them with the
    /// crash loop's: `runEvents`).
    func postStartFailed(_ c: JSONValue, pod: JSONValue, host: String) {
        guard ContainerFate.postStartFailure(c, pod: pod) != nil else { return }
        let fieldPath = Self.fieldPath(of: c, pod: pod)
        // Since v1.26 the event does not carry the runner's message (it may hold secrets); the
        // container's `PostStartHookError` state does.
        event(pod, type: "Warning", reason: "FailedPostStartHook", message: "PostStartHook failed", component: "kubelet", host: host,
              fieldPath: fieldPath)
        event(pod, reason: "Killing", message: "FailedPostStartHook", component: "kubelet", host: host, fieldPath: fieldPath)
    }
}

extension ControllerManager {
    /// Seconds an app container's start sync stays in its postStart hook, when that is more than none:
    /// a hook that fails, until the kill has stopped the process (the whole run); one that succeeds, for
    /// as long as its command is known to take (`sleep 5`, `sh -c "...; sleep 5"`, the `sleep` action).
    /// The kubelet writes a pod's status at the start of each sync, and the sync that starts a container
    /// runs its hook (and, when it fails, the kill) before it returns, so meanwhile the status shows what
    /// it showed before that start: `ContainerCreating` for the first run, else the last exit
    /// (`PostStartHookError`, `CrashLoopBackOff`) with the restart count it had. What the hook's command
    /// does is read from the command alone (nothing is run): a command whose fate cannot be told
    /// (a program, a loop) is taken to succeed at once, as an httpGet hook to a container that serves.
    /// Regular init containers have no hooks; a sidecar's holds the sync as an app container's does.
    static func postStartSeconds(_ c: JSONValue, pod: JSONValue) -> Int64? {
        let name = c["name"]
        guard !(pod["spec"]["initContainers"].array ?? []).contains(where: { $0["name"] == name && !PodSpecs.isSidecar($0) })
        else { return nil }
        if let hook = hookEnd(c, pod: pod) { return max(1, hook.at + hook.stop) }
        guard ContainerFate.postStartFailure(c, pod: pod) == nil else { return nil }
        let hook = c["lifecycle"]["postStart"]
        var seconds: Int64 = 0
        if let s = hook["sleep"]["seconds"].int {
            seconds = s
        } else if let command = hook["exec"]["command"].array?.compactMap(\.string), !command.isEmpty,
                  let fate = ContainerFate.of(["command": .array(command.map { .string($0) })]) {
            seconds = fate.seconds
        }
        guard seconds > 0 else { return nil }
        // A container whose own command ends first is not held (its hook's exec would fail then).
        if let own = ContainerFate.effective(c, pod: pod), own.seconds <= seconds { return nil }
        return seconds
    }

    /// Seconds after a held run's start its failing hook is reported (`FailedPostStartHook`, `Killing`):
    /// the hook's own time (`sleep 5; exit 15`: 5 s); 0 when it fails at once or the run is not held.
    static func hookFailsAfter(_ c: JSONValue, pod: JSONValue) -> Int64 { hookEnd(c, pod: pod)?.at ?? 0 }

    /// The restart a container's shown exit waits for, when its postStart hook holds that run's start
    /// sync: the restart's time and when the sync returns. Restarted at once (the first exit, or after
    /// a long run), a second after the exit; else at the end of its back-off (and a second).
    func heldRun(_ c: JSONValue, _ st: JSONValue, pod: JSONValue) -> (start: Int64, end: Int64)? {
        guard let held = Self.postStartSeconds(c, pod: pod), st["state"]["running"].isNull else { return nil }
        let start: Int64
        if let exited = exitShown(c, st, pod: pod) {
            guard Self.exitBackoff(st) == 0 else { return nil }
            start = exited + 1
        } else if st["state"]["waiting"]["reason"].string == "CrashLoopBackOff",
                  let exited = st["lastState"]["terminated"]["finishedAt"].string.flatMap(Timestamp.init(rfc3339:))?.seconds {
            start = exited + Self.exitBackoff(st) + 1
        } else {
            return nil
        }
        return (start, start + held)
    }
}
