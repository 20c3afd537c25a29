import KubeModel

/// The part of jq that kwok's Stage expressions use: paths (`.a.b`, `.a["k"]`, `."k"`, `.[]`, `.[0]`,
/// optional `?`), pipes (`|`), `select(...)` with `==`, `!=`, `<`, `<=`, `>`, `>=`, `and`, `or`, `not`,
/// literals (strings, numbers, `true`, `false`, `null`) and `length`. A query yields a stream of values;
/// an error (iterating over a scalar, a syntax error) yields nil, which kwok's selector treats as "no
/// value".
struct JQQuery: Sendable {
    indirect enum Node: Sendable {
        case identity
        case literal(JSONValue)
        case field(Node, String, optional: Bool)
        case index(Node, Int)
        case iterate(Node, optional: Bool)
        case pipe(Node, Node)
        case select(Node)
        case compare(Node, String, Node)
        case logic(Node, String, Node)
        case not(Node)
        case length(Node)
    }

    let root: Node
    let source: String

    struct SyntaxError: Error { var message: String }
    struct RuntimeError: Error {}

    init(_ text: String) throws {
        var p = JQParser(Array(text.unicodeScalars))
        root = try p.parsePipe()
        p.skipSpace()
        if p.i < p.s.count { throw SyntaxError(message: "unexpected token at \(p.i) in \(text)") }
        source = text
    }

    /// The values the query yields, or nil when it fails.
    func run(_ input: JSONValue) -> [JSONValue]? {
        try? JQQuery.eval(root, input)
    }

    static func eval(_ n: Node, _ v: JSONValue) throws -> [JSONValue] {
        switch n {
        case .identity: return [v]
        case .literal(let l): return [l]
        case .field(let base, let key, let optional):
            return try eval(base, v).flatMap { x -> [JSONValue] in
                switch x {
                case .object(let o): return [o[key] ?? .null]
                case .null: return [.null]
                default: if optional { return [] }; throw RuntimeError()
                }
            }
        case .index(let base, let i):
            return try eval(base, v).flatMap { x -> [JSONValue] in
                switch x {
                case .array(let a):
                    let j = i < 0 ? a.count + i : i
                    return [j >= 0 && j < a.count ? a[j] : .null]
                case .null: return [.null]
                default: throw RuntimeError()
                }
            }
        case .iterate(let base, let optional):
            return try eval(base, v).flatMap { x -> [JSONValue] in
                switch x {
                case .array(let a): return a
                case .object(let o): return o.map { $0.1 }
                default: if optional { return [] }; throw RuntimeError()
                }
            }
        case .pipe(let a, let b):
            return try eval(a, v).flatMap { try eval(b, $0) }
        case .select(let cond):
            return try eval(cond, v).contains(where: truthy) ? [v] : []
        case .compare(let a, let op, let b):
            var out: [JSONValue] = []
            for y in try eval(b, v) { for x in try eval(a, v) { out.append(.bool(compare(x, op, y))) } }
            return out
        case .logic(let a, let op, let b):
            var out: [JSONValue] = []
            for x in try eval(a, v) {
                if op == "and" && !truthy(x) { out.append(false); continue }
                if op == "or" && truthy(x) { out.append(true); continue }
                for y in try eval(b, v) { out.append(.bool(truthy(y))) }
            }
            return out
        case .not(let a): return try eval(a, v).map { .bool(!truthy($0)) }
        case .length(let a):
            return try eval(a, v).map { x -> JSONValue in
                switch x {
                case .array(let arr): return .int(Int64(arr.count))
                case .object(let o): return .int(Int64(o.count))
                case .string(let s): return .int(Int64(s.unicodeScalars.count))
                case .null: return .int(0)
                default: return x
                }
            }
        }
    }

    static func truthy(_ v: JSONValue) -> Bool {
        switch v {
        case .null, .bool(false): return false
        default: return true
        }
    }

    static func compare(_ a: JSONValue, _ op: String, _ b: JSONValue) -> Bool {
        switch op {
        case "==": return numeric(a, b).map { $0 == $1 } ?? (a == b)
        case "!=": return !(numeric(a, b).map { $0 == $1 } ?? (a == b))
        default:
            if let (x, y) = numeric(a, b) {
                switch op { case "<": return x < y; case "<=": return x <= y; case ">": return x > y; default: return x >= y }
            }
            if let x = a.string, let y = b.string {
                switch op { case "<": return x < y; case "<=": return x <= y; case ">": return x > y; default: return x >= y }
            }
            return false
        }
    }

    private static func numeric(_ a: JSONValue, _ b: JSONValue) -> (Double, Double)? {
        func d(_ v: JSONValue) -> Double? {
            switch v {
            case .int(let i): return Double(i)
            case .double(let x): return x
            default: return nil
            }
        }
        guard let x = d(a), let y = d(b) else { return nil }
        return (x, y)
    }
}

/// A recursive-descent parser for the subset above.
private struct JQParser {
    let s: [Unicode.Scalar]
    var i = 0
    init(_ s: [Unicode.Scalar]) { self.s = s }

