// Macro expansion at parse time, as cel-go expands them: has(), all/exists/exists_one/map/filter
// (one and two iteration variables), transformList/transformMap, cel.bind and optMap/optFlatMap.
// The two-variable forms and cel.bind exist only when the parser's features include them.

extension Parser {
    static let accu = "@result"

    mutating func expandMacro(_ at: Int, _ name: String, target: Expr?, args: [Expr]) throws -> Expr? {
        if target == nil {
            if name == "has" && args.count == 1 {
                guard case .select(let operand, let field, false, false) = args[0].kind else {
                    throw error("invalid argument to has() macro", at: args.first?.offset ?? at)
                }
                return make(at, .select(operand: operand, field: field, testOnly: true, optional: false))
            }
            return nil
        }
        guard let target else { return nil }
        if case .ident("cel") = target.kind, name == "bind", args.count == 3, features.contains(.bindings) {
            let v = try iterName(args[0])
            return comprehension(at, iter: "#unused", range: make(at, .list(elements: [], optionalIndices: [])),
                                 accu: v, initial: args[1], cond: lit(at, .bool(false)), step: make(at, .ident(v)), result: args[2])
        }
        switch (name, args.count) {
        case ("all", 2), ("exists", 2), ("exists_one", 2), ("map", 2), ("map", 3), ("filter", 2):
            return try oneVar(at, name, target, args)
        case ("all", 3), ("exists", 3), ("existsOne", 3), ("exists_one", 3), ("transformList", 3), ("transformList", 4),
             ("transformMap", 3), ("transformMap", 4), ("transformMapEntry", 3), ("transformMapEntry", 4):
            // Without the extension these are plain calls of functions nobody declares.
            guard features.contains(.twoVariableComprehensions) else { return nil }
            return try twoVar(at, name, target, args)
        case ("optMap", 2), ("optFlatMap", 2) where features.contains(.optionalSyntax):
            let v = try iterName(args[0])
            let value = call(at, "value", [], target: target)
            let inner = comprehension(at, iter: "#unused", range: make(at, .list(elements: [], optionalIndices: [])),
                                      accu: v, initial: value, cond: lit(at, .bool(false)), step: make(at, .ident(v)), result: args[1])
            let then = name == "optMap" ? call(at, "optional.of", [inner]) : inner
            return call(at, Operators.conditional, [call(at, "hasValue", [], target: target), then, call(at, "optional.none", [])])
        default:
            return nil
        }
    }

    func iterName(_ e: Expr) throws -> String {
        guard case .ident(let v) = e.kind, !v.hasPrefix(".") else { throw error("argument must be a simple name", at: e.offset) }
        return v
    }

    mutating func lit(_ at: Int, _ v: Value) -> Expr { make(at, .literal(v)) }
    mutating func accuRef(_ at: Int) -> Expr { make(at, .ident(Self.accu)) }

    mutating func comprehension(_ at: Int, iter: String, iter2: String? = nil, range: Expr, accu: String, initial: Expr,
                                cond: Expr, step: Expr, result: Expr) -> Expr {
        make(at, .comprehension(.init(iterVar: iter, iterVar2: iter2, iterRange: range, accuVar: accu, accuInit: initial,
                                      loopCondition: cond, loopStep: step, result: result)))
    }

    mutating func oneVar(_ at: Int, _ name: String, _ target: Expr, _ args: [Expr]) throws -> Expr {
        let v = try iterName(args[0])
        if v == Self.accu { throw error("iteration variable overwrites accumulator variable", at: args[0].offset) }
        return try build(at, name, target, iter: v, iter2: nil, args: Array(args.dropFirst()))
    }

    mutating func twoVar(_ at: Int, _ name: String, _ target: Expr, _ args: [Expr]) throws -> Expr {
        let k = try iterName(args[0]), v = try iterName(args[1])
        if k == v { throw error("duplicate variable name: \(k)", at: args[1].offset) }
        if k == Self.accu || v == Self.accu { throw error("iteration variable overwrites accumulator variable", at: args[0].offset) }
        return try build(at, name, target, iter: k, iter2: v, args: Array(args.dropFirst(2)))
    }

    /// The comprehension of one macro; `args` are the macro's expressions after the variable names.
    mutating func build(_ at: Int, _ name: String, _ target: Expr, iter: String, iter2: String?, args: [Expr]) throws -> Expr {
        let a = Self.accu
        func cmp(_ initial: Expr, _ cond: Expr, _ step: Expr, _ result: Expr) -> Expr {
            comprehension(at, iter: iter, iter2: iter2, range: target, accu: a, initial: initial, cond: cond, step: step, result: result)
        }
        let emptyList = make(at, .list(elements: [], optionalIndices: []))
        switch name {
        case "all":
            return cmp(lit(at, .bool(true)), call(at, Operators.notStrictlyFalse, [accuRef(at)]),
                       call(at, Operators.logicalAnd, [accuRef(at), args[0]]), accuRef(at))
        case "exists":
            return cmp(lit(at, .bool(false)), call(at, Operators.notStrictlyFalse, [call(at, Operators.logicalNot, [accuRef(at)])]),
                       call(at, Operators.logicalOr, [accuRef(at), args[0]]), accuRef(at))
        case "exists_one", "existsOne":
            let inc = call(at, "_+_", [accuRef(at), lit(at, .int(1))])
            return cmp(lit(at, .int(0)), lit(at, .bool(true)), call(at, Operators.conditional, [args[0], inc, accuRef(at)]),
                       call(at, "_==_", [accuRef(at), lit(at, .int(1))]))
        case "map", "transformList":
            let transform = args.count == 2 ? args[1] : args[0]
            let add = call(at, "_+_", [accuRef(at), make(at, .list(elements: [transform], optionalIndices: []))])
            let step = args.count == 2 ? call(at, Operators.conditional, [args[0], add, accuRef(at)]) : add
            return cmp(emptyList, lit(at, .bool(true)), step, accuRef(at))
        case "filter":
            let add = call(at, "_+_", [accuRef(at), make(at, .list(elements: [make(at, .ident(iter))], optionalIndices: []))])
            return cmp(emptyList, lit(at, .bool(true)), call(at, Operators.conditional, [args[0], add, accuRef(at)]), accuRef(at))
        case "transformMap", "transformMapEntry":
            let transform = args.count == 2 ? args[1] : args[0]
            let fn = name == "transformMap" ? "@mapInsert" : "@mapInsertEntry"
            let add = name == "transformMap" ? call(at, fn, [accuRef(at), make(at, .ident(iter)), transform])
                : call(at, fn, [accuRef(at), transform])
            let step = args.count == 2 ? call(at, Operators.conditional, [args[0], add, accuRef(at)]) : add
            return cmp(make(at, .map(entries: [])), lit(at, .bool(true)), step, accuRef(at))
        default:
            throw error("unknown macro \(name)")
        }
    }
}
