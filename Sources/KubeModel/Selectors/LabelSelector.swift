// Label selectors with apimachinery `pkg/labels` semantics (v1.32): the `labels.Parse` grammar and its
// error texts, `NewRequirement` validation, matching, and the canonical `String()` form.

/// An error from parsing or building a selector; `message` is the exact Go error text.
public struct SelectorError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// `selection.Operator`; raw values are the Go operator strings.
public enum SelectorOperator: String, Sendable, CaseIterable {
    case doesNotExist = "!"
    case equals = "="
    case doubleEquals = "=="
    case `in` = "in"
    case notEquals = "!="
    case notIn = "notin"
    case exists = "exists"
    case greaterThan = "gt"
    case lessThan = "lt"
}

/// `labels.Requirement`: a key, an operator and values.
public struct LabelRequirement: Sendable, Equatable, CustomStringConvertible {
    public let key: String
    public let op: SelectorOperator
    /// Values as given (the parser hands them over sorted and de-duplicated, like `sets.String.List()`).
    public let values: [String]

    /// `labels.NewRequirement`: validates the key, the value count for the operator, integer values for
    /// `gt`/`lt` and every value as a label value. The error is the aggregate of the field errors,
    /// e.g. `values[0][app]: Invalid value: "a b": a valid label must be ...`.
    /// `valuesWereNil` only affects how an empty value list is printed (`[]string(nil)` vs `[]string{}`).
    public init(key: String, op: SelectorOperator, values: [String], valuesWereNil: Bool = false) throws {
        var errs: [FieldError] = []
        let keyMsgs = isQualifiedName(key)
        if !keyMsgs.isEmpty { errs.append(.invalid("key", key, keyMsgs.joined(separator: "; "))) }
        let listValue: FieldError.BadValue = (values.isEmpty && valuesWereNil) ? .nilStringList : .stringList(values)
        switch op {
        case .in, .notIn:
            if values.isEmpty {
                errs.append(FieldError(.invalid, field: "values", value: listValue,
                                       detail: "for 'in', 'notin' operators, values set can't be empty"))
            }
        case .equals, .doubleEquals, .notEquals:
            if values.count != 1 {
                errs.append(FieldError(.invalid, field: "values", value: listValue,
                                       detail: "exact-match compatibility requires one single value"))
            }
        case .exists, .doesNotExist:
            if !values.isEmpty {
                errs.append(FieldError(.invalid, field: "values", value: listValue,
                                       detail: "values set must be empty for exists and does not exist"))
            }
        case .greaterThan, .lessThan:
            if values.count != 1 {
                errs.append(FieldError(.invalid, field: "values", value: listValue,
                                       detail: "for 'Gt', 'Lt' operators, exactly one value is required"))
            }
            for (i, v) in values.enumerated() where goParseInt64(v) == nil {
                errs.append(.invalid("values[\(i)]", v, "for 'Gt', 'Lt' operators, the value must be an integer"))
            }
        }
        for (i, v) in values.enumerated() {
            let msgs = isValidLabelValue(v)
            if !msgs.isEmpty { errs.append(.invalid("values[\(i)][\(key)]", v, msgs.joined(separator: "; "))) }
        }
        if !errs.isEmpty { throw SelectorError(aggregateMessage(errs)) }
        self.key = key
        self.op = op
        self.values = values
    }

    /// Builds without validation (`SelectorFromValidatedSet`).
    init(unchecked key: String, _ op: SelectorOperator, _ values: [String]) {
        self.key = key
        self.op = op
        self.values = values
    }

    /// `Requirement.Matches`: `!=` and `notin` match objects without the key; `gt`/`lt` need the key
    /// and an integer value.
    public func matches(_ labels: [String: String]) -> Bool {
        switch op {
        case .in, .equals, .doubleEquals:
            guard let v = labels[key] else { return false }
            return values.contains(v)
        case .notIn, .notEquals:
            guard let v = labels[key] else { return true }
            return !values.contains(v)
        case .exists:
            return labels[key] != nil
        case .doesNotExist:
            return labels[key] == nil
        case .greaterThan, .lessThan:
            guard let raw = labels[key], let lv = goParseInt64(raw), values.count == 1,
                  let rv = goParseInt64(values[0]) else { return false }
            return op == .greaterThan ? lv > rv : lv < rv
        }
    }

