import KubeModel

/// A small resource quantity (apimachinery `resource.Quantity`) for describe: parsing, the canonical
/// string form, `Value`/`MilliValue`, addition and comparison. Internal to the describers; values are
/// kept exactly as `mantissa x 10^exponent` with a 64-bit mantissa (quantities beyond that range are
/// rare in describe output and are approximated).
struct DescribeQuantity: Equatable {
    enum Format { case decimalSI, binarySI, decimalExponent }

    var mantissa: Int64 = 0
    var exponent: Int = 0
    var format: Format = .decimalSI

    static let zero = DescribeQuantity()

    init() {}

    init(mantissa: Int64, exponent: Int, format: Format) {
        self.mantissa = mantissa
        self.exponent = exponent
        self.format = format
        normalize()
    }

    /// Parses `500m`, `1.5Gi`, `2e3`, `128974848`; nil when malformed.
    init?(_ text: String) {
        var s = Substring(text)
        guard !s.isEmpty else { return nil }
        var negative = false
        if s.first == "+" || s.first == "-" {
            negative = s.first == "-"
            s = s.dropFirst()
        }
        var intDigits = ""
        var fracDigits = ""
        while let c = s.first, c.isASCII, c.isNumber { intDigits.append(c); s = s.dropFirst() }
        if s.first == "." {
            s = s.dropFirst()
            while let c = s.first, c.isASCII, c.isNumber { fracDigits.append(c); s = s.dropFirst() }
        }
        guard !(intDigits.isEmpty && fracDigits.isEmpty) else { return nil }
        let suffix = String(s)
        var binaryPower = 0
        var decimalExp = 0
        var fmt = Format.decimalSI
        switch suffix {
        case "": break
        case "n": decimalExp = -9
        case "u": decimalExp = -6
        case "m": decimalExp = -3
        case "k": decimalExp = 3
        case "M": decimalExp = 6
        case "G": decimalExp = 9
        case "T": decimalExp = 12
        case "P": decimalExp = 15
        case "E": decimalExp = 18
        case "Ki": binaryPower = 10; fmt = .binarySI
        case "Mi": binaryPower = 20; fmt = .binarySI
        case "Gi": binaryPower = 30; fmt = .binarySI
        case "Ti": binaryPower = 40; fmt = .binarySI
        case "Pi": binaryPower = 50; fmt = .binarySI
        case "Ei": binaryPower = 60; fmt = .binarySI
        default:
            guard suffix.first == "e" || suffix.first == "E", let e = Int(suffix.dropFirst()) else { return nil }
            decimalExp = e
            fmt = .decimalExponent
        }
        var digits = intDigits + fracDigits
        while digits.count > 1 && digits.hasPrefix("0") { digits.removeFirst() }
        var exp = decimalExp - fracDigits.count
        // Keep at most 18 significant digits.
        while digits.count > 18 { digits.removeLast(); exp += 1 }
        guard var m = Int64(digits) else { return nil }
        if binaryPower > 0 {
            var p = binaryPower
            while p > 0 {
                let (r, o) = m.multipliedReportingOverflow(by: 2)
                if o { m /= 5; exp += 1; continue }  // approximate: rescale
                m = r
                p -= 1
            }
        }
        self.mantissa = negative ? -m : m
        self.exponent = exp
        self.format = fmt
        normalize()
        // Values below 1n round up to 1n, as the API's quantities do.
        if exponent < -9 {
            let shift = -9 - exponent
            var div: Int64 = 1
            for _ in 0..<shift { div *= 10 }
            let q = mantissa / div
            let r = mantissa % div
            mantissa = q + (r > 0 ? 1 : 0)
            exponent = -9
            normalize()
        }
    }

    /// Reads a quantity from a JSON value (a string, or a bare number).
    init?(json: JSONValue) {
        switch json {
        case .string(let s): self.init(s)
        case .int(let i): self.init(String(i))
        case .double(let d): self.init(goFormatFloat(d))
        default: return nil
        }
    }

