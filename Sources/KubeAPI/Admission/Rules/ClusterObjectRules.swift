import KubeModel

/// Cluster policy objects (v1.32 validation of scheduling, core and networking): a PriorityClass's value
/// and preemption policy and an IngressClass's controller (ResourceQuota and LimitRange: `QuotaRules`).
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
}
