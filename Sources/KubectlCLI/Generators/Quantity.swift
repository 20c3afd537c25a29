import KubeModel

extension Quantity {
    /// `resource.ParseQuantity` + `String()`: the canonical form of a quantity given on the command line
    /// (`1000m` → `1`, `2000` → `2k`, `2048Mi` → `2Gi`, `0.5` → `500m`), or apimachinery's error.
    static func canonical(_ text: String) throws -> String {
        do { return try Quantity.parse(text).description } catch let e as QuantityError {
            throw CLIError.message(e.message)
        }
    }
}

/// `metav1.ParseToLabelSelector` over the label-selector grammar (`a=b,c in (x,y),!d,e`).
enum SelectorParser {
    struct Requirement { var key: String; var op: String; var values: [String] }

    static func labelSelector(_ text: String) throws -> JSONValue {
        let reqs = try parse(text).sorted { goStringLess($0.key, $1.key) }
        var matchLabels: [(String, String)] = []
        var exprs: [JSONValue] = []
        for r in reqs {
            switch r.op {
            case "=", "==":
                matchLabels.removeAll { $0.0 == r.key }
                matchLabels.append((r.key, r.values[0]))
            case "in", "notin", "exists", "!":
                let op = ["in": "In", "notin": "NotIn", "exists": "Exists", "!": "DoesNotExist"][r.op]!
                exprs.append(Gen.obj([("key", .string(r.key)), ("operator", .string(op)),
                                      ("values", r.values.isEmpty ? nil : Gen.strings(Array(Set(r.values)).sorted(by: goStringLess)))]))
            case "gt", "lt":
                throw CLIError.message("\"\(r.op)\" isn't supported in label selectors")
            default:
                throw CLIError.message("\"\(r.op)\" is not a valid label selector operator")
            }
        }
        return Gen.obj([("matchLabels", matchLabels.isEmpty ? nil : Gen.sortedMap(matchLabels)),
                        ("matchExpressions", exprs.isEmpty ? nil : .array(exprs))])
    }

    enum Tok: Equatable { case id(String), comma, lparen, rparen, eq, deq, neq, not, gt, lt, end }

    static func lex(_ s: String) -> [Tok] {
        var out: [Tok] = []
        let c = Array(s)
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch == " " || ch == "\t" { i += 1; continue }
            switch ch {
            case ",": out.append(.comma); i += 1
            case "(": out.append(.lparen); i += 1
            case ")": out.append(.rparen); i += 1
            case "=":
                if i + 1 < c.count, c[i + 1] == "=" { out.append(.deq); i += 2 } else { out.append(.eq); i += 1 }
            case "!":
                if i + 1 < c.count, c[i + 1] == "=" { out.append(.neq); i += 2 } else { out.append(.not); i += 1 }
            case ">": out.append(.gt); i += 1
            case "<": out.append(.lt); i += 1
            default:
                var j = i
                while j < c.count, !" \t,()=!<>".contains(c[j]) { j += 1 }
                out.append(.id(String(c[i..<j])))
                i = j
            }
        }
        out.append(.end)
        return out
    }

    static func describe(_ t: Tok) -> String {
        switch t {
        case .id(let s): return s
        case .comma: return ","
        case .lparen: return "("
        case .rparen: return ")"
        case .eq: return "="
        case .deq: return "=="
        case .neq: return "!="
        case .not: return "!"
        case .gt: return ">"
        case .lt: return "<"
        case .end: return "EOS"
        }
    }

    static func parse(_ text: String) throws -> [Requirement] {
        let toks = lex(text)
        var i = 0
        var reqs: [Requirement] = []
        func fail(_ msg: String) -> CLIError {
            CLIError.message("couldn't parse the selector string \"\(text)\": unable to parse requirement: \(msg)")
        }
        while toks[i] != .end {
            var negate = false
            if toks[i] == .not { negate = true; i += 1 }
            guard case .id(let key) = toks[i] else {
                throw fail("found '\(describe(toks[i]))', expected: identifier")
            }
            i += 1
            if negate {
                reqs.append(Requirement(key: key, op: "!", values: []))
            } else {
                switch toks[i] {
                case .comma, .end:
                    reqs.append(Requirement(key: key, op: "exists", values: []))
                case .eq, .deq, .neq, .gt, .lt:
                    let op = toks[i] == .eq ? "=" : toks[i] == .deq ? "==" : toks[i] == .neq ? "!=" : toks[i] == .gt ? "gt" : "lt"
                    i += 1
                    var value = ""
                    if case .id(let v) = toks[i] { value = v; i += 1 }
                    reqs.append(Requirement(key: key, op: op, values: [value]))
                case .id(let w) where w == "in" || w == "notin":
                    i += 1
                    guard toks[i] == .lparen else { throw fail("found '\(describe(toks[i]))', expected: '('") }
                    i += 1
                    var vals: [String] = []
                    while true {
                        if case .id(let v) = toks[i] { vals.append(v); i += 1 } else { vals.append("") }
                        if toks[i] == .comma { i += 1; continue }
                        if toks[i] == .rparen { i += 1; break }
                        throw fail("found '\(describe(toks[i]))', expected: ',' or ')'")
                    }
                    reqs.append(Requirement(key: key, op: w, values: vals))
                default:
                    throw fail("found '\(describe(toks[i]))', expected: in, notin, =, ==, !=, gt, lt")
                }
            }
            if toks[i] == .comma { i += 1; continue }
            if toks[i] != .end { throw CLIError.message("couldn't parse the selector string \"\(text)\": found '\(describe(toks[i]))', expected: ',' or 'end of string'") }
        }
        return reqs
    }
}
