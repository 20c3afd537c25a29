import KubeModel
import Synchronization

/// The fields encoding/json writes for a Go value although they hold the zero value, as the API server
/// serves every object after decoding it into its Go type: a struct that is not a pointer is always
/// written (`omitempty` never leaves a struct out), so a template without metadata comes back with
/// `metadata: {creationTimestamp: null}` (a zero `metav1.Time` encodes as `null`), a container without
/// resources with `resources: {}`; a field without `omitempty` is written as its zero value (`serviceName:
/// ""`, `replicas: 0`, a nil pointer or slice as `null`). Which fields are meant comes from the marks of
/// `GoFieldOrder`; the zero value itself follows from the field's schema type.
public enum GoZeroValues {
    /// One stamp for the whole table and the embedded schema it is read against, cheap to compute (the
    /// table's text and the schema's size, not a walk): equal stamps mean equal fingerprints for every
    /// kind, so a store that holds the current stamp needs no fingerprint computed.
    public static let tableStamp: String = {
        var h: UInt64 = 14_695_981_039_346_656_037
        var text = GoFieldOrder.text
        text.withUTF8 { bytes in
            for b in bytes {
                h ^= UInt64(b)
                h = h &* 1_099_511_628_211
            }
        }
        let schemaBytes = builtinSchemaChunks.reduce(0) { $0 + $1.utf8CodeUnitCount }
        return String(h, radix: 16) + "-" + String(schemaBytes)
    }()

    /// A fingerprint of what the table says of the definition `name` and of every definition its fields
    /// reach (FNV-1a 64 of their classification, field order and marks): the API layer reshapes the stored
    /// objects of a kind once whenever its fingerprint changes (`upgradeStoredZeros`).
    public static func fingerprint(of name: String, index: SchemaIndex = .builtin) -> String {
        var seen: Set<String> = []
        var stack = [name]
        func refs(_ t: SchemaType) {
            switch t {
            case .ref(let r): stack.append(r)
            case .array(let i), .map(let i): refs(i)
            default: break
            }
        }
        while let n = stack.popLast() {
            guard seen.insert(n).inserted, let def = index.definition(named: n) else { continue }
            for p in def.properties { refs(p.type) }
        }
        var h: UInt64 = 14_695_981_039_346_656_037
        func feed(_ s: String) {
            for b in s.utf8 {
                h ^= UInt64(b)
                h = h &* 1_099_511_628_211
            }
        }
        for n in seen.sorted() {
            let e = GoFieldOrder.entry(n)
            feed(n + (e?.omitEmptyKnown == true ? "=" : ":"))
            feed((e?.order ?? []).joined(separator: " "))
            feed("+" + (e?.written ?? []).map { $0.name + ($0.nilable ? "!" : "") }.joined(separator: " "))
            feed("-" + (e?.zeroLeftOut ?? []).sorted().joined(separator: " ") + "\n")
        }
        return String(h, radix: 16)
    }

    /// The always-written fields of the definition named `name` (OpenAPI name), in Go order.
    public static func written(_ name: String) -> [(name: String, nilable: Bool)]? {
        GoFieldOrder.alwaysWritten(name)
    }

    /// The always-written fields of the definition named `name` with the value each has in Go's zero value
    /// of the type; nil when it has none. Computed for a definition when first asked for (a command touches
    /// a few dozen of the table's types; computing all of them read the whole schema) and then kept.
    public static func zeroFields(_ name: String) -> [(name: String, zero: JSONValue)]? {
        if let known = zeroFieldCache.withLock({ $0[name] }) { return known.fields }
        var fields: [(name: String, zero: JSONValue)]? = nil
        if let written = GoFieldOrder.alwaysWritten(name) {
            let index = SchemaIndex.builtin
            let def = index.definition(named: name)
            fields = written.map { f in (f.name, f.nilable ? .null : zero(def?.property(named: f.name)?.type, index: index)) }
        }
        zeroFieldCache.withLock { $0[name] = ZeroFields(fields: fields) }
        return fields
    }

    private struct ZeroFields: Sendable { let fields: [(name: String, zero: JSONValue)]? }
    private static let zeroFieldCache = Mutex<[String: ZeroFields]>([:])

    /// What encoding/json writes for a zero value of `type` that is not a pointer: a struct with its own
    /// always-written fields, `null` for `metav1.Time`, `"0"` for a quantity, `0` for an int-or-string,
    /// `""`, `0` or `false` for a scalar; `null` for what has no zero value of its own (a slice or map).
    public static func zero(_ type: SchemaType?, index: SchemaIndex = .builtin, depth: Int = 0) -> JSONValue {
        guard let type, depth < 16 else { return .null }
        let (t, def) = index.resolve(type)
        switch t {
        case .object:
            guard let def else { return .emptyObject }
            var out = JSONObject()
            for (name, nilable) in written(def.name) ?? [] {
                out.appendUnchecked(name, nilable ? .null : zero(def.property(named: name)?.type, index: index, depth: depth + 1))
            }
            return .object(out)
        case .string(format: "date-time"): return .null
        case .string: return .string("")
        case .integer, .number: return .int(0)
        case .boolean: return .bool(false)
        case .quantity: return .string("0")
        case .intOrString: return .int(0)
        default: return .null
        }
    }

