import KubeAPI
import KubeCodec
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl apply view-last-applied` and `apply set-last-applied`: read or write the
/// last-applied-configuration annotation that client-side apply keeps.
enum LastAppliedCommands {
    static let viewSpec = CommandSpec(
        "view-last-applied", use: "view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)",
        short: "Show the configuration last applied to objects",
        options: ViewLastAppliedOptions.self)

    static let setSpec = CommandSpec(
        "set-last-applied", use: "set-last-applied -f FILENAME",
        short: "Record the contents of files as the last applied configuration of their objects",
        options: SetLastAppliedOptions.self)

    static let editSpec = CommandSpec(
        "edit-last-applied", use: "edit-last-applied (RESOURCE/NAME | -f FILENAME)",
        short: "Change the configuration last applied to objects, in your editor",
        long: "Opens the last-applied-configuration annotation of each object in $KUBE_EDITOR, $EDITOR or vi;\n"
            + "the saved text becomes the new annotation. The objects themselves do not change until the next apply.",
        options: EditLastAppliedOptions.self)

    static let noAnnotation = "no last-applied-configuration annotation found on resource: "
}

/// `apply edit-last-applied`: kubectl edit over the objects' last-applied-configuration annotations
/// (objects without one are left out); each changed configuration is stored back as the annotation.
struct EditLastAppliedOptions: FlagOptions {
    var builder = ResourceBuilder()
    /// `-o`: the editing format; the template flags are accepted as kubectl's (the file is YAML or
    /// JSON only), managedFields shown with --show-managed-fields (the configurations have none).
    var printFlags = PrintFlags()
    var output: String { printFlags.output }
    var windowsLineEndings = false
    /// The field validation of the annotation's update (kubectl sends it; the annotation is a string).
    var validation = ""

    static var flags: [OptionFlag<Self>] {
        var printing = CommonFlags.output(tables: false)
        printing[0] = FlagSpec("output", short: "o", .string, usage: "Format of the file to edit: yaml (the default) or json.", completions: ["yaml", "json"])
        return [.printing(\.printFlags, printing),
                .builder(\.builder, CommonFlags.filenames("edit the last applied configuration of")),
                .fieldManager("kubectl-client-side-apply"),
                .validation(\.validation),
                .init(\.windowsLineEndings, "windows-line-endings", usage: "Use CRLF line endings in the file to edit.")]
    }

    mutating func complete(_ inv: inout Invocation) throws { builder.requireNames = false }

    func validate(_ inv: Invocation) throws {
        if builder.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
        if !["", "yaml", "json"].contains(output) { throw CLIError.message("the flag 'output' must be one of yaml|json") }
    }

    func run(_ inv: inout Invocation) throws {
        var targets: [EditCommand.Target] = []
        for r in try builder.resolve(&inv).infos(&inv, fetch: .latest) {
            let info = try r.get()
            guard let type = info.type, let configuration = LastApplied.of(info.object ?? .emptyObject) else { continue }
            targets.append(EditCommand.Target(type: type, namespace: info.namespace, name: info.name, object: configuration))
        }
        if targets.isEmpty {
            throw CLIError.message("no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`")
        }
        var session = EditSession(targets: targets, json: output == "json", keepManagedFields: printFlags.showManagedFields,
                                  crlf: windowsLineEndings, saveConfig: false, outputPatch: false, inv: inv, lastApplied: true)
        try session.run(&inv)
    }
}

/// `apply view-last-applied`: the objects named by the resource builder (`TYPE NAME`, `TYPE/NAME`,
/// `TYPE -l`/`--all`, `-f`/`-k`), read from the store; each one's annotation printed as YAML or JSON.
/// The first object that cannot be read, or has no annotation, ends the command before anything prints.
struct ViewLastAppliedOptions: FlagOptions {
    var builder = ResourceBuilder()
    var output = "yaml"

    static var flags: [OptionFlag<Self>] {
        [.builder(\.builder, [
            FlagSpec("all", .bool, usage: "Show every object of the given types in the namespace."),
            FlagSpec("filename", short: "f", .stringSlice, usage: "Files naming the objects to show."),
            FlagSpec("kustomize", short: "k", .string, usage: "Kustomization directory naming the objects to show."),
            FlagSpec("recursive", short: "R", .bool, usage: "Walk directories given with -f recursively."),
            CommonFlags.selector]),
         .init(\.output, "output", short: "o", default: "yaml", usage: "Output format: yaml or json.", completions: ["yaml", "json"])]
    }

    /// kubectl's builder: a lone type stands for all its objects when `-n` is given (its allowEmptySelector
    /// is the namespace being explicit); `--all` is a selector (SelectAllParam), refused beside that
    /// implied selector or beside `-l`, which it precedes.
    func validate(_ inv: Invocation) throws {
        if builder.selectAll {
            if impliedSelector(inv) { throw CLIError.message("setting 'all' parameter but found a non empty selector. ") }
            if !builder.labelSelector.allSatisfy(\.isWhitespace) {
                throw CLIError.message("found non-empty label selector \(strconvQuote(builder.labelSelector)) with previously set 'all' parameter. ")
            }
        }
        if builder.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
    }

