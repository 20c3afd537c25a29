import KubeModel

/// Pod spec validation of apis/core/validation (v1.32) that users meet most: container names
/// (DNS-1123 labels, unique across containers and init containers), ports (names, numbers, protocol),
/// image pull policy and restart policy enums, and (in their own files) volumes and mounts, probes and
/// lifecycle hooks, affinity, tolerations and topology spread. Messages and field paths are the API server's.
enum PodSpecRules {
    static let protocols = ["SCTP", "TCP", "UDP"]
    static let pullPolicies = ["Always", "IfNotPresent", "Never"]
    static let restartPolicies = ["Always", "OnFailure", "Never"]
    static let dnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]

    static func validate(_ spec: JSONValue, path: String) -> [FieldError] {
        guard spec.object != nil else { return [] }
        var errs: [FieldError] = []
        let volumes = VolumeRules.volumes(spec["volumes"].array ?? [], path: "\(path).volumes", into: &errs)
        var names: Set<String> = []
        for key in ["containers", "initContainers"] {
            for (i, c) in (spec[key].array ?? []).enumerated() {
                let p = "\(path).\(key)[\(i)]"
                container(c, path: p, volumes: volumes, names: &names, into: &errs)
                errs += containerRestartPolicy(c, path: p, initContainer: key == "initContainers")
                // Probes are checked on regular and sidecar (restartPolicy: Always) init containers; a plain
                // init container may have none, nor lifecycle hooks.
                if key == "containers" || c["restartPolicy"].string == "Always" {
                    ProbeRules.container(c, path: p, into: &errs)
                } else {
                    for field in ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"] where !c[field].isNull {
                        errs.append(FieldError(.forbidden, field: "\(p).\(field)", detail: "may not be set for init containers without restartPolicy=Always"))
                    }
                }
            }
        }
        if let policy = spec["restartPolicy"].string, !restartPolicies.contains(policy) {
            errs.append(.notSupported("\(path).restartPolicy", .string(policy), supported: restartPolicies))
        }
        if let policy = spec["dnsPolicy"].string, !dnsPolicies.contains(policy) {
            errs.append(.notSupported("\(path).dnsPolicy", .string(policy), supported: dnsPolicies))
        }
        SecurityContextRules.pod(spec, path: "\(path).securityContext", into: &errs)
        if let n = spec["activeDeadlineSeconds"].int, n < 1 || n > 2_147_483_647 {
            errs.append(FieldError(.invalid, field: "\(path).activeDeadlineSeconds", value: .int(n),
                                   detail: "must be between 1 and 2147483647, inclusive"))
        }
        SchedulingRules.validate(spec, path: path, into: &errs)
        return errs
    }

    /// A container's own `restartPolicy`: only `Always`, and only on init containers (sidecars).
    static func containerRestartPolicy(_ c: JSONValue, path: String, initContainer: Bool) -> [FieldError] {
        guard let policy = c["restartPolicy"].string else { return [] }
        if !initContainer { return [FieldError(.forbidden, field: "\(path).restartPolicy", detail: "may not be set for non-init containers")] }
        return policy == "Always" ? [] : [.notSupported("\(path).restartPolicy", .string(policy), supported: ["Always"])]
    }

    /// `validateContainerCommon`'s order: name, ports, env, mounts, pull policy, resources, security
    /// context; then the name's uniqueness.
    static func container(_ c: JSONValue, path: String, volumes: Set<String>, names: inout Set<String>,
                          into errs: inout [FieldError])
    {
        let name = c["name"].string ?? ""
        if !name.isEmpty {
            for msg in isDNS1123Label(name) { errs.append(.invalid("\(path).name", name, msg)) }
        }
        for (i, p) in (c["ports"].array ?? []).enumerated() { port(p, path: "\(path).ports[\(i)]", into: &errs) }
        portNames(c["ports"].array ?? [], path: "\(path).ports", into: &errs)
        EnvRules.validate(c, path: path, into: &errs)
        VolumeRules.mounts(c, volumes: volumes, path: "\(path).volumeMounts", into: &errs)
        if let policy = c["imagePullPolicy"].string, !pullPolicies.contains(policy) {
            errs.append(.notSupported("\(path).imagePullPolicy", .string(policy), supported: pullPolicies))
        }
        ResourceRules.validate(c["resources"], path: "\(path).resources", into: &errs)
        SecurityContextRules.container(c["securityContext"], path: "\(path).securityContext", into: &errs)
        if !name.isEmpty, !names.insert(name).inserted {
            errs.append(FieldError(.duplicate, field: "\(path).name", value: .string(name)))
        }
    }

    static func port(_ p: JSONValue, path: String, into errs: inout [FieldError]) {
        // A missing port is Go's zero value: required.
        let containerPort = p["containerPort"].int ?? 0
        if containerPort == 0 {
            errs.append(FieldError(.required, field: "\(path).containerPort"))
        } else if !(1...65535).contains(containerPort) {
            errs.append(FieldError(.invalid, field: "\(path).containerPort", value: .int(Int64(containerPort)), detail: portRangeMessage))
        }
        if let n = p["hostPort"].int, n != 0, !(1...65535).contains(n) {
            errs.append(FieldError(.invalid, field: "\(path).hostPort", value: .int(Int64(n)), detail: portRangeMessage))
        }
        if let proto = p["protocol"].string, !protocols.contains(proto) {
            errs.append(.notSupported("\(path).protocol", .string(proto), supported: protocols))
        }
    }

    static let portRangeMessage = "must be between 1 and 65535, inclusive"

    /// Port names: IANA service names, unique within the container.
    static func portNames(_ ports: [JSONValue], path: String, into errs: inout [FieldError]) {
        var seen: Set<String> = []
        for (i, p) in ports.enumerated() {
            guard let name = p["name"].string, !name.isEmpty else { continue }
            let msgs = isValidPortName(name)
            for msg in msgs { errs.append(.invalid("\(path)[\(i)].name", name, msg)) }
            if msgs.isEmpty, !seen.insert(name).inserted {
                errs.append(FieldError(.duplicate, field: "\(path)[\(i)].name", value: .string(name)))
            }
        }
    }

    /// The API server's warnings for a pod spec (pkg/api/pod/warnings.go): ports defined twice.
    static func warnings(_ spec: JSONValue, path: String) -> [String] {
        var out: [String] = []
        var byKey: [String: [(field: String, port: JSONValue)]] = [:]
        for key in ["initContainers", "containers", "ephemeralContainers"] {
            for (ci, c) in (spec[key].array ?? []).enumerated() {
                for (pi, p) in (c["ports"].array ?? []).enumerated() {
                    let field = "\(path).\(key)[\(ci)].ports[\(pi)]"
                    let hostIP = p["hostIP"].string ?? "", hostPort = p["hostPort"].int ?? 0
                    if !hostIP.isEmpty && hostPort == 0 {
                        // Go's %+v of the ContainerPort struct.
                        out.append("\(field): hostIP set without hostPort: {Name:\(p["name"].string ?? "") HostPort:0 "
                                   + "ContainerPort:\(p["containerPort"].int ?? 0) Protocol:\(p["protocol"].string ?? "") HostIP:\(hostIP)}")
                    }
                    let k = "\(p["protocol"].string ?? "TCP")/\(p["containerPort"].int ?? 0)"
                    for other in byKey[k] ?? [] {
                        let otherIP = other.port["hostIP"].string ?? "", otherPort = other.port["hostPort"].int ?? 0
                        if hostIP == otherIP && hostPort == otherPort {
                            out.append("\(field): duplicate port definition with \(other.field)")
                        } else if hostPort == 0 || otherPort == 0 {
                            out.append("\(field): overlapping port definition with \(other.field)")
                        } else if hostPort == otherPort && (hostIP.isEmpty != otherIP.isEmpty) {
                            out.append("\(field): dangerously ambiguous port definition with \(other.field)")
                        }
                    }
                    byKey[k, default: []].append((field, p))
                }
            }
        }
        return out
    }
}
