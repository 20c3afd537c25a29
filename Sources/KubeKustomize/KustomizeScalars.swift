import KubeCodec
import KubeModel

/// How kustomize's scalars end up, given that it keeps each as written (`KyamlScalar`):
/// - annotations are read back as text at the end of the build (`0x1F`, `~`, `1_000` stay so);
/// - a patch applied with a target (and every patchesStrategicMerge file) has its labels and
///   annotations read as text before it merges;
/// - a JSON patch turns the object into JSON first: every scalar becomes its value, and annotations
///   are then the text go-yaml v3 writes for a JSON value (floats in 'g' form: `1e+06`);
/// - everything else prints as go-yaml v3 reads it: `0x1F` is 31, a plain date an RFC 3339 time,
///   a 20-digit number keeps its digits.
/// A NaN or infinity fails where kustomize turns the object into JSON, with Go's texts.
enum KustomizeScalars {
    /// A label or annotation value as kustomize reads it (kyaml's `GetLabels`/`GetAnnotations`).
    static func text(_ v: JSONValue) -> String? {
        switch v {
        case .string(let s): return KyamlScalar.text(s) ?? s
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return KyamlScalar.goG(d)
        // kyaml reads a label or annotation that is a list or map as its (empty) scalar text.
        case .array, .object: return ""
        }
    }

    /// `metadata.labels` or `.annotations` as strings (selectors read them so).
    static func strings(_ obj: JSONValue, _ field: String) -> [String: String] {
        var m: [String: String] = [:]
        for (k, v) in obj["metadata"][field].object ?? JSONObject() { if let t = text(v) { m[KyamlScalar.text(k) ?? k] = t } }
        return m
    }

    /// A key a transformer writes (labels, annotations): kyaml writes it as a plain scalar, so one that
    /// go-yaml v3 reads as a boolean or number (`true`, from a kustomization's `on:`) is no string key.
    static func key(_ k: String) -> String {
        if case .json(.string) = KyamlScalar.resolve(k) { return k }
        if case .json(.null) = KyamlScalar.resolve(k) { return k }
        return KyamlScalar.raw(k)
    }

    static func stringMap(_ pairs: [(String, String)]) -> JSONValue {
        var o = JSONObject()
        for (k, v) in pairs { o[key(k)] = .string(v) }
        return .object(o)
    }

    /// The fields' scalar values replaced by their text.
    static func metadataAsText(_ obj: inout JSONValue, fields: [String]) {
        for field in fields {
            guard case .object(var o) = obj["metadata"][field] else { continue }
            var changed = false
            for (k, v) in o {
                guard let t = text(v), v != .string(t) else { continue }
                o[k] = .string(t)
                changed = true
            }
            if changed { obj["metadata"][field] = .object(o) }
        }
    }

    /// A strategic merge patch with every plain null (`~`, `Null`, an empty value) a null: it deletes.
    static func nullsDeep(_ v: JSONValue) -> JSONValue {
        switch v {
        case .string(let s):
            guard let t = KyamlScalar.text(s), KyamlScalar.resolve(t) == .json(.null) else { return v }
            return .null
        case .array(let a): return .array(a.map(nullsDeep))
        case .object(let o):
            var out = JSONObject()
            for (k, x) in o { out[k] = nullsDeep(x) }
            return .object(out)
        default: return v
        }
    }

    /// The object as JSON, before a JSON patch: every raw scalar becomes its value; a NaN or infinity
    /// fails with encoding/json's text.
    static func toJSON(_ obj: JSONValue) throws -> JSONValue {
        if let problem = firstJSONProblem(obj) { throw KustomizeError("json: \(problem)") }
        return KyamlScalar.resolvedDeep(obj)
    }

    /// Annotations of an object that came back from JSON: go-yaml v3's text for each value.
    static func annotationsFromJSON(_ obj: inout JSONValue) {
        guard case .object(var o) = obj["metadata"]["annotations"] else { return }
        for (k, v) in o {
            switch v {
            case .null: o[k] = "null"
            case .bool(let b): o[k] = .string(b ? "true" : "false")
            // encoding/json decodes every number as a float64.
            case .int(let i): o[k] = .string(KyamlScalar.goG(Double(i)))
            case .double(let d): o[k] = .string(KyamlScalar.goG(d))
            default: continue
            }
        }
        obj["metadata"]["annotations"] = .object(o)
    }

