import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `get TYPE` (one type, no names) as a stream: rows come from the store in key order and go to the
/// printer one at a time, so the command's memory does not grow with the list. Tables read the rows
/// twice (column widths, then lines); `-o json|yaml` print the `List` around the stream. With
/// `--sort-by` only the sort keys are held: the rows are read again by key in sorted order.
enum GetStream {
    /// Prints the list and returns true, or returns false when the request needs the general path
    /// (other formats, selectors the indexes cannot answer).
    static func run(_ inv: inout Invocation, server: APIServer, type: ResourceType, namespace: String?,
                    format: OutputFormat, labelSelector: LabelSelector?, fieldSelector: FieldSelector?,
                    options get: GetOptions, table: TableOptions) throws -> Bool {
        guard var query = ListQuery(type: type, namespace: namespace, labelSelector: labelSelector,
                                    fieldSelector: fieldSelector) else { return false }
        if !get.sortBy.isEmpty {
            guard let key = try? ObjectSorter.KeyReader(get.sortBy) else { return false }
            guard let order = try server.read({ s in try RowOrder.sorted(s, query, by: key) })
            else { return false }
            if format == .name { return printNames(inv, type: type, order) }
            query.order = order
        }
        let out = inv.io.out
        let write: ([UInt8]) -> Void = { out.write($0) }
        switch format {
        case .table(let wide):
            var options = table
            options.wide = wide
            let printed = try server.read { s in
                try TablePrinter.stream(type: type, options: options, rows: { each in
                    try s.rows(query, full: !options.serverPrint) { row in each(TableRow(row, serverPrint: options.serverPrint)) }
                }, write: write)
            }
            if !printed && !get.ignoreNotFound {
                inv.io.err.write(namespace.map { type.namespaced ? "No resources found in \($0) namespace.\n" : nil }
                                 .flatMap { $0 } ?? "No resources found\n")
            }
        case .name:
            var buffer: [UInt8] = []
            try server.read { s in
                try s.rows(query, full: false) { row in
                    buffer.append(contentsOf: "\(type.qualifiedKind)/\(row.name)\n".utf8)
                    if buffer.count >= 1 << 16 { write(buffer); buffer.removeAll(keepingCapacity: true) }
                }
            }
            write(buffer)
        case .json, .yaml:
            let keepManagedFields = get.printFlags.showManagedFields
            var list = ListStream(format == .json ? .json : .yaml, write: write)
            try server.read { s in
                try s.rows(query, full: true) { row in
                    try list.add(storedJSON: row.data, keepManagedFields: keepManagedFields)
                }
            }
            list.finish()
            if let refusal = list.refusal { throw CLIError.message(refusal) }
        case .customColumns, .customColumnsFile:
            // A row per item, as for the `List` of them: only the cells are kept for the column widths.
            // Columns see every field, managedFields too (kubectl omits them from JSON and YAML only).
            let printer = try TemplateOutput.customColumnsPrinter(format, inv: inv)!
            var text = ""
            defer { write(Array(text.utf8)) }
            try server.read { s in
                try TemplateOutput.wrap {
                    try printer.print(items: { each in
                        try s.rows(query, full: true) { row in
                            try each(try JSON.parse(row.data))
                        }
                    }, into: &text)
                }
            }
        case .jsonpath(let template):
            return try jsonPath(inv, server: server, query: query, template: template)
        case .jsonpathFile(let path):
            return try jsonPath(inv, server: server, query: query, template: try TemplateOutput.readTemplate(path))
        case .goTemplate(let template):
            return try goTemplate(inv, server: server, query: query, template: template)
        case .goTemplateFile(let path):
            return try goTemplate(inv, server: server, query: query, template: try TemplateOutput.readTemplate(path))
        default:
            return false
        }
        return true
    }

    /// `-o name` in sort order: the names are already at hand.
    static func printNames(_ inv: Invocation, type: ResourceType, _ order: [RowKey]) -> Bool {
        var buffer: [UInt8] = []
        for key in order {
            buffer.append(contentsOf: "\(type.qualifiedKind)/\(key.name)\n".utf8)
            if buffer.count >= 1 << 16 { inv.io.out.write(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        inv.io.out.write(buffer)
        return true
    }
}
