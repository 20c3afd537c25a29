/// Writes `JSONValue` the way Go's encoding/json does, so kubectl's bytes come out:
/// - `indent` 4 gives `json.MarshalIndent(v, "", "    ")` (kubectl's `-o json`), nil gives compact `json.Marshal`;
/// - `sortKeys` sorts object keys byte-wise like Go maps (objects read from the server); without it the
///   stored order is kept (objects kubectl builds from typed structs keep Go field order);
/// - HTML-sensitive characters are escaped (`<` becomes `\u003c`) unless `escapeHTML` is false.
public struct JSONWriteOptions: Sendable {
    public var indent: Int?
    public var sortKeys: Bool
    public var escapeHTML: Bool
    public init(indent: Int? = 4, sortKeys: Bool = true, escapeHTML: Bool = true) {
        self.indent = indent
        self.sortKeys = sortKeys
        self.escapeHTML = escapeHTML
    }
    public static let kubectl = JSONWriteOptions()
    public static let compact = JSONWriteOptions(indent: nil, sortKeys: true)
    public static let compactOrdered = JSONWriteOptions(indent: nil, sortKeys: false)
}

extension JSONValue {
    public func jsonString(_ options: JSONWriteOptions = .kubectl) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        writeJSON(into: &out, options: options, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Compact JSON with sorted keys, as Go's `json.Marshal` of an unstructured value.
    public var compactJSON: String { jsonString(.compact) }

    public func writeJSON(into out: inout [UInt8], options: JSONWriteOptions, level: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): appendDecimal(i, into: &out)
        case .double(let d): out.append(contentsOf: goFormatFloat(d).utf8)
        case .string(let s): writeJSONString(s, into: &out, escapeHTML: options.escapeHTML)
        case .array(let a):
            if a.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, options, level + 1)
                v.writeJSON(into: &out, options: options, level: level + 1)
            }
            newline(&out, options, level)
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            if o.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            // Members by position (in Go's key order when sorting), not looked up by key.
            func member(_ m: Int, first: Bool) {
                if !first { out.append(UInt8(ascii: ",")) }
                newline(&out, options, level + 1)
                writeJSONString(o.keys[m], into: &out, escapeHTML: options.escapeHTML)
                out.append(UInt8(ascii: ":"))
                if options.indent != nil { out.append(UInt8(ascii: " ")) }
                o.values[m].writeJSON(into: &out, options: options, level: level + 1)
            }
            if options.sortKeys {
                for (i, m) in o.keys.indices.sorted(by: { goStringLess(o.keys[$0], o.keys[$1]) }).enumerated() { member(m, first: i == 0) }
            } else {
                for m in o.keys.indices { member(m, first: m == 0) }
            }
            newline(&out, options, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ options: JSONWriteOptions, _ level: Int) {
        guard let indent = options.indent else { return }
        out.append(0x0A)
        for _ in 0..<(indent * level) { out.append(0x20) }
    }
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// The decimal digits of `i` (as `String(i)`), appended without an intermediate string.
func appendDecimal(_ i: Int64, into out: inout [UInt8]) {
    if i < 0 { out.append(UInt8(ascii: "-")) }
    var v = i.magnitude
    var digits = 0
    var n = v
    repeat { digits += 1; n /= 10 } while n > 0
    let start = out.count
    out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    var p = start + digits - 1
    repeat {
        out[p] = UInt8(ascii: "0") + UInt8(v % 10)
        v /= 10
        p -= 1
    } while v > 0
}

