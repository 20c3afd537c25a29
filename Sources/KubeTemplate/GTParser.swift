import KubeModel

// Parse tree and parser for Go's text/template, mirroring the node shapes Go uses so that
// error contexts (`at <...>`) and positions print the same.

final class GTPipe {
    var pos: Int
    var line: Int
    var isAssign = false
    var decl: [GTNode] = []   // .variable nodes
    var cmds: [GTCommand] = []
    init(pos: Int, line: Int) { self.pos = pos; self.line = line }

    var description: String {
        var s = ""
        if !decl.isEmpty {
            s = decl.map { $0.description }.joined(separator: ", ")
            s += isAssign ? " = " : " := "
        }
        s += cmds.map { $0.description }.joined(separator: " | ")
        return s
    }
}

final class GTCommand {
    var pos: Int
    var args: [GTNode] = []
    init(pos: Int) { self.pos = pos }
    var description: String {
        args.map { a -> String in
            if case .pipe(let p) = a { return "(" + p.description + ")" }
            return a.description
        }.joined(separator: " ")
    }
}

struct GTNumber {
    var pos: Int
    var text: String
    var isInt = false, isUint = false, isFloat = false, isComplex = false
    var int64: Int64 = 0
    var uint64: UInt64 = 0
    var float64: Double = 0
    var complex: (Double, Double) = (0, 0)
}

final class GTBranch {
    var pos: Int
    var line: Int
    var pipe: GTPipe
    var list: GTNode
    var elseList: GTNode?
    init(pos: Int, line: Int, pipe: GTPipe, list: GTNode, elseList: GTNode?) {
        self.pos = pos; self.line = line; self.pipe = pipe; self.list = list; self.elseList = elseList
    }
}

indirect enum GTNode {
    case text(Int, String)
    case action(Int, Int, GTPipe)
    case list(Int, [GTNode])
    case ifNode(GTBranch)
    case rangeNode(GTBranch)
    case withNode(GTBranch)
    case template(Int, Int, String, GTPipe?)
    case breakNode(Int)
    case continueNode(Int)
    case comment(Int, String)
    case identifier(Int, String)
    case variable(Int, [String])
    case field(Int, [String])
    case chain(Int, GTNode, [String])
    case dot(Int)
    case nilNode(Int)
    case bool(Int, Bool)
    case number(GTNumber)
    case string(Int, String, String)  // pos, quoted, text
    case pipe(GTPipe)
    case end(Int)
    case elseNode(Int, Int)

    var pos: Int {
        switch self {
        case .text(let p, _), .action(let p, _, _), .list(let p, _), .template(let p, _, _, _),
             .breakNode(let p), .continueNode(let p), .comment(let p, _), .identifier(let p, _),
             .variable(let p, _), .field(let p, _), .chain(let p, _, _), .dot(let p), .nilNode(let p),
             .bool(let p, _), .string(let p, _, _), .end(let p), .elseNode(let p, _):
            return p
        case .ifNode(let b), .rangeNode(let b), .withNode(let b): return b.pos
        case .number(let n): return n.pos
        case .pipe(let p): return p.pos
        }
    }

    var description: String {
        switch self {
        case .text(_, let t): return t
        case .action(_, _, let p): return "{{" + p.description + "}}"
        case .list(_, let nodes): return nodes.map { $0.description }.joined()
        case .ifNode(let b): return GTNode.branchString("if", b)
        case .rangeNode(let b): return GTNode.branchString("range", b)
        case .withNode(let b): return GTNode.branchString("with", b)
        case .template(_, _, let name, let pipe):
            if let pipe = pipe { return "{{template \(strconvQuote(name)) \(pipe.description)}}" }
            return "{{template \(strconvQuote(name))}}"
        case .breakNode: return "{{break}}"
        case .continueNode: return "{{continue}}"
        case .comment(_, let t): return "{{" + t + "}}"
        case .identifier(_, let s): return s
        case .variable(_, let ids): return ids.joined(separator: ".")
        case .field(_, let ids): return ids.map { "." + $0 }.joined()
        case .chain(_, let n, let fields):
            var s: String
            if case .pipe(let p) = n { s = "(" + p.description + ")" } else { s = n.description }
            for f in fields { s += "." + f }
            return s
        case .dot: return "."
        case .nilNode: return "nil"
        case .bool(_, let b): return b ? "true" : "false"
        case .number(let n): return n.text
        case .string(_, let q, _): return q
        case .pipe(let p): return p.description
        case .end: return "{{end}}"
        case .elseNode: return "{{else}}"
        }
    }

    static func branchString(_ name: String, _ b: GTBranch) -> String {
        var s = "{{\(name) \(b.pipe.description)}}\(b.list.description)"
        if let e = b.elseList { s += "{{else}}" + e.description }
        return s + "{{end}}"
    }

    var isEmptyTree: Bool {
        switch self {
        case .list(_, let nodes): return nodes.allSatisfy { $0.isEmptyTree }
        case .text(_, let t): return t.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        case .comment: return true
        default: return false
        }
    }
}

