// Kubernetes' quantity library: `quantity("1.5Gi")`, `isQuantity`, comparisons, arithmetic and
// conversions on resource.Quantity values.

import KubeModel

struct QuantityValue: OpaqueValue {
    var q: Quantity
    var celTypeName: String { "kubernetes.Quantity" }
    func isEqual(to other: any OpaqueValue) -> Bool { (other as? QuantityValue).map { $0.q == q } ?? false }
}

extension FunctionTable {
    mutating func addKubernetesQuantity() {
        global("quantity") { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("quantity", a)) }
            guard let q = try? Quantity.parse(s) else { return .err("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'") }
            return .opaque(QuantityValue(q: q))
        }
        global("isQuantity") { a in
            guard case .string(let s) = a[0] else { return .error(.noOverload("isQuantity", a)) }
            return .bool((try? Quantity.parse(s)) != nil)
        }
        func q(_ v: Value) -> Quantity? { if case .opaque(let o) = v, let x = o as? QuantityValue { return x.q }; return nil }
        func operand(_ v: Value) -> Quantity? {
            if let x = q(v) { return x }
            if case .int(let i) = v { return Quantity(i) }
            return nil
        }
        member("sign") { a in
            guard let x = q(a[0]) else { return .error(.noOverload("sign", a)) }
            return .int(Int64(x.sign))
        }
        member("isGreaterThan") { a in
            guard let x = q(a[0]), let y = q(a[1]) else { return .error(.noOverload("isGreaterThan", a)) }
            return .bool(x.compare(y) > 0)
        }
        member("isLessThan") { a in
            guard let x = q(a[0]), let y = q(a[1]) else { return .error(.noOverload("isLessThan", a)) }
            return .bool(x.compare(y) < 0)
        }
        member("compareTo") { a in
            guard let x = q(a[0]), let y = q(a[1]) else { return .error(.noOverload("compareTo", a)) }
            return .int(Int64(x.compare(y)))
        }
        member("add") { a in
            guard let x = q(a[0]), let y = operand(a[1]) else { return .error(.noOverload("add", a)) }
            return .opaque(QuantityValue(q: x + y))
        }
        member("sub") { a in
            guard let x = q(a[0]), let y = operand(a[1]) else { return .error(.noOverload("sub", a)) }
            return .opaque(QuantityValue(q: x - y))
        }
        member("isInteger") { a in
            guard let x = q(a[0]) else { return .error(.noOverload("isInteger", a)) }
            return .bool(Self.quantityInteger(x) != nil)
        }
        member("asInteger") { a in
            guard let x = q(a[0]) else { return .error(.noOverload("asInteger", a)) }
            guard let i = Self.quantityInteger(x) else { return .err("cannot convert value to integer") }
            return .int(i)
        }
        member("asApproximateFloat") { a in
            guard let x = q(a[0]) else { return .error(.noOverload("asApproximateFloat", a)) }
            return .double(x.doubleValue)
        }
    }

    /// The quantity as an int64 when it is a whole number in range.
    static func quantityInteger(_ x: Quantity) -> Int64? {
        let d = x.doubleValue
        guard d.isFinite, abs(d) < 9.2e18 else { return nil }
        let i = x.value
        return Quantity(i).compare(x) == 0 ? i : nil
    }
}
