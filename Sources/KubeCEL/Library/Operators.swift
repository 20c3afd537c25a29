// The operators of CEL's standard library: equality, ordering, arithmetic with overflow errors,
// indexing, membership, logical not, and `size`.

extension FunctionTable {
    mutating func addOperators() {
        global("_==_") { Value.celEquals($0[0], $0[1]) }
        global("_!=_") { a in
            if case .bool(let b) = Value.celEquals(a[0], a[1]) { return .bool(!b) }
            return Value.celEquals(a[0], a[1])
        }
        for (op, test) in [("_<_", { (c: Int) in c < 0 }), ("_<=_", { $0 <= 0 }), ("_>_", { $0 > 0 }), ("_>=_", { $0 >= 0 })] {
            global(op) { a in
                guard let c = Value.order(a[0], a[1]) else { return .error(.noOverload(op, a)) }
                guard let c else { return .bool(false) }  // NaN
                return .bool(test(c))
            }
        }
        global("_+_", cost: sizeCost) { Arithmetic.add($0[0], $0[1]) }
        global("_-_") { Arithmetic.subtract($0[0], $0[1]) }
        global("_*_") { Arithmetic.multiply($0[0], $0[1]) }
        global("_/_") { Arithmetic.divide($0[0], $0[1]) }
        global("_%_") { Arithmetic.modulo($0[0], $0[1]) }
        global("-_") { a in
            switch a[0] {
            case .int(let i): return i == Int64.min ? .err("integer overflow") : .int(-i)
            case .double(let d): return .double(-d)
            case .duration(let s, let n): return .duration(seconds: -s, nanos: -n)
            default: return .error(.noOverload("-_", a))
            }
        }
        global("!_") { a in
            if case .bool(let b) = a[0] { return .bool(!b) }
            return .error(.noOverload("!_", a))
        }
        global("_[_]") { Self.index($0[0], $0[1]) }
        global("_[?_]") { a in
            switch a[0] {
            case .optional(nil): return .optional(nil)
            case .optional(let inner?): return Self.optionalIndex(inner, a[1])
            default: return Self.optionalIndex(a[0], a[1])
            }
        }
        global("@in", cost: sizeCost) { a in
            switch a[1] {
            case .list(let l): return .bool(l.contains { Value.equal($0, a[0]) })
            case .map(let m): return .bool(m.get(a[0]) != nil)
            default: return .error(.noOverload("@in", a))
            }
        }
        both("size") { a in
            switch a[0] {
            case .string(let s): return .int(Int64(s.unicodeScalars.count))
            case .bytes(let b): return .int(Int64(b.count))
            case .list(let l): return .int(Int64(l.count))
            case .map(let m): return .int(Int64(m.count))
            default: return .error(.noOverload("size", a))
            }
        }
        global("@mapInsert") { a in
            guard case .map(var m) = a[0] else { return .error(.noOverload("@mapInsert", a)) }
            if a.count == 3 {
                guard MapKey(a[1]) != nil else { return .err("unsupported key type") }
                if !m.insert(a[1], a[2]) { return .err("insert failed: key \(a[1]) already exists") }
            }
            return .map(m)
        }
        global("@mapInsertEntry") { a in
            guard case .map(var m) = a[0], case .map(let add) = a[1] else { return .error(.noOverload("@mapInsertEntry", a)) }
            for (k, v) in add.entries where !m.insert(k, v) { return .err("insert failed: key \(k) already exists") }
            return .map(m)
        }
    }

    static func index(_ container: Value, _ key: Value) -> Value {
        switch container {
        case .list(let l):
            let i: Int64
            switch key {
            case .int(let x): i = x
            case .uint(let x): i = x > UInt64(Int64.max) ? -1 : Int64(x)
            case .double(let d):
                guard d == d.rounded(), abs(d) < 9e18 else { return .err("unsupported index value") }
                i = Int64(d)
            default: return .error(.noOverload("_[_]", [container, key]))
            }
            guard i >= 0, i < l.count else { return .err("index out of bounds: \(i)") }
            return l[Int(i)]
        case .map(let m):
            switch key {
            case .bool, .int, .uint, .string, .double: break
            default: return .error(.noOverload("_[_]", [container, key]))
            }
            return m.get(key) ?? .err("no such key: \(Format.display(key))")
        case .optional(let inner):
            guard let inner else { return .optional(nil) }
            return optionalIndex(inner, key)
        default:
            return .error(.noOverload("_[_]", [container, key]))
        }
    }

    static func optionalIndex(_ container: Value, _ key: Value) -> Value {
        switch container {
        case .list(let l):
            guard let i = Conversions.integralIndex(key) else { return .error(.noOverload("_[?_]", [container, key])) }
            return i >= 0 && i < l.count ? .optional(l[i]) : .optional(nil)
        case .map(let m):
            return .optional(m.get(key))
        default:
            return .error(.noOverload("_[?_]", [container, key]))
        }
    }
}

enum Arithmetic {
    static func add(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .err("integer overflow") : .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .err("unsigned integer overflow") : .uint(r)
        case (.double(let x), .double(let y)): return .double(x + y)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.bytes(let x), .bytes(let y)): return .bytes(x + y)
        case (.list(let x), .list(let y)): return .list(x + y)
        case (.duration, .duration), (.timestamp, .duration), (.duration, .timestamp):
            return TimeValues.add(a, b)
        default: return .error(.noOverload("_+_", [a, b]))
        }
    }

    static func subtract(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .err("integer overflow") : .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .err("unsigned integer overflow") : .uint(r)
        case (.double(let x), .double(let y)): return .double(x - y)
        case (.duration, .duration), (.timestamp, .duration), (.timestamp, .timestamp):
            return TimeValues.subtract(a, b)
        default: return .error(.noOverload("_-_", [a, b]))
        }
    }

    static func multiply(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .err("integer overflow") : .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .err("unsigned integer overflow") : .uint(r)
        case (.double(let x), .double(let y)): return .double(x * y)
        default: return .error(.noOverload("_*_", [a, b]))
        }
    }

    static func divide(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { return .err("divide by zero") }
            if x == Int64.min && y == -1 { return .err("integer overflow") }
            return .int(x / y)
        case (.uint(let x), .uint(let y)):
            return y == 0 ? .err("divide by zero") : .uint(x / y)
        case (.double(let x), .double(let y)): return .double(x / y)
        default: return .error(.noOverload("_/_", [a, b]))
        }
    }

    static func modulo(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { return .err("modulus by zero") }
            if x == Int64.min && y == -1 { return .err("integer overflow") }
            return .int(x % y)
        case (.uint(let x), .uint(let y)):
            return y == 0 ? .err("modulus by zero") : .uint(x % y)
        default: return .error(.noOverload("_%_", [a, b]))
        }
    }
}
