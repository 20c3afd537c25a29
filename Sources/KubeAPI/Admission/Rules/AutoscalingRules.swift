import KubeModel

/// PodDisruptionBudgets (apis/policy/validation v1.32) and HorizontalPodAutoscalers
/// (apis/autoscaling/validation v1.32): int-or-percent budgets, at most one of minAvailable and
/// maxUnavailable, the selector and eviction policy; replica bounds, the scale target, metric sources
/// (exactly the one the type names, targets and identifiers) and scaling behavior policies.
enum AutoscalingRules {
    // MARK: PodDisruptionBudget

    static func podDisruptionBudget(_ obj: JSONValue) -> [FieldError] {
        let spec = obj["spec"]
        guard spec.object != nil else { return [] }
        var errs: [FieldError] = []
        let min = spec["minAvailable"], max = spec["maxUnavailable"]
        if !min.isNull && !max.isNull {
            let literal = "policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(\(SecurityContextRules.pointer)), "
                + "Selector:(*v1.LabelSelector)(\(spec["selector"].isNull ? "nil" : SecurityContextRules.pointer)), "
                + "MaxUnavailable:(*intstr.IntOrString)(\(SecurityContextRules.pointer)), "
                + "UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(\(spec["unhealthyPodEvictionPolicy"].isNull ? "nil" : SecurityContextRules.pointer))}"
            errs.append(FieldError(.invalid, field: "spec", value: .raw(literal), detail: "minAvailable and maxUnavailable cannot be both set"))
        }
        for (key, v) in [("minAvailable", min), ("maxUnavailable", max)] where !v.isNull {
            positiveIntOrPercent(v, path: "spec.\(key)", into: &errs)
        }
        errs += SchedulingRules.labelSelector(spec["selector"], path: "spec.selector")
        if let policy = spec["unhealthyPodEvictionPolicy"].string, policy != "AlwaysAllow", policy != "IfHealthyBudget" {
            errs.append(.notSupported("spec.unhealthyPodEvictionPolicy", .string(policy), supported: ["AlwaysAllow", "IfHealthyBudget"]))
        }
        return errs
    }

