import KubeModel

/// `kubectl describe pod`.
func describePod(_ pod: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = pod["spec"], status = pod["status"]
    return tabbed { w in
        w.write(L0, "Name:\t\(pod.name)\n")
        w.write(L0, "Namespace:\t\(pod.namespace)\n")
        if let p = spec["priority"].int { w.write(L0, "Priority:\t\(p)\n") }
        if !spec["priorityClassName"].str.isEmpty { w.write(L0, "Priority Class Name:\t\(spec["priorityClassName"].str)\n") }
        if !spec["runtimeClassName"].str.isEmpty { w.write(L0, "Runtime Class Name:\t\(spec["runtimeClassName"].str)\n") }
        if !spec["serviceAccountName"].str.isEmpty { w.write(L0, "Service Account:\t\(spec["serviceAccountName"].str)\n") }
        if spec["nodeName"].str.isEmpty {
            w.write(L0, "Node:\t<none>\n")
        } else {
            w.write(L0, "Node:\t\(spec["nodeName"].str)/\(status["hostIP"].str)\n")
        }
        if timestamp(status["startTime"]) != nil { w.write(L0, "Start Time:\t\(rfc1123(status["startTime"]))\n") }
        printLabels(w, "Labels", pod.labels)
        printAnnotations(w, "Annotations", pod.annotations)
        let phase = status["phase"].str
        if timestamp(pod["metadata"]["deletionTimestamp"]) != nil && phase != "Failed" && phase != "Succeeded" {
            w.write(L0, "Status:\tTerminating (lasts \(age(pod["metadata"]["deletionTimestamp"], ctx.now)))\n")
            w.write(L0, "Termination Grace Period:\t\(pod["metadata"]["deletionGracePeriodSeconds"].i64)s\n")
        } else {
            w.write(L0, "Status:\t\(phase)\n")
        }
        if !status["reason"].str.isEmpty { w.write(L0, "Reason:\t\(status["reason"].str)\n") }
        if !status["message"].str.isEmpty { w.write(L0, "Message:\t\(status["message"].str)\n") }
        let seccomp = spec["securityContext"]["seccompProfile"]
        if case .object = seccomp {
            w.write(L0, "SeccompProfile:\t\(seccomp["type"].str)\n")
            if seccomp["type"].str == "Localhost" { w.write(L0, "LocalhostProfile:\t\(seccomp["localhostProfile"].str)\n") }
        }
        w.write(L0, "IP:\t\(status["podIP"].str)\n")
        let ips = status["podIPs"].arr
        if ips.isEmpty {
            w.write(L0, "IPs:\t<none>\n")
        } else {
            w.write(L0, "IPs:\n")
            for ip in ips { w.write(L1, "IP:\t\(ip["ip"].str)\n") }
        }
        let controlledBy = controllerOf(pod)
        if !controlledBy.isEmpty { w.write(L0, "Controlled By:\t\(controlledBy)\n") }
        if !status["nominatedNodeName"].str.isEmpty { w.write(L0, "NominatedNodeName:\t\(status["nominatedNodeName"].str)\n") }
        if case .object = spec["resources"] {
            w.write(L0, "Resources:\n")
            describeResources(w, spec["resources"], level: L1)
        }
        let resolver = podEnvResolver(pod)
        if !spec["initContainers"].arr.isEmpty {
            describeContainers(w, label: "Init Containers", containers: spec["initContainers"].arr,
                               statuses: status["initContainerStatuses"].arr, resolver: resolver, space: "")
        }
        describeContainers(w, label: "Containers", containers: spec["containers"].arr,
                           statuses: status["containerStatuses"].arr, resolver: resolver, space: "")
        if !spec["ephemeralContainers"].arr.isEmpty {
            describeContainers(w, label: "Ephemeral Containers", containers: spec["ephemeralContainers"].arr,
                               statuses: status["ephemeralContainerStatuses"].arr, resolver: resolver, space: "")
        }
        let gates = spec["readinessGates"].arr
        if !gates.isEmpty {
            w.write(L0, "Readiness Gates:\n  Type\tStatus\n")
            for g in gates {
                let type = g["conditionType"].str
                let st = status["conditions"].arr.first { $0["type"].str == type }.map { $0["status"].str } ?? "<none>"
                w.write(L1, "\(type) \t\(st) \n")
            }
        }
        let conditions = status["conditions"].arr
        if !conditions.isEmpty {
            w.write(L0, "Conditions:\n  Type\tStatus\n")
            for c in conditions { w.write(L1, "\(c["type"].str) \t\(c["status"].str) \n") }
        }
        describeVolumes(w, spec["volumes"].arr, space: "")
        w.write(L0, "QoS Class:\t\(podQOS(pod))\n")
        printLabels(w, "Node-Selectors", spec["nodeSelector"])
        printTolerations(w, "Tolerations", spec["tolerations"])
        describeTopologySpreadConstraints(w, spec["topologySpreadConstraints"].arr, space: "")
        writeEventsIfShown(w, pod, ctx)
    }
}

