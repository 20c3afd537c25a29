import KubeModel

/// The mandatory API Priority and Fairness objects (`exempt` and `catch-all`) as v1.32 validates them on
/// every create and update: their spec, decoded and defaulted, must equal the fixed one (apimachinery's
/// semantic equality: an empty list is a missing one, a pointer set to a zero value is not a missing
/// one); only the `exempt` priority level's `spec.exempt` may differ. The bad value prints as Go's `%#v`
/// of the internal spec (pointers as one made-up address).
enum FlowControlMandatory {
    static let names: Set<String> = ["exempt", "catch-all"]

    static func fixedSpec(kind: String, name: String) -> JSONValue? {
        guard names.contains(name) else { return nil }
        let objects = kind == "FlowSchema" ? FlowControlBootstrap.flowSchemas(now: Timestamp(seconds: 0)) : FlowControlBootstrap.priorityLevels()
        return objects.first { $0["metadata"]["name"].string == name }?["spec"]
    }

    static func flowSchema(_ obj: JSONValue) -> [FieldError] {
        let name = obj["metadata"]["name"].string ?? ""
        guard let fixed = fixedSpec(kind: "FlowSchema", name: name), semantic(obj["spec"]) != semantic(fixed) else { return [] }
        return [FieldError(.invalid, field: "spec", value: .raw(GoFlowControl.flowSchemaSpec(obj["spec"])),
                           detail: "spec of '\(name)' must equal the fixed value")]
    }

    static func priorityLevel(_ obj: JSONValue) -> [FieldError] {
        let name = obj["metadata"]["name"].string ?? ""
        guard let fixed = fixedSpec(kind: "PriorityLevelConfiguration", name: name) else { return [] }
        var have = obj["spec"]
        var detail = "spec of '\(name)' must equal the fixed value"
        if name == "exempt" {
            have["exempt"] = fixed["exempt"]
            detail = "spec of '\(name)' except the 'spec.exempt' field must equal the fixed value"
        }
        guard semantic(have) != semantic(fixed) else { return [] }
        return [FieldError(.invalid, field: "spec", value: .raw(GoFlowControl.priorityLevelSpec(obj["spec"])), detail: detail)]
    }

    /// Members that are Go pointers in the internal types: set (even to a zero value) differs from unset.
    static let pointers: Set<String> = ["distinguisherMethod", "user", "group", "serviceAccount", "limited", "exempt",
                                        "queuing", "lendablePercent", "borrowingLimitPercent", "nominalConcurrencyShares"]

    /// The value with every zero non-pointer member removed, so equal Go values compare equal.
    static func semantic(_ v: JSONValue, pointer: Bool = false) -> JSONValue {
        switch v {
        case .object(let o):
            var out = JSONObject()
            for k in o.keys.sorted() {
                let isPointer = pointers.contains(k)
                let c = semantic(o[k]!, pointer: isPointer)
                if isPointer ? !o[k]!.isNull : !isZero(c) { out[k] = c }
            }
            return .object(out)
        case .array(let a): return .array(a.map { semantic($0) })
        default: return v
        }
    }

    static func isZero(_ v: JSONValue) -> Bool {
        switch v {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .bool(let b): return !b
        case .int(let i): return i == 0
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        default: return false
        }
    }
}

/// Go's `%#v` of the internal flowcontrol spec types (fields in their Go order).
enum GoFlowControl {
    static let address = "0xc000000000"

    static func pointer(_ type: String, _ v: JSONValue) -> String {
        "(*flowcontrol.\(type))(\(v.isNull ? "nil" : address))"
    }

    static func strings(_ v: JSONValue) -> String {
        guard let a = v.array else { return "[]string(nil)" }
        return "[]string{" + a.map { strconvQuote($0.string ?? "") }.joined(separator: ", ") + "}"
    }

    static func slice(_ type: String, _ v: JSONValue, _ element: (JSONValue) -> String) -> String {
        guard let a = v.array else { return "[]flowcontrol.\(type)(nil)" }
        return "[]flowcontrol.\(type){" + a.map(element).joined(separator: ", ") + "}"
    }

    static func int(_ v: JSONValue) -> String { String(v.int ?? 0) }
    static func str(_ v: JSONValue) -> String { strconvQuote(v.string ?? "") }

    static func flowSchemaSpec(_ s: JSONValue) -> String {
        "flowcontrol.FlowSchemaSpec{PriorityLevelConfiguration:flowcontrol.PriorityLevelConfigurationReference{Name:\(str(s["priorityLevelConfiguration"]["name"]))}, "
            + "MatchingPrecedence:\(int(s["matchingPrecedence"])), DistinguisherMethod:\(pointer("FlowDistinguisherMethod", s["distinguisherMethod"])), "
            + "Rules:\(slice("PolicyRulesWithSubjects", s["rules"], rule))}"
    }

    static func rule(_ r: JSONValue) -> String {
        "flowcontrol.PolicyRulesWithSubjects{Subjects:\(slice("Subject", r["subjects"], subject)), "
            + "ResourceRules:\(slice("ResourcePolicyRule", r["resourceRules"], resourceRule)), "
            + "NonResourceRules:\(slice("NonResourcePolicyRule", r["nonResourceRules"], nonResourceRule))}"
    }

    static func subject(_ s: JSONValue) -> String {
        "flowcontrol.Subject{Kind:\(str(s["kind"])), User:\(pointer("UserSubject", s["user"])), Group:\(pointer("GroupSubject", s["group"])), "
            + "ServiceAccount:\(pointer("ServiceAccountSubject", s["serviceAccount"]))}"
    }

    static func resourceRule(_ r: JSONValue) -> String {
        "flowcontrol.ResourcePolicyRule{Verbs:\(strings(r["verbs"])), APIGroups:\(strings(r["apiGroups"])), Resources:\(strings(r["resources"])), "
            + "ClusterScope:\(r["clusterScope"].bool ?? false), Namespaces:\(strings(r["namespaces"]))}"
    }

    static func nonResourceRule(_ r: JSONValue) -> String {
        "flowcontrol.NonResourcePolicyRule{Verbs:\(strings(r["verbs"])), NonResourceURLs:\(strings(r["nonResourceURLs"]))}"
    }

    static func priorityLevelSpec(_ s: JSONValue) -> String {
        "flowcontrol.PriorityLevelConfigurationSpec{Type:\(str(s["type"])), Limited:\(pointer("LimitedPriorityLevelConfiguration", s["limited"])), "
            + "Exempt:\(pointer("ExemptPriorityLevelConfiguration", s["exempt"]))}"
    }
}
