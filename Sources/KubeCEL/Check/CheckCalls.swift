// The checker's treatment of calls: operators (with cel-go's overloads: same-type arithmetic,
// cross-numeric ordering, parametric equality), namespaced and member functions, and their costs.

extension Checker {
    func noOverload(_ fn: String, _ recv: CELType?, _ args: [CELType], _ e: Expr) {
        let list = "(" + args.map(\.description).joined(separator: ", ") + ")"
        issue("found no matching overload for '\(fn)' applied to '\(recv.map { "\($0)." } ?? "")\(list)'", e)
    }

    func call(_ target: Expr?, _ fn: String, _ args: [Expr], _ e: Expr) -> Info {
        // `ns.fn(...)` naming a global function (sets.contains, math.greatest, optional.of, ...).
        if let target, let q = qualifiedName(target), functions.global[q + "." + fn] != nil {
            return global(q + "." + fn, args.map { visit($0) }, e)
        }
        if fn == Operators.optSelect, args.count == 2, case .literal(.string(let field)) = args[1].kind {
            let base = visit(args[0])
            var t = base.t
            if case .optional(let inner) = t.type { t.type = inner }
            var s = selectField(t, field, e)
            s.type = .optional(s.type)
            return Info(s, Self.add(base.cost, 1))
        }
        if let target {
            let recv = visit(target)
            let infos = args.map { visit($0) }
            let name = fn
            guard functions.member[name] != nil else {
                issue("undeclared reference to '\(name)' (in container '')", e)
                return Info(.dyn, 1)
            }
            guard let result = Signatures.member(name, recv.t.type, infos.map(\.t.type)) else {
                noOverload(name, recv.t.type, infos.map(\.t.type), e)
                return Info(.dyn, 1)
            }
            var t = SchemaType(type: result, maxSize: 0, minSerializedSize: 1, element: [])
            if result == recv.t.type { t = recv.t }
            if ["sum", "min", "max"].contains(name), let el = recv.t.element.first { t = el }
            let cost = infos.reduce(Self.add(recv.cost, memberCost(name, recv.t, infos.map(\.t)))) { Self.add($0, $1.cost) }
            return Info(t, cost)
        }
        return global(fn, args.map { visit($0) }, e)
    }

    func qualifiedName(_ e: Expr) -> String? {
        switch e.kind {
        case .ident(let n):
            if declarations[n] != nil || scopes.contains(where: { $0[n] != nil }) { return nil }
            return n
        case .select(let operand, let field, false, _):
            return qualifiedName(operand).map { $0 + "." + field }
        default: return nil
        }
    }

    /// Cost of a member function beyond its arguments: string and list traversals scale with size.
    func memberCost(_ name: String, _ recv: SchemaType, _ args: [SchemaType]) -> UInt64 {
        switch name {
        case "contains", "startsWith", "endsWith", "indexOf", "lastIndexOf", "lowerAscii", "upperAscii", "trim", "replace",
             "split", "substring", "charAt", "join", "reverse", "format", "isSorted", "sum", "min", "max":
            let argSize = args.map(\.maxSize).max() ?? 0
            return Self.add(1, Self.factor(Self.add(recv.maxSize, argSize), 0.1))
        case "matches", "find", "findAll":
            let regexSize = max(args.first?.maxSize ?? 1, 1)
            return Self.add(1, Self.factor(Self.mul(recv.maxSize, regexSize), 0.25))
        default:
            return 1
        }
    }

    func global(_ fn: String, _ infos: [Info], _ e: Expr) -> Info {
        let types = infos.map(\.t.type)
        let argCost = infos.reduce(UInt64(0)) { Self.add($0, $1.cost) }
        if let op = operatorResult(fn, infos, e) { return Info(op.0, Self.add(argCost, op.1)) }
        let name = fn.hasPrefix(".") ? String(fn.dropFirst()) : fn
        guard functions.global[name] != nil else {
            issue("undeclared reference to '\(name)' (in container '')", e)
            return Info(.dyn, 1)
        }
        guard let result = Signatures.global(name, types) else {
            noOverload(name, nil, types, e)
            return Info(.dyn, 1)
        }
        var t = SchemaType(type: result, maxSize: infos.first?.t.maxSize ?? 0, minSerializedSize: 1, element: [])
        if case .optional = result, let inner = infos.first?.t { t.element = inner.element; t.maxSize = inner.maxSize }
        var cost: UInt64 = 1
        if ["matches"].contains(name), infos.count == 2 {
            cost = Self.add(1, Self.factor(Self.mul(infos[0].t.maxSize, max(infos[1].t.maxSize, 1)), 0.25))
        } else if name.hasPrefix("sets.") {
            cost = Self.add(1, Self.mul(infos.first?.t.maxSize ?? 0, infos.last?.t.maxSize ?? 0))
        } else if ["size", "int", "uint", "double", "bool", "dyn", "type"].contains(name) == false {
            cost = Self.add(1, Self.factor(infos.first?.t.maxSize ?? 0, 0.1))
        }
        return Info(t, Self.add(argCost, cost))
    }