    private mutating func normalize() {
        if mantissa == 0 { exponent = 0; return }
        while mantissa % 10 == 0 { mantissa /= 10; exponent += 1 }
    }

    var isZero: Bool { mantissa == 0 }

    /// `ceil(value * 10^scale)`.
    func scaled(_ scale: Int) -> Int64 {
        let e = exponent - scale
        if e >= 0 {
            var v = mantissa
            for _ in 0..<e {
                let (r, o) = v.multipliedReportingOverflow(by: 10)
                if o { return v > 0 ? Int64.max : Int64.min }
                v = r
            }
            return v
        }
        var div: Int64 = 1
        for _ in 0..<(-e) {
            let (r, o) = div.multipliedReportingOverflow(by: 10)
            if o { return mantissa > 0 ? 1 : 0 }
            div = r
        }
        let q = mantissa / div
        let r = mantissa % div
        return r > 0 ? q + 1 : q
    }

    var value: Int64 { scaled(0) }
    var milliValue: Int64 { scaled(-3) }

    /// Sum; keeps the receiver's format, as `Quantity.Add` does.
    func adding(_ other: DescribeQuantity) -> DescribeQuantity {
        if other.isZero { return self }
        if isZero { var o = other; o.format = format; return o }
        var a = self, b = other
        let e = min(a.exponent, b.exponent)
        func align(_ q: inout DescribeQuantity) -> Bool {
            while q.exponent > e {
                let (r, o) = q.mantissa.multipliedReportingOverflow(by: 10)
                if o { return false }
                q.mantissa = r
                q.exponent -= 1
            }
            return true
        }
        guard align(&a), align(&b) else {
            return DescribeQuantity(mantissa: a.mantissa, exponent: a.exponent, format: format)
        }
        return DescribeQuantity(mantissa: a.mantissa &+ b.mantissa, exponent: e, format: format)
    }

    func compare(_ other: DescribeQuantity) -> Int {
        let d = adding(DescribeQuantity(mantissa: -other.mantissa, exponent: other.exponent, format: format))
        return d.mantissa > 0 ? 1 : (d.mantissa < 0 ? -1 : 0)
    }

    /// The canonical form (`Quantity.String()`).
    var string: String {
        if mantissa == 0 { return "0" }
        var fmt = format
        if fmt == .binarySI {
            // Small values and values that are not whole numbers print as DecimalSI.
            if exponent < 0 || (value > -1024 && value < 1024) { fmt = .decimalSI }
        }
        switch fmt {
        case .binarySI:
            // Whole number: find the largest power of 1024 that divides it.
            guard exponent < 19 else { break }
            var v = mantissa
            var ok = true
            for _ in 0..<exponent {
                let (r, o) = v.multipliedReportingOverflow(by: 10)
                if o { ok = false; break }
                v = r
            }
            guard ok else { break }
            let suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
            var i = 0
            while i < suffixes.count - 1 && v % 1024 == 0 { v /= 1024; i += 1 }
            return "\(v)\(suffixes[i])"
        default:
            break
        }
        // Decimal: exponent rounded down to a multiple of 3.
        var m = mantissa
        var e = exponent
        var r = ((e % 3) + 3) % 3
        while r > 0 {
            m *= 10
            e -= 1
            r -= 1
        }
        if fmt == .decimalExponent {
            return e == 0 ? "\(m)" : "\(m)e\(e)"
        }
        let suffix: String
        switch e {
        case -9: suffix = "n"
        case -6: suffix = "u"
        case -3: suffix = "m"
        case 0: suffix = ""
        case 3: suffix = "k"
        case 6: suffix = "M"
        case 9: suffix = "G"
        case 12: suffix = "T"
        case 15: suffix = "P"
        case 18: suffix = "E"
        default: return "\(m)e\(e)"
        }
        return "\(m)\(suffix)"
    }
}

