import Glibc
import KubeModel

/// A Go `reflect.Value` as a template over kubectl's unstructured data sees it: JSON objects are
/// `map[string]interface {}`, arrays `[]interface {}`, integers `int64`, other numbers `float64`;
/// constants in the template are `int`, `float64`, `complex128`, `string`, `bool`. Elements read out
/// of maps and slices are interface-typed (`iface`), the way `reflect.MapIndex`/`Index` return them.
indirect enum GV {
    case invalid                  // the zero reflect.Value
    case nilIface                 // an interface{} holding nil
    case iface(GV)                // an interface{} holding a concrete value
    case bool(Bool)
    case int(Int64)               // Go int
    case int64(Int64)
    case uint8(UInt8)
    case float(Double)
    case complex(Double, Double)
    case string(String)
    case map(JSONObject)
    case slice([JSONValue], Int)  // elements, capacity

    static func concrete(_ j: JSONValue) -> GV {
        switch j {
        case .null: return .invalid
        case .bool(let b): return .bool(b)
        case .int(let i): return .int64(i)
        case .double(let d):
            // kubectl's printer round-trips the object through JSON and decodes integral numbers
            // as int64, so 2.0 reaches the template as the int64 2.
            if d == d.rounded(.towardZero) && abs(d) < 9.2e18 { return .int64(Int64(d)) }
            return .float(d)
        case .string(let s): return .string(s)
        case .array(let a): return .slice(a, gvAppendCap(a.count))
        case .object(let o): return .map(o)
        }
    }

    /// An element of a map or slice: interface-typed.
    static func element(_ j: JSONValue) -> GV {
        if case .null = j { return .nilIface }
        return .iface(concrete(j))
    }

    var isValid: Bool { if case .invalid = self { return false }; return true }

    /// reflect.Value.Kind() == Interface
    var isInterface: Bool {
        switch self {
        case .nilIface, .iface: return true
        default: return false
        }
    }

    /// indirectInterface: unwraps one interface level; nil interface becomes invalid.
    var indirectInterface: GV {
        switch self {
        case .nilIface: return .invalid
        case .iface(let v): return v
        default: return self
        }
    }

    var typeName: String {
        switch self {
        case .invalid: return "<nil>"
        case .nilIface, .iface: return "interface {}"
        case .bool: return "bool"
        case .int: return "int"
        case .int64: return "int64"
        case .uint8: return "uint8"
        case .float: return "float64"
        case .complex: return "complex128"
        case .string: return "string"
        case .map: return "map[string]interface {}"
        case .slice: return "[]interface {}"
        }
    }

    /// The value an `any` parameter receives (nil for invalid or nil interfaces).
    var asAny: GV {
        switch self {
        case .nilIface: return .invalid
        case .iface(let v): return v
        default: return self
        }
    }

    var isStringKind: Bool { if case .string = self { return true }; return false }

    /// The JSON value a template function receives.
    var jsonValue: JSONValue {
        switch self.asAny {
        case .invalid, .nilIface, .iface: return .null
        case .bool(let b): return .bool(b)
        case .int(let i), .int64(let i): return .int(i)
        case .uint8(let u): return .int(Int64(u))
        case .float(let d): return .double(d)
        case .complex(let r, _): return .double(r)
        case .string(let s): return .string(s)
        case .map(let o): return .object(o)
        case .slice(let a, _): return .array(a)
        }
    }
}

/// The capacity Go's append growth gives a slice decoded element by element (encoding/json).
func gvAppendCap(_ n: Int) -> Int {
    if n == 0 { return 0 }
    var c = 1
    while c < n && c < 256 { c *= 2 }
    if c >= n { return c }
    // Beyond 256 elements Go grows by ~1.25x plus a constant, rounded to size classes; the
    // exact capacity only matters for slicing past the length, which is out of scope.
    while c < n { c += (c + 3 * 256) / 4 }
    return c
}

// MARK: Go's fmt package

struct GoFmtFlags {
    var plus = false, minus = false, sharp = false, space = false, zero = false
    var width: Int? = nil
    var prec: Int? = nil
}