    /// `o` (a value of the struct `def`) with its always-written fields that are missing (or `null`, as
    /// decoding leaves a struct that is not a pointer zero) added at their Go place; nil when none is missing.
    public static func adding(to o: JSONObject, _ def: SchemaDefinition, index: SchemaIndex = .builtin) -> JSONObject? {
        guard let fields = zeroFields(def.name) else { return nil }
        var missing = false
        for (name, z) in fields {
            guard let v = o[name] else { missing = true; break }
            if v.isNull, !z.isNull { missing = true; break }
        }
        guard missing else { return nil }
        var out = o
        for (name, z) in fields {
            if let v = out[name], !(v.isNull && !z.isNull) { continue }
            if out[name] != nil { out[name] = z; continue }
            // In Go order: before the first present field that follows it.
            let order = GoFieldOrder.fields(def.name) ?? []
            let after = order.firstIndex(of: name).map { order[($0 + 1)...] } ?? []
            if let next = after.first(where: { out[$0] != nil }), let at = out.index(of: next) {
                out.insert(name, z, at: at)
            } else {
                out[name] = z
            }
        }
        return out
    }

    /// `value` (of `type`) with the always-written fields of every struct in it added, at any depth.
    public static func filled(_ value: JSONValue, type: SchemaType?, index: SchemaIndex = .builtin) -> JSONValue {
        walk(value, type: type, index: index, depth: 0) { o, def in adding(to: o, def, index: index) ?? o }
    }

    /// `value` (of `type`) with `shape` applied to every struct in it (a value of a definition that is not
    /// `x-kubernetes-preserve-unknown-fields`), outermost first: the fields `shape` returns are walked in turn,
    /// through lists and maps too; values of other types, unknown fields and what lies deeper than 64 levels
    /// stay as they are. `filled` and `withoutLeftOut` are this walk with their own step.
    static func walk(_ value: JSONValue, type: SchemaType?, index: SchemaIndex, depth: Int,
                     _ shape: (JSONObject, SchemaDefinition) -> JSONObject) -> JSONValue {
        guard let type, depth < 64 else { return value }
        switch value {
        case .object(let o):
            let (t, def) = index.resolve(type)
            if let def, case .object = t {
                if def.extensions.preserveUnknownFields { return value }
                var out = JSONObject()
                for (k, v) in shape(o, def) {
                    guard v.object != nil || v.array != nil, let p = def.property(named: k) else { out.appendUnchecked(k, v); continue }
                    out.appendUnchecked(k, walk(v, type: p.type, index: index, depth: depth + 1, shape))
                }
                return .object(out)
            }
            if case .map(let vt) = t {
                var out = o
                for (k, v) in o where v.object != nil || v.array != nil { out[k] = walk(v, type: vt, index: index, depth: depth + 1, shape) }
                return .object(out)
            }
            return value
        case .array(let items):
            guard case .array(let it) = index.resolve(type).0 else { return value }
            return .array(items.map { walk($0, type: it, index: index, depth: depth + 1, shape) })
        default:
            return value
        }
    }

    /// What `omitempty` does in one struct whose fields `GoFieldOrder` classifies (a line with `=`): the
    /// fields written even when zero (`+`, `!`) and the values left out at `""`, `0` or `false` (`-`).
    public struct OmitRule: Sendable {
        public let written: Set<String>
        public let zeroLeftOut: Set<String>
    }

    /// The `OmitRule` of the definition named `name`, for the classified definitions only; the answer, a
    /// rule or none, is kept once made (the walks ask it for every struct of every object they visit).
    public static func omitRule(_ name: String) -> OmitRule? {
        if let known = omitRuleCache.withLock({ $0[name] }) { return known }
        var rule: OmitRule? = nil
        if let e = GoFieldOrder.entry(name), e.omitEmptyKnown {
            rule = OmitRule(written: Set((e.written ?? []).map(\.name)), zeroLeftOut: e.zeroLeftOut ?? [])
        }
        omitRuleCache.withLock { $0[name] = .some(rule) }
        return rule
    }

    private static let omitRuleCache = Mutex<[String: OmitRule?]>([:])

    /// Whether encoding/json leaves out `value` of the field `field` of the struct `def` (the other half of
    /// Go's zero values: `omitempty`): in a definition whose fields `GoFieldOrder` classifies, `null` of
    /// any field not marked `+`/`!` (decoding leaves it nil or zero), `""`, `0` or `false` of a field marked
    /// `-`, and an empty list or map of a field not marked `!`. A pointer's zero (`automountServiceAccountToken:
    /// false`), a struct (`{}`) and every field of an unclassified definition are kept.
    public static func leftOut(_ value: JSONValue, field: String, of def: SchemaDefinition, index: SchemaIndex = .builtin) -> Bool {
        guard let rule = omitRule(def.name) else { return false }
        return leftOut(value, field: field, rule: rule, of: def, index: index)
    }

