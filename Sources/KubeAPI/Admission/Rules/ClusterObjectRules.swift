import KubeModel

/// Cluster policy objects (v1.32 validation of scheduling, core and networking): a PriorityClass's value
/// and preemption policy, a ResourceQuota's hard amounts, a LimitRange's item types and an IngressClass's
/// controller.
enum ClusterObjectRules {
    static let highestUserPriority: Int64 = 1_000_000_000
    static let standardLimitTypes: Set<String> = ["Pod", "Container", "PersistentVolumeClaim"]
    static let integerResources: Set<String> = [
        "pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims",
        "services.nodeports", "services.loadbalancers",
    ]

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

    /// `ValidateResourceQuantityValue` of each hard amount: not negative, whole for counted resources.
    static func resourceQuota(_ obj: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        for (name, value) in obj["spec"]["hard"].object ?? JSONObject() {
            guard let q = try? Quantity.parse(json: value) else { continue }
            let path = "spec.hard[\(name)]"
            if q.sign < 0 { errs.append(.invalid(path, q.description, WorkloadRules.isNegative)) }
            if integerResources.contains(name) || name.hasPrefix("count/"), q.milliValue % 1000 != 0 {
                errs.append(FieldError(.invalid, field: path, value: .string(q.description), detail: "must be an integer"))
            }
        }
        return errs
    }

    /// `ValidateLimitRangeTypeName` of each item.
    static func limitRange(_ obj: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        for (i, item) in (obj["spec"]["limits"].array ?? []).enumerated() {
            let type = item["type"].string ?? "", path = "spec.limits[\(i)].type"
            let qualified = isQualifiedName(type).map { FieldError.invalid(path, type, $0) }
            if !qualified.isEmpty { errs += qualified; continue }
            if !type.contains("/") && !standardLimitTypes.contains(type) {
                errs.append(.invalid(path, type, "must be a standard limit type or fully qualified"))
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