struct GTParseError: Error { var message: String }

/// Limits that keep hostile templates from exhausting the stack.
let gtMaxParseDepth = 100

final class GTParser {
    var items: [GTItem]
    var idx = 0
    var token: [GTItem]
    var peekCount = 0
    var vars: [String] = ["$"]
    var actionLine = 0
    var rangeDepth = 0
    var depth = 0
    let parseName: String
    var treeName: String
    var treeSet: [String: GTNode]
    var funcs: Set<String>

    init(items: [GTItem], parseName: String, treeName: String, treeSet: [String: GTNode], funcs: Set<String>) {
        self.items = items
        let dummy = GTItem(type: .eof, pos: 0, val: "", line: 1)
        self.token = [dummy, dummy, dummy]
        self.parseName = parseName
        self.treeName = treeName
        self.treeSet = treeSet
        self.funcs = funcs
    }

    func lexNext() -> GTItem {
        if idx < items.count {
            let it = items[idx]
            idx += 1
            return it
        }
        return items.last!  // error or EOF repeats
    }

    func next() -> GTItem {
        if peekCount > 0 { peekCount -= 1 } else { token[0] = lexNext() }
        return token[peekCount]
    }
    func backup() { peekCount += 1 }
    func backup2(_ t1: GTItem) { token[1] = t1; peekCount = 2 }
    func backup3(_ t2: GTItem, _ t1: GTItem) { token[1] = t1; token[2] = t2; peekCount = 3 }
    func peek() -> GTItem {
        if peekCount > 0 { return token[peekCount - 1] }
        peekCount = 1
        token[0] = lexNext()
        return token[0]
    }
    func nextNonSpace() -> GTItem {
        var t: GTItem
        repeat { t = next() } while t.type == .space
        return t
    }
    func peekNonSpace() -> GTItem {
        let t = nextNonSpace()
        backup()
        return t
    }

    func errorf(_ msg: String) -> GTParseError {
        GTParseError(message: "template: \(parseName):\(token[0].line): \(msg)")
    }

