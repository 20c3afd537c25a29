import KubeModel

/// `resource.ParseQuantity` + `String()`: validation and the canonical form of a quantity
/// (`1000m` → `1`, `2000` → `2k`, `2048Mi` → `2Gi`, `0.5` → `500m`). Exact for values that fit
/// in 64-bit mantissas.
enum Quantity {
    static let formatError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

    static func canonical(_ text: String) throws -> String {
        var s = Substring(text)
        var negative = false
        if s.hasPrefix("+") || s.hasPrefix("-") { negative = s.hasPrefix("-"); s = s.dropFirst() }
        let num = s.prefix { ($0 >= "0" && $0 <= "9") || $0 == "." }
        let suffix = String(s.dropFirst(num.count))
        guard !num.isEmpty, num.filter({ $0 == "." }).count <= 1, num != "." else { throw CLIError.message(formatError) }
        // digits as integer with decimal scale
        var digits = String(num).replacingOccurrences(of: ".", with: "")
        var scale = 0
        if let dot = num.firstIndex(of: ".") { scale = -num.distance(from: num.index(after: dot), to: num.endIndex) }
        while digits.count > 1 && digits.hasPrefix("0") { digits.removeFirst() }
        guard var mant = Int64(digits) else { throw CLIError.message(formatError) }
        var binary = false
        var binExp = 0
        switch suffix {
        case "": break
        case "n": scale -= 9
        case "u": scale -= 6
        case "m": scale -= 3
        case "k": scale += 3
        case "M": scale += 6
        case "G": scale += 9
        case "T": scale += 12
        case "P": scale += 15
        case "E": scale += 18
        case "Ki": binary = true; binExp = 10
        case "Mi": binary = true; binExp = 20
        case "Gi": binary = true; binExp = 30
        case "Ti": binary = true; binExp = 40
        case "Pi": binary = true; binExp = 50
        case "Ei": binary = true; binExp = 60
        default:
            if suffix.hasPrefix("e") || suffix.hasPrefix("E"), let e = Int(suffix.dropFirst()) {
                scale += e
            } else {
                throw CLIError.message(suffix.allSatisfy({ "eEinumkKMGTP+-0123456789".contains($0) }) ? "unable to parse quantity's suffix" : formatError)
            }
        }
        if mant == 0 { return "0" }
        let sign = negative ? "-" : ""
        if binary {
            // Exact integer value? mant * 10^scale * 2^binExp
            var v: Int64? = mant
            for _ in 0..<binExp { v = v.flatMap { $0.multipliedReportingOverflow(by: 2).overflow ? nil : $0 * 2 } }
            if scale >= 0 {
                for _ in 0..<scale { v = v.flatMap { $0.multipliedReportingOverflow(by: 10).overflow ? nil : $0 * 10 } }
            } else {
                var p: Int64 = 1
                for _ in 0..<(-scale) { p *= 10 }
                v = v.flatMap { $0 % p == 0 ? $0 / p : nil }
            }
            if var total = v {
                var exp = 0
                while total % 1024 == 0 && total != 0 && exp < 60 { total /= 1024; exp += 10 }
                let suffixes = [0: "", 10: "Ki", 20: "Mi", 30: "Gi", 40: "Ti", 50: "Pi", 60: "Ei"]
                if exp > 0 || (v! > -1024 && v! < 1024) == false { return sign + String(total) + suffixes[exp]! }
                mant = total
                scale = 0
            } else {
                // not an integer: decimal form of the value
                var d = Double(mant)
                for _ in 0..<(-scale) { d /= 10 }
                for _ in 0..<binExp { d *= 2 }
                mant = Int64((d * 1000).rounded(.up)); scale = -3
            }
        }
        // decimal SI: exponent multiple of 3, integer mantissa, as large as possible
        while scale % 3 != 0 {
            if scale > 0 || ((scale % 3) + 3) % 3 != 0 { mant *= 10; scale -= 1 } else { break }
        }
        while mant % 1000 == 0 && scale < 18 { mant /= 1000; scale += 3 }
        if scale < -9 {
            // round up to nano
            var m = mant
            var sc = scale
            while sc < -9 { m = (m + 9) / 10; sc += 1 }
            mant = m; scale = -9
        }
        let names = [-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"]
        return sign + String(mant) + (names[scale] ?? "e\(scale)")
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
