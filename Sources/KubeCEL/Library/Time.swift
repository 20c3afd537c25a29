// Durations and timestamps: parsing (Go durations, RFC 3339), printing, arithmetic with CEL's range
// checks, and the accessor functions (with a time zone argument for timestamps).

import KubeModel

enum TimeValues {
    /// Durations hold int64 nanoseconds (about ±292 years), as cel-go's do.
    static let maxDurationNanos = Int128(Int64.max)
    static let minTimestamp: Int64 = -62_135_596_800  // 0001-01-01T00:00:00Z
    static let maxTimestamp: Int64 = 253_402_300_799  // 9999-12-31T23:59:59Z
    static let billion: Int128 = 1_000_000_000

    static func nanos(_ v: Value) -> Int128 {
        switch v {
        case .duration(let s, let n), .timestamp(let s, let n): return Int128(s) * billion + Int128(n)
        default: return 0
        }
    }

    static func duration(_ total: Int128) -> Value {
        let s = total / billion
        guard total <= maxDurationNanos, total >= -maxDurationNanos else { return .err("duration out of range") }
        return .duration(seconds: Int64(s), nanos: Int32(total % billion))
    }

    static func timestamp(_ total: Int128) -> Value {
        var s = total / billion
        var n = total % billion
        if n < 0 { n += billion; s -= 1 }
        guard s >= Int128(minTimestamp), s <= Int128(maxTimestamp) else { return .err("timestamp out of range") }
        return .timestamp(seconds: Int64(s), nanos: Int32(n))
    }

