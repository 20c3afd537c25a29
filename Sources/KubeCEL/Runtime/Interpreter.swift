// Evaluation of a parsed expression: variables (with container-qualified names), field selection,
// short-circuit logic that absorbs errors and unknowns commutatively, comprehensions, literals,
// and calls through the function table. Cost is counted as it goes and checked against a limit.

/// Variables visible to an expression.
public struct Activation: Sendable {
    public var variables: [String: Value]
    /// Names tried for an identifier `x` in container `a.b`: `a.b.x`, `a.x`, `x`.
    public var container: String

    public init(_ variables: [String: Value] = [:], container: String = "") {
        self.variables = variables
        self.container = container
    }

    func resolve(_ name: String) -> Value? {
        if name.hasPrefix(".") { return variables[String(name.dropFirst())] }
        var prefix = container
        while !prefix.isEmpty {
            if let v = variables[prefix + "." + name] { return v }
            if let dot = prefix.lastIndex(of: ".") { prefix = String(prefix[..<dot]) } else { prefix = "" }
        }
        return variables[name]
    }
}

public final class Interpreter {
    public let functions: FunctionTable
    public var costLimit: Int?
    public private(set) var cost = 0
    var exceeded = false
    var locals: [String: Value] = [:]
    var activation = Activation()

    public static let costExceeded = "operation cancelled: actual cost limit exceeded"
    static let typeNames: Set<String> = ["int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type",
                                         "google.protobuf.Duration", "google.protobuf.Timestamp", "optional_type"]

    public init(functions: FunctionTable = .standard, costLimit: Int? = nil) {
        self.functions = functions
        self.costLimit = costLimit
    }

    public func evaluate(_ e: Expr, _ activation: Activation) -> Value {
        self.activation = activation
        locals = [:]
        cost = 0
        exceeded = false
        return eval(e)
    }

    @inline(__always) func charge(_ n: Int) {
        cost += n
        if let limit = costLimit, cost > limit { exceeded = true }
    }

    func eval(_ e: Expr) -> Value {
        if exceeded { return .err(Self.costExceeded) }
        charge(1)
        switch e.kind {
        case .literal(let v):
            return v
        case .ident(let name):
            return lookup(name)
        case .select(let operand, let field, let testOnly, _):
            return select(operand, field, testOnly: testOnly)
        case .call(let target, let fn, let args):
            return call(target, fn, args, e)
        case .list(let elements, let optional):
            var out: [Value] = []
            out.reserveCapacity(elements.count)
            for (i, el) in elements.enumerated() {
                let v = eval(el)
                if v.isErrorOrUnknown { return v }
                if optional.contains(i) {
                    guard case .optional(let inner) = v else { return .err("no such overload: optional element") }
                    if let inner { out.append(inner) }
                } else {
                    out.append(v)
                }
            }
            return .list(out)
        case .map(let entries):
            var m = CELMap()
            for entry in entries {
                let k = eval(entry.key)
                if k.isErrorOrUnknown { return k }
                var v = eval(entry.value)
                if v.isErrorOrUnknown { return v }
                if entry.optional {
                    guard case .optional(let inner) = v else { return .err("no such overload: optional entry") }
                    guard let inner else { continue }
                    v = inner
                }
                guard MapKey(k) != nil else { return .err("unsupported key type: \(k.typeName)") }
                if !m.insert(k, v) { return .err("Failed with repeated key") }
            }
            return .map(m)
        case .message(let type, _):
            return .err("unknown type: \(type)")
        case .comprehension(let c):
            return comprehension(c)
        }
    }

    func lookup(_ name: String) -> Value {
        if let v = locals[name] { return v }
        if let v = activation.resolve(name) { return v }
        let bare = name.hasPrefix(".") ? String(name.dropFirst()) : name
        if Self.typeNames.contains(bare) { return .type(bare) }
        if let t = functions.typeValues[bare] { return t }
        return .err("undeclared reference to '\(bare)' (in container '\(activation.container)')")
    }

    /// The dotted name of a chain of plain selections on an identifier (`a.b.c`), if it is one.
    func qualifiedName(_ e: Expr) -> String? {
        switch e.kind {
        case .ident(let n): return locals[n] == nil ? n : nil
        case .select(let operand, let field, false, _):
            guard let base = qualifiedName(operand) else { return nil }
            return base + "." + field
        default: return nil
        }
    }

    func select(_ operand: Expr, _ field: String, testOnly: Bool) -> Value {
        if !testOnly, let q = qualifiedName(operand) {
            let full = q + "." + field
            if let v = activation.resolve(full) { return v }
            if Self.typeNames.contains(full) { return .type(full) }
        }
        let base = eval(operand)
        return Self.selectField(base, field, testOnly: testOnly)
    }

