import KubeModel

/// `kubectl describe horizontalpodautoscaler` (autoscaling/v2 layout; v1 objects are described
/// with the v1 layout).
func describeHPA(_ hpa: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = hpa["spec"], status = hpa["status"]
    let isV1 = hpa["apiVersion"].str == "autoscaling/v1"
    return tabbed { w in
        w.write(L0, "Name:\t\(hpa.name)\n")
        w.write(L0, "Namespace:\t\(hpa.namespace)\n")
        printLabels(w, "Labels", hpa.labels)
        printAnnotations(w, "Annotations", hpa.annotations)
        w.write(L0, "CreationTimestamp:\t\(rfc1123(hpa["metadata"]["creationTimestamp"]))\n")
        w.write(L0, "Reference:\t\(spec["scaleTargetRef"]["kind"].str)/\(spec["scaleTargetRef"]["name"].str)\n")
        if isV1 {
            if let t = spec["targetCPUUtilizationPercentage"].int {
                w.write(L0, "Target CPU utilization:\t\(t)%\n")
                w.write(L0, "Current CPU utilization:\t\(status["currentCPUUtilizationPercentage"].int.map { String($0) } ?? "<unknown>")%\n")
            }
        } else {
            w.write(L0, "Metrics:\t( current / target )\n")
            let current = status["currentMetrics"].arr
            for (i, m) in spec["metrics"].arr.enumerated() {
                let cur: JSONValue = i < current.count ? current[i] : .null
                describeHPAMetric(w, m, cur)
            }
        }
        w.write(L0, "Min replicas:\t\(spec["minReplicas"].int.map { String($0) } ?? "<unset>")\n")
        w.write(L0, "Max replicas:\t\(spec["maxReplicas"].i64)\n")
        if !isV1, case .object = spec["behavior"] {
            w.write(L0, "Behavior:\n")
            for (key, title) in [("scaleUp", "Scale Up"), ("scaleDown", "Scale Down")] {
                let r = spec["behavior"][key]
                guard case .object = r else { continue }
                w.write(L1, "\(title):\n")
                if let s = r["stabilizationWindowSeconds"].int { w.write(L2, "Stabilization Window: \(s) seconds\n") }
                let policies = r["policies"].arr
                if !policies.isEmpty {
                    w.write(L2, "Select Policy: \(r["selectPolicy"].string ?? "Max")\n")
                    w.write(L2, "Policies:\n")
                    for p in policies {
                        w.write(L3, "- Type: \(p["type"].str)\tValue: \(p["value"].i64)\tPeriod: \(p["periodSeconds"].i64) seconds\n")
                    }
                }
            }
        }
        w.write(L0, "\(spec["scaleTargetRef"]["kind"].str) pods:\t")
        w.write(L0, "\(status["currentReplicas"].i64) current / \(status["desiredReplicas"].i64) desired\n")
        let conditions = status["conditions"].arr
        if !isV1 && !conditions.isEmpty {
            w.write(L0, "Conditions:\n")
            w.write(L1, "Type\tStatus\tReason\tMessage\n")
            w.write(L1, "----\t------\t------\t-------\n")
            for c in conditions { w.write(L1, "\(c["type"].str)\t\(c["status"].str)\t\(c["reason"].str)\t\(c["message"].str)\n") }
        }
        writeEventsIfShown(w, hpa, ctx)
    }
}

