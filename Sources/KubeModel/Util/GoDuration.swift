// Go `time.Duration`: `time.ParseDuration` and `Duration.String()` with Go's exact texts.

public struct GoDurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A Go duration: a signed count of nanoseconds.
public struct GoDuration: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }
    public init(seconds: Int64) { self.nanoseconds = seconds * 1_000_000_000 }

    public static let nanosecond: Int64 = 1
    public static let microsecond: Int64 = 1_000
    public static let millisecond: Int64 = 1_000_000
    public static let second: Int64 = 1_000_000_000
    public static let minute: Int64 = 60_000_000_000
    public static let hour: Int64 = 3_600_000_000_000

    public static func < (a: GoDuration, b: GoDuration) -> Bool { a.nanoseconds < b.nanoseconds }

    /// Whole seconds, truncated toward zero (Go `int64(d.Seconds())` for whole values, `d / time.Second`).
    public var wholeSeconds: Int64 { nanoseconds / GoDuration.second }

    static let units: [String: UInt64] = [
        "ns": 1, "us": 1_000, "\u{00B5}s": 1_000, "\u{03BC}s": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, e.g. `1h30m`, `300ms`, `-1.5s`, `0`.
    /// Errors: `time: invalid duration "abc"`, `time: missing unit in duration "5"`,
    /// `time: unknown unit "x" in duration "5x"`.
    public static func parse(_ text: String) throws -> GoDuration {
        let orig = text
        var s = ArraySlice(text.utf8)
        var d: UInt64 = 0
        var neg = false
        let invalid = GoDurationError(message: "time: invalid duration " + timeQuote(orig))
        if let c = s.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            neg = c == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        if s.elementsEqual("0".utf8) { return GoDuration(nanoseconds: 0) }
        if s.isEmpty { throw invalid }
        let limit: UInt64 = 1 << 63
        while let first = s.first {
            var v: UInt64 = 0
            var f: UInt64 = 0
            var scale: Double = 1
            guard first == UInt8(ascii: ".") || isDigit(first) else { throw invalid }
            // leading integer
            let pl = s.count
            while let c = s.first, isDigit(c) {
                if v > limit / 10 { throw invalid }
                v = v * 10 + UInt64(c - 0x30)
                if v > limit { throw invalid }
                s = s.dropFirst()
            }
            let pre = pl != s.count
            // fraction
            var post = false
            if s.first == UInt8(ascii: ".") {
                s = s.dropFirst()
                let pl2 = s.count
                var overflow = false
                while let c = s.first, isDigit(c) {
                    s = s.dropFirst()
                    if overflow { continue }
                    if f > (limit - 1) / 10 { overflow = true; continue }
                    let y = f * 10 + UInt64(c - 0x30)
                    if y > limit { overflow = true; continue }
                    f = y
                    scale *= 10
                }
                post = pl2 != s.count
            }
            if !pre && !post { throw invalid }
            // unit
            var unitBytes: [UInt8] = []
            while let c = s.first, c != UInt8(ascii: "."), !isDigit(c) {
                unitBytes.append(c)
                s = s.dropFirst()
            }
            if unitBytes.isEmpty {
                throw GoDurationError(message: "time: missing unit in duration " + timeQuote(orig))
            }
            let u = String(decoding: unitBytes, as: UTF8.self)
            guard let unit = units[u], String(decoding: unitBytes, as: UTF8.self).utf8.elementsEqual(unitBytes) else {
                throw GoDurationError(message: "time: unknown unit " + timeQuote(bytes: unitBytes)
                                      + " in duration " + timeQuote(orig))
            }
            if v > limit / unit { throw invalid }
            v *= unit
            if f > 0 {
                v += UInt64(Double(f) * (Double(unit) / scale))
                if v > limit { throw invalid }
            }
            d += v
            if d > limit { throw invalid }
        }
        if neg { return GoDuration(nanoseconds: d == limit ? Int64.min : -Int64(d)) }
        if d > limit - 1 { throw invalid }
        return GoDuration(nanoseconds: Int64(d))
    }

    /// `Duration.String()`: `1h0m0s`, `1m30s`, `5s`, `1.5s`, `300ms`, `1.2µs`, `0s`.
    public var description: String {
        var u = nanoseconds == Int64.min ? UInt64(1) << 63 : UInt64(abs(nanoseconds))
        let neg = nanoseconds < 0
        var out: [UInt8] = []  // built backwards
        func fmtFrac(_ v: inout UInt64, _ prec: Int) {
            var printing = false
            for _ in 0..<prec {
                let digit = v % 10
                printing = printing || digit != 0
                if printing { out.append(UInt8(digit) + 0x30) }
                v /= 10
            }
            if printing { out.append(UInt8(ascii: ".")) }
        }
        func fmtInt(_ v: UInt64) {
            if v == 0 { out.append(0x30); return }
            var v = v
            while v > 0 { out.append(UInt8(v % 10) + 0x30); v /= 10 }
        }
        if u < UInt64(GoDuration.second) {
            out.append(UInt8(ascii: "s"))
            var prec = 0
            if u == 0 {
                return "0s"
            } else if u < UInt64(GoDuration.microsecond) {
                out.append(UInt8(ascii: "n"))
            } else if u < UInt64(GoDuration.millisecond) {
                prec = 3
                out.append(contentsOf: [0xB5, 0xC2])  // "µ" reversed
            } else {
                prec = 6
                out.append(UInt8(ascii: "m"))
            }
            fmtFrac(&u, prec)
            fmtInt(u)
        } else {
            out.append(UInt8(ascii: "s"))
            fmtFrac(&u, 9)
            fmtInt(u % 60)
            u /= 60
            if u > 0 {
                out.append(UInt8(ascii: "m"))
                fmtInt(u % 60)
                u /= 60
                if u > 0 {
                    out.append(UInt8(ascii: "h"))
                    fmtInt(u)
                }
            }
        }
        if neg { out.append(UInt8(ascii: "-")) }
        return String(decoding: out.reversed(), as: UTF8.self)
    }
}

@inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

/// The `time` package's own quoting: ASCII kept (with `"` and `\` escaped), every byte of a
/// non-ASCII or control character written as `\xNN`.
func timeQuote(_ s: String) -> String { timeQuote(bytes: Array(s.utf8)) }

func timeQuote(bytes: [UInt8]) -> String {
    var out = "\""
    for b in bytes {
        if b >= 0x80 || b < 0x20 {
            out += "\\x" + goHexDigits(UInt32(b), width: 2)
        } else {
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { out += "\\" }
            out.unicodeScalars.append(Unicode.Scalar(b))
        }
    }
    return out + "\""
}