    /// `ValidatePositiveIntOrPercent` and `IsNotMoreThan100Percent` of apps validation.
    static func positiveIntOrPercent(_ v: JSONValue, path: String, into errs: inout [FieldError]) {
        if let n = v.int {
            if n < 0 { errs.append(FieldError(.invalid, field: path, value: .int(n), detail: WorkloadRules.isNegative)) }
            return
        }
        guard let s = v.string else { return }
        let literal = "intstr.IntOrString{Type:1, IntVal:0, StrVal:\(strconvQuote(s))}"
        let digits = s.dropLast()
        guard s.hasSuffix("%"), !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            errs.append(FieldError(.invalid, field: path, value: .raw(literal),
                                   detail: regexError("a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%")))
            return
        }
        if let n = Int(digits), n > 100 {
            errs.append(FieldError(.invalid, field: path, value: .raw(literal), detail: "must not be greater than 100%"))
        }
    }

    // MARK: HorizontalPodAutoscaler

    static let metricTypes = ["ContainerResource", "External", "Object", "Pods", "Resource"]
    static let sourceFields = ["Object": "object", "Pods": "pods", "Resource": "resource", "External": "external",
                               "ContainerResource": "containerResource"]

    static func horizontalPodAutoscaler(_ obj: JSONValue) -> [FieldError] {
        let spec = obj["spec"]
        guard spec.object != nil else { return [] }
        var errs: [FieldError] = []
        let min = spec["minReplicas"].int, max = spec["maxReplicas"].int ?? 0
        if let min, min < 1 {
            errs.append(FieldError(.invalid, field: "spec.minReplicas", value: .int(min), detail: "must be greater than or equal to 1"))
        }
        if max < 1 { errs.append(FieldError(.invalid, field: "spec.maxReplicas", value: .int(max), detail: "must be greater than 0")) }
        if let min, max < min {
            errs.append(FieldError(.invalid, field: "spec.maxReplicas", value: .int(max), detail: "must be greater than or equal to `minReplicas`"))
        }
        objectReference(spec["scaleTargetRef"], path: "spec.scaleTargetRef", into: &errs)
        for (i, m) in (spec["metrics"].array ?? []).enumerated() { metric(m, path: "spec.metrics[\(i)]", into: &errs) }
        for key in ["scaleUp", "scaleDown"] where spec["behavior"][key].object != nil {
            scalingRules(spec["behavior"][key], path: "spec.behavior.\(key)", into: &errs)
        }
        return errs
    }

    /// `ValidateCrossVersionObjectReference`.
    static func objectReference(_ ref: JSONValue, path: String, into errs: inout [FieldError]) {
        for key in ["kind", "name"] {
            let v = ref[key].string ?? ""
            if v.isEmpty { errs.append(.required("\(path).\(key)")) }
            for msg in v.isEmpty ? [] : isValidPathSegmentName(v) { errs.append(.invalid("\(path).\(key)", v, msg)) }
        }
    }

    static func metric(_ m: JSONValue, path: String, into errs: inout [FieldError]) {
        let type = m["type"].string ?? ""
        if type.isEmpty { errs.append(.required("\(path).type", "must specify a metric source type")) }
        if !metricTypes.contains(type) { errs.append(.notSupported("\(path).type", .string(type), supported: metricTypes)) }
        var present: [String] = []
        for key in ["object", "external", "pods", "resource", "containerResource"] where m[key].object != nil {
            present.append(key)
            if present.count == 1 { source(m[key], key: key, path: "\(path).\(key)", into: &errs) }
        }
        let expected = sourceFields[type]
        if let expected {
            if m[expected].object == nil {
                errs.append(.required("\(path).\(expected)", "must populate information for the given metric source"))
            }
        } else {
            errs.append(.notSupported("\(path).type", .string(type), supported: metricTypes))
        }
        if present.count != 1 {
            // The server walks a Go set here; its order among several extra sources varies.
            for key in present.sorted() where key != expected {
                errs.append(FieldError(.forbidden, field: "\(path).\(key)", detail: "must populate the given metric source only"))
            }
        }
    }

    static func source(_ s: JSONValue, key: String, path: String, into errs: inout [FieldError]) {
        let target = s["target"], tp = "\(path).target"
        switch key {
        case "object":
            objectReference(s["describedObject"], path: "\(path).describedObject", into: &errs)
            metricIdentifier(s["metric"], path: "\(path).metric", into: &errs)
            metricTarget(target, path: tp, into: &errs)
            if target["value"].isNull && target["averageValue"].isNull {
                errs.append(.required("\(tp).averageValue", "must set either a target value or averageValue"))
            }
        case "external":
            metricIdentifier(s["metric"], path: "\(path).metric", into: &errs)
            metricTarget(target, path: tp, into: &errs)
            if target["value"].isNull && target["averageValue"].isNull {
                errs.append(.required("\(tp).averageValue", "must set either a target value for metric or a per-pod target"))
            }
            if !target["value"].isNull && !target["averageValue"].isNull {
                errs.append(FieldError(.forbidden, field: "\(tp).value", detail: "may not set both a target value for metric and a per-pod target"))
            }
        case "pods":
            metricIdentifier(s["metric"], path: "\(path).metric", into: &errs)
            metricTarget(target, path: tp, into: &errs)
            if target["averageValue"].isNull { errs.append(.required("\(tp).averageValue", "must specify a positive target averageValue")) }
        default:
            let name = s["name"].string ?? ""
            if name.isEmpty { errs.append(.required("\(path).name", "must specify a resource name")) }
            if key == "containerResource" {
                if !name.isEmpty { ResourceRules.resourceName(name, path: "\(path).name", into: &errs) }
                let container = s["container"].string ?? ""
                if container.isEmpty { errs.append(.required("\(path).container", "must specify a container")) }
                for msg in container.isEmpty ? [] : isDNS1123Label(container) { errs.append(.invalid("\(path).container", container, msg)) }
            }
            metricTarget(target, path: tp, into: &errs)
            if target["averageUtilization"].isNull && target["averageValue"].isNull {
                errs.append(.required("\(tp).averageUtilization", "must set either a target raw value or a target utilization"))
            }
            if !target["averageUtilization"].isNull && !target["averageValue"].isNull {
                errs.append(FieldError(.forbidden, field: "\(tp).averageValue", detail: "may not set both a target raw value and a target utilization"))
            }
        }
    }

    static func metricTarget(_ t: JSONValue, path: String, into errs: inout [FieldError]) {
        let type = t["type"].string ?? ""
        if type.isEmpty { errs.append(.required("\(path).type", "must specify a metric target type")) }
        if !["Utilization", "Value", "AverageValue"].contains(type) {
            errs.append(.invalid("\(path).type", type, "must be either Utilization, Value, or AverageValue"))
        }
        for key in ["value", "averageValue"] where !t[key].isNull {
            guard let q = try? Quantity.parse(json: t[key]), q <= Quantity.zero else { continue }
            errs.append(FieldError(.invalid, field: "\(path).\(key)", value: .raw(goQuantity(q)), detail: "must be positive"))
        }
        if let u = t["averageUtilization"].int, u < 1 {
            errs.append(FieldError(.invalid, field: "\(path).averageUtilization", value: .int(u), detail: "must be greater than 0"))
        }
    }

    /// `%#v` of a `resource.Quantity` (what the server prints for a Quantity pointer it dereferences): as
    /// the decoder's ParseQuantity left it, its string cached only when the text was already canonical.
    static func goQuantity(_ q: Quantity) -> String {
        GoQuantity.literal(.null, canonical: "\(q)", cached: false)
    }

    static func metricIdentifier(_ id: JSONValue, path: String, into errs: inout [FieldError]) {
        let name = id["name"].string ?? ""
        if name.isEmpty { errs.append(.required("\(path).name", "must specify a metric name")); return }
        for msg in isValidPathSegmentName(name) { errs.append(.invalid("\(path).name", name, msg)) }
    }

    /// `validateScalingRules` and `validateScalingPolicy`.
    static func scalingRules(_ r: JSONValue, path: String, into errs: inout [FieldError]) {
        if let w = r["stabilizationWindowSeconds"].int {
            if w < 0 {
                errs.append(FieldError(.invalid, field: "\(path).stabilizationWindowSeconds", value: .int(w), detail: "must be greater than or equal to zero"))
            }
            if w > 3600 {
                errs.append(FieldError(.invalid, field: "\(path).stabilizationWindowSeconds", value: .int(w), detail: "must be less than or equal to 3600"))
            }
        }
        if let select = r["selectPolicy"].string, !["Disabled", "Max", "Min"].contains(select) {
            errs.append(.notSupported("\(path).selectPolicy", .string(select), supported: ["Disabled", "Max", "Min"]))
        }
        let policies = r["policies"].array ?? []
        if policies.isEmpty { errs.append(.required("\(path).policies", "must specify at least one Policy")) }
        for (i, p) in policies.enumerated() {
            let pp = "\(path).policies[\(i)]"
            let type = p["type"].string ?? ""
            if type != "Pods" && type != "Percent" { errs.append(.notSupported("\(pp).type", .string(type), supported: ["Percent", "Pods"])) }
            let value = p["value"].int ?? 0, period = p["periodSeconds"].int ?? 0
            if value <= 0 { errs.append(FieldError(.invalid, field: "\(pp).value", value: .int(value), detail: "must be greater than zero")) }
            if period <= 0 {
                errs.append(FieldError(.invalid, field: "\(pp).periodSeconds", value: .int(period), detail: "must be greater than zero"))
            }
            if period > 1800 {
                errs.append(FieldError(.invalid, field: "\(pp).periodSeconds", value: .int(period), detail: "must be less than or equal to 1800"))
            }
        }
    }
}
