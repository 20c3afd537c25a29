// CEL's lexical structure: identifiers, reserved words, int/uint/double literals (decimal and hex),
// string and bytes literals (quoted, triple-quoted, raw) with CEL's escapes, and punctuation.

public enum Token: Equatable, Sendable {
    case ident(String)
    case int(String)      // digits as written (sign handled by the parser)
    case uint(String)
    case double(String)
    case string(String)
    case bytes([UInt8])
    case punct(String)
    /// A backquoted field name (`` a.`b-c` ``).
    case quotedField(String)
    case eof
}

public struct LexedToken: Sendable {
    public var token: Token
    public var offset: Int  // in unicode scalars from the start of the expression
}

public struct CELSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var offset: Int
}

struct Lexer {
    let chars: [Unicode.Scalar]
    var i = 0

    init(_ text: String) { chars = Array(text.unicodeScalars) }

    static let puncts3 = ["..."]
    static let puncts2 = ["==", "!=", "<=", ">=", "&&", "||", ".?", "[?"]
    static let puncts1 = Set("+-*/%!<>?:.,()[]{}=".unicodeScalars)

    mutating func tokens() throws -> [LexedToken] {
        var out: [LexedToken] = []
        while true {
            skipSpace()
            let start = i
            guard i < chars.count else { out.append(LexedToken(token: .eof, offset: i)); return out }
            out.append(LexedToken(token: try next(), offset: start))
        }
    }

