import KubeModel
import KubeSchema

/// An RBAC object as kubectl prints a typed rbac/v1 value it holds (`auth reconcile -o json|yaml`):
/// fields in Go struct order, empty ones left out, and ObjectMeta's `creationTimestamp` always present
/// (`null` for an object not stored yet).
enum RBACTypedShape {
    static let metaOrder = TypedOrder.objectMeta
    static let topOrder = ["kind", "apiVersion", "metadata", "subjects", "roleRef", "rules", "aggregationRule"]
    static let ruleOrder = GoFieldOrder.fields("io.k8s.api.rbac.v1.PolicyRule") ?? []
    static let subjectOrder = GoFieldOrder.fields("io.k8s.api.rbac.v1.Subject") ?? []
    static let roleRefOrder = GoFieldOrder.fields("io.k8s.api.rbac.v1.RoleRef") ?? []

    static func shape(_ obj: JSONValue) -> JSONValue {
        var out = ordered(obj, topOrder)
        var meta = ordered(obj["metadata"], metaOrder)
        if meta["creationTimestamp"] == nil {
            var m = JSONObject()
            for key in metaOrder {
                if key == "creationTimestamp" { m[key] = .null } else if let v = meta[key] { m[key] = v }
            }
            meta = m
        }
        out["metadata"] = .object(meta)
        if let rules = obj["rules"].array { out["rules"] = .array(rules.map { .object(ordered($0, ruleOrder)) }) }
        if let subjects = obj["subjects"].array { out["subjects"] = .array(subjects.map { .object(ordered($0, subjectOrder)) }) }
        if !obj["roleRef"].isNull { out["roleRef"] = .object(ordered(obj["roleRef"], roleRefOrder)) }
        return .object(out)
    }

    /// The keys of `list` that `v` has, in that order, without empty values (Go's omitempty).
    private static func ordered(_ v: JSONValue, _ list: [String]) -> JSONObject {
        var o = JSONObject()
        for key in list {
            let x = v[key]
            switch x {
            case .null: continue
            case .array(let a) where a.isEmpty: continue
            case .object(let m) where m.isEmpty: continue
            case .string(let s) where s.isEmpty && key != "apiGroup": continue
            default: o[key] = x
            }
        }
        return o
    }
}
