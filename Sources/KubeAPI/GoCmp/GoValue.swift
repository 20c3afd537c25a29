import KubeModel

/// A Pod spec as the Go value go-cmp walks: the internal `core` types of `GoCoreTypes`, built from the
/// stored JSON. Kinds are those the diff tells apart; `quantity` is a leaf (it has an Equal method).
indirect enum GoType {
    case string(stringer: Bool), int, bool
    /// A named string type (`core.PersistentVolumeAccessMode`): its name shows in a slice's type.
    case namedString(String, stringer: Bool)
    case named(String)           // a struct of the schema
    case slice(GoType), ptr(GoType), map(name: String?, key: GoType, value: GoType)
    case quantity, intOrString, opaque

    /// The type as go-cmp names it (`core.Container`, `[]core.EnvVar`, `*int64`).
    var name: String {
        switch self {
        case .string: return "string"
        case .namedString(let n, _): return "core." + n
        case .int: return "int64"
        case .bool: return "bool"
        case .named(let n): return n == "int64Amount" ? "resource.int64Amount" : n.contains(".") ? n : "core." + n
        case .slice(let e): return "[]" + e.name
        case .ptr(let e): return "*" + e.name
        case .map(let n, let k, let v): return n.map { "core." + $0 } ?? "map[\(k.name)]\(v.name)"
        case .quantity: return "resource.Quantity"
        case .intOrString: return "intstr.IntOrString"
        case .opaque: return "core.Opaque"
        }
    }

    var isComposite: Bool {
        switch self {
        case .named, .slice, .map, .quantity, .intOrString, .opaque: return true
        default: return false
        }
    }
}

/// A Go value: scalars, structs (fields in order), slices and maps (nil or not), pointers.
indirect enum GoValue {
    case string(String, stringer: Bool)
    case int(Int64)
    case bool(Bool)
    case structure(GoType, [(name: String, value: GoValue)])
    case slice(GoType, [GoValue]?)
    case map(GoType, [(key: GoValue, value: GoValue)]?)
    case pointer(GoType, GoValue?)

    var isZero: Bool {
        switch self {
        case .string(let s, _): return s.isEmpty
        case .int(let i): return i == 0
        case .bool(let b): return !b
        case .structure(_, let fields): return fields.allSatisfy { $0.value.isZero }
        case .slice(_, let e): return e == nil
        case .map(_, let e): return e == nil
        case .pointer(_, let p): return p == nil
        }
    }

    var type: GoType {
        switch self {
        case .string(_, let s): return .string(stringer: s)
        case .int: return .int
        case .bool: return .bool
        case .structure(let t, _), .slice(let t, _), .map(let t, _), .pointer(let t, _): return t
        }
    }
}

extension GoValue: Equatable {
    static func == (a: GoValue, b: GoValue) -> Bool {
        switch (a, b) {
        case (.string(let x, _), .string(let y, _)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.structure(_, let x), .structure(_, let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.name == $1.name && $0.value == $1.value }
        case (.slice(_, let x), .slice(_, let y)): return x == y
        case (.map(_, let x), .map(_, let y)):
            guard let x, let y else { return x == nil && y == nil }
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.pointer(_, let x), .pointer(_, let y)): return x == y
        default: return false
        }
    }
}

/// Builds Go values from JSON by the schema of `GoCoreTypes`.
enum GoValues {
    struct Field { let name: String; let type: GoType; let json: String }
    enum Decl { case structure([Field]), string(stringer: Bool), map(GoType, GoType) }

