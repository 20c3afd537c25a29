import KubeModel
import KubeRegistry
import KubeStore

/// Scheduling and the kubelet's part for one pod: bind it to a node, then start its containers at once
/// (Running and Ready; pods of Jobs run to completion; invalid images wait with `InvalidImageName`).
extension ControllerManager {
    func syncPod(namespace ns: String, name: String) throws {
        guard let pod = try s.find(podType, namespace: ns, name: name), pod["metadata"]["deletionTimestamp"].isNull else { return }
        if isTerminated(pod) { return }
        var p = pod
        if (p["spec"]["nodeName"].string ?? "").isEmpty {
            guard (p["spec"]["schedulerName"].string ?? "default-scheduler") == "default-scheduler" else { return }
            let (node, message) = try pickNode(p)
            guard let node else {
                let previous = (p["status"]["conditions"].array ?? []).first { $0["type"].string == "PodScheduled" }
                if previous?["message"].string != message {
                    p["status"]["conditions"] = [["lastProbeTime": nil, "lastTransitionTime": .string(now.rfc3339),
                                                  "message": .string(message), "reason": "Unschedulable",
                                                  "status": "False", "type": "PodScheduled"]]
                    event(pod, type: "Warning", reason: "FailedScheduling", message: message, component: "default-scheduler")
                    try save(p, pod, podType)
                }
                return
            }
            p["spec"]["nodeName"] = .string(node.name)
            p["status"]["conditions"] = [condition("PodScheduled", true)]
            event(pod, reason: "Scheduled", message: "Successfully assigned \(ns)/\(name) to \(node.name)",
                  component: "default-scheduler")
        }
        if p["status"]["containerStatuses"].isNull {
            let nodeName = p["spec"]["nodeName"].string ?? ""
            if let node = try s.find(nodeType, namespace: "", name: nodeName) {
                try start(&p, node: node)
            }
        }
        try save(p, pod, podType)
    }

    func condition(_ type: String, _ status: Bool, reason: String? = nil, message: String? = nil) -> JSONValue {
        var c: JSONValue = ["lastProbeTime": nil, "lastTransitionTime": .string(now.rfc3339)]
        if let message { c["message"] = .string(message) }
        if let reason { c["reason"] = .string(reason) }
        c["status"] = .string(status ? "True" : "False")
        c["type"] = .string(type)
        return c
    }

