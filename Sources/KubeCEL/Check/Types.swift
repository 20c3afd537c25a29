// Static types for checking expressions, and the types Kubernetes derives from a structural
// OpenAPI schema (objects with fields, maps from additionalProperties, lists, int-or-string as dyn,
// strings with formats as timestamps/durations/bytes), with size bounds for cost estimation.

import KubeModel

public indirect enum CELType: Equatable, Sendable, CustomStringConvertible {
    case dyn, int, uint, double, bool, string, bytes, null, duration, timestamp, type
    case list(CELType)
    case map(CELType, CELType)
    case object(ObjectType)
    case opaque(String)
    case optional(CELType)

    public var description: String {
        switch self {
        case .dyn: return "dyn"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .bool: return "bool"
        case .string: return "string"
        case .bytes: return "bytes"
        case .null: return "null_type"
        case .duration: return "google.protobuf.Duration"
        case .timestamp: return "google.protobuf.Timestamp"
        case .type: return "type"
        case .list(let e): return "list(\(e))"
        case .map(let k, let v): return "map(\(k), \(v))"
        case .object(let o): return o.name
        case .opaque(let n): return n
        case .optional(let t): return "optional_type(\(t))"
        }
    }

    var isDyn: Bool { if case .dyn = self { return true }; return false }
}

/// An object type from a schema: its fields (by their CEL-escaped names) and each field's schema.
public final class ObjectType: @unchecked Sendable, Equatable {
    public let name: String
    public var fields: [String: SchemaType] = [:]
    public init(name: String) { self.name = name }
    public static func == (a: ObjectType, b: ObjectType) -> Bool { a === b }
}

/// A type with the size bounds cost estimation needs (elements of a list/map, length of a string).
public struct SchemaType: Sendable {
    public var type: CELType
    /// Largest number of elements/characters; from maxItems/maxProperties/maxLength or the request size.
    public var maxSize: UInt64
    /// The smallest JSON text a value of this schema can serialize to.
    public var minSerializedSize: UInt64
    public var element: [SchemaType]  // list item, or [key, value] of a map

    public static let maxRequestSize: UInt64 = 3 * 1024 * 1024

    public static func dyn() -> SchemaType { SchemaType(type: .dyn, maxSize: 0, minSerializedSize: 1, element: []) }

    /// A declared type with no size bounds from a schema (a hand-declared variable's type).
    public static func declared(_ type: CELType, element: [SchemaType] = []) -> SchemaType {
        SchemaType(type: type, maxSize: 0, minSerializedSize: 1, element: element)
    }

    static func bounded(_ v: JSONValue, else fallback: UInt64) -> UInt64 {
        guard let i = v.int else { return fallback }
        return i < 0 ? 0 : UInt64(i)
    }

