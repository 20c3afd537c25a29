import KubeModel
import KubeRegistry

/// One row of a `get` table before decoration: the object's identity, labels and cells.
public struct TableRow: Sendable {
    public var namespace: String
    public var name: String
    public var labels: JSONValue
    public var cells: [Cell]
    public init(namespace: String, name: String, labels: JSONValue, cells: [Cell]) {
        self.namespace = namespace
        self.name = name
        self.labels = labels
        self.cells = cells
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
        var tw = TabWriter.table()
        if !options.noHeaders {
            var header: [String] = []
            if namespaceColumn { header.append("NAMESPACE") }
            header += visible.map { cols[$0].name.uppercased() }
            header += options.labelColumns.map { labelColumnHeader($0) }
            if options.showLabels { header.append("LABELS") }
            tw.writeRow(header)
        }
        for row in rows {
            var line: [String] = []
            line.reserveCapacity(visible.count + 3)
            if namespaceColumn { line.append(row.namespace) }
            for i in visible {
                var text = i < row.cells.count ? row.cells[i].render(now: options.now) : ""
                if options.withKind && cols[i].format == "name" { text = type.qualifiedKind + "/" + text }
                line.append(cleanCell(text))
            }
            for key in options.labelColumns { line.append(cleanCell(row.labels[key].string ?? "")) }
            if options.showLabels { line.append(formatLabels(row.labels)) }
            tw.writeRow(line)
        }
        return tw.flush()
    }

    /// `-L app.kubernetes.io/name` makes the column `NAME`: the part after the last `/`, upper-cased.
    static func labelColumnHeader(_ key: String) -> String {
        let last = key.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? key
        return last.uppercased()
    }

    /// Cells are cut at the first line break (with `...`) and terminal-escaped.
    static func cleanCell(_ s: String) -> String {
        if let i = s.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" || $0 == "\r\n" }) {
            return escapeTerminal(String(s[..<i])) + "..."
        }
        return escapeTerminal(s)
    }
}
