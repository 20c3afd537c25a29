import KubeModel
import KubePrinters
import KubeRegistry

/// How a mutating command reports each object it handled, chosen once from `-o` and the dry-run
/// strategy (kubectl's PrintFlags.ToPrinter with the operation): without `-o` the line
/// `<kind>/<name> <operation>[ (dry run)| (server dry run)]`, with `-o name` the name alone, with the
/// object formats the objects, printed together by `flush` (YAML documents between `---`).
final class OperationPrinter {
    let format: OutputFormat?
    let dryRun: DryRun
    /// `--show-managed-fields` (kept in printed objects only when set).
    let showManagedFields: Bool
    /// Objects are printed after the typed round trip's JSON field order (set/expose on local objects).
    var typedJSON = false
    /// `---` between YAML documents; label and patch build a printer per object, so they have none.
    var documentSeparators = true
    /// apply prints several objects as one `List` (kubectl's printObjects).
    var listWhenMany = false
    private var collected: [JSONValue] = []
    /// The jsonpath/go-template/custom-columns printer, made once and kept for every object printed
    /// (kubectl's printer: a jsonpath `{range}` leaves its mark on the next object); label makes one per
    /// object (`documentSeparators` false).
    private var templatePrinter: TemplateOutput.Printer?

    init(format: OutputFormat?, dryRun: DryRun, showManagedFields: Bool = false, typedJSON: Bool = false) {
        self.format = format
        self.dryRun = dryRun
        self.showManagedFields = showManagedFields
        self.typedJSON = typedJSON
    }

    /// ` (dry run)`, ` (server dry run)` or "".
    var suffix: String { dryRun.suffix }

    /// Reports one object: its success line, its name, or keeps it for `flush`.
    func print(_ object: JSONValue, type: ResourceType?, operation: String, suffixed: Bool = true, inv: Invocation) {
        print(name: ObjectPrinter.name(object, type: type), object: object, operation: operation, suffixed: suffixed, inv: inv)
    }

    /// Reports an object by its printed name (`deployment.apps/web`) when the object is not at hand;
    /// `display` names it in the success line when that differs (delete's `deployment.apps "web"`).
    func print(name: String, display: String? = nil, object: JSONValue? = nil, operation: String, suffixed: Bool = true,
               inv: Invocation)
    {
        guard let format else {
            inv.io.out.write("\(display ?? name) \(operation)\(suffixed ? suffix : "")\n")
            return
        }
        if case .name = format { inv.io.out.write(name + "\n"); return }
        if let object { collected.append(object) }
    }

    /// Reports one object at once (the workload verbs print each object as they go).
    func printNow(_ object: JSONValue, type: ResourceType?, operation: String, suffixed: Bool = true, inv: inout Invocation) throws {
        print(object, type: type, operation: operation, suffixed: suffixed, inv: inv)
        try flush(&inv)
    }

    /// Prints objects that are not the result of an operation (`rollout history -o yaml`).
    func printAll(_ objects: [JSONValue], inv: inout Invocation) throws {
        guard let format else { return }
        try OperationPrinter.printObjects(objects, format: format, showManagedFields: showManagedFields, typedJSON: typedJSON, inv: &inv)
    }

    /// Prints the objects kept for `-o json|yaml|jsonpath|go-template|custom-columns`.
    func flush(_ inv: inout Invocation) throws {
        guard let format, !collected.isEmpty else { return }
        defer { collected = [] }
        if listWhenMany && collected.count > 1 {
            let items = showManagedFields ? collected : collected.map(ObjectPrinter.stripManagedFields)
            if case .json = format {
                // An unstructured List marshals kind, apiVersion, metadata, items; the items' keys sorted.
                let list: JSONValue = .object(JSONObject([("kind", "List"), ("apiVersion", "v1"), ("metadata", .emptyObject),
                                                          ("items", .array(items.map(Self.keysSorted)))]))
                inv.io.out.write(ObjectPrinter.json(list, sortKeys: false))
                return
            }
            let list: JSONValue = ["apiVersion": "v1", "items": .array(items), "kind": "List", "metadata": .emptyObject]
            try OperationPrinter.printObjects([list], format: format, showManagedFields: true, inv: &inv)
            return
        }
        if format.isTemplate && documentSeparators {
            if templatePrinter == nil { templatePrinter = try TemplateOutput.printer(format, inv: inv, typed: typedJSON) }
            let objs = showManagedFields || !format.omitsManagedFields ? collected : collected.map(ObjectPrinter.stripManagedFields)
            try TemplateOutput.write(objs, with: templatePrinter!, inv: &inv)
            return
        }
        try OperationPrinter.printObjects(collected, format: format, showManagedFields: showManagedFields,
                                          typedJSON: typedJSON, separators: documentSeparators, inv: &inv)
    }

