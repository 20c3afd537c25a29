/// Go `text/tabwriter` semantics (flags 0, space padding), which every kubectl table goes through.
///
/// Text is split into lines and each line into cells at TABs. Only tab-terminated cells belong to a
/// column; the text after the last TAB is printed as is. Column widths are computed per *block* of
/// consecutive lines that all have a terminated cell in that column, so a line without tabs ends the
/// alignment of everything around it:
///
///     "a\tb\n" + "long\tc\n"  (minwidth 0, padding 2)  ->  "a     b\n" + "long  c\n"
public struct TabWriter {
    public var minWidth: Int
    public var padding: Int
    private var lines: [[Substring]] = []
    private var pending = ""

    /// `get` tables: minwidth 6, padding 3.
    public static func table() -> TabWriter { TabWriter(minWidth: 6, padding: 3) }
    /// `describe` and `rollout history`: minwidth 0, padding 2.
    public static func describe() -> TabWriter { TabWriter(minWidth: 0, padding: 2) }

    public init(minWidth: Int, padding: Int) {
        self.minWidth = minWidth
        self.padding = padding
    }

    public mutating func write(_ text: String) { pending += text }

    /// Adds one row of cells, each terminated by a TAB except the last.
    public mutating func writeRow(_ cells: [String]) {
        pending += cells.joined(separator: "\t")
        pending += "\n"
    }

    /// Formats everything written so far and resets the writer.
    public mutating func flush() -> String {
        var text = pending
        pending = ""
        if text.isEmpty { return "" }
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { text.removeLast() }
        let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines = rawLines.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        var widthsByLine: [[Int]] = Array(repeating: [], count: lines.count)
        var widths: [Int] = []
        format(0, lines.count, &widths, &widthsByLine)
        var out = ""
        out.reserveCapacity(text.utf8.count + lines.count * 16)
        for (i, cells) in lines.enumerated() {
            let w = widthsByLine[i]
            for (j, cell) in cells.enumerated() {
                out += cell
                if j < cells.count - 1, j < w.count {
                    let n = w[j] - cell.unicodeScalars.count
                    if n > 0 { out += String(repeating: " ", count: n) }
                }
            }
            if i < lines.count - 1 || endsWithNewline { out += "\n" }
        }
        lines = []
        return out
    }

    private func format(_ line0In: Int, _ line1: Int, _ widths: inout [Int], _ result: inout [[Int]]) {
        var line0 = line0In
        let column = widths.count
        var this = line0
        while this < line1 {
            if column >= lines[this].count - 1 { this += 1; continue }
            // lines line0..<this are complete at this depth
            for l in line0..<this { result[l] = widths }
            line0 = this
            var width = minWidth
            while this < line1 {
                let line = lines[this]
                if column >= line.count - 1 { break }
                let w = line[column].unicodeScalars.count + padding
                if w > width { width = w }
                this += 1
            }
            widths.append(width)
            format(line0, this, &widths, &result)
            widths.removeLast()
            line0 = this
        }
        for l in line0..<line1 { result[l] = widths }
    }
}
