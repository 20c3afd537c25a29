// CEL's grammar by recursive descent:
//   Expr = Or ["?" Or ":" Expr]; Or = And {"||" And}; And = Rel {"&&" Rel};
//   Rel = Add {relop Add}; Add = Mul {("+"|"-") Mul}; Mul = Unary {("*"|"/"|"%") Unary};
//   Unary = Member | "!"{"!"} Member | "-"{"-"} Member;
//   Member = Primary {"." [?]IDENT ["(" args ")"] | "[" [?]Expr "]"};
//   Primary = ["."]IDENT ["(" args ")"] | "(" Expr ")" | list | map | message | literal.

public struct Parser {
    var toks: [LexedToken] = []
    var pos = 0
    var nextID = 1
    var depth = 0
    let features: Features
    static let maxDepth = 250
    static let reserved: Set<String> = ["as", "break", "const", "continue", "else", "for", "function", "if", "import",
                                        "let", "loop", "package", "namespace", "return", "var", "void", "while"]

    /// Syntax and macros an environment may lack (cel-go adds them with its optional and extension libraries).
    public struct Features: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// `.?field` and `[?index]` (cel.OptionalTypes).
        public static let optionalSyntax = Features(rawValue: 1)
        /// all/exists/existsOne with two variables, transformList, transformMap, transformMapEntry.
        public static let twoVariableComprehensions = Features(rawValue: 2)
        /// `cel.bind` (ext.Bindings).
        public static let bindings = Features(rawValue: 4)
        public static let all: Features = [.optionalSyntax, .twoVariableComprehensions, .bindings]
    }

    public init(features: Features = .all) { self.features = features }

    /// Parses and expands macros.
    public static func parse(_ text: String, features: Features = .all) throws -> Expr {
        var p = Parser(features: features)
        var lx = Lexer(text)
        p.toks = try lx.tokens()
        let e = try p.expr()
        guard case .eof = p.cur.token else { throw p.error("mismatched input '\(p.tokenText(p.cur.token))' expecting <EOF>") }
        return e
    }

    var cur: LexedToken { toks[pos] }

    func error(_ message: String, at offset: Int? = nil) -> CELSyntaxError {
        CELSyntaxError(message: "Syntax error: " + message, offset: offset ?? cur.offset)
    }

    func tokenText(_ t: Token) -> String {
        switch t {
        case .ident(let s), .int(let s), .double(let s), .punct(let s): return s
        case .quotedField(let s): return "`\(s)`"
        case .uint(let s): return s + "u"
        case .string(let s): return "\"\(s)\""
        case .bytes: return "b\"...\""
        case .eof: return "<EOF>"
        }
    }

    mutating func make(_ offset: Int, _ kind: Expr.Kind) -> Expr {
        defer { nextID += 1 }
        return Expr(id: nextID, offset: offset, kind)
    }

    func isPunct(_ p: String) -> Bool { if case .punct(p) = cur.token { return true }; return false }

    mutating func accept(_ p: String) -> Bool {
        if isPunct(p) { pos += 1; return true }
        return false
    }

    mutating func expect(_ p: String) throws {
        guard accept(p) else { throw error("mismatched input '\(tokenText(cur.token))' expecting '\(p)'") }
    }

    mutating func call(_ offset: Int, _ fn: String, _ args: [Expr], target: Expr? = nil) -> Expr {
        make(offset, .call(target: target, function: fn, args: args))
    }

    // MARK: operators

    mutating func expr() throws -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw error("expression recursion limit exceeded") }
        let c = try or()
        if isPunct("?") {
            let at = cur.offset
            pos += 1
            let a = try or()
            try expect(":")
            let b = try expr()
            return call(at, Operators.conditional, [c, a, b])
        }
        return c
    }

    mutating func or() throws -> Expr {
        var e = try and()
        while isPunct("||") {
            let at = cur.offset
            pos += 1
            e = call(at, Operators.logicalOr, [e, try and()])
        }
        return e
    }

    mutating func and() throws -> Expr {
        var e = try relation()
        while isPunct("&&") {
            let at = cur.offset
            pos += 1
            e = call(at, Operators.logicalAnd, [e, try relation()])
        }
        return e
    }

    mutating func relation() throws -> Expr {
        var e = try addition()
        while true {
            let op: String
            switch cur.token {
            case .punct(let p) where ["<", "<=", ">", ">=", "==", "!="].contains(p): op = p
            case .ident("in"): op = "in"
            default: return e
            }
            let at = cur.offset
            pos += 1
            e = call(at, Operators.binary[op]!, [e, try addition()])
        }
    }

    mutating func addition() throws -> Expr {
        var e = try multiplication()
        while case .punct(let p) = cur.token, p == "+" || p == "-" {
            let at = cur.offset
            pos += 1
            e = call(at, Operators.binary[p]!, [e, try multiplication()])
        }
        return e
    }

    mutating func multiplication() throws -> Expr {
        var e = try unary()
        while case .punct(let p) = cur.token, p == "*" || p == "/" || p == "%" {
            let at = cur.offset
            pos += 1
            e = call(at, Operators.binary[p]!, [e, try unary()])
        }
        return e
    }

    mutating func unary() throws -> Expr {
        if isPunct("!") {
            var ats: [Int] = []
            while isPunct("!") { ats.append(cur.offset); pos += 1 }
            var e = try member()
            for at in ats.reversed() { e = call(at, Operators.logicalNot, [e]) }
            return e
        }
        if isPunct("-") {
            var ats: [Int] = []
            while isPunct("-") { ats.append(cur.offset); pos += 1 }
            var e: Expr
            // A minus directly before a number is part of the literal (so the smallest int parses).
            switch cur.token {
            case .int(let s), .double(let s):
                let at = ats.removeLast()
                e = try member(negativeLiteral: (s, at))
            default:
                e = try member()
            }
            for at in ats.reversed() { e = call(at, Operators.negate, [e]) }
            return e
        }
        return try member()
    }

    // MARK: members

    mutating func member(negativeLiteral: (String, Int)? = nil) throws -> Expr {
        var e = try primary(negativeLiteral: negativeLiteral)
        while true {
            if isPunct(".") || isPunct(".?") {
                let optional = isPunct(".?")
                if optional && !features.contains(.optionalSyntax) { throw error("unsupported syntax '.?'") }
                let at = cur.offset
                pos += 1
                guard let name = escapedField() else {
                    throw error("no viable alternative at input '.\(tokenText(cur.token))'")
                }
                if !optional && isPunct("(") {
                    // cel-go places a call (and a macro's expansion) at its opening parenthesis.
                    let open = cur.offset
                    pos += 1
                    let args = try exprList(close: ")")
                    e = try expandMacro(open, name, target: e, args: args) ?? call(open, name, args, target: e)
                } else if optional {
                    e = call(at, Operators.optSelect, [e, make(at, .literal(.string(name)))])
                } else {
                    e = make(at, .select(operand: e, field: name, testOnly: false, optional: false))
                }
            } else if isPunct("[") || isPunct("[?") {
                let optional = isPunct("[?")
                if optional && !features.contains(.optionalSyntax) { throw error("unsupported syntax '[?'") }
                let at = cur.offset
                pos += 1
                let index = try expr()
                try expect("]")
                e = call(at, optional ? Operators.optIndex : Operators.index, [e, index])
            } else {
                return e
            }
        }
    }

    /// A field name after `.`: an identifier, or any text between backquotes.
    mutating func escapedField() -> String? {
        switch cur.token {
        case .ident(let name): pos += 1; return name
        case .quotedField(let name): pos += 1; return name
        default: return nil
        }
    }

    mutating func exprList(close: String) throws -> [Expr] {
        var args: [Expr] = []
        if accept(close) { return args }
        while true {
            args.append(try expr())
            if accept(close) { return args }
            try expect(",")
        }
    }

    mutating func primary(negativeLiteral: (String, Int)?) throws -> Expr {
        let t = cur
        if let (_, at) = negativeLiteral {
            pos += 1
            return make(at, .literal(try Self.numberLiteral(t.token, negative: true, offset: at)))
        }
        switch t.token {
        case .int, .uint, .double:
            pos += 1
            return make(t.offset, .literal(try Self.numberLiteral(t.token, negative: false, offset: t.offset)))
        case .string(let s):
            pos += 1
            return make(t.offset, .literal(.string(s)))
        case .bytes(let b):
            pos += 1
            return make(t.offset, .literal(.bytes(b)))
        case .ident(let name):
            return try identifier(name, leadingDot: false)
        case .punct("."):
            pos += 1
            guard case .ident(let name) = cur.token else { throw error("no viable alternative at input '.'") }
            return try identifier(name, leadingDot: true)
        case .punct("("):
            pos += 1
            let e = try expr()
            try expect(")")
            return e
        case .punct("["), .punct("[?"):
            return try listLiteral(t.offset)
        case .punct("{"):
            pos += 1
            return try mapLiteral(t.offset)
        case .eof:
            throw error("mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}")
        default:
            throw error("extraneous input '\(tokenText(t.token))'")
        }
    }

    mutating func identifier(_ first: String, leadingDot: Bool) throws -> Expr {
        let at = cur.offset
        pos += 1
        switch first {
        case "true" where !leadingDot: return make(at, .literal(.bool(true)))
        case "false" where !leadingDot: return make(at, .literal(.bool(false)))
        case "null" where !leadingDot: return make(at, .literal(.null))
        case "in": throw error("mismatched input 'in'", at: at)
        default: break
        }
        if Self.reserved.contains(first) { throw error("reserved identifier: \(first)", at: at) }
        let name = leadingDot ? "." + first : first
        if isPunct("(") {
            let open = cur.offset
            pos += 1
            let args = try exprList(close: ")")
            return try expandMacro(open, name, target: nil, args: args) ?? call(open, name, args)
        }
        // A message literal: Ident{.Ident}{ fields }.
        if isPunct("{") || (isPunct(".") && messageAhead()) {
            var typeName = name
            while accept(".") {
                guard case .ident(let part) = cur.token else { throw error("no viable alternative") }
                typeName += "." + part
                pos += 1
            }
            try expect("{")
            return try messageLiteral(at, typeName)
        }
        return make(at, .ident(name))
    }

    /// Whether `.a.b{` follows (a qualified message name rather than field selections).
    func messageAhead() -> Bool {
        var k = pos
        while k + 1 < toks.count, case .punct(".") = toks[k].token, case .ident = toks[k + 1].token { k += 2 }
        if k < toks.count, case .punct("{") = toks[k].token { return true }
        return false
    }

    mutating func listLiteral(_ at: Int) throws -> Expr {
        var elements: [Expr] = []
        var optional: Set<Int> = []
        if accept("[?") {
            optional.insert(0)
        } else {
            try expect("[")
        }
        while !isPunct("]") {
            if accept("?") { optional.insert(elements.count) }
            elements.append(try expr())
            if !accept(",") { break }
        }
        try expect("]")
        return make(at, .list(elements: elements, optionalIndices: optional))
    }

    mutating func mapLiteral(_ at: Int) throws -> Expr {
        var entries: [Expr.MapEntry] = []
        while !isPunct("}") {
            let opt = accept("?")
            let k = try expr()
            try expect(":")
            let v = try expr()
            entries.append(.init(key: k, value: v, optional: opt))
            if !accept(",") { break }
        }
        try expect("}")
        return make(at, .map(entries: entries))
    }

    mutating func messageLiteral(_ at: Int, _ type: String) throws -> Expr {
        var fields: [Expr.FieldInit] = []
        while !isPunct("}") {
            let opt = accept("?")
            guard case .ident(let f) = cur.token else { throw error("mismatched input '\(tokenText(cur.token))' expecting IDENTIFIER") }
            pos += 1
            try expect(":")
            fields.append(.init(field: f, value: try expr(), optional: opt))
            if !accept(",") { break }
        }
        try expect("}")
        return make(at, .message(type: type, fields: fields))
    }

    static func numberLiteral(_ t: Token, negative: Bool, offset: Int) throws -> Value {
        func fail() -> CELSyntaxError { CELSyntaxError(message: "invalid int literal", offset: offset) }
        switch t {
        case .int(let s):
            let body = s.hasPrefix("0x") || s.hasPrefix("0X") ? String(s.dropFirst(2)) : s
            let radix = body.count == s.count ? 10 : 16
            guard let mag = UInt64(body, radix: radix) else { throw fail() }
            if negative {
                if mag == UInt64(Int64.max) + 1 { return .int(Int64.min) }
                guard mag <= UInt64(Int64.max) else { throw fail() }
                return .int(-Int64(mag))
            }
            guard mag <= UInt64(Int64.max) else { throw fail() }
            return .int(Int64(mag))
        case .uint(let s):
            if negative { throw CELSyntaxError(message: "invalid uint literal", offset: offset) }
            let body = s.hasPrefix("0x") || s.hasPrefix("0X") ? String(s.dropFirst(2)) : s
            guard let v = UInt64(body, radix: body.count == s.count ? 10 : 16) else {
                throw CELSyntaxError(message: "invalid uint literal", offset: offset)
            }
            return .uint(v)
        case .double(let s):
            guard let d = Double(s) else { throw CELSyntaxError(message: "invalid double literal", offset: offset) }
            return .double(negative ? -d : d)
        default:
            throw fail()
        }
    }
}
