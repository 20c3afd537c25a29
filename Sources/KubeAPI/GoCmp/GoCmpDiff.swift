import KubeModel

/// go-cmp's `cmp.Diff(x, y)` of two Go values, as the API server prints it in a Pod update refusal:
/// the comparison tree (leaves counted same or different; slices matched by an edit script whose
/// elements pair up when "similar"), then its report: changed records with two records of context on
/// either side, runs of equal ones folded into `... // N identical fields`, removed and inserted values
/// typed in full, equal ones untyped and cut short by go-cmp's verbosity limits.
final class GoCmpNode {
    let type: GoType
    let x: GoValue?, y: GoValue?
    var records: [(key: String, keyValue: GoValue?, node: GoCmpNode)] = []
    var pointee: GoCmpNode?
    var same = 0, diff = 0, children = 0, depth = 0

    init(_ type: GoType, _ x: GoValue?, _ y: GoValue?) { self.type = type; self.x = x; self.y = y }

    func add(_ child: GoCmpNode) {
        same += child.same; diff += child.diff
        children += child.children + 1
        depth = max(depth, child.depth + 1)
    }
    var isLeaf: Bool { depth == 0 }
}

enum GoCmp {
    static func diff(_ x: GoValue, _ y: GoValue) -> String {
        let root = compare(x.type, x, y)
        if root.diff == 0 { return "" }
        return Formatter(mode: "?", typeMode: .emit).formatDiff(root).report
    }

    // MARK: comparing

    static func compare(_ type: GoType, _ x: GoValue?, _ y: GoValue?) -> GoCmpNode {
        let node = GoCmpNode(type, x, y)
        guard let x, let y else { node.diff = 1; return node }
        switch (x, y) {
        case (.structure(let t, let fx), .structure(_, let fy)):
            if case .quantity = t {
                if GoValues.amount(x) == GoValues.amount(y) { node.same = 1 } else { node.diff = 1 }
                return node
            }
            let names = fx.map(\.name) + fy.map(\.name).filter { n in !fx.contains { $0.name == n } }
            for n in names {
                let a = fx.first { $0.name == n }?.value, b = fy.first { $0.name == n }?.value
                let child = compare((a ?? b)!.type, a, b)
                node.records.append((n, nil, child)); node.add(child)
            }
        case (.slice(let t, let ex), .slice(_, let ey)):
            guard let ex, let ey else { if (ex == nil) == (ey == nil) { node.same = 1 } else { node.diff = 1 }; return node }
            guard case .slice(let et) = t else { return node }
            for (i, j) in editScript(ex, ey, et) {
                let child = compare(et, i.map { ex[$0] }, j.map { ey[$0] })
                node.records.append(("", nil, child)); node.add(child)
            }
        case (.map(let t, let ex), .map(_, let ey)):
            guard let ex, let ey else { if (ex == nil) == (ey == nil) { node.same = 1 } else { node.diff = 1 }; return node }
            guard case .map(_, _, let vt) = t else { return node }
            var keys: [GoValue] = []
            for k in ex.map(\.key) + ey.map(\.key) where !keys.contains(k) { keys.append(k) }
            keys.sort { keyText($0) < keyText($1) }
            for k in keys {
                let child = compare(vt, ex.first { $0.key == k }?.value, ey.first { $0.key == k }?.value)
                node.records.append(("", k, child)); node.add(child)
            }
        case (.pointer(let t, let px), .pointer(_, let py)):
            guard let px, let py, case .ptr(let et) = t else {
                if (px == nil) == (py == nil) { node.same = 1 } else { node.diff = 1 }
                return node
            }
            let child = compare(et, px, py)
            node.pointee = child; node.add(child)
        default:
            if x == y { node.same = 1 } else { node.diff = 1 }
        }
        return node
    }

    static func keyText(_ k: GoValue) -> String { if case .string(let s, _) = k { return s }; return "" }

    /// Pairs of indexes (x, y) in order: both for elements matched as equal or similar
    /// (same + 1 >= different), one side for elements removed or inserted.
    static func editScript(_ xs: [GoValue], _ ys: [GoValue], _ t: GoType) -> [(Int?, Int?)] {
        let n = xs.count, m = ys.count
        var similar = Array(repeating: Array(repeating: false, count: m), count: n)
        for i in 0..<n { for j in 0..<m { let c = compare(t, xs[i], ys[j]); similar[i][j] = c.same + 1 >= c.diff } }
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = similar[i][j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [(Int?, Int?)] = [], i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, similar[i][j], lcs[i][j] == lcs[i + 1][j + 1] + 1 { out.append((i, j)); i += 1; j += 1 }
            else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] { out.append((i, nil)); i += 1 }
            else { out.append((nil, j)); j += 1 }
        }
        return out
    }
}
