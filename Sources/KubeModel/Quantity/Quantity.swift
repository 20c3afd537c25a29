// apimachinery `resource.Quantity` (v1.32): parsing, the canonical string the API server stores,
// comparison, arithmetic and the integer accessors describe uses.
//
// The value is kept exactly as `mantissa * 10^exponent` with a 128-bit mantissa (38 significant
// digits), which covers every quantity apimachinery can hold after its rounding to nano units
// except absurdly long digit strings (those are rejected with the numeric-part error).

public struct QuantityError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public static let formatWrong = QuantityError(
        message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
    public static let numeric = QuantityError(message: "unable to parse numeric part of quantity")
    public static let suffix = QuantityError(message: "unable to parse quantity's suffix")
}

public struct Quantity: Sendable, CustomStringConvertible, Comparable, Hashable {
    public enum Format: String, Sendable {
        case decimalExponent = "DecimalExponent"  // 12e6
        case binarySI = "BinarySI"                // 12Mi
        case decimalSI = "DecimalSI"              // 12M
    }

    /// value = mantissa × 10^exponent; kept normalised (no trailing zero digits in the mantissa).
    var mantissa: Int128
    var exponent: Int32
    public var format: Format
    /// The parsed string when apimachinery keeps it as the serialised form (already canonical input).
    var cached: String?

    init(mantissa: Int128, exponent: Int32, format: Format, cached: String? = nil) {
        var m = mantissa
        var e = exponent
        if m == 0 { e = 0 }
        while m != 0 && m % 10 == 0 { m /= 10; e += 1 }
        self.mantissa = m
        self.exponent = e
        self.format = format
        self.cached = cached
    }

    public static let zero = Quantity(mantissa: 0, exponent: 0, format: .decimalSI)

    /// `resource.NewQuantity`.
    public init(_ value: Int64, format: Format = .decimalSI) {
        self.init(mantissa: Int128(value), exponent: 0, format: format)
    }
    /// `resource.NewMilliQuantity`.
    public init(milli value: Int64, format: Format = .decimalSI) {
        self.init(mantissa: Int128(value), exponent: -3, format: format)
    }
    /// `resource.NewScaledQuantity`: value × 10^scale, DecimalSI.
    public init(_ value: Int64, scale: Int32) {
        self.init(mantissa: Int128(value), exponent: scale, format: .decimalSI)
    }

    // MARK: parsing

