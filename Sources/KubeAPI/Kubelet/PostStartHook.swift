import KubeModel

/// A `postStart` exec hook whose command fails (its fate is known: `exit 1`, `false`, `sh -c "...; exit
/// 2"`), as the kubelet handles it: `FailedPostStartHook` with the hook runner's message, `Killing`
/// (`FailedPostStartHook`), the process stopping as on any stop (a shell: the grace period, exit 137),
/// then a restart under the pod's restart policy with the crash back-off. Both events are reported as
/// the container starts; every run repeats it, so it is part of the container's fate. Other hooks
/// (httpGet, sleep, commands that succeed or cannot be told) succeed.
struct PostStartFailure: Equatable {
    var command: [String]
    var exitCode: Int64
    var output: String
    /// Seconds after the start: the hook's run, then the stop.
    var at: Int64
    var stop: Int64
    var containerExitCode: Int64
}

extension ContainerFate {
    static func postStartFailure(_ c: JSONValue, pod: JSONValue) -> PostStartFailure? {
        guard let command = c["lifecycle"]["postStart"]["exec"]["command"].array?.compactMap(\.string), !command.isEmpty,
              let text = scriptText(["command": .array(command.map { .string($0) })]), let fate = script(text), fate.exitCode != 0
        else { return nil }
        // What the hook printed before it failed (its `echo`s), as the runner reports it.
        var output = ""
        for st in statements(text) {
            if st[0] == "exit" { break }
            if st[0] == "echo" { output += st.dropFirst().joined(separator: " ") + "\n" }
        }
        let grace = pod["spec"]["terminationGracePeriodSeconds"].int ?? 30
        let handles = stopsOnSIGTERM(c)
        let stop = handles ? min(grace, preStopSeconds(c) + 1) : grace
        return PostStartFailure(command: command, exitCode: fate.exitCode, output: output, at: fate.seconds, stop: max(0, stop),
                                containerExitCode: handles ? 0 : 137)
    }
}

extension ControllerManager {
    /// The kubelet's events when the container's postStart hook fails (at its start).
    func postStartFailed(_ c: JSONValue, pod: JSONValue, host: String, repeats: Int64 = 1, first: Timestamp? = nil) {
        guard let f = ContainerFate.postStartFailure(c, pod: pod) else { return }
        let name = c["name"].string ?? "", fieldPath = "spec.containers{\(name)}"
        let words = f.command.joined(separator: " ")
        let message = "Exec lifecycle hook ([\(words)]) for Container \(strconvQuote(name)) in Pod \(strconvQuote(Self.podFormat(pod))) failed - error: command '\(words)' exited with \(f.exitCode): , message: \(strconvQuote(f.output))"
        event(pod, type: "Warning", reason: "FailedPostStartHook", message: message, component: "kubelet", host: host,
              fieldPath: fieldPath, repeats: repeats, first: first)
        event(pod, reason: "Killing", message: "FailedPostStartHook", component: "kubelet", host: host, fieldPath: fieldPath,
              repeats: repeats, first: first)
    }
}
