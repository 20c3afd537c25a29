import KubeModel

/// Ephemeral containers (added by `kubectl debug` through `pods/ephemeralcontainers`): the kubelet
/// starts each new one in a running pod at once, beside the pod's containers, and reports it in
/// `status.ephemeralContainerStatuses` (never ready; never restarted).
extension ControllerManager {
    func startEphemeralContainers(_ p: inout JSONValue, node: JSONValue) throws {
        let specs = p["spec"]["ephemeralContainers"].array ?? []
        guard !specs.isEmpty, p["status"]["phase"].string == "Running" else { return }
        var statuses = p["status"]["ephemeralContainerStatuses"].array ?? []
        let known = Set(statuses.compactMap { $0["name"].string })
        let missing = specs.filter { !known.contains($0["name"].string ?? "") }
        guard !missing.isEmpty else { return }
        let ns = p["metadata"]["namespace"].string ?? "default"
        var ctx = ContainerContext(pod: p, node: node, namespace: ns, mode: .initial)
        // Pull failures of an ephemeral container are reported once; nothing retries them.
        var rec = KubeletRecord(uid: p["metadata"]["uid"].string ?? "")
        for c in missing {
            var st = try startContainer(c, previous: nil, isInit: false, ctx: &ctx, rec: &rec, ephemeral: true)
            st.remove(["started"])
            statuses.append(st)
        }
        p["status"]["ephemeralContainerStatuses"] = .array(statuses)
    }
}
