// YAML 1.1 plain-scalar resolution as go-yaml v2 (under sigs.k8s.io/yaml) does it, on raw bytes.

/// What an untagged plain scalar means to go-yaml v2.
enum ResolvedScalar: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    /// An integer beyond Int64 (a uint64): kubectl ends up holding it as a float64.
    case bigInt(Double)
    case float(Double)
    case timestamp
    case string
    case merge
}

@inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

enum YAMLResolver {
    /// Resolves `s` the way go-yaml v2 `resolve("", s)` does. Timestamps are only detected when
    /// `detectTimestamps` is set (decoding into interface{} keeps them as strings anyway).
    static func resolve(_ s: UnsafeBufferPointer<UInt8>, detectTimestamps: Bool) -> ResolvedScalar {
        let n = s.count
        if n == 0 { return .null }
        switch s[0] {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
             UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"),
             UInt8(ascii: "~"):
            return lookupWord(s) ?? .string
        case UInt8(ascii: "."):
            if let w = lookupWord(s) { return w }
            // strconv.ParseFloat on the raw text: ".5", ".5e3".
            var i = 1
            while i < n, isDigit(s[i]) { i += 1 }
            if i == 1 { return .string }
            if i < n {
                guard s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") else { return .string }
                i += 1
                if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
                let st = i
                while i < n, isDigit(s[i]) { i += 1 }
                if i == st || i != n { return .string }
            }
            guard let d = parseDouble(s), d.isFinite else { return .string }
            return .float(d)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), 0x30...0x39:
            if let w = lookupWord(s) { return w }  // +.inf, -.inf
            if detectTimestamps, isGoTimestamp(s) { return .timestamp }
            return resolveNumber(s)
        case UInt8(ascii: "<"):
            return n == 2 && s[1] == UInt8(ascii: "<") ? .merge : .string
        default:
            return .string
        }
    }

    private static func eq(_ s: UnsafeBufferPointer<UInt8>, _ w: StaticString) -> Bool {
        guard s.count == w.utf8CodeUnitCount else { return false }
        let p = w.utf8Start
        for i in 0..<s.count where s[i] != p[i] { return false }
        return true
    }

    private static func lookupWord(_ s: UnsafeBufferPointer<UInt8>) -> ResolvedScalar? {
        switch s.count {
        case 1:
            switch s[0] {
            case UInt8(ascii: "y"), UInt8(ascii: "Y"): return .bool(true)
            case UInt8(ascii: "n"), UInt8(ascii: "N"): return .bool(false)
            case UInt8(ascii: "~"): return .null
            default: return nil
            }
        case 2:
            if eq(s, "on") || eq(s, "On") || eq(s, "ON") { return .bool(true) }
            if eq(s, "no") || eq(s, "No") || eq(s, "NO") { return .bool(false) }
            if eq(s, "<<") { return .merge }
            return nil
        case 3:
            if eq(s, "yes") || eq(s, "Yes") || eq(s, "YES") { return .bool(true) }
            if eq(s, "off") || eq(s, "Off") || eq(s, "OFF") { return .bool(false) }
            return nil
        case 4:
            if eq(s, "true") || eq(s, "True") || eq(s, "TRUE") { return .bool(true) }
            if eq(s, "null") || eq(s, "Null") || eq(s, "NULL") { return .null }
            if eq(s, ".nan") || eq(s, ".NaN") || eq(s, ".NAN") { return .float(.nan) }
            if eq(s, ".inf") || eq(s, ".Inf") || eq(s, ".INF") { return .float(.infinity) }
            return nil
        case 5:
            if eq(s, "false") || eq(s, "False") || eq(s, "FALSE") { return .bool(false) }
            if eq(s, "+.inf") || eq(s, "+.Inf") || eq(s, "+.INF") { return .float(.infinity) }
            if eq(s, "-.inf") || eq(s, "-.Inf") || eq(s, "-.INF") { return .float(-.infinity) }
            return nil
        default:
            return nil
        }
    }

    /// Int, uint, float or string, for text starting with a digit or sign (underscores ignored).
    private static func resolveNumber(_ raw: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        if raw.firstIndex(of: UInt8(ascii: "_")) == nil { return resolveNumberPlain(raw) }
        // plain := strings.Replace(in, "_", "", -1)
        var buf = [UInt8]()
        buf.reserveCapacity(raw.count)
        for c in raw where c != UInt8(ascii: "_") { buf.append(c) }
        return buf.withUnsafeBufferPointer { resolveNumberPlain($0) }
    }

    private static func resolveNumberPlain(_ s: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        let n = s.count
        // strconv.ParseInt(plain, 0, 64), then ParseUint(plain, 0, 64).
        var i = 0
        var neg = false
        var signed = false
        if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            neg = s[i] == UInt8(ascii: "-"); signed = true; i += 1
        }
        var base: UInt64 = 10
        if i + 1 < n, s[i] == UInt8(ascii: "0") {
            switch s[i + 1] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): base = 16; i += 2
            case UInt8(ascii: "b"), UInt8(ascii: "B"): base = 2; i += 2
            case UInt8(ascii: "o"), UInt8(ascii: "O"): base = 8; i += 2
            default: base = 8; i += 1
            }
        }
        var mag: UInt64 = 0
        var overflow = false
        var valid = i < n
        var j = i
        while valid, j < n {
            let c = s[j]
            let v: UInt64
            switch c {
            case 0x30...0x39: v = UInt64(c - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = UInt64(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = UInt64(c - UInt8(ascii: "A") + 10)
            default: v = 99
            }
            if v >= base { valid = false; break }
            let (m1, o1) = mag.multipliedReportingOverflow(by: base)
            let (m2, o2) = m1.addingReportingOverflow(v)
            if o1 || o2 { overflow = true }
            mag = m2
            j += 1
        }
        if valid && !overflow {
            if neg {
                if mag <= UInt64(Int64.max) { return .int(-Int64(mag)) }
                if mag == UInt64(Int64.max) + 1 { return .int(Int64.min) }
            } else if mag <= UInt64(Int64.max) {
                return .int(Int64(mag))
            } else if !signed {
                return .bigInt(Double(mag))
            }
        }
        if matchesYAMLFloat(s), let d = parseDouble(s), d.isFinite { return .float(d) }
        // kubectl v1.32's go-yaml has no big-integer fallback: `0x1FFFFFFFFFFFFFFFFF` stays a string.
        return .string
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func matchesYAMLFloat(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = s.count
        var i = 0
        if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        if i < n, s[i] == UInt8(ascii: ".") {
            i += 1
            let st = i
            while i < n, isDigit(s[i]) { i += 1 }
            if i == st { return false }
        } else {
            let st = i
            while i < n, isDigit(s[i]) { i += 1 }
            if i == st { return false }
            if i < n, s[i] == UInt8(ascii: ".") {
                i += 1
                while i < n, isDigit(s[i]) { i += 1 }
            }
        }
        if i < n, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
            let st = i
            while i < n, isDigit(s[i]) { i += 1 }
            if i == st { return false }
        }
        return i == n
    }

    /// Parses text already known to be a decimal float (`1.`, `.5`, `1e3`, `-1.5E-3`).
    static func parseDouble(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        // Normalise to a form Swift accepts: digits on both sides of the point.
        var out = [UInt8]()
        out.reserveCapacity(s.count + 2)
        var prev: UInt8 = 0
        for (idx, c) in s.enumerated() {
            if c == UInt8(ascii: ".") && !isDigit(prev) { out.append(UInt8(ascii: "0")) }
            out.append(c)
            if c == UInt8(ascii: ".") && (idx + 1 == s.count || !isDigit(s[idx + 1])) { out.append(UInt8(ascii: "0")) }
            prev = c
        }
        return Double(String(decoding: out, as: UTF8.self))
    }

    /// Whether go-yaml v2 `parseTimestamp` accepts `s` (one of its four `time.Parse` layouts).
    static func isGoTimestamp(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = s.count
        var i = 0
        while i < n, isDigit(s[i]) { i += 1 }
        guard i == 4, i < n, s[i] == UInt8(ascii: "-") else { return false }
        let year = Int(s[0] - 48) * 1000 + Int(s[1] - 48) * 100 + Int(s[2] - 48) * 10 + Int(s[3] - 48)
        i = 5
        func num(_ i: inout Int) -> Int? {
            guard i < n, isDigit(s[i]) else { return nil }
            var v = Int(s[i] - 48); i += 1
            if i < n, isDigit(s[i]) { v = v * 10 + Int(s[i] - 48); i += 1 }
            return v
        }
        guard let month = num(&i), month >= 1, month <= 12 else { return false }
        guard i < n, s[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard let day = num(&i), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= dim else { return false }
        if i == n { return true }
        let sep = s[i]
        guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == UInt8(ascii: " ") else { return false }
        i += 1
        guard let h = num(&i), h < 24, i < n, s[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard let m = num(&i), m < 60, i < n, s[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard let sec = num(&i), sec < 60 else { return false }
        if i + 1 < n, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ","), isDigit(s[i + 1]) {
            i += 1
            while i < n, isDigit(s[i]) { i += 1 }
        }
        if sep == UInt8(ascii: " ") { return i == n }
        guard i < n else { return false }
        if s[i] == UInt8(ascii: "Z") { return i + 1 == n }
        guard n - i == 6, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-"), isDigit(s[i + 1]), isDigit(s[i + 2]),
              s[i + 3] == UInt8(ascii: ":"), isDigit(s[i + 4]), isDigit(s[i + 5]) else { return false }
        return true
    }

    /// YAML 1.1 base-60 floats (`1:20`), which go-yaml quotes on output:
    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`.
    static func isBase60Float(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = s.count
        var i = 0
        if i < n, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n, isDigit(s[i]) else { return false }
        i += 1
        while i < n, isDigit(s[i]) || s[i] == UInt8(ascii: "_") { i += 1 }
        var groups = 0
        while i < n, s[i] == UInt8(ascii: ":") {
            i += 1
            guard i < n, isDigit(s[i]) else { return false }
            if i + 1 < n, isDigit(s[i + 1]), s[i] <= UInt8(ascii: "5") {
                i += 2
            } else {
                i += 1
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < n, s[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, isDigit(s[i]) || s[i] == UInt8(ascii: "_") { i += 1 }
        }
        return i == n
    }

    /// Whether go-yaml would write `s` double-quoted because, unquoted, it reads as something else.
    static func needsQuotes(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        // kubectl writes "<<" plain although go-yaml resolves it to the merge tag.
        let r = resolve(s, detectTimestamps: true)
        if r != .string && r != .merge { return true }
        if s.count > 0, s[0] == UInt8(ascii: "+") || s[0] == UInt8(ascii: "-") || isDigit(s[0]),
           s.contains(UInt8(ascii: ":")) {
            return isBase60Float(s)
        }
        return false
    }
}
