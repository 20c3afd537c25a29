/// Go `text/tabwriter` semantics (flags 0, space padding), which every kubectl table goes through.
///
/// Text is split into lines and each line into cells at TABs. Only tab-terminated cells belong to a
/// column; the text after the last TAB is printed as is. Column widths are computed per *block* of
/// consecutive lines that all have a terminated cell in that column, so a line without tabs ends the
/// alignment of everything around it:
///
///     "a\tb\n" + "long\tc\n"  (minwidth 0, padding 2)  ->  "a     b\n" + "long  c\n"
///
/// Rows can also be added as cells (`writeRow`), which skips joining and re-splitting: large tables
/// go through here.
public struct TabWriter {
    public var minWidth: Int
    public var padding: Int
    /// Lines as cells (the last cell of a line is the unterminated trailing text).
    private var lines: [[Substring]] = []
    private var pending = ""
    /// Whether the last buffered line ended with a newline.
    private var endsWithNewline = true
    /// kubectl's tabwriter flag `RememberWidths` (liggitt/tabwriter): a column is never narrower than
    /// it was in an earlier block or flush of this writer.
    public var rememberWidths = false
    private var maxWidths: [Int] = []

    /// `get` tables: minwidth 6, padding 3.
    public static func table() -> TabWriter { TabWriter(minWidth: 6, padding: 3) }
    /// `describe` and `rollout history`: minwidth 0, padding 2.
    public static func describe() -> TabWriter { TabWriter(minWidth: 0, padding: 2) }

    public init(minWidth: Int, padding: Int) {
        self.minWidth = minWidth
        self.padding = padding
    }

    public mutating func write(_ text: String) { pending += text }

    /// Adds one row of cells, each terminated by a TAB except the last (`cells.joined("\t") + "\n"`).
    public mutating func writeRow(_ cells: [String]) {
        splitPending()
        if cells.contains(where: { hasControlCharacter($0) }) {
            pending = cells.joined(separator: "\t") + "\n"
            splitPending()
            return
        }
        lines.append(cells.map { Substring($0) })
        endsWithNewline = true
    }

    private mutating func splitPending() {
        guard !pending.isEmpty else { return }
        var text = pending
        pending = ""
        endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { text.removeLast() }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(raw.split(separator: "\t", omittingEmptySubsequences: false))
        }
    }

    /// Formats everything written so far and resets the writer.
    public mutating func flush() -> String {
        splitPending()
        if lines.isEmpty { return "" }
        let widthCache = lines.map { $0.map { cellWidth($0) } }
        var widthsByLine: [[Int]] = Array(repeating: [], count: lines.count)
        var widths: [Int] = []
        format(0, lines.count, &widths, &widthsByLine, widthCache)
        var out: [UInt8] = []
        out.reserveCapacity(lines.count * 64)
        for (i, cells) in lines.enumerated() {
            let w = widthsByLine[i]
            for (j, cell) in cells.enumerated() {
                if cell.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
                    out.append(contentsOf: cell.utf8)
                }
                if j < cells.count - 1, j < w.count {
                    let n = w[j] - widthCache[i][j]
                    if n > 0 { out.append(contentsOf: repeatElement(0x20, count: n)) }
                }
            }
            if i < lines.count - 1 || endsWithNewline { out.append(0x0A) }
        }
        lines = []
        endsWithNewline = true
        return String(decoding: out, as: UTF8.self)
    }

    /// Width in runes (Unicode scalars), as Go counts it.
    private func cellWidth(_ s: Substring) -> Int {
        let ascii = s.utf8.withContiguousStorageIfAvailable { buf in !buf.contains(where: { $0 >= 0x80 }) } ?? false
        return ascii ? s.utf8.count : s.unicodeScalars.count
    }

    private mutating func format(_ line0In: Int, _ line1: Int, _ widths: inout [Int], _ result: inout [[Int]], _ cw: [[Int]]) {
        var line0 = line0In
        let column = widths.count
        var this = line0
        while this < line1 {
            if column >= lines[this].count - 1 { this += 1; continue }
            for l in line0..<this { result[l] = widths }
            line0 = this
            var width = minWidth
            while this < line1 {
                if column >= lines[this].count - 1 { break }
                let w = cw[this][column] + padding
                if w > width { width = w }
                this += 1
            }
            if rememberWidths {
                if column < maxWidths.count {
                    width = max(width, maxWidths[column])
                    maxWidths[column] = width
                } else {
                    maxWidths.append(width)
                }
            }
            widths.append(width)
            format(line0, this, &widths, &result, cw)
            widths.removeLast()
            line0 = this
        }
        for l in line0..<line1 { result[l] = widths }
    }
}

/// Whether a string has a byte below 0x20 (TAB, newlines, ESC...): the cells that need a closer look.
@inline(__always)
public func hasControlCharacter(_ s: String) -> Bool {
    if let r = s.utf8.withContiguousStorageIfAvailable({ buf in buf.contains(where: { $0 < 0x20 }) }) { return r }
    return s.utf8.contains(where: { $0 < 0x20 })
}
