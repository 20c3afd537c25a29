import KubeModel

/// kubectl's JSONPath dialect (client-go `util/jsonpath`): the template is plain text with actions in
/// braces. This file holds the syntax tree and the parser; `JSONPath.swift` evaluates it.

/// A parse or evaluation error; `message` is the text kubectl shows.
public struct JSONPathError: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One slice bound of `[start:end:step]`.
struct SliceParam: Equatable, Sendable {
    var known = false
    var value = 0
    var derived = false
}

indirect enum JPNode: Equatable, Sendable {
    case list([JPNode])
    case text(String)
    case field(String)
    case array([SliceParam])
    case filter(left: [JPNode], right: [JPNode], op: String)
    case int(Int)
    case float(Double)
    case bool(Bool)
    case wildcard
    case recursive
    case union([[JPNode]])
    case identifier(String)

    var isRecursive: Bool { if case .recursive = self { return true }; return false }
}

/// The parser keeps the shape of client-go's: a rune cursor over the UTF-8 bytes with `start`/`pos`,
/// and mutually recursive scanning functions. Recursion depth is bounded by the input length; the
/// fuzz test keeps inputs short enough for the default stack.
struct JPParser {
    private var input: [UInt8] = []
    private var pos = 0
    private var start = 0
    private var width = 0
    private static let eof: Unicode.Scalar? = nil

    /// Parses a whole template into the root list: text nodes and one list per `{...}` action.
    static func parse(_ text: String) throws -> [JPNode] {
        var p = JPParser()
        p.input = Array(text.utf8)
        var root: [JPNode] = []
        try p.parseText(&root)
        return root
    }

    /// `parseAction`: parses `{text}` and returns the action's node list.
    private static func parseAction(_ text: String) throws -> [JPNode] {
        let root = try parse("{" + text + "}")
        guard case .list(let nodes)? = root.first else { return [] }
        return nodes
    }

    // MARK: cursor

    private mutating func consumeText() -> String {
        let s = String(decoding: input[start..<pos], as: UTF8.self)
        start = pos
        return s
    }

    private mutating func next() -> Unicode.Scalar? {
        if pos >= input.count {
            width = 0
            return nil
        }
        let (r, w) = decodeRune(input, pos)
        width = w
        pos += w
        return r
    }

    private mutating func peek() -> Unicode.Scalar? {
        let r = next()
        backup()
        return r
    }

    private mutating func backup() { pos -= width }

    private func hasPrefix(_ s: String) -> Bool {
        let b = Array(s.utf8)
        if pos + b.count > input.count { return false }
        for i in 0..<b.count where input[pos + i] != b[i] { return false }
        return true
    }

    // MARK: scanning (all mutating functions build into `cur`, the list being filled)

    /// Text outside actions; an action starts at `{`. Actions are appended to the root list.
    private mutating func parseText(_ root: inout [JPNode]) throws {
        while true {
            if hasPrefix("{") {
                if pos > start { root.append(.text(consumeText())) }
                pos += 1
                _ = consumeText()
                var cur: [JPNode] = []
                var closed = false
                defer { root.append(.list(cur)) }
                try parseInsideAction(&cur, closed: &closed)
                if closed { continue }
                return
            }
            if next() == nil { break }
        }
        if pos > start { root.append(.text(consumeText())) }
    }