    mutating func skipSpace() {
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" { i += 1; continue }
            if c == "/", i + 1 < chars.count, chars[i + 1] == "/" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            return
        }
    }

    func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < chars.count ? chars[i + k] : nil }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool { guard let c else { return false }; return c >= "0" && c <= "9" }
    static func isIdentStart(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    mutating func next() throws -> Token {
        let c = chars[i]
        // String and bytes literals with their prefixes.
        if c == "\"" || c == "'" { return .string(try quoted(raw: false, bytes: false).0) }
        if (c == "r" || c == "R" || c == "b" || c == "B"), let n = peek(1) {
            let n2 = peek(2)
            let isRaw = c == "r" || c == "R", isBytes = c == "b" || c == "B"
            if n == "\"" || n == "'" {
                i += 1
                let (s, b) = try quoted(raw: isRaw, bytes: isBytes)
                return isBytes ? .bytes(b) : .string(s)
            }
            if (isBytes && (n == "r" || n == "R") || isRaw && (n == "b" || n == "B")), n2 == "\"" || n2 == "'" {
                i += 2
                return .bytes(try quoted(raw: true, bytes: true).1)
            }
        }
        if c == "`" {
            let s = i + 1
            i += 1
            while let d = peek(), d != "`", d != "\n" { i += 1 }
            guard peek() == "`", i > s else { throw CELSyntaxError(message: "token recognition error at: '`'", offset: s - 1) }
            i += 1
            return .quotedField(String(String.UnicodeScalarView(chars[s..<i - 1])))
        }
        if Self.isIdentStart(c) {
            let s = i
            while Self.isIdentStart(peek()) || Self.isDigit(peek()) { i += 1 }
            return .ident(String(String.UnicodeScalarView(chars[s..<i])))
        }
        if Self.isDigit(c) || (c == "." && Self.isDigit(peek(1))) { return try number() }
        for p in Self.puncts2 where i + 1 < chars.count && String(String.UnicodeScalarView(chars[i..<i + 2])) == p {
            i += 2
            return .punct(p)
        }
        if Self.puncts1.contains(c) { i += 1; return .punct(String(c)) }
        throw CELSyntaxError(message: "token recognition error at: '\(c)'", offset: i)
    }

    mutating func number() throws -> Token {
        let s = i
        if chars[i] == "0", peek(1) == "x" || peek(1) == "X" {
            i += 2
            while let c = peek(), c.properties.isASCIIHexDigit { i += 1 }
            let text = String(String.UnicodeScalarView(chars[s..<i]))
            if peek() == "u" || peek() == "U" { i += 1; return .uint(text) }
            return .int(text)
        }
        var isDouble = false
        while Self.isDigit(peek()) { i += 1 }
        if peek() == ".", Self.isDigit(peek(1)) {
            isDouble = true
            i += 1
            while Self.isDigit(peek()) { i += 1 }
        }
        if peek() == "e" || peek() == "E" {
            var k = 1
            if peek(1) == "+" || peek(1) == "-" { k = 2 }
            if Self.isDigit(peek(k)) {
                isDouble = true
                i += k
                while Self.isDigit(peek()) { i += 1 }
            }
        }
        let text = String(String.UnicodeScalarView(chars[s..<i]))
        if isDouble { return .double(text) }
        if peek() == "u" || peek() == "U" { i += 1; return .uint(text) }
        return .int(text)
    }

    /// A quoted literal at `i` (after any prefix). Returns the text and, for bytes, the raw bytes.
    mutating func quoted(raw: Bool, bytes: Bool) throws -> (String, [UInt8]) {
        let start = i
        let q = chars[i]
        let triple = peek(1) == q && peek(2) == q
        i += triple ? 3 : 1
        var out: [UInt8] = []
        func append(_ s: Unicode.Scalar) { out.append(contentsOf: Array(String(s).utf8)) }
        while true {
            guard let c = peek() else { throw CELSyntaxError(message: "token recognition error at: '\(String(String.UnicodeScalarView(chars[start...])))'", offset: start) }
            if c == q {
                if !triple { i += 1; break }
                if peek(1) == q && peek(2) == q { i += 3; break }
            }
            if !triple && (c == "\n" || c == "\r") {
                throw CELSyntaxError(message: "token recognition error at: '\(String(String.UnicodeScalarView(chars[start..<i])))'", offset: start)
            }
            if c == "\\" && !raw {
                try escape(into: &out, bytes: bytes)
                continue
            }
            if c == "\\" && raw, let n = peek(1), n == q || n == "\\" {
                // A raw string still cannot end at an escaped quote.
                append(c); append(n); i += 2; continue
            }
            append(c)
            i += 1
        }
        if !bytes, String(validating: out, as: UTF8.self) == nil {
            throw CELSyntaxError(message: "invalid UTF-8 in string literal", offset: start)
        }
        return (String(decoding: out, as: UTF8.self), out)
    }

    mutating func escape(into out: inout [UInt8], bytes: Bool) throws {
        let at = i
        i += 1
        guard let c = peek() else { throw CELSyntaxError(message: "invalid escape sequence", offset: at) }
        i += 1
        let simple: [Unicode.Scalar: UInt8] = ["a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11,
                                               "\\": 92, "'": 39, "\"": 34, "`": 96, "?": 63]
        if let b = simple[c] { out.append(b); return }
        func hex(_ n: Int) throws -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<n {
                guard let d = peek(), let x = UInt32(String(d), radix: 16) else {
                    throw CELSyntaxError(message: "invalid escape sequence", offset: at)
                }
                v = v * 16 + x
                i += 1
            }
            return v
        }
        switch c {
        case "x", "X":
            let v = try hex(2)
            if bytes { out.append(UInt8(v)) } else { out.append(contentsOf: Array(String(Unicode.Scalar(v)!).utf8)) }
        case "u", "U":
            if bytes { throw CELSyntaxError(message: "invalid escape sequence", offset: at) }
            let v = try hex(c == "u" ? 4 : 8)
            guard let s = Unicode.Scalar(v) else { throw CELSyntaxError(message: "invalid unicode code point", offset: at) }
            out.append(contentsOf: Array(String(s).utf8))
        case "0"..."3":
            var v = UInt32(c.value - 48)
            for _ in 0..<2 {
                guard let d = peek(), d >= "0" && d <= "7" else { throw CELSyntaxError(message: "invalid escape sequence", offset: at) }
                v = v * 8 + (d.value - 48)
                i += 1
            }
            if bytes { out.append(UInt8(v)) } else { out.append(contentsOf: Array(String(Unicode.Scalar(v)!).utf8)) }
        default:
            throw CELSyntaxError(message: "invalid escape sequence", offset: at)
        }
    }
}
