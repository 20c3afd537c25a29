/// Regular expressions in Go's RE2 syntax, matched in time linear in the input (a Pike VM over a
/// compiled program), as Go's `regexp` matches them: leftmost-first, no backtracking, so patterns
/// such as `^(a*)*b$` cannot make a command hang. Matching works on Unicode scalars.
///
/// Supported: literals and escapes (`\n`, `\x41`, `\x{263a}`, `\Q...\E`, escaped punctuation), `.`,
/// classes (`[a-z]`, `[^...]`, `[[:alpha:]]`, `\d \w \s` and their negations), anchors (`^ $ \A \z
/// \b \B`), groups (`(...)`, `(?:...)`, `(?P<n>...)`, `(?<n>...)`), flags `i m s U` (`(?i)`,
/// `(?i:...)`), alternation and repetition (`* + ? {n} {n,} {n,m}`, lazy with `?`). Anything else
/// (Unicode property classes, for instance) throws `LinearRegex.Unsupported`.
public struct LinearRegex: Sendable {
    public struct Unsupported: Error, Sendable {
        public var reason: String
    }

    let program: [Inst]

    public init(_ pattern: String) throws {
        var p = RegexParser(Array(pattern.unicodeScalars))
        let node = try p.parseAll()
        var c = RegexCompiler()
        try c.emit(node)
        c.prog.append(.match)
        program = c.prog
    }

    /// Whether the pattern matches anywhere in `s`.
    public func matches(_ s: String) -> Bool { firstMatch(in: Array(s.unicodeScalars), from: 0) != nil }

    /// The first (leftmost-first) match at or after `from`, in scalar offsets.
    public func firstMatch(in s: [Unicode.Scalar], from: Int) -> Range<Int>? {
        PikeVM(program: program, input: s).run(from: from)
    }

    /// Every non-overlapping match, as Go's FindAllString finds them (an empty match right after a
    /// previous match is skipped).
    public func allMatches(in s: String, limit: Int = -1) -> [String] {
        let u = Array(s.unicodeScalars)
        var out: [String] = [], pos = 0, prevEnd = -1
        while pos <= u.count, limit < 0 || out.count < limit {
            guard let m = firstMatch(in: u, from: pos) else { break }
            if m.isEmpty && m.lowerBound == prevEnd {
                pos = m.lowerBound + 1
                continue
            }
            out.append(String(String.UnicodeScalarView(u[m])))
            prevEnd = m.upperBound
            pos = m.isEmpty ? m.upperBound + 1 : m.upperBound
        }
        return out
    }
}

// MARK: - Syntax tree

indirect enum RegexNode {
    case empty
    case char(Unicode.Scalar, fold: Bool)
    case set([ClosedRange<UInt32>], negated: Bool, fold: Bool)
    case any(newline: Bool)
    case concat([RegexNode])
    case alt([RegexNode])
    case rep(RegexNode, min: Int, max: Int?, greedy: Bool)
    case assert(RegexAssertion)
}

enum RegexAssertion { case beginText, endText, beginLine, endLine, word, notWord }

struct RegexFlags { var fold = false, multiLine = false, dotNL = false, ungreedy = false }

struct RegexParser {
    let s: [Unicode.Scalar]
    var i = 0
    init(_ s: [Unicode.Scalar]) { self.s = s }

    func fail(_ r: String) -> LinearRegex.Unsupported { LinearRegex.Unsupported(reason: r) }
    var atEnd: Bool { i >= s.count }
    func peek(_ o: Int = 0) -> Unicode.Scalar? { i + o < s.count ? s[i + o] : nil }

    mutating func parseAll() throws -> RegexNode {
        var flags = RegexFlags()
        let n = try parseAlt(&flags, depth: 0)
        if !atEnd { throw fail("unexpected )") }
        return n
    }

    mutating func parseAlt(_ flags: inout RegexFlags, depth: Int) throws -> RegexNode {
        guard depth < 1000 else { throw fail("nesting too deep") }
        var branches = [try parseConcat(&flags, depth: depth)]
        while peek() == "|" {
            i += 1
            branches.append(try parseConcat(&flags, depth: depth))
        }
        return branches.count == 1 ? branches[0] : .alt(branches)
    }

