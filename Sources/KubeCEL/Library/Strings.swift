import KubeModel

// String functions: the standard ones (contains, startsWith, endsWith, matches) and the extended
// strings library (charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, replace, split, substring,
// trim, join, reverse, strings.quote). Indexes count unicode code points.

extension FunctionTable {
    mutating func addStrings() {
        member("contains", cost: sizeCost) { a in
            guard case .string(let s) = a[0], case .string(let t) = a[1] else { return .error(.noOverload("contains", a)) }
            return .bool(t.isEmpty || Strings.find(Array(s.unicodeScalars), Array(t.unicodeScalars), from: 0) != nil)
        }
        member("startsWith", cost: sizeCost) { a in
            guard case .string(let s) = a[0], case .string(let t) = a[1] else { return .error(.noOverload("startsWith", a)) }
            return .bool(s.unicodeScalars.starts(with: t.unicodeScalars))
        }
        member("endsWith", cost: sizeCost) { a in
            guard case .string(let s) = a[0], case .string(let t) = a[1] else { return .error(.noOverload("endsWith", a)) }
            return .bool(s.unicodeScalars.reversed().starts(with: t.unicodeScalars.reversed()))
        }
        both("matches", cost: sizeCost) { a in
            guard case .string(let s) = a[0], case .string(let p) = a[1] else { return .error(.noOverload("matches", a)) }
            guard let r = Strings.regex(p) else { return .err("invalid regular expression: \(p)") }
            if let linear = Strings.linearRegex(p) { return .bool(linear.matches(s)) }
            return .bool((try? r.firstMatch(in: s)) != nil)
        }
        addExtendedStrings()
    }

    /// The extended strings library (cel-go's `ext.Strings`).
    mutating func addExtendedStrings() {
        member("charAt") { a in
            guard case .string(let s) = a[0], let i = Conversions.integralIndex(a[1]) else { return .error(.noOverload("charAt", a)) }
            let u = Array(s.unicodeScalars)
            guard i >= 0, i <= u.count else { return .err("index out of range: \(i)") }
            return .string(i == u.count ? "" : String(u[i]))
        }
        member("indexOf", cost: sizeCost) { a in
            guard case .string(let s) = a[0], case .string(let t) = a[1] else { return Self.listIndexOf(a, last: false) }
            if a.count > 3 { return .error(.noOverload("indexOf", a)) }
            let u = Array(s.unicodeScalars), p = Array(t.unicodeScalars)
            var from = 0
            if a.count > 2 {
                guard let f = Conversions.integralIndex(a[2]) else { return .error(.noOverload("indexOf", a)) }
                guard f >= 0, f <= u.count else { return .err("index out of range: \(f)") }
                from = f
            }
            return .int(Int64(Strings.find(u, p, from: from) ?? -1))
        }
        member("lastIndexOf", cost: sizeCost) { a in
            guard case .string(let s) = a[0], case .string(let t) = a[1] else { return Self.listIndexOf(a, last: true) }
            if a.count > 3 { return .error(.noOverload("lastIndexOf", a)) }
            let u = Array(s.unicodeScalars), p = Array(t.unicodeScalars)
            var upTo = u.count
            if a.count > 2 {
                guard let f = Conversions.integralIndex(a[2]) else { return .error(.noOverload("lastIndexOf", a)) }
                guard f >= 0, f <= u.count else { return .err("index out of range: \(f)") }
                upTo = f
            }
            if p.isEmpty { return .int(Int64(upTo)) }
            var i = min(upTo, u.count - p.count)
            while i >= 0 {
                if Array(u[i..<i + p.count]) == p { return .int(Int64(i)) }
                i -= 1
            }
            return .int(-1)
        }
        member("lowerAscii", cost: sizeCost) { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("lowerAscii", a)) }
            return .string(String(String.UnicodeScalarView(s.unicodeScalars.map { $0 >= "A" && $0 <= "Z" ? Unicode.Scalar($0.value + 32)! : $0 })))
        }
        member("upperAscii", cost: sizeCost) { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("upperAscii", a)) }
            return .string(String(String.UnicodeScalarView(s.unicodeScalars.map { $0 >= "a" && $0 <= "z" ? Unicode.Scalar($0.value - 32)! : $0 })))
        }
        member("replace", cost: sizeCost) { a in
            guard case .string(let s) = a[0], case .string(let old) = a[1], case .string(let new) = a[2] else {
                return .error(.noOverload("replace", a))
            }
            var limit = -1
            if a.count > 4 { return .error(.noOverload("replace", a)) }
            if a.count > 3 { guard case .int(let n) = a[3] else { return .error(.noOverload("replace", a)) }; limit = Int(n) }
            return .string(Strings.replace(s, old, new, limit: limit))
        }
        member("split", cost: sizeCost) { a in
            guard case .string(let s) = a[0], case .string(let sep) = a[1] else { return .error(.noOverload("split", a)) }
            var limit = -1
            if a.count > 3 { return .error(.noOverload("split", a)) }
            if a.count > 2 { guard case .int(let n) = a[2] else { return .error(.noOverload("split", a)) }; limit = Int(n) }
            return .list(Strings.split(s, sep, limit: limit).map { .string($0) })
        }
        member("substring", cost: sizeCost) { a in
            guard case .string(let s) = a[0], case .int(let b) = a[1] else { return .error(.noOverload("substring", a)) }
            let u = Array(s.unicodeScalars)
            if a.count > 3 { return .error(.noOverload("substring", a)) }
            var e = Int64(u.count)
            if a.count > 2 { guard case .int(let x) = a[2] else { return .error(.noOverload("substring", a)) }; e = x }
            guard b >= 0, b <= u.count else { return .err("index out of range: \(b)") }
            guard e >= 0, e <= u.count else { return .err("index out of range: \(e)") }
            guard b <= e else { return .err("invalid substring range. start: \(b), end: \(e)") }
            return .string(String(String.UnicodeScalarView(u[Int(b)..<Int(e)])))
        }
        member("trim", cost: sizeCost) { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("trim", a)) }
            let u = Array(s.unicodeScalars)
            var lo = 0, hi = u.count
            while lo < hi, Strings.isSpace(u[lo]) { lo += 1 }
            while hi > lo, Strings.isSpace(u[hi - 1]) { hi -= 1 }
            return .string(String(String.UnicodeScalarView(u[lo..<hi])))
        }
        member("join", cost: sizeCost) { a in
            guard case .list(let l) = a[0] else { return .error(.noOverload("join", a)) }
            var sep = ""
            if a.count > 1 { guard case .string(let s) = a[1] else { return .error(.noOverload("join", a)) }; sep = s }
            var parts: [String] = []
            for v in l { guard case .string(let s) = v else { return .error(.noOverload("join", a)) }; parts.append(s) }
            return .string(parts.joined(separator: sep))
        }
        member("reverse", cost: sizeCost) { a in
            switch a[0] {
            case .string(let s): return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
            case .list(let l): return .list(l.reversed())
            default: return .error(.noOverload("reverse", a))
            }
        }
        global("strings.quote", cost: sizeCost) { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("strings.quote", a)) }
            return .string(Strings.quote(s))
        }
    }
}

