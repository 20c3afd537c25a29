/// Go `fmt` renderings of unstructured values (kubectl's printers, the API server's messages).

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
    let (neg, digits, dp) = shortestDigits(d)
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
    return s + placingDecimalPoint(digits, at: dp)
}
