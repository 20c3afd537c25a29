import KubeModel

struct GTExecError: Error { var message: String }

private enum GTFlow: Error { case breakLoop, continueLoop }

/// Parameter types of the builtin functions, as far as argument evaluation cares.
enum GTParam { case value, any, string }

private enum GTAt {
    case node(GTNode)
    case cmd(GTCommand)
    case pipe(GTPipe)
    var pos: Int {
        switch self {
        case .node(let n): return n.pos
        case .cmd(let c): return c.pos
        case .pipe(let p): return p.pos
        }
    }
    var description: String {
        switch self {
        case .node(let n): return n.description
        case .cmd(let c): return c.description
        case .pipe(let p): return p.description
        }
    }
}

/// Resource limits for one execution (Go has none beyond a template depth of 100000; ours are
/// lower so that no template can exhaust the stack, the memory or the clock).
struct GTLimits {
    var maxTemplateDepth = 200
    var maxSteps = 5_000_000
    var maxOutputBytes = 64 << 20
}

final class GTState {
    let templates: [String: GTNode]
    let text: [UInt8]
    let parseName: String
    var tmplName: String
    var vars: [(String, GV)] = []
    private var at: GTAt? = nil
    var out: [UInt8] = []
    let missingKeyError: Bool
    var depth = 0
    var steps = 0
    let limits: GTLimits
    var functions: [String: GoTemplateFunction] = [:]
    /// Streaming (`GoTemplate.executeStreaming`): the `{{range .items}}` nodes whose items come from
    /// `streamItems` one at a time, and where output goes in pieces instead of piling up in `out`.
    var streamRanges: Set<ObjectIdentifier> = []
    var streamItems: (((JSONValue) throws -> Void) throws -> Void)? = nil
    var sink: (([UInt8]) -> Void)? = nil

    init(templates: [String: GTNode], text: [UInt8], parseName: String, name: String, missingKeyError: Bool,
         limits: GTLimits) {
        self.templates = templates
        self.text = text
        self.parseName = parseName
        self.tmplName = name
        self.missingKeyError = missingKeyError
        self.limits = limits
    }

    // MARK: errors and bookkeeping

    private func setAt(_ a: GTAt) { at = a }
    private func atNode(_ n: GTNode) { at = .node(n) }

    func errorf(_ msg: String) -> GTExecError {
        guard let at = at else {
            return GTExecError(message: "template: \(tmplName): \(msg)")
        }
        let pos = min(at.pos, text.count)
        var lastNL = -1
        var lines = 1
        for i in 0..<pos where text[i] == 0x0A { lastNL = i; lines += 1 }
        let col = lastNL < 0 ? pos : pos - (lastNL + 1)
        return GTExecError(message:
            "template: \(parseName):\(lines):\(col): executing \(strconvQuote(tmplName)) at <\(at.description)>: \(msg)")
    }

    private func step() throws {
        steps += 1
        if steps > limits.maxSteps { throw errorf("execution limit exceeded") }
    }

    private func write(_ s: String) throws {
        out.append(contentsOf: s.utf8)
        if let sink {
            if out.count >= 1 << 16 { sink(out); out.removeAll(keepingCapacity: true) }
        } else if out.count > limits.maxOutputBytes {
            throw errorf("output limit exceeded")
        }
    }

    private func mark() -> Int { vars.count }
    private func pop(_ m: Int) { if vars.count > m { vars.removeLast(vars.count - m) } }
    private func push(_ name: String, _ v: GV) { vars.append((name, v)) }

    private func setVar(_ name: String, _ v: GV) throws {
        for i in stride(from: vars.count - 1, through: 0, by: -1) where vars[i].0 == name {
            vars[i].1 = v
            return
        }
        throw errorf("undefined variable: \(name)")
    }
    private func setTopVar(_ n: Int, _ v: GV) { vars[vars.count - n].1 = v }
    private func varValue(_ name: String) throws -> GV {
        for i in stride(from: vars.count - 1, through: 0, by: -1) where vars[i].0 == name { return vars[i].1 }
        throw errorf("undefined variable: \(name)")
    }

    // MARK: walking

    func walk(_ dot: GV, _ node: GTNode) throws {
        try step()
        atNode(node)
        switch node {
        case .action(_, _, let pipe):
            let val = try evalPipeline(dot, pipe)
            if pipe.decl.isEmpty { try printValue(node, val) }
        case .breakNode: throw GTFlow.breakLoop
        case .continueNode: throw GTFlow.continueLoop
        case .comment: break
        case .ifNode(let b): try walkIfOrWith(isWith: false, dot, b)
        case .withNode(let b): try walkIfOrWith(isWith: true, dot, b)
        case .list(_, let nodes):
            for n in nodes { try walk(dot, n) }
        case .rangeNode(let b): try walkRange(dot, b)
        case .template(_, _, let name, let pipe): try walkTemplate(dot, node, name, pipe)
        case .text(_, let t): try write(t)
        default: throw errorf("unknown node: \(node.description)")
        }
    }