    mutating func skipSpace() { while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" { i += 1 } }

    mutating func peek(_ text: String) -> Bool {
        skipSpace()
        let t = Array(text.unicodeScalars)
        guard i + t.count <= s.count, Array(s[i..<i + t.count]) == t else { return false }
        return true
    }

    mutating func eat(_ text: String) -> Bool {
        guard peek(text) else { return false }
        i += text.unicodeScalars.count
        return true
    }

    mutating func expect(_ text: String) throws {
        if !eat(text) { throw JQQuery.SyntaxError(message: "expected \(text) at \(i)") }
    }

    mutating func parsePipe() throws -> JQQuery.Node {
        var left = try parseOr()
        while eat("|") { left = .pipe(left, try parseOr()) }
        return left
    }

    mutating func parseOr() throws -> JQQuery.Node {
        var left = try parseAnd()
        while eatWord("or") { left = .logic(left, "or", try parseAnd()) }
        return left
    }

    mutating func parseAnd() throws -> JQQuery.Node {
        var left = try parseCompare()
        while eatWord("and") { left = .logic(left, "and", try parseCompare()) }
        return left
    }

    mutating func parseCompare() throws -> JQQuery.Node {
        let left = try parsePostfix()
        for op in ["==", "!=", "<=", ">=", "<", ">"] where eat(op) {
            return .compare(left, op, try parsePostfix())
        }
        return left
    }

    mutating func eatWord(_ w: String) -> Bool {
        guard peek(w) else { return false }
        let end = i + w.unicodeScalars.count
        if end < s.count, isIdent(s[end]) { return false }
        i = end
        return true
    }

    func isIdent(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
    }

    mutating func parsePostfix() throws -> JQQuery.Node {
        var node = try parsePrimary()
        while true {
            skipSpace()
            guard i < s.count else { return node }
            if s[i] == "[" {
                node = try parseBracket(node)
            } else if s[i] == ".", i + 1 < s.count, s[i + 1] == "[" || s[i + 1] == "\"" || isIdent(s[i + 1]) {
                i += 1
                node = s[i] == "[" ? try parseBracket(node) : try parseFieldName(node)
            } else if s[i] == "?" {
                i += 1
                node = optional(node)
            } else {
                return node
            }
        }
    }

    func optional(_ n: JQQuery.Node) -> JQQuery.Node {
        switch n {
        case .field(let b, let k, _): return .field(b, k, optional: true)
        case .iterate(let b, _): return .iterate(b, optional: true)
        default: return n
        }
    }

    mutating func parsePrimary() throws -> JQQuery.Node {
        skipSpace()
        guard i < s.count else { throw JQQuery.SyntaxError(message: "unexpected end") }
        let c = s[i]
        if c == "." {
            i += 1
            if i < s.count, s[i] == "[" { return try parseBracket(.identity) }
            if i < s.count, s[i] == "\"" || isIdent(s[i]) { return try parseFieldName(.identity) }
            return .identity
        }
        if c == "(" {
            i += 1
            let inner = try parsePipe()
            try expect(")")
            return inner
        }
        if c == "\"" { return .literal(.string(try parseString())) }
        if c == "-" || (c >= "0" && c <= "9") { return .literal(parseNumber()) }
        if eatWord("true") { return .literal(true) }
        if eatWord("false") { return .literal(false) }
        if eatWord("null") { return .literal(.null) }
        if eatWord("length") { return .length(.identity) }
        if eatWord("not") { return .not(.identity) }
        if eatWord("select") {
            try expect("(")
            let cond = try parsePipe()
            try expect(")")
            return .select(cond)
        }
        throw JQQuery.SyntaxError(message: "unexpected token at \(i)")
    }

    mutating func parseFieldName(_ base: JQQuery.Node) throws -> JQQuery.Node {
        if s[i] == "\"" { return .field(base, try parseString(), optional: false) }
        var name = ""
        while i < s.count, isIdent(s[i]) { name.unicodeScalars.append(s[i]); i += 1 }
        return .field(base, name, optional: false)
    }

    mutating func parseBracket(_ base: JQQuery.Node) throws -> JQQuery.Node {
        try expect("[")
        if eat("]") { return .iterate(base, optional: false) }
        skipSpace()
        let node: JQQuery.Node
        if i < s.count, s[i] == "\"" {
            node = .field(base, try parseString(), optional: false)
        } else if case .literal(let n) = parsePrimaryNumber(), let idx = n.int {
            node = .index(base, Int(idx))
        } else {
            throw JQQuery.SyntaxError(message: "unsupported index at \(i)")
        }
        try expect("]")
        return node
    }

    mutating func parsePrimaryNumber() -> JQQuery.Node {
        skipSpace()
        guard i < s.count, s[i] == "-" || (s[i] >= "0" && s[i] <= "9") else { return .identity }
        return .literal(parseNumber())
    }

    mutating func parseNumber() -> JSONValue {
        var text = ""
        while i < s.count, s[i] == "-" || s[i] == "." || (s[i] >= "0" && s[i] <= "9") { text.unicodeScalars.append(s[i]); i += 1 }
        if let n = Int64(text) { return .int(n) }
        return .double(Double(text) ?? 0)
    }

    mutating func parseString() throws -> String {
        i += 1
        var out = ""
        while i < s.count, s[i] != "\"" {
            if s[i] == "\\", i + 1 < s.count {
                i += 1
                switch s[i] {
                case "n": out += "\n"
                case "t": out += "\t"
                default: out.unicodeScalars.append(s[i])
                }
            } else {
                out.unicodeScalars.append(s[i])
            }
            i += 1
        }
        guard i < s.count else { throw JQQuery.SyntaxError(message: "unterminated string") }
        i += 1
        return out
    }
}
