import KubeModel
import KubeSchema

/// Decoding into the API server's typed structs drops fields the type does not have: with
/// `--validate=ignore` (or `warn`) an unknown field is accepted but not stored; encoding them again writes
/// the zero values Go always writes (`GoZeroValues`: a template's `metadata.creationTimestamp: null`) and
/// leaves out those of `omitempty` fields (`GoZeroValues.leftOut`: `paused: false`, `value: ""`, `env: []`). Quantities come back
/// in their canonical form (`1.5Gi` is stored as `1536Mi`, `0.5` as `500m`), as `resource.Quantity`
/// serialises them.
///
/// An empty list or map (`policies: []`, `nodeSelector: {}`) is not nil in the Go struct decoding builds:
/// defaulting and validation see it (an HPA's `policies: []` is refused, a missing list defaulted), and only
/// encoding the stored object leaves it out. The API layer's decode (`prune(_:keepingEmptyCollections:)`)
/// therefore keeps them and says whether it did; `GoZeroValues.withoutEmptyCollections` drops them after
/// validation, where encoding/json would.
enum Pruning {
    static func prune(_ obj: inout JSONValue, index: SchemaIndex = .builtin) {
        var kept: Bool? = nil
        prune(&obj, index: index, emptyKept: &kept)
    }

    /// `prune` that keeps the empty lists and maps encoding/json would leave out; returns whether it kept any.
    @discardableResult
    static func prune(_ obj: inout JSONValue, keepingEmptyCollections: Bool, index: SchemaIndex = .builtin) -> Bool {
        var kept: Bool? = keepingEmptyCollections ? false : nil
        prune(&obj, index: index, emptyKept: &kept)
        return kept ?? false
    }

    /// `emptyKept`: nil drops empty lists and maps of `omitempty` fields; otherwise they are kept and it is
    /// set to true when one was.
    static func prune(_ obj: inout JSONValue, index: SchemaIndex, emptyKept: inout Bool?) {
        guard let apiVersion = obj["apiVersion"].string, let kind = obj["kind"].string,
            let def = index.definition(apiVersion: apiVersion, kind: kind)
        else { return }
        obj = pruned(obj, definition: def, index: index, depth: 0, emptyKept: &emptyKept)
    }

    static func pruned(_ value: JSONValue, definition: SchemaDefinition, index: SchemaIndex, depth: Int,
                       emptyKept: inout Bool?) -> JSONValue {
        if case .quantity = definition.type { return canonicalQuantity(value) }
        guard depth < 64, case .object(let o) = value else { return value }
        if definition.extensions.preserveUnknownFields { return value }
        if case .any = definition.type { return value }
        if definition.properties.isEmpty {
            if case .map(let t) = definition.type { return prunedMap(o, t, index, depth, emptyKept: &emptyKept) }
            return value
        }
        var out = JSONObject()
        let omit = GoZeroValues.omitRule(definition.name)
        for (k, v) in o {
            guard let p = definition.property(named: k) else { continue }
            // encoding/json leaves out the zero values of omitempty fields (`paused: false`, `env: []`).
            if let omit, GoZeroValues.leftOut(v, field: k, rule: omit, of: definition, index: index) {
                // An empty list or map is not nil to defaulting and validation: kept for them if asked.
                guard emptyKept != nil, v.array != nil || v.object != nil else { continue }
                emptyKept = true
                out.appendUnchecked(k, v)
                continue
            }
            if p.extensions.preserveUnknownFields { out.appendUnchecked(k, v); continue }
            out.appendUnchecked(k, pruned(v, type: p.type, index: index, depth: depth + 1, emptyKept: &emptyKept))
        }
        // Encoding the decoded struct writes the fields Go always writes (`creationTimestamp: null`).
        return .object(GoZeroValues.adding(to: out, definition, index: index) ?? out)
    }

    static func pruned(_ value: JSONValue, type: SchemaType, index: SchemaIndex, depth: Int, emptyKept: inout Bool?) -> JSONValue {
        switch type {
        case .ref(let name):
            guard let d = index.definition(named: name) else { return value }
            return pruned(value, definition: d, index: index, depth: depth, emptyKept: &emptyKept)
        case .inline(let d):
            return pruned(value, definition: d, index: index, depth: depth, emptyKept: &emptyKept)
        case .array(let t):
            guard case .array(let items) = value else { return value }
            var out: [JSONValue] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(pruned(item, type: t, index: index, depth: depth + 1, emptyKept: &emptyKept)) }
            return .array(out)
        case .map(let t):
            guard case .object(let o) = value else { return value }
            return prunedMap(o, t, index, depth, emptyKept: &emptyKept)
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

    static func prunedMap(_ o: JSONObject, _ t: SchemaType, _ index: SchemaIndex, _ depth: Int, emptyKept: inout Bool?) -> JSONValue {
        var out = JSONObject()
        for (k, v) in o { out.appendUnchecked(k, pruned(v, type: t, index: index, depth: depth + 1, emptyKept: &emptyKept)) }
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