    private func printValue(_ n: GTNode, _ v: GV) throws {
        atNode(n)
        if !v.isValid { try write("<no value>"); return }
        try write(gvFormat(v, "v", GoFmtFlags()))
    }

    private func walkIfOrWith(isWith: Bool, _ dot: GV, _ b: GTBranch) throws {
        let m = mark()
        defer { pop(m) }
        let val = try evalPipeline(dot, b.pipe)
        let truth = isTrue(val.indirectInterface)
        if truth {
            try walk(isWith ? val : dot, b.list)
        } else if let e = b.elseList {
            try walk(dot, e)
        }
    }

    private func walkRange(_ dot: GV, _ r: GTBranch) throws {
        atNode(.rangeNode(r))
        let m0 = mark()
        defer { pop(m0) }
        do {
            var val = try evalPipeline(dot, r.pipe)
            val = val.indirectInterface
            let m = mark()
            func oneIteration(_ index: GV, _ elem: GV) throws {
                let decl = r.pipe.decl
                if !decl.isEmpty {
                    if r.pipe.isAssign {
                        if decl.count > 1 { try setVar(declName(decl[0]), index) } else { try setVar(declName(decl[0]), elem) }
                    } else {
                        setTopVar(1, elem)
                    }
                }
                if decl.count > 1 {
                    if r.pipe.isAssign { try setVar(declName(decl[1]), elem) } else { setTopVar(2, index) }
                }
                defer { pop(m) }
                do {
                    try walk(elem, r.list)
                } catch GTFlow.continueLoop {}
            }
            if let source = streamItems, streamRanges.contains(ObjectIdentifier(r)) {
                // The limit on steps applies to each item (the list as a whole is not held).
                var index: Int64 = 0
                try source { item in
                    steps = 0
                    try oneIteration(.int(index), GV.element(item))
                    index += 1
                }
                if index > 0 { return }
                val = .invalid
            }
            switch val {
            case .slice(let a, _):
                if !a.isEmpty {
                    for (i, e) in a.enumerated() { try oneIteration(.int(Int64(i)), GV.element(e)) }
                    return
                }
            case .map(let o):
                if !o.isEmpty {
                    for k in o.sortedKeys { try oneIteration(.string(k), GV.element(o[k]!)) }
                    return
                }
            case .invalid: break
            default:
                throw errorf("range can't iterate over \(gvFormat(val, "v", GoFmtFlags()))")
            }
            if let e = r.elseList { try walk(dot, e) }
        } catch GTFlow.breakLoop {
            return
        }
    }

    private func declName(_ n: GTNode) -> String {
        if case .variable(_, let ids) = n { return ids[0] }
        return ""
    }

    private func walkTemplate(_ dot0: GV, _ node: GTNode, _ name: String, _ pipe: GTPipe?) throws {
        atNode(node)
        guard let root = templates[name] else { throw errorf("template \(strconvQuote(name)) not defined") }
        if depth >= limits.maxTemplateDepth { throw errorf("exceeded maximum template depth (100000)") }
        let dot = pipe == nil ? GV.invalid : try evalPipeline(dot0, pipe!)
        let savedVars = vars, savedName = tmplName
        depth += 1
        tmplName = name
        vars = [("$", dot)]
        defer { vars = savedVars; tmplName = savedName; depth -= 1 }
        try walk(dot, root)
    }

    // MARK: evaluation

    func evalPipeline(_ dot: GV, _ pipe: GTPipe) throws -> GV {
        setAt(.pipe(pipe))
        var value: GV? = nil
        for cmd in pipe.cmds {
            var v = try evalCommand(dot, cmd, value)
            if v.isInterface { v = v.indirectInterface }
            value = v
        }
        let result = value ?? .invalid
        for d in pipe.decl {
            if pipe.isAssign { try setVar(declName(d), result) } else { push(declName(d), result) }
        }
        return result
    }

    private func notAFunction(_ args: [GTNode], _ final: GV?) throws {
        if args.count > 1 || final != nil {
            throw errorf("can't give argument to non-function \(args[0].description)")
        }
    }