    /// `resource.ParseQuantity`.
    public static func parse(_ str: String) throws -> Quantity {
        if str.isEmpty { throw QuantityError.formatWrong }
        if str == "0" { return Quantity(mantissa: 0, exponent: 0, format: .decimalSI, cached: "0") }
        let bytes = Array(str.utf8)
        let parts = try scan(bytes)
        guard let (base, exp, format0) = interpretSuffix(parts.suffix) else { throw QuantityError.suffix }
        var format = format0
        let num = parts.num, denom = parts.denom

        // apimachinery's int64 fast path; only its decision to keep the input string matters here,
        // the value is the same either way.
        var precision: Int = 0
        var scale: Int = 0
        var mult: Int64 = 1
        switch format {
        case .decimalExponent, .decimalSI:
            scale = Int(exp)
            precision = 18 - (num.count + denom.count)
        case .binarySI:
            if exp >= 0 && denom.isEmpty {
                mult = Int64(1) << Int64(exp)
                precision = 15 - num.count - Int(Float(exp) * 3 / 10) - 1
            } else {
                precision = -1
            }
        }
        if precision >= 0 {
            scale -= denom.count
            if scale >= -9 {
                let shifted = num + denom
                guard let value = goParseInt64(String(decoding: shifted, as: UTF8.self)) else {
                    throw QuantityError.numeric
                }
                let (r, overflow) = value.multipliedReportingOverflow(by: mult)
                if !overflow {
                    let result = parts.positive ? r : -r
                    var keep = false
                    switch format {
                    case .binarySI:
                        keep = exp % 10 == 0 && (value & 0x07) != 0
                    default:
                        keep = scale % 3 == 0 && !shifted.reversed().starts(with: [0x30, 0x30, 0x30])
                            && shifted.first != 0x30
                    }
                    return Quantity(mantissa: Int128(result), exponent: Int32(scale), format: format,
                                    cached: keep ? str : nil)
                }
            }
        }

        // inf.Dec path.
        guard var (m, e) = decimal(parts.value) else { throw QuantityError.numeric }
        if base == 10 {
            e += exp
        } else {
            let factor = Int128(1) << Int128(exp)
            let (p, o) = m.multipliedReportingOverflow(by: factor)
            if o {
                // Only BinarySI gets here and it is capped below anyway.
                m = m < 0 ? -Int128(Int64.max) : Int128(Int64.max)
                e = 0
            } else {
                m = p
            }
        }
        let negative = m < 0
        var mag = negative ? -m : m
        // Round non-zero values up to the nano unit.
        if mag != 0 && e < -9 {
            let shift = -9 - e
            if shift >= 38 {
                mag = 1
            } else {
                let div = pow10(Int(shift))
                let (q, r) = mag.quotientAndRemainder(dividingBy: div)
                mag = r != 0 ? q + 1 : q
            }
            e = -9
        }
        var amount = Quantity(mantissa: mag, exponent: e, format: format)
        if format == .binarySI && amount.compare(Quantity(Int64.max)) > 0 {
            amount = Quantity(Int64.max)
        }
        if format == .binarySI && amount.compare(Quantity(1)) < 0 && amount.mantissa > 0 {
            format = .decimalSI
        }
        return Quantity(mantissa: negative ? -amount.mantissa : amount.mantissa, exponent: amount.exponent,
                        format: format)
    }

    /// A quantity from a JSON value (strings, or numbers as Go's decoder hands them over).
    public static func parse(json: JSONValue) throws -> Quantity {
        switch json {
        case .string(let s): return try parse(s.trimmingASCIIWhitespace())
        case .int(let i): return try parse(String(i))
        case .double(let d): return try parse(goFormatFloat(d))
        default: throw QuantityError.formatWrong
        }
    }

    struct Parts {
        var positive = true
        var value: [UInt8] = []
        var num: [UInt8] = []
        var denom: [UInt8] = []
        var suffix: [UInt8] = []
    }

    /// `parseQuantityString`.
    static func scan(_ str: [UInt8]) throws -> Parts {
        var p = Parts()
        var pos = 0
        let end = str.count
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        if pos < end {
            if str[0] == UInt8(ascii: "-") { p.positive = false; pos += 1 } else if str[0] == UInt8(ascii: "+") { pos += 1 }
        }
        // leading zeros
        while true {
            if pos >= end { p.num = [0x30]; p.value = p.num; return p }
            if str[pos] == 0x30 { pos += 1 } else { break }
        }
        // numerator
        var i = pos
        while i < end && isDigit(str[i]) { i += 1 }
        if i >= end {
            p.num = Array(str[pos..<end])
            p.value = str
            return p
        }
        p.num = Array(str[pos..<i])
        pos = i
        if p.num.isEmpty { p.num = [0x30] }
        // denominator
        if pos < end && str[pos] == UInt8(ascii: ".") {
            pos += 1
            var j = pos
            while j < end && isDigit(str[j]) { j += 1 }
            if j >= end {
                p.denom = Array(str[pos..<end])
                p.value = str
                return p
            }
            p.denom = Array(str[pos..<j])
            pos = j
        }
        p.value = Array(str[0..<pos])
        // suffix
        let suffixStart = pos
        let suffixChars = Array("eEinumkKMGTP".utf8)
        var k = pos
        while k < end && suffixChars.contains(str[k]) { k += 1 }
        if k >= end { p.suffix = Array(str[suffixStart..<end]); return p }
        pos = k
        if str[pos] == UInt8(ascii: "-") || str[pos] == UInt8(ascii: "+") { pos += 1 }
        while pos < end && isDigit(str[pos]) { pos += 1 }
        if pos >= end { p.suffix = Array(str[suffixStart..<end]); return p }
        throw QuantityError.formatWrong
    }