    /// `Requirement.String()`: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, `k>1`, `k<1`;
    /// several values are printed sorted.
    public var description: String {
        var s = op == .doesNotExist ? "!" + key : key
        switch op {
        case .exists, .doesNotExist: return s
        case .equals: s += "="
        case .doubleEquals: s += "=="
        case .notEquals: s += "!="
        case .in: s += " in "
        case .notIn: s += " notin "
        case .greaterThan: s += ">"
        case .lessThan: s += "<"
        }
        let vals = values.count == 1 ? values[0] : values.sorted(by: goStringLess).joined(separator: ",")
        if op == .in || op == .notIn { return s + "(" + vals + ")" }
        return s + vals
    }
}

/// A label selector (`labels.Selector`): an AND of requirements kept sorted by key, or the special
/// "nothing" selector (from a nil `metav1.LabelSelector`) that matches no object.
public struct LabelSelector: Sendable, Equatable, CustomStringConvertible {
    public private(set) var requirements: [LabelRequirement]
    /// True for `labels.Nothing()`.
    public let matchesNothing: Bool

    public static let everything = LabelSelector(requirements: [], nothing: false)
    public static let nothing = LabelSelector(requirements: [], nothing: true)

    init(requirements: [LabelRequirement], nothing: Bool) {
        self.requirements = LabelSelector.sortedByKey(requirements)
        self.matchesNothing = nothing
    }

    /// `labels.Parse`: the string grammar used by `-l` / `labelSelector=`. Throws `SelectorError` with the
    /// apimachinery message (e.g. `unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt`).
    public static func parse(_ s: String) throws -> LabelSelector {
        var parser = LabelSelectorParser(s)
        return LabelSelector(requirements: try parser.parse(), nothing: false)
    }

    /// `labels.SelectorFromSet` for plain map selectors (services, replication controllers): one `=`
    /// requirement per pair, no validation; an empty map selects everything.
    public init(matchingLabels: [String: String]) {
        self.init(requirements: matchingLabels.map { LabelRequirement(unchecked: $0.key, .equals, [$0.value]) },
                  nothing: false)
    }

    /// `metav1.LabelSelectorAsSelector` for a `LabelSelector` object (`matchLabels` + `matchExpressions`).
    /// `null` (or a non-object) gives `.nothing`; an object with no requirements gives `.everything`.
    /// Errors: `"Foo" is not a valid pod selector operator`, and `NewRequirement`'s messages.
    public init(from json: JSONValue) throws {
        guard case .object(let o) = json else { self = .nothing; return }
        let matchLabels = (o["matchLabels"] ?? .null).stringMap.sorted { goStringLess($0.0, $1.0) }
        let exprs = (o["matchExpressions"] ?? .null).array ?? []
        if matchLabels.isEmpty && exprs.isEmpty { self = .everything; return }
        var reqs: [LabelRequirement] = []
        for (k, v) in matchLabels {
            reqs.append(try LabelRequirement(key: k, op: .equals, values: [v]))
        }
        for expr in exprs {
            let opName = expr["operator"].string ?? ""
            let op: SelectorOperator
            switch opName {
            case "In": op = .in
            case "NotIn": op = .notIn
            case "Exists": op = .exists
            case "DoesNotExist": op = .doesNotExist
            default: throw SelectorError("\(strconvQuote(opName)) is not a valid pod selector operator")
            }
            // Go copies the values with append([]string(nil), ...), so an empty list is a nil slice.
            let values = (expr["values"].array ?? []).compactMap(\.string)
            reqs.append(try LabelRequirement(key: expr["key"].string ?? "", op: op, values: values,
                                             valuesWereNil: values.isEmpty))
        }
        self.init(requirements: reqs, nothing: false)
    }

    /// `Selector.Empty()`: true when it does not restrict anything (the "nothing" selector is not empty).
    public var isEmpty: Bool { !matchesNothing && requirements.isEmpty }

    public func matches(_ labels: [String: String]) -> Bool {
        if matchesNothing { return false }
        return requirements.allSatisfy { $0.matches(labels) }
    }