    private func evalCommand(_ dot: GV, _ cmd: GTCommand, _ final: GV?) throws -> GV {
        try step()
        let first = cmd.args[0]
        switch first {
        case .field(_, let ids):
            atNode(first)
            return try evalFieldChain(dot, dot, first, ids, cmd.args, final)
        case .chain:
            return try evalChainNode(dot, first, cmd.args, final)
        case .identifier(_, let name):
            return try evalFunction(dot, first, name, .cmd(cmd), cmd.args, final)
        case .pipe(let p):
            try notAFunction(cmd.args, final)
            return try evalPipeline(dot, p)
        case .variable:
            return try evalVariableNode(dot, first, cmd.args, final)
        default: break
        }
        atNode(first)
        try notAFunction(cmd.args, final)
        switch first {
        case .bool(_, let b): return .bool(b)
        case .dot: return dot
        case .nilNode: throw errorf("nil is not a command")
        case .number(let n): return try idealConstant(first, n)
        case .string(_, _, let s): return .string(s)
        default: throw errorf("can't evaluate command \(strconvQuote(first.description))")
        }
    }

    private func idealConstant(_ node: GTNode, _ c: GTNumber) throws -> GV {
        atNode(node)
        let t = c.text
        let isHexInt = t.count > 2 && t.hasPrefix("0") && (t.dropFirst().first == "x" || t.dropFirst().first == "X")
            && !t.contains("p") && !t.contains("P")
        let isRuneInt = t.hasPrefix("'")
        if c.isComplex { return .complex(c.complex.0, c.complex.1) }
        if c.isFloat && !isHexInt && !isRuneInt && t.contains(where: { ".eEpP".contains($0) }) {
            return .float(c.float64)
        }
        if c.isInt { return .int(c.int64) }
        if c.isUint { throw errorf("\(t) overflows int") }
        return .invalid
    }

    private func evalChainNode(_ dot: GV, _ chain: GTNode, _ args: [GTNode], _ final: GV?) throws -> GV {
        atNode(chain)
        guard case .chain(_, let inner, let fields) = chain else { return .invalid }
        if case .nilNode = inner { throw errorf("indirection through explicit nil in \(chain.description)") }
        let pipe = try evalArg(dot, nil, inner)
        return try evalFieldChain(dot, pipe, chain, fields, args, final)
    }

    private func evalVariableNode(_ dot: GV, _ v: GTNode, _ args: [GTNode], _ final: GV?) throws -> GV {
        atNode(v)
        guard case .variable(_, let ids) = v else { return .invalid }
        let value = try varValue(ids[0])
        if ids.count == 1 {
            try notAFunction(args, final)
            return value
        }
        return try evalFieldChain(dot, value, v, Array(ids.dropFirst()), args, final)
    }

    private func evalFieldChain(_ dot: GV, _ receiver0: GV, _ node: GTNode, _ ids: [String], _ args: [GTNode],
                                _ final: GV?) throws -> GV {
        var receiver = receiver0
        for i in 0..<(ids.count - 1) {
            receiver = try evalField(ids[i], [], nil, receiver)
        }
        return try evalField(ids[ids.count - 1], args, final, receiver)
    }

    private func evalField(_ name: String, _ args: [GTNode], _ final: GV?, _ receiver: GV) throws -> GV {
        if !receiver.isValid {
            if missingKeyError { throw errorf("nil data; no entry for key \(strconvQuote(name))") }
            return .invalid
        }
        let typ = receiver.typeName
        if case .nilIface = receiver { throw errorf("nil pointer evaluating \(typ).\(name)") }
        let r = receiver.indirectInterface
        let hasArgs = args.count > 1 || final != nil
        if case .map(let o) = r {
            if hasArgs { throw errorf("\(name) is not a method but has arguments") }
            if let v = o[name] { return GV.element(v) }
            if missingKeyError { throw errorf("map has no entry for key \(strconvQuote(name))") }
            return .invalid
        }
        throw errorf("can't evaluate field \(name) in type \(typ)")
    }

    private func evalFunction(_ dot: GV, _ ident: GTNode, _ name: String, _ cmd: GTAt, _ args: [GTNode],
                              _ final: GV?) throws -> GV {
        atNode(ident)
        return try evalCall(dot, name, cmd, args, final)
    }

    /// Signature: fixed parameter types, variadic element type (nil if not variadic).
    private func signature(_ name: String) -> ([GTParam], GTParam?) {
        switch name {
        case "and", "or", "eq", "index", "slice": return ([.value], .value)
        case "call": return ([.value], .value)
        case "not", "len": return ([.value], nil)
        case "ne", "lt", "le", "gt", "ge": return ([.value, .value], nil)
        case "html", "js", "urlquery", "print", "println": return ([], .any)
        case "printf": return ([.string], .any)
        case "exists": return ([.any], .any)
        case "base64decode": return ([.string], nil)
        default: return functions[name] != nil ? ([], .value) : ([], nil)
        }
    }

