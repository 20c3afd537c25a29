// Kubernetes' lists and sets libraries: isSorted, sum, min, max, indexOf, lastIndexOf on lists;
// sets.contains, sets.equivalent, sets.intersects.

extension FunctionTable {
    mutating func addKubernetesLists() {
        member("isSorted", cost: sizeCost) { a in
            guard case .list(let l) = a[0] else { return .error(.noOverload("isSorted", a)) }
            for i in l.indices.dropFirst() {
                guard let c = Value.order(l[i - 1], l[i]) else { return .error(.noOverload("isSorted", a)) }
                if let c, c > 0 { return .bool(false) }
            }
            return .bool(true)
        }
        member("sum", cost: sizeCost) { a in
            guard case .list(let l) = a[0] else { return .error(.noOverload("sum", a)) }
            guard var acc = l.first else { return .int(0) }
            for v in l.dropFirst() {
                acc = Arithmetic.add(acc, v)
                if case .error = acc { return acc }
            }
            return acc
        }
        for (name, sign) in [("min", -1), ("max", 1)] {
            member(name, cost: sizeCost) { a in
                guard case .list(let l) = a[0] else { return .error(.noOverload(name, a)) }
                guard var best = l.first else { return .err("\(name) called on empty list") }
                for v in l.dropFirst() {
                    guard let c = Value.order(v, best) else { return .error(.noOverload(name, a)) }
                    if let c, c * sign > 0 { best = v }
                }
                return best
            }
        }
    }

    /// cel-go's sets library (`ext.Sets`).
    mutating func addSets() {
        for (name, op) in [("sets.contains", 0), ("sets.equivalent", 1), ("sets.intersects", 2)] {
            global(name, cost: sizeCost) { a in
                guard case .list(let x) = a[0], case .list(let y) = a[1] else { return .error(.noOverload(name, a)) }
                let yInX = y.allSatisfy { v in x.contains { Value.equal($0, v) } }
                switch op {
                case 0: return .bool(yInX)
                case 1: return .bool(yInX && x.allSatisfy { v in y.contains { Value.equal($0, v) } })
                default: return .bool(y.contains { v in x.contains { Value.equal($0, v) } })
                }
            }
        }
    }

    /// `list.indexOf(v)` / `list.lastIndexOf(v)` (the string forms live in the strings library).
    static func listIndexOf(_ a: [Value], last: Bool) -> Value {
        let name = last ? "lastIndexOf" : "indexOf"
        guard case .list(let l) = a[0], a.count == 2 else { return .error(.noOverload(name, a)) }
        let idx = last ? l.lastIndex { Value.equal($0, a[1]) } : l.firstIndex { Value.equal($0, a[1]) }
        return .int(Int64(idx ?? -1))
    }
}