    /// kustomize sets every object's annotations again from kyaml's reading of them before it prints
    /// (`RemoveBuildAnnotations`): a sequence's items are read in pairs as keys and values (an odd count
    /// panics, an empty key fails to be set), a scalar gives none; no annotations remove the field. A key
    /// is written plain, so one go-yaml v3 reads as no string (`1`, `"1"`, `~`, `true`) is kept raw.
    static func annotationsReadBack(_ obj: inout JSONValue) throws {
        guard case .object(var md) = obj["metadata"], let annotations = md["annotations"] else { return }
        switch annotations {
        case .object: return
        case .array(let items):
            if items.count % 2 == 1 {
                throw KustomizePanic(message: "runtime error: index out of range [\(items.count)] with length \(items.count)")
            }
            var o = JSONObject()
            for i in stride(from: 0, to: items.count, by: 2) {
                let k = text(items[i]) ?? "", v = text(items[i + 1]) ?? ""
                if k.isEmpty { throw KustomizePanic(message: "wrong node kind: expected ScalarNode but got MappingNode: node contents:\n\t{}\n\t") }
                if case .json(.string) = KyamlScalar.resolve(k) { o[k] = .string(v) } else { o[KyamlScalar.raw(k)] = .string(v) }
            }
            md["annotations"] = o.isEmpty ? nil : .object(o)
        default:
            md["annotations"] = nil
        }
        obj["metadata"] = .object(md)
    }

    /// The object as kustomize prints it: annotations as text, every other raw scalar as its value
    /// (a uint64 stays raw for `render`). A NaN or infinity fails with Go's `%#v` of the object.
    static func finished(_ obj: JSONValue) throws -> JSONValue {
        var o = obj
        metadataAsText(&o, fields: ["annotations"])
        // kustomize sets the annotations back from a map at the end; an empty one removes the field.
        if o["metadata"]["annotations"].object?.isEmpty == true, case .object(var md) = o["metadata"] {
            md["annotations"] = nil
            o["metadata"] = .object(md)
        }
        if let problem = firstJSONProblem(o) {
            throw KustomizeError("\(goSharpV(o)): json: \(problem)")
        }
        return keepingUnsigned(o)
    }

    private static func keepingUnsigned(_ v: JSONValue) -> JSONValue {
        switch v {
        case .string(let s):
            guard let t = KyamlScalar.text(s) else { return v }
            if case .unsigned = KyamlScalar.resolve(t) { return v }
            return KyamlScalar.json(t)
        case .array(let a): return .array(a.map(keepingUnsigned))
        case .object(let o):
            var out = JSONObject()
            for (k, x) in o { out[k] = keepingUnsigned(x) }
            return .object(out)
        default: return v
        }
    }