/// Go encoding/json string escaping, over the UTF-8 bytes: runs that need no escape are copied at once.
public func writeJSONString(_ s: String, into out: inout [UInt8], escapeHTML: Bool = true) {
    out.append(0x22)
    var copy = s
    copy.withUTF8 { bytes in
        guard let p = bytes.baseAddress else { return }
        let n = bytes.count
        // Which ASCII bytes are escaped, one bit each: control characters, `"` and `\`, and with
        // `escapeHTML` `<`, `>` and `&`. Bytes from 0x80 on are copied, but for U+2028 and U+2029.
        let low: UInt64 = 0x0000_0004_FFFF_FFFF | (escapeHTML ? 1 << 0x26 | 1 << 0x3C | 1 << 0x3E : 0)
        let high: UInt64 = 1 << (0x5C - 64)
        var i = 0
        var run = 0
        while i < n {
            let b = p[i]
            if b < 0x40 {
                if low & (1 << UInt64(b)) == 0 { i += 1; continue }
            } else if b < 0x80 {
                if high & (1 << UInt64(b &- 0x40)) == 0 { i += 1; continue }
            } else {
                // U+2028 and U+2029 (E2 80 A8/A9) are escaped; every other scalar is copied as it is.
                guard b == 0xE2, i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0xA8 || p[i + 2] == 0xA9 else { i += 1; continue }
                if i > run { out.append(contentsOf: UnsafeBufferPointer(start: p + run, count: i - run)) }
                out.append(contentsOf: "\\u202".utf8)
                out.append(p[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                i += 3
                run = i
                continue
            }
            if i > run { out.append(contentsOf: UnsafeBufferPointer(start: p + run, count: i - run)) }
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
            default:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]])
            }
            i += 1
            run = i
        }
        if n > run { out.append(contentsOf: UnsafeBufferPointer(start: p + run, count: n - run)) }
    }
    out.append(0x22)
}

/// Go's `strconv.FormatFloat(f, 'f' or 'e', -1, 64)` as encoding/json chooses it: plain decimal for
/// 1e-6 <= |f| < 1e21, exponent form otherwise (`1e+21`, `1e-7`).
public func goFormatFloat(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
    if d == 0 { return d.sign == .minus ? "-0" : "0" }
    let (neg, digits, exp10) = shortestDigits(d)
    // value = 0.d1d2d3... * 10^exp10
    let a = abs(d)
    var s = neg ? "-" : ""
    if a < 1e-6 || a >= 1e21 {
        // d.ddde±XX
        s += String(digits.first!)
        if digits.count > 1 { s += "." + String(digits.dropFirst()) }
        let e = exp10 - 1
        // encoding/json trims "e-07" to "e-7"; positive exponents here are always >= 21.
        s += e < 0 ? "e-\(-e)" : "e+\(e)"
        return s
    }
    return s + placingDecimalPoint(digits, at: exp10)
}

/// Plain decimal notation of 0.DIGITS x 10^point: `0.00DIGITS`, `DIGITS000` or `DIG.ITS`.
public func placingDecimalPoint(_ digits: String, at point: Int) -> String {
    if point <= 0 { return "0." + String(repeating: "0", count: -point) + digits }
    if point >= digits.count { return digits + String(repeating: "0", count: point - digits.count) }
    let idx = digits.index(digits.startIndex, offsetBy: point)
    return String(digits[..<idx]) + "." + String(digits[idx...])
}

/// Shortest round-trip decimal digits of a finite `d` (via Swift's shortest representation), without
/// leading or trailing zeros, and the decimal exponent such that |value| = 0.DIGITS x 10^exp; the
/// first element says whether `d` is negative. Zero gives `(false, "0", 0)`. Shared by every Go float
/// formatting (`strconv.FormatFloat` with precision -1) in the package.
public func shortestDigits(_ d: Double) -> (Bool, String, Int) {
    let neg = d < 0
    var desc = abs(d).description  // e.g. "1.5", "100.0", "1e-07", "1.2345e+20"
    var exp = 0
    if let eIdx = desc.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exp = Int(desc[desc.index(after: eIdx)...]) ?? 0
        desc = String(desc[..<eIdx])
    }
    var intPart = desc
    var frac = ""
    if let dot = desc.firstIndex(of: ".") {
        intPart = String(desc[..<dot])
        frac = String(desc[desc.index(after: dot)...])
    }
    var digits = intPart + frac
    var pointPos = intPart.count + exp
    // strip leading zeros
    while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); pointPos -= 1 }
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    return (neg, digits, pointPos)
}