    /// `quantitySuffixer.interpret`: (base, exponent, format).
    static func interpretSuffix(_ s: [UInt8]) -> (Int32, Int32, Format)? {
        switch String(decoding: s, as: UTF8.self) {
        case "": return (10, 0, .decimalSI)
        case "n": return (10, -9, .decimalSI)
        case "u": return (10, -6, .decimalSI)
        case "m": return (10, -3, .decimalSI)
        case "k": return (10, 3, .decimalSI)
        case "M": return (10, 6, .decimalSI)
        case "G": return (10, 9, .decimalSI)
        case "T": return (10, 12, .decimalSI)
        case "P": return (10, 15, .decimalSI)
        case "E": return (10, 18, .decimalSI)
        case "Ki": return (2, 10, .binarySI)
        case "Mi": return (2, 20, .binarySI)
        case "Gi": return (2, 30, .binarySI)
        case "Ti": return (2, 40, .binarySI)
        case "Pi": return (2, 50, .binarySI)
        case "Ei": return (2, 60, .binarySI)
        default:
            if s.count > 1 && (s[0] == UInt8(ascii: "e") || s[0] == UInt8(ascii: "E")),
               let v = goParseInt64(String(decoding: s[1...], as: UTF8.self)) {
                return (10, Int32(truncatingIfNeeded: v), .decimalExponent)
            }
            return nil
        }
    }