    static func selectField(_ base: Value, _ field: String, testOnly: Bool) -> Value {
        switch base {
        case .map(let m):
            // Property names that are not CEL identifiers are selected by their escaped form.
            let value = m[field] ?? (field.contains("__") ? m[CELNames.unescape(field)] : nil)
            if testOnly { return .bool(value != nil) }
            return value ?? .err("no such key: \(field)")
        case .optional(let inner):
            guard let inner else { return testOnly ? .bool(false) : .optional(nil) }
            if case .map(let m) = inner {
                if testOnly { return .bool(m[field] != nil) }
                return .optional(m[field])
            }
            return .err("no such overload: optional field selection on \(inner.typeName)")
        case .error, .unknown:
            return base
        default:
            return .err("type '\(base.typeName)' does not support field selection")
        }
    }

    func call(_ target: Expr?, _ fn: String, _ args: [Expr], _ e: Expr) -> Value {
        switch fn {
        case Operators.logicalAnd, Operators.logicalOr:
            return logical(fn == Operators.logicalAnd, args)
        case Operators.conditional:
            let c = eval(args[0])
            switch c {
            case .bool(let b): return eval(args[b ? 1 : 2])
            case .error, .unknown: return c
            default: return .err("no such overload: _?_:_(\(c.typeName), ...)")
            }
        case Operators.notStrictlyFalse:
            if case .bool(false) = eval(args[0]) { return .bool(false) }
            return .bool(true)
        case Operators.optSelect:
            let base = eval(args[0])
            guard case .literal(.string(let field)) = args[1].kind else { return .err("invalid optional select") }
            if case .optional = base { return Self.selectField(base, field, testOnly: false) }
            if case .map(let m) = base { return .optional(m[field]) }
            return base.isErrorOrUnknown ? base : .err("no such overload: _?._(\(base.typeName))")
        default:
            break
        }
        // `ns.fn(...)`: a namespaced global function rather than a member call.
        if let target, let q = qualifiedName(target), activation.resolve(q) == nil,
           let f = functions.global[q + "." + fn] {
            return apply(f, fn, args.map { eval($0) })
        }
        var values: [Value] = []
        values.reserveCapacity(args.count + 1)
        if let target { values.append(eval(target)) }
        for a in args { values.append(eval(a)) }
        let table = target == nil ? functions.global : functions.member
        let name = fn.hasPrefix(".") ? String(fn.dropFirst()) : fn
        guard let f = table[name] ?? (target == nil ? functions.global[qualifiedFunction(name)] : nil) else {
            if let bad = values.first(where: \.isErrorOrUnknown) { return bad }
            return .err("no such overload: \(name)")
        }
        return apply(f, name, values)
    }

    func qualifiedFunction(_ name: String) -> String {
        var prefix = activation.container
        while !prefix.isEmpty {
            if functions.global[prefix + "." + name] != nil { return prefix + "." + name }
            if let dot = prefix.lastIndex(of: ".") { prefix = String(prefix[..<dot]) } else { prefix = "" }
        }
        return name
    }

    func apply(_ f: Function, _ name: String, _ values: [Value]) -> Value {
        if !f.nonStrict {
            var unknowns: [Int] = []
            for v in values {
                if case .error = v { return v }
                if case .unknown(let ids) = v { unknowns += ids }
            }
            if !unknowns.isEmpty { return .unknown(unknowns) }
        }
        charge(f.cost(values))
        if exceeded { return .err(Self.costExceeded) }
        return f.body(values)
    }

    func logical(_ isAnd: Bool, _ args: [Expr]) -> Value {
        let l = eval(args[0])
        if case .bool(let b) = l, b != isAnd { return l }
        let r = eval(args[1])
        if case .bool(let b) = r, b != isAnd { return r }
        if case .bool = l, case .bool = r { return .bool(isAnd) }
        if case .unknown(let a) = l, case .unknown(let b) = r { return .unknown(a + b) }
        if case .unknown = l { return l }
        if case .unknown = r { return r }
        if case .error = l { return l }
        if case .error = r { return r }
        let name = isAnd ? "_&&_" : "_||_"
        return .err("no such overload: \(name)(\(l.typeName), \(r.typeName))")
    }

    func comprehension(_ c: Expr.Comprehension) -> Value {
        let range = eval(c.iterRange)
        var items: [(Value, Value?)] = []
        switch range {
        case .list(let l):
            items = l.enumerated().map { c.iterVar2 == nil ? ($0.element, nil) : (.int(Int64($0.offset)), $0.element) }
        case .map(let m):
            items = m.entries.map { c.iterVar2 == nil ? ($0.key, nil) : ($0.key, $0.value) }
        case .error, .unknown:
            return range
        default:
            return .err("expression of type '\(range.typeName)' cannot be range of a comprehension (must be list, map, or dynamic)")
        }
        let saved = locals
        defer { locals = saved }
        locals[c.accuVar] = eval(c.accuInit)
        for (a, b) in items {
            if exceeded { return .err(Self.costExceeded) }
            locals[c.iterVar] = a
            if let v2 = c.iterVar2 { locals[v2] = b }
            if case .bool(false) = eval(c.loopCondition) { break }
            locals[c.accuVar] = eval(c.loopStep)
        }
        let accu = locals[c.accuVar]
        locals = saved
        locals[c.accuVar] = accu
        return eval(c.result)
    }
}
