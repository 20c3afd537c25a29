import KubeModel

/// Go `fmt` renderings of unstructured values that kubectl's printers expose.

/// `%v`: strings raw, `map[a:1 b:[x y]]` with sorted keys, `<nil>` for null, floats as `%g`.
public func goFormatV(_ v: JSONValue) -> String {
    var out = ""
    appendV(v, &out)
    return out
}

private func appendV(_ v: JSONValue, _ out: inout String) {
    switch v {
    case .null: out += "<nil>"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += goFormatFloatG(d)
    case .string(let s): out += s
    case .array(let a):
        out += "["
        for (i, x) in a.enumerated() {
            if i > 0 { out += " " }
            appendV(x, &out)
        }
        out += "]"
    case .object(let o):
        out += "map["
        for (i, k) in o.sortedKeys.enumerated() {
            if i > 0 { out += " " }
            out += k + ":"
            appendV(o[k]!, &out)
        }
        out += "]"
    }
}

/// `%#v` of an unstructured value: `map[string]interface {}{"a":1, "b":[]interface {}{"x"}}`.
public func goFormatSharpV(_ v: JSONValue) -> String {
    var out = ""
    appendSharpV(v, &out)
    return out
}

private func appendSharpV(_ v: JSONValue, _ out: inout String) {
    switch v {
    case .null: out += "interface {}(nil)"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += goFormatFloatG(d)
    case .string(let s): out += strconvQuote(s)
    case .array(let a):
        out += "[]interface {}{"
        for (i, x) in a.enumerated() {
            if i > 0 { out += ", " }
            appendSharpV(x, &out)
        }
        out += "}"
    case .object(let o):
        out += "map[string]interface {}{"
        for (i, k) in o.sortedKeys.enumerated() {
            if i > 0 { out += ", " }
            out += strconvQuote(k) + ":"
            appendSharpV(o[k]!, &out)
        }
        out += "}"
    }
}

/// Go `strconv.FormatFloat(d, 'g', -1, 64)` (what `%v` prints): exponent form when the decimal
/// exponent is below -4 or at least 6 (`1e+06`, `1.5e-05`), plain decimal otherwise.
public func goFormatFloatG(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
    if d == 0 { return d.sign == .minus ? "-0" : "0" }
    let (neg, digits, dp) = decimalDigits(d)
    let exp = dp - 1
    var s = neg ? "-" : ""
    if exp < -4 || exp >= 6 {
        s.append(digits.first!)
        if digits.count > 1 { s += "." + digits.dropFirst() }
        s += exp < 0 ? "e-" : "e+"
        let e = abs(exp)
        s += e < 10 ? "0\(e)" : "\(e)"
        return s
    }
    if dp <= 0 {
        s += "0." + String(repeating: "0", count: -dp) + digits
    } else if dp >= digits.count {
        s += digits + String(repeating: "0", count: dp - digits.count)
    } else {
        let i = digits.index(digits.startIndex, offsetBy: dp)
        s += digits[..<i] + "." + digits[i...]
    }
    return s
}

/// Shortest round-trip digits (no leading/trailing zeros) and the decimal point position:
/// value = 0.DIGITS x 10^dp.
private func decimalDigits(_ d: Double) -> (Bool, String, Int) {
    var desc = abs(d).description
    var exp = 0
    if let e = desc.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exp = Int(desc[desc.index(after: e)...]) ?? 0
        desc = String(desc[..<e])
    }
    var intPart = desc, frac = ""
    if let dot = desc.firstIndex(of: ".") {
        intPart = String(desc[..<dot])
        frac = String(desc[desc.index(after: dot)...])
    }
    var all = intPart + frac
    var dp = intPart.count + exp
    while all.first == "0" {
        all.removeFirst()
        dp -= 1
    }
    while all.last == "0" { all.removeLast() }
    if all.isEmpty { all = "0" }
    return (d < 0, all, dp)
}
