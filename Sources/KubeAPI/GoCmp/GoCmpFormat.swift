import KubeModel

/// go-cmp's report of a comparison tree (report_compare.go and report_reflect.go of v0.6.0): the diff
/// mode (`?` unknown, ` ` identical, `-` removed, `+` inserted), whether types print, and the
/// verbosity that bounds how many elements, fields and characters an equal value shows.
struct Formatter {
    enum TypeMode { case emit, elide, auto }
    var mode: Character
    var typeMode: TypeMode
    var verbosity = 0
    var limited = false

    func with(mode m: Character) -> Formatter { var o = self; o.mode = m; return o }
    func with(type t: TypeMode) -> Formatter { var o = self; o.typeMode = t; return o }
    func with(verbosity v: Int) -> Formatter { var o = self; o.verbosity = v; o.limited = true; return o }
    var level: Int { max(0, min(16, verbosity)) }

    func formatDiff(_ v: GoCmpNode) -> GoText {
        var o = self
        if mode == " " { o = o.with(verbosity: 1) } else if o.level < 3 { o = o.with(verbosity: 3) }
        if v.isLeaf {
            switch o.mode {
            case "?", " ":
                if v.diff == 0 {
                    let x = o.formatValue(v.x), y = o.formatValue(v.y)
                    return (x?.length ?? 0) < (y?.length ?? 0) ? (x ?? .nilLine) : (y ?? .nilLine)
                }
                var list: [GoRecord] = []
                if let x = o.with(type: .elide).formatValue(v.x) { list.append(GoRecord(diff: "-", value: x)) }
                if let y = o.with(type: .elide).formatValue(v.y) { list.append(GoRecord(diff: "+", value: y)) }
                return o.with(type: .emit).formatType(v.type, .list(list))
            case "-": return o.formatValue(v.x) ?? .nilLine
            default: return o.formatValue(v.y) ?? .nilLine
            }
        }
        if let p = v.pointee { return .wrap("&", o.formatDiff(p), "") }
        return o.formatType(v.type, o.formatDiffList(v))
    }

    func isStruct(_ t: GoType) -> Bool {
        switch t { case .named, .quantity, .intOrString, .opaque: return true; default: return false }
    }

    func formatDiffList(_ v: GoCmpNode) -> GoText {
        let isStructure = isStruct(v.type), isMap: Bool
        if case .map = v.type { isMap = true } else { isMap = false }
        let name = isStructure ? "field" : isMap ? "entry" : "element"
        var o = with(type: isStructure ? .auto : .elide)
        func key(_ r: (key: String, keyValue: GoValue?, node: GoCmpNode)) -> String {
            isStructure ? r.key : isMap ? Formatter.mapKey(r.keyValue) : ""
        }
        var maxLen = -1
        if o.limited {
            maxLen = o.mode == " " ? ((1 << o.level) >> 1) << 2 : (1 << o.level) << 1
            o.verbosity -= 1
        }
        if o.mode != "?" {
            var list: [GoRecord] = [], deferred = false
            for r in v.records {
                if list.count == maxLen { deferred = true; break }
                if isStructure {
                    let zero: Bool
                    switch o.mode {
                    case " ": zero = (r.node.x?.isZero ?? true) || (r.node.y?.isZero ?? true)
                    case "-": zero = r.node.x?.isZero ?? true
                    default: zero = r.node.y?.isZero ?? true
                    }
                    if zero { continue }
                }
                list.append(GoRecord(key: key(r), value: o.formatDiff(r.node)))
            }
            if deferred { list.appendEllipsis(nil) }
            return .wrap("{", .list(list), "}")
        }
        var list: [GoRecord] = [], numDiffs = 0
        var recs = v.records[...]
        let groups = Formatter.coalesce(name, v.records.map(\.node))
        var overflow = GoDiffStats(name: name)
        for (i, ds) in groups.enumerated() {
            if maxLen >= 0 && numDiffs >= maxLen {
                overflow.identical += ds.identical; overflow.removed += ds.removed
                overflow.inserted += ds.inserted; overflow.modified += ds.modified
                continue
            }
            if ds.numDiff == 0 {
                var lo = 0, hi = 0
                let equal = ds.identical
                while lo < 2 && lo + hi < equal && i != 0 { lo += 1 }
                while hi < 2 && lo + hi < equal && i != groups.count - 1 { hi += 1 }
                if equal - (lo + hi) == 1 { hi += 1 }
                let group = Array(recs.prefix(equal))
                for r in group.prefix(lo) { list.append(GoRecord(key: key(r), value: o.with(mode: " ").formatDiff(r.node))) }
                if equal > lo + hi {
                    var folded = ds
                    folded.identical -= lo + hi
                    list.appendEllipsis(folded)
                }
                for r in group.suffix(hi) { list.append(GoRecord(key: key(r), value: o.with(mode: " ").formatDiff(r.node))) }
                recs = recs.dropFirst(equal)
                continue
            }
            for r in recs.prefix(ds.numDiff) {
                if r.node.children == r.node.depth {
                    let x = o.with(mode: "-").formatDiff(r.node), y = o.with(mode: "+").formatDiff(r.node)
                    if r.node.x != nil { list.append(GoRecord(diff: "-", key: key(r), value: x)) }
                    if r.node.y != nil { list.append(GoRecord(diff: "+", key: key(r), value: y)) }
                } else {
                    list.append(GoRecord(key: key(r), value: o.formatDiff(r.node)))
                }
            }
            recs = recs.dropFirst(ds.numDiff)
            numDiffs += ds.numDiff
        }
        if !overflow.isZero { list.appendEllipsis(overflow) }
        return .wrap("{", .list(list), "}")
    }

