import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// label and annotate: one implementation, two vocabularies (`LabelCommand.Mode`).
struct LabelAnnotateOptions<Vocabulary: LabelVocabulary>: FlagOptions {
    var mode: LabelCommand.Mode { Vocabulary.mode }
    var builder = ResourceBuilder()
    var resources: [String] = []
    var pairs: [String] = []
    var list = false
    var printFlags = PrintFlags()
    var overwrite = false
    var resourceVersion = ""
    /// Hidden and deprecated: the notice alone (README: Flags).
    var record = false
    var add: [(String, String)] = []
    var remove: [String] = []
    var dryRun = DryRun.none

    static var flags: [OptionFlag<Self>] {
        let m = Vocabulary.mode
        return [
            .printing(\.printFlags, CommonFlags.output(tables: false) + [CommonFlags.dryRun]),
            .builder(\.builder, CommonFlags.filenames("update") + [
                FlagSpec("all", .bool, usage: "Update every object of the given types in the namespace."),
                CommonFlags.allNamespaces,
                CommonFlags.fieldSelector,
                FlagSpec("local", .bool, usage: "Work on the objects from -f only, without reading or writing the store."),
                CommonFlags.selector]),
            .fieldManager(m.fieldManager),
            .init(\.list, "list", usage: "Print the current \(m.field) of each object instead of changing them."),
            .init(\.overwrite, "overwrite", usage: "Allow replacing \(m.field) that already have a value."),
            .init(\.record, CommonFlags.record),
            .init(\.resourceVersion, "resource-version", usage: "Only update when the object still has this resourceVersion."),
        ]
    }

    /// kubectl's Complete order: the dry-run strategy, annotate's printer, then the arguments.
    mutating func complete(_ inv: inout Invocation) throws {
        dryRun = try DryRun.parse(printFlags.dryRun, inv)
        if mode.field != "labels" { _ = try printFlags.format() }
        (resources, pairs) = try LabelCommand.resourcesAndPairs(inv.args, mode: mode)
        builder.args = resources
        // label refuses an output format beside --list; annotate lists and ignores it.
        if list && !printFlags.output.isEmpty && mode.field == "labels" {
            throw CLIError.message("--list and --output may not be specified together")
        }
        (add, remove) = try LabelCommand.parsePairs(pairs, mode: mode)
    }

