// CEL runtime values: the primitive types, lists, maps, type values, durations and timestamps,
// optionals, Kubernetes' opaque types, and the error and unknown values that flow through evaluation.

public struct CELError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    static func noOverload(_ fn: String, _ args: [Value]) -> CELError {
        CELError("no such overload: \(fn)(\(args.map { $0.typeName }.joined(separator: ", ")))")
    }
}

/// A value of a type CEL does not define itself (Kubernetes' Quantity, IP, CIDR, URL, ...).
public protocol OpaqueValue: Sendable {
    var celTypeName: String { get }
    func isEqual(to other: any OpaqueValue) -> Bool
}

public indirect enum Value: @unchecked Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([Value])
    case map(CELMap)
    case type(String)
    /// Seconds and nanoseconds (same sign), within ±10000 years.
    case duration(seconds: Int64, nanos: Int32)
    case timestamp(seconds: Int64, nanos: Int32)
    case optional(Value?)
    case opaque(any OpaqueValue)
    case error(CELError)
    case unknown([Int])

    public static func err(_ message: String) -> Value { .error(CELError(message)) }

    public var typeName: String {
        switch self {
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .list: return "list"
        case .map: return "map"
        case .type: return "type"
        case .duration: return "google.protobuf.Duration"
        case .timestamp: return "google.protobuf.Timestamp"
        case .optional: return "optional_type"
        case .opaque(let o): return o.celTypeName
        case .error: return "error"
        case .unknown: return "unknown"
        }
    }

    public var isErrorOrUnknown: Bool {
        switch self {
        case .error, .unknown: return true
        default: return false
        }
    }
}

/// Map keys under CEL's heterogeneous equality: numbers equal in value are the same key.
public enum MapKey: Hashable, Sendable {
    case bool(Bool)
    case int(Int64)
    case bigUint(UInt64)
    case string(String)

    public init?(_ v: Value) {
        switch v {
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .uint(let u): self = u <= UInt64(Int64.max) ? .int(Int64(u)) : .bigUint(u)
        case .string(let s): self = .string(s)
        default: return nil
        }
    }

    /// For lookups only: a double equal to an integer finds that integer's key.
    public init?(lookup v: Value) {
        if case .double(let d) = v {
            if d == d.rounded(), d >= -9.223372036854775808e18, d < 9.223372036854775808e18 { self = .int(Int64(d)); return }
            if d == d.rounded(), d >= 0, d < 1.8446744073709552e19 { self = .bigUint(UInt64(d)); return }
            return nil
        }
        self.init(v)
    }
}

public struct CELMap: Sendable {
    public private(set) var entries: [(key: Value, value: Value)] = []
    var index: [MapKey: Int] = [:]

    public init() {}

    public var count: Int { entries.count }

    /// Adds an entry; false when the key is already present.
    @discardableResult
    public mutating func insert(_ key: Value, _ value: Value) -> Bool {
        guard let k = MapKey(key), index[k] == nil else { return false }
        index[k] = entries.count
        entries.append((key, value))
        return true
    }

    public func get(_ key: Value) -> Value? {
        guard let k = MapKey(lookup: key), let i = index[k] else { return nil }
        return entries[i].value
    }

    public subscript(_ key: String) -> Value? { self.get(.string(key)) }
}

extension Value {
    public static func makeMap(_ pairs: [(String, Value)]) -> Value {
        var m = CELMap()
        for (k, v) in pairs { m.insert(.string(k), v) }
        return .map(m)
    }
}