    func impliedSelector(_ inv: Invocation) -> Bool {
        builder.args.count == 1 && !builder.args[0].contains("/") && inv.namespaceExplicit
    }

    func run(_ inv: inout Invocation) throws {
        var texts: [String] = []
        var builder = builder
        builder.selectAll = builder.selectAll || impliedSelector(inv)
        builder.allIsSelector = true
        for r in try builder.resolve(&inv).infos(&inv, fetch: .latest) {
            let info = try r.get()
            let obj = info.object ?? .emptyObject
            guard let text = obj["metadata"]["annotations"][LastApplied.key].string else {
                // kubectl adds the file to a nil error: an object named by arguments is skipped quietly,
                // one read from a file fails with "error when ...: <nil>".
                if info.source.isEmpty { continue }
                throw CLIError.message("error when " + LastAppliedCommands.noAnnotation + (obj["metadata"]["name"].string ?? "")
                                       + "\n \(strconvQuote(info.source)): <nil>")
            }
            texts.append(text)
        }
        // kubectl reads the objects before it looks at -o, and looks at it once per object printed.
        guard texts.isEmpty || output == "yaml" || output == "json" else {
            throw CLIError.usage("Unexpected -o output mode: \(output), the flag 'output' must be one of yaml|json")
        }
        for text in texts {
            let value = try JSON.parse(text)
            if output == "json" {
                inv.io.out.write(value.jsonString(JSONWriteOptions(indent: 2, sortKeys: false)) + (text.hasSuffix("\n") ? "\n" : ""))
            } else {
                inv.io.out.write(try OutputWriter.yaml(value))
            }
        }
    }
}

/// `apply set-last-applied -f`: each object of the files becomes the last applied configuration of the
/// live object (nothing else changes). As kubectl, every object is read and checked first (it must exist
/// and, without `--create-annotation`, have the annotation); objects whose annotation already matches
/// are reported as needing no change; then the others are written.
struct SetLastAppliedOptions: FlagOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var createAnnotation = false

    static var flags: [OptionFlag<Self>] {
        [.init(\.createAnnotation, "create-annotation", usage: "Create the annotation on objects that do not have it yet."),
         .init(\.builder, [FlagSpec("filename", short: "f", .stringSlice, usage: "Files holding the configurations to record.")]) {
             ResourceBuilder.from($0, args: [])
         },
         .printing(\.printFlags, [
            CommonFlags.dryRun,
            FlagSpec("output", short: "o", .string, usage: "Output format: name, yaml or json."),
            FlagSpec("allow-missing-template-keys", .bool, default: "true", usage: "Ignore missing keys in templates."),
            FlagSpec("show-managed-fields", .bool, usage: "Keep managedFields in JSON and YAML output."),
            FlagSpec("template", .string, usage: "Template for -o go-template or jsonpath.")])]
    }

    /// kubectl's order: --dry-run, the printer, then the files.
    func validate(_ inv: Invocation) throws {
        _ = try DryRun.parse(printFlags.dryRun, inv)
        _ = try printFlags.format()
        if builder.filenames.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
    }

    func run(_ inv: inout Invocation) throws {
        let dryRun = try DryRun.parse(printFlags.dryRun, inv)
        let printer = try printFlags.toPrinter(dryRun: dryRun)
        let server = try inv.server()
        var pending: [(info: ResourceInfo, type: ResourceType, annotation: String)] = []
        for r in try builder.resolve(&inv).infos(&inv, fetch: .names) {
            let info = try r.get()
            guard let type = info.type else { continue }
            let annotation = LastApplied.modified(info.objectInNamespace).annotation
            let live = try server.read { try $0.get(type, namespace: info.namespace, name: info.name) }
            let current = live["metadata"]["annotations"][LastApplied.key].string
            if current == nil && !createAnnotation {
                throw CLIError.message(LastAppliedCommands.noAnnotation + info.name + ", to create the annotation, run the command with --create-annotation")
            }
            if current == annotation {
                inv.io.out.write("set-last-applied \(info.name): no changes required.\n")
                continue
            }
            pending.append((info, type, annotation))
        }
        for (info, type, annotation) in pending {
            let result: JSONValue = try server.write { s in
                var live = try s.get(type, namespace: info.namespace, name: info.name)
                live["metadata"]["annotations"][LastApplied.key] = .string(annotation)
                return dryRun == .client ? live : try s.update(live, type: type, dryRun: dryRun == .server, verb: "patch")
            }
            printer.print(result, type: type, operation: "configured", inv: inv)
        }
        try printer.flush(&inv)
    }
}