    /// What the kubelet reports once the pod's sandbox and containers are up.
    func start(_ p: inout JSONValue, node: JSONValue) throws {
        let nodeName = node["metadata"]["name"].string ?? ""
        let hostIP = (node["status"]["addresses"].array ?? []).first { $0["type"].string == "InternalIP" }?["address"].string ?? ""
        let podIP = p["spec"]["hostNetwork"].bool == true ? hostIP : allocatePodIP(node: node)
        let t = JSONValue.string(now.rfc3339)
        let runsToCompletion = controllerRef(p)?.kind == "Job"
        var statuses: [JSONValue] = []
        var waiting: [String] = []
        for c in p["spec"]["containers"].array ?? [] {
            let name = c["name"].string ?? ""
            let image = c["image"].string ?? ""
            let fieldPath = "spec.containers{\(name)}"
            var st: JSONValue = .emptyObject
            switch normalizeImage(image) {
            case .failure(let err):
                let msg = "Failed to apply default image tag \(strconvQuote(image)): couldn't parse image name \(strconvQuote(image)): \(err.message)"
                event(p, type: "Warning", reason: "InspectFailed", message: msg, component: "kubelet", host: nodeName, fieldPath: fieldPath)
                event(p, type: "Warning", reason: "Failed", message: "Error: InvalidImageName", component: "kubelet", host: nodeName, fieldPath: fieldPath)
                st = ["image": .string(image), "imageID": "", "lastState": .emptyObject, "name": .string(name), "ready": false,
                      "restartCount": 0, "started": false,
                      "state": ["waiting": ["message": .string(msg), "reason": "InvalidImageName"]]]
                waiting.append(name)
            case .success(let full):
                let policy = c["imagePullPolicy"].string ?? "IfNotPresent"
                if policy == "Always" {
                    event(p, reason: "Pulling", message: "Pulling image \(strconvQuote(image))", component: "kubelet", host: nodeName, fieldPath: fieldPath)
                    let size = 50_000_000 + Int(fnv32a(full) % 100_000_000)
                    event(p, reason: "Pulled", message: "Successfully pulled image \(strconvQuote(image)) in 1.02s (1.02s including waiting). Image size: \(size) bytes.",
                          component: "kubelet", host: nodeName, fieldPath: fieldPath)
                } else {
                    event(p, reason: "Pulled", message: "Container image \(strconvQuote(image)) already present on machine",
                          component: "kubelet", host: nodeName, fieldPath: fieldPath)
                }
                event(p, reason: "Created", message: "Created container: \(name)", component: "kubelet", host: nodeName, fieldPath: fieldPath)
                event(p, reason: "Started", message: "Started container \(name)", component: "kubelet", host: nodeName, fieldPath: fieldPath)
                let digestBase = full.split(separator: "@").first.map { s -> String in
                    let str = String(s)
                    if let colon = str.lastIndex(of: ":"), !str[colon...].contains("/") { return String(str[..<colon]) }
                    return str
                } ?? full
                let imageID = full.contains("@") ? full : digestBase + "@sha256:" + stableHex64(full)
                let containerID = JSONValue.string("containerd://" + randomHex64())
                st = ["containerID": containerID, "image": .string(full), "imageID": .string(imageID),
                      "lastState": .emptyObject, "name": .string(name),
                      "ready": .bool(!runsToCompletion), "restartCount": 0, "started": .bool(!runsToCompletion)]
                st["state"] = runsToCompletion
                    ? ["terminated": ["containerID": containerID, "exitCode": 0, "finishedAt": t, "reason": "Completed", "startedAt": t]]
                    : ["running": ["startedAt": t]]
            }
            let mounts = (c["volumeMounts"].array ?? []).map { m -> JSONValue in
                var o: JSONValue = ["mountPath": m["mountPath"], "name": m["name"]]
                if m["readOnly"].bool == true {
                    o["readOnly"] = true
                    o["recursiveReadOnly"] = "Disabled"
                }
                return o
            }
            if !mounts.isEmpty { st["volumeMounts"] = .array(mounts) }
            statuses.append(st)
        }
        statuses.sort { ($0["name"].string ?? "") < ($1["name"].string ?? "") }
        var inits: [JSONValue] = []
        for c in p["spec"]["initContainers"].array ?? [] {
            let name = c["name"].string ?? ""
            let full = (try? normalizeImage(c["image"].string ?? "").get()) ?? (c["image"].string ?? "")
            let cid = JSONValue.string("containerd://" + randomHex64())
            inits.append(["containerID": cid, "image": .string(full), "imageID": .string(full + "@sha256:" + stableHex64(full)),
                          "lastState": .emptyObject, "name": .string(name), "ready": true, "restartCount": 0, "started": false,
                          "state": ["terminated": ["containerID": cid, "exitCode": 0, "finishedAt": t, "reason": "Completed", "startedAt": t]]])
        }
        var status = p["status"]
        let scheduled = condition("PodScheduled", true)
        if runsToCompletion && waiting.isEmpty {
            status["conditions"] = [condition("PodReadyToStartContainers", false),
                                    condition("Initialized", true, reason: "PodCompleted"),
                                    condition("Ready", false, reason: "PodCompleted"),
                                    condition("ContainersReady", false, reason: "PodCompleted"), scheduled]
            status["phase"] = "Succeeded"
        } else if waiting.isEmpty {
            status["conditions"] = [condition("PodReadyToStartContainers", true), condition("Initialized", true),
                                    condition("Ready", true), condition("ContainersReady", true), scheduled]
            status["phase"] = "Running"
        } else {
            let msg = "containers with unready status: [\(waiting.joined(separator: " "))]"
            status["conditions"] = [condition("PodReadyToStartContainers", true), condition("Initialized", true),
                                    condition("Ready", false, reason: "ContainersNotReady", message: msg),
                                    condition("ContainersReady", false, reason: "ContainersNotReady", message: msg), scheduled]
            status["phase"] = "Pending"
        }
        status["containerStatuses"] = .array(statuses)
        if !inits.isEmpty { status["initContainerStatuses"] = .array(inits) }
        status["hostIP"] = .string(hostIP)
        status["hostIPs"] = [["ip": .string(hostIP)]]
        status["podIP"] = .string(podIP)
        status["podIPs"] = [["ip": .string(podIP)]]
        if status["qosClass"].isNull { status["qosClass"] = .string(Defaults.qosClass(p["spec"])) }
        status["startTime"] = t
        p["status"] = status
    }