    mutating func parseConcat(_ flags: inout RegexFlags, depth: Int) throws -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek(), c != "|", c != ")" {
            guard let atom = try parseAtom(&flags, depth: depth) else { continue }
            items.append(try parseRepeat(atom, flags))
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    mutating func parseRepeat(_ atom: RegexNode, _ flags: RegexFlags) throws -> RegexNode {
        var node = atom
        while let c = peek() {
            var lo = 0, hi: Int? = nil
            switch c {
            case "*": i += 1
            case "+": i += 1; lo = 1
            case "?": i += 1; hi = 1
            case "{":
                guard let (a, b, len) = braces() else { return node }
                i += len; lo = a; hi = b
            default: return node
            }
            var greedy = !flags.ungreedy
            if peek() == "?" { i += 1; greedy.toggle() }
            node = .rep(node, min: lo, max: hi, greedy: greedy)
        }
        return node
    }

    /// `{n}`, `{n,}`, `{n,m}` at `i`: (min, max, length); nil when it is a literal brace.
    func braces() -> (Int, Int?, Int)? {
        var j = i + 1
        func number() -> Int? {
            var v = 0, any = false
            while j < s.count, ("0"..."9").contains(s[j]) {
                v = min(v * 10 + Int(s[j].value - 48), 100_000); any = true; j += 1
            }
            return any ? v : nil
        }
        guard let lo = number() else { return nil }
        var hi: Int? = lo
        if j < s.count, s[j] == "," {
            j += 1
            hi = number()
        }
        guard j < s.count, s[j] == "}" else { return nil }
        if lo > 1000 || (hi ?? 0) > 1000 || (hi.map { $0 < lo } ?? false) { return nil }
        return (lo, hi, j + 1 - i)
    }

    mutating func parseAtom(_ flags: inout RegexFlags, depth: Int) throws -> RegexNode? {
        let c = s[i]
        i += 1
        switch c {
        case "(": return try parseGroup(&flags, depth: depth)
        case "[": return try parseClass(flags)
        case ".": return .any(newline: flags.dotNL)
        case "^": return .assert(flags.multiLine ? .beginLine : .beginText)
        case "$": return .assert(flags.multiLine ? .endLine : .endText)
        case "\\": return try parseEscape(flags)
        case "*", "+", "?": throw fail("missing argument to repetition operator")
        default: return .char(c, fold: flags.fold)
        }
    }

    mutating func parseGroup(_ flags: inout RegexFlags, depth: Int) throws -> RegexNode? {
        var inner = flags
        if peek() == "?" {
            if peek(1) == "P" || (peek(1) == "<" && peek(2) != "=" && peek(2) != "!") {
                // Named capture: skip the name.
                while let c = peek(), c != ">" { i += 1 }
                i += 1
            } else {
                i += 1
                var on = true
                var local = flags
                loop: while let c = peek() {
                    i += 1
                    switch c {
                    case "i": local.fold = on
                    case "m": local.multiLine = on
                    case "s": local.dotNL = on
                    case "U": local.ungreedy = on
                    case "-": on = false
                    case ":": inner = local; break loop
                    case ")": flags = local; return nil
                    default: throw fail("invalid group flag")
                    }
                }
            }
        }
        let node = try parseAlt(&inner, depth: depth + 1)
        guard peek() == ")" else { throw fail("missing )") }
        i += 1
        return node
    }

    mutating func parseEscape(_ flags: RegexFlags) throws -> RegexNode {
        guard let c = peek() else { throw fail("trailing backslash") }
        i += 1
        switch c {
        case "A": return .assert(.beginText)
        case "z": return .assert(.endText)
        case "b": return .assert(.word)
        case "B": return .assert(.notWord)
        case "d", "D", "w", "W", "s", "S":
            return .set(Self.perlClass(c), negated: c.properties.isUppercase, fold: false)
        case "Q":
            var lits: [RegexNode] = []
            while i < s.count {
                if s[i] == "\\" && peek(1) == "E" { i += 2; break }
                lits.append(.char(s[i], fold: flags.fold)); i += 1
            }
            return .concat(lits)
        default:
            return .char(try escapedScalar(c), fold: flags.fold)
        }
    }

    static func perlClass(_ c: Unicode.Scalar) -> [ClosedRange<UInt32>] {
        switch c {
        case "d", "D": return [48...57]
        case "w", "W": return [48...57, 65...90, 95...95, 97...122]
        default: return [9...10, 12...13, 32...32]
        }
    }

    /// The scalar of an escape whose letter `c` was just read (not a class or an assertion).
    mutating func escapedScalar(_ c: Unicode.Scalar) throws -> Unicode.Scalar {
        switch c {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "a": return "\u{07}"
        case "x":
            var hex = ""
            if peek() == "{" {
                i += 1
                while let h = peek(), h != "}" { hex.unicodeScalars.append(h); i += 1 }
                i += 1
            } else {
                for _ in 0..<2 { if let h = peek() { hex.unicodeScalars.append(h); i += 1 } }
            }
            guard let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) else { throw fail("invalid escape") }
            return u
        case "0"..."7":
            var v = c.value - 48
            for _ in 0..<2 { if let d = peek(), ("0"..."7").contains(d) { v = v * 8 + d.value - 48; i += 1 } }
            guard let u = Unicode.Scalar(v) else { throw fail("invalid escape") }
            return u
        default:
            guard c.isASCII, !c.properties.isAlphabetic else { throw fail("unsupported escape \\\(c)") }
            return c
        }
    }