    /// The value with every object's keys in Go's sorted order (as json.Marshal writes a map).
    static func keysSorted(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o):
            var out = JSONObject()
            for k in o.sortedKeys { out.appendUnchecked(k, keysSorted(o[k]!)) }
            return .object(out)
        case .array(let a): return .array(a.map(keysSorted))
        default: return v
        }
    }

    /// Objects a mutating command returns: YAML documents separated by `---`, JSON one after another,
    /// templates per object; `-o name` prints `<kind>/<name>` lines.
    static func printObjects(_ objects: [JSONValue], format: OutputFormat, showManagedFields: Bool, typedJSON: Bool = false,
                             separators: Bool = true, inv: inout Invocation) throws
    {
        let objs = showManagedFields || !format.omitsManagedFields ? objects : objects.map(ObjectPrinter.stripManagedFields)
        switch format {
        case .name:
            for o in objects { inv.io.out.write(ObjectPrinter.name(o, type: OutputWriter.typeOf(o, inv.registry)) + "\n") }
        case .yaml:
            // An object the YAML printer refuses (control characters) is an error of its own; the
            // others are still printed, and annotate's printer has counted it (its `---` stays).
            var refused: [Error] = []
            for (i, o) in objs.enumerated() {
                if i > 0 && separators { inv.io.out.write("---\n") }
                do { inv.io.out.write(try OutputWriter.yaml(o)) } catch { refused.append(error) }
            }
            if refused.count == 1 { throw refused[0] }
            if refused.count > 1 { throw CLIError.aggregate(refused) }
        case .json:
            for o in objs { inv.io.out.write(ObjectPrinter.json(o, sortKeys: !typedJSON)) }
        default:
            // Without separators (label) every object gets a printer of its own.
            if separators {
                try TemplateOutput.write(objs, format: format, typed: typedJSON, inv: &inv)
            } else {
                let current = inv
                try TemplateOutput.write(objs, with: { o, out in try TemplateOutput.printer(format, inv: current, typed: typedJSON)(o, &out) },
                                         inv: &inv)
            }
        }
    }
}

/// The printing flags of a command as given (kubectl's PrintFlags): read with the other options and turned
/// into a printer (`format()`, templates parsed) where the command's kubectl Complete does it.
struct PrintFlags {
    var output = ""
    var template = ""
    var showManagedFields = false
    var allowMissingTemplateKeys = true
    var dryRun = ""

    init() {}

    init(_ f: ParsedFlags) {
        output = f.declares("output") ? f.string("output") : ""
        template = f.declares("template") ? f.string("template") : ""
        showManagedFields = f.declares("show-managed-fields") && f.bool("show-managed-fields")
        allowMissingTemplateKeys = !f.declares("allow-missing-template-keys") || f.bool("allow-missing-template-keys")
        dryRun = f.declares("dry-run") ? f.string("dry-run") : ""
    }

    /// `-o` for commands that print objects (no tables); nil when not given.
    func format() throws -> OutputFormat? {
        // kubectl's PrintFlags: `--template` without `-o` means go-template.
        let output = self.output.isEmpty && !template.isEmpty ? "go-template" : self.output
        if output.isEmpty { return nil }
        let format: OutputFormat
        do { format = try OutputFormat.parse(output, template: template, allowTables: false) } catch {
            throw CLIError.message(String(describing: error))
        }
        try TemplateOutput.check(format)
        return format
    }

    /// The printer: the dry-run strategy checked first (kubectl's Complete reads it before making the
    /// printer), then `-o`.
    func toPrinter(_ inv: Invocation) throws -> OperationPrinter {
        let strategy = try DryRun.parse(dryRun, inv)
        return OperationPrinter(format: try format(), dryRun: strategy, showManagedFields: showManagedFields)
    }

    /// The printer of a command that parsed its dry-run strategy already.
    func toPrinter(dryRun: DryRun) throws -> OperationPrinter {
        OperationPrinter(format: try format(), dryRun: dryRun, showManagedFields: showManagedFields)
    }
}
