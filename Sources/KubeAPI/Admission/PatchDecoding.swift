import KubeModel
import KubeSchema

/// How the API server words decode errors of a patched object. A strategic merge patch is merged as
/// maps and converted to the typed object by apimachinery's unstructured converter, whose errors read
/// `unrecognized type: int32`, `cannot convert int64 to string`, `cannot restore slice from map`;
/// either kind of patch reports them as `The request is invalid: patch: Invalid value: "<v>": <error>`.
enum PatchDecoding {
    /// The Invalid error (no kind, no name) the patch handler returns.
    static func invalid(_ value: String, _ detail: String) -> APIError {
        APIError(reason: .invalid, message: " \"\" is invalid: patch: Invalid value: \(strconvQuote(value)): \(detail)",
                 code: 422, causes: [.init(field: "patch", message: "Invalid value: \(strconvQuote(value)): \(detail)")])
    }

    /// The first conversion error of `value` into `definition`, as the unstructured converter meets it.
    static func converterError(_ value: JSONValue, definition: SchemaDefinition, index: SchemaIndex = .builtin) -> String? {
        structError(value, definition, index, depth: 0)
    }

    static func structError(_ value: JSONValue, _ def: SchemaDefinition, _ index: SchemaIndex, depth: Int) -> String? {
        guard depth < 64 else { return nil }
        guard case .object(let o) = value else { return value.isNull ? nil : "cannot restore struct from: \(goKind(value))" }
        if def.extensions.preserveUnknownFields { return nil }
        for p in def.properties {
            guard let v = o[p.name], !v.isNull else { continue }
            if let e = typeError(v, p.type, index, depth: depth + 1) { return e }
        }
        return nil
    }

    static func typeError(_ value: JSONValue, _ type: SchemaType, _ index: SchemaIndex, depth: Int) -> String? {
        switch type {
        case .ref(let name):
            guard let d = index.definition(named: name) else { return nil }
            if case .object = d.type { return structError(value, d, index, depth: depth) }
            return typeError(value, d.type, index, depth: depth)
        case .inline(let d):
            return structError(value, d, index, depth: depth)
        case .object:
            return value.object == nil ? "cannot restore struct from: \(goKind(value))" : nil
        case .string(let format):
            if format == "byte" || format == "date-time" { return nil }
            switch value {
            case .string: return nil
            case .int, .double: return "cannot convert \(goKind(value)) to string"
            default: return "unrecognized type: string"
            }
        case .integer(let format):
            let target = format == "int32" ? "int32" : "int64"
            switch value {
            case .int: return nil
            case .double(let d): return d == d.rounded(.towardZero) ? nil : "cannot convert float64 to \(target)"
            default: return "unrecognized type: \(target)"
            }
        case .number:
            switch value {
            case .int, .double: return nil
            default: return "unrecognized type: float64"
            }
        case .boolean:
            if case .bool = value { return nil }
            return "unrecognized type: bool"
        case .array(let item):
            guard case .array(let items) = value else { return "cannot restore slice from \(goKind(value))" }
            for v in items where !v.isNull {
                if let e = typeError(v, item, index, depth: depth + 1) { return e }
            }
            return nil
        case .map(let valueType):
            guard case .object(let o) = value else { return "cannot restore map from \(goKind(value))" }
            for (_, v) in o where !v.isNull {
                if let e = typeError(v, valueType, index, depth: depth + 1) { return e }
            }
            return nil
        case .intOrString, .quantity, .any:
            return nil
        }
    }

    /// The unstructured converter sets an integer field with reflect's Convert, which keeps the low
    /// bits: an int64 out of an int32 field's range wraps (2147483648 becomes -2147483648) instead of
    /// failing as JSON decoding does. Narrows such values in `value` (known struct fields only).
    static func narrowIntegers(_ value: inout JSONValue, definition: SchemaDefinition, index: SchemaIndex = .builtin) {
        narrowStruct(&value, definition, index, depth: 0)
    }

    static func narrowStruct(_ value: inout JSONValue, _ def: SchemaDefinition, _ index: SchemaIndex, depth: Int) {
        guard depth < 64, case .object(var o) = value, !def.extensions.preserveUnknownFields else { return }
        var changed = false
        for p in def.properties {
            guard var v = o[p.name], !v.isNull else { continue }
            if narrow(&v, p.type, index, depth: depth + 1) { o[p.name] = v; changed = true }
        }
        if changed { value = .object(o) }
    }

    /// Whether `value` changed.
    static func narrow(_ value: inout JSONValue, _ type: SchemaType, _ index: SchemaIndex, depth: Int) -> Bool {
        let before = value
        switch type {
        case .ref(let name):
            guard let d = index.definition(named: name) else { return false }
            if case .object = d.type { narrowStruct(&value, d, index, depth: depth) } else { _ = narrow(&value, d.type, index, depth: depth) }
        case .inline(let d):
            narrowStruct(&value, d, index, depth: depth)
        case .integer(let format):
            if format == "int32", case .int(let i) = value { value = .int(Int64(Int32(truncatingIfNeeded: i))) }
        case .array(let item):
            guard case .array(var items) = value else { return false }
            for i in items.indices where !items[i].isNull { _ = narrow(&items[i], item, index, depth: depth + 1) }
            value = .array(items)
        case .map(let valueType):
            guard case .object(var o) = value else { return false }
            for k in o.keys { if var v = o[k], !v.isNull, narrow(&v, valueType, index, depth: depth + 1) { o[k] = v } }
            value = .object(o)
        default:
            return false
        }
        return value != before
    }

    /// reflect.Kind names of decoded JSON values.
    static func goKind(_ v: JSONValue) -> String {
        switch v {
        case .null: return "invalid"
        case .bool: return "bool"
        case .int: return "int64"
        case .double: return "float64"
        case .string: return "string"
        case .array: return "slice"
        case .object: return "map"
        }
    }

    /// Go's `fmt.Sprintf("%+v", m)` of a decoded JSON map: `map[spec:map[replicas:5]]`.
    static func goPrint(_ v: JSONValue) -> String {
        switch v {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return goFormatFloat(d)
        case .string(let s): return s
        case .array(let a): return "[" + a.map(goPrint).joined(separator: " ") + "]"
        case .object(let o): return "map[" + o.sortedKeys.map { "\($0):\(goPrint(o[$0]!))" }.joined(separator: " ") + "]"
        }
    }
}