    /// Scans the inside of one action until `}`. `closed` reports that the right delimiter was met
    /// (client-go then resumes the text scan from there).
    private mutating func parseInsideAction(_ cur: inout [JPNode], closed: inout Bool) throws {
        while true {
            if hasPrefix("}") {
                pos += 1
                _ = consumeText()
                closed = true
                return
            }
            if hasPrefix("[?(") {
                try parseFilter(&cur)
                continue
            }
            if hasPrefix("..") {
                if cur.last?.isRecursive == true { throw JSONPathError("invalid multiple recursive descent") }
                pos += 2
                _ = consumeText()
                cur.append(.recursive)
                if let r = peek(), isAlphaNumeric(r) { try parseField(&cur) }
                continue
            }
            let r = next()
            guard let r, !isEndOfLine(r) else { throw JSONPathError("unclosed action") }
            switch r {
            case " ", "@", "$":
                _ = consumeText()
            case "[":
                try parseArray(&cur)
            case "\"", "'":
                try parseQuote(&cur, end: r)
            case ".":
                try parseField(&cur)
            case _ where r == "+" || r == "-" || isDigit(r):
                backup()
                try parseNumber(&cur)
            case _ where isAlphaNumeric(r):
                backup()
                try parseIdentifier(&cur)
            default:
                throw JSONPathError("unrecognized character in action: \(goRuneU(r))")
            }
        }
    }

    private mutating func parseIdentifier(_ cur: inout [JPNode]) throws {
        while true {
            let r = next()
            if isTerminator(r) {
                backup()
                break
            }
        }
        let value = consumeText()
        if value == "true" || value == "false" {
            cur.append(.bool(value == "true"))
        } else {
            cur.append(.identifier(value))
        }
    }

    private mutating func parseNumber(_ cur: inout [JPNode]) throws {
        if let r = peek(), r == "+" || r == "-" { _ = next() }
        while true {
            let r = next()
            if !(r == "." || (r.map(isDigit) ?? false)) {
                backup()
                break
            }
        }
        let value = consumeText()
        if let i = goAtoi(value) {
            cur.append(.int(i))
        } else if let d = goParseFloatSimple(value) {
            cur.append(.float(d))
        } else {
            throw JSONPathError("cannot parse number \(value)")
        }
    }

    private mutating func parseArray(_ cur: inout [JPNode]) throws {
        loop: while true {
            switch next() {
            case nil, "\n": throw JSONPathError("unterminated array")
            case "]": break loop
            default: continue
            }
        }
        let raw = Array(consumeText().utf8)
        var text = String(decoding: raw[1..<(raw.count - 1)], as: UTF8.self)
        if text == "*" { text = ":" }

        // union
        let parts = text.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count > 1 {
            var union: [[JPNode]] = []
            for part in parts {
                union.append(try JPParser.parseAction("[" + trimSpaces(String(String.UnicodeScalarView(part))) + "]"))
            }
            cur.append(.union(union))
            return
        }

        // dict key: ['key']
        let u = Array(text.unicodeScalars)
        if u.count >= 2, u.first == "'", u.last == "'", !u.dropFirst().dropLast().contains("'") {
            let key = String(String.UnicodeScalarView(u.dropFirst().dropLast()))
            cur.append(contentsOf: try JPParser.parseAction("." + key))
            return
        }

        // slice: ^(-?\d*)(:-?\d*)?(:-?\d*)?$
        guard let groups = matchSlice(text) else { throw JSONPathError("invalid array index \(text)") }
        var params = [SliceParam(), SliceParam(), SliceParam()]
        for i in 0..<3 {
            var v = groups[i]
            if !v.isEmpty {
                if i > 0 { v = String(v.dropFirst()) }
                if i > 0 && v.isEmpty {
                    params[i].known = false
                } else {
                    params[i].known = true
                    guard let n = goAtoi(v) else { throw JSONPathError("array index \(v) is not a number") }
                    params[i].value = n
                }
            } else if i == 1 {
                params[i].known = true
                params[i].value = params[0].value &+ 1
                params[i].derived = true
            }
        }
        cur.append(.array(params))
    }

    private mutating func parseFilter(_ cur: inout [JPNode]) throws {
        pos += 3
        _ = consumeText()
        var begin = false, end = false
        var pair: Unicode.Scalar = "\""
        loop: while true {
            let r = next()
            switch r {
            case nil, "\n": throw JSONPathError("unterminated filter")
            case "\"", "'":
                if !begin {
                    begin = true
                    pair = r!
                    continue
                }
                if input[pos - 2] != UInt8(ascii: "\\") && r == pair { end = true }
            case ")":
                if begin == end { break loop }
            default: continue
            }
        }
        if next() != "]" { throw JSONPathError("unclosed array expect ]") }
        var text = consumeText()
        text = String(decoding: Array(text.utf8).dropLast(2), as: UTF8.self)
        if let (l, op, r) = splitFilter(text) {
            let left = try JPParser.parseAction(l)
            let right = try JPParser.parseAction(r)
            cur.append(.filter(left: left, right: right, op: op))
        } else {
            let left = try JPParser.parseAction(text)
            cur.append(.filter(left: left, right: [], op: "exists"))
        }
    }