func gvPad(_ s: String, _ f: GoFmtFlags, zeroOK: Bool = true) -> String {
    guard let w = f.width else { return s }
    let n = s.unicodeScalars.count
    if n >= w { return s }
    let pad = w - n
    if f.minus { return s + String(repeating: " ", count: pad) }
    if f.zero && zeroOK { return String(repeating: "0", count: pad) + s }
    return String(repeating: " ", count: pad) + s
}

/// Formats one value with a verb as fmt's printArg/printValue do. `depth` > 0 for elements.
func gvFormat(_ v0: GV, _ verb: Character, _ f: GoFmtFlags, depth: Int = 0) -> String {
    if verb == "v" && f.sharp { return gvPad(gvSharpV(v0, depth: depth), f) }
    let v = v0.asAny
    if case .invalid = v {
        if depth > 0 && v0.isInterface { return gvPadString("<nil>", f) }
        switch verb {
        case "T", "v": return gvPad("<nil>", f)
        default: return "%!\(verb)(<nil>)"
        }
    }
    if verb == "T" { return gvPad(v.typeName, f) }
    // fmt's badVerb prints the operand with %v and the flags, width and precision given.
    func bad() -> String {
        var g = f
        g.sharp = false  // `#` becomes Go syntax (%#v) only when the verb itself is v
        return "%!\(verb)(\(v.typeName)=\(gvFormat(v, "v", g, depth: 0)))"
    }
    switch v {
    case .invalid, .nilIface, .iface: return "<nil>"
    case .bool(let b):
        if verb == "t" || verb == "v" { return gvPadString(b ? "true" : "false", f) }
        return bad()
    case .int(let i), .int64(let i):
        return gvFormatInt(i, verb, f) ?? bad()
    case .uint8(let u):
        return gvFormatInt(Int64(u), verb, f) ?? bad()
    case .float(let d):
        return gvFormatFloat(d, verb, f) ?? bad()
    case .complex(let r, let i):
        guard "vbgGxXfFeE".contains(verb) else { return bad() }
        var fi = f
        fi.plus = true
        let vb: Character = verb == "v" ? "g" : verb
        var fr = f
        fr.width = nil
        fi.width = nil
        return gvPad("(" + (gvFormatFloat(r, vb, fr) ?? "") + (gvFormatFloat(i, vb, fi) ?? "") + "i)", f)
    case .string(let s):
        switch verb {
        case "v", "s": return gvPadString(s, f)
        case "q":
            var t = s
            if let p = f.prec { t = String(String.UnicodeScalarView(s.unicodeScalars.prefix(p))) }
            if f.sharp && gvCanBackquote(t) { return gvPad("`" + t + "`", f) }
            return gvPad(f.plus ? gvQuoteASCII(t) : strconvQuote(t), f)
        case "x", "X":
            var bytes = Array(s.utf8)
            if let p = f.prec, p < bytes.count { bytes = Array(bytes.prefix(p)) }
            return gvPad(gvHexBytes(bytes, upper: verb == "X", f), f)
        default: return bad()
        }
    case .map(let o):
        var s = "map["
        var first = true
        for k in o.sortedKeys {
            if !first { s += " " }
            first = false
            s += gvFormat(.string(k), verb, f, depth: depth + 1)
            s += ":"
            s += gvFormat(GV.element(o[k]!), verb, f, depth: depth + 1)
        }
        return s + "]"
    case .slice(let a, let cap):
        _ = cap
        var s = "["
        for (i, e) in a.enumerated() {
            if i > 0 { s += " " }
            s += gvFormat(GV.element(e), verb, f, depth: depth + 1)
        }
        return s + "]"
    }
}

func gvPadString(_ s: String, _ f: GoFmtFlags) -> String {
    var t = s
    if let p = f.prec {
        let sc = s.unicodeScalars
        if sc.count > p { t = String(String.UnicodeScalarView(sc.prefix(p))) }
    }
    return gvPad(t, f)
}

func gvCanBackquote(_ s: String) -> Bool {
    for c in s.unicodeScalars {
        if c == "`" || c == "\u{FEFF}" { return false }
        if c.value < 0x20 && c != "\t" { return false }
        if c.value == 0x7F { return false }
    }
    return true
}

