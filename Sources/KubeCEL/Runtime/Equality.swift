// CEL's heterogeneous equality and ordering: numbers compare by value across int, uint and double;
// values of different kinds are unequal (not an error); lists and maps compare element-wise.

enum Numeric {
    /// -1, 0, 1 comparing two numeric values exactly; nil when either is NaN or not a number.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.uint(let x), .uint(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.int(let x), .uint(let y)):
            if x < 0 { return -1 }
            return compare(.uint(UInt64(x)), .uint(y))
        case (.uint, .int): return compare(b, a).map { -$0 }
        // Like cel-go, an integer compares with a double as a double (lossy for the largest values).
        case (.int(let x), .double): return compare(.double(Double(x)), b)
        case (.double, .int(let y)): return compare(a, .double(Double(y)))
        case (.uint(let x), .double): return compare(.double(Double(x)), b)
        case (.double, .uint(let y)): return compare(a, .double(Double(y)))
        default: return nil
        }
    }

    static func isNumber(_ v: Value) -> Bool {
        switch v {
        case .int, .uint, .double: return true
        default: return false
        }
    }
}

extension Value {
    /// CEL `==`: a bool, or an error when an operand is an error.
    public static func celEquals(_ a: Value, _ b: Value) -> Value {
        if a.isErrorOrUnknown { return a }
        if b.isErrorOrUnknown { return b }
        return .bool(equal(a, b))
    }

    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.type(let x), .type(let y)): return x == y
        case (.duration(let s1, let n1), .duration(let s2, let n2)): return s1 == s2 && n1 == n2
        case (.timestamp(let s1, let n1), .timestamp(let s2, let n2)): return s1 == s2 && n1 == n2
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) where !equal(p, q) { return false }
            return true
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x.entries {
                guard let w = y.get(k), equal(v, w) else { return false }
            }
            return true
        case (.optional(let x), .optional(let y)):
            switch (x, y) {
            case (nil, nil): return true
            case (let p?, let q?): return equal(p, q)
            default: return false
            }
        case (.opaque(let x), .opaque(let y)): return x.isEqual(to: y)
        default:
            if Numeric.isNumber(a) && Numeric.isNumber(b) { return Numeric.compare(a, b) == 0 }
            return false
        }
    }

    /// Ordering for `<`, `<=`, `>`, `>=`; nil when the operands cannot be ordered (or NaN is involved).
    static func order(_ a: Value, _ b: Value) -> Int?? {
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return .some(x == y ? 0 : (!x ? -1 : 1))
        case (.string(let x), .string(let y)):
            return .some(x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : (x.utf8.elementsEqual(y.utf8) ? 0 : 1))
        case (.bytes(let x), .bytes(let y)): return .some(x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1))
        case (.duration(let s1, let n1), .duration(let s2, let n2)), (.timestamp(let s1, let n1), .timestamp(let s2, let n2)):
            return .some(s1 != s2 ? (s1 < s2 ? -1 : 1) : (n1 < n2 ? -1 : (n1 > n2 ? 1 : 0)))
        default:
            if Numeric.isNumber(a) && Numeric.isNumber(b) { return .some(Numeric.compare(a, b)) }
            return nil
        }
    }
}