    private mutating func parseQuote(_ cur: inout [JPNode], end: Unicode.Scalar) throws {
        loop: while true {
            switch next() {
            case nil, "\n": throw JSONPathError("unterminated quoted string")
            case end?:
                if input[pos - 2] != UInt8(ascii: "\\") { break loop }
            default: continue
            }
        }
        let value = consumeText()
        do {
            cur.append(.text(try unquoteExtend(value)))
        } catch {
            throw JSONPathError("unquote string \(value) error invalid syntax")
        }
    }

    private mutating func parseField(_ cur: inout [JPNode]) throws {
        _ = consumeText()
        while advance() {}
        let value = consumeText()
        if value == "*" {
            cur.append(.wildcard)
        } else {
            var name = String.UnicodeScalarView()
            for c in value.unicodeScalars where c != "\\" { name.append(c) }
            cur.append(.field(String(name)))
        }
    }

    private mutating func advance() -> Bool {
        let r = next()
        if r == "\\" {
            _ = next()
        } else if isTerminator(r) {
            backup()
            return false
        }
        return true
    }
}

// MARK: character classes and helpers

private func isTerminator(_ r: Unicode.Scalar?) -> Bool {
    guard let r else { return true }
    switch r {
    case " ", "\t", "\r", "\n", ".", ",", "[", "]", "$", "@", "{", "}": return true
    default: return false
    }
}

private func isEndOfLine(_ r: Unicode.Scalar) -> Bool { r == "\r" || r == "\n" }

/// Go `unicode.IsDigit`: decimal digits of any script.
func isDigit(_ r: Unicode.Scalar) -> Bool {
    if r.value < 0x80 { return r.value >= 0x30 && r.value <= 0x39 }
    return r.properties.generalCategory == .decimalNumber
}

/// Go `unicode.IsLetter`.
func isLetter(_ r: Unicode.Scalar) -> Bool {
    if r.value < 0x80 { return (r.value | 0x20) >= 0x61 && (r.value | 0x20) <= 0x7a }
    switch r.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
}

private func isAlphaNumeric(_ r: Unicode.Scalar) -> Bool { r == "_" || isLetter(r) || isDigit(r) }