    static func add(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.duration, .duration): return duration(nanos(a) + nanos(b))
        case (.timestamp, .duration), (.duration, .timestamp): return timestamp(nanos(a) + nanos(b))
        default: return .error(.noOverload("_+_", [a, b]))
        }
    }

    static func subtract(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.duration, .duration): return duration(nanos(a) - nanos(b))
        case (.timestamp, .duration): return timestamp(nanos(a) - nanos(b))
        case (.timestamp, .timestamp): return duration(nanos(a) - nanos(b))
        default: return .error(.noOverload("_-_", [a, b]))
        }
    }

    // MARK: civil time

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(days z0: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    static func format(seconds: Int64, nanos: Int32, offset: Int64) -> String {
        let local = seconds + offset
        let day = floorDiv(local, 86400)
        let sod = local - day * 86400
        let (y, m, d) = civil(days: day)
        func pad(_ v: Int64, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        var out = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(sod / 3600, 2)):\(pad(sod % 3600 / 60, 2)):\(pad(sod % 60, 2))"
        if nanos != 0 {
            var frac = pad(Int64(nanos), 9)
            while frac.hasSuffix("0") { frac.removeLast() }
            out += "." + frac
        }
        return out + "Z"
    }

    /// RFC 3339 (`2009-02-13T23:31:30.5+01:00`).
    static func parseTimestamp(_ s: String) -> Value {
        let u = Array(s.utf8)
        func num(_ from: Int, _ len: Int) -> Int64? {
            guard from + len <= u.count else { return nil }
            var v: Int64 = 0
            for c in u[from..<from + len] { guard c >= 48, c <= 57 else { return nil }; v = v * 10 + Int64(c - 48) }
            return v
        }
        guard u.count >= 20, let y = num(0, 4), u[4] == 45, let mo = num(5, 2), u[7] == 45, let d = num(8, 2),
              u[10] == 84 || u[10] == 116, let h = num(11, 2), u[13] == 58, let mi = num(14, 2), u[16] == 58,
              let sec = num(17, 2), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, sec < 60
        else { return .err("invalid timestamp \"\(s)\"") }
        var i = 19
        var nanos: Int64 = 0
        if i < u.count, u[i] == 46 {
            i += 1
            var digits = 0
            while i < u.count, u[i] >= 48, u[i] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int64(u[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return .err("invalid timestamp \"\(s)\"") }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        var offset: Int64 = 0
        guard i < u.count else { return .err("invalid timestamp \"\(s)\"") }
        if u[i] == 90 || u[i] == 122 {
            i += 1
        } else if u[i] == 43 || u[i] == 45, let oh = num(i + 1, 2), i + 3 < u.count, u[i + 3] == 58, let om = num(i + 4, 2) {
            offset = (oh * 3600 + om * 60) * (u[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return .err("invalid timestamp \"\(s)\"")
        }
        guard i == u.count else { return .err("invalid timestamp \"\(s)\"") }
        let secs = days(year: y, month: mo, day: d) * 86400 + h * 3600 + mi * 60 + sec - offset
        return timestamp(Int128(secs) * billion + Int128(nanos))
    }

    /// Go's duration syntax (`1h30m`, `-1.5s`, `300ms`), within CEL's range.
    static func parseDuration(_ s: String) -> Value {
        var u = Array(s.utf8)[...]
        var neg = false
        if let f = u.first, f == 43 || f == 45 { neg = f == 45; u = u.dropFirst() }
        if u.elementsEqual("0".utf8) { return .duration(seconds: 0, nanos: 0) }
        guard !u.isEmpty else { return .err("invalid duration \"\(s)\"") }
        let units: [(String, Int128)] = [("ns", 1), ("us", 1000), ("µs", 1000), ("μs", 1000), ("ms", 1_000_000),
                                         ("s", billion), ("m", 60 * billion), ("h", 3600 * billion)]
        var total: Int128 = 0
        while !u.isEmpty {
            var whole: Int128 = 0, frac: Int128 = 0, scale: Int128 = 1
            var sawDigit = false
            while let c = u.first, c >= 48, c <= 57 {
                whole = whole * 10 + Int128(c - 48); sawDigit = true; u = u.dropFirst()
                if whole > 1_000_000_000_000_000_000 { return .err("invalid duration \"\(s)\"") }
            }
            if u.first == 46 {
                u = u.dropFirst()
                while let c = u.first, c >= 48, c <= 57 {
                    if scale < 1_000_000_000_000_000 { frac = frac * 10 + Int128(c - 48); scale *= 10 }
                    sawDigit = true; u = u.dropFirst()
                }
            }
            guard sawDigit else { return .err("invalid duration \"\(s)\"") }
            guard let (name, mult) = units.first(where: { u.starts(with: $0.0.utf8) && !(($0.0 == "m") && u.starts(with: "ms".utf8)) })
            else { return .err("invalid duration \"\(s)\"") }
            u = u.dropFirst(name.utf8.count)
            total += whole * mult + frac * mult / scale
        }
        return duration(neg ? -total : total)
    }

    static func durationString(_ v: Value) -> String {
        let n = nanos(v)
        let secs = n / billion, frac = abs(n % billion)
        var s = (n < 0 && secs == 0 ? "-" : "") + String(secs)
        if frac != 0 {
            var f = String(frac)
            f = String(repeating: "0", count: 9 - f.count) + f
            while f.hasSuffix("0") { f.removeLast() }
            s += "." + f
        }
        return s + "s"
    }
}

/// Parsing of formatted strings into CEL values, for callers that convert JSON through a schema.
public enum CELTime {
    /// An RFC 3339 date-time (or a full-date) as a timestamp; nil when it is neither.
    public static func timestamp(_ s: String) -> Value? {
        if case .timestamp = TimeValues.parseTimestamp(s) { return TimeValues.parseTimestamp(s) }
        if case .timestamp = TimeValues.parseTimestamp(s + "T00:00:00Z") { return TimeValues.parseTimestamp(s + "T00:00:00Z") }
        return nil
    }

    public static func duration(_ s: String) -> Value? {
        if case .duration = TimeValues.parseDuration(s) { return TimeValues.parseDuration(s) }
        return nil
    }
}
