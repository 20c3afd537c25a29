import KubeModel

/// What `--keep-*` keeps of the original pod in a `--copy-to` copy.
struct DebugKeep {
    var labels, annotations, liveness, readiness, startup, initContainers: Bool
}

/// The three ways of debugging, which the profiles treat differently.
enum DebugStyle { case ephemeral, podCopy, node }

/// kubectl v1.32's debugging profiles (`--profile`), applied to the debugging pod as JSON: which
/// security context the debugging container gets, host namespaces, the host's root mount, and what a
/// copy drops of the original pod.
struct DebugProfile {
    var name: String
    var keep: DebugKeep

    func apply(_ pod: inout JSONValue, container: String, style: DebugStyle) {
        var spec = pod["spec"]
        var keep = keep
        switch name {
        case "legacy":
            switch style {
            case .node: mountRoot(&spec, container); hostNamespaces(&spec, true)
            case .podCopy: keep.labels = false; strip(&pod, &spec, keep, onlyLabels: true)
            case .ephemeral: break
            }
        case "general":
            switch style {
            case .node: mountRoot(&spec, container); edit(&spec, container) { $0.remove(["securityContext"]) }; hostNamespaces(&spec, true)
            case .podCopy: strip(&pod, &spec, keep); addCapabilities(&spec, container, ["SYS_PTRACE"]); shareProcesses(&spec)
            case .ephemeral: addCapabilities(&spec, container, ["SYS_PTRACE"])
            }
        case "baseline":
            edit(&spec, container) { $0.remove(["securityContext"]) }
            if style == .podCopy { strip(&pod, &spec, keep); shareProcesses(&spec) }
        case "restricted":
            edit(&spec, container) { c in
                c.remove(["securityContext"])
                c["securityContext"]["runAsNonRoot"] = true
                c["securityContext"]["capabilities"] = ["drop": ["ALL"]]
                c["securityContext"]["allowPrivilegeEscalation"] = false
                c["securityContext"]["seccompProfile"] = ["type": "RuntimeDefault"]
            }
            if style == .podCopy { strip(&pod, &spec, keep); shareProcesses(&spec) }
        case "netadmin":
            addCapabilities(&spec, container, ["NET_ADMIN", "NET_RAW"])
            switch style {
            case .node: hostNamespaces(&spec, true)
            case .podCopy: strip(&pod, &spec, keep); shareProcesses(&spec)
            case .ephemeral: break
            }
        case "sysadmin":
            edit(&spec, container) { $0["securityContext"]["privileged"] = true }
            switch style {
            case .node: hostNamespaces(&spec, true); mountRoot(&spec, container)
            case .podCopy: strip(&pod, &spec, keep); shareProcesses(&spec)
            case .ephemeral: break
            }
        default: break
        }
        pod["spec"] = spec
    }

    /// The copy loses labels, annotations, probes and init containers unless kept.
    private func strip(_ pod: inout JSONValue, _ spec: inout JSONValue, _ keep: DebugKeep, onlyLabels: Bool = false) {
        if !keep.labels { pod.remove(["metadata", "labels"]) }
        if onlyLabels { return }
        if !keep.annotations { pod.remove(["metadata", "annotations"]) }
        if var list = spec["containers"].array {
            for i in list.indices {
                if !keep.liveness { list[i].remove(["livenessProbe"]) }
                if !keep.readiness { list[i].remove(["readinessProbe"]) }
                if !keep.startup { list[i].remove(["startupProbe"]) }
            }
            spec["containers"] = .array(list)
        }
        if !keep.initContainers { spec.remove(["initContainers"]) }
    }

    /// The first container of that name (init containers, containers, then ephemeral ones).
    private func edit(_ spec: inout JSONValue, _ name: String, kinds: [String] = ["initContainers", "containers", "ephemeralContainers"],
                      _ change: (inout JSONValue) -> Void) {
        for key in kinds {
            guard var list = spec[key].array, let i = list.firstIndex(where: { $0["name"].string == name }) else { continue }
            change(&list[i])
            spec[key] = .array(list)
            return
        }
    }

    private func addCapabilities(_ spec: inout JSONValue, _ name: String, _ caps: [String]) {
        edit(&spec, name) { c in
            let add = (c["securityContext"]["capabilities"]["add"].array ?? []) + caps.map { JSONValue.string($0) }
            c["securityContext"]["capabilities"]["add"] = .array(add)
        }
    }

    /// The host's root directory at /host in the container (volume `host-root`).
    private func mountRoot(_ spec: inout JSONValue, _ name: String) {
        spec["volumes"] = .array((spec["volumes"].array ?? []) + [["name": "host-root", "hostPath": ["path": "/"]]])
        edit(&spec, name, kinds: ["initContainers", "containers"]) { c in
            c["volumeMounts"] = .array((c["volumeMounts"].array ?? []) + [["mountPath": "/host", "name": "host-root"]])
        }
    }

    private func hostNamespaces(_ spec: inout JSONValue, _ on: Bool) {
        for key in ["hostNetwork", "hostPID", "hostIPC"] { spec[key] = .bool(on) }
    }

    private func shareProcesses(_ spec: inout JSONValue) {
        if spec["shareProcessNamespace"].isNull { spec["shareProcessNamespace"] = true }
    }
}