/// UTF-8 decoding as Go's `utf8.DecodeRuneInString`: invalid bytes decode to U+FFFD with width 1.
func decodeRune(_ b: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
    let c0 = b[i]
    if c0 < 0x80 { return (Unicode.Scalar(c0), 1) }
    let bad = (Unicode.Scalar(0xFFFD)!, 1)
    func cont(_ k: Int) -> UInt32? {
        guard i + k < b.count, b[i + k] & 0xC0 == 0x80 else { return nil }
        return UInt32(b[i + k] & 0x3F)
    }
    if c0 >= 0xC2 && c0 <= 0xDF {
        guard let c1 = cont(1) else { return bad }
        return (Unicode.Scalar((UInt32(c0 & 0x1F) << 6) | c1)!, 2)
    }
    if c0 >= 0xE0 && c0 <= 0xEF {
        guard let c1 = cont(1), let c2 = cont(2) else { return bad }
        let v = (UInt32(c0 & 0x0F) << 12) | (c1 << 6) | c2
        guard v >= 0x800, let s = Unicode.Scalar(v) else { return bad }
        return (s, 3)
    }
    if c0 >= 0xF0 && c0 <= 0xF4 {
        guard let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) else { return bad }
        let v = (UInt32(c0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
        guard v >= 0x10000, v <= 0x10FFFF, let s = Unicode.Scalar(v) else { return bad }
        return (s, 4)
    }
    return bad
}

/// Go's `%#U`: `U+0041 'A'` (the quoted form only for printable runes).
func goRuneU(_ r: Unicode.Scalar) -> String {
    var hex = String(r.value, radix: 16, uppercase: true)
    while hex.count < 4 { hex = "0" + hex }
    if goIsPrint(r) { return "U+\(hex) '\(Character(r))'" }
    return "U+\(hex)"
}

/// Go `strconv.Atoi` for the strings the parser can produce (optional sign, ASCII digits).
func goAtoi(_ s: String) -> Int? {
    var u = Substring(s)
    var neg = false
    if let f = u.first, f == "+" || f == "-" {
        neg = f == "-"
        u = u.dropFirst()
    }
    if u.isEmpty { return nil }
    var v = 0
    for c in u.utf8 {
        guard c >= 0x30 && c <= 0x39 else { return nil }
        let (m, o1) = v.multipliedReportingOverflow(by: 10)
        let (a, o2) = neg ? m.subtractingReportingOverflow(Int(c - 0x30)) : m.addingReportingOverflow(Int(c - 0x30))
        if o1 || o2 { return nil }
        v = a
    }
    return v
}

/// Go `strconv.ParseFloat` for `[+-]?[0-9.]*` (what `parseNumber` scans).
func goParseFloatSimple(_ s: String) -> Double? {
    var body = Substring(s)
    if let f = body.first, f == "+" || f == "-" { body = body.dropFirst() }
    let dots = body.filter { $0 == "." }.count
    let digits = body.filter { $0 != "." }
    guard dots <= 1, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Double(s.hasPrefix("+") ? String(s.dropFirst()) : s)
}

private func trimSpaces(_ s: String) -> String {
    var u = Substring(s).unicodeScalars
    while u.first == " " { u = u.dropFirst() }
    while u.last == " " { u = u.dropLast() }
    return String(u)
}

/// `^(-?\d*)(:-?\d*)?(:-?\d*)?$` (ASCII digits); returns the three groups ("" when absent).
private func matchSlice(_ text: String) -> [String]? {
    let b = Array(text.utf8)
    var i = 0
    func group(colon: Bool) -> String? {
        let s = i
        if colon {
            guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
        }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        return String(decoding: b[s..<i], as: UTF8.self)
    }
    let g0 = group(colon: false)!
    let g1 = group(colon: true) ?? ""
    let g2 = group(colon: true) ?? ""
    return i == b.count ? [g0, g1, g2] : nil
}

/// `^([^!<>=]+)([!<>=]+)(.+?)$` with RE2 leftmost-first preferences.
private func splitFilter(_ text: String) -> (String, String, String)? {
    let u = Array(text.unicodeScalars)
    func isOp(_ c: Unicode.Scalar) -> Bool { c == "!" || c == "<" || c == ">" || c == "=" }
    var leftEnd = 0
    while leftEnd < u.count, !isOp(u[leftEnd]) { leftEnd += 1 }
    guard leftEnd > 0, leftEnd < u.count else { return nil }
    var opEnd = leftEnd
    while opEnd < u.count, isOp(u[opEnd]) { opEnd += 1 }
    // The right side needs at least one rune that is not a newline; give back operator runes if needed.
    while opEnd > leftEnd + 1, opEnd == u.count { opEnd -= 1 }
    guard opEnd < u.count, !u[opEnd...].contains("\n") else { return nil }
    func str(_ s: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(s)) }
    return (str(u[..<leftEnd]), str(u[leftEnd..<opEnd]), str(u[opEnd...]))
}