    /// `leftOut` with the struct's rule looked up once (a value that is not a zero costs no lookup).
    @inline(__always)
    public static func leftOut(_ value: JSONValue, field: String, rule: OmitRule, of def: SchemaDefinition,
                               index: SchemaIndex = .builtin) -> Bool {
        // A zero of the field's own type only: a value of another type is for decoding to refuse.
        func scalar(_ ok: (SchemaType) -> Bool) -> Bool {
            guard rule.zeroLeftOut.contains(field), let t = def.property(named: field)?.type else { return false }
            return ok(index.resolve(t).0)
        }
        switch value {
        case .null: return !rule.written.contains(field)
        case .string(let s):
            return s.isEmpty && scalar { if case .string = $0 { return true }; return false }
        case .int(let i):
            return i == 0 && scalar { switch $0 { case .integer, .number: return true; default: return false } }
        case .double(let d):
            return d == 0 && scalar { switch $0 { case .integer, .number: return true; default: return false } }
        case .bool(let b):
            return !b && scalar { if case .boolean = $0 { return true }; return false }
        case .array(let a):
            guard a.isEmpty, !rule.written.contains(field), let t = def.property(named: field)?.type,
                  case .array = index.resolve(t).0 else { return false }
            return true
        case .object(let o):
            guard o.isEmpty, !rule.written.contains(field), let t = def.property(named: field)?.type,
                  case .map = index.resolve(t).0 else { return false }
            return true
        }
    }

    /// `value` (of `type`) without the fields encoding/json leaves out (`leftOut`), at any depth; other
    /// fields (unknown ones too) stay.
    public static func withoutLeftOut(_ value: JSONValue, type: SchemaType?, index: SchemaIndex = .builtin) -> JSONValue {
        walk(value, type: type, index: index, depth: 0) { o, def in
            guard let rule = omitRule(def.name) else { return o }
            guard o.contains(where: { leftOut($0.1, field: $0.0, rule: rule, of: def, index: index) }) else { return o }
            var out = JSONObject()
            for (k, v) in o where !leftOut(v, field: k, rule: rule, of: def, index: index) { out.appendUnchecked(k, v) }
            return out
        }
    }

    /// `value` (of `type`) without the empty lists and maps of `omitempty` fields (`leftOut`), at any depth:
    /// what encoding the stored object leaves out that decoding kept (a Go slice or map that is empty is
    /// not nil, so defaulting and validation see it; see the API layer's `Pruning`).
    public static func withoutEmptyCollections(_ value: JSONValue, type: SchemaType?, index: SchemaIndex = .builtin) -> JSONValue {
        walk(value, type: type, index: index, depth: 0) { o, def in
            guard let rule = omitRule(def.name) else { return o }
            func gone(_ k: String, _ v: JSONValue) -> Bool {
                (v.array?.isEmpty ?? v.object?.isEmpty ?? false) && leftOut(v, field: k, rule: rule, of: def, index: index)
            }
            guard o.contains(where: { gone($0.0, $0.1) }) else { return o }
            var out = JSONObject()
            for (k, v) in o where !gone(k, v) { out.appendUnchecked(k, v) }
            return out
        }
    }

    /// `withoutEmptyCollections` of a whole object of a built-in kind (others are left as they are).
    public static func withoutEmptyCollections(object: JSONValue, index: SchemaIndex = .builtin) -> JSONValue {
        guard let apiVersion = object["apiVersion"].string, let kind = object["kind"].string,
              let def = index.definition(apiVersion: apiVersion, kind: kind), !def.name.isEmpty else { return object }
        return withoutEmptyCollections(object, type: .ref(def.name), index: index)
    }

    /// A whole object of a built-in kind without the zero values encoding/json leaves out (kinds without a
    /// built-in definition are left as they are).
    public static func withoutLeftOut(object: JSONValue, index: SchemaIndex = .builtin) -> JSONValue {
        guard let apiVersion = object["apiVersion"].string, let kind = object["kind"].string,
              let def = index.definition(apiVersion: apiVersion, kind: kind), !def.name.isEmpty else { return object }
        return withoutLeftOut(object, type: .ref(def.name), index: index)
    }

    /// A whole object of a built-in kind with Go's always-written fields added (kinds without a built-in
    /// definition are left as they are).
    public static func filled(object: JSONValue, index: SchemaIndex = .builtin) -> JSONValue {
        guard let apiVersion = object["apiVersion"].string, let kind = object["kind"].string,
              let def = index.definition(apiVersion: apiVersion, kind: kind), !def.name.isEmpty else { return object }
        return filled(object, type: .ref(def.name), index: index)
    }
}