    /// Kubernetes' declaration type of a structural schema node (`SchemaDeclType`).
    public static func from(schema s: JSONValue, isResourceRoot: Bool = false, name: String = "object") -> SchemaType {
        if s["x-kubernetes-int-or-string"].bool == true { return SchemaType(type: .dyn, maxSize: 0, minSerializedSize: 1, element: []) }
        let type = s["type"].string ?? ""
        switch type {
        case "object":
            if !s["additionalProperties"].isNull && s["additionalProperties"].bool != false {
                let v = s["additionalProperties"].object != nil ? from(schema: s["additionalProperties"], name: name + ".@values") : dyn()
                let bound: UInt64 = (maxRequestSize - 2) / (v.minSerializedSize + 4)
                let max = bounded(s["maxProperties"], else: bound)
                let key = SchemaType(type: .string, maxSize: maxRequestSize - 2, minSerializedSize: 2, element: [])
                return SchemaType(type: .map(.string, v.type), maxSize: max, minSerializedSize: 2, element: [key, v])
            }
            let props = s["properties"].object
            if props == nil && s["x-kubernetes-preserve-unknown-fields"].bool == true && !isResourceRoot
                && s["x-kubernetes-embedded-resource"].bool != true {
                return dyn()
            }
            let obj = ObjectType(name: name)
            for (k, v) in props ?? JSONObject() {
                guard let escaped = CELNames.escape(k) else { continue }
                obj.fields[escaped] = from(schema: v, isResourceRoot: v["x-kubernetes-embedded-resource"].bool == true, name: name + "." + k)
            }
            if isResourceRoot || s["x-kubernetes-embedded-resource"].bool == true {
                let str = SchemaType(type: .string, maxSize: maxRequestSize - 2, minSerializedSize: 2, element: [])
                if obj.fields["apiVersion"] == nil { obj.fields["apiVersion"] = str }
                if obj.fields["kind"] == nil { obj.fields["kind"] = str }
                let meta = ObjectType(name: name + ".metadata")
                meta.fields["name"] = str
                meta.fields["generateName"] = str
                obj.fields["metadata"] = SchemaType(type: .object(meta), maxSize: 0, minSerializedSize: 2, element: [])
            }
            return SchemaType(type: .object(obj), maxSize: UInt64(obj.fields.count), minSerializedSize: 2, element: [])
        case "array":
            let item = s["items"].isNull ? dyn() : from(schema: s["items"], isResourceRoot: s["items"]["x-kubernetes-embedded-resource"].bool == true, name: name + ".@items")
            let bound: UInt64 = (maxRequestSize - 2) / (item.minSerializedSize + 1)
            let max = bounded(s["maxItems"], else: bound)
            return SchemaType(type: .list(item.type), maxSize: max, minSerializedSize: 2, element: [item])
        case "string":
            let format = s["format"].string ?? ""
            let maxLen = bounded(s["maxLength"], else: maxRequestSize - 2)
            let minLen = UInt64(max(s["minLength"].int ?? 0, 0))
            switch format {
            case "byte": return SchemaType(type: .bytes, maxSize: maxLen, minSerializedSize: minLen + 2, element: [])
            case "duration": return SchemaType(type: .duration, maxSize: 0, minSerializedSize: 4, element: [])
            case "date", "date-time": return SchemaType(type: .timestamp, maxSize: 0, minSerializedSize: 4, element: [])
            default: return SchemaType(type: .string, maxSize: maxLen, minSerializedSize: minLen + 2, element: [])
            }
        case "integer": return SchemaType(type: .int, maxSize: 0, minSerializedSize: 1, element: [])
        case "number": return SchemaType(type: .double, maxSize: 0, minSerializedSize: 1, element: [])
        case "boolean": return SchemaType(type: .bool, maxSize: 0, minSerializedSize: 4, element: [])
        default:
            return dyn()
        }
    }
}

/// Kubernetes' escaping of property names into CEL identifiers (`foo-bar` is `foo__dash__bar`).
public enum CELNames {
    static let reserved: Set<String> = ["true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function",
                                        "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while"]

    public static func escape(_ name: String) -> String? {
        if reserved.contains(name) { return "__" + name + "__" }
        guard let first = name.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || "_.-/".unicodeScalars.contains(first) else { return nil }
        var out = ""
        var it = Array(name.unicodeScalars)[...]
        while let c = it.first {
            if c == "_", it.dropFirst().first == "_" { out += "__underscores__"; it = it.dropFirst(2); continue }
            it = it.dropFirst()
            switch c {
            case ".": out += "__dot__"
            case "-": out += "__dash__"
            case "/": out += "__slash__"
            default:
                guard c.isASCII, c.properties.isAlphabetic || (c >= "0" && c <= "9") || c == "_" else { return nil }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    public static func unescape(_ name: String) -> String {
        if name.hasPrefix("__"), name.hasSuffix("__"), reserved.contains(String(name.dropFirst(2).dropLast(2))) {
            return String(name.dropFirst(2).dropLast(2))
        }
        guard name.contains("__") else { return name }
        var s = name
        for (from, to) in [("__underscores__", "__"), ("__dot__", "."), ("__dash__", "-"), ("__slash__", "/")] {
            s = s.replacingAll(from, with: to)
        }
        return s
    }
}
