import KubeModel
import KubeSchema

/// Decoding into the API server's typed structs drops fields the type does not have: with
/// `--validate=ignore` (or `warn`) an unknown field is accepted but not stored; encoding them again writes
/// the zero values Go always writes (`GoZeroValues`: a template's `metadata.creationTimestamp: null`) and
/// leaves out those of `omitempty` fields (`GoZeroValues.leftOut`: `paused: false`, `value: ""`, `env: []`). Quantities come back
/// in their canonical form (`1.5Gi` is stored as `1536Mi`, `0.5` as `500m`), as `resource.Quantity`
/// serialises them.
enum Pruning {
    static func prune(_ obj: inout JSONValue, index: SchemaIndex = .builtin) {
        guard let apiVersion = obj["apiVersion"].string, let kind = obj["kind"].string,
            let def = index.definition(apiVersion: apiVersion, kind: kind)
        else { return }
        obj = pruned(obj, definition: def, index: index, depth: 0)
    }

    static func pruned(_ value: JSONValue, definition: SchemaDefinition, index: SchemaIndex, depth: Int) -> JSONValue {
        if case .quantity = definition.type { return canonicalQuantity(value) }
        guard depth < 64, case .object(let o) = value else { return value }
        if definition.extensions.preserveUnknownFields { return value }
        if case .any = definition.type { return value }
        if definition.properties.isEmpty {
            if case .map(let t) = definition.type { return prunedMap(o, t, index, depth) }
            return value
        }
        var out = JSONObject()
        let omit = GoZeroValues.omitRules[definition.name]
        for (k, v) in o {
            guard let p = definition.property(named: k) else { continue }
            // encoding/json leaves out the zero values of omitempty fields (`paused: false`, `env: []`).
            if let omit, GoZeroValues.leftOut(v, field: k, rule: omit, of: definition, index: index) { continue }
            if p.extensions.preserveUnknownFields { out.appendUnchecked(k, v); continue }
            out.appendUnchecked(k, pruned(v, type: p.type, index: index, depth: depth + 1))
        }
        // Encoding the decoded struct writes the fields Go always writes (`creationTimestamp: null`).
        return .object(GoZeroValues.adding(to: out, definition, index: index) ?? out)
    }

    static func pruned(_ value: JSONValue, type: SchemaType, index: SchemaIndex, depth: Int) -> JSONValue {
        switch type {
        case .ref(let name):
            guard let d = index.definition(named: name) else { return value }
            return pruned(value, definition: d, index: index, depth: depth)
        case .inline(let d):
            return pruned(value, definition: d, index: index, depth: depth)
        case .array(let t):
            guard case .array(let items) = value else { return value }
            return .array(items.map { pruned($0, type: t, index: index, depth: depth + 1) })
        case .map(let t):
            guard case .object(let o) = value else { return value }
            return prunedMap(o, t, index, depth)
        case .quantity:
            return canonicalQuantity(value)
        default:
            return value
        }
    }

    /// A quantity as `resource.Quantity` serialises it after parsing (values that do not parse are
    /// left for validation to report).
    static func canonicalQuantity(_ value: JSONValue) -> JSONValue {
        guard let q = try? Quantity.parse(json: value) else { return value }
        return .string(q.description)
    }

    static func prunedMap(_ o: JSONObject, _ t: SchemaType, _ index: SchemaIndex, _ depth: Int) -> JSONValue {
        var out = JSONObject()
        for (k, v) in o { out.appendUnchecked(k, pruned(v, type: t, index: index, depth: depth + 1)) }
        return .object(out)
    }
}

/// `obj` as decoding into its built-in Go type leaves it: fields the type does not have are dropped
/// (kubectl's typed round trip of `run --overrides`). Kinds outside the built-in schema stay as they are.
public func prunedToBuiltinType(_ obj: JSONValue) -> JSONValue {
    var o = obj
    Pruning.prune(&o)
    return o
}