    private func evalCall(_ dot: GV, _ name: String, _ node: GTAt, _ allArgs: [GTNode], _ final: GV?) throws -> GV {
        let args = Array(allArgs.dropFirst())
        let (fixed, variadic) = signature(name)
        let numIn = args.count + (final == nil ? 0 : 1)
        let numFixed = variadic != nil ? fixed.count : args.count
        if variadic != nil {
            if numIn < numFixed {
                throw errorf("wrong number of args for \(name): want at least \(fixed.count) got \(args.count)")
            }
        } else if numIn != fixed.count {
            throw errorf("wrong number of args for \(name): want \(fixed.count) got \(numIn)")
        }
        if name == "and" || name == "or" {
            var v = GV.invalid
            for a in args {
                v = try evalArg(dot, .value, a)
                if isTrue(v.indirectInterface) == (name == "or") { return v }
            }
            if let f = final { v = try validateType(f, .value) }
            return v
        }
        var argv: [GV] = []
        var i = 0
        while i < numFixed && i < args.count {
            argv.append(try evalArg(dot, fixed[i], args[i]))
            i += 1
        }
        if let vt = variadic {
            while i < args.count {
                argv.append(try evalArg(dot, vt, args[i]))
                i += 1
            }
        }
        if let f = final {
            var t: GTParam
            if let vt = variadic {
                t = numIn - 1 < numFixed ? fixed[numIn - 1] : vt
            } else {
                t = fixed[fixed.count - 1]
            }
            argv.append(try validateType(f, t))
        }
        if let f = functions[name] {
            do {
                return GV.concrete(try f.call(argv.map { $0.jsonValue }))
            } catch let e as GoTemplateFunctionError {
                setAt(node)
                throw errorf("error calling \(name): \(e.message)")
            }
        }
        do {
            return try gtCallBuiltin(name, argv, calleeName: args.first?.description ?? "")
        } catch let e as GTFuncError {
            setAt(node)
            throw errorf("error calling \(name): \(e.message)")
        }
    }

    private func validateType(_ value: GV, _ typ: GTParam?) throws -> GV {
        guard let typ = typ else { return value }
        if !value.isValid {
            switch typ {
            case .value: return .invalid
            case .any: return .nilIface
            case .string: throw errorf("invalid value; expected string")
            }
        }
        switch typ {
        case .value, .any: return value
        case .string:
            if case .string = value { return value }
            if case .iface(let inner) = value {
                if case .string = inner { return inner }
                throw errorf("wrong type for value; expected string; got \(inner.typeName)")
            }
            throw errorf("wrong type for value; expected string; got \(value.typeName)")
        }
    }

    private func evalArg(_ dot: GV, _ typ: GTParam?, _ n: GTNode) throws -> GV {
        atNode(n)
        switch n {
        case .dot: return try validateType(dot, typ)
        case .nilNode:
            switch typ {
            case nil, .some(.value): return .invalid
            case .some(.any): return .nilIface
            case .some(.string): throw errorf("cannot assign nil to string")
            }
        case .field(_, let ids):
            atNode(n)
            return try validateType(try evalFieldChain(dot, dot, n, ids, [n], nil), typ)
        case .variable:
            return try validateType(try evalVariableNode(dot, n, [], nil), typ)
        case .pipe(let p):
            return try validateType(try evalPipeline(dot, p), typ)
        case .identifier(_, let name):
            return try validateType(try evalFunction(dot, n, name, .node(n), [n], nil), typ)
        case .chain:
            return try validateType(try evalChainNode(dot, n, [], nil), typ)
        default: break
        }
        switch typ {
        case .some(.string):
            if case .string(_, _, let s) = n { return .string(s) }
            throw errorf("expected string; found \(n.description)")
        default:
            // evalEmptyInterface
            switch n {
            case .bool(_, let b): return .bool(b)
            case .number(let c): return try idealConstant(n, c)
            case .string(_, _, let s): return .string(s)
            default: throw errorf("can't handle assignment of \(n.description) to empty interface argument")
            }
        }
    }
}

/// Go's isTrue for the kinds a template over JSON can see.
func isTrue(_ v: GV) -> Bool {
    switch v {
    case .invalid, .nilIface: return false
    case .iface: return true
    case .bool(let b): return b
    case .int(let i), .int64(let i): return i != 0
    case .uint8(let u): return u != 0
    case .float(let d): return d != 0
    case .complex(let r, let i): return r != 0 || i != 0
    case .string(let s): return !s.isEmpty
    case .map(let o): return !o.isEmpty
    case .slice(let a, _): return !a.isEmpty
    }
}