    /// The next address of the node's pod CIDR (a /24: .2 to .254, then around again).
    func allocatePodIP(node: JSONValue) -> String {
        let name = node["metadata"]["name"].string ?? ""
        let cidr = node["spec"]["podCIDR"].string ?? "10.244.0.0/24"
        let base = cidr.split(separator: "/").first.map(String.init) ?? "10.244.0.0"
        let octets = base.split(separator: ".").map(String.init)
        let key = "alloc.podIP." + name
        var next = (Int((try? s.tx.config(key)) ?? nil ?? "") ?? 1) + 1
        if next > 254 { next = 2 }
        try? s.tx.setConfig(key, String(next))
        guard octets.count == 4 else { return "10.244.0.\(next)" }
        return "\(octets[0]).\(octets[1]).\(octets[2]).\(next)"
    }
}

struct ImageError: Error { var message: String }

/// Docker's reference normalisation (`docker.io/library/` and `:latest`), or the parse error text.
func normalizeImage(_ image: String) -> Result<String, ImageError> {
    let invalid = ImageError(message: "invalid reference format")
    if image.isEmpty { return .failure(invalid) }
    var rest = Substring(image)
    var digest = ""
    if let at = rest.firstIndex(of: "@") {
        digest = String(rest[rest.index(after: at)...])
        rest = rest[..<at]
        let parts = digest.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 32,
            parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return .failure(invalid) }
    }
    var tag = ""
    if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
        tag = String(rest[rest.index(after: colon)...])
        rest = rest[..<colon]
        let ok = !tag.isEmpty && tag.count <= 128 && tag.first.map({ $0.isLetter || $0.isNumber || $0 == "_" }) == true
            && tag.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == "." || $0 == "-" })
        if !ok { return .failure(invalid) }
    }
    var name = String(rest)
    if name.isEmpty { return .failure(invalid) }
    var domain = "docker.io"
    if let slash = name.firstIndex(of: "/") {
        let first = String(name[..<slash])
        if first.contains(".") || first.contains(":") || first == "localhost" || first.lowercased() != first {
            domain = first
            name = String(name[name.index(after: slash)...])
        }
    }
    if domain == "docker.io" && !name.contains("/") { name = "library/" + name }
    if name.lowercased() != name {
        return .failure(ImageError(message: "invalid reference format: repository name (\(name)) must be lowercase"))
    }
    for comp in name.split(separator: "/", omittingEmptySubsequences: false) {
        guard let f = comp.first, let l = comp.last, f.isASCII && (f.isLetter || f.isNumber), l.isASCII && (l.isLetter || l.isNumber),
            comp.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "_" || $0 == "-" })
        else { return .failure(invalid) }
    }
    var full = domain + "/" + name
    if !tag.isEmpty { full += ":" + tag } else if digest.isEmpty { full += ":latest" }
    if !digest.isEmpty { full += "@" + digest }
    return .success(full)
}
