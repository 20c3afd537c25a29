import KubeModel

/// What the API server's field manager meets after a server-side apply merged a body that structured-merge-diff
/// accepted: the merged object, still unstructured, is converted to the kind's Go type (the scheme's
/// `unstructuredToTyped`, apimachinery's `DefaultUnstructuredConverter.FromUnstructured`). That walk follows the
/// Go struct's fields in declaration order and stops at the first failure:
/// - a non-integral number for an integer field: `cannot convert float64 to int32` (`int64`); an integral one
///   converts, and an int64 too large for an int32 is truncated as Go's conversion truncates (no error);
/// - a type with its own JSON decoding gets the value re-encoded as JSON: IntOrString (`json: cannot unmarshal
///   number 1.5 into Go value of type int32`, `bool`, `object`, `array`), Quantity (`quantities must match the
///   regular expression ...`), Time and MicroTime (`time.Parse` errors);
/// - a byte slice given a string decodes it as base64: `error decoding from json: illegal base64 data at input
///   byte 3`.
/// - a value of another JSON kind: `unrecognized type: int32` (a string, bool, list or map for a number;
///   likewise `string`, `bool`, `float64`), `cannot convert int64 to string`, `cannot restore slice from map`,
///   `cannot restore map from slice`, `cannot restore struct from: string`.
/// A strategic merge patch's result meets the same converter; a server-side apply's body has passed
/// structured-merge-diff, which refuses mismatched kinds first.
public struct UnstructuredConversion {
    let index: SchemaIndex

    public init(index: SchemaIndex = .builtin) { self.index = index }

    struct Failure: Error { var message: String }

    /// The converter's error for `object` as `definition` (nil when it converts); truncated int32 values are
    /// written back into `object`, as the typed object holds them.
    public func convert(_ object: inout JSONValue, definition: SchemaDefinition) -> String? {
        do {
            _ = try walkStruct(&object, definition)
            return nil
        } catch {
            return error.message
        }
    }

    /// Converts one value; returns whether it changed (a truncated integer below it).
    @discardableResult
    private func walk(_ value: inout JSONValue, _ type: SchemaType) throws(Failure) -> Bool {
        if value.isNull { return false }
        switch type {
        case .ref(let name):
            guard let def = index.definition(named: name) else { return false }
            switch def.type {
            case .object: return try walkStruct(&value, def)
            case .string(format: "date-time"):
                // metav1.Time.UnmarshalJSON: a JSON string, then time.Parse.
                guard case .string(let s) = value else {
                    throw Failure(message: "json: cannot unmarshal \(Self.jsonKind(value)) into Go value of type string")
                }
                let micro = def.shortName == "MicroTime"
                if let e = goParseRFC3339Error(s, layout: micro ? "2006-01-02T15:04:05.000000Z07:00" : "2006-01-02T15:04:05Z07:00") {
                    throw Failure(message: e)
                }
                return false
            default: return try walk(&value, def.type)
            }
        case .inline(let def): return try walkStruct(&value, def)
        case .object:
            if value.object == nil { throw Failure(message: "cannot restore struct from: \(Self.goKind(value))") }
            return false
        case .any: return false
        case .boolean:
            if case .bool = value { return false }
            throw Failure(message: "unrecognized type: bool")
        case .number:
            switch value {
            case .int, .double: return false
            default: throw Failure(message: "unrecognized type: float64")
            }
        case .string(let format):
            if format == "byte" {
                // []byte: the string is base64 (an empty one is an empty slice).
                if case .string(let s) = value, !s.isEmpty, let bad = goBase64Error(s) {
                    throw Failure(message: "error decoding from json: illegal base64 data at input byte \(bad)")
                }
                return false
            }
            switch value {
            case .string: return false
            case .int, .double: throw Failure(message: "cannot convert \(Self.goKind(value)) to string")
            default: throw Failure(message: "unrecognized type: string")
            }
        case .integer(let format):
            let goType = format == "int32" ? "int32" : "int64"
            switch value {
            case .double(let d):
                guard d == d.rounded(.towardZero), abs(d) < 9.3e18 else { throw Failure(message: "cannot convert float64 to \(goType)") }
                let t = goType == "int32" ? Int64(Int32(truncatingIfNeeded: Int64(d))) : Int64(d)
                if Double(t) == d { return false }
                value = .int(t)
                return true
            case .int(let i) where goType == "int32":
                let t = Int64(Int32(truncatingIfNeeded: i))
                if t == i { return false }
                value = .int(t)
                return true
            case .int: return false
            default: throw Failure(message: "unrecognized type: \(goType)")
            }
        case .array(let item):
            guard case .array(var items) = value else { throw Failure(message: "cannot restore slice from \(Self.goKind(value))") }
            var changed = false
            for i in items.indices where try walk(&items[i], item) { changed = true }
            if changed { value = .array(items) }
            return changed
        case .map(let valueType):
            guard case .object(var o) = value else { throw Failure(message: "cannot restore map from \(Self.goKind(value))") }
            var changed = false
            for key in o.sortedKeys {
                var v = o[key]!
                if try walk(&v, valueType) { o[key] = v; changed = true }
            }
            if changed { value = .object(o) }
            return changed
        case .intOrString:
            let text: String
            switch value {
            case .string: return false
            case .int(let i):
                if i >= Int64(Int32.min) && i <= Int64(Int32.max) { return false }
                text = "number \(i)"
            case .double(let d):
                let literal = goFormatFloat(d)
                if let i = Int64(literal), i >= Int64(Int32.min) && i <= Int64(Int32.max) { return false }
                text = "number " + literal
            default: text = Self.jsonKind(value)
            }
            throw Failure(message: "json: cannot unmarshal \(text) into Go value of type int32")
        case .quantity:
            if let e = quantityError(value) { throw Failure(message: e) }
            return false
        }
    }

    /// A struct: its fields in Go's declaration order (sorted names when the order is not known); keys it
    /// does not declare are ignored.
    private func walkStruct(_ value: inout JSONValue, _ def: SchemaDefinition) throws(Failure) -> Bool {
        if value.isNull || def.extensions.preserveUnknownFields { return false }
        guard case .object(var o) = value else { throw Failure(message: "cannot restore struct from: \(Self.goKind(value))") }
        let known = GoFieldOrder.fields(def.name) ?? []
        let rest = def.properties.map(\.name).filter { !known.contains($0) }.sorted()
        var changed = false
        for name in known + rest {
            guard var v = o[name], let prop = def.property(named: name) else { continue }
            if try walk(&v, prop.type) { o[name] = v; changed = true }
        }
        if changed { value = .object(o) }
        return changed
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

    /// How encoding/json names a JSON value in type errors.
    static func jsonKind(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
