// `"...".format([args])` from the extended strings library: %s %d %f %e %b %o %x %X with an optional
// precision (`%.3f`), and `%%`. Fixed and scientific notation round as C's printf does (exactly).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FunctionTable {
    mutating func addStringFormat() {
        member("format", cost: sizeCost) { a in
            guard a.count == 2, case .string(let f) = a[0], case .list(let args) = a[1] else { return .error(.noOverload("format", a)) }
            return StringFormat.format(f, args)
        }
    }
}

enum StringFormat {
    static func format(_ f: String, _ args: [Value]) -> Value {
        var out = ""
        var it = Array(f.unicodeScalars)[...]
        var n = 0
        while let c = it.popFirst() {
            guard c == "%" else { out.unicodeScalars.append(c); continue }
            if it.first == "%" { it.removeFirst(); out += "%"; continue }
            var precision: Int?
            if it.first == "." {
                it.removeFirst()
                var p = 0
                while let d = it.first, d >= "0" && d <= "9" { p = p * 10 + Int(d.value - 48); it.removeFirst() }
                precision = p
            }
            guard let verb = it.popFirst() else { return .err("unexpected end of format string") }
            guard n < args.count else { return .err("index \(n) out of range") }
            let arg = args[n]
            n += 1
            switch clause(verb, precision, arg) {
            case .string(let s): out += s
            case let other: return other
            }
        }
        return .string(out)
    }

    static func clause(_ verb: Unicode.Scalar, _ precision: Int?, _ arg: Value) -> Value {
        if case .double(let d) = arg, !d.isFinite, "sdfe".unicodeScalars.contains(verb) {
            return .string(d.isNaN ? "NaN" : (d < 0 ? "-Infinity" : "Infinity"))
        }
        switch verb {
        case "s": return text(arg).map { .string($0) } ?? .err("string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps, was given \(arg.typeName)")
        case "d":
            switch arg {
            case .int(let i): return .string(String(i))
            case .uint(let u): return .string(String(u))
            default: return .err("decimal clause can only be used on integers, was given \(arg.typeName)")
            }
        case "f", "e":
            let d: Double
            switch arg {
            case .double(let x): d = x
            case .int(let i): d = Double(i)
            case .uint(let u): d = Double(u)
            default: return .err("\(verb == "f" ? "fixed-point" : "scientific") clause can only be used on doubles, was given \(arg.typeName)")
            }
            return .string(cFormat(verb == "f" ? "%.*f" : "%.*e", precision ?? 6, d))
        case "b", "o", "x", "X":
            let radix = verb == "b" ? 2 : (verb == "o" ? 8 : 16)
            let upper = verb == "X"
            switch arg {
            case .int(let i): return .string(String(i, radix: radix, uppercase: upper))
            case .uint(let u): return .string(String(u, radix: radix, uppercase: upper))
            case .bool(let b) where radix == 2: return .string(b ? "1" : "0")
            case .string(let s) where radix == 16: return .string(hex(Array(s.utf8), upper))
            case .bytes(let b) where radix == 16: return .string(hex(b, upper))
            default: return .err("only integers\(radix == 16 ? ", byte buffers, and strings" : (radix == 2 ? " and bools" : "")) can be formatted as \(radix == 2 ? "binary" : (radix == 8 ? "octal" : "hex")), was given \(arg.typeName)")
            }
        default:
            return .err("could not parse formatting clause: unrecognized formatting clause \"\(verb)\"")
        }
    }

    static func hex(_ b: [UInt8], _ upper: Bool) -> String {
        b.map { let s = String($0, radix: 16, uppercase: upper); return s.count == 1 ? "0" + s : s }.joined()
    }

    static func cFormat(_ f: String, _ precision: Int, _ d: Double) -> String {
        var buf = [CChar](repeating: 0, count: 512)
        _ = withVaList([Int32(precision), d]) { vsnprintf(&buf, buf.count, f, $0) }
        return String(cString: buf)
    }

    /// `%s` text of a value; lists and maps recursively, maps sorted by their keys' text.
    static func text(_ v: Value) -> String? {
        switch v {
        case .string(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        case .double(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return Conversions.goFormatG(d)
        case .list(let l):
            var parts: [String] = []
            for x in l { guard let t = text(x) else { return nil }; parts.append(t) }
            return "[" + parts.joined(separator: ", ") + "]"
        case .map(let m):
            var parts: [(String, String)] = []
            for (k, x) in m.entries { guard let kt = text(k), let vt = text(x) else { return nil }; parts.append((kt, vt)) }
            return "{" + parts.sorted { $0.0 < $1.0 }.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
        case .type(let t): return t
        case .optional, .opaque, .error, .unknown: return nil
        default:
            if case .string(let s) = Conversions.toString(v) { return s }
            return nil
        }
    }
}
