// The math extension library: greatest/least over numbers (mixed types, lists), rounding, sign,
// abs with overflow errors, classification of doubles, and bit operations.

extension FunctionTable {
    mutating func addMath() {
        for (name, wantGreater) in [("math.greatest", true), ("math.least", false)] {
            global(name) { a in
                var items = a
                if a.count == 1, case .list(let l) = a[0] { items = l }
                guard let first = items.first else { return .err("\(name)(): list must not be empty") }
                var best = first
                for v in items {
                    guard let c = Numeric.compare(v, best) ?? (Numeric.isNumber(v) ? 0 : nil) else { return .error(.noOverload(name, a)) }
                    if wantGreater ? c > 0 : c < 0 { best = v }
                }
                return Numeric.isNumber(best) ? best : .error(.noOverload(name, a))
            }
        }
        func double(_ name: String, _ f: @escaping (Double) -> Value) {
            global("math." + name) { a in
                guard case .double(let d) = a[0] else { return .error(.noOverload("math." + name, a)) }
                return f(d)
            }
        }
        double("ceil") { .double($0.rounded(.up)) }
        double("floor") { .double($0.rounded(.down)) }
        double("round") { .double($0.rounded(.toNearestOrAwayFromZero)) }
        double("trunc") { .double($0.rounded(.towardZero)) }
        double("isInf") { .bool($0.isInfinite) }
        double("isNaN") { .bool($0.isNaN) }
        double("isFinite") { .bool($0.isFinite) }
        double("sqrt") { .double($0.squareRoot()) }
        global("math.abs") { a in
            switch a[0] {
            case .int(let i): return i == Int64.min ? .err("integer overflow") : .int(abs(i))
            case .uint: return a[0]
            case .double(let d): return .double(abs(d))
            default: return .error(.noOverload("math.abs", a))
            }
        }
        global("math.sign") { a in
            switch a[0] {
            case .int(let i): return .int(i.signum())
            case .uint(let u): return .uint(u == 0 ? 0 : 1)
            case .double(let d): return .double(d.isNaN ? d : (d > 0 ? 1 : (d < 0 ? -1 : 0)))
            default: return .error(.noOverload("math.sign", a))
            }
        }
        func bits(_ name: String, _ fi: @escaping (Int64, Int64) -> Int64, _ fu: @escaping (UInt64, UInt64) -> UInt64) {
            global("math." + name) { a in
                switch (a[0], a[1]) {
                case (.int(let x), .int(let y)): return .int(fi(x, y))
                case (.uint(let x), .uint(let y)): return .uint(fu(x, y))
                default: return .error(.noOverload("math." + name, a))
                }
            }
        }
        bits("bitAnd", { $0 & $1 }, { $0 & $1 })
        bits("bitOr", { $0 | $1 }, { $0 | $1 })
        bits("bitXor", { $0 ^ $1 }, { $0 ^ $1 })
        global("math.bitNot") { a in
            switch a[0] {
            case .int(let x): return .int(~x)
            case .uint(let x): return .uint(~x)
            default: return .error(.noOverload("math.bitNot", a))
            }
        }
        for (name, left) in [("math.bitShiftLeft", true), ("math.bitShiftRight", false)] {
            global(name) { a in
                guard case .int(let n) = a[1] else { return .error(.noOverload(name, a)) }
                if n < 0 { return .err("\(name)() negative offset: \(n)") }
                switch a[0] {
                case .int(let x):
                    if n > 63 { return .int(0) }
                    return .int(left ? x << n : Int64(bitPattern: UInt64(bitPattern: x) >> UInt64(n)))
                case .uint(let x):
                    if n > 63 { return .uint(0) }
                    return .uint(left ? x << UInt64(n) : x >> UInt64(n))
                default: return .error(.noOverload(name, a))
                }
            }
        }
    }

    mutating func addOptionals() {
        global("optional.of") { .optional($0[0]) }
        global("optional.none") { _ in .optional(nil) }
        global("optional.ofNonZeroValue") { a in
            switch a[0] {
            case .null, .bool(false), .int(0), .uint(0): return .optional(nil)
            case .double(let d) where d == 0: return .optional(nil)
            case .string(let s) where s.isEmpty: return .optional(nil)
            case .bytes(let b) where b.isEmpty: return .optional(nil)
            case .list(let l) where l.isEmpty: return .optional(nil)
            case .map(let m) where m.count == 0: return .optional(nil)
            case .duration(0, 0), .timestamp(0, 0): return .optional(nil)
            default: return .optional(a[0])
            }
        }
        member("hasValue") { a in
            guard case .optional(let v) = a[0] else { return .error(.noOverload("hasValue", a)) }
            return .bool(v != nil)
        }
        member("value") { a in
            guard case .optional(let v) = a[0] else { return .error(.noOverload("value", a)) }
            return v ?? .err("optional.none() dereference")
        }
        member("or") { a in
            guard case .optional(let v) = a[0], case .optional = a[1] else { return .error(.noOverload("or", a)) }
            return v != nil ? a[0] : a[1]
        }
        member("orValue") { a in
            guard case .optional(let v) = a[0] else { return .error(.noOverload("orValue", a)) }
            return v ?? a[1]
        }
    }
}