    /// `inf.Dec.SetString` for `[+-]?digits[.digits]`: (unscaled, base-10 exponent).
    static func decimal(_ v: [UInt8]) -> (Int128, Int32)? {
        var s = v[...]
        var negative = false
        if let f = s.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        var m: Int128 = 0
        var e: Int32 = 0
        var digits = 0
        var seenDot = false
        for c in s {
            if c == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
                continue
            }
            guard c >= 0x30 && c <= 0x39 else { return nil }
            let (a, o1) = m.multipliedReportingOverflow(by: 10)
            let (b, o2) = a.addingReportingOverflow(Int128(c - 0x30))
            if o1 || o2 { return nil }
            m = b
            digits += 1
            if seenDot { e -= 1 }
        }
        if digits == 0 { return nil }
        return (negative ? -m : m, e)
    }

    // MARK: value access

    public var isZero: Bool { mantissa == 0 }
    public var sign: Int { mantissa == 0 ? 0 : (mantissa > 0 ? 1 : -1) }

    /// `ScaledValue(scale)`: the value in units of 10^scale, rounded away from zero; saturates on overflow.
    public func scaledValue(_ scale: Int32) -> Int64 {
        if mantissa == 0 { return 0 }
        let d = Int(exponent) - Int(scale)
        if d >= 0 {
            if d > 38 { return mantissa > 0 ? Int64.max : Int64.min }
            let (r, o) = mantissa.multipliedReportingOverflow(by: pow10(d))
            if o || r > Int128(Int64.max) || r < Int128(Int64.min) { return mantissa > 0 ? Int64.max : Int64.min }
            return Int64(r)
        }
        if -d > 38 { return mantissa > 0 ? 1 : -1 }
        let (q, r) = mantissa.quotientAndRemainder(dividingBy: pow10(-d))
        var v = q
        if r != 0 { v += mantissa > 0 ? 1 : -1 }
        if v > Int128(Int64.max) { return Int64.max }
        if v < Int128(Int64.min) { return Int64.min }
        return Int64(v)
    }

    /// `Value()`: whole units, rounded away from zero (bytes for memory, cores for cpu).
    public var value: Int64 { scaledValue(0) }
    /// `MilliValue()`: thousandths, rounded away from zero (millicores).
    public var milliValue: Int64 { scaledValue(-3) }
    /// Approximate floating value (`AsApproximateFloat64`).
    public var doubleValue: Double {
        var v = Double(mantissa)
        if exponent > 0 { for _ in 0..<exponent { v *= 10 } } else if exponent < 0 { for _ in 0..<(-exponent) { v /= 10 } }
        return v
    }

    // MARK: comparison and arithmetic

    /// `Cmp`: -1, 0 or 1.
    public func compare(_ y: Quantity) -> Int {
        if sign != y.sign { return sign < y.sign ? -1 : 1 }
        if sign == 0 { return 0 }
        // Same sign: compare magnitudes by digit count first, then exactly.
        let a = mantissa.magnitude, b = y.mantissa.magnitude
        let da = Int(exponent) + decimalDigits(a), db = Int(y.exponent) + decimalDigits(b)
        var c: Int
        if da != db {
            c = da < db ? -1 : 1
        } else {
            let e = min(exponent, y.exponent)
            let (sa, o1) = a.multipliedReportingOverflow(by: UInt128(pow10(Int(exponent - e))))
            let (sb, o2) = b.multipliedReportingOverflow(by: UInt128(pow10(Int(y.exponent - e))))
            if o1 || o2 {
                let (x, z) = (abs(doubleValue), abs(y.doubleValue))
                c = x == z ? 0 : (x < z ? -1 : 1)
            } else {
                c = sa == sb ? 0 : (sa < sb ? -1 : 1)
            }
        }
        return sign > 0 ? c : -c
    }

    public static func < (a: Quantity, b: Quantity) -> Bool { a.compare(b) < 0 }
    /// Equality by value (`Quantity.Equal`), ignoring format and spelling.
    public static func == (a: Quantity, b: Quantity) -> Bool { a.compare(b) == 0 }
    public func hash(into h: inout Hasher) {
        h.combine(mantissa)
        h.combine(exponent)
    }

    /// `Add`: when the receiver is zero it takes `y`'s format.
    public mutating func add(_ y: Quantity) {
        let f = isZero ? y.format : format
        self = Quantity(mantissa: 0, exponent: 0, format: f).withValue(Quantity.sum(self, y))
    }

    /// `Sub`: when the receiver is zero it takes `y`'s format.
    public mutating func sub(_ y: Quantity) {
        add(Quantity(mantissa: -y.mantissa, exponent: y.exponent, format: y.format))
    }

    /// The same value with `format` for its canonical string (Go: a copy with `Format` set and its
    /// cached string cleared).
    public func withFormat(_ format: Format) -> Quantity {
        Quantity(mantissa: mantissa, exponent: exponent, format: format)
    }

    public static func + (a: Quantity, b: Quantity) -> Quantity { var r = a; r.add(b); return r }
    public static func - (a: Quantity, b: Quantity) -> Quantity { var r = a; r.sub(b); return r }

    private func withValue(_ v: (Int128, Int32)) -> Quantity {
        Quantity(mantissa: v.0, exponent: v.1, format: format)
    }

    static func sum(_ a: Quantity, _ b: Quantity) -> (Int128, Int32) {
        if a.mantissa == 0 { return (b.mantissa, b.exponent) }
        if b.mantissa == 0 { return (a.mantissa, a.exponent) }
        let e = min(a.exponent, b.exponent)
        let da = Int(a.exponent - e), db = Int(b.exponent - e)
        if da <= 38 && db <= 38 {
            let (x, o1) = a.mantissa.multipliedReportingOverflow(by: pow10(da))
            let (y, o2) = b.mantissa.multipliedReportingOverflow(by: pow10(db))
            if !o1 && !o2 {
                let (s, o3) = x.addingReportingOverflow(y)
                if !o3 { return (s, e) }
            }
        }
        // Beyond 38 digits: the smaller operand is lost (never happens for real resource sums).
        return abs(a.doubleValue) >= abs(b.doubleValue) ? (a.mantissa, a.exponent) : (b.mantissa, b.exponent)
    }

    // MARK: canonical string

    /// `String()`: the canonical form the API server serialises (`1.5Gi` → `1536Mi`, `0.5` → `500m`,
    /// `1000m` → `1`, `1000` → `1k`), or the input itself when apimachinery keeps it.
    public var description: String {
        if let c = cached { return c }
        if mantissa == 0 { return "0" }
        var fmt = format
        var rounded: Int128 = 0
        if fmt == .binarySI {
            if compare(Quantity(-1024)) > 0 && compare(Quantity(1024)) < 0 {
                fmt = .decimalSI
            } else {
                let (r, exact) = roundedToInteger()
                if exact { rounded = r } else { fmt = .decimalSI }
            }
        }
        if fmt == .binarySI {
            var m = rounded.magnitude
            var times = 0
            while m >= 1024 && m % 1024 == 0 { m /= 1024; times += 1 }
            let suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
            let suffix = times < suffixes.count ? suffixes[times] : ""
            return (rounded < 0 ? "-" : "") + String(m) + suffix
        }
        // Decimal: mantissa is already free of factors of ten; bring the exponent to a multiple of 3.
        var m = mantissa
        var e = exponent
        while e % 3 != 0 {
            let (p, o) = m.multipliedReportingOverflow(by: 10)
            if o { break }
            m = p
            e -= 1
        }
        let suffix: String
        if fmt == .decimalExponent {
            suffix = e == 0 ? "" : "e\(e)"
        } else {
            switch e {
            case -9: suffix = "n"
            case -6: suffix = "u"
            case -3: suffix = "m"
            case 3: suffix = "k"
            case 6: suffix = "M"
            case 9: suffix = "G"
            case 12: suffix = "T"
            case 15: suffix = "P"
            case 18: suffix = "E"
            default: suffix = ""  // apimachinery prints no suffix for other exponents
            }
        }
        return String(m) + suffix
    }

    /// The value rounded away from zero to an integer, and whether that was exact.
    func roundedToInteger() -> (Int128, Bool) {
        if exponent >= 0 {
            if exponent > 38 { return (mantissa > 0 ? Int128.max : Int128.min, true) }
            let (r, o) = mantissa.multipliedReportingOverflow(by: pow10(Int(exponent)))
            return (o ? (mantissa > 0 ? Int128.max : Int128.min) : r, true)
        }
        if -exponent > 38 { return (mantissa > 0 ? 1 : -1, false) }
        let (q, r) = mantissa.quotientAndRemainder(dividingBy: pow10(Int(-exponent)))
        if r == 0 { return (q, true) }
        return (q + (mantissa > 0 ? 1 : -1), false)
    }
}

/// The integer percentage kubectl describe prints: `int64(float64(part) / float64(whole) * 100)`,
/// 0 when `whole` is 0. Use `milliValue` for cpu and `value` for memory and other resources.
public func describePercent(_ part: Int64, of whole: Int64) -> Int64 {
    if whole == 0 { return 0 }
    let f = Double(part) / Double(whole) * 100
    if f.isNaN { return 0 }
    if f >= 9.2e18 { return Int64.max }
    if f <= -9.2e18 { return Int64.min }
    return Int64(f)
}

private func pow10(_ n: Int) -> Int128 {
    var r: Int128 = 1
    for _ in 0..<n { r *= 10 }
    return r
}

private func decimalDigits(_ v: UInt128) -> Int {
    var n = 0
    var x = v
    while x > 0 { x /= 10; n += 1 }
    return n
}

private extension String {
    func trimmingASCIIWhitespace() -> String {
        let ws: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C]
        let b = Array(utf8)
        var lo = 0, hi = b.count
        while lo < hi && ws.contains(b[lo]) { lo += 1 }
        while hi > lo && ws.contains(b[hi - 1]) { hi -= 1 }
        return String(decoding: b[lo..<hi], as: UTF8.self)
    }
}
