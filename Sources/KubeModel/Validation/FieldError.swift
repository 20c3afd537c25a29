/// apimachinery `field.Error`: one validation failure at a field path. `description` is exactly what
/// `(*field.Error).Error()` prints: `<field>: <type>[: <value>][: <detail>]`, e.g.
/// `metadata.labels: Invalid value: "bad value": a valid label must be ...`.
public struct FieldError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case notFound = "Not found"
        case required = "Required value"
        case duplicate = "Duplicate value"
        case invalid = "Invalid value"
        case notSupported = "Unsupported value"
        case forbidden = "Forbidden"
        case tooLong = "Too long"
        case tooMany = "Too many"
        case `internal` = "Internal error"
    }

    /// The offending value as Go's error body renders it.
    public enum BadValue: Sendable, Equatable {
        case string(String)        // `%q`
        case int(Int64)            // plain
        case bool(Bool)            // plain
        case stringList([String])  // `%#v` of []string: []string{"a", "b"}
        case nilStringList         // `%#v` of a nil []string: []string(nil)
        case null                  // "null"
        case raw(String)           // already rendered as Go's `%#v` prints it (structs, maps)
        case omitted               // `field.OmitValueType{}`: the type name alone, no value
    }

    public var kind: Kind
    /// The field path as `field.Path.String()` prints it; `<nil>` for a nil path.
    public var field: String
    public var badValue: BadValue?
    public var detail: String

    public init(_ kind: Kind, field: String, value: BadValue? = nil, detail: String = "") {
        self.kind = kind
        self.field = field
        self.badValue = value
        self.detail = detail
    }

    public static func invalid(_ field: String, _ value: String, _ detail: String) -> FieldError {
        FieldError(.invalid, field: field, value: .string(value), detail: detail)
    }
    public static func required(_ field: String, _ detail: String = "") -> FieldError {
        FieldError(.required, field: field, value: .string(""), detail: detail)
    }
    public static func tooLong(_ field: String, maxLength: Int) -> FieldError {
        FieldError(.tooLong, field: field, value: .string(""), detail: "must have at most \(maxLength) bytes")
    }
    public static func notSupported(_ field: String, _ value: BadValue, supported: [String]) -> FieldError {
        let detail = supported.isEmpty ? "" : "supported values: " + supported.map(strconvQuote).joined(separator: ", ")
        return FieldError(.notSupported, field: field, value: value, detail: detail)
    }

    /// `ErrorBody()`: the message without the field.
    public var body: String {
        var s: String
        switch kind {
        case .required, .forbidden, .tooLong, .internal:
            s = kind.rawValue
        case _ where badValue == .omitted:
            s = kind.rawValue
        default:
            switch badValue {
            case nil, .null?: s = "\(kind.rawValue): null"
            case .string(let v)?: s = "\(kind.rawValue): \(strconvQuote(v))"
            case .int(let v)?: s = "\(kind.rawValue): \(v)"
            case .bool(let v)?: s = "\(kind.rawValue): \(v)"
            case .stringList(let vs)?:
                s = "\(kind.rawValue): []string{" + vs.map(strconvQuote).joined(separator: ", ") + "}"
            case .nilStringList?:
                s = "\(kind.rawValue): []string(nil)"
            case .raw(let v)?:
                s = "\(kind.rawValue): \(v)"
            case .omitted?:
                s = kind.rawValue
            }
        }
        if !detail.isEmpty { s += ": " + detail }
        return s
    }

    public var description: String { "\(field): \(body)" }
}

/// `utilerrors.Aggregate.Error()` over a field.ErrorList (after `ToAggregate`): duplicates removed,
/// one message printed bare, several as `[a, b]`. Empty list gives "".
public func aggregateMessage(_ messages: [String]) -> String {
    var seen = Set<String>()
    var unique: [String] = []
    for m in messages where !seen.contains(m) {
        seen.insert(m)
        unique.append(m)
    }
    if unique.count == 1 { return unique[0] }
    if unique.isEmpty { return "" }
    return "[" + unique.joined(separator: ", ") + "]"
}

public func aggregateMessage(_ errors: [FieldError]) -> String {
    aggregateMessage(errors.map(\.description))
}