func gvQuoteASCII(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
        if c.value < 0x80 {
            let q = strconvQuote(String(Character(c)))
            out += q.dropFirst().dropLast()
        } else if c.value < 0x10000 {
            out += "\\u" + gvHex(UInt64(c.value), width: 4)
        } else {
            out += "\\U" + gvHex(UInt64(c.value), width: 8)
        }
    }
    return out + "\""
}

func gvHex(_ v: UInt64, width: Int, upper: Bool = false) -> String {
    var s = String(v, radix: 16, uppercase: upper)
    while s.count < width { s = "0" + s }
    return s
}

func gvHexBytes(_ bytes: [UInt8], upper: Bool, _ f: GoFmtFlags) -> String {
    var out = ""
    for (i, b) in bytes.enumerated() {
        if f.space && i > 0 { out += " " }
        if f.sharp && (f.space || i == 0) { out += upper ? "0X" : "0x" }
        out += gvHex(UInt64(b), width: 2, upper: upper)
    }
    return out
}

func gvFormatInt(_ i: Int64, _ verb: Character, _ f: GoFmtFlags) -> String? {
    let neg = i < 0
    let mag = i.magnitude
    var digits: String
    var prefix = ""
    switch verb {
    case "v", "d": digits = String(mag)
    case "b": digits = String(mag, radix: 2); if f.sharp { prefix = "0b" }
    case "o": digits = String(mag, radix: 8); if f.sharp && digits != "0" { prefix = "0" }
    case "O": digits = String(mag, radix: 8); prefix = "0o"
    case "x": digits = String(mag, radix: 16); if f.sharp { prefix = "0x" }
    case "X": digits = String(mag, radix: 16, uppercase: true); if f.sharp { prefix = "0X" }
    case "c":
        let r = (i >= 0 && i <= 0x10FFFF) ? Unicode.Scalar(UInt32(i)) ?? "\u{FFFD}" : "\u{FFFD}"
        return gvPad(String(Character(r)), f)
    case "q":
        let r = (i >= 0 && i <= 0x10FFFF) ? Unicode.Scalar(UInt32(i)) ?? "\u{FFFD}" : "\u{FFFD}"
        return gvPad(strconvQuoteRune(r), f)
    case "U":
        var s = "U+" + gvHex(mag, width: 4, upper: true)
        if neg { s = "U+" + gvHex(UInt64(bitPattern: i), width: 4, upper: true) }
        if f.sharp, i >= 0, i <= 0x10FFFF, let sc = Unicode.Scalar(UInt32(i)), goIsPrint(sc) {
            s += " '" + String(Character(sc)) + "'"
        }
        return gvPad(s, f)
    default: return nil
    }
    if let p = f.prec {
        if p == 0 && i == 0 { digits = "" }
        while digits.count < p { digits = "0" + digits }
    } else if f.zero && !f.minus, let w = f.width {
        let signLen = (neg || f.plus || f.space) ? 1 : 0
        while digits.count + prefix.count + signLen < w { digits = "0" + digits }
    }
    var s = prefix + digits
    if neg { s = "-" + s } else if f.plus { s = "+" + s } else if f.space { s = " " + s }
    var g = f
    g.zero = false
    return gvPad(s, g)
}

/// Shortest digits of |d| and the decimal point position (value = 0.DIGITS x 10^dp); zero is ("0", 1).
func gvShortest(_ d: Double) -> (String, Int) {
    let (_, digits, dp) = shortestDigits(d)
    return (digits, digits == "0" ? 1 : dp)
}

func gvCFormat(_ d: Double, _ spec: String) -> String {
    var buf = [CChar](repeating: 0, count: 512)
    let n = withVaList([d]) { vsnprintf(&buf, 512, spec, $0) }
    if n >= 512 {
        var big = [CChar](repeating: 0, count: Int(n) + 1)
        _ = withVaList([d]) { vsnprintf(&big, Int(n) + 1, spec, $0) }
        return String(cString: big)
    }
    return String(cString: buf)
}

