import KubeModel
import KubeTestSupport

/// What the kubelet suites (probes, init containers, postStart hooks) look at, and their pod manifests.
extension TestStore {
    /// `get pods --no-headers` (and more arguments) with the clock at `time`.
    func pods(at time: String, _ more: String = "") -> String {
        setNow(time)
        return run("get pods --no-headers" + more).stdout
    }

    /// The events of one reason, `count|first|last|fieldPath|message` each.
    func events(_ reason: String) -> String {
        run("get events --field-selector reason=\(reason) -o 'jsonpath={range .items[*]}{.count}|{.firstTimestamp}|{.lastTimestamp}|{.involvedObject.fieldPath}|{.message}{end}'").stdout
    }

    /// A pod manifest `NAME.yaml` with `spec` (YAML lines, unindented) under `spec:`; returns its path.
    func podFile(_ name: String, _ spec: String) -> String {
        let body = spec.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        return writeFile("\(name).yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: \(name)}\nspec:\n\(body)\n")
    }

    /// Opens the store (`get pods`) every `step` seconds after `start`, from `start + from` (`start + step`
    /// when 0) up to before `start + seconds`, then sets the clock at `start + seconds`; only the last
    /// when `step` is 0.
    func open(every step: Int64, from: Int64 = 0, until seconds: Int64, after start: Timestamp) {
        if step > 0 {
            var t = from == 0 ? step : from
            while t < seconds {
                setNow(start.adding(seconds: t).rfc3339)
                run("get pods")
                t += step
            }
        }
        setNow(start.adding(seconds: seconds).rfc3339)
    }

    /// What a user sees of pod `name` and its kubelet's events: the table, the events (count, first and
    /// last time, sorted), the containers' restarts and states, describe's events; the pod's uid as UID.
    func kubeletView(pod name: String) -> String {
        let uid = run("get pod \(name) -o jsonpath={.metadata.uid}").stdout
        let events = run(args: ["get", "events", "--field-selector", "source=kubelet", "-o",
            "jsonpath={range .items[*]}{.reason}/{.count}/{.firstTimestamp}/{.lastTimestamp}/{.involvedObject.fieldPath}/{.message}{\"\\n\"}{end}"]).stdout
        let states = run(args: ["get", "pod", name, "-o", "jsonpath={range .status.containerStatuses[*]}{.restartCount} "
            + "{.lastState.terminated.startedAt}-{.lastState.terminated.finishedAt} {.state.*.reason}{\"\\n\"}{end}"]).stdout
        let describe = run("describe pod \(name)").stdout
        let shown = describe[(describe.firstRange(of: "Events:")?.lowerBound ?? describe.endIndex)...]
        let text = run("get pods --no-headers").stdout + events.split(separator: "\n").sorted().joined(separator: "\n")
            + "\n" + states + "\n" + shown
        return text.replacing(uid, with: "UID")
    }
}
