/// kubectl describe's prefix writer: each line is written at a nesting level (2 spaces per level) and
/// the whole document is aligned by one tabwriter (minwidth 0, padding 2) when it is finished.
public struct PrefixWriter {
    public private(set) var tab = TabWriter.describe()
    private var flushed = ""

    public init() {}

    /// Writes `text` indented by `level` (0 = no indent). The text carries its own TABs and newline.
    public mutating func write(_ level: Int, _ text: String) {
        if level > 0 { tab.write(String(repeating: "  ", count: level)) }
        tab.write(escapeTerminal(text))
    }

    /// Writes a line: `write(level, text + "\n")`.
    public mutating func line(_ level: Int, _ text: String) { write(level, text + "\n") }

    /// Aligns what was written so far on its own (describe flushes before its Events table).
    public mutating func flush() { flushed += tab.flush() }

    public mutating func finish() -> String {
        flush()
        return flushed
    }
}

/// cli-runtime's terminal escaping of table cells and describe text: ESC becomes `^[`, CR becomes `\r`.
public func escapeTerminal(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 == 0x1B || $0 == 0x0D }) else { return s }
    var out = ""
    for ch in s.unicodeScalars {
        switch ch {
        case "\u{1B}": out += "^["
        case "\r": out += "\\r"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}

/// Go's `strings.TrimSpace`: leading and trailing Unicode white space removed.
public func goTrimSpace(_ s: String) -> String {
    let ws: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\r\n"]
    var sub = Substring(s)
    while let f = sub.first, ws.contains(f) { sub = sub.dropFirst() }
    while let l = sub.last, ws.contains(l) { sub = sub.dropLast() }
    return String(sub)
}