/// strconv.FormatFloat(abs(d), fmt, prec, 64) without sign.
func gvFloatBody(_ a: Double, _ verb: Character, _ prec: Int?) -> String {
    switch verb {
    case "e", "E":
        if let p = prec { return gvCFormat(a, "%.\(p)\(verb)") }
        let (digits, dp) = gvShortest(a)
        var s = String(digits.first!)
        if digits.count > 1 { s += "." + digits.dropFirst() }
        let e = a == 0 ? 0 : dp - 1
        s += String(verb) + (e < 0 ? "-" : "+")
        let ae = abs(e)
        s += ae < 10 ? "0\(ae)" : "\(ae)"
        return s
    case "f", "F":
        if let p = prec { return gvCFormat(a, "%.\(p)f") }
        let (digits, dp) = gvShortest(a)
        return placingDecimalPoint(digits, at: dp)
    default:  // g, G
        let eVerb: Character = verb == "G" ? "E" : "e"
        if let p0 = prec {
            let p = p0 == 0 ? 1 : p0
            // digits rounded to p significant digits
            let e = gvCFormat(a, "%.\(p - 1)e")
            let mant = e.prefix(while: { $0 != "e" })
            let expo = Int(e[e.index(after: e.firstIndex(of: "e")!)...])!
            var digits = mant.filter { $0 != "." }
            while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
            let nd = digits.count
            let dp = expo + 1
            var eprec = p
            if eprec > nd && nd >= dp { eprec = nd }
            let x = expo
            if x < -4 || x >= eprec {
                let pp = min(p, nd)
                return gvFloatBody(a, eVerb, pp - 1)
            }
            return gvFloatBody(a, "f", max((p > dp ? nd : p) - dp, 0))
        }
        let (digits, dp) = gvShortest(a)
        let x = a == 0 ? 0 : dp - 1
        if x < -4 || x >= 6 {
            return gvFloatBody(a, eVerb, digits.count - 1)
        }
        return gvFloatBody(a, "f", max(digits.count - dp, 0))
    }
}

func gvFormatFloat(_ d: Double, _ verb: Character, _ f: GoFmtFlags) -> String? {
    var vb = verb
    if vb == "v" { vb = "g" }
    guard "eEfFgGxXb".contains(vb) else { return nil }
    var f = f
    if f.prec == nil && "eEfF".contains(vb) { f.prec = 6 }
    var body: String
    if d.isNaN { body = "NaN" }
    else if d.isInfinite { body = "Inf" }
    else if vb == "x" || vb == "X" { body = gvHexFloatBody(abs(d), upper: vb == "X", prec: f.prec) }
    else if vb == "b" { body = gvBinaryFloatBody(abs(d)) }
    else { body = gvFloatBody(abs(d), vb, f.prec) }
    if f.sharp && !d.isNaN && !d.isInfinite && !"bxX".contains(vb) {
        // %#g keeps trailing zeros / decimal point; rarely used, approximate.
        if !body.contains(".") {
            if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                body.insert(".", at: e)
            } else { body += "." }
        }
    }
    let neg = d.sign == .minus && !d.isNaN
    var sign = ""
    if neg { sign = "-" } else if f.plus { sign = "+" } else if f.space { sign = " " }
    if d.isInfinite || d.isNaN {
        var g = f
        g.zero = false
        if d.isNaN && !f.plus && !f.space { sign = "" } else if d.isNaN { sign = f.plus ? "+" : " " }
        return gvPad(sign + body, g)
    }
    if f.zero && !f.minus, let w = f.width {
        while body.count + sign.count < w { body = "0" + body }
        return sign + body
    }
    return gvPad(sign + body, f)
}

/// fmt.Sprint: spaces between operands when neither side is a string.
func goSprint(_ args: [GV]) -> String {
    var out = ""
    for (i, a) in args.enumerated() {
        let isStr = a.asAny.isStringKind
        if i > 0 && !isStr && !args[i - 1].asAny.isStringKind { out += " " }
        out += gvFormat(a, "v", GoFmtFlags())
    }
    return out
}

func goSprintln(_ args: [GV]) -> String {
    args.map { gvFormat($0, "v", GoFmtFlags()) }.joined(separator: " ") + "\n"
}

