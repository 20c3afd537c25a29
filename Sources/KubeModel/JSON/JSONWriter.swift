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
        var sink = JSONByteSink(capacity: 1024)
        defer { sink.free() }
        writeJSON(into: &sink, options: options, level: 0)
        return sink.string
    }

    /// Compact JSON with sorted keys, as Go's `json.Marshal` of an unstructured value.
    public var compactJSON: String { jsonString(.compact) }

    public func writeJSON(into out: inout [UInt8], options: JSONWriteOptions, level: Int) {
        var sink = JSONByteSink(capacity: 1024)
        defer { sink.free() }
        writeJSON(into: &sink, options: options, level: level)
        sink.appendBytes(to: &out)
    }

    func writeJSON(into out: inout JSONByteSink, options: JSONWriteOptions, level: Int) {
        switch self {
        case .null: out.append(ascii: "null")
        case .bool(let b): out.append(ascii: b ? "true" : "false")
        case .int(let i): out.appendDecimal(i)
        case .double(let d): out.append(ascii: goFormatFloat(d))
        case .string(let s): out.appendJSONString(s, escapeHTML: options.escapeHTML)
        case .array(let a):
            if a.isEmpty { out.append(0x5B); out.append(0x5D); return }
            out.append(0x5B)
            var first = true
            for v in a {
                if !first { out.append(0x2C) }
                first = false
                newline(&out, options, level + 1)
                v.writeJSON(into: &out, options: options, level: level + 1)
            }
            newline(&out, options, level)
            out.append(0x5D)
        case .object(let o):
            if o.isEmpty { out.append(0x7B); out.append(0x7D); return }
            out.append(0x7B)
            // Members by position (in Go's key order when sorting), not looked up by key.
            func member(_ m: Int, first: Bool) {
                if !first { out.append(0x2C) }
                newline(&out, options, level + 1)
                out.appendJSONString(o.keys[m], escapeHTML: options.escapeHTML)
                out.append(0x3A)
                if options.indent != nil { out.append(0x20) }
                o.values[m].writeJSON(into: &out, options: options, level: level + 1)
            }
            if options.sortKeys, !o.keysAreSorted {
                for (i, m) in o.keys.indices.sorted(by: { goStringLess(o.keys[$0], o.keys[$1]) }).enumerated() { member(m, first: i == 0) }
            } else {
                for m in o.keys.indices { member(m, first: m == 0) }
            }
            newline(&out, options, level)
            out.append(0x7D)
        }
    }

    private func newline(_ out: inout JSONByteSink, _ options: JSONWriteOptions, _ level: Int) {
        guard let indent = options.indent else { return }
        out.append(0x0A)
        out.append(repeating: 0x20, count: indent * level)
    }
}

extension JSONObject {
    /// Whether the keys are already in Go's order (byte-wise), so a sorted writer can skip sorting.
    var keysAreSorted: Bool {
        var i = 1
        while i < keys.count {
            if !goStringLess(keys[i - 1], keys[i]) { return false }
            i += 1
        }
        return true
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
    var sink = JSONByteSink(capacity: s.utf8.count + 16)
    defer { sink.free() }
    sink.appendJSONString(s, escapeHTML: escapeHTML)
    sink.appendBytes(to: &out)
}

/// What a byte needs in a JSON string as Go writes it: 0 nothing, 1 an escape, 2 an escape when HTML
/// characters are escaped (`<`, `>`, `&`), 3 a look at the bytes after it (0xE2 may start U+2028/U+2029).
private let jsonByteClass: [UInt8] = (0..<256).map { b -> UInt8 in
    if b < 0x20 || b == 0x22 || b == 0x5C { return 1 }
    if b == 0x3C || b == 0x3E || b == 0x26 { return 2 }
    if b == 0xE2 { return 3 }
    return 0
}

/// A growing byte buffer for the JSON writer: appends are stores and `memcpy`s, without the checks and
/// calls an `[UInt8]` append makes. Its owner calls `free()` once done with it.
struct JSONByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    func appendBytes(to out: inout [UInt8]) { out.append(contentsOf: UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always) private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.update(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
    }

    @inline(__always) mutating func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        guard n > 0 else { return }
        reserve(n)
        (base + count).update(from: p, count: n)
        count += n
    }

    mutating func append(repeating b: UInt8, count n: Int) {
        guard n > 0 else { return }
        reserve(n)
        (base + count).update(repeating: b, count: n)
        count += n
    }

