// The type checker: resolves identifiers and fields against declared variables (Kubernetes' `self`
// and `oldSelf` typed from the schema), finds the overload of each operator and function, reports
// cel-go's messages (undeclared reference, undefined field, no matching overload), and estimates the
// worst-case cost from the schema's size bounds as Kubernetes' cost estimator does.

public struct CheckIssue: Sendable, Equatable {
    public var message: String
    public var offset: Int
}

public struct CheckResult: Sendable {
    public var type: CELType
    public var issues: [CheckIssue]
    /// Estimated worst-case cost of one evaluation.
    public var maxCost: UInt64
    /// The names of the declared variables the expression refers to.
    public var references: Set<String>
}

public final class Checker {
    let functions: FunctionTable
    let declarations: [String: SchemaType]
    var scopes: [[String: SchemaType]] = []
    var issues: [CheckIssue] = []
    var references: Set<String> = []

    struct Info {
        var t: SchemaType
        var cost: UInt64
        init(_ t: SchemaType, _ cost: UInt64) { self.t = t; self.cost = cost }
        init(_ type: CELType, _ cost: UInt64, size: UInt64 = 0) {
            t = SchemaType(type: type, maxSize: size, minSerializedSize: 1, element: [])
            self.cost = cost
        }
    }

    public init(variables: [String: SchemaType], functions: FunctionTable = .kubernetes) {
        self.declarations = variables
        self.functions = functions
    }

    public func check(_ e: Expr) -> CheckResult {
        issues = []
        references = []
        scopes = []
        let info = visit(e)
        return CheckResult(type: info.t.type, issues: issues, maxCost: info.cost, references: references)
    }

    func issue(_ message: String, _ e: Expr) { issues.append(CheckIssue(message: message, offset: e.offset)) }

    static func add(_ a: UInt64, _ b: UInt64) -> UInt64 { let (r, o) = a.addingReportingOverflow(b); return o ? .max : r }
    static func mul(_ a: UInt64, _ b: UInt64) -> UInt64 { let (r, o) = a.multipliedReportingOverflow(by: b); return o ? .max : r }
    static func factor(_ size: UInt64, _ f: Double) -> UInt64 {
        let d = (Double(size) * f).rounded(.up)
        return d >= 1.8e19 ? .max : UInt64(d)
    }

    func visit(_ e: Expr) -> Info {
        switch e.kind {
        case .literal(let v):
            return Info(Self.literalType(v), 0, size: Self.literalSize(v))
        case .ident(let name):
            for scope in scopes.reversed() { if let t = scope[name] { return Info(t, 1) } }
            if let t = declarations[name] { references.insert(name); return Info(t, 1) }
            if Interpreter.typeNames.contains(name) { return Info(.type, 1) }
            issue("undeclared reference to '\(name)' (in container '')", e)
            return Info(.dyn, 1)
        case .select(let operand, let field, let testOnly, _):
            // A declared variable whose name has dots (`authorizer.requestResource`) is found first.
            if !testOnly, let q = declaredQualifiedName(e), let t = declarations[q] {
                references.insert(q)
                return Info(t, 1)
            }
            let base = visit(operand)
            var out = selectField(base.t, field, e)
            if testOnly { out = Info(.bool, 0).t }
            return Info(out, Self.add(base.cost, 1))
        case .call(let target, let fn, let args):
            return call(target, fn, args, e)
        case .list(let elements, let optional):
            var cost: UInt64 = 10
            var types: [CELType] = []
            for (i, el) in elements.enumerated() {
                let info = visit(el)
                cost = Self.add(cost, info.cost)
                if optional.contains(i), case .optional(let t) = info.t.type { types.append(t) } else { types.append(info.t.type) }
            }
            let elem = types.dropFirst().allSatisfy { $0 == types.first } ? (types.first ?? .dyn) : .dyn
            return Info(.list(elem), cost, size: UInt64(elements.count))
        case .map(let entries):
            var cost: UInt64 = 30
            var keys: [CELType] = [], values: [CELType] = []
            for entry in entries {
                let k = visit(entry.key), v = visit(entry.value)
                cost = Self.add(cost, Self.add(k.cost, v.cost))
                keys.append(k.t.type)
                values.append(v.t.type)
            }
            let kt = keys.dropFirst().allSatisfy { $0 == keys.first } ? (keys.first ?? .dyn) : .dyn
            let vt = values.dropFirst().allSatisfy { $0 == values.first } ? (values.first ?? .dyn) : .dyn
            return Info(.map(kt, vt), cost, size: UInt64(entries.count))
        case .message(let type, _):
            issue("undeclared reference to '\(type)' (in container '')", e)
            return Info(.dyn, 40)
        case .comprehension(let c):
            return comprehension(c)
        }
    }