enum Strings {
    /// A compiled pattern (compiled per call: no state is shared between threads).
    static func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        try? Regex(pattern)
    }

    /// The pattern for the linear-time matcher (Go's RE2 semantics: no pattern can make matching
    /// take exponential time); nil for the few constructs it does not take, which fall back to
    /// Swift's backtracking engine.
    static func linearRegex(_ pattern: String) -> LinearRegex? {
        try? LinearRegex(pattern)
    }

    static func find(_ u: [Unicode.Scalar], _ p: [Unicode.Scalar], from: Int) -> Int? {
        if p.isEmpty { return from }
        guard u.count >= p.count else { return nil }
        var i = from
        while i + p.count <= u.count {
            if u[i] == p[0] && Array(u[i..<i + p.count]) == p { return i }
            i += 1
        }
        return nil
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

    static func replace(_ s: String, _ old: String, _ new: String, limit: Int) -> String {
        if limit == 0 { return s }
        let u = Array(s.unicodeScalars), p = Array(old.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0, n = 0
        while i <= u.count {
            if limit >= 0 && n >= limit { break }
            if p.isEmpty {
                out.append(contentsOf: new.unicodeScalars)
                if i < u.count { out.append(u[i]) }
                i += 1
                n += 1
                continue
            }
            guard let j = find(u, p, from: i) else { break }
            out.append(contentsOf: u[i..<j])
            out.append(contentsOf: new.unicodeScalars)
            i = j + p.count
            n += 1
        }
        if i < u.count { out.append(contentsOf: u[i...]) }
        return String(out)
    }

    static func split(_ s: String, _ sep: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        let u = Array(s.unicodeScalars), p = Array(sep.unicodeScalars)
        if p.isEmpty {
            var parts = u.map { String($0) }
            if limit > 0 && parts.count > limit {
                parts = Array(parts[0..<limit - 1]) + [String(String.UnicodeScalarView(u[(limit - 1)...]))]
            }
            return parts
        }
        var parts: [String] = []
        var i = 0
        while limit < 0 || parts.count < limit - 1, let j = find(u, p, from: i) {
            parts.append(String(String.UnicodeScalarView(u[i..<j])))
            i = j + p.count
        }
        parts.append(String(String.UnicodeScalarView(u[i...])))
        return parts
    }

    /// `strings.quote`: a double-quoted string with escapes.
    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
