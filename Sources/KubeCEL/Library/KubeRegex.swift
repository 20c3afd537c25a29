import KubeModel

// Kubernetes' regex library: `s.find(re)` (first match or "") and `s.findAll(re[, n])`.

extension FunctionTable {
    mutating func addKubernetesRegex() {
        member("find", cost: sizeCost) { a in
            guard case .string(let s) = a[0], case .string(let p) = a[1] else { return .error(.noOverload("find", a)) }
            guard let r = Strings.regex(p) else { return .err("Illegal regex: \(p)") }
            if let linear = Strings.linearRegex(p) {
                let u = Array(s.unicodeScalars)
                return .string(linear.firstMatch(in: u, from: 0).map { String(String.UnicodeScalarView(u[$0])) } ?? "")
            }
            guard let m = try? r.firstMatch(in: s) else { return .string("") }
            return .string(String(s[m.range]))
        }
        member("findAll", cost: sizeCost) { a in
            guard case .string(let s) = a[0], case .string(let p) = a[1] else { return .error(.noOverload("findAll", a)) }
            var limit = -1
            if a.count > 2 { guard case .int(let n) = a[2] else { return .error(.noOverload("findAll", a)) }; limit = Int(n) }
            guard let r = Strings.regex(p) else { return .err("Illegal regex: \(p)") }
            if limit == 0 { return .list([]) }
            if let linear = Strings.linearRegex(p) { return .list(linear.allMatches(in: s, limit: limit).map { .string($0) }) }
            var out: [Value] = []
            for m in s.matches(of: r) {
                if limit >= 0 && out.count >= limit { break }
                out.append(.string(String(s[m.range])))
            }
            return .list(out)
        }
    }
}