    func unexpected(_ t: GTItem, _ context: String) -> GTParseError {
        if t.type == .error {
            var extra = ""
            if actionLine != 0 && actionLine != t.line {
                extra = " in action started at \(parseName):\(actionLine)"
                if t.val.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            return errorf(t.val + extra)
        }
        return errorf("unexpected \(t.description) in \(context)")
    }

    func expect(_ type: GTItemType, _ context: String) throws -> GTItem {
        let t = nextNonSpace()
        if t.type != type { throw unexpected(t, context) }
        return t
    }

    func enter() throws {
        depth += 1
        if depth > gtMaxParseDepth { throw errorf("max expression depth exceeded") }
    }

    // MARK: top level

    func parse() throws -> GTNode {
        var nodes: [GTNode] = []
        let rootPos = peek().pos
        while peek().type != .eof {
            if peek().type == .leftDelim {
                let delim = next()
                if nextNonSpace().type == .define {
                    try parseDefinition()
                    continue
                }
                backup2(delim)
            }
            let n = try textOrAction()
            switch n {
            case .end, .elseNode: throw errorf("unexpected \(n.description)")
            default: nodes.append(n)
            }
        }
        let root = GTNode.list(rootPos, nodes)
        try add(name: treeName, root: root)
        return root
    }

    func add(name: String, root: GTNode) throws {
        if let existing = treeSet[name], !existing.isEmptyTree {
            if !root.isEmptyTree { throw errorf("template: multiple definition of template \(strconvQuote(name))") }
            return
        }
        treeSet[name] = root
    }

    func parseDefinition() throws {
        let context = "define clause"
        let t = nextNonSpace()
        guard t.type == .string || t.type == .rawString else { throw unexpected(t, context) }
        guard let name = goUnquote(t.val) else { throw errorf("invalid syntax") }
        _ = try expect(.rightDelim, context)
        let savedVars = vars
        vars = ["$"]
        let (list, end) = try itemList()
        if case .end = end {} else { throw errorf("unexpected \(end.description) in \(context)") }
        vars = savedVars
        try add(name: name, root: list)
    }

    func itemList() throws -> (GTNode, GTNode) {
        try enter(); defer { depth -= 1 }
        var nodes: [GTNode] = []
        let p = peekNonSpace().pos
        while peekNonSpace().type != .eof {
            let n = try textOrAction()
            switch n {
            case .end, .elseNode: return (.list(p, nodes), n)
            default: nodes.append(n)
            }
        }
        throw errorf("unexpected EOF")
    }

    func textOrAction() throws -> GTNode {
        let t = nextNonSpace()
        switch t.type {
        case .text: return .text(t.pos, t.val)
        case .leftDelim:
            actionLine = t.line
            defer { actionLine = 0 }
            return try action()
        case .comment: return .comment(t.pos, t.val)
        default: throw unexpected(t, "input")
        }
    }

    func action() throws -> GTNode {
        let t = nextNonSpace()
        switch t.type {
        case .block: return try blockControl()
        case .breakKw: return try breakControl(t, "{{break}}", isBreak: true)
        case .continueKw: return try breakControl(t, "{{continue}}", isBreak: false)
        case .elseKw: return try elseControl()
        case .end: return .end(try expect(.rightDelim, "end").pos)
        case .ifKw: return try control("if")
        case .range: return try control("range")
        case .template: return try templateControl()
        case .with: return try control("with")
        default: break
        }
        backup()
        let tk = peek()
        return .action(tk.pos, tk.line, try pipeline("command", end: .rightDelim))
    }

    func breakControl(_ t: GTItem, _ ctx: String, isBreak: Bool) throws -> GTNode {
        let n = nextNonSpace()
        if n.type != .rightDelim { throw unexpected(n, ctx) }
        if rangeDepth == 0 { throw errorf("\(ctx) outside {{range}}") }
        return isBreak ? .breakNode(t.pos) : .continueNode(t.pos)
    }

    func elseControl() throws -> GTNode {
        let p = peekNonSpace()
        if p.type == .ifKw || p.type == .with { return .elseNode(p.pos, p.line) }
        let t = try expect(.rightDelim, "else")
        return .elseNode(t.pos, t.line)
    }

    func control(_ context: String) throws -> GTNode {
        try enter(); defer { depth -= 1 }
        let mark = vars.count
        defer { vars.removeLast(vars.count - mark) }
        let pipe = try pipeline(context, end: .rightDelim)
        if context == "range" { rangeDepth += 1 }
        var (list, next) = try itemList()
        if context == "range" { rangeDepth -= 1 }
        var elseList: GTNode? = nil
        if case .elseNode(let epos, _) = next {
            if context == "if" && peek().type == .ifKw {
                _ = self.next()
                elseList = .list(epos, [try control("if")])
            } else if context == "with" && peek().type == .with {
                _ = self.next()
                elseList = .list(epos, [try control("with")])
            } else {
                let (el, n2) = try itemList()
                elseList = el
                next = n2
                if case .end = next {} else { throw errorf("expected end; found \(next.description)") }
            }
        }
        _ = list
        let b = GTBranch(pos: pipe.pos, line: pipe.line, pipe: pipe, list: list, elseList: elseList)
        switch context {
        case "if": return .ifNode(b)
        case "range": return .rangeNode(b)
        default: return .withNode(b)
        }
    }

    func parseTemplateName(_ t: GTItem, _ context: String) throws -> String {
        guard t.type == .string || t.type == .rawString else { throw unexpected(t, context) }
        guard let s = goUnquote(t.val) else { throw errorf("invalid syntax") }
        return s
    }

    func blockControl() throws -> GTNode {
        let context = "block clause"
        let t = nextNonSpace()
        let name = try parseTemplateName(t, context)
        let pipe = try pipeline(context, end: .rightDelim)
        let savedVars = vars
        let savedRange = rangeDepth
        vars = ["$"]
        rangeDepth = 0
        let (list, end) = try itemList()
        if case .end = end {} else { throw errorf("unexpected \(end.description) in \(context)") }
        vars = savedVars
        rangeDepth = savedRange
        try add(name: name, root: list)
        return .template(t.pos, t.line, name, pipe)
    }

    func templateControl() throws -> GTNode {
        let context = "template clause"
        let t = nextNonSpace()
        let name = try parseTemplateName(t, context)
        var pipe: GTPipe? = nil
        if nextNonSpace().type != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .template(t.pos, t.line, name, pipe)
    }

    // MARK: pipelines

    func pipeline(_ context: String, end: GTItemType) throws -> GTPipe {
        let t = peekNonSpace()
        let pipe = GTPipe(pos: t.pos, line: t.line)
        decls: while true {
            let v = peekNonSpace()
            guard v.type == .variable else { break }
            _ = next()
            let tokenAfterVariable = peek()
            let nx = peekNonSpace()
            if nx.type == .assign || nx.type == .declare {
                pipe.isAssign = nx.type == .assign
                _ = nextNonSpace()
                pipe.decl.append(.variable(v.pos, [v.val]))
                vars.append(v.val)
            } else if nx.type == .char && nx.val == "," {
                _ = nextNonSpace()
                pipe.decl.append(.variable(v.pos, [v.val]))
                vars.append(v.val)
                if context == "range" && pipe.decl.count < 2 {
                    switch peekNonSpace().type {
                    case .variable, .rightDelim, .rightParen:
                        continue decls
                    default:
                        throw errorf("range can only initialize variables")
                    }
                }
                throw errorf("too many declarations in \(context)")
            } else if tokenAfterVariable.type == .space {
                backup3(v, tokenAfterVariable)
            } else {
                backup2(v)
            }
            break
        }
        while true {
            let t = nextNonSpace()
            switch t.type {
            case end:
                try checkPipeline(pipe, context)
                return pipe
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKw, .rawString,
                 .string, .variable, .leftParen:
                backup()
                pipe.cmds.append(try command())
            default:
                throw unexpected(t, context)
            }
        }
    }

    func checkPipeline(_ pipe: GTPipe, _ context: String) throws {
        if pipe.cmds.isEmpty { throw errorf("missing value for \(context)") }
        for (i, c) in pipe.cmds.enumerated() where i > 0 {
            switch c.args[0] {
            case .bool, .dot, .nilNode, .number, .string:
                throw errorf("non executable command in pipeline stage \(i + 1)")
            default: break
            }
        }
    }

    func command() throws -> GTCommand {
        let cmd = GTCommand(pos: peekNonSpace().pos)
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { cmd.args.append(operand) }
            let t = next()
            switch t.type {
            case .space: continue
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(t, "operand")
            }
            break
        }
        if cmd.args.isEmpty { throw errorf("empty command") }
        return cmd
    }

