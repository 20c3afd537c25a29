import KubeModel

/// Cluster policy objects (v1.32 validation of scheduling, core, networking, node and coordination): a
/// PriorityClass's value and preemption policy, an IngressClass's controller, a RuntimeClass's handler,
/// overhead and scheduling, a Lease's durations (ResourceQuota and LimitRange: `QuotaRules`).
enum ClusterObjectRules {
    static let highestUserPriority: Int64 = 1_000_000_000

    /// `ValidatePriorityClass` (a `system-` name is checked by the Priority plugin).
    static func priorityClass(_ obj: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        let name = obj["metadata"]["name"].string ?? ""
        if !name.hasPrefix("system-"), let value = obj["value"].int, value > highestUserPriority {
            errs.append(FieldError(.forbidden, field: "value", detail: "maximum allowed value of a user defined priority is \(highestUserPriority)"))
        }
        if let policy = obj["preemptionPolicy"].string {
            if policy.isEmpty {
                errs.append(.required("preemptionPolicy"))
            } else if policy != "PreemptLowerPriority" && policy != "Never" {
                errs.append(.notSupported("preemptionPolicy", .string(policy), supported: ["PreemptLowerPriority", "Never"]))
            }
        }
        return errs
    }

    /// `validateIngressClassSpec`: the controller is a domain-prefixed path of at most 250 bytes.
    static func ingressClass(_ obj: JSONValue) -> [FieldError] {
        let controller = obj["spec"]["controller"].string ?? ""
        var errs: [FieldError] = []
        if controller.utf8.count > 250 { errs.append(.tooLong("spec.controller", maxLength: 250)) }
        errs += JobPolicyRules.domainPrefixedPath(controller, field: "spec.controller")
        return errs
    }

    /// `ValidateRuntimeClass` (+ `ValidateRuntimeClassUpdate`): the handler a DNS label and immutable, the
    /// overhead checked as a container's limits (so reported at `overhead.limits[...]`), the scheduling
    /// node selector's labels and tolerations.
    static func runtimeClass(_ obj: JSONValue, old: JSONValue?) -> [FieldError] {
        let handler = obj["handler"].string ?? ""
        var errs = isDNS1123Label(handler).map { FieldError.invalid("handler", handler, $0) }
        if obj["overhead"].object != nil {
            ResourceRules.validate(["limits": obj["overhead"]["podFixed"]], path: "overhead", into: &errs)
        }
        let scheduling = obj["scheduling"]
        if scheduling.object != nil {
            var pairs: [(String, String)] = []
            for (k, v) in scheduling["nodeSelector"].stringMap { pairs.append((k, v)) }
            errs += validateLabels(pairs, path: "scheduling.nodeSelector")
            SchedulingRules.tolerations(scheduling["tolerations"].array ?? [], path: "scheduling.tolerations", into: &errs)
        }
        if let old, old["handler"] != obj["handler"] {
            errs.append(.invalid("handler", handler, "field is immutable"))
        }
        return errs
    }

    /// `ValidateLeaseSpec` (v1.32; `strategy` and `preferredHolder` are dropped while their gate is off).
    static func lease(_ obj: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        if let d = obj["spec"]["leaseDurationSeconds"].int, d <= 0 {
            errs.append(FieldError(.invalid, field: "spec.leaseDurationSeconds", value: .int(d), detail: "must be greater than 0"))
        }
        if let t = obj["spec"]["leaseTransitions"].int, t < 0 {
            errs.append(FieldError(.invalid, field: "spec.leaseTransitions", value: .int(t), detail: "must be greater than or equal to 0"))
        }
        return errs
    }
}