func goSprintf(_ format: String, _ args: [GV]) -> String {
    let fmt = Array(format.unicodeScalars)
    var out = ""
    var argNum = 0
    var i = 0
    var reordered = false
    func parseNum(_ i: inout Int) -> Int? {
        var n = 0
        var any = false
        while i < fmt.count, fmt[i].value >= 0x30 && fmt[i].value <= 0x39 {
            if n > 1_000_000 { return -1 }
            n = n * 10 + Int(fmt[i].value - 0x30)
            any = true
            i += 1
        }
        return any ? n : nil
    }
    func argIndex(_ i: inout Int) -> Bool {
        // [n]
        guard i < fmt.count, fmt[i] == "[" else { return true }
        reordered = true
        var j = i + 1
        var n = 0
        var ok = false
        while j < fmt.count, fmt[j].value >= 0x30 && fmt[j].value <= 0x39 { n = n * 10 + Int(fmt[j].value - 0x30); j += 1; ok = true; if n > 1_000_000 { ok = false; break } }
        if j < fmt.count, fmt[j] == "]", ok, n >= 1, n <= args.count {
            argNum = n - 1
            i = j + 1
            return true
        }
        while j < fmt.count, fmt[j] != "]" { j += 1 }
        i = min(j + 1, fmt.count)
        return false
    }
    while i < fmt.count {
        let c = fmt[i]
        if c != "%" { out.unicodeScalars.append(c); i += 1; continue }
        i += 1
        var f = GoFmtFlags()
        while i < fmt.count {
            switch fmt[i] {
            case "#": f.sharp = true
            case "0": f.zero = !f.minus
            case "+": f.plus = true
            case "-": f.minus = true; f.zero = false
            case " ": f.space = true
            default: break
            }
            if "#0+- ".unicodeScalars.contains(fmt[i]) { i += 1 } else { break }
        }
        var goodIndex = argIndex(&i)
        var badWidth = false, badPrec = false
        if i < fmt.count, fmt[i] == "*" {
            i += 1
            if argNum < args.count, case .int(let w) = args[argNum].asAny {
                f.width = Int(w)
                if w < 0 { f.minus = true; f.zero = false; f.width = Int(-w) }
                if abs(w) > 1_000_000 { badWidth = true; f.width = nil }
            } else if argNum < args.count, case .int64(let w) = args[argNum].asAny {
                f.width = Int(w)
                if w < 0 { f.minus = true; f.zero = false; f.width = Int(-w) }
                if abs(w) > 1_000_000 { badWidth = true; f.width = nil }
            } else { badWidth = true }
            argNum += 1
        } else if let w = parseNum(&i) {
            if w < 0 { badWidth = true } else { f.width = w }
        }
        if badWidth { out += "%!(BADWIDTH)" }
        if i < fmt.count, fmt[i] == "." {
            i += 1
            goodIndex = argIndex(&i) && goodIndex
            if i < fmt.count, fmt[i] == "*" {
                i += 1
                if argNum < args.count, case .int(let p) = args[argNum].asAny, p >= 0, p <= 1_000_000 {
                    f.prec = Int(p)
                } else if argNum < args.count, case .int64(let p) = args[argNum].asAny, p >= 0, p <= 1_000_000 {
                    f.prec = Int(p)
                } else { badPrec = true }
                argNum += 1
            } else {
                let p = parseNum(&i)
                if let p = p, p < 0 { badPrec = true } else { f.prec = p ?? 0 }
            }
            if badPrec { out += "%!(BADPREC)"; f.prec = nil }
        }
        if !f.minus && f.zero == false { }
        goodIndex = argIndex(&i) && goodIndex
        if i >= fmt.count { out += "%!(NOVERB)"; break }
        let verbScalar = fmt[i]
        i += 1
        let verb = Character(verbScalar)
        if verb == "%" { out += "%"; continue }
        if !goodIndex { out += "%!\(verb)(BADINDEX)"; continue }
        if argNum >= args.count { out += "%!\(verb)(MISSING)"; continue }
        let a = args[argNum]
        argNum += 1
        if verb == "w" { out += "%!w(\(a.asAny.typeName)=\(gvFormat(a, "v", GoFmtFlags())))"; continue }
        out += gvFormat(a, verb, f)
    }
    if !reordered && argNum < args.count {
        out += "%!(EXTRA "
        out += args[argNum...].map { a -> String in
            let v = a.asAny
            if case .invalid = v { return "<nil>" }
            return v.typeName + "=" + gvFormat(v, "v", GoFmtFlags())
        }.joined(separator: ", ")
        out += ")"
    }
    return out
}