    mutating func parseClass(_ flags: RegexFlags) throws -> RegexNode {
        var negated = false
        if peek() == "^" { negated = true; i += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard let c = peek() else { throw fail("missing ]") }
            if c == "]" && !first { i += 1; break }
            first = false
            if c == "[" && peek(1) == ":" {
                guard let end = (i + 2..<s.count).first(where: { s[$0] == ":" && $0 + 1 < s.count && s[$0 + 1] == "]" }) else { throw fail("bad class") }
                let name = String(String.UnicodeScalarView(s[(i + 2)..<end]))
                i = end + 2
                ranges += try posixClass(name)
                continue
            }
            i += 1
            var lo: Unicode.Scalar = c
            if c == "\\" {
                guard let e = peek() else { throw fail("trailing backslash") }
                i += 1
                if "dDwWsS".unicodeScalars.contains(e) {
                    let r = Self.perlClass(e)
                    ranges += e.properties.isUppercase ? Self.complement(r) : r
                    continue
                }
                lo = try escapedScalar(e)
            }
            if peek() == "-", let n = peek(1), n != "]" {
                i += 1
                var hi = s[i]
                i += 1
                if hi == "\\" { guard let e = peek() else { throw fail("trailing backslash") }; i += 1; hi = try escapedScalar(e) }
                guard hi.value >= lo.value else { throw fail("invalid character class range") }
                ranges.append(lo.value...hi.value)
            } else {
                ranges.append(lo.value...lo.value)
            }
        }
        return .set(ranges, negated: negated, fold: flags.fold)
    }

    func posixClass(_ name: String) throws -> [ClosedRange<UInt32>] {
        let table: [String: [ClosedRange<UInt32>]] = [
            "alnum": [48...57, 65...90, 97...122], "alpha": [65...90, 97...122], "ascii": [0...127], "blank": [9...9, 32...32],
            "cntrl": [0...31, 127...127], "digit": [48...57], "graph": [33...126], "lower": [97...122], "print": [32...126],
            "punct": [33...47, 58...64, 91...96, 123...126], "space": [9...13, 32...32], "upper": [65...90],
            "word": [48...57, 65...90, 95...95, 97...122], "xdigit": [48...57, 65...70, 97...102],
        ]
        if name.hasPrefix("^"), let r = table[String(name.dropFirst())] { return Self.complement(r) }
        guard let r = table[name] else { throw fail("invalid character class range") }
        return r
    }

    static func complement(_ r: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var out: [ClosedRange<UInt32>] = [], next: UInt32 = 0
        for x in r.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if x.lowerBound > next { out.append(next...(x.lowerBound - 1)) }
            next = max(next, x.upperBound + 1)
        }
        if next <= 0x10FFFF { out.append(next...0x10FFFF) }
        return out
    }
}

// MARK: - Program

enum Inst {
    case char(Unicode.Scalar, fold: Bool)
    case set([ClosedRange<UInt32>], negated: Bool, fold: Bool)
    case any(newline: Bool)
    case split(Int, Int)
    case jmp(Int)
    case assert(RegexAssertion)
    case match
}

struct RegexCompiler {
    var prog: [Inst] = []
    static let maxProgram = 50_000

    mutating func emit(_ n: RegexNode) throws {
        guard prog.count < Self.maxProgram else { throw LinearRegex.Unsupported(reason: "expression too large") }
        switch n {
        case .empty: break
        case .char(let c, let f): prog.append(.char(c, fold: f))
        case .set(let r, let neg, let f): prog.append(.set(r, negated: neg, fold: f))
        case .any(let nl): prog.append(.any(newline: nl))
        case .assert(let a): prog.append(.assert(a))
        case .concat(let items): for x in items { try emit(x) }
        case .alt(let branches):
            var jumps: [Int] = []
            for (k, b) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = prog.count
                    prog.append(.split(split + 1, 0))
                    try emit(b)
                    jumps.append(prog.count)
                    prog.append(.jmp(0))
                    prog[split] = .split(split + 1, prog.count)
                } else {
                    try emit(b)
                }
            }
            for j in jumps { prog[j] = .jmp(prog.count) }
        case .rep(let x, let lo, let hi, let greedy):
            for _ in 0..<lo { try emit(x) }
            if let hi {
                // Optional copies: x? x? ... (each nested so a shorter match stops early).
                var holes: [Int] = []
                for _ in lo..<hi {
                    let split = prog.count
                    prog.append(.split(0, 0))
                    holes.append(split)
                    try emit(x)
                }
                for h in holes { prog[h] = greedy ? .split(h + 1, prog.count) : .split(prog.count, h + 1) }
            } else {
                let split = prog.count
                prog.append(.split(0, 0))
                try emit(x)
                prog.append(.jmp(split))
                prog[split] = greedy ? .split(split + 1, prog.count) : .split(prog.count, split + 1)
            }
        }
    }
}

