import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl get`: tables, or objects in any output format, for types, names, files and selectors.
enum GetCommand {
    static let spec = CommandSpec(
        "get",
        use: "get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]",
        short: "Show one or many objects",
        flags: CommonFlags.output(tables: true) + CommonFlags.filenames("list") + [
            CommonFlags.allNamespaces,
            FlagSpec("chunk-size", .int, default: "500", usage: "Fetch large lists in pages of this size. No effect offline: lists stream from the store."),
            CommonFlags.fieldSelector,
            FlagSpec("ignore-not-found", .bool, usage: "Print nothing, and succeed, when the named objects do not exist."),
            FlagSpec("label-columns", short: "L", .stringSlice, usage: "Labels to show as extra columns (comma separated or repeated)."),
            FlagSpec("no-headers", .bool, usage: "Leave out the header row of tables."),
            FlagSpec("output-watch-events", .bool, usage: "With --watch, print watch event objects."),
            FlagSpec("raw", .string, usage: "Raw URI to request from the server (not available offline)."),
            CommonFlags.selector,
            FlagSpec("server-print", .bool, default: "true", usage: "Let the server print tables. No effect offline: tables are always printed locally."),
            FlagSpec("show-kind", .bool, usage: "Prefix names with their kind."),
            FlagSpec("show-labels", .bool, usage: "Add a LABELS column with all labels."),
            FlagSpec("sort-by", .string, usage: "Sort by the value at this JSONPath (e.g. .metadata.name)."),
            FlagSpec("subresource", .string, usage: "Subresource to show (status or scale)."),
            FlagSpec("watch", short: "w", .bool, usage: "After listing, keep printing changes."),
            FlagSpec("watch-only", .bool, usage: "Print changes only, without the initial list."),
        ],
        group: "Basic Commands (Intermediate):",
        run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        let format = try outputFormat(inv)
        var builder = ResourceBuilder.from(inv)
        builder.requireNames = false
        builder.enforceNamespace = true
        if builder.isEmpty {
            throw CLIError.raw("""
                You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

                error: Required resource not specified.
                Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
                See '\(inv.commandLine) -h' for help and examples
                """)
        }
        if !inv.flags.string("subresource").isEmpty, try GetSubresource.run(&inv) { return }
        let result = try builder.resolve(&inv)
        if !builder.hasFiles {
            if builder.allNamespaces && result.items.contains(where: { $0.info != nil }) {
                throw CLIError.message("a resource cannot be retrieved by name across all namespaces")
            }
            if inv.flags.bool("watch") || inv.flags.bool("watch-only") {
                try watch(&inv, result, format: format)
                return
            }
            // One type listed without names or sorting streams straight from the store.
            if result.items.count == 1, case .list(let type, let ns) = result.items[0], inv.flags.string("sort-by").isEmpty,
                try GetStream.run(&inv, server: try inv.server(), type: type, namespace: ns, format: format,
                                  labelSelector: result.labels, fieldSelector: result.fields,
                                  table: tableOptions(inv, allNamespaces: builder.allNamespaces, multipleTypes: result.multipleTypes))
            {
                return
            }
        }
        let needsObjects = !format.isHumanReadable || !inv.flags.string("sort-by").isEmpty
        var blocks: [(type: ResourceType, items: [Fetched])] = []
        var errors: [Error] = []
        for r in try result.infos(&inv, fetch: .rows(objects: needsObjects), ignoreNotFound: inv.flags.bool("ignore-not-found")) {
            switch r {
            case .failure(let e): errors.append(e)
            case .success(let info):
                guard let type = info.type, let row = info.row else { continue }
                appendBlock(&blocks, type, Fetched(row: row))
            }
        }
        try print(blocks, errors: errors, result: result, format: format, inv: &inv)
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }

    /// `-o` (tables allowed; `--template` alone means go-template) and its check with `--show-labels`.
    static func outputFormat(_ inv: Invocation) throws -> OutputFormat {
        var output = inv.flags.string("output")
        if output.isEmpty && !inv.flags.string("template").isEmpty { output = "go-template" }
        let format: OutputFormat
        do { format = try OutputFormat.parse(output, template: inv.flags.string("template"), allowTables: true) } catch {
            throw CLIError.message(String(describing: error))
        }
        if inv.flags.bool("show-labels"), !format.isHumanReadable {
            throw CLIError.message("--show-labels option cannot be used with \(printerName(format)) printer")
        }
        return format
    }

    /// `--watch`/`--watch-only`: one type (or one object) only.
    static func watch(_ inv: inout Invocation, _ result: ResourceResult, format: OutputFormat) throws {
        guard result.items.count == 1 else {
            throw CLIError.message("watch is only supported on individual resources and resource collections, but \(result.items.count) resources were found")
        }
        let target: GetWatch.Target
        switch result.items[0] {
        case .list(let type, let ns):
            target = GetWatch.Target(type: type, namespace: ns, name: nil, labelSelector: result.labels, fieldSelector: result.fields,
                                     labelSelectorText: result.labelSelectorText, fieldSelectorText: result.fieldSelectorText)
        case .object(let info):
            guard let type = info.type else { return }
            target = GetWatch.Target(type: type, namespace: result.allNamespaces ? nil : result.namespace, name: info.name,
                                     labelSelector: result.labels, fieldSelector: result.fields,
                                     labelSelectorText: result.labelSelectorText, fieldSelectorText: result.fieldSelectorText)
        case .failed(let e): throw e
        }
        try GetWatch.run(&inv, format: format, target: target)
    }

    /// Tables per type, or every object in the chosen format (a List unless one object was named).
    static func print(_ blocks: [(type: ResourceType, items: [Fetched])], errors: [Error], result: ResourceResult,
                      format: OutputFormat, inv: inout Invocation) throws
    {
        var blocks = blocks
        // --sort-by: tables sort each block; a block where no object has the field prints nothing
        // (kubectl loses that error). Other formats sort the whole list below.
        let sortBy = nonEmpty(inv.flags.string("sort-by"))
        if let sortBy, format.isHumanReadable {
            for i in blocks.indices {
                blocks[i].items = (try? Sorting.sortTable(blocks[i].items, by: sortBy)) ?? []
            }
        }
        guard case .table(let wide) = format else {
            var objects: [JSONValue] = []
            for block in blocks { for f in block.items { objects.append(try f.object()) } }
            if !inv.flags.bool("show-managed-fields") && format.omitsManagedFields { objects = objects.map(ObjectPrinter.stripManagedFields) }
            let single = result.singleItemImplied && objects.count == 1 && errors.isEmpty
            if let sortBy, !single { objects = try Sorting.sortObjects(objects, by: sortBy) }
            try OutputWriter.write(objects, single: single, format: format, inv: &inv, blocks: blocks.map(\.type))
            return
        }
        let opts = tableOptions(inv, allNamespaces: result.allNamespaces, multipleTypes: result.multipleTypes, wide: wide)
        var first = true
        for block in blocks where !block.items.isEmpty {
            let rows = block.items.map { f in
                TableRow(namespace: f.row.namespace, name: f.row.name, labels: f.row.labels, encodedCells: f.row.cells)
            }
            let text = TablePrinter.render(type: block.type, rows: rows, options: opts)
            if !first && !opts.noHeaders { inv.io.out.write("\n") }
            inv.io.out.write(text)
            first = false
        }
        if first && errors.isEmpty && !inv.flags.bool("ignore-not-found") {
            inv.io.err.write(result.noResourcesMessage())
        }
    }

    static func tableOptions(_ inv: Invocation, allNamespaces: Bool, multipleTypes: Bool, wide: Bool = false) -> TableOptions {
        var opts = TableOptions(now: inv.clock.now)
        opts.wide = wide
        opts.noHeaders = inv.flags.bool("no-headers")
        opts.showLabels = inv.flags.bool("show-labels")
        opts.labelColumns = inv.flags.strings("label-columns")
        opts.withNamespace = allNamespaces
        opts.withKind = multipleTypes || inv.flags.bool("show-kind")
        return opts
    }

    static func appendBlock(_ blocks: inout [(type: ResourceType, items: [Fetched])], _ type: ResourceType, _ item: Fetched) {
        appendBlock(&blocks, type, [item], merge: true)
    }

    static func appendBlock(_ blocks: inout [(type: ResourceType, items: [Fetched])], _ type: ResourceType,
                            _ items: [Fetched], merge: Bool)
    {
        if let last = blocks.indices.last, blocks[last].type.storageKey == type.storageKey {
            blocks[last].items += items
        } else {
            blocks.append((type, items))
        }
    }

    static func printerName(_ f: OutputFormat) -> String {
        switch f {
        case .yaml: return "yaml"
        case .json: return "json"
        case .name: return "name"
        case .jsonpath, .jsonpathFile, .jsonpathAsJSON: return "jsonpath"
        case .goTemplate, .goTemplateFile: return "go-template"
        case .customColumns, .customColumnsFile: return "custom-columns"
        case .table: return "table"
        }
    }
}

func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

/// A fetched row; the object is decoded on demand.
struct Fetched {
    var row: ObjectRow
    func object() throws -> JSONValue { try JSON.parse(row.data) }
}

func labelObject(_ text: String) -> JSONValue {
    if text.isEmpty || text == "{}" { return .emptyObject }
    return (try? JSON.parse(text)) ?? .emptyObject
}

func labelMap(_ text: String) -> [String: String] {
    var m: [String: String] = [:]
    for (k, v) in labelObject(text).stringMap { m[k] = v }
    return m
}

func apiReason(_ error: Error) -> APIError.Reason? {
    if let e = error as? APIError { return e.reason }
    if case CLIError.api(let e) = error { return e.reason }
    return nil
}
