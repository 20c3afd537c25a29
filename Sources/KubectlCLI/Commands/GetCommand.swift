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
        let format: OutputFormat
        // kubectl: a --template without -o means go-template.
        var output = inv.flags.string("output")
        if output.isEmpty && !inv.flags.string("template").isEmpty { output = "go-template" }
        do { format = try OutputFormat.parse(output, template: inv.flags.string("template"), allowTables: true) } catch {
            throw CLIError.message(String(describing: error))
        }
        if inv.flags.bool("show-labels"), !format.isHumanReadable {
            throw CLIError.message("--show-labels option cannot be used with \(printerName(format)) printer")
        }
        let files = inv.flags.strings("filename")
        if inv.args.isEmpty && files.isEmpty && inv.flags.string("kustomize").isEmpty {
            throw CLIError.raw("""
                You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

                error: Required resource not specified.
                Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
                See '\(inv.commandLine) -h' for help and examples
                """)
        }
        if !inv.flags.string("subresource").isEmpty, try GetSubresource.run(&inv) { return }
        let server = try inv.server()
        let allNamespaces = inv.flags.bool("all-namespaces")
        let namespace = try inv.namespace()
        let labelSelector = try parseLabelSelector(inv.flags.string("selector"))
        let fieldSelector = try parseFieldSelector(inv.flags.string("field-selector"))
        var errors: [Error] = []

        // Gather what to print: per type, the rows found.
        var blocks: [(type: ResourceType, items: [Fetched])] = []
        var selection: ResourceSelection
        if !files.isEmpty || !inv.flags.string("kustomize").isEmpty {
            let objects = try KustomizeSource.objects(&inv)
            var requests: [(type: ResourceType, names: [String])] = []
            for o in objects {
                let type = try mapping(for: o, registry: inv.registry)
                requests.append((type, [o.object["metadata"]["name"].string ?? ""]))
            }
            selection = ResourceSelection(requests: requests, multipleTypes: Set(requests.map(\.type.storageKey)).count > 1,
                                          singleItem: requests.count == 1, warnings: [])
            // Objects from files are looked up in their own namespace.
            try server.read { s in
                for (i, o) in objects.enumerated() {
                    let type = requests[i].type
                    let ns = o.object["metadata"]["namespace"].string ?? namespace
                    do {
                        let row = try s.getRow(type, namespace: ns, name: requests[i].names[0])
                        appendBlock(&blocks, type, Fetched(row: row))
                    } catch { errors.append(error) }
                }
            }
        } else {
            selection = try ResourceArgs.parse(inv.args, registry: inv.registry)
            for w in selection.warnings { inv.warn(w) }
            if allNamespaces && selection.requests.contains(where: { !$0.names.isEmpty }) {
                throw CLIError.message("a resource cannot be retrieved by name across all namespaces")
            }
            if inv.flags.bool("watch") || inv.flags.bool("watch-only") {
                let count = selection.requests.reduce(0) { $0 + max(1, $1.names.count) }
                guard count == 1, let req = selection.requests.first else {
                    throw CLIError.message("watch is only supported on individual resources and resource collections, but \(count) resources were found")
                }
                let target = GetWatch.Target(type: req.type, namespace: allNamespaces ? nil : namespace, name: req.names.first,
                                             labelSelector: labelSelector, fieldSelector: fieldSelector,
                                             labelSelectorText: inv.flags.string("selector"),
                                             fieldSelectorText: inv.flags.string("field-selector"))
                try GetWatch.run(&inv, format: format, target: target)
                return
            }
            // One type listed without names or sorting streams straight from the store.
            if selection.requests.count == 1, let req = selection.requests.first, req.names.isEmpty,
                inv.flags.string("sort-by").isEmpty,
                try GetStream.run(&inv, server: server, type: req.type, namespace: allNamespaces ? nil : namespace,
                                  format: format, labelSelector: labelSelector, fieldSelector: fieldSelector,
                                  table: tableOptions(inv, allNamespaces: allNamespaces, multipleTypes: selection.multipleTypes))
            {
                return
            }
            let needsObjects = !format.isHumanReadable || !inv.flags.string("sort-by").isEmpty
            try server.read { s in
                for req in selection.requests {
                    if req.names.isEmpty {
                        let ns: String? = allNamespaces ? nil : namespace
                        do {
                            let indexed = storeRequirements(labelSelector)
                            var rows = needsObjects || fieldSelector != nil
                                ? try s.rows(req.type, namespace: ns, labels: indexed ?? [])
                                : try s.listSummaries(req.type, namespace: ns, labels: indexed ?? [])
                            if indexed == nil, let sel = labelSelector {
                                rows = rows.filter { sel.matches(labelMap($0.labels)) }
                            }
                            if let fs = fieldSelector {
                                rows = try filterByFields(rows, fs, type: req.type, labelSelector: inv.flags.string("selector"),
                                                          fieldSelectorText: inv.flags.string("field-selector"))
                            }
                            blocks.append((req.type, rows.map { Fetched(row: $0) }))
                        } catch { errors.append(error) }
                    } else {
                        var items: [Fetched] = []
                        for name in req.names {
                            do { items.append(Fetched(row: try s.getRow(req.type, namespace: namespace, name: name))) } catch {
                                if inv.flags.bool("ignore-not-found"), apiReason(error) == .notFound { continue }
                                errors.append(error)
                            }
                        }
                        appendBlock(&blocks, req.type, items, merge: false)
                    }
                }
            }
        }

        // --sort-by: tables sort each block; a block where no object has the field prints nothing
        // (kubectl loses that error). Other formats sort the whole list below.
        let sortBy = nonEmpty(inv.flags.string("sort-by"))
        if let sortBy, format.isHumanReadable {
            for i in blocks.indices {
                blocks[i].items = (try? Sorting.sortTable(blocks[i].items, by: sortBy)) ?? []
            }
        }

        let printedAny = blocks.contains { !$0.items.isEmpty }
        switch format {
        case .table(let wide):
            let opts = tableOptions(inv, allNamespaces: allNamespaces, multipleTypes: selection.multipleTypes, wide: wide)
            var first = true
            for block in blocks where !block.items.isEmpty {
                let rows = block.items.map { f in
                    TableRow(namespace: f.row.namespace, name: f.row.name, labels: f.row.labels,
                             encodedCells: f.row.cells)
                }
                let text = TablePrinter.render(type: block.type, rows: rows, options: opts)
                if !first && !opts.noHeaders { inv.io.out.write("\n") }
                inv.io.out.write(text)
                first = false
            }
            if !printedAny && errors.isEmpty && !inv.flags.bool("ignore-not-found") {
                let allNamespaced = selection.requests.allSatisfy { $0.type.namespaced }
                if allNamespaced && !allNamespaces && !selection.requests.isEmpty {
                    inv.io.err.write("No resources found in \(namespace) namespace.\n")
                } else {
                    inv.io.err.write("No resources found\n")
                }
            }
        default:
            var objects: [JSONValue] = []
            for block in blocks { for f in block.items { objects.append(try f.object()) } }
            if !inv.flags.bool("show-managed-fields") { objects = objects.map(ObjectPrinter.stripManagedFields) }
            let single = selection.singleItem && objects.count == 1 && errors.isEmpty
            if let sortBy, !single { objects = try Sorting.sortObjects(objects, by: sortBy) }
            try OutputWriter.write(objects, single: single, format: format, inv: &inv, blocks: blocks.map(\.type))
        }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
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