    func operand() throws -> GTNode? {
        guard let node = try term() else { return nil }
        if peek().type == .field {
            let chainPos = peek().pos
            var fields: [String] = []
            while peek().type == .field { fields.append(String(next().val.dropFirst())) }
            switch node {
            case .field(_, let ids): return .field(chainPos, ids + fields)
            case .variable(_, let ids): return .variable(chainPos, ids + fields)
            case .bool, .string, .number, .nilNode, .dot:
                throw errorf("unexpected . after term \(strconvQuote(node.description))")
            default: return .chain(chainPos, node, fields)
            }
        }
        return node
    }

    func term() throws -> GTNode? {
        let t = nextNonSpace()
        switch t.type {
        case .identifier:
            if !funcs.contains(t.val) { throw errorf("function \(strconvQuote(t.val)) not defined") }
            return .identifier(t.pos, t.val)
        case .dot: return .dot(t.pos)
        case .nilKw: return .nilNode(t.pos)
        case .variable:
            let ids = t.val.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if !vars.contains(ids[0]) { throw errorf("undefined variable \(strconvQuote(ids[0]))") }
            return .variable(t.pos, ids)
        case .field: return .field(t.pos, [String(t.val.dropFirst())])
        case .bool: return .bool(t.pos, t.val == "true")
        case .charConstant, .complex, .number:
            return .number(try newNumber(t))
        case .leftParen:
            try enter(); defer { depth -= 1 }
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            guard let s = goUnquote(t.val) else { throw errorf("invalid syntax") }
            return .string(t.pos, t.val, s)
        default:
            backup()
            return nil
        }
    }

