import KubeModel

/// `kubectl describe replicaset`.
func describeReplicaSet(_ rs: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = rs["spec"]
    let pods = ctx.list("pods", namespace: rs.namespace)
    let counts = podStatusCounts(pods, uid: rs.uid) { selectorMatches(spec["selector"], $0) }
    return tabbed { w in
        w.write(L0, "Name:\t\(rs.name)\n")
        w.write(L0, "Namespace:\t\(rs.namespace)\n")
        w.write(L0, "Selector:\t\(formatLabelSelector(spec["selector"]))\n")
        printLabels(w, "Labels", rs.labels)
        printAnnotations(w, "Annotations", rs.annotations)
        let controlledBy = controllerOf(rs)
        if !controlledBy.isEmpty { w.write(L0, "Controlled By:\t\(controlledBy)\n") }
        w.write(L0, "Replicas:\t\(rs["status"]["replicas"].i64) current / \(spec["replicas"].int ?? 1) desired\n")
        w.write(L0, "Pods Status:\t")
        w.write(L0, "\(counts.running) Running / \(counts.waiting) Waiting / \(counts.succeeded) Succeeded / \(counts.failed) Failed\n")
        describePodTemplate(w, spec["template"])
        writeControllerConditions(w, rs["status"]["conditions"].arr)
        writeEventsIfShown(w, rs, ctx)
    }
}

/// `Conditions:` table of ReplicaSets and ReplicationControllers (`Type \tStatus\tReason`).
func writeControllerConditions(_ w: DescribeWriter, _ conditions: [JSONValue]) {
    if conditions.isEmpty { return }
    w.write(L0, "Conditions:\n  Type\tStatus\tReason\n")
    w.write(L1, "----\t------\t------\n")
    for c in conditions { w.write(L1, "\(c["type"].str) \t\(c["status"].str)\t\(c["reason"].str)\n") }
}

/// `kubectl describe replicationcontroller`.
func describeReplicationController(_ rc: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = rc["spec"]
    let pods = ctx.list("pods", namespace: rc.namespace)
    let counts = podStatusCounts(pods, uid: rc.uid) { mapSelectorMatches(spec["selector"], $0) }
    return tabbed { w in
        w.write(L0, "Name:\t\(rc.name)\n")
        w.write(L0, "Namespace:\t\(rc.namespace)\n")
        w.write(L0, "Selector:\t\(formatLabels(spec["selector"]))\n")
        printLabels(w, "Labels", rc.labels)
        printAnnotations(w, "Annotations", rc.annotations)
        w.write(L0, "Replicas:\t\(rc["status"]["replicas"].i64) current / \(spec["replicas"].int ?? 1) desired\n")
        w.write(L0, "Pods Status:\t\(counts.running) Running / \(counts.waiting) Waiting / \(counts.succeeded) Succeeded / \(counts.failed) Failed\n")
        describePodTemplate(w, spec["template"])
        writeControllerConditions(w, rc["status"]["conditions"].arr)
        writeEventsIfShown(w, rc, ctx)
    }
}
