import KubeModel
import KubeRegistry

/// One row of a `get` table before decoration: the object's identity, labels and cells.
public struct TableRow: Sendable {
    public var namespace: String
    public var name: String
    /// Labels as compact JSON (decoded only when a label column is printed).
    public var labels: String
    /// Cells as `CellCodec` stores them.
    public var encodedCells: String
    public init(namespace: String, name: String, labels: String, encodedCells: String) {
        self.namespace = namespace
        self.name = name
        self.labels = labels
        self.encodedCells = encodedCells
    }
}

public struct TableOptions: Sendable {
    public var wide = false
    public var noHeaders = false
    public var showLabels = false
    public var labelColumns: [String] = []
    public var withNamespace = false
    public var withKind = false
    public var now: Timestamp
    public init(now: Timestamp) { self.now = now }
}

/// cli-runtime's table printer: drops wide columns unless `-o wide`, upper-cases headers, adds the
/// NAMESPACE, `-L` and LABELS columns, prefixes names with the kind, and aligns with a tabwriter
/// (minwidth 6, padding 3). An empty table prints nothing at all.
public enum TablePrinter {
    public static func columns(for type: ResourceType) -> [ColumnDefinition] {
        type.columns ?? [ColumnDefinition.name, ColumnDefinition("Created At")]
    }

    public static func render(type: ResourceType, rows: [TableRow], options: TableOptions) -> String {
        guard !rows.isEmpty else { return "" }
        let cols = columns(for: type)
        let visible = cols.indices.filter { options.wide || cols[$0].priority == 0 }
        let namespaceColumn = options.withNamespace && type.namespaced
        let width = (namespaceColumn ? 1 : 0) + visible.count + options.labelColumns.count + (options.showLabels ? 1 : 0)
        // Every row has the same cells, so the tabwriter's blocks are the whole table: lay it out directly.
        var grid: [String] = []
        grid.reserveCapacity((rows.count + 1) * width)
        if !options.noHeaders {
            if namespaceColumn { grid.append("NAMESPACE") }
            for i in visible { grid.append(cols[i].name.uppercased()) }
            for key in options.labelColumns { grid.append(labelColumnHeader(key)) }
            if options.showLabels { grid.append("LABELS") }
        }
        let needLabels = options.showLabels || !options.labelColumns.isEmpty
        for row in rows {
            let labels: JSONValue = needLabels ? ((try? JSON.parse(row.labels)) ?? .emptyObject) : .null
            if namespaceColumn { grid.append(row.namespace) }
            let first = grid.count
            CellCodec.render(row.encodedCells, now: options.now, keep: visible, into: &grid)
            while grid.count < first + visible.count { grid.append("") }
            for (pos, i) in visible.enumerated() {
                var text = grid[first + pos]
                if options.withKind && cols[i].format == "name" { text = type.qualifiedKind + "/" + text }
                if options.withKind || hasControlCharacter(text) { grid[first + pos] = cleanCell(text) }
            }
            for key in options.labelColumns { grid.append(cleanCell(labels[key].string ?? "")) }
            if options.showLabels { grid.append(formatLabels(labels)) }
        }
        return layout(grid, columns: width, minWidth: 6, padding: 3)
    }

    /// Go tabwriter output for rows of equal length with no TABs or newlines inside cells: each column
    /// but the last is padded to max(minwidth, widest + padding).
    public static func layout(_ grid: [String], columns: Int, minWidth: Int, padding: Int) -> String {
        guard columns > 0, !grid.isEmpty else { return "" }
        var widths = Array(repeating: minWidth, count: columns)
        var lengths = [Int](repeating: 0, count: grid.count)
        for (k, cell) in grid.enumerated() {
            guard let n = runeCount(cell) else {
                // A TAB inside a cell starts a new column, as in kubectl: let the tabwriter decide.
                var tw = TabWriter(minWidth: minWidth, padding: padding)
                var i = 0
                while i < grid.count { tw.writeRow(Array(grid[i..<min(i + columns, grid.count)])); i += columns }
                return tw.flush()
            }
            lengths[k] = n
            let c = k % columns
            if n + padding > widths[c] { widths[c] = n + padding }
        }
        var out: [UInt8] = []
        out.reserveCapacity(grid.count / columns * (widths.reduce(0, +) + 16))
        for (k, cell) in grid.enumerated() {
            var c = cell
            c.withUTF8 { out.append(contentsOf: $0) }
            let col = k % columns
            if col == columns - 1 {
                out.append(0x0A)
            } else {
                let pad = widths[col] - lengths[k]
                if pad > 0 { out.append(contentsOf: repeatElement(0x20, count: pad)) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Width in runes, or nil when the cell holds a TAB.
    static func runeCount(_ s: String) -> Int? {
        var copy = s
        return copy.withUTF8 { buf -> Int? in
            var n = 0
            for b in buf {
                if b == 0x09 { return nil }
                if b & 0xC0 != 0x80 { n += 1 }  // count lead bytes only
            }
            return n
        }
    }

    /// `-L app.kubernetes.io/name` makes the column `NAME`: the part after the last `/`, upper-cased.
    static func labelColumnHeader(_ key: String) -> String {
        let last = key.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? key
        return last.uppercased()
    }

    /// Cells are cut at the first line break (with `...`) and terminal-escaped.
    static func cleanCell(_ s: String) -> String {
        if !hasControlCharacter(s) { return s }
        if let i = s.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" || $0 == "\r\n" }) {
            return escapeTerminal(String(s[..<i])) + "..."
        }
        return escapeTerminal(s)
    }
}