    /// Matches an object's `metadata.labels` value (non-string values are ignored).
    public func matches(labels: JSONValue) -> Bool {
        var m: [String: String] = [:]
        for (k, v) in labels.stringMap { m[k] = v }
        return matches(m)
    }

    /// `Selector.Add`: a new selector with the extra requirements, sorted by key.
    public func adding(_ reqs: LabelRequirement...) -> LabelSelector {
        if matchesNothing { return self }
        return LabelSelector(requirements: requirements + reqs, nothing: false)
    }

    /// `RequiresExactMatch`: the value required for `label` by a `=`, `==` or single-valued `in` requirement.
    public func requiresExactMatch(_ label: String) -> String? {
        for r in requirements where r.key == label {
            switch r.op {
            case .equals, .doubleEquals, .in:
                return r.values.count == 1 ? r.values[0] : nil
            default:
                return nil
            }
        }
        return nil
    }

    /// The canonical string (`Selector.String()`): requirements sorted by key, joined by `,`;
    /// "" for everything and for nothing.
    public var description: String { requirements.map(\.description).joined(separator: ",") }

    static func sortedByKey(_ reqs: [LabelRequirement]) -> [LabelRequirement] {
        // Go sorts with sort.Sort(ByKey); for the small lists selectors have that is an insertion
        // sort, i.e. stable. Keep equal keys in their original order.
        reqs.enumerated().sorted { a, b in
            a.element.key == b.element.key ? a.offset < b.offset : goStringLess(a.element.key, b.element.key)
        }.map(\.element)
    }
}

/// Go `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits, no overflow.
public func goParseInt64(_ s: String) -> Int64? {
    var bytes = Substring(s).utf8[...]
    var negative = false
    if let f = bytes.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
        negative = f == UInt8(ascii: "-")
        bytes = bytes.dropFirst()
    }
    guard !bytes.isEmpty else { return nil }
    var magnitude: UInt64 = 0
    for c in bytes {
        guard c >= 0x30 && c <= 0x39 else { return nil }
        let (m1, o1) = magnitude.multipliedReportingOverflow(by: 10)
        let (m2, o2) = m1.addingReportingOverflow(UInt64(c - 0x30))
        if o1 || o2 { return nil }
        magnitude = m2
    }
    if negative {
        if magnitude > UInt64(Int64.max) + 1 { return nil }
        return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
    }
    if magnitude > UInt64(Int64.max) { return nil }
    return Int64(magnitude)
}

// MARK: - lexer and parser (labels.Lexer / labels.Parser)

enum LabelToken: Equatable {
    case error, endOfString, closedPar, comma, doesNotExist, doubleEquals, equals, greaterThan,
         identifier, in_, lessThan, notEquals, notIn, openPar
}

struct LabelLexer {
    let s: [UInt8]
    var pos = 0

    init(_ s: String) { self.s = Array(s.utf8) }

    static func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }
    static func isSpecial(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: ","), UInt8(ascii: ">"), UInt8(ascii: "<"): return true
        default: return false
        }
    }
    static func token(for literal: [UInt8]) -> LabelToken? {
        switch String(decoding: literal, as: UTF8.self) {
        case ")": return .closedPar
        case ",": return .comma
        case "!": return .doesNotExist
        case "==": return .doubleEquals
        case "=": return .equals
        case ">": return .greaterThan
        case "in": return .in_
        case "<": return .lessThan
        case "!=": return .notEquals
        case "notin": return .notIn
        case "(": return .openPar
        default: return nil
        }
    }

    /// Returns 0 at the end (a NUL byte also ends the input, as in Go).
    mutating func read() -> UInt8 {
        guard pos < s.count else { return 0 }
        defer { pos += 1 }
        return s[pos]
    }
    mutating func unread() { pos -= 1 }

    mutating func scanIDOrKeyword() -> (LabelToken, String) {
        var buffer: [UInt8] = []
        while true {
            let ch = read()
            if ch == 0 { break }
            if LabelLexer.isSpecial(ch) || LabelLexer.isWhitespace(ch) { unread(); break }
            buffer.append(ch)
        }
        let lit = String(decoding: buffer, as: UTF8.self)
        if let t = LabelLexer.token(for: buffer) { return (t, lit) }
        return (.identifier, lit)
    }

    mutating func scanSpecialSymbol() -> (LabelToken, String) {
        var last: (LabelToken, String)? = nil
        var buffer: [UInt8] = []
        while true {
            let ch = read()
            if ch == 0 { break }
            if LabelLexer.isSpecial(ch) {
                buffer.append(ch)
                if let t = LabelLexer.token(for: buffer) {
                    last = (t, String(decoding: buffer, as: UTF8.self))
                } else if last != nil {
                    unread()
                    break
                }
            } else {
                unread()
                break
            }
        }
        guard let found = last else {
            return (.error, "error expected: keyword found '\(String(decoding: buffer, as: UTF8.self))'")
        }
        return found
    }

    mutating func lex() -> (LabelToken, String) {
        var ch = read()
        while LabelLexer.isWhitespace(ch) { ch = read() }
        if ch == 0 { return (.endOfString, "") }
        unread()
        return LabelLexer.isSpecial(ch) ? scanSpecialSymbol() : scanIDOrKeyword()
    }
}