    func newNumber(_ t: GTItem) throws -> GTNumber {
        var n = GTNumber(pos: t.pos, text: t.val)
        let text = t.val
        if t.type == .charConstant {
            guard let (r, tail) = goUnquoteChar(Array(text.unicodeScalars).dropFirst(), quote: "'") else {
                throw errorf("invalid syntax")
            }
            if tail != "'" { throw errorf("malformed character constant: \(text)") }
            n.int64 = Int64(r); n.isInt = true
            n.uint64 = UInt64(r); n.isUint = true
            n.float64 = Double(r); n.isFloat = true
            return n
        }
        if t.type == .complex {
            // real part followed by signed imaginary part, e.g. 1+2i
            let scalars = Array(text.utf8)
            var split = -1
            for i in stride(from: scalars.count - 1, to: 0, by: -1)
            where (scalars[i] == UInt8(ascii: "+") || scalars[i] == UInt8(ascii: "-"))
                && scalars[i - 1] != UInt8(ascii: "e") && scalars[i - 1] != UInt8(ascii: "E")
                && scalars[i - 1] != UInt8(ascii: "p") && scalars[i - 1] != UInt8(ascii: "P") {
                split = i; break
            }
            guard split > 0, let re = goParseFloat(String(text.prefix(split))),
                  let im = goParseFloat(String(text.dropFirst(split).dropLast())) else {
                throw errorf("expected integer")
            }
            n.isComplex = true
            n.complex = (re, im)
            simplifyComplex(&n)
            return n
        }
        if text.hasSuffix("i"), let f = goParseFloat(String(text.dropLast())) {
            n.isComplex = true
            n.complex = (0, f)
            simplifyComplex(&n)
            return n
        }
        let u = goParseUint(text)
        if let u = u { n.isUint = true; n.uint64 = u }
        if let i = goParseInt(text) {
            n.isInt = true; n.int64 = i
            if i == 0 { n.isUint = true; n.uint64 = u ?? 0 }
        }
        if n.isInt {
            n.isFloat = true; n.float64 = Double(n.int64)
        } else if n.isUint {
            n.isFloat = true; n.float64 = Double(n.uint64)
        } else if let f = goParseFloat(text) {
            if !text.contains(where: { ".eEpP".contains($0) }) {
                throw errorf("integer overflow: \(strconvQuote(text))")
            }
            n.isFloat = true; n.float64 = f
            if f.isFinite && f == f.rounded() && abs(f) < 9.2e18 { n.isInt = true; n.int64 = Int64(f) }
            if f.isFinite && f == f.rounded() && f >= 0 && f < 1.8e19 { n.isUint = true; n.uint64 = UInt64(f) }
        }
        if !n.isInt && !n.isUint && !n.isFloat {
            throw errorf("illegal number syntax: \(strconvQuote(text))")
        }
        return n
    }

    func simplifyComplex(_ n: inout GTNumber) {
        if n.complex.1 == 0 {
            n.isFloat = true
            n.float64 = n.complex.0
            if n.float64.isFinite && n.float64 == n.float64.rounded() && abs(n.float64) < 9.2e18 {
                n.isInt = true; n.int64 = Int64(n.float64)
            }
            if n.float64.isFinite && n.float64 == n.float64.rounded() && n.float64 >= 0 && n.float64 < 1.8e19 {
                n.isUint = true; n.uint64 = UInt64(n.float64)
            }
        }
    }
}

// MARK: strconv helpers

func goParseUint(_ s: String) -> UInt64? { GoValue.parseUint(s) }

func goParseInt(_ s: String) -> Int64? { try? GoValue.parseInt(s).get() }

func goParseFloat(_ s0: String) -> Double? {
    var s = s0
    if s.contains("_") {
        if !GoValue.underscoreOK(Array(s.utf8)) { return nil }
        s = s.replacingAll("_", with: "")
    }
    if s.isEmpty { return nil }
    let lower = s.lowercased()
    if lower.contains("inf") || lower.contains("nan") { return nil }
    let body = (s.hasPrefix("-") || s.hasPrefix("+")) ? String(s.dropFirst()) : s
    if body.hasPrefix("0x") || body.hasPrefix("0X") {
        // hex float needs a p exponent in Go
        if !lower.contains("p") { return nil }
    } else {
        // decimal: digits, optional '.', optional exponent
        var sawDigit = false
        var i = body.startIndex
        while i < body.endIndex, body[i].isASCII, body[i].isNumber { sawDigit = true; i = body.index(after: i) }
        if i < body.endIndex, body[i] == "." {
            i = body.index(after: i)
            while i < body.endIndex, body[i].isASCII, body[i].isNumber { sawDigit = true; i = body.index(after: i) }
        }
        if !sawDigit { return nil }
        if i < body.endIndex, body[i] == "e" || body[i] == "E" {
            i = body.index(after: i)
            if i < body.endIndex, body[i] == "+" || body[i] == "-" { i = body.index(after: i) }
            var expDigit = false
            while i < body.endIndex, body[i].isASCII, body[i].isNumber { expDigit = true; i = body.index(after: i) }
            if !expDigit { return nil }
        }
        if i != body.endIndex { return nil }
    }
    guard let d = Double(s) else { return nil }
    if d.isInfinite { return nil }  // Go reports a range error
    return d
}