private func describeHPAMetric(_ w: DescribeWriter, _ m: JSONValue, _ cur: JSONValue) {
    func q(_ v: JSONValue) -> String { v.isNull ? "0" : quantityString(v) }
    switch m["type"].str {
    case "External":
        let e = m["external"]
        if !e["target"]["averageValue"].isNull {
            let c = cur["external"]["current"]["averageValue"].isNull ? "<unknown>" : q(cur["external"]["current"]["averageValue"])
            w.write(L1, "\(strconvQuote(e["metric"]["name"].str)) (target average value):\t\(c) / \(q(e["target"]["averageValue"]))\n")
        } else {
            let c = cur["external"].isNull ? "<unknown>" : q(cur["external"]["current"]["value"])
            w.write(L1, "\(strconvQuote(e["metric"]["name"].str)) (target value):\t\(c) / \(q(e["target"]["value"]))\n")
        }
    case "Pods":
        let c = cur["pods"].isNull ? "<unknown>" : q(cur["pods"]["current"]["averageValue"])
        w.write(L1, "\(strconvQuote(m["pods"]["metric"]["name"].str)) on pods:\t\(c) / \(q(m["pods"]["target"]["averageValue"]))\n")
    case "Object":
        let o = m["object"]
        w.write(L1, "\"\(o["metric"]["name"].str)\" on \(o["describedObject"]["kind"].str)/\(o["describedObject"]["name"].str) ")
        if o["target"]["type"].str == "AverageValue" {
            let c = cur["object"].isNull ? "<unknown>" : q(cur["object"]["current"]["averageValue"])
            w.write(L0, "(target average value):\t\(c) / \(q(o["target"]["averageValue"]))\n")
        } else {
            let c = cur["object"].isNull ? "<unknown>" : q(cur["object"]["current"]["value"])
            w.write(L0, "(target value):\t\(c) / \(q(o["target"]["value"]))\n")
        }
    case "Resource", "ContainerResource":
        let key = m["type"].str == "Resource" ? "resource" : "containerResource"
        let r = m[key]
        if key == "resource" {
            w.write(L1, "resource \(r["name"].str) on pods")
        } else {
            w.write(L1, "resource \(r["name"].str) of container \"\(r["container"].str)\" on pods")
        }
        if !r["target"]["averageValue"].isNull {
            let c = cur[key].isNull ? "<unknown>" : q(cur[key]["current"]["averageValue"])
            w.write(L0, ":\t\(c) / \(q(r["target"]["averageValue"]))\n")
        } else {
            var c = "<unknown>"
            if let u = cur[key]["current"]["averageUtilization"].int { c = "\(u)% (\(q(cur[key]["current"]["averageValue"])))" }
            let t = r["target"]["averageUtilization"].int.map { "\($0)%" } ?? "<auto>"
            w.write(L1, "(as a percentage of request):\t\(c) / \(t)\n")
        }
    default:
        w.write(L1, "<unknown metric type \(strconvQuote(m["type"].str))>\n")
    }
}

/// `kubectl describe poddisruptionbudget`.
func describePDB(_ pdb: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = pdb["spec"], status = pdb["status"]
    return tabbed { w in
        w.write(L0, "Name:\t\(pdb.name)\n")
        w.write(L0, "Namespace:\t\(pdb.namespace)\n")
        if !spec["minAvailable"].isNull {
            w.write(L0, "Min available:\t\(intOrString(spec["minAvailable"]))\n")
        } else if !spec["maxUnavailable"].isNull {
            w.write(L0, "Max unavailable:\t\(intOrString(spec["maxUnavailable"]))\n")
        }
        if case .object = spec["selector"] {
            w.write(L0, "Selector:\t\(formatLabelSelector(spec["selector"]))\n")
        } else {
            w.write(L0, "Selector:\t<unset>\n")
        }
        w.write(L0, "Status:\n")
        w.write(L2, "Allowed disruptions:\t\(status["disruptionsAllowed"].i64)\n")
        w.write(L2, "Current:\t\(status["currentHealthy"].i64)\n")
        w.write(L2, "Desired:\t\(status["desiredHealthy"].i64)\n")
        w.write(L2, "Total:\t\(status["expectedPods"].i64)\n")
        writeEventsIfShown(w, pdb, ctx)
    }
}

/// `kubectl describe priorityclass`.
func describePriorityClass(_ pc: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(pc.name)\n")
        w.write(L0, "Value:\t\(pc["value"].i64)\n")
        w.write(L0, "GlobalDefault:\t\(goBool(pc["globalDefault"].isTrue))\n")
        w.write(L0, "PreemptionPolicy:\t\(pc["preemptionPolicy"].str)\n")
        w.write(L0, "Description:\t\(pc["description"].str)\n")
        w.write(L0, "Annotations:\t\(formatLabels(pc.annotations))\n")
        writeEventsIfShown(w, pc, ctx)
    }
}