/// client-go's `UnquoteExtend`: Go `strconv.Unquote` that also accepts single-quoted strings of any length.
func unquoteExtend(_ s: String) throws -> String {
    let b = Array(s.utf8)
    let n = b.count
    struct Bad: Error {}
    guard n >= 2 else { throw Bad() }
    let q = b[0]
    guard q == b[n - 1], q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") else { throw Bad() }
    var body = Array(b[1..<(n - 1)])
    if !body.contains(UInt8(ascii: "\\")) && !body.contains(q) { return String(decoding: body, as: UTF8.self) }
    var out: [UInt8] = []
    while !body.isEmpty {
        let (bytes, rest) = try unquoteChar(body, quote: q)
        out += bytes
        body = rest
    }
    return String(decoding: out, as: UTF8.self)
}

/// Go `strconv.UnquoteChar`: one (possibly escaped) character, as UTF-8 bytes.
private func unquoteChar(_ s: [UInt8], quote: UInt8) throws -> ([UInt8], [UInt8]) {
    struct Bad: Error {}
    let c = s[0]
    if c == quote && (quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")) { throw Bad() }
    if c >= 0x80 {
        let (r, w) = decodeRune(s, 0)
        return (Array(String(Character(r)).utf8), Array(s[w...]))
    }
    if c != UInt8(ascii: "\\") { return ([c], Array(s[1...])) }
    guard s.count > 1 else { throw Bad() }
    let e = s[1]
    var rest = Array(s[2...])
    func utf8(_ v: UInt32) throws -> [UInt8] {
        guard let sc = Unicode.Scalar(v) else { throw Bad() }
        return Array(String(Character(sc)).utf8)
    }
    switch e {
    case UInt8(ascii: "a"): return ([7], rest)
    case UInt8(ascii: "b"): return ([8], rest)
    case UInt8(ascii: "f"): return ([12], rest)
    case UInt8(ascii: "n"): return ([10], rest)
    case UInt8(ascii: "r"): return ([13], rest)
    case UInt8(ascii: "t"): return ([9], rest)
    case UInt8(ascii: "v"): return ([11], rest)
    case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
        let n = e == UInt8(ascii: "x") ? 2 : (e == UInt8(ascii: "u") ? 4 : 8)
        guard rest.count >= n else { throw Bad() }
        var v: UInt32 = 0
        for k in 0..<n {
            guard let d = hexVal(rest[k]) else { throw Bad() }
            v = v << 4 | d
        }
        rest = Array(rest[n...])
        if e == UInt8(ascii: "x") { return ([UInt8(v)], rest) }
        guard v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v) else { throw Bad() }
        return (try utf8(v), rest)
    case UInt8(ascii: "0")...UInt8(ascii: "7"):
        guard rest.count >= 2 else { throw Bad() }
        var v = UInt32(e - 0x30)
        for k in 0..<2 {
            let d = rest[k]
            guard d >= 0x30, d <= 0x37 else { throw Bad() }
            v = v << 3 | UInt32(d - 0x30)
        }
        guard v <= 255 else { throw Bad() }
        return ([UInt8(v)], Array(rest[2...]))
    case UInt8(ascii: "\\"): return ([e], rest)
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
        guard e == quote else { throw Bad() }
        return ([e], rest)
    default: throw Bad()
    }
}

private func hexVal(_ c: UInt8) -> UInt32? {
    switch c {
    case 0x30...0x39: return UInt32(c - 0x30)
    case 0x41...0x46: return UInt32(c - 0x41 + 10)
    case 0x61...0x66: return UInt32(c - 0x61 + 10)
    default: return nil
    }
}


/// How `kubectl explain` reads `RESOURCE.field...`: client-go's jsonpath parse of `{.<text>}` (one
/// trailing dot dropped), the one action's nodes as field names, `nil` for any other node.
public enum JSONPathFieldNodes {
    public static func parse(_ text: String) throws -> [String?] {
        let trimmed = text.hasSuffix(".") ? String(text.dropLast()) : text
        let root = try JPParser.parse("{." + trimmed + "}")
        guard root.count == 1, case .list(let nodes) = root[0] else { throw JSONPathError("must pass in 1 jsonpath string") }
        return nodes.map { if case .field(let name) = $0 { return name } else { return nil } }
    }
}