struct LabelSelectorParser {
    enum Context { case keyAndOperator, values }

    var items: [(LabelToken, String)] = []
    var position = 0

    init(_ s: String) {
        var lexer = LabelLexer(s)
        while true {
            let item = lexer.lex()
            items.append(item)
            if item.0 == .endOfString { break }
        }
    }

    private func adjust(_ item: (LabelToken, String), _ ctx: Context) -> (LabelToken, String) {
        if ctx == .values && (item.0 == .in_ || item.0 == .notIn) { return (.identifier, item.1) }
        return item
    }
    func lookahead(_ ctx: Context) -> (LabelToken, String) {
        adjust(position < items.count ? items[position] : (.endOfString, ""), ctx)
    }
    mutating func consume(_ ctx: Context) -> (LabelToken, String) {
        let item = lookahead(ctx)
        position += 1
        return item
    }

    mutating func parse() throws -> [LabelRequirement] {
        var reqs: [LabelRequirement] = []
        while true {
            let (tok, lit) = lookahead(.values)
            switch tok {
            case .identifier, .doesNotExist:
                do {
                    reqs.append(try parseRequirement())
                } catch let e as SelectorError {
                    throw SelectorError("unable to parse requirement: " + e.message)
                }
                let (t, l) = consume(.values)
                switch t {
                case .endOfString:
                    return reqs
                case .comma:
                    let (t2, l2) = lookahead(.values)
                    if t2 != .identifier && t2 != .doesNotExist {
                        throw SelectorError("found '\(l2)', expected: identifier after ','")
                    }
                default:
                    throw SelectorError("found '\(l)', expected: ',' or 'end of string'")
                }
            case .endOfString:
                return reqs
            default:
                throw SelectorError("found '\(lit)', expected: !, identifier, or 'end of string'")
            }
        }
    }

    mutating func parseRequirement() throws -> LabelRequirement {
        let (key, inferred) = try parseKeyAndInferOperator()
        if let op = inferred, op == .exists || op == .doesNotExist {
            return try LabelRequirement(key: key, op: op, values: [])
        }
        let op = try parseOperator()
        let values: [String]
        switch op {
        case .in, .notIn: values = try parseValues()
        default: values = try parseExactValue()
        }
        return try LabelRequirement(key: key, op: op, values: Set(values).sorted(by: goStringLess))
    }

    mutating func parseKeyAndInferOperator() throws -> (String, SelectorOperator?) {
        var op: SelectorOperator? = nil
        var (tok, lit) = consume(.values)
        if tok == .doesNotExist {
            op = .doesNotExist
            (tok, lit) = consume(.values)
        }
        if tok != .identifier {
            throw SelectorError("found '\(lit)', expected: identifier")
        }
        let msgs = isQualifiedName(lit)
        if !msgs.isEmpty {
            throw SelectorError(FieldError.invalid("<nil>", lit, msgs.joined(separator: "; ")).description)
        }
        let (t, _) = lookahead(.values)
        if (t == .endOfString || t == .comma) && op != .doesNotExist { op = .exists }
        return (lit, op)
    }

