/// Go standard-library value parsing as pflag uses it (strconv.ParseBool, strconv.ParseInt with base 0,
/// time.ParseDuration / Duration.String, encoding/csv's first record, strconv.Quote), with Go's error texts.
public enum GoValue {
    // MARK: strconv.Quote / QuoteRune

    /// `strconv.Quote` (what `%q` prints for a string).
    public static func quote(_ s: String) -> String { strconvQuote(s) }

    /// `strconv.QuoteRune` (what `%q` prints for a byte or rune).
    public static func quoteRune(_ scalar: Unicode.Scalar) -> String { strconvQuoteRune(scalar) }

    // MARK: strconv.ParseBool

    public static func parseBool(_ s: String) -> Result<Bool, GoValueError> {
        switch s {
        case "1", "t", "T", "TRUE", "true", "True": return .success(true)
        case "0", "f", "F", "FALSE", "false", "False": return .success(false)
        default: return .failure(GoValueError("strconv.ParseBool: parsing \(quote(s)): invalid syntax"))
        }
    }

    // MARK: strconv.ParseInt(s, 0, bitSize)

    public static func parseInt(_ s0: String, bitSize: Int = 64) -> Result<Int64, GoValueError> {
        let syntax = GoValueError("strconv.ParseInt: parsing \(quote(s0)): invalid syntax")
        let range = GoValueError("strconv.ParseInt: parsing \(quote(s0)): value out of range")
        var bytes = Array(s0.utf8)[...]
        if bytes.isEmpty { return .failure(syntax) }
        var neg = false
        if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "-") { neg = true; bytes = bytes.dropFirst() }
        guard let un = parseUint(bytes, original: Array(s0.utf8), bitSize: bitSize) else { return .failure(syntax) }
        guard case .some(let u) = un else { return .failure(range) }
        let cutoff = UInt64(1) << UInt64(bitSize - 1)
        if !neg && u >= cutoff { return .failure(range) }
        if neg && u > cutoff { return .failure(range) }
        if neg { return .success(u == cutoff ? Int64(bitPattern: 0 &- u) : -Int64(u)) }
        return .success(Int64(u))
    }

    /// `strconv.ParseUint(s, 0, bitSize)`: nil for a syntax or range error.
    public static func parseUint(_ s: String, bitSize: Int = 64) -> UInt64? {
        let bytes = Array(s.utf8)
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { return nil }
        return parseUint(bytes[...], original: bytes, bitSize: bitSize) ?? nil
    }

    /// nil: syntax error; .some(nil): out of range; .some(.some(n)): the value.
    private static func parseUint(_ input: ArraySlice<UInt8>, original: [UInt8], bitSize: Int) -> UInt64?? {
        var s = input
        if s.isEmpty { return nil }
        var base: UInt64 = 10
        let lower = { (c: UInt8) -> UInt8 in c | 0x20 }
        if s.first == UInt8(ascii: "0") {
            let a = Array(s)
            if a.count >= 3 && lower(a[1]) == UInt8(ascii: "b") { base = 2; s = s.dropFirst(2) }
            else if a.count >= 3 && lower(a[1]) == UInt8(ascii: "o") { base = 8; s = s.dropFirst(2) }
            else if a.count >= 3 && lower(a[1]) == UInt8(ascii: "x") { base = 16; s = s.dropFirst(2) }
            else { base = 8; s = s.dropFirst(1) }
        }
        let maxVal: UInt64 = bitSize >= 64 ? UInt64.max : (UInt64(1) << UInt64(bitSize)) - 1
        let cutoff = UInt64.max / base + 1
        var n: UInt64 = 0
        var underscores = false
        for c in s {
            var d: UInt8
            if c == UInt8(ascii: "_") { underscores = true; continue }
            else if c >= 0x30 && c <= 0x39 { d = c - 0x30 }
            else if lower(c) >= UInt8(ascii: "a") && lower(c) <= UInt8(ascii: "z") { d = lower(c) - UInt8(ascii: "a") + 10 }
            else { return nil }
            if UInt64(d) >= base { return nil }
            if n >= cutoff { return .some(nil) }
            n &*= base
            let n1 = n &+ UInt64(d)
            if n1 < n || n1 > maxVal { return .some(nil) }
            n = n1
        }
        if underscores && !underscoreOK(original) { return nil }
        return .some(.some(n))
    }

    /// Go's underscoreOK: underscores only between digits (or after a base prefix).
    public static func underscoreOK(_ original: [UInt8]) -> Bool {
        var s = original[...]
        var saw: Character = "^"
        if let f = s.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { s = s.dropFirst() }
        let a = Array(s)
        var i = 0
        var hex = false
        if a.count >= 2 && a[0] == UInt8(ascii: "0") {
            let l = a[1] | 0x20
            if l == UInt8(ascii: "b") || l == UInt8(ascii: "o") || l == UInt8(ascii: "x") {
                i = 2; saw = "0"; hex = l == UInt8(ascii: "x")
            }
        }
        while i < a.count {
            let c = a[i]
            let l = c | 0x20
            if (c >= 0x30 && c <= 0x39) || (hex && l >= UInt8(ascii: "a") && l <= UInt8(ascii: "f")) {
                saw = "0"
            } else if c == UInt8(ascii: "_") {
                if saw != "0" { return false }
                saw = "_"
            } else {
                if saw == "_" { return false }
                saw = "!"
            }
            i += 1
        }
        return saw != "_"
    }

    // MARK: time.ParseDuration / Duration.String

    /// `time.ParseDuration`: nanoseconds.
    public static func parseDuration(_ text: String) -> Result<Int64, GoValueError> {
        do { return .success(try GoDuration.parse(text).nanoseconds) } catch let e as GoDurationError {
            return .failure(GoValueError(e.message))
        } catch {
            return .failure(GoValueError("\(error)"))
        }
    }

    /// `time.Duration.String()`: `1h2m3.5s`, `1.5ms`, `0s`.
    public static func formatDuration(_ d: Int64) -> String { GoDuration(nanoseconds: d).description }

    // MARK: encoding/csv, first record (pflag's readAsCSV)

    /// The first record of `s` read by Go's `csv.Reader` with default settings; `""` gives `[]`.
    public static func readCSVRecord(_ s: String) -> Result<[String], GoValueError> {
        if s.isEmpty { return .success([]) }
        var reader = CSVFirstRecord(s)
        do { return .success(try reader.read()) } catch let e as GoValueError { return .failure(e) } catch {
            return .failure(GoValueError("\(error)"))
        }
    }
}

