import KubeModel

/// kubectl's `-o custom-columns=HEADER:PATH,...` and `-o custom-columns-file=FILE` printer.
///
/// Headers are printed as given, once per printer; each object (or each item of a list-shaped object)
/// is one row; a path that finds nothing prints `<none>`, several values are joined with `,` (each
/// formatted like Go's `%v`). Rows go through the table tabwriter (minwidth 6, padding 3), flushed
/// at the end of every `print` call.
public final class CustomColumnsPrinter {
    public struct Column: Equatable, Sendable {
        public var header: String
        public var fieldSpec: String
    }

    public let columns: [Column]
    public let noHeaders: Bool
    private var printedHeader = false

    /// `NAME:.metadata.name,IMAGE:.spec.containers[*].image`.
    public init(spec: String, noHeaders: Bool) throws {
        if spec.isEmpty { throw PrinterError("custom-columns format specified but no custom columns given") }
        var cols: [Column] = []
        for part in spec.split(separator: ",", omittingEmptySubsequences: false) {
            guard let colon = part.firstIndex(of: ":") else {
                throw PrinterError("unexpected custom-columns spec: \(part), expected <header>:<json-path-expr>")
            }
            let path = try relaxedJSONPathExpression(String(part[part.index(after: colon)...]))
            cols.append(Column(header: String(part[..<colon]), fieldSpec: path))
        }
        columns = cols
        self.noHeaders = noHeaders
    }

    /// The file form: a line of headers, then a line of paths, both split on white space. kubectl
    /// ignores `--no-headers` for it.
    public init(fileText: String) throws {
        let lines = scanLines(fileText)
        guard lines.count >= 1 else {
            throw PrinterError("invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.")
        }
        guard lines.count >= 2 else {
            throw PrinterError("invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.")
        }
        let headers = splitWords(lines[0]), specs = splitWords(lines[1])
        if headers.count != specs.count {
            throw PrinterError("number of headers (\(headers.count)) and field specifications (\(specs.count)) don't match")
        }
        var cols: [Column] = []
        for (h, s) in zip(headers, specs) { cols.append(Column(header: h, fieldSpec: try relaxedJSONPathExpression(s))) }
        columns = cols
        noHeaders = false
    }

    /// Prints one object (a list-shaped object prints a row per item) into `out`. On an error the
    /// rows printed so far stay in `out`, as kubectl's deferred flush leaves them.
    public func print(_ object: JSONValue, into out: inout String) throws {
        let rows: [JSONValue]
        if case .array(let items)? = object.object?["items"] { rows = items } else { rows = [object] }
        try print(items: { each in for row in rows { try each(row) } }, into: &out)
    }

    /// Prints the rows of a list's items as `items` hands them over one at a time (the same text as
    /// `print` of the `List` holding them), keeping only the cells, never the objects.
    public func print(items: ((JSONValue) throws -> Void) throws -> Void, into out: inout String) throws {
        var tw = TabWriter.table()
        tw.rememberWidths = true  // kubectl's tabwriter keeps columns as wide as they were (a cell with a newline)
        defer { out += tw.flush() }
        if !noHeaders && !printedHeader {
            tw.write(columns.map(\.header).joined(separator: "\t") + "\n")
            printedHeader = true
        }
        var parsers: [JSONPath] = []
        for c in columns {
            do { parsers.append(try JSONPath(c.fieldSpec, allowMissingKeys: true)) } catch let e as JSONPathError {
                throw PrinterError(e.message)
            }
        }
        try items { row in
            var cells: [String] = []
            for p in parsers {
                let values: [[JPValue]]
                do { values = try p.findResults(row) } catch let e as JSONPathError { throw PrinterError(e.message) }
                var strings: [String] = []
                if values.isEmpty || values[0].isEmpty { strings.append("<none>") }
                for group in values {
                    for v in group { strings.append(CustomColumnsPrinter.format(v)) }
                }
                cells.append(strings.joined(separator: ","))
            }
            tw.write(cells.joined(separator: "\t") + "\n")
        }
    }

    /// Go `%v` of a found value.
    static func format(_ v: JPValue) -> String {
        switch v {
        case .invalid: return "<invalid reflect.Value>"
        case .byte(let b): return String(b)
        case .literalInt(let i): return String(i)
        case .value(let j): return goFormatV(j)
        }
    }
}

/// kubectl's `RelaxedJSONPathExpression`: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`.
public func relaxedJSONPathExpression(_ path: String) throws -> String {
    if path.isEmpty { return path }
    let u = Array(path.unicodeScalars)
    func body(_ s: ArraySlice<Unicode.Scalar>) -> String? {
        var s = s
        if s.first == ".", s.count > 1 { s = s.dropFirst() }
        if s.isEmpty || s.contains("{") || s.contains("}") { return nil }
        return String(String.UnicodeScalarView(s))
    }
    var found: String? = nil
    if u.count >= 2, u.first == "{", u.last == "}" { found = body(u[1..<(u.count - 1)]) }
    if found == nil { found = body(u[...]) }
    guard let f = found else {
        throw PrinterError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
    }
    return "{.\(f)}"
}

/// `bufio.Scanner` lines: split at `\n`, a trailing `\r` dropped, no final empty line.
private func scanLines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { l -> String in
        l.hasSuffix("\r") ? String(l.dropLast()) : String(l)
    }
    if text.hasSuffix("\n") || text.isEmpty { lines.removeLast() }
    return lines
}

/// `bufio.ScanWords`.
private func splitWords(_ line: String) -> [String] {
    line.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }).map { String(String.UnicodeScalarView($0)) }
}