    /// Each declared name's kind word (`struct`, `string`, a map type), read before any type is parsed.
    static let kinds: [String: [String]] = {
        var out: [String: [String]] = [:]
        for line in GoCoreTypes.schema.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            if parts.count >= 2 { out[parts[0]] = Array(parts.dropFirst().prefix(2)) }
        }
        return out
    }()

    nonisolated(unsafe) static let decls: [String: Decl] = {
        var out: [String: Decl] = [:]
        for line in GoCoreTypes.schema.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count >= 2 else { continue }
            switch parts[1] {
            case "struct":
                out[parts[0]] = .structure(parts.dropFirst(2).map { f in
                    let p = f.split(separator: ":", maxSplits: 2).map(String.init)
                    return Field(name: p[0], type: parse(p[1]), json: p[2])
                })
            case "string": out[parts[0]] = .string(stringer: parts.count > 2)
            default:
                if case .map(_, let k, let v) = parse(parts[1]) { out[parts[0]] = .map(k, v) }
            }
        }
        return out
    }()

    static func parse(_ t: String) -> GoType {
        if t.hasPrefix("[]") { return .slice(parse(String(t.dropFirst(2)))) }
        if t.hasPrefix("*") { return .ptr(parse(String(t.dropFirst()))) }
        if t.hasPrefix("map["), let close = t.firstIndex(of: "]") {
            let key = String(t[t.index(t.startIndex, offsetBy: 4)..<close])
            return .map(name: nil, key: parse(key), value: parse(String(t[t.index(after: close)...])))
        }
        switch t {
        case "string": return .string(stringer: false)
        case "int32", "int64": return .int
        case "bool": return .bool
        case "resource.Quantity": return .quantity
        case "intstr.IntOrString": return .intOrString
        case "Opaque": return .opaque
        default: break
        }
        guard let kind = kinds[t] else { return .named(t) }
        switch kind[0] {
        case "string": return kind.count > 1 ? .string(stringer: true) : .namedString(t, stringer: false)
        case "struct": return .named(t)
        default:
            if case .map(_, let k, let v) = parse(kind[0]) { return .map(name: t, key: k, value: v) }
            return .named(t)
        }
    }

    /// The value of `type` that `json` decodes to (missing or null: the zero value).
    static func value(_ json: JSONValue, _ type: GoType) -> GoValue {
        switch type {
        case .string(let s), .namedString(_, let s): return .string(json.string ?? "", stringer: s)
        case .int: return .int(json.int ?? 0)
        case .bool: return .bool(json.bool ?? false)
        case .slice(let e):
            guard let list = json.array else { return .slice(type, nil) }
            return .slice(type, list.map { value($0, e) })
        case .ptr(let e): return .pointer(type, json.isNull ? nil : value(json, e))
        case .map(_, let k, let v):
            guard let obj = json.object else { return .map(type, nil) }
            let keys = obj.keys.sorted(by: goStringLess)
            return .map(type, keys.map { (value(.string($0), k), value(obj[$0] ?? .null, v)) })
        case .quantity: return quantity(json.string ?? (json.int.map { String($0) } ?? ""))
        case .intOrString:
            if let s = json.string { return .structure(type, [("Type", .int(1)), ("IntVal", .int(0)), ("StrVal", .string(s, stringer: false))]) }
            return .structure(type, [("Type", .int(0)), ("IntVal", .int(json.int ?? 0)), ("StrVal", .string("", stringer: false))])
        case .opaque:
            let obj = json.object ?? JSONObject()
            return .structure(type, obj.map { (k, v) in (k.prefix(1).uppercased() + k.dropFirst(), opaque(v)) })
        case .named(let n):
            guard case .structure(let fields)? = decls[n] else { return .structure(type, []) }
            return .structure(type, fields.map { f in (f.name, value(f.json == "-" ? json : json[f.json], f.type)) })
        }
    }

    static func opaque(_ v: JSONValue) -> GoValue {
        switch v {
        case .string(let s): return .string(s, stringer: false)
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .array(let a): return .slice(.slice(.opaque), a.map(opaque))
        case .object: return value(v, .opaque)
        default: return .pointer(.ptr(.opaque), nil)
        }
    }

    /// What ParseQuantity keeps of a quantity: its int64 amount and scale, the format, and the text when
    /// it is already canonical. Quantities are compared by their Equal method: the amount they stand for.
    static func quantity(_ text: String) -> GoValue {
        var digits = "", suffix = ""
        for (i, c) in text.enumerated() where !(c.isASCII && (c.isNumber || c == ".")) {
            digits = String(text.prefix(i)); suffix = String(text.dropFirst(i)); break
        }
        if digits.isEmpty && suffix.isEmpty { digits = text }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts.first ?? ""), frac = parts.count > 1 ? String(parts[1]) : ""
        let decimal: [String: Int64] = ["": 0, "m": -3, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18, "n": -9, "u": -6]
        let binary: [String: Int64] = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]
        let mantissa = Int64(whole + frac) ?? 0
        var value = mantissa, scale: Int64 = 0, format = "DecimalSI", cached = ""
        if let e = decimal[suffix] {
            scale = e - Int64(frac.count)
            let shifted = whole + frac
            if scale % 3 == 0 && !shifted.hasSuffix("000") && !shifted.hasPrefix("0") { cached = text }
        } else if let e = binary[suffix], frac.isEmpty {
            value = mantissa << e
            format = "BinarySI"
            if e % 10 == 0 && mantissa & 7 != 0 { cached = text }
        }
        let amount: GoValue = .structure(.named("int64Amount"), [("value", .int(value)), ("scale", .int(scale))])
        return .structure(.quantity, [("i", amount), ("d", .pointer(.ptr(.opaque), nil)), ("s", .string(cached, stringer: false)),
                                      ("Format", .string(format, stringer: false))])
    }

    /// The amount a quantity stands for, for its Equal method.
    static func amount(_ q: GoValue) -> (Int64, Int64) {
        guard case .structure(_, let f) = q, case .structure(_, let a) = f[0].value,
              case .int(var v) = a[0].value, case .int(var s) = a[1].value else { return (0, 0) }
        if v == 0 { return (0, 0) }
        while v % 10 == 0 { v /= 10; s += 1 }
        return (v, s)
    }
}