    /// Adjacent records grouped into runs of equal and of unequal ones.
    static func coalesce(_ name: String, _ nodes: [GoCmpNode]) -> [GoDiffStats] {
        var groups: [GoDiffStats] = [], last = 0
        for n in nodes {
            let kind = n.diff == 0 ? 1 : 2
            if kind != last { groups.append(GoDiffStats(name: name)); last = kind }
            if n.diff == 0 { groups[groups.count - 1].identical += 1 }
            else if n.y == nil { groups[groups.count - 1].removed += 1 }
            else if n.x == nil { groups[groups.count - 1].inserted += 1 }
            else { groups[groups.count - 1].modified += 1 }
        }
        return groups
    }

    func formatType(_ t: GoType, _ s: GoText) -> GoText {
        switch typeMode {
        case .elide: return s
        case .auto:
            guard t.isComposite, s != .nilLine, mode != " " else { return s }
        case .emit: break
        }
        var name = t.name
        if case .ptr = t { name = "(" + name + ")" }
        if case .wrap(let p, _, let q) = s, (p.hasPrefix("(") && q.hasSuffix(")")) || (p.hasPrefix("{") && q.hasSuffix("}")) {
            return .wrap(name, s, "")
        }
        return .wrap(name, .wrap("(", s, ")"), "")
    }

    static func mapKey(_ k: GoValue?) -> String {
        var o = Formatter(mode: " ", typeMode: .elide)
        o = o.with(verbosity: 6)
        guard let t = o.formatValue(k) else { return "" }
        let (text, _) = t.compact(" ")
        return String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    func formatValue(_ value: GoValue?) -> GoText? {
        guard let value else { return nil }
        var out: GoText
        var skipType = false
        switch value {
        case .string(let s, let stringer):
            if stringer { return formatString("s", s) }
            out = formatString("", s)
        case .int(let i): out = .line(String(i))
        case .bool(let b): out = .line(b ? "true" : "false")
        case .structure(_, let fields):
            var o = self, maxLen = fields.count
            if limited { maxLen = ((1 << level) >> 1) << 2; o.verbosity -= 1 }
            var list: [GoRecord] = []
            for f in fields where !f.value.isZero {
                if list.count == maxLen { list.appendEllipsis(nil); break }
                list.append(GoRecord(key: f.name, value: o.with(type: .auto).formatValue(f.value)!))
            }
            out = .wrap("{", .list(list), "}")
        case .slice, .map:
            out = formatCollection(value)
        case .pointer(_, let p):
            guard let p else { out = .nilLine; break }
            skipType = true
            out = .wrap("&", formatValue(p)!, "")
        }
        return skipType ? out : formatType(value.type, out)
    }

    func formatCollection(_ value: GoValue) -> GoText {
        var o = self
        func limit(_ count: Int) -> Int {
            guard o.limited else { return count }
            let n = ((1 << o.level) >> 1) << 2
            o.verbosity -= 1
            return n
        }
        var list: [GoRecord] = []
        switch value {
        case .slice(_, let elems):
            guard let elems else { return .nilLine }
            let maxLen = limit(elems.count)
            for e in elems {
                if list.count == maxLen { list.appendEllipsis(nil); break }
                list.append(GoRecord(value: o.with(type: .elide).formatValue(e)!))
            }
        case .map(_, let entries):
            guard let entries else { return .nilLine }
            let maxLen = limit(entries.count)
            for e in entries {
                if list.count == maxLen { list.appendEllipsis(nil); break }
                list.append(GoRecord(key: Formatter.mapKey(e.key), value: o.with(type: .elide).formatValue(e.value)!))
            }
        default: break
        }
        return .wrap("{", .list(list), "}")
    }

    /// A string as go-cmp quotes it: strconv.Quote, or a raw literal when that is shorter, cut to the
    /// verbosity's length.
    func formatString(_ prefix: String, _ s: String) -> GoText {
        let maxLen = limited ? (1 << level) << 5 : s.utf8.count
        if s.utf8.count > maxLen + 3 {
            let cut = String(decoding: Array(s.utf8.prefix(maxLen)), as: UTF8.self)
            return .line(prefix + Formatter.quote(cut) + "...")
        }
        return .line(prefix + Formatter.quote(s))
    }

    static func quote(_ s: String) -> String {
        let q = strconvQuote(s)
        if q.utf8.count == s.utf8.count + 2 { return q }
        if !s.contains(where: { $0 == "`" || $0 == "\n" || ($0.isASCII && $0.asciiValue! < 0x20 && $0 != "\t") || $0 == "\u{7f}" }) {
            return "`" + s + "`"
        }
        return q
    }
}

/// Entry points for tests of the report's pieces.
public enum GoCmpProbe {
    /// A quantity as an inserted value prints it.
    public static func quantity(_ text: String) -> String {
        let o = Formatter(mode: "+", typeMode: .elide).with(verbosity: 3)
        return o.formatValue(GoValues.quantity(text))!.compact("+").0
    }
    public static func quote(_ s: String) -> String { Formatter.quote(s) }
}
