/// A strict JSON reader over UTF-8 bytes producing `JSONValue` with object key order preserved.
/// Duplicate keys keep the last value (as Go's decoder does) at the position of the first.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var description: String { message }
}

public enum JSON {
    public static func parse(_ text: String) throws -> JSONValue {
        var copy = text
        return try copy.withUTF8 { try parse(bytes: $0) }
    }

    public static func parse(bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var p = JSONByteParser(bytes: bytes)
        return try p.parseDocument()
    }

    /// `parse`, also noting where the members of the top object and those of its members' objects
    /// are in the text: a `JSONTextMemo` seeded with the text (`seed(_:text:layout:key:)`) need not
    /// scan it again. The layout is nil when the text has whitespace between its tokens, or a key
    /// given twice at those levels.
    public static func parseWithLayout(_ text: String) throws -> (value: JSONValue, layout: JSONTextLayout?) {
        var copy = text
        return try copy.withUTF8 { bytes in
            var p = JSONByteParser(bytes: bytes)
            p.marks = []
            let v = try p.parseDocument()
            guard p.spaces == 0, !p.marksBroken, let marks = p.marks else { return (v, nil) }
            return (v, JSONTextLayout(marks: marks, count: bytes.count))
        }
    }

    public static func parse(bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { try parse(bytes: $0) }
    }
}

struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    /// The members of the objects and arrays being read, innermost last: each is built once at its
    /// size when it ends, instead of growing one member at a time (most of a pod's reading was spent
    /// growing arrays).
    var pendingKeys: [String] = []
    var pendingValues: [JSONValue] = []
    /// The parts read before, taken again when the same bytes are at the same place (`JSONParseMemo`).
    var memo: JSONParseMemo?
    /// Whitespace bytes skipped between tokens (one more for each part the memo gave whose text has some).
    var spaces = 0
    /// When noting the layout (`JSON.parseWithLayout`): the members of the top object (level 1) and of
    /// its members' objects (level 2), each as its value ends.
    var marks: [JSONTextLayout.Mark]?
    /// A key given twice at those levels (the value keeps the first place): the marks do not fit it.
    var marksBroken = false

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var charDescription: String {
        pos < bytes.count ? String(decoding: [bytes[pos]], as: UTF8.self) : "EOF"
    }

    func error(_ m: String) -> JSONParseError { JSONParseError(message: m, offset: pos) }

    /// The one value of the whole text, between optional whitespace.
    mutating func parseDocument() throws -> JSONValue {
        // A document of a few members has few parts worth looking up (`JSONParseMemo`).
        if bytes.count >= 256 { memo = JSONParseMemo.take() }
        defer { if let memo { JSONParseMemo.putBack(memo) } }
        skipWhitespace()
        let v = try parseValue(depth: 0, path: JSONParseMemo.root)
        skipWhitespace()
        if pos < bytes.count { throw error("invalid character '\(charDescription)' after top-level value") }
        return v
    }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1; spaces += 1 } else { break }
        }
    }

    /// The object or array at `path` (its keys and indexes from the top, `JSONParseMemo.path`) that
    /// starts at `pos`: the memo's value when the bytes there are its text, else read, and kept when of
    /// a size worth keeping.
    mutating func parseContainer(depth: Int, path: UInt64) throws -> JSONValue {
        guard memo != nil, depth <= JSONParseMemo.maxDepth else { return try parseValue(depth: depth, path: path) }
        if let (value, length, spaced) = memo!.match(path, bytes, at: pos) {
            pos += length
            if spaced { spaces += 1 }
            return value
        }
        let start = pos, spacesBefore = spaces
        let value = try parseValue(depth: depth, path: path)
        let length = pos - start
        if length >= JSONParseMemo.minLength && length <= JSONParseMemo.maxLength {
            memo!.keep(path, UnsafeBufferPointer(rebasing: bytes[start..<pos]), value, spaced: spaces != spacesBefore)
        }
        return value
    }

    /// Whether the value at `pos` is an object or an array.
    func atContainer() -> Bool {
        pos < bytes.count && (bytes[pos] == UInt8(ascii: "{") || bytes[pos] == UInt8(ascii: "["))
    }

    /// `path`: where the value is in its document (`JSONParseMemo`), used only with a memo.
    mutating func parseValue(depth: Int, path: UInt64 = 0) throws -> JSONValue {
        guard pos < bytes.count else { throw error("unexpected end of JSON input") }
        // encoding/json refuses a 10,001st nested object or array.
        if depth >= 10_000, bytes[pos] == UInt8(ascii: "{") || bytes[pos] == UInt8(ascii: "[") {
            throw error("invalid character '\(charDescription)' exceeded max depth")
        }
        switch bytes[pos] {
        case UInt8(ascii: "{"):
            pos += 1
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(JSONObject()) }
            // An array's elements may be pending below: the values have a base of their own.
            let base = pendingKeys.count, valueBase = pendingValues.count
            defer {
                pendingKeys.removeSubrange(base...)
                pendingValues.removeSubrange(valueBase...)
            }
            while true {
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
                    throw error("invalid character '\(charDescription)' looking for beginning of object key string")
                }
                let keyStart = pos + 1
                let key = try parseString()
                let keyEnd = pos - 1
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                    throw error("invalid character '\(charDescription)' after object key")
                }
                pos += 1
                skipWhitespace()
                let v: JSONValue
                let valueStart = pos
                if memo != nil, atContainer() {
                    let at = JSONParseMemo.path(path, key: UnsafeBufferPointer(rebasing: bytes[keyStart..<keyEnd]))
                    v = try parseContainer(depth: depth + 1, path: at)
                } else {
                    v = try parseValue(depth: depth + 1)
                }
                if marks != nil, depth <= 1 {
                    marks!.append(JSONTextLayout.Mark(level: depth + 1, keyStart: keyStart, keyEnd: keyEnd, start: valueStart, end: pos))
                }
                // A key given again keeps its first place and takes the last value.
                if let i = pendingIndex(of: key, from: base) {
                    pendingValues[valueBase + i - base] = v
                    if depth <= 1 { marksBroken = true }
                } else {
                    pendingKeys.append(key)
                    pendingValues.append(v)
                }
                skipWhitespace()
                guard pos < bytes.count else { throw error("unexpected end of JSON input") }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if bytes[pos] == UInt8(ascii: "}") {
                    pos += 1
                    return .object(JSONObject(uniqueKeys: Array(pendingKeys[base...]), values: Array(pendingValues[valueBase...])))
                }
                throw error("invalid character '\(charDescription)' after object key:value pair")
            }
        case UInt8(ascii: "["):
            pos += 1
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array([]) }
            let base = pendingValues.count
            defer { pendingValues.removeSubrange(base...) }
            var index = 0
            while true {
                skipWhitespace()
                let v: JSONValue
                if memo != nil, atContainer() {
                    v = try parseContainer(depth: depth + 1, path: JSONParseMemo.path(path, index: index))
                } else {
                    v = try parseValue(depth: depth + 1)
                }
                index += 1
                pendingValues.append(v)
                skipWhitespace()
                guard pos < bytes.count else { throw error("unexpected end of JSON input") }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(Array(pendingValues[base...])) }
                throw error("invalid character '\(charDescription)' after array element")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw error("invalid character '\(charDescription)' looking for beginning of value")
        }
    }

    /// Where `key` is among the pending keys from `base` on (the object being read), or nil.
    func pendingIndex(of key: String, from base: Int) -> Int? {
        let n = key.utf8.count
        var i = base
        while i < pendingKeys.count {
            if pendingKeys[i].utf8.count == n && pendingKeys[i] == key { return i }
            i += 1
        }
        return nil
    }

    mutating func expectLiteral(_ lit: StaticString) throws {
        let n = lit.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw error("unexpected end of JSON input") }
        let p = lit.utf8Start
        for i in 0..<n where bytes[pos + i] != p[i] {
            pos += i
            throw error("invalid character '\(charDescription)' in literal")
        }
        pos += n
    }

    mutating func parseNumber() throws -> JSONValue {
        let start = pos
        var isFloat = false
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        while pos < bytes.count {
            let c = bytes[pos]
            if c >= 0x30 && c <= 0x39 { pos += 1; continue }
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "+")
                || (c == UInt8(ascii: "-") && pos > start)
            {
                isFloat = true; pos += 1; continue
            }
            break
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        if !isFloat, let i = Int64(text) { return .int(i) }
        guard let d = Double(text) else { throw error("invalid number \(text)") }
        return .double(d)
    }

    mutating func parseString() throws -> String {
        pos += 1  // opening quote
        let start = pos
        // Fast path: no escapes. Eight bytes at a time while none is a quote, a backslash or a
        // control character.
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while pos + 8 <= bytes.count {
            let w = base.loadUnaligned(fromByteOffset: pos, as: UInt64.self)
            let q = w ^ 0x2222_2222_2222_2222, b = w ^ 0x5C5C_5C5C_5C5C_5C5C
            let low: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
            if ((q &- low) & ~q | (b &- low) & ~b | (w &- 0x2020_2020_2020_2020) & ~w) & high != 0 { break }
            pos += 8
        }
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
                pos += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw error("invalid character in string literal") }
            pos += 1
        }
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") {
                pos += 1
                guard pos < bytes.count else { break }
                let e = bytes[pos]
                pos += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if scalar >= 0xD800 && scalar < 0xDC00, pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"),
                        bytes[pos + 1] == UInt8(ascii: "u")
                    {
                        let save = pos
                        pos += 2
                        let low = try parseHex4()
                        if low >= 0xDC00 && low < 0xE000 {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            pos = save
                        }
                    }
                    let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    throw error("invalid character '\(String(decoding: [e], as: UTF8.self))' in string escape code")
                }
                continue
            }
            if c < 0x20 { throw error("invalid character in string literal") }
            out.append(c)
            pos += 1
        }
        throw error("unexpected end of JSON input")
    }

    mutating func parseHex4() throws -> UInt32 {
        guard pos + 4 <= bytes.count else { throw error("unexpected end of JSON input") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            var d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("invalid character in \\u hexadecimal character escape")
            }
            v = v * 16 + d
            pos += 1
        }
        return v
    }
}
