import KubeModel

/// `kubectl describe statefulset`.
func describeStatefulSet(_ ss: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = ss["spec"]
    let counts = podStatusCounts(ctx.list("pods", namespace: ss.namespace), uid: ss.uid) { selectorMatches(spec["selector"], $0) }
    return tabbed { w in
        w.write(L0, "Name:\t\(ss.name)\n")
        w.write(L0, "Namespace:\t\(ss.namespace)\n")
        w.write(L0, "CreationTimestamp:\t\(rfc1123(ss["metadata"]["creationTimestamp"]))\n")
        w.write(L0, "Selector:\t\(selectorString(spec["selector"]))\n")
        printLabels(w, "Labels", ss.labels)
        printAnnotations(w, "Annotations", ss.annotations)
        w.write(L0, "Replicas:\t\(spec["replicas"].int ?? 1) desired | \(ss["status"]["replicas"].i64) total\n")
        w.write(L0, "Update Strategy:\t\(spec["updateStrategy"]["type"].str)\n")
        let ru = spec["updateStrategy"]["rollingUpdate"]
        if let partition = ru["partition"].int {
            w.write(L1, "Partition:\t\(partition)\n")
            if !ru["maxUnavailable"].isNull { w.write(L1, "MaxUnavailable:\t\(intOrString(ru["maxUnavailable"]))\n") }
        }
        w.write(L0, "Pods Status:\t\(counts.running) Running / \(counts.waiting) Waiting / \(counts.succeeded) Succeeded / \(counts.failed) Failed\n")
        describePodTemplate(w, spec["template"])
        let templates = spec["volumeClaimTemplates"].arr
        if templates.isEmpty {
            w.write(L0, "Volume Claims:\t<none>\n")
        } else {
            w.write(L0, "Volume Claims:\n")
            for pvc in templates {
                w.write(L1, "Name:\t\(pvc.name)\n")
                w.write(L1, "StorageClass:\t\(pvcStorageClass(pvc))\n")
                printLabels(w, "Labels", pvc.labels, initialIndent: "  ")
                printLabels(w, "Annotations", pvc.annotations, initialIndent: "  ")
                let cap = pvc["spec"]["resources"]["requests"]["storage"]
                w.write(L1, "Capacity:\t\(cap.isNull ? "<default>" : quantityString(cap))\n")
                w.write(L1, "Access Modes:\t\(goStringList(pvc["spec"]["accessModes"]))\n")
            }
        }
        writeEventsIfShown(w, ss, ctx)
    }
}

/// `kubectl describe daemonset`.
func describeDaemonSet(_ ds: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = ds["spec"], status = ds["status"]
    let counts = podStatusCounts(ctx.list("pods", namespace: ds.namespace), uid: ds.uid) { selectorMatches(spec["selector"], $0) }
    return tabbed { w in
        w.write(L0, "Name:\t\(ds.name)\n")
        w.write(L0, "Selector:\t\(selectorString(spec["selector"]))\n")
        w.write(L0, "Node-Selector:\t\(formatLabels(spec["template"]["spec"]["nodeSelector"]))\n")
        printLabels(w, "Labels", ds.labels)
        printAnnotations(w, "Annotations", ds.annotations)
        w.write(L0, "Desired Number of Nodes Scheduled: \(status["desiredNumberScheduled"].i64)\n")
        w.write(L0, "Current Number of Nodes Scheduled: \(status["currentNumberScheduled"].i64)\n")
        w.write(L0, "Number of Nodes Scheduled with Up-to-date Pods: \(status["updatedNumberScheduled"].i64)\n")
        w.write(L0, "Number of Nodes Scheduled with Available Pods: \(status["numberAvailable"].i64)\n")
        w.write(L0, "Number of Nodes Misscheduled: \(status["numberMisscheduled"].i64)\n")
        w.write(L0, "Pods Status:\t\(counts.running) Running / \(counts.waiting) Waiting / \(counts.succeeded) Succeeded / \(counts.failed) Failed\n")
        describePodTemplate(w, spec["template"])
        writeEventsIfShown(w, ds, ctx)
    }
}