    mutating func append(ascii s: String) {
        var s = s
        s.withUTF8 { append($0.baseAddress!, $0.count) }
    }

    mutating func appendDecimal(_ i: Int64) {
        reserve(20)
        if i < 0 { base[count] = UInt8(ascii: "-"); count += 1 }
        var v = i.magnitude
        var digits = 0
        var n = v
        repeat { digits += 1; n /= 10 } while n > 0
        var p = count + digits - 1
        repeat {
            base[p] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            p -= 1
        } while v > 0
        count += digits
    }

    /// Whether none of the `n` bytes at `p` is one the escaping looks at: a control byte, `"`, `\`,
    /// a byte above 0x7F (0xE2 may start U+2028/U+2029; the others are copied, but the slow way), and
    /// with `escapeHTML` `<`, `>`, `&`. Eight bytes at a time, then one by one: with no top bit set, a
    /// word has a byte below 0x20 when `x - 0x20*0x01..` borrows into a byte's top bit, and a byte `c`
    /// when `x ^ c*0x01..` has a zero byte.
    @inline(__always)
    static func needsNoLook(_ p: UnsafePointer<UInt8>, _ n: Int, escapeHTML: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if x & highs != 0 || (x &- 0x20 &* ones) & ~x & highs != 0 || zeroByte(x ^ (0x22 &* ones)) || zeroByte(x ^ (0x5C &* ones)) {
                return false
            }
            if escapeHTML && (zeroByte(x ^ (0x3C &* ones)) || zeroByte(x ^ (0x3E &* ones)) || zeroByte(x ^ (0x26 &* ones))) {
                return false
            }
            i += 8
        }
        while i < n {
            let b = p[i]
            if b < 0x20 || b >= 0x80 || b == 0x22 || b == 0x5C || (escapeHTML && (b == 0x3C || b == 0x3E || b == 0x26)) { return false }
            i += 1
        }
        return true
    }

    /// Go encoding/json string escaping, over the UTF-8 bytes: runs that need no escape are copied at once.
    mutating func appendJSONString(_ s: String, escapeHTML: Bool) {
        var copy = s
        copy.withUTF8 { bytes in
            let n = bytes.count
            // Quotes and the text in the common case (nothing to escape): one reservation.
            reserve(n + 2)
            base[count] = 0x22
            count += 1
            guard n > 0, let src = bytes.baseAddress else {
                base[count] = 0x22
                count += 1
                return
            }
            // Most strings need no escape: those are copied at once.
            if Self.needsNoLook(src, n, escapeHTML: escapeHTML) {
                (base + count).update(from: src, count: n)
                count += n
                base[count] = 0x22
                count += 1
                return
            }
            jsonByteClass.withUnsafeBufferPointer { classes in
                var i = 0, run = 0
                while i < n {
                    let c = classes[Int(src[i])]
                    if c == 0 || (c == 2 && !escapeHTML) { i += 1; continue }
                    if c == 3 {
                        // U+2028 and U+2029 (E2 80 A8/A9) are escaped; every other scalar is copied as it is.
                        if i + 2 < n, src[i + 1] == 0x80, src[i + 2] == 0xA8 || src[i + 2] == 0xA9 {
                            append(src + run, i - run)
                            append(ascii: "\\u202")
                            append(src[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                            i += 3
                            run = i
                            continue
                        }
                        i += 1
                        continue
                    }
                    append(src + run, i - run)
                    let b = src[i]
                    switch b {
                    case 0x22: append(0x5C); append(0x22)
                    case 0x5C: append(0x5C); append(0x5C)
                    case 0x0A: append(0x5C); append(UInt8(ascii: "n"))
                    case 0x0D: append(0x5C); append(UInt8(ascii: "r"))
                    case 0x09: append(0x5C); append(UInt8(ascii: "t"))
                    case 0x08: append(0x5C); append(UInt8(ascii: "b"))
                    case 0x0C: append(0x5C); append(UInt8(ascii: "f"))
                    default:
                        append(0x5C); append(UInt8(ascii: "u")); append(0x30); append(0x30)
                        append(hexDigits[Int(b >> 4)]); append(hexDigits[Int(b & 0xF)])
                    }
                    i += 1
                    run = i
                }
                append(src + run, n - run)
            }
            append(0x22)
        }
    }
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