/// Go's strconv.UnquoteChar on the scalars after the opening quote: returns the value and the tail.
func goUnquoteChar(_ s: ArraySlice<Unicode.Scalar>, quote: Unicode.Scalar) -> (UInt32, String)? {
    var s = s
    guard let c = s.first else { return nil }
    func tail(_ t: ArraySlice<Unicode.Scalar>) -> String { var r = ""; r.unicodeScalars.append(contentsOf: t); return r }
    if c == quote && (quote == "'" || quote == "\"") { return nil }
    if c != "\\" {
        return (c.value, tail(s.dropFirst()))
    }
    s = s.dropFirst()
    guard let e = s.first else { return nil }
    s = s.dropFirst()
    func hexv(_ x: Unicode.Scalar) -> UInt32? {
        switch x.value {
        case 0x30...0x39: return x.value - 0x30
        case 0x61...0x66: return x.value - 0x61 + 10
        case 0x41...0x46: return x.value - 0x41 + 10
        default: return nil
        }
    }
    switch e {
    case "a": return (7, tail(s))
    case "b": return (8, tail(s))
    case "f": return (12, tail(s))
    case "n": return (10, tail(s))
    case "r": return (13, tail(s))
    case "t": return (9, tail(s))
    case "v": return (11, tail(s))
    case "x", "u", "U":
        let n = e == "x" ? 2 : (e == "u" ? 4 : 8)
        if s.count < n { return nil }
        var v: UInt32 = 0
        for x in s.prefix(n) {
            guard let h = hexv(x) else { return nil }
            v = v &* 16 &+ h
        }
        s = s.dropFirst(n)
        if e == "x" { return (v, tail(s)) }  // byte value
        if v > 0x10FFFF || (v >= 0xD800 && v < 0xE000) { return nil }
        return (v, tail(s))
    case "0", "1", "2", "3", "4", "5", "6", "7":
        var v = e.value - 0x30
        if s.count < 2 { return nil }
        for x in s.prefix(2) {
            guard x.value >= 0x30 && x.value <= 0x37 else { return nil }
            v = v * 8 + (x.value - 0x30)
        }
        if v > 255 { return nil }
        return (v, tail(s.dropFirst(2)))
    case "\\": return (0x5C, tail(s))
    case "'", "\"":
        if e != quote { return nil }
        return (e.value, tail(s))
    default:
        return nil
    }
}

/// Go's strconv.Unquote for "..." and `...` literals (the lexer guarantees the shape).
func goUnquote(_ q: String) -> String? {
    let sc = Array(q.unicodeScalars)
    guard sc.count >= 2, let first = sc.first, first == sc.last! else { return nil }
    if first == "`" {
        let inner = sc[1..<(sc.count - 1)]
        if inner.contains("`") { return nil }
        var out = ""
        for c in inner where c != "\r" { out.unicodeScalars.append(c) }
        return out
    }
    guard first == "\"" else { return nil }
    var rest = sc[1..<(sc.count - 1)]
    var bytes: [UInt8] = []
    while !rest.isEmpty {
        if rest.first == "\"" || rest.first == "\n" { return nil }
        let isByteEscape = rest.first == "\\" && rest.count >= 2 &&
            (rest[rest.startIndex + 1] == "x" || (rest[rest.startIndex + 1].value >= 0x30 && rest[rest.startIndex + 1].value <= 0x37))
        guard let (v, tail) = goUnquoteChar(rest, quote: "\"") else { return nil }
        if isByteEscape {
            bytes.append(UInt8(v))
        } else {
            bytes.append(contentsOf: Array(String(Unicode.Scalar(v)!).utf8))
        }
        rest = ArraySlice(Array(tail.unicodeScalars))
    }
    return String(decoding: bytes, as: UTF8.self)
}
