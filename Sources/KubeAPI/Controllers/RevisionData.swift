import KubeModel
import KubeSchema

/// The `data` of a DaemonSet's or StatefulSet's ControllerRevision as their controllers write it: the
/// owner encoded from its Go type (zero-valued structs written out, as `creationTimestamp: null` and
/// `resources: {}`; empty maps and lists left out), reduced to `spec.template` with `$patch: replace`,
/// every map's keys in Go's sorted order. `kubectl rollout undo` compares these bytes with the same
/// encoding of the live owner, so a revision matches its owner only when written exactly this way.
public enum RevisionData {
    public static func of(owner: JSONValue) -> JSONValue {
        let typed = TypedFields(apiVersion: owner["apiVersion"].string ?? "apps/v1", kind: owner["kind"].string ?? "DaemonSet")
        let spec = typed.child(typed.root, "spec")
        var template = typed.goEncoded(owner["spec"]["template"], typed.child(spec, "template"))
        if case .object(var o) = template {
            o.insert("$patch", "replace", at: 0)  // `$` sorts before every letter
            template = .object(o)
        }
        return ["spec": ["template": template]]
    }
}

extension TypedFields {
    /// `v` as encoding/json writes it after decoding into the Go type of `s`.
    func goEncoded(_ v: JSONValue, _ s: FieldShape) -> JSONValue {
        switch (v, s) {
        case (.object(let o), .structure(let def, _)):
            var out = JSONObject()
            // (A Quantity is a struct: `divisor` is written "0" although it is `omitempty`; the table marks it.)
            let skeleton = Self.zeroFields(def.name).map { ($0.name, $0.zero) }
            let omit = GoZeroValues.omitRule(def.name)
            var keys = o.keys
            for (k, _) in skeleton where o[k] == nil { keys.append(k) }
            for k in keys.sorted(by: goStringLess) {
                let zero = skeleton.first { $0.0 == k }?.1
                guard let x = o[k] ?? zero else { continue }
                let c = child(s, k)
                let e = goEncoded(x, c)
                if let omit {
                    // The probe-learned marks say what omitempty leaves out (`hostNetwork: false`, `hostPort: 0`).
                    if GoZeroValues.leftOut(e, field: k, rule: omit, of: def) { continue }
                } else {
                    if zero == nil && Self.omitted(e, c) { continue }
                    // An empty string is left out unless the field has no `omitempty` (required).
                    if case .string("") = e, !def.required.contains(k) { continue }
                }
                out.appendUnchecked(k, e.isNull && zero != nil ? zero! : e)
            }
            return .object(out)
        case (.object(let o), _):
            var out = JSONObject()
            let c: FieldShape = if case .map = s { child(s, "") } else { .deduced }
            for k in o.sortedKeys { out.appendUnchecked(k, goEncoded(o[k]!, c)) }
            return .object(out)
        case (.array(let a), _):
            let el = element(s)
            return .array(a.map { goEncoded($0, el) })
        default:
            return v
        }
    }

    /// What `omitempty` leaves out (and a null, which decodes to a nil pointer, slice or map).
    static func omitted(_ v: JSONValue, _ s: FieldShape) -> Bool {
        switch v {
        case .null: return true
        case .array(let a): return a.isEmpty
        case .object(let o): if case .map = s { return o.isEmpty } else { return false }
        default: return false
        }
    }
}
