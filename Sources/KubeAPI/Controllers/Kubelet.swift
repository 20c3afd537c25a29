import KubeModel
import KubeRegistry
import KubeStore

/// Scheduling and the kubelet's part for one pod: bind it to a node, then start its containers at once
/// (Running and Ready; pods of Jobs run to completion; invalid images wait with `InvalidImageName`).
extension ControllerManager {
    func syncPod(namespace ns: String, name: String) throws {
        let known = s.memory?.writtenPod(namespace: ns, name: name)
        guard let pod = try known ?? s.find(podType, namespace: ns, name: name) else { return }
        if !pod["metadata"]["deletionTimestamp"].isNull { return try kubeletTerminating(pod) }
        if isTerminated(pod) { return }
        var p = pod
        if (p["spec"]["nodeName"].string ?? "").isEmpty {
            guard (p["spec"]["schedulerName"].string ?? "default-scheduler") == "default-scheduler" else { return }
            guard try schedule(&p) else { return }
        }
        // Pods on nodes kwok manages live by their Stages, not by the kubelet.
        if try kwokManagedNode(p["spec"]["nodeName"].string ?? "") {
            try save(p, pod, podType)
            return
        }
        let woken = kubeletWake.remove(p["metadata"]["uid"].string ?? "") != nil
        let fresh = p["status"]["containerStatuses"].isNull
        if fresh || (woken && p["status"]["phase"].string == "Pending") {
            let nodeName = p["spec"]["nodeName"].string ?? ""
            if let node = try nodeInfo(nodeName)?.obj {
                try kubeletSync(&p, node: node, mode: fresh ? .initial : .wake)
                try scheduleContainerTransitions(try save(p, pod, podType))
                return
            }
        }
        if p["spec"]["ephemeralContainers"].array != nil, let node = try nodeInfo(p["spec"]["nodeName"].string ?? "")?.obj {
            try startEphemeralContainers(&p, node: node)
        }
        try save(p, pod, podType)
    }

    /// Binds the pod to a node (after its claims allow it), or records why it cannot be scheduled.
    func schedule(_ p: inout JSONValue) throws -> Bool {
        let pod = p
        let ns = p["metadata"]["namespace"].string ?? "default", name = p["metadata"]["name"].string ?? ""
        let (node, message, claims) = try schedulingDecision(p)
        guard let node else {
            let previous = (p["status"]["conditions"].array ?? []).first { $0["type"].string == "PodScheduled" }
            let changed = previous?["message"].string != message
            if changed || schedulerRetrying {
                schedulerEvent(pod, type: "Warning", reason: "FailedScheduling", action: "Scheduling", message: message)
                try schedulingRetryTimer(namespace: ns, name: name, at: Self.nextSchedulingRetry(after: now.seconds))
            }
            if changed {
                p["status"]["conditions"] = [["lastProbeTime": nil, "lastTransitionTime": .string(now.rfc3339),
                                              "message": .string(message), "reason": "Unschedulable",
                                              "status": "False", "type": "PodScheduled"]]
                try save(p, pod, podType)
            }
            return false
        }
        try bindDelayedClaims(claims.volumes.delayed, node: node)
        p["spec"]["nodeName"] = .string(node.name)
        p["status"]["conditions"] = [condition("PodScheduled", true)]
        schedulerEvent(pod, type: "Normal", reason: "Scheduled", action: "Binding", message: "Successfully assigned \(ns)/\(name) to \(node.name)")
        try schedulingRetryTimer(namespace: ns, name: name, at: nil)
        return true
    }

    /// The scheduler's answer for the pod as the cluster is now, without writing anything: the node it
    /// binds to, or the FailedScheduling message (what it reads of the pod: `FieldIndex.schedulingClass`).
    func schedulingDecision(_ p: JSONValue) throws -> (node: NodeInfo?, message: String, claims: PodClaims) {
        let claims = try claimsForScheduling(p)
        if let blocked = claims.blocked {
            let count = try nodeNames().count
            return (nil, "0/\(count) nodes are available: \(blocked). preemption: 0/\(count) nodes are available: \(count) Preemption is not helpful for scheduling.", claims)
        }
        let (node, message) = try pickNode(p, volumes: claims.volumes)
        return (node, message, claims)
    }

    func condition(_ type: String, _ status: Bool, reason: String? = nil, message: String? = nil) -> JSONValue {
        var c: JSONValue = ["lastProbeTime": nil, "lastTransitionTime": .string(now.rfc3339)]
        if let message { c["message"] = .string(message) }
        if let reason { c["reason"] = .string(reason) }
        c["status"] = .string(status ? "True" : "False")
        c["type"] = .string(type)
        return c
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
