import KubeModel

/// `kubectl describe node`: with its lease, the non-terminated pods scheduled on it and the
/// resources they request.
func describeNode(_ node: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = node["spec"], status = node["status"]
    let pods = ctx.list("pods", namespace: nil, fields: [("spec.nodeName", node.name)], keeping: nodePodParts).filter {
        $0["status"]["phase"].str != "Succeeded" && $0["status"]["phase"].str != "Failed"
    }
    let sortedPods = pods.enumerated().sorted { a, b in
        let ka = (a.element.namespace, a.element.name), kb = (b.element.namespace, b.element.name)
        if ka.0 != kb.0 { return goStringLess(ka.0, kb.0) }
        if ka.1 != kb.1 { return goStringLess(ka.1, kb.1) }
        return a.offset < b.offset
    }.map(\.element)
    // The node's own lease by its name (not every node's lease read to find it).
    let lease = ctx.list("leases.coordination.k8s.io", namespace: "kube-node-lease", fields: [("metadata.name", node.name)]).first
    return tabbed { w in
        w.write(L0, "Name:\t\(node.name)\n")
        let roles = nodeRoles(node)
        w.write(L0, "Roles:\t\(roles.isEmpty ? "<none>" : roles.joined(separator: ","))\n")
        printLabels(w, "Labels", node.labels)
        printAnnotations(w, "Annotations", node.annotations)
        w.write(L0, "CreationTimestamp:\t\(rfc1123(node["metadata"]["creationTimestamp"]))\n")
        printTaints(w, "Taints", spec["taints"])
        w.write(L0, "Unschedulable:\t\(goBool(spec["unschedulable"].isTrue))\n")
        if let lease {
            w.write(L0, "Lease:\n")
            w.write(L1, "HolderIdentity:\t\(lease["spec"]["holderIdentity"].string ?? "<unset>")\n")
            w.write(L1, "AcquireTime:\t\(timestamp(lease["spec"]["acquireTime"]) != nil ? rfc1123(lease["spec"]["acquireTime"]) : "<unset>")\n")
            w.write(L1, "RenewTime:\t\(timestamp(lease["spec"]["renewTime"]) != nil ? rfc1123(lease["spec"]["renewTime"]) : "<unset>")\n")
        } else {
            w.write(L0, "Lease:\tFailed to get lease: leases.coordination.k8s.io \"\(node.name)\" not found\n")
        }
        let conditions = status["conditions"].arr
        if !conditions.isEmpty {
            w.write(L0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n")
            w.write(L1, "----\t------\t-----------------\t------------------\t------\t-------\n")
            for c in conditions {
                w.write(L1, "\(c["type"].str) \t\(c["status"].str) \t\(rfc1123(c["lastHeartbeatTime"])) \t\(rfc1123(c["lastTransitionTime"])) \t\(c["reason"].str) \t\(c["message"].str)\n")
            }
        }
        w.write(L0, "Addresses:\n")
        for a in status["addresses"].arr { w.write(L1, "\(a["type"].str):\t\(a["address"].str)\n") }
        for (key, title) in [("capacity", "Capacity"), ("allocatable", "Allocatable")] {
            let names = sortedResourceNames(status[key])
            if names.isEmpty { continue }
            w.write(L0, "\(title):\n")
            for n in names { w.write(L0, "  \(n):\t\(quantityString(status[key][n]))\n") }
        }
        let info = status["nodeInfo"]
        w.write(L0, "System Info:\n")
        for (title, key) in [("Machine ID", "machineID"), ("System UUID", "systemUUID"), ("Boot ID", "bootID"),
                             ("Kernel Version", "kernelVersion"), ("OS Image", "osImage"), ("Operating System", "operatingSystem"),
                             ("Architecture", "architecture"), ("Container Runtime Version", "containerRuntimeVersion"),
                             ("Kubelet Version", "kubeletVersion"), ("Kube-Proxy Version", "kubeProxyVersion")] {
            w.write(L0, "  \(title):\t\(info[key].str)\n")
        }
        if !spec["podCIDR"].str.isEmpty { w.write(L0, "PodCIDR:\t\(spec["podCIDR"].str)\n") }
        let cidrs = spec["podCIDRs"].arr.map(\.str)
        if !cidrs.isEmpty { w.write(L0, "PodCIDRs:\t\(cidrs.joined(separator: ","))\n") }
        if !spec["providerID"].str.isEmpty { w.write(L0, "ProviderID:\t\(spec["providerID"].str)\n") }
        describeNodeResource(w, sortedPods, node, now: ctx.now)
        writeEventsIfShown(w, node, ctx)
    }
}

/// What describe node reads of each of the node's pods (the rest of each pod is not built).
private let nodePodParts = JSONKeep(paths: [
    "metadata.name", "metadata.namespace", "metadata.creationTimestamp", "status.phase", "spec.overhead",
    "spec.containers.resources", "spec.initContainers.resources", "spec.initContainers.restartPolicy"])

/// Roles from `node-role.kubernetes.io/<role>` labels and the `kubernetes.io/role` label, sorted.
func nodeRoles(_ node: JSONValue) -> [String] {
    var roles = Set<String>()
    for (k, v) in node.labels.stringMap {
        if k.hasPrefix("node-role.kubernetes.io/") {
            let role = String(k.dropFirst("node-role.kubernetes.io/".count))
            if !role.isEmpty { roles.insert(role) }
        } else if k == "kubernetes.io/role" && !v.isEmpty {
            roles.insert(v)
        }
    }
    return roles.sorted(by: goStringLess)
}

typealias ResourceList = [String: DescribeQuantity]

private func quantities(_ list: JSONValue) -> ResourceList {
    var out: ResourceList = [:]
    for (k, v) in list.object ?? JSONObject() { if let q = DescribeQuantity(json: v) { out[k] = q } }
    return out
}

private func add(_ into: inout ResourceList, _ list: ResourceList) {
    for (k, q) in list { into[k] = into[k].map { $0.adding(q) } ?? q }
}

private func maxInto(_ into: inout ResourceList, _ list: ResourceList) {
    for (k, q) in list {
        if let cur = into[k] { if q.compare(cur) > 0 { into[k] = q } } else { into[k] = q }
    }
}

/// `resourcehelper.PodRequestsAndLimits`: containers summed (sidecar init containers included),
/// maxed with the init containers, plus the pod overhead.
func podRequestsAndLimits(_ pod: JSONValue) -> (ResourceList, ResourceList) {
    func total(_ key: String) -> ResourceList {
        var sum: ResourceList = [:]
        for c in pod["spec"]["containers"].arr { add(&sum, quantities(c["resources"][key])) }
        var restartable: ResourceList = [:]
        var initMax: ResourceList = [:]
        for c in pod["spec"]["initContainers"].arr {
            var cr = quantities(c["resources"][key])
            if c["restartPolicy"].str == "Always" {
                add(&sum, cr)
                add(&restartable, cr)
                cr = restartable
            } else {
                var tmp: ResourceList = [:]
                add(&tmp, cr)
                add(&tmp, restartable)
                cr = tmp
            }
            maxInto(&initMax, cr)
        }
        maxInto(&sum, initMax)
        if case .object = pod["spec"]["overhead"] { add(&sum, quantities(pod["spec"]["overhead"])) }
        return sum
    }
    return (total("requests"), total("limits"))
}

/// Go's `int64(float64)` of a percentage (truncation; NaN and infinities as on amd64).
func percent(_ num: Int64, _ den: Int64) -> Int64 {
    let f = Double(num) / Double(den) * 100
    if f.isNaN || f.isInfinite || abs(f) >= 9.2e18 { return Int64.min }
    return Int64(f)
}

func describeNodeResource(_ w: DescribeWriter, _ pods: [JSONValue], _ node: JSONValue, now: Timestamp) {
    w.write(L0, "Non-terminated Pods:\t(\(pods.count) in total)\n")
    w.write(L1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n")
    w.write(L1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n")
    var allocatable = quantities(node["status"]["capacity"])
    if !(node["status"]["allocatable"].object?.isEmpty ?? true) { allocatable = quantities(node["status"]["allocatable"]) }
    let allocCPU = (allocatable["cpu"] ?? .zero).milliValue
    let allocMem = (allocatable["memory"] ?? .zero).value
    var reqs: ResourceList = [:], limits: ResourceList = [:]
    for pod in pods {
        let (req, lim) = podRequestsAndLimits(pod)
        add(&reqs, req)
        add(&limits, lim)
        let cpuReq = req["cpu"] ?? .zero, cpuLim = lim["cpu"] ?? .zero
        let memReq = req["memory"] ?? .zero, memLim = lim["memory"] ?? .zero
        w.write(L1, "\(pod.namespace)\t\(pod.name)\t\t\(cpuReq.string) (\(percent(cpuReq.milliValue, allocCPU))%)\t\(cpuLim.string) (\(percent(cpuLim.milliValue, allocCPU))%)\t\(memReq.string) (\(percent(memReq.value, allocMem))%)\t\(memLim.string) (\(percent(memLim.value, allocMem))%)\t\(age(pod["metadata"]["creationTimestamp"], now))\n")
    }
    w.write(L0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n")
    w.write(L1, "Resource\tRequests\tLimits\n")
    w.write(L1, "--------\t--------\t------\n")
    func row(_ name: String, _ milli: Bool) {
        let r = reqs[name] ?? .zero, l = limits[name] ?? .zero
        let den = milli ? (allocatable[name] ?? .zero).milliValue : (allocatable[name] ?? .zero).value
        let rv = milli ? r.milliValue : r.value, lv = milli ? l.milliValue : l.value
        let rp = den != 0 ? percent(rv, den) : 0, lp = den != 0 ? percent(lv, den) : 0
        w.write(L1, "\(name)\t\(r.string) (\(rp)%)\t\(l.string) (\(lp)%)\n")
    }
    row("cpu", true)
    row("memory", false)
    row("ephemeral-storage", false)
    let names = allocatable.keys.sorted(by: goStringLess)
    for name in names where name.hasPrefix("hugepages-") { row(name, false) }
    for name in names where !name.hasPrefix("hugepages-") && !["cpu", "memory", "ephemeral-storage", "pods"].contains(name) {
        w.write(L1, "\(name)\t\((reqs[name] ?? .zero).string)\t\((limits[name] ?? .zero).string)\n")
    }
}