    mutating func parseOperator() throws -> SelectorOperator {
        let (tok, lit) = consume(.keyAndOperator)
        switch tok {
        case .in_: return .in
        case .equals: return .equals
        case .doubleEquals: return .doubleEquals
        case .greaterThan: return .greaterThan
        case .lessThan: return .lessThan
        case .notIn: return .notIn
        case .notEquals: return .notEquals
        default: throw SelectorError("found '\(lit)', expected: in, notin, =, ==, !=, gt, lt")
        }
    }

    mutating func parseValues() throws -> [String] {
        var (tok, lit) = consume(.values)
        if tok != .openPar { throw SelectorError("found '\(lit)' expected: '('") }
        (tok, lit) = lookahead(.values)
        switch tok {
        case .identifier, .comma:
            let s = try parseIdentifiersList()
            if consume(.values).0 != .closedPar { throw SelectorError("found '\(lit)', expected: ')'") }
            return s
        case .closedPar:
            _ = consume(.values)
            return [""]
        default:
            throw SelectorError("found '\(lit)', expected: ',', ')' or identifier")
        }
    }

    mutating func parseIdentifiersList() throws -> [String] {
        var s: [String] = []
        while true {
            let (tok, lit) = consume(.values)
            switch tok {
            case .identifier:
                s.append(lit)
                let (tok2, lit2) = lookahead(.values)
                switch tok2 {
                case .comma: continue
                case .closedPar: return s
                default: throw SelectorError("found '\(lit2)', expected: ',' or ')'")
                }
            case .comma:
                if s.isEmpty { s.append("") }
                let (tok2, _) = lookahead(.values)
                if tok2 == .closedPar {
                    s.append("")
                    return s
                }
                if tok2 == .comma {
                    _ = consume(.values)
                    s.append("")
                }
            default:
                throw SelectorError("found '\(lit)', expected: ',', or identifier")
            }
        }
    }

    mutating func parseExactValue() throws -> [String] {
        let (tok, _) = lookahead(.values)
        if tok == .endOfString || tok == .comma { return [""] }
        let (t, lit) = consume(.values)
        if t == .identifier { return [lit] }
        throw SelectorError("found '\(lit)', expected: identifier")
    }
}

extension LabelSelector {
    /// `metav1.ParseToLabelSelector`: the string grammar as a LabelSelector object (`matchLabels` sorted,
    /// then `matchExpressions`; empty parts left out), with its errors (`couldn't parse the selector
    /// string "…": …`, `"gt" isn't supported in label selectors`, `"!=" is not a valid label selector operator`).
    public static func parseToObject(_ text: String) throws -> JSONValue {
        let reqs: [LabelRequirement]
        do { reqs = try parse(text).requirements } catch let e as SelectorError {
            throw SelectorError("couldn't parse the selector string \"\(text)\": \(e.message)")
        }
        var matchLabels: [String: String] = [:]
        var exprs: [JSONValue] = []
        for r in reqs {
            let op: String
            switch r.op {
            case .equals, .doubleEquals: matchLabels[r.key] = r.values[0]; continue
            case .in: op = "In"
            case .notIn: op = "NotIn"
            case .exists: op = "Exists"
            case .doesNotExist: op = "DoesNotExist"
            case .greaterThan, .lessThan: throw SelectorError("\"\(r.op.rawValue)\" isn't supported in label selectors")
            case .notEquals: throw SelectorError("\"\(r.op.rawValue)\" is not a valid label selector operator")
            }
            var e = JSONObject([("key", .string(r.key)), ("operator", .string(op))])
            if !r.values.isEmpty { e["values"] = .array(r.values.map { .string($0) }) }
            exprs.append(.object(e))
        }
        var out = JSONObject()
        if !matchLabels.isEmpty { out["matchLabels"] = JSONValue(stringMap: matchLabels.sorted { goStringLess($0.key, $1.key) }.map { ($0.key, $0.value) }) }
        if !exprs.isEmpty { out["matchExpressions"] = .array(exprs) }
        return .object(out)
    }
}
