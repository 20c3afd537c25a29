import KubeAPI
import KubeModel
import KubeSchema

/// What decoding into kubectl's Go structs and encoding again does to an object's fields (`set ...
/// --local`, `--dry-run=client`): fields the type does not have are dropped, quantities come back in
/// their canonical form (`1.5Gi` is `1536Mi`, `0.5` is `500m`), empty lists and maps are left out
/// (`omitempty`), and map keys come out sorted (Go marshals maps in key order). Kinds outside the
/// built-in schema stay as they are.
extension TypedRoundTrip {
    static func typedFields(_ obj: JSONValue) -> JSONValue {
        guard let apiVersion = obj["apiVersion"].string, let kind = obj["kind"].string,
              let gv = try? SchemeDecoder.parseGroupVersion(apiVersion),
              let def = SchemeDecoder.definition(group: gv.0, version: gv.1, kind: kind) else { return obj }
        return withoutEmpty(prunedToBuiltinType(obj), definition: def, depth: 0)
    }

    /// Fields whose Go field has no `omitempty`: an empty list stays.
    static let keptWhenEmpty: Set<String> = ["containers"]

    static func withoutEmpty(_ value: JSONValue, definition: SchemaDefinition, depth: Int) -> JSONValue {
        guard depth < 64, case .object(let o) = value, !definition.extensions.preserveUnknownFields,
              !definition.properties.isEmpty else { return value }
        var out = JSONObject()
        for (k, v) in o {
            guard let p = definition.property(named: k) else { out.appendUnchecked(k, v); continue }
            let typed = withoutEmpty(v, type: p.type, depth: depth + 1)
            if !keptWhenEmpty.contains(k), isEmptyCollection(typed, p.type) { continue }
            out.appendUnchecked(k, typed)
        }
        return .object(out)
    }

    static func withoutEmpty(_ value: JSONValue, type: SchemaType, depth: Int) -> JSONValue {
        switch type {
        case .ref(let name):
            guard let d = SchemaIndex.builtin.definition(named: name) else { return value }
            return withoutEmpty(value, definition: d, depth: depth)
        case .inline(let d):
            return withoutEmpty(value, definition: d, depth: depth)
        case .array(let t):
            guard case .array(let items) = value else { return value }
            return .array(items.map { withoutEmpty($0, type: t, depth: depth + 1) })
        case .map(let t):
            guard case .object(let o) = value else { return value }
            var out = JSONObject()
            for k in o.keys.sorted(by: goStringLess) {
                out.appendUnchecked(k, withoutEmpty(o[k] ?? .null, type: t, depth: depth + 1))
            }
            return .object(out)
        default:
            return value
        }
    }

    /// An empty list, or an empty map (an empty struct is not left out).
    static func isEmptyCollection(_ v: JSONValue, _ type: SchemaType) -> Bool {
        switch (v, type) {
        case (.array(let a), .array): return a.isEmpty
        case (.object(let o), .map): return o.isEmpty
        default: return false
        }
    }

    /// A StatefulSet's claim templates as typed PersistentVolumeClaims: metadata with
    /// `creationTimestamp: null`, the status struct `{}`.
    static func claimTemplates(_ templates: JSONValue) -> JSONValue {
        guard let list = templates.array else { return templates }
        return .array(list.map { t in
            var c = t
            c["metadata"] = TypedOrder.meta(t["metadata"])
            if c["status"].isNull { c["status"] = .emptyObject }
            return .object(TypedOrder.reorder(c, ["kind", "apiVersion", "metadata", "spec", "status"]))
        })
    }
}
