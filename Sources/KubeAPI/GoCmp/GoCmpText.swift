/// go-cmp's text tree and its layout (report_text.go of v0.6.0): a record list prints on one line
/// unless it holds a removed or inserted record, a multi-line value or a comment (or is a removed or
/// inserted value over 80 columns); multi-line lists align their keys, batch bare scalar elements up to
/// 80 columns, and mark every line with a two-column prefix (`  `, `- `, `+ `) and tabs. (go-cmp
/// sometimes uses non-breaking spaces in the prefix to discourage parsing; this uses plain spaces.)
indirect enum GoText: Equatable {
    case line(String)
    case wrap(String, GoText, String)
    case list([GoRecord])

    static let ellipsis = GoText.line("...")
    static let nilLine = GoText.line("nil")

    var isLine: Bool { if case .line = self { return true }; return false }

    /// The single-line length (diff marks and comments left out).
    var length: Int {
        switch self {
        case .line(let s): return s.utf8.count
        case .wrap(let p, let v, let q): return p.utf8.count + v.length + q.utf8.count
        case .list(let rs):
            var n = 0
            for (i, r) in rs.enumerated() {
                n += r.key.utf8.count + (r.key.isEmpty ? 0 : 2) + r.value.length + (i < rs.count - 1 ? 2 : 0)
            }
            return n
        }
    }

    /// The whole report: leading indent, the body, a trailing newline.
    var report: String {
        let (_, compacted) = compact(" ")
        return GoText.indent(0, " ") + compacted.expanded(" ", 0) + "\n"
    }

    static func indent(_ n: Int, _ d: Character) -> String {
        (d == "-" ? "- " : d == "+" ? "+ " : "  ") + String(repeating: "\t", count: n)
    }

    static func merge(_ d: Character, _ r: Character) -> Character { r == " " ? d : r }

    /// The single-line text, and the node with whatever fits on one line turned into lines.
    func compact(_ d: Character) -> (String, GoText) {
        switch self {
        case .line(let s): return (s, self)
        case .wrap(let p, let v, let q):
            let (t, c) = v.compact(d)
            let text = p + t + q
            return c.isLine ? (text, .line(text)) : (text, .wrap(p, c, q))
        case .list(let rs):
            var text = "", multi = false, out = rs
            for (i, r) in rs.enumerated() {
                if r.diff != " " { multi = true }
                text += r.key + (r.key.isEmpty ? "" : ": ")
                let (t, c) = r.value.compact(GoText.merge(d, r.diff))
                text += t
                out[i].value = c
                if !c.isLine || r.comment != nil { multi = true }
                if i < rs.count - 1 { text += ", " }
            }
            if (d == "-" || d == "+") && text.utf8.count > 80 { multi = true }
            return multi ? (text, .list(out)) : (text, .line(text))
        }
    }

    func expanded(_ d: Character, _ n: Int) -> String {
        switch self {
        case .line(let s): return s
        case .wrap(let p, let v, let q): return p + v.expanded(d, n) + q
        case .list(let rs): return GoText.expandList(rs, d, n)
        }
    }

    static func expandList(_ rs: [GoRecord], _ d: Character, _ n: Int) -> String {
        let keyPads = alignLens(rs, skip: { $0.key.isEmpty || !$0.value.isLine }, len: { $0.key.count })
        let valuePads = alignLens(rs, skip: { !$0.value.isLine || $0.value == .ellipsis || $0.comment == nil },
                                  len: { if case .line(let s) = $0.value { return s.count }; return 0 })
        var simple = false
        for r in rs {
            simple = r.diff == " " && r.key.isEmpty && r.value.isLine && r.comment == nil
            if !simple { break }
        }
        var b = ""
        if simple {
            var batch = ""
            func emit() {
                guard !batch.isEmpty else { return }
                b += "\n" + indent(n + 1, d) + String(batch.reversed().drop(while: { $0 == " " }).reversed())
                batch = ""
            }
            for r in rs {
                guard case .line(let l) = r.value else { continue }
                if batch.utf8.count + l.utf8.count + 2 > 80 { emit() }
                batch += l + ", "
            }
            emit()
            return b + "\n" + indent(n, d)
        }
        for (i, r) in rs.enumerated() {
            let rd = merge(d, r.diff)
            b += "\n" + indent(n + 1, rd)
            if !r.key.isEmpty { b += r.key + ": " }
            b += String(repeating: " ", count: keyPads[i])
            b += r.value.expanded(rd, n + 1)
            if !r.elideComma { b += "," }
            b += String(repeating: " ", count: valuePads[i])
            if let c = r.comment { b += " // " + c }
        }
        return b + "\n" + indent(n, d)
    }

    static func alignLens(_ rs: [GoRecord], skip: (GoRecord) -> Bool, len: (GoRecord) -> Int) -> [Int] {
        var start = 0, end = 0, maxLen = 0
        var lens = Array(repeating: 0, count: rs.count)
        for (i, r) in rs.enumerated() {
            if skip(r) {
                for j in start..<end where j < rs.count { lens[j] = maxLen - len(rs[j]) }
                start = i + 1; end = i + 1; maxLen = 0
            } else {
                maxLen = max(maxLen, len(r))
                end = i + 1
            }
        }
        for j in start..<end where j < rs.count { lens[j] = maxLen - len(rs[j]) }
        return lens
    }
}

/// One record of a list: its diff mark (" ", "-", "+"), key, value, and an optional trailing comment.
struct GoRecord: Equatable {
    var diff: Character = " "
    var key = ""
    var value: GoText
    var elideComma = false
    var stats: GoDiffStats?
    var comment: String? { stats.map(\.text) }
}

/// Counts of coalesced records, printed in an ellipsis comment (`... // 5 identical fields`).
struct GoDiffStats: Equatable {
    var name: String
    var identical = 0, removed = 0, inserted = 0, modified = 0
    var numDiff: Int { removed + inserted + modified }
    var isZero: Bool { identical + numDiff == 0 }

    var text: String {
        let labels = ["identical", "removed", "inserted", "modified"]
        let counts = [identical, removed, inserted, modified]
        let parts = zip(counts, labels).filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        var noun = name
        if counts.reduce(0, +) > 1 {
            noun += "s"
            if noun.hasSuffix("ys") { noun = String(noun.dropLast(2)) + "ies" }
        }
        switch parts.count {
        case 0: return ""
        case 1, 2: return parts.joined(separator: " and ") + " " + noun
        default: return parts.dropLast().joined(separator: ", ") + ", and " + parts.last! + " " + noun
        }
    }
}

extension Array where Element == GoRecord {
    /// Adds an ellipsis, or adds the counts to the one already last.
    mutating func appendEllipsis(_ ds: GoDiffStats?) {
        let counted = (ds?.isZero ?? true) ? nil : ds
        if let last = self.last, last.value == .ellipsis {
            if let counted, let prev = last.stats {
                var sum = prev
                sum.identical += counted.identical; sum.removed += counted.removed
                sum.inserted += counted.inserted; sum.modified += counted.modified
                self[count - 1].stats = sum
            }
            return
        }
        append(GoRecord(value: .ellipsis, elideComma: true, stats: counted))
    }
}