    /// The result type and cost of an operator, or nil when `fn` is not an operator.
    func operatorResult(_ fn: String, _ infos: [Info], _ e: Expr) -> (SchemaType, UInt64)? {
        let types = infos.map(\.t.type)
        func plain(_ t: CELType) -> SchemaType { SchemaType(type: t, maxSize: 0, minSerializedSize: 1, element: []) }
        func fail() -> (SchemaType, UInt64) { noOverload(fn, nil, types, e); return (plain(.dyn), 1) }
        let numeric: Set<String> = ["int", "uint", "double"]
        switch fn {
        case "_&&_", "_||_":
            return types.allSatisfy({ $0 == .bool || $0.isDyn }) ? (plain(.bool), 0) : fail()
        case "!_":
            return types.allSatisfy({ $0 == .bool || $0.isDyn }) ? (plain(.bool), 1) : fail()
        case "@not_strictly_false": return (plain(.bool), 0)
        case "_?_:_":
            guard types[0] == .bool || types[0].isDyn else { return fail() }
            if types[1] == types[2] { return (infos[1].t.maxSize >= infos[2].t.maxSize ? infos[1].t : infos[2].t, 0) }
            if types[1].isDyn || types[2].isDyn || types[1] == .null || types[2] == .null { return (plain(.dyn), 0) }
            if case .list = types[1], case .list = types[2] { return (plain(.list(.dyn)), 0) }
            if case .map = types[1], case .map = types[2] { return (plain(.map(.dyn, .dyn)), 0) }
            return fail()
        case "_==_", "_!=_":
            if !Self.comparable(types[0], types[1]) { return fail() }
            let size = min(infos[0].t.maxSize, infos[1].t.maxSize)
            return (plain(.bool), Self.add(1, Self.factor(size, 0.1)))
        case "_<_", "_<=_", "_>_", "_>=_":
            let (a, b) = (types[0], types[1])
            if a.isDyn || b.isDyn { return (plain(.bool), 1) }
            if numeric.contains(a.description) && numeric.contains(b.description) { return (plain(.bool), 1) }
            if a == b && [.string, .bytes, .bool, .timestamp, .duration].contains(a) {
                return (plain(.bool), Self.add(1, Self.factor(min(infos[0].t.maxSize, infos[1].t.maxSize), 0.1)))
            }
            return fail()
        case "_+_", "_-_", "_*_", "_/_", "_%_":
            return arithmetic(fn, infos, fail)
        case "-_":
            return [.int, .double, .duration, .dyn].contains(types[0]) ? (infos[0].t, 1) : fail()
        case "@in":
            switch types[1] {
            case .list(let el), .map(let el, _):
                if !Self.comparable(types[0], el) { return fail() }
                return (plain(.bool), Self.add(1, infos[1].t.maxSize))
            case .dyn: return (plain(.bool), 1)
            default: return fail()
            }
        case "_[_]", "_[?_]":
            let optional = fn == "_[?_]"
            var base = infos[0].t
            if case .optional(let inner) = base.type { base.type = inner }
            var out: SchemaType
            switch base.type {
            case .list:
                guard types[1] == .int || types[1] == .uint || types[1].isDyn else { return fail() }
                out = base.element.first ?? plain(.dyn)
            case .map(let k, _):
                guard Self.comparable(types[1], k) else { return fail() }
                out = base.element.count == 2 ? base.element[1] : plain(.dyn)
            case .dyn: out = plain(.dyn)
            default: return fail()
            }
            if optional { out.type = .optional(out.type) }
            return (out, 1)
        case "@mapInsert", "@mapInsertEntry":
            return (infos[0].t, 1)
        default:
            return nil
        }
    }

    func arithmetic(_ fn: String, _ infos: [Info], _ fail: () -> (SchemaType, UInt64)) -> (SchemaType, UInt64) {
        let (a, b) = (infos[0].t, infos[1].t)
        func plain(_ t: CELType) -> SchemaType { SchemaType(type: t, maxSize: 0, minSerializedSize: 1, element: []) }
        if a.type.isDyn || b.type.isDyn { return (a.type.isDyn ? b : a, 1) }
        switch (fn, a.type, b.type) {
        case (_, .int, .int), (_, .uint, .uint): return (a, 1)
        case ("_%_", _, _): return fail()
        case (_, .double, .double): return (a, 1)
        case ("_+_", .string, .string), ("_+_", .bytes, .bytes):
            return (SchemaType(type: a.type, maxSize: Self.add(a.maxSize, b.maxSize), minSerializedSize: 1, element: []),
                    Self.add(1, Self.factor(Self.add(a.maxSize, b.maxSize), 0.1)))
        case ("_+_", .list(let x), .list(let y)):
            let el: CELType = x == y ? x : (x.isDyn ? y : (y.isDyn ? x : .dyn))
            let element = b.element.isEmpty ? a.element : b.element
            return (SchemaType(type: .list(el), maxSize: Self.add(a.maxSize, b.maxSize), minSerializedSize: 1, element: element),
                    Self.add(1, Self.factor(Self.add(a.maxSize, b.maxSize), 0.1)))
        case ("_+_", .duration, .duration), ("_-_", .duration, .duration), ("_-_", .timestamp, .timestamp): return (plain(.duration), 1)
        case ("_+_", .timestamp, .duration), ("_+_", .duration, .timestamp), ("_-_", .timestamp, .duration): return (plain(.timestamp), 1)
        default: return fail()
        }
    }

    /// cel-go's `_==_(A, A)`: operands unify unless both are concrete and different.
    static func comparable(_ a: CELType, _ b: CELType) -> Bool {
        if a.isDyn || b.isDyn || a == .null || b == .null || a == b { return true }
        switch (a, b) {
        case (.list(let x), .list(let y)): return comparable(x, y)
        case (.map(let k1, let v1), .map(let k2, let v2)): return comparable(k1, k2) && comparable(v1, v2)
        case (.optional(let x), .optional(let y)): return comparable(x, y)
        case (.object, .object): return true
        case (.object, .map), (.map, .object): return true
        default: return false
        }
    }
}
