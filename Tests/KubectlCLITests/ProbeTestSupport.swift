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
}
