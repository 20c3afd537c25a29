/// An unstructured Kubernetes value: the Swift counterpart of the `map[string]interface{}` trees that
/// kubectl's unstructured objects hold. Objects keep their keys in insertion order, so a manifest read
/// from a file and written back keeps its shape and any field we do not know survives the round trip.
///
/// Numbers are kept as `int` when they are integral and fit in 64 bits, like Go's unstructured JSON
/// decoding (`int64` or `float64`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static let emptyObject = JSONValue.object(JSONObject())
}

extension JSONValue {
    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var int: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 9.2e18: return Int64(d)
        default: return nil
        }
    }
    public var double: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
    public var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var object: JSONObject? { if case .object(let o) = self { return o }; return nil }
    public var isNull: Bool { if case .null = self { return true }; return false }

    /// Member access that yields `.null` for anything missing, so paths chain: `obj["spec"]["replicas"]`.
    public subscript(key: String) -> JSONValue {
        get {
            if case .object(let o) = self { return o[key] ?? .null }
            return .null
        }
        set {
            if case .object(var o) = self {
                self = .null
                o[key] = newValue
                self = .object(o)
            } else if case .null = self {
                var o = JSONObject()
                o[key] = newValue
                self = .object(o)
            }
        }
        // The same as get-then-set, without copying the member being changed (nested assignments).
        _modify {
            if case .object(var o) = self {
                self = .null
                defer { self = .object(o) }
                yield &o[modifying: key]
            } else if case .null = self {
                var o = JSONObject()
                defer { self = .object(o) }
                yield &o[modifying: key]
            } else {
                // Not an object: reads give null and writes are ignored, as with the setter.
                var ignored = JSONValue.null
                yield &ignored
            }
        }
    }

    public subscript(index: Int) -> JSONValue {
        if case .array(let a) = self, index >= 0, index < a.count { return a[index] }
        return .null
    }

    /// Reads a nested value by path components: `value.at("metadata", "labels")`.
    public func at(_ path: String...) -> JSONValue { at(path) }
    public func at(_ path: [String]) -> JSONValue {
        var cur = self
        for p in path { cur = cur[p] }
        return cur
    }

    /// Sets a nested value, creating intermediate objects as needed.
    public mutating func set(_ path: [String], _ value: JSONValue) {
        guard let first = path.first else { self = value; return }
        var child = self[first]
        if path.count > 1, child.object == nil { child = .emptyObject }
        child.set(Array(path.dropFirst()), value)
        self[first] = child
    }

    /// Removes a nested key; returns whether something was removed.
    @discardableResult
    public mutating func remove(_ path: [String]) -> Bool {
        guard let first = path.first, case .object(var o) = self else { return false }
        if path.count == 1 {
            self = .null
            let removed = o.removeValue(forKey: first) != nil
            self = .object(o)
            return removed
        }
        guard var child = o[first] else { return false }
        let removed = child.remove(Array(path.dropFirst()))
        if removed {
            self = .null
            o[first] = child
            self = .object(o)
        }
        return removed
    }

    /// A string map (labels, annotations, selectors); non-string values are skipped.
    public var stringMap: [(String, String)] {
        guard case .object(let o) = self else { return [] }
        return o.compactMap { k, v in v.string.map { (k, $0) } }
    }

    public init(stringMap pairs: [(String, String)]) {
        var o = JSONObject()
        for (k, v) in pairs { o[k] = .string(v) }
        self = .object(o)
    }

    /// Truthiness as Go templates and "is it set" checks see it: null, false, 0, "" and empty
    /// collections are empty.
    public var isEmptyValue: Bool {
        switch self {
        case .null: return true
        case .bool(let b): return !b
        case .int(let i): return i == 0
        case .double(let d): return d == 0
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var o = JSONObject()
        o.reserveCapacity(elements.count)
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// True when a floating-point number occurs anywhere in the value (its text may read back as an
    /// integer, so such a value and its parsed text can differ).
    public var holdsDouble: Bool {
        switch self {
        case .double: return true
        case .null, .bool, .int, .string: return false
        case .array(let a): return JSONValue.anyDouble(a)
        case .object(let o): return JSONValue.anyDouble(o.values)
        }
    }

    /// Whether any of `values` holds a double: an indexed loop (a third of the instructions of
    /// `contains` with a closure per value; every object a transaction writes is walked).
    private static func anyDouble(_ values: [JSONValue]) -> Bool {
        for i in values.indices {
            switch values[i] {
            case .double: return true
            case .null, .bool, .int, .string: continue
            case .array(let a): if anyDouble(a) { return true }
            case .object(let o): if anyDouble(o.values) { return true }
            }
        }
        return false
    }
}

extension JSONValue {
    /// The name Go's encoding/json gives this value's JSON type in `json: cannot unmarshal X into ...`.
    public var goJSONTypeName: String {
        switch self {
        case .string: return "string"
        case .int, .double: return "number"
        case .bool: return "bool"
        case .array: return "array"
        case .object: return "object"
        case .null: return "null"
        }
    }
}
