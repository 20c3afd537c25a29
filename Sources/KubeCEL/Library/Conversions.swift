// Type conversions (`int`, `uint`, `double`, `string`, `bytes`, `bool`, `type`, `dyn`) and how
// values print (Go's `%g` for doubles, RFC 3339 for timestamps, seconds for durations).

import KubeModel

enum Conversions {
    static func integralIndex(_ v: Value) -> Int? {
        switch v {
        case .int(let i): return Int(i)
        case .uint(let u): return u > UInt64(Int.max) ? nil : Int(u)
        case .double(let d): return d == d.rounded() && abs(d) < 9e18 ? Int(d) : nil
        default: return nil
        }
    }

    static func toInt(_ v: Value) -> Value {
        switch v {
        case .int: return v
        case .uint(let u): return u > UInt64(Int64.max) ? .err("range error converting \(u) to int") : .int(Int64(u))
        case .double(let d):
            guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else { return .err("range error converting \(d) to int") }
            return .int(Int64(d))
        case .string(let s):
            guard let i = Int64(s) else { return .err("cannot convert \"\(s)\" to int") }
            return .int(i)
        case .timestamp(let s, _): return .int(s)
        case .duration(let s, let n):
            let (ns, o1) = s.multipliedReportingOverflow(by: 1_000_000_000)
            let (r, o2) = ns.addingReportingOverflow(Int64(n))
            return o1 || o2 ? .err("integer overflow") : .int(r)
        default: return .error(.noOverload("int", [v]))
        }
    }

    static func toUint(_ v: Value) -> Value {
        switch v {
        case .uint: return v
        case .int(let i): return i < 0 ? .err("range error converting \(i) to uint") : .uint(UInt64(i))
        case .double(let d):
            guard d.isFinite, d >= 0, d < 1.8446744073709552e19 else { return .err("range error converting \(d) to uint") }
            return .uint(UInt64(d))
        case .string(let s):
            guard let u = UInt64(s) else { return .err("cannot convert \"\(s)\" to uint") }
            return .uint(u)
        default: return .error(.noOverload("uint", [v]))
        }
    }

    static func toDouble(_ v: Value) -> Value {
        switch v {
        case .double: return v
        case .int(let i): return .double(Double(i))
        case .uint(let u): return .double(Double(u))
        case .string(let s):
            let t = s.lowercased()
            if t == "nan" { return .double(.nan) }
            if t == "inf" || t == "+inf" || t == "infinity" || t == "+infinity" { return .double(.infinity) }
            if t == "-inf" || t == "-infinity" { return .double(-.infinity) }
            guard let d = Double(s), !t.hasPrefix("0x"), !t.contains("nan"), !t.contains("inf") else {
                return .err("cannot convert \"\(s)\" to double")
            }
            return .double(d)
        default: return .error(.noOverload("double", [v]))
        }
    }

    static func toString(_ v: Value) -> Value {
        switch v {
        case .string: return v
        case .int(let i): return .string(String(i))
        case .uint(let u): return .string(String(u))
        case .double(let d): return .string(goFormatG(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .bytes(let b):
            guard let s = String(validating: b, as: UTF8.self) else { return .err("invalid UTF-8 in bytes, cannot convert to string") }
            return .string(s)
        case .timestamp(let s, let n): return .string(TimeValues.format(seconds: s, nanos: n, offset: 0))
        case .duration: return .string(TimeValues.durationString(v))
        case .type(let t): return .string(t)
        case .null: return .string("null")
        case .opaque(let o as IPValue): return .string(o.description)
        case .opaque(let o as CIDRValue): return .string(o.ip.description + "/" + String(o.prefix))
        case .opaque(let o as URLValue): return .string(o.text)
        default: return .error(.noOverload("string", [v]))
        }
    }

    static func toBool(_ v: Value) -> Value {
        switch v {
        case .bool: return v
        case .string(let s):
            switch s {
            case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
            default: return .err("type conversion error from 'string' to 'bool'")
            }
        default: return .error(.noOverload("bool", [v]))
        }
    }

    /// Go's `strconv.FormatFloat(d, 'g', -1, 64)`.
    static func goFormatG(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let (neg, digits, point) = shortestDigits(d)
        let exp = point - 1
        var s = neg ? "-" : ""
        if exp < -4 || exp >= 21 {
            s += String(digits.first!)
            if digits.count > 1 { s += "." + String(digits.dropFirst()) }
            let e = abs(exp)
            s += (exp < 0 ? "e-" : "e+") + (e < 10 ? "0" : "") + String(e)
            return s
        }
        return s + placingDecimalPoint(digits, at: point)
    }
}

extension FunctionTable {
    mutating func addConversions() {
        global("int") { Conversions.toInt($0[0]) }
        global("uint") { Conversions.toUint($0[0]) }
        global("double") { Conversions.toDouble($0[0]) }
        global("string") { Conversions.toString($0[0]) }
        global("bool") { Conversions.toBool($0[0]) }
        global("bytes") { a in
            switch a[0] {
            case .bytes: return a[0]
            case .string(let s): return .bytes(Array(s.utf8))
            default: return .error(.noOverload("bytes", a))
            }
        }
        global("dyn") { $0[0] }
        global("type") { a in
            if case .type = a[0] { return .type("type") }
            return .type(a[0].typeName)
        }
        global("null_type") { _ in .type("null_type") }
    }
}

/// How values print inside error messages and `%s` formatting.
enum Format {
    static func display(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        case .list(let l): return "[" + l.map(display).joined(separator: ", ") + "]"
        default:
            if case .string(let s) = Conversions.toString(v) { return s }
            return v.typeName
        }
    }
}
