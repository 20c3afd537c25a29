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
    /// false (`get --server-print=false`): kubectl's own printer, NAME and AGE only (rows' cells must be
    /// `TablePrinter.metadataCells`).
    public var serverPrint = true
    public var now: Timestamp
    public init(now: Timestamp) { self.now = now }
}

/// cli-runtime's table printer: drops wide columns unless `-o wide`, upper-cases headers, adds the
/// NAMESPACE, `-L` and LABELS columns, prefixes names with the kind, and aligns with a tabwriter
/// (minwidth 6, padding 3). An empty table prints nothing at all.
public enum TablePrinter {
    public static func columns(for type: ResourceType, serverPrint: Bool = true) -> [ColumnDefinition] {
        if !serverPrint { return [.name, .age] }
        return type.columns ?? [ColumnDefinition.name, ColumnDefinition("Created At")]
    }

    /// The cells kubectl's own printer shows for any object (`--server-print=false`): its name and age.
    public static func metadataCells(_ object: JSONValue) -> String {
        CellCodec.encode([.text(object["metadata"]["name"].string ?? ""), Cell.age(object)])
    }

    public static func render(type: ResourceType, rows: [TableRow], options: TableOptions) -> String {
        final class Buffer { var bytes: [UInt8] = [] }
        let out = Buffer()
        stream(type: type, options: options, rows: { each in for row in rows { each(row) } },
               write: { out.bytes.append(contentsOf: $0) })
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Prints a table without holding it: `rows` is called twice (once to measure the columns, once
    /// to print; it must give the same rows both times), and `write` receives the text in pieces.
    /// Returns whether anything was printed (an empty table prints nothing at all).
    @discardableResult
    public static func stream(type: ResourceType, options: TableOptions,
                              rows: ((TableRow) -> Void) throws -> Void, write: @escaping ([UInt8]) -> Void) rethrows -> Bool {
        var layout = TableLayout(type: type, options: options)
        var count = 0
        try rows { row in
            count += 1
            layout.measure(layout.cells(row))
        }
        guard count > 0 else { return false }
        if layout.needsTabWriter {
            // A TAB inside a cell starts a new column, as in kubectl: let the tabwriter decide.
            var grid = layout.header
            try rows { grid += layout.cells($0) }
            write(Array(TablePrinter.layout(grid, columns: layout.width, minWidth: 6, padding: 3).utf8))
            return true
        }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        layout.writeLine(layout.header, into: &out)
        try rows { row in
            layout.writeLine(layout.cells(row), into: &out)
            if out.count >= 1 << 16 {
                write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        write(out)
        return true
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

/// The columns of one table: the cells of each row and, measured over every row, the widths the
/// tabwriter gives them (each column but the last: max(minwidth 6, widest + padding 3)).
struct TableLayout {
    let type: ResourceType
    let options: TableOptions
    let cols: [ColumnDefinition]
    let visible: [Int]
    let namespaceColumn: Bool
    let width: Int
    let needLabels: Bool
    var header: [String] = []
    var widths: [Int]
    var needsTabWriter = false

    init(type: ResourceType, options: TableOptions) {
        self.type = type
        self.options = options
        let cols = TablePrinter.columns(for: type, serverPrint: options.serverPrint)
        self.cols = cols
        visible = cols.indices.filter { options.wide || cols[$0].priority == 0 }
        namespaceColumn = options.withNamespace && type.namespaced
        width = (namespaceColumn ? 1 : 0) + visible.count + options.labelColumns.count + (options.showLabels ? 1 : 0)
        needLabels = options.showLabels || !options.labelColumns.isEmpty
        widths = Array(repeating: 6, count: width)
        if !options.noHeaders {
            if namespaceColumn { header.append("NAMESPACE") }
            for i in visible { header.append(cols[i].name.uppercased()) }
            for key in options.labelColumns { header.append(TablePrinter.labelColumnHeader(key)) }
            if options.showLabels { header.append("LABELS") }
            measure(header)
        }
    }

    func cells(_ row: TableRow) -> [String] {
        var grid: [String] = []
        grid.reserveCapacity(width)
        let labels: JSONValue = needLabels ? ((try? JSON.parse(row.labels)) ?? .emptyObject) : .null
        if namespaceColumn { grid.append(row.namespace) }
        let first = grid.count
        CellCodec.render(row.encodedCells, now: options.now, keep: visible, into: &grid)
        while grid.count < first + visible.count { grid.append("") }
        for (pos, i) in visible.enumerated() {
            var text = grid[first + pos]
            if options.withKind && cols[i].format == "name" { text = type.qualifiedKind + "/" + text }
            if options.withKind || hasControlCharacter(text) { grid[first + pos] = TablePrinter.cleanCell(text) }
        }
        for key in options.labelColumns { grid.append(TablePrinter.cleanCell(labels[key].string ?? "")) }
        if options.showLabels { grid.append(formatLabels(labels)) }
        return grid
    }

    mutating func measure(_ cells: [String]) {
        for (c, cell) in cells.enumerated() {
            guard let n = TablePrinter.runeCount(cell) else {
                needsTabWriter = true
                continue
            }
            if n + 3 > widths[c] { widths[c] = n + 3 }
        }
    }

    func writeLine(_ cells: [String], into out: inout [UInt8]) {
        for (c, cell) in cells.enumerated() {
            var text = cell
            text.withUTF8 { out.append(contentsOf: $0) }
            if c == cells.count - 1 {
                out.append(0x0A)
            } else {
                let pad = widths[c] - (TablePrinter.runeCount(cell) ?? 0)
                if pad > 0 { out.append(contentsOf: repeatElement(0x20, count: pad)) }
            }
        }
    }
}