    /// kubectl's Validate order: --all with selectors; with --local, resource words then no files;
    /// without it, no objects at all; then the updates (annotate: then a key both set and removed).
    func validate(_ inv: Invocation) throws {
        try builder.rejectAllWithSelector()
        if builder.selectAll && !builder.fieldSelector.isEmpty {
            throw CLIError.message("cannot set --all and --field-selector at the same time")
        }
        if builder.local {
            if !resources.isEmpty {
                throw CLIError.message("can only use local files by \(mode.localHint) when --local=true is set")
            }
            if builder.filenames.isEmpty {
                throw CLIError.message("one or more files must be specified as \(mode.localHint)")
            }
        } else if builder.filenames.isEmpty && resources.isEmpty {
            throw CLIError.message("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if pairs.isEmpty && !list { throw CLIError.message("at least one \(mode.noun) update is required") }
        if mode.field != "labels" { try LabelCommand.annotateConflict(add: add, remove: remove) }
    }

    func run(_ inv: inout Invocation) throws {
        // label builds a printer per object (no `---` between YAML documents; a bad `-o` fails once for
        // each object); annotate builds one, before anything is read.
        let printer: OperationPrinter
        var printerError: Error?
        do { printer = try printFlags.toPrinter(dryRun: dryRun) } catch where mode.field == "labels" {
            printerError = error
            printer = OperationPrinter(format: nil, dryRun: dryRun)
        }
        printer.documentSeparators = mode.field != "labels"
        var b = builder
        b.kustomize = ""  // label and annotate read -f only
        if builder.local && !list { return try runLocal(b, printer: printer, printerError: printerError, &inv) }
        let resolved = try b.resolve(&inv)
        let infos = try resolved.infos(&inv, fetch: .latest)
        // --list titles each object's lines unless the arguments name one object (one file counts as one).
        let many = builder.filenames.isEmpty ? !resolved.singleItemImplied
            : !FileSource.impliesSingleItem(builder.filenames, recursive: builder.recursive)
        var errors: [Error] = []
        for r in infos {
            switch r {
            case .failure(let e): errors.append(e)
            case .success(let info) where list:
                // --list shows the object as the updates leave it (an update that conflicts is its error).
                do {
                    let updated = try LabelCommand.apply(info.object ?? .emptyObject, add: add, remove: remove, overwrite: overwrite,
                                                         resourceVersion: resourceVersion, mode: mode)
                    printList(updated, many: many, inv: inv)
                } catch { errors.append(error) }
            case .success where printerError != nil: errors.append(printerError!)
            case .success(let info):
                do { try change(info, printer: printer, inv: &inv) } catch {
                    errors.append(addSource(error, verb: "patching", source: info.source))
                }
            }
        }
        flush(printer, errors: &errors, &inv)
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }

    /// `--local`: each object is changed and printed as the files are read (kubectl's stream visitor),
    /// so memory holds one object, not the file's 100,000; a broken document ends reading with its
    /// error after the objects before it were printed, as kubectl does.
    private func runLocal(_ b: ResourceBuilder, printer: OperationPrinter, printerError: Error?, _ inv: inout Invocation) throws {
        var errors: [Error] = []
        let explicit = b.localNamespaceEnforced(inv)
        let namespace = inv.flags.string("namespace")
        for r in try b.objectStream(&inv) {
            switch r {
            case .failure(let e): errors.append(e)
            case .success(let o) where explicit && ResourceBuilder.localNamespaceError(o, namespace: namespace) != nil:
                errors.append(ResourceBuilder.localNamespaceError(o, namespace: namespace)!)
            case .success where printerError != nil: errors.append(printerError!)
            case .success(let o):
                let info = ResourceBuilder.localInfo(o)
                do { try change(info, printer: printer, inv: &inv) } catch {
                    errors.append(addSource(error, verb: "patching", source: info.source))
                }
            }
        }
        flush(printer, errors: &errors, &inv)
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }

    /// Prints the objects kept; objects the printer refuses join the other errors.
    private func flush(_ printer: OperationPrinter, errors: inout [Error], _ inv: inout Invocation) {
        do { try printer.flush(&inv) } catch CLIError.aggregate(let list) { errors += list } catch { errors.append(error) }
    }

    /// `--list`: the labels (or annotations) of the updated object, one `key=value` a line.
    func printList(_ obj: JSONValue, many: Bool, inv: Invocation) {
        if many {
            let gvk = GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: obj["kind"].string ?? "")
            inv.io.out.write("Listing \(mode.field) for \(gvk.kind).\(gvk.group)/\(obj["metadata"]["name"].string ?? ""):\n")
        }
        for (k, v) in obj["metadata"][mode.field].stringMap { inv.io.out.write("\(many ? " " : "")\(k)=\(v)\n") }
    }

    func change(_ target: ResourceInfo, printer: OperationPrinter, inv: inout Invocation) throws {
        let obj = target.object ?? .emptyObject
        var before = obj
        var changed: JSONValue
        var result: JSONValue
        let dryRun = printer.dryRun
        if !builder.local, dryRun != .client, let type = target.type {
            // Read, change and write in one request, like a server-side patch: a concurrent writer is
            // serialised, never overwritten.
            (before, changed, result) = try inv.server().write { s in
                let live = try s.get(type, namespace: target.namespace, name: target.name)
                let new = try LabelCommand.apply(live, add: add, remove: remove, overwrite: overwrite,
                                                 resourceVersion: resourceVersion, mode: mode)
                // The map kubectl leaves empty decodes to nothing on the server: no write for that alone.
                var sent = new
                if sent["metadata"][mode.field].object?.isEmpty == true { _ = sent.remove(["metadata", mode.field]) }
                let stored = sent == live ? live : try s.update(sent, type: type, dryRun: dryRun == .server, verb: "patch")
                return (live, new, stored)
            }
        } else {
            changed = try LabelCommand.apply(obj, add: add, remove: remove, overwrite: overwrite,
                                             resourceVersion: resourceVersion, mode: mode)
            result = changed
        }
        if !builder.local && dryRun == .none && mode.field == "labels" {
            for key in remove where before["metadata"]["labels"][key].isNull {
                inv.io.out.write("label \(goQuoted(key)) not found.\n")
            }
        }
        let verb = LabelCommand.verb(old: before, new: changed, overwrite: overwrite, mode: mode)
        printer.print(result, type: target.type, operation: verb, inv: inv)
    }
}