    func declaredQualifiedName(_ e: Expr) -> String? {
        switch e.kind {
        case .ident(let n): return scopes.contains(where: { $0[n] != nil }) ? nil : n
        case .select(let operand, let field, false, _): return declaredQualifiedName(operand).map { $0 + "." + field }
        default: return nil
        }
    }

    func selectField(_ t: SchemaType, _ field: String, _ e: Expr) -> SchemaType {
        switch t.type {
        case .object(let o):
            if let f = o.fields[field] { return f }
            issue("undefined field '\(field)'", e)
            return .dyn()
        case .map: return t.element.count == 2 ? t.element[1] : .dyn()
        case .dyn: return .dyn()
        case .optional(let inner):
            var s = selectField(SchemaType(type: inner, maxSize: t.maxSize, minSerializedSize: 1, element: t.element), field, e)
            s.type = .optional(s.type)
            return s
        default:
            issue("type '\(t.type)' does not support field selection", e)
            return .dyn()
        }
    }

    static func literalType(_ v: Value) -> CELType {
        switch v {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        default: return .dyn
        }
    }

    static func literalSize(_ v: Value) -> UInt64 {
        switch v {
        case .string(let s): return UInt64(s.unicodeScalars.count)
        case .bytes(let b): return UInt64(b.count)
        default: return 0
        }
    }

    func comprehension(_ c: Expr.Comprehension) -> Info {
        let range = visit(c.iterRange)
        // (Over a dynamic range both variables are dyn.)
        var iterType = SchemaType.dyn(), iterType2: SchemaType? = c.iterVar2 == nil ? nil : .dyn()
        switch range.t.type {
        case .list:
            iterType = range.t.element.first ?? .dyn()
            if c.iterVar2 != nil { iterType2 = iterType; iterType = Info(.int, 0).t }
        case .map:
            iterType = range.t.element.first ?? .dyn()
            if c.iterVar2 != nil { iterType2 = range.t.element.count == 2 ? range.t.element[1] : .dyn() }
        case .dyn: break
        default:
            issue("expression of type '\(range.t.type)' cannot be range of a comprehension (must be list, map, or dynamic)", c.iterRange)
        }
        let initial = visit(c.accuInit)
        scopes.append([c.accuVar: initial.t, c.iterVar: iterType])
        if let v2 = c.iterVar2, let t2 = iterType2 { scopes[scopes.count - 1][v2] = t2 }
        let cond = visit(c.loopCondition)
        var step = visit(c.loopStep)
        if case .list(.dyn) = initial.t.type, case .list = step.t.type {
            scopes[scopes.count - 1][c.accuVar] = step.t
            step = visit(c.loopStep)
        }
        scopes.removeLast()
        var accu = initial.t
        if case .list(.dyn) = initial.t.type, case .list = step.t.type { accu = step.t }
        if case .map(.dyn, .dyn) = initial.t.type, case .map = step.t.type { accu = step.t }
        accu.maxSize = max(accu.maxSize, range.t.maxSize)
        scopes.append([c.accuVar: accu])
        let result = visit(c.result)
        scopes.removeLast()
        let perIteration = Self.add(cond.cost, step.cost)
        var cost = Self.add(range.cost, initial.cost)
        cost = Self.add(cost, Self.mul(range.t.maxSize, perIteration))
        return Info(SchemaType(type: result.t.type, maxSize: result.t.maxSize, minSerializedSize: 1, element: result.t.element),
                    Self.add(cost, result.cost))
    }
}