func describeTopologySpreadConstraints(_ w: DescribeWriter, _ tscs: [JSONValue], space: String) {
    if tscs.isEmpty { return }
    let sorted = sortedByKey(tscs) { $0["topologyKey"].str }
    w.write(L0, "\(space)Topology Spread Constraints:\t")
    for (i, t) in sorted.enumerated() {
        if i != 0 {
            w.write(L0, space)
            w.write(L0, "\t")
        }
        var s = "\(t["topologyKey"].str):\(t["whenUnsatisfiable"].str) when max skew \(t["maxSkew"].i64) is exceeded"
        if case .object = t["labelSelector"] { s += " for selector \(formatLabelSelector(t["labelSelector"]))" }
        w.write(L0, s + "\n")
    }
}

/// The pod's QoS class: `status.qosClass`, else computed from container requests and limits.
func podQOS(_ pod: JSONValue) -> String {
    let given = pod["status"]["qosClass"].str
    if !given.isEmpty { return given }
    var requests: [String: DescribeQuantity] = [:]
    var limits: [String: DescribeQuantity] = [:]
    var guaranteed = true
    let containers = pod["spec"]["containers"].arr + pod["spec"]["initContainers"].arr
    for c in containers {
        for name in ["cpu", "memory"] {
            if let q = DescribeQuantity(json: c["resources"]["requests"][name]), q.sign > 0 {
                requests[name] = requests[name].map { $0.adding(q) } ?? q
            }
        }
        var found = Set<String>()
        for name in ["cpu", "memory"] {
            if let q = DescribeQuantity(json: c["resources"]["limits"][name]), q.sign > 0 {
                found.insert(name)
                limits[name] = limits[name].map { $0.adding(q) } ?? q
            }
        }
        if !found.contains("cpu") || !found.contains("memory") { guaranteed = false }
    }
    if requests.isEmpty && limits.isEmpty { return "BestEffort" }
    if guaranteed {
        for (name, req) in requests {
            guard let lim = limits[name], lim.compare(req) == 0 else { guaranteed = false; break }
        }
    }
    if guaranteed && requests.count == limits.count { return "Guaranteed" }
    return "Burstable"
}

/// `DescribePodTemplate`: the `Pod Template:` block of workload controllers.
func describePodTemplate(_ w: DescribeWriter, _ template: JSONValue) {
    w.write(L0, "Pod Template:\n")
    guard case .object = template else {
        w.write(L1, "<unset>")
        return
    }
    let spec = template["spec"]
    printLabels(w, "  Labels", template["metadata"]["labels"])
    if !template["metadata"]["annotations"].isEmptyValue {
        printAnnotations(w, "  Annotations", template["metadata"]["annotations"])
    }
    if !spec["serviceAccountName"].str.isEmpty { w.write(L1, "Service Account:\t\(spec["serviceAccountName"].str)\n") }
    if !spec["initContainers"].arr.isEmpty {
        describeContainers(w, label: "Init Containers", containers: spec["initContainers"].arr, statuses: [], resolver: nil, space: "  ")
    }
    describeContainers(w, label: "Containers", containers: spec["containers"].arr, statuses: [], resolver: nil, space: "  ")
    describeVolumes(w, spec["volumes"].arr, space: "  ")
    describeTopologySpreadConstraints(w, spec["topologySpreadConstraints"].arr, space: "  ")
    if !spec["priorityClassName"].str.isEmpty { w.write(L1, "Priority Class Name:\t\(spec["priorityClassName"].str)\n") }
    printLabels(w, "  Node-Selectors", spec["nodeSelector"])
    printTolerations(w, "  Tolerations", spec["tolerations"])
}