/// Go's csv.Reader reading one record (pflag's readAsCSV): lines split as readLine splits them, empty
/// lines skipped, then fields quoted or not, with Go's error texts and positions.
struct CSVFirstRecord {
    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
    var lines: [[UInt8]] = []
    var lineIndex = 0
    var lineNumber = 0
    var recordLine = 0
    var fields: [String] = []
    var line: ArraySlice<UInt8> = []
    var posLine = 0
    var col = 1

    /// Splits into lines the way csv.Reader.readLine does (keeping the "\n", normalising "\r\n").
    init(_ s: String) {
        var cur: [UInt8] = []
        for b in s.utf8 {
            cur.append(b)
            if b == UInt8(ascii: "\n") {
                if cur.count >= 2 && cur[cur.count - 2] == UInt8(ascii: "\r") {
                    cur.removeLast(2); cur.append(UInt8(ascii: "\n"))
                }
                lines.append(cur); cur = []
            }
        }
        if !cur.isEmpty {
            if cur.last == UInt8(ascii: "\r") { cur.removeLast() }
            lines.append(cur)
        }
    }

    mutating func readLine() -> [UInt8]? {
        guard lineIndex < lines.count else { return nil }
        defer { lineIndex += 1 }
        lineNumber += 1
        return lines[lineIndex]
    }

    static func lengthNL(_ b: ArraySlice<UInt8>) -> Int { b.last == UInt8(ascii: "\n") ? 1 : 0 }

    func parseError(_ line: Int, _ column: Int, _ text: String) -> GoValueError {
        if recordLine != line {
            return GoValueError("record on line \(recordLine); parse error on line \(line), column \(column): \(text)")
        }
        return GoValueError("parse error on line \(line), column \(column): \(text)")
    }

    mutating func read() throws -> [String] {
        var first: [UInt8]? = nil
        while let l = readLine() {  // empty lines are skipped
            if l.count == Self.lengthNL(l[...]) { continue }
            first = l; break
        }
        guard let first else { throw GoValueError("EOF") }
        recordLine = lineNumber
        posLine = lineNumber
        line = first[...]
        while try line.first == Self.quote ? quotedField() : unquotedField() {}
        return fields
    }

    /// Reads a field up to the next comma; returns whether another field follows.
    mutating func unquotedField() throws -> Bool {
        let i = line.firstIndex(of: Self.comma).map { $0 - line.startIndex } ?? -1
        let field = i >= 0 ? line.prefix(i) : line.dropLast(Self.lengthNL(line))
        if let j = field.firstIndex(of: Self.quote) {
            throw parseError(posLine, col + (j - field.startIndex), "bare \" in non-quoted-field")
        }
        fields.append(String(decoding: Array(field), as: UTF8.self))
        guard i >= 0 else { return false }
        line = line.dropFirst(i + 1)
        col += i + 1
        return true
    }

    /// Reads a quoted field (`""` is a quote; it may span lines); returns whether another field follows.
    mutating func quotedField() throws -> Bool {
        var buffer: [UInt8] = []
        line = line.dropFirst()
        col += 1
        while true {
            if let qi = line.firstIndex(of: Self.quote) {
                let i = qi - line.startIndex
                buffer += line.prefix(i)
                line = line.dropFirst(i + 1)
                col += i + 1
                let rn = line.first
                if rn == Self.quote {
                    buffer.append(Self.quote); line = line.dropFirst(); col += 1
                } else if rn == Self.comma {
                    line = line.dropFirst(); col += 1
                    fields.append(String(decoding: buffer, as: UTF8.self))
                    return true
                } else if Self.lengthNL(line) == line.count {
                    fields.append(String(decoding: buffer, as: UTF8.self))
                    return false
                } else {
                    throw parseError(posLine, col - 1, "extraneous or missing \" in quoted-field")
                }
            } else if !line.isEmpty {
                buffer += line
                col += line.count
                if let next = readLine() {
                    line = next[...]
                    posLine += 1
                    col = 1
                } else {
                    line = []
                }
            } else {
                throw parseError(posLine, col, "extraneous or missing \" in quoted-field")
            }
        }
    }
}

public struct GoValueError: Error, Equatable, Sendable, CustomStringConvertible {
    public var text: String
    public init(_ text: String) { self.text = text }
    public var description: String { text }
}