    /// The first value encoding/json refuses (map keys in sorted order): a NaN or infinity, or a map
    /// with a key that is no string.
    static func firstJSONProblem(_ v: JSONValue) -> String? {
        switch v {
        case .double(let d): return d.isFinite ? nil : "unsupported value: \(goNumber(d))"
        case .string(let s):
            guard let t = KyamlScalar.text(s), case .json(.double(let d)) = KyamlScalar.resolve(t), !d.isFinite else { return nil }
            return "unsupported value: \(goNumber(d))"
        case .array(let a):
            for x in a { if let p = firstJSONProblem(x) { return p } }
            return nil
        case .object(let o):
            if o.keys.contains(where: { KyamlScalar.text($0) != nil }) { return "unsupported type: map[interface {}]interface {}" }
            for k in o.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                if let p = firstJSONProblem(o[k]!) { return p }
            }
            return nil
        default: return nil
        }
    }

    static func goNumber(_ d: Double) -> String {
        d.isNaN ? "NaN" : d < 0 ? "-Inf" : "+Inf"
    }

    /// Go's `%#v` of the object as go-yaml v3 decodes it into `map[string]interface{}`.
    static func goSharpV(_ v: JSONValue) -> String {
        switch v {
        case .null: return "interface {}(nil)"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? KyamlScalar.goG(d) : goNumber(d)
        case .string(let s):
            guard let t = KyamlScalar.text(s) else { return strconvQuote(s) }
            switch KyamlScalar.resolve(t) {
            case .json(let j): return goSharpV(j)
            case .timestamp(let time): return time.goString
            case .unsigned(let u): return "0x" + String(u, radix: 16)
            }
        case .array(let a): return "[]interface {}{" + a.map(goSharpV).joined(separator: ", ") + "}"
        case .object(let o):
            if o.keys.contains(where: { KyamlScalar.text($0) != nil }) {
                let keys = o.keys.map { (key: $0, order: GoKey($0)) }.sorted { $0.order < $1.order }
                return "map[interface {}]interface {}{" + keys.map { "\($0.order.sharpV):\(goSharpV(o[$0.key]!))" }.joined(separator: ", ") + "}"
            }
            let keys = o.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            return "map[string]interface {}{" + keys.map { "\(strconvQuote($0)):\(goSharpV(o[$0]!))" }.joined(separator: ", ") + "}"
        }
    }

    /// A key of a `map[interface {}]interface {}` as fmt sorts it: by type (in kubectl v1.32's binary:
    /// string, uint64, int, float64, bool, time.Time), then by value.
    struct GoKey: Comparable {
        var rank: Int
        var number: Double = 0
        var text: [UInt8] = []
        var sharpV: String

        init(_ key: String) {
            guard let t = KyamlScalar.text(key) else {
                rank = 0; text = Array(key.utf8); sharpV = strconvQuote(key); return
            }
            switch KyamlScalar.resolve(t) {
            case .unsigned(let u): rank = 1; number = Double(u); sharpV = "0x" + String(u, radix: 16)
            case .json(.int(let i)): rank = 2; number = Double(i); sharpV = String(i)
            case .json(.double(let d)): rank = 3; number = d; sharpV = d.isFinite ? KyamlScalar.goG(d) : goNumber(d)
            case .json(.bool(let b)): rank = 4; number = b ? 1 : 0; sharpV = b ? "true" : "false"
            case .timestamp(let time): rank = 5; text = Array(time.rfc3339Nano.utf8); sharpV = time.goString
            case .json(let other): rank = 0; text = Array(t.utf8); sharpV = KustomizeScalars.goSharpV(other)
            }
        }

        static func < (a: GoKey, b: GoKey) -> Bool {
            if a.rank != b.rank { return a.rank < b.rank }
            if a.number != b.number { return a.number < b.number }
            return a.text.lexicographicallyPrecedes(b.text)
        }

        static func == (a: GoKey, b: GoKey) -> Bool { a.rank == b.rank && a.number == b.number && a.text == b.text }
    }

    /// kustomize's YAML of one finished object: a uint64 prints with all its digits.
    static func render(_ obj: JSONValue) -> String {
        var numbers: [String] = []
        func swap(_ v: JSONValue) -> JSONValue {
            switch v {
            case .string(let s):
                guard let t = KyamlScalar.text(s), case .unsigned(let u) = KyamlScalar.resolve(t) else { return v }
                numbers.append(String(u))
                return .string("\u{F8FD}\(numbers.count - 1)\u{F8FD}")
            case .array(let a): return .array(a.map(swap))
            case .object(let o):
                var out = JSONObject()
                for (k, x) in o { out[k] = swap(x) }
                return .object(out)
            default: return v
            }
        }
        guard KyamlScalar.containsRaw(obj) else { return YAMLCodec.encode(obj) }
        var text = YAMLCodec.encode(swap(obj))
        for (i, n) in numbers.enumerated() { text = text.replacingAll("\u{F8FD}\(i)\u{F8FD}", with: n) }
        return text
    }

    /// The finished object as JSON (for `create -k`): a uint64 becomes a float, as kubectl reads it.
    static func plainJSON(_ obj: JSONValue) -> JSONValue {
        KyamlScalar.containsRaw(obj) ? KyamlScalar.resolvedDeep(obj) : obj
    }
}
