import KubeModel

/// `kubectl describe namespace`: status, conditions, resource quotas and limit ranges (no events).
func describeNamespace(_ ns: JSONValue, _ ctx: DescribeContext) -> String {
    let quotas = sortedByKey(ctx.list("resourcequotas", namespace: ns.name)) { $0.name }
    let limitRanges = ctx.list("limitranges", namespace: ns.name)
    return tabbed { w in
        w.write(L0, "Name:\t\(ns.name)\n")
        printLabels(w, "Labels", ns.labels)
        printAnnotations(w, "Annotations", ns.annotations)
        w.write(L0, "Status:\t\(ns["status"]["phase"].str)\n")
        let conditions = ns["status"]["conditions"].arr
        if !conditions.isEmpty {
            w.write(L0, "Conditions:\n")
            w.write(L1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n")
            w.write(L1, "----\t------\t------------------\t------\t-------\n")
            for c in conditions {
                w.write(L1, "\(c["type"].str)\t\(c["status"].str)\t\(rfc1123(c["lastTransitionTime"]))\t\(c["reason"].str)\t\(c["message"].str)\n")
            }
        }
        w.write(L0, "\n")
        if quotas.isEmpty {
            w.write(L0, "No resource quota.\n")
        } else {
            w.write(L0, "Resource Quotas\n")
            for q in quotas {
                w.write(L1, "Name:\t\(q.name)\n")
                let scopes = q["spec"]["scopes"].arr.map(\.str).sorted(by: goStringLess)
                if !scopes.isEmpty {
                    w.write(L1, "Scopes:\t\(scopes.joined(separator: ", "))\n")
                    for s in scopes {
                        let help = quotaScopeHelp(s)
                        if !help.isEmpty { w.write(L1, "* \(help)\n") }
                    }
                }
                w.write(L1, "Resource\tUsed\tHard\n")
                w.write(L1, "--------\t---\t---\n")
                for r in sortedResourceNames(q["status"]["hard"]) {
                    let used = DescribeQuantity(json: q["status"]["used"][r]) ?? .zero
                    w.write(L1, "\(r)\t\(used.string)\t\(quantityString(q["status"]["hard"][r]))\n")
                }
            }
        }
        w.write(L0, "\n")
        if limitRanges.isEmpty {
            w.write(L0, "No LimitRange resource.\n")
        } else {
            w.write(L0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n")
            w.write(L0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n")
            for lr in limitRanges { describeLimitRangeSpec(w, lr["spec"], prefix: " ") }
        }
    }
}

func quotaScopeHelp(_ scope: String) -> String {
    switch scope {
    case "Terminating": return "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system."
    case "NotTerminating": return "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate."
    case "BestEffort": return "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service."
    case "NotBestEffort": return "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service."
    default: return ""
    }
}

/// One row per limit item and resource (resources in Go-sorted order; kubectl iterates a map).
func describeLimitRangeSpec(_ w: DescribeWriter, _ spec: JSONValue, prefix: String) {
    for item in spec["limits"].arr {
        var names = Set<String>()
        for key in ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"] {
            for k in item[key].object?.keys ?? [] { names.insert(k) }
        }
        for k in names.sorted(by: goStringLess) {
            func v(_ key: String) -> String { item[key][k].isNull ? "-" : quantityString(item[key][k]) }
            w.write(L0, "\(prefix)\(item["type"].str)\t\(k)\t\(v("min"))\t\(v("max"))\t\(v("defaultRequest"))\t\(v("default"))\t\(v("maxLimitRequestRatio"))\n")
        }
    }
}

/// `kubectl describe resourcequota`.
func describeResourceQuota(_ q: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(q.name)\n")
        w.write(L0, "Namespace:\t\(q.namespace)\n")
        let scopes = q["spec"]["scopes"].arr.map(\.str).sorted(by: goStringLess)
        if !scopes.isEmpty {
            w.write(L0, "Scopes:\t\(scopes.joined(separator: ", "))\n")
            for s in scopes where !quotaScopeHelp(s).isEmpty { w.write(L0, " * \(quotaScopeHelp(s))\n") }
        }
        w.write(L0, "Resource\tUsed\tHard\n")
        w.write(L0, "--------\t----\t----\n")
        for r in sortedResourceNames(q["status"]["hard"]) {
            let hard = DescribeQuantity(json: q["status"]["hard"][r]) ?? .zero
            var used = DescribeQuantity(json: q["status"]["used"][r]) ?? .zero
            if used.format != hard.format {
                used = Quantity(used.value, format: hard.format)
            }
            w.write(L0, "\(r)\t\(used.string)\t\(hard.string)\n")
        }
    }
}

/// `kubectl describe limitrange`.
func describeLimitRange(_ lr: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(lr.name)\n")
        w.write(L0, "Namespace:\t\(lr.namespace)\n")
        w.write(L0, "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n")
        w.write(L0, "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n")
        describeLimitRangeSpec(w, lr["spec"], prefix: "")
    }
}