/// Thompson/Pike simulation: every thread advances in step over the input; threads are kept in
/// priority order so the first to match is the leftmost-first match.
struct PikeVM {
    let program: [Inst]
    let input: [Unicode.Scalar]

    func run(from start: Int) -> Range<Int>? {
        var clist: [(pc: Int, start: Int)] = [], nlist: [(pc: Int, start: Int)] = []
        var seen = [Int](repeating: -1, count: program.count)
        var matched: Range<Int>? = nil
        var pos = start
        while true {
            if matched == nil { add(&clist, pc: 0, start: pos, at: pos, seen: &seen) }
            if clist.isEmpty {
                // No thread alive: done once matched or at the end, else try a match from the next position.
                if matched != nil || pos >= input.count { break }
                pos += 1
                continue
            }
            nlist.removeAll(keepingCapacity: true)
            let c: Unicode.Scalar? = pos < input.count ? input[pos] : nil
            for t in clist {
                switch program[t.pc] {
                case .match:
                    matched = t.start..<pos
                    break   // lower-priority threads are cut
                case .char(let x, let fold):
                    if let c, Self.equal(c, x, fold) { add(&nlist, pc: t.pc + 1, start: t.start, at: pos + 1, seen: &seen) }
                    continue
                case .set(let r, let neg, let fold):
                    if let c, Self.inSet(c, r, fold) != neg { add(&nlist, pc: t.pc + 1, start: t.start, at: pos + 1, seen: &seen) }
                    continue
                case .any(let nl):
                    if let c, nl || c != "\n" { add(&nlist, pc: t.pc + 1, start: t.start, at: pos + 1, seen: &seen) }
                    continue
                default:
                    continue
                }
                break
            }
            if pos >= input.count { break }
            swap(&clist, &nlist)
            pos += 1
        }
        return matched
    }

    /// Follows jumps, splits and assertions from `pc` (priority order), adding the threads that
    /// consume input or match. Iterative, so a long program cannot overflow the stack.
    /// `seen[pc] == pos` marks the instructions already reached at this input position.
    func add(_ list: inout [(pc: Int, start: Int)], pc: Int, start: Int, at pos: Int, seen: inout [Int]) {
        var stack = [pc]
        while let p = stack.popLast() {
            if seen[p] == pos { continue }
            seen[p] = pos
            switch program[p] {
            case .jmp(let to): stack.append(to)
            case .split(let a, let b): stack.append(b); stack.append(a)
            case .assert(let a): if holds(a, at: pos) { stack.append(p + 1) }
            default: list.append((p, start))
            }
        }
    }

    func holds(_ a: RegexAssertion, at i: Int) -> Bool {
        switch a {
        case .beginText: return i == 0
        case .endText: return i == input.count
        case .beginLine: return i == 0 || input[i - 1] == "\n"
        case .endLine: return i == input.count || input[i] == "\n"
        case .word, .notWord:
            let before = i > 0 && Self.isWord(input[i - 1]), after = i < input.count && Self.isWord(input[i])
            return (before != after) == (a == .word)
        }
    }

    static func isWord(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("0"..."9").contains(c) || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }

    static func fold(_ c: Unicode.Scalar) -> UInt32 {
        let l = c.properties.lowercaseMapping.unicodeScalars
        return l.count == 1 ? l.first!.value : c.value
    }

    static func equal(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ fold: Bool) -> Bool {
        a == b || (fold && Self.fold(a) == Self.fold(b))
    }

    static func inSet(_ c: Unicode.Scalar, _ r: [ClosedRange<UInt32>], _ fold: Bool) -> Bool {
        if r.contains(where: { $0.contains(c.value) }) { return true }
        guard fold else { return false }
        let l = Self.fold(c)
        let u = c.properties.uppercaseMapping.unicodeScalars
        let up = u.count == 1 ? u.first!.value : c.value
        return r.contains { $0.contains(l) || $0.contains(up) }
    }
}
