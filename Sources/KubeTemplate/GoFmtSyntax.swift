import KubeModel

/// Pieces of Go's fmt that print Go syntax or a float's binary form: `%#v`, and `%x`, `%X`, `%b` of
/// floats (strconv.FormatFloat's 'x' and 'b' formats).

/// `%#v` of a value as a template sees it: `[]interface {}{"a", 1}`, `map[string]interface {}{"k":true}`,
/// strings quoted, a nil element `interface {}(nil)`, a nil operand `<nil>`.
func gvSharpV(_ v0: GV, depth: Int) -> String {
    let v = v0.asAny
    switch v {
    case .invalid, .nilIface, .iface: return depth > 0 ? "interface {}(nil)" : "<nil>"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i), .int64(let i): return String(i)
    case .uint8(let u): return "0x" + String(u, radix: 16)
    case .float(let d): return gvFormatFloat(d, "g", GoFmtFlags()) ?? ""
    case .complex: return gvFormat(v, "v", GoFmtFlags())
    case .string(let s): return strconvQuote(s)
    case .map(let o):
        let entries = o.sortedKeys.map { strconvQuote($0) + ":" + gvSharpV(GV.element(o[$0]!), depth: depth + 1) }
        return "map[string]interface {}{" + entries.joined(separator: ", ") + "}"
    case .slice(let a, _):
        return "[]interface {}{" + a.map { gvSharpV(GV.element($0), depth: depth + 1) }.joined(separator: ", ") + "}"
    }
}

/// The IEEE 754 parts of |d| as strconv's genericFtoa takes them: the mantissa with its implicit bit and
/// the unbiased exponent of its lowest bit's weight plus 52.
private func floatParts(_ a: Double) -> (mant: UInt64, exp: Int) {
    let bits = a.bitPattern
    var exp = Int((bits >> 52) & 0x7FF)
    var mant = bits & ((1 << 52) - 1)
    if exp == 0 { exp += 1 } else { mant |= 1 << 52 }
    return (mant, exp - 1023)
}

/// strconv.FormatFloat(|d|, 'x'|'X', prec, 64): `1.cp+01` after `0x`, hex digits shortest when `prec` is nil.
func gvHexFloatBody(_ a: Double, upper: Bool, prec: Int?) -> String {
    var (mant, exp) = floatParts(a)
    if mant == 0 { exp = 0 }
    mant <<= 60 - 52
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1
        exp -= 1
    }
    if let p = prec, p < 15 {
        let shift = UInt64(p * 4)
        let extra = (mant << shift) & ((1 << 60) - 1)
        mant >>= 60 - shift
        if extra | (mant & 1) > 1 << 59 { mant += 1 }
        mant <<= 60 - shift
        if mant & (1 << 61) != 0 {
            mant >>= 1
            exp += 1
        }
    }
    let digits = Array(upper ? "0123456789ABCDEF" : "0123456789abcdef")
    var out = upper ? "0X" : "0x"
    out.append(digits[Int((mant >> 60) & 1)])
    mant <<= 4
    if prec == nil && mant != 0 {
        out += "."
        while mant != 0 {
            out.append(digits[Int((mant >> 60) & 15)])
            mant <<= 4
        }
    } else if let p = prec, p > 0 {
        out += "."
        for _ in 0..<p {
            out.append(digits[Int((mant >> 60) & 15)])
            mant <<= 4
        }
    }
    out += upper ? "P" : "p"
    out += exp < 0 ? "-" : "+"
    let e = abs(exp)
    out += e < 10 ? "0\(e)" : "\(e)"
    return out
}

/// strconv.FormatFloat(|d|, 'b', -1, 64): the decimal mantissa and the binary exponent, `7881299347898368p-51`.
func gvBinaryFloatBody(_ a: Double) -> String {
    let (mant, exp) = floatParts(a)
    let e = exp - 52
    return "\(mant)p" + (e >= 0 ? "+" : "") + "\(e)"
}
