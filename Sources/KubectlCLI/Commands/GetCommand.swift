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
        group: "Basic Commands (Intermediate):", options: GetOptions.self)

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
}

/// get's options: the objects (builder), how to print them (tables, formats, sorting), watching.
struct GetOptions: FlagOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var ignoreNotFound = false
    var labelColumns: [String] = []
    var noHeaders = false
    var outputWatchEvents = false
    var raw = ""
    var showKind = false
    var showLabels = false
    var sortBy = ""
    var subresource = ""
    var watch = false
    var watchOnly = false
    var serverPrint = true
    /// `-o` parsed in complete (`--template` alone means go-template).
    var format = OutputFormat.table(wide: false)
    /// A printer that cannot be made: kubectl makes it only once the objects are read (printGeneric).
    var formatError: Error?

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: true)),
         .builder(\.builder, CommonFlags.filenames("list") + [CommonFlags.allNamespaces, CommonFlags.fieldSelector, CommonFlags.selector]),
         .noEffectOffline([CommonFlags.chunkSize]),
         .init(\.serverPrint, "server-print", default: "true",
               usage: "No effect offline when true (each kind's own columns, as a server prints them); false prints only NAME and AGE, as kubectl's own printer does."),
         .init(\.ignoreNotFound, "ignore-not-found", usage: "Print nothing, and succeed, when the named objects do not exist."),
         .init(\.labelColumns, "label-columns", short: "L", usage: "Labels to show as extra columns (comma separated or repeated)."),
         .init(\.noHeaders, "no-headers", usage: "Leave out the header row of tables."),
         .init(\.outputWatchEvents, "output-watch-events", usage: "With --watch, print watch event objects."),
         .init(\.raw, "raw", usage: "Print what the API server answers on this path (health, version, discovery, objects)."),
         .init(\.showKind, "show-kind", usage: "Prefix names with their kind."),
         .init(\.showLabels, "show-labels", usage: "Add a LABELS column with all labels."),
         .init(\.sortBy, "sort-by", usage: "Sort by the value at this JSONPath (e.g. .metadata.name)."),
         .init(\.subresource, "subresource", usage: "Subresource to show (status or scale)."),
         .init(\.watch, "watch", short: "w", usage: "After listing, keep printing changes."),
         .init(\.watchOnly, "watch-only", usage: "Print changes only, without the initial list.")]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        builder.requireNames = false
        builder.enforceNamespace = true
        if raw.isEmpty {
            do { format = try outputFormat() } catch { formatError = error }
        }
    }

    func validate(_ inv: Invocation) throws {
        if raw.isEmpty && builder.isEmpty {
            throw CLIError.raw("""
                You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

                error: Required resource not specified.
                Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
                See '\(inv.commandLine) -h' for help and examples
                """)
        }
        // Validate names the printer by `-o` as given (`jsonpath={.x}`); `--template` alone is not checked.
        if raw.isEmpty, showLabels, !printFlags.output.isEmpty, printFlags.output != "wide" {
            throw CLIError.message("--show-labels option cannot be used with \(printFlags.output) printer")
        }
        if outputWatchEvents && !(watch || watchOnly) {
            throw CLIError.message("--output-watch-events option can only be used with --watch or --watch-only")
        }
    }

    func run(_ inv: inout Invocation) throws {
        if !raw.isEmpty { return try RawRequest.run(&inv, path: raw) }
        if !subresource.isEmpty, try GetSubresource.run(&inv, self) { return }
        let result = try builder.resolve(&inv)
        if !builder.hasFiles && builder.allNamespaces && result.items.contains(where: { $0.info != nil }) {
            throw CLIError.message("a resource cannot be retrieved by name across all namespaces")
        }
        if let formatError { return try failPrinting(&inv, result, formatError) }
        if watch || watchOnly {
            try watch(&inv, result)
            return
        }
        if !builder.hasFiles {
            // One type listed without names streams straight from the store (sorted: by its keys).
            if result.items.count == 1, case .list(let type, let ns) = result.items[0],
                try GetStream.run(&inv, server: try inv.server(), type: type, namespace: ns, format: format,
                                  labelSelector: result.labels, fieldSelector: result.fields, options: self,
                                  table: tableOptions(inv, allNamespaces: builder.allNamespaces, multipleTypes: result.multipleTypes))
            {
                return
            }
        }
        let needsObjects = !format.isHumanReadable || !sortBy.isEmpty || !serverPrint
        var blocks: [(type: ResourceType, items: [Fetched])] = []
        var errors: [Error] = []
        for r in try result.infos(&inv, fetch: .rows(objects: needsObjects), ignoreNotFound: ignoreNotFound) {
            switch r {
            case .failure(let e): errors.append(e)
            case .success(let info):
                guard let type = info.type, let row = info.row else { continue }
                GetCommand.appendBlock(&blocks, type, Fetched(row: row))
            }
        }
        try print(blocks, errors: errors, result: result, inv: &inv)
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }

    /// A printer that cannot be made fails once the objects are read, as kubectl's printGeneric: the error
    /// of a single named object comes first; with --ignore-not-found and nothing found the command
    /// succeeds quietly (the only way this returns); otherwise the printer's error is the only one shown.
    func failPrinting(_ inv: inout Invocation, _ result: ResourceResult, _ printerError: Error) throws {
        var errors: [Error] = []
        var found = 0
        for r in try result.infos(&inv, fetch: .rows(objects: false), ignoreNotFound: ignoreNotFound) {
            if case .failure(let e) = r { errors.append(e) } else { found += 1 }
        }
        if (result.singleItemImplied || watch || watchOnly), !errors.isEmpty { throw CLIError.aggregate(errors) }
        if found == 0 && ignoreNotFound && !(watch || watchOnly) {
            if errors.isEmpty { return }
            throw CLIError.aggregate(errors)
        }
        throw printerError
    }

    /// `-o` (tables allowed; `--template` alone means go-template).
    func outputFormat() throws -> OutputFormat {
        var output = printFlags.output
        if output.isEmpty && !printFlags.template.isEmpty { output = "go-template" }
        let format: OutputFormat
        do { format = try OutputFormat.parse(output, template: printFlags.template, allowTables: true) } catch {
            throw CLIError.message(String(describing: error))
        }
        return format
    }

    /// `--watch`/`--watch-only`: one type (or one object) only, as kubectl's watch builder: the
    /// arguments name one type; the named objects are read first (a missing one is its NotFound); objects
    /// of several kinds are refused; several objects of one kind are printed, then refused.
    func watch(_ inv: inout Invocation, _ result: ResourceResult) throws {
        let argTypes = Set(result.items.compactMap { item -> String? in
            switch item {
            case .list(let type, _): return type.storageKey
            case .object(let info) where info.source.isEmpty: return info.type?.storageKey
            default: return nil
            }
        })
        if argTypes.count > 1 { throw CLIError.message("you may only specify a single resource type") }
        for case .failed(let e) in result.items { throw e }
        if result.items.count > 1 || result.items.contains(where: { $0.info != nil }) {
            var rows: [ObjectRow] = []
            var types: Set<String> = []
            for r in try result.infos(&inv, fetch: .rows(objects: true)) {
                let info = try r.get()
                if let row = info.row { rows.append(row) }
                if let t = info.type { types.insert(t.storageKey) }
            }
            if types.count > 1 {
                throw CLIError.message("watch is only supported on individual resources and resource collections - more than 1 resource was found")
            }
            if rows.count > 1, let type = result.items.first?.info?.type {
                // Printed as a list would be, then the watch itself is refused: per name or file
                // ("sources"), or for a file of several objects.
                var printer = try EventPrinter(inv: inv, format: format, type: type, options: self)
                if !watchOnly {
                    do { try printer.print(rows.map { ("ADDED", $0) }, into: &inv) } catch CLIError.message(let m) {
                        throw CLIError.message("unable to output the provided object: " + m)
                    }
                }
                // Each name is a source of its own, each file one.
                let sources = Set(result.items.enumerated().map { i, item in item.info.map { $0.source.isEmpty ? "\u{0}\(i)" : $0.source } ?? "" })
                throw CLIError.message(sources.count > 1 ? "you may only watch a single resource or type of resource at a time"
                    : "watch is only supported on individual resources and resource collections - \(rows.count) resources were found")
            }
        }
        let target: GetWatch.Target
        switch result.items[0] {
        case .list(let type, let ns):
            target = GetWatch.Target(type: type, namespace: ns, name: nil, labelSelector: result.labels, fieldSelector: result.fields,
                                     labelSelectorText: result.labelSelectorText, fieldSelectorText: result.fieldSelectorText)
        case .object(let info):
            guard let type = info.type else { return }
            target = GetWatch.Target(type: type, namespace: result.allNamespaces && info.source.isEmpty ? nil : info.namespace, name: info.name,
                                     labelSelector: result.labels, fieldSelector: result.fields,
                                     labelSelectorText: result.labelSelectorText, fieldSelectorText: result.fieldSelectorText)
        case .failed(let e): throw e
        }
        try GetWatch.run(&inv, format: format, target: target, options: self)
    }

    /// Tables per type, or every object in the chosen format (a List unless one object was named).
    func print(_ blocks: [(type: ResourceType, items: [Fetched])], errors: [Error], result: ResourceResult,
               inv: inout Invocation) throws
    {
        var blocks = blocks
        // --sort-by: tables sort each block; a block where no object has the field prints nothing
        // (kubectl loses that error). Other formats sort the whole list below.
        let sortBy = nonEmpty(self.sortBy)
        if let sortBy, format.isHumanReadable {
            for i in blocks.indices {
                blocks[i].items = (try? Sorting.sortTable(blocks[i].items, by: sortBy)) ?? []
            }
        }
        guard case .table(let wide) = format else {
            // printGeneric: a named object that could not be read returns the error, printing nothing.
            if result.singleItemImplied && !errors.isEmpty { return }
            var objects: [JSONValue] = []
            for block in blocks { for f in block.items { objects.append(try f.object()) } }
            let single = result.singleItemImplied && objects.count == 1 && errors.isEmpty
            // kubectl sorts the objects as the server sent them; the printer drops managedFields.
            if let sortBy, !single { objects = try Sorting.sortObjects(objects, by: sortBy, now: inv.clock.now) }
            if !printFlags.showManagedFields && format.omitsManagedFields { objects = objects.map(ObjectPrinter.stripManagedFields) }
            try OutputWriter.write(objects, single: single, format: format, inv: &inv, blocks: blocks.map(\.type))
            return
        }
        let opts = tableOptions(inv, allNamespaces: result.allNamespaces, multipleTypes: result.multipleTypes, wide: wide)
        var first = true
        for block in blocks where !block.items.isEmpty {
            let rows = block.items.map { TableRow($0.row, serverPrint: serverPrint) }
            let text = TablePrinter.render(type: block.type, rows: rows, options: opts)
            if !first && !opts.noHeaders { inv.io.out.write("\n") }
            inv.io.out.write(text)
            first = false
        }
        if first && errors.isEmpty && !ignoreNotFound {
            inv.io.err.write(result.noResourcesMessage())
        }
    }

    func tableOptions(_ inv: Invocation, allNamespaces: Bool, multipleTypes: Bool, wide: Bool = false) -> TableOptions {
        var opts = TableOptions(now: inv.clock.now)
        opts.wide = wide
        opts.noHeaders = noHeaders
        opts.showLabels = showLabels
        opts.labelColumns = labelColumns
        opts.withNamespace = allNamespaces
        opts.withKind = multipleTypes || showKind
        opts.serverPrint = serverPrint
        return opts
    }
}

extension TableRow {
    /// The table row of a stored object: its stored cells, or for kubectl's own printer
    /// (`--server-print=false`) its name and age, read from the object (the row must be read in full).
    init(_ row: ObjectRow, serverPrint: Bool) {
        let cells = serverPrint ? row.cells : TablePrinter.metadataCells((try? JSON.parse(row.data)) ?? .null)
        self.init(namespace: row.namespace, name: row.name, labels: row.labels, encodedCells: cells)
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
