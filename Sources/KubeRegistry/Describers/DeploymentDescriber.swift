import KubeModel

/// `kubectl describe deployment`: the deployment, its pod template, conditions, and its old/new
/// ReplicaSets (those it controls, matched like `deploymentutil.GetAllReplicaSets`).
func describeDeployment(_ d: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = d["spec"], status = d["status"]
    let (oldRSs, newRS) = deploymentReplicaSets(d, ctx)
    return tabbed { w in
        w.write(L0, "Name:\t\(d.name)\n")
        w.write(L0, "Namespace:\t\(d.namespace)\n")
        w.write(L0, "CreationTimestamp:\t\(rfc1123(d["metadata"]["creationTimestamp"]))\n")
        printLabels(w, "Labels", d.labels)
        printAnnotations(w, "Annotations", d.annotations)
        w.write(L0, "Selector:\t\(selectorString(spec["selector"]))\n")
        let replicas = spec["replicas"].int ?? 1
        w.write(L0, "Replicas:\t\(replicas) desired | \(status["updatedReplicas"].i64) updated | \(status["replicas"].i64) total | \(status["availableReplicas"].i64) available | \(status["unavailableReplicas"].i64) unavailable\n")
        w.write(L0, "StrategyType:\t\(spec["strategy"]["type"].str)\n")
        w.write(L0, "MinReadySeconds:\t\(spec["minReadySeconds"].i64)\n")
        let ru = spec["strategy"]["rollingUpdate"]
        if case .object = ru {
            w.write(L0, "RollingUpdateStrategy:\t\(intOrString(ru["maxUnavailable"])) max unavailable, \(intOrString(ru["maxSurge"])) max surge\n")
        }
        describePodTemplate(w, spec["template"])
        let conditions = status["conditions"].arr
        if !conditions.isEmpty {
            w.write(L0, "Conditions:\n  Type\tStatus\tReason\n")
            w.write(L1, "----\t------\t------\n")
            for c in conditions { w.write(L1, "\(c["type"].str) \t\(c["status"].str)\t\(c["reason"].str)\n") }
        }
        if !oldRSs.isEmpty || newRS != nil {
            w.write(L0, "OldReplicaSets:\t\(replicaSetList(oldRSs))\n")
            w.write(L0, "NewReplicaSet:\t\(replicaSetList(newRS.map { [$0] } ?? []))\n")
        }
        writeEventsIfShown(w, d, ctx)
    }
}

func replicaSetList(_ rss: [JSONValue]) -> String {
    let s = rss.map { "\($0.name) (\($0["status"]["replicas"].i64)/\($0["spec"]["replicas"].int ?? 1) replicas created)" }
        .joined(separator: ", ")
    return s.isEmpty ? "<none>" : s
}

/// The ReplicaSets a deployment controls, sorted by creation time: all old ones, and the new one
/// (the oldest whose pod template equals the deployment's, ignoring `pod-template-hash`).
func deploymentReplicaSets(_ d: JSONValue, _ ctx: DescribeContext) -> ([JSONValue], JSONValue?) {
    let uid = d.uid
    let owned = ctx.list("replicasets.apps", namespace: d.namespace).filter { rs in
        selectorMatches(d["spec"]["selector"], rs.labels) && controllerUID(rs) == uid && !uid.isEmpty
    }
    let sorted = owned.enumerated().sorted { a, b in
        let ta = timestamp(a.element["metadata"]["creationTimestamp"])?.seconds ?? Int64.min
        let tb = timestamp(b.element["metadata"]["creationTimestamp"])?.seconds ?? Int64.min
        if ta != tb { return ta < tb }
        if a.element.name != b.element.name { return goStringLess(a.element.name, b.element.name) }
        return a.offset < b.offset
    }.map(\.element)
    let want = templateIgnoringHash(d["spec"]["template"])
    let newRS = sorted.first { templateIgnoringHash($0["spec"]["template"]) == want }
    let old = sorted.filter { $0.uid != newRS?.uid || newRS == nil }
    return (old, newRS)
}

private func templateIgnoringHash(_ t: JSONValue) -> JSONValue {
    var t = t
    t.remove(["metadata", "labels", "pod-template-hash"])
    if t["metadata"]["labels"].isEmptyValue { t.remove(["metadata", "labels"]) }
    if t["metadata"].isEmptyValue { t.remove(["metadata"]) }
    return t
}
