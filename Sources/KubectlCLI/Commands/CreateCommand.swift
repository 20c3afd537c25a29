import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry
import KubeSchema

/// `kubectl create -f` and the `create <kind>` generators.
enum CreateCommand {
    static let spec = CommandSpec(
        "create",
        use: "create -f FILENAME",
        short: "Create objects from files or standard input",
        subcommands: CreateSubcommands.all + [CreateTokenOptions.spec],
        group: "Basic Commands (Beginner):",
        options: CreateOptions.self)

    /// Creates each object on its own (all or nothing per object; many objects share a transaction,
    /// each in its own savepoint); prints a line or the object per success once it is committed and
    /// reports every failure (the builder's too, in order), exit 1 if any failed.
    static func createAll<Infos: Sequence<Result<ResourceInfo, Error>>>(
        _ infos: Infos, inv: inout Invocation, printer: OperationPrinter, validation: ValidationMode, saveConfig: Bool,
        changeCause: String? = nil, errorWrapper: ((Error) -> Error)? = nil) throws
    {
        let server = try inv.server()
        let dryRun = printer.dryRun
        var errors: [Error] = []
        func prepare(_ r: Result<ResourceInfo, Error>, _ inv: inout Invocation) throws -> (ResourceType, JSONValue, String) {
            let info = try r.get()
            guard let type = info.type else { throw CLIError.message("no kind for \(goQuoted(info.name))") }
            // kubectl's builder writes the namespace it resolved into a namespaced object before anything
            // else: `--dry-run=client -o yaml` shows it, and so does `--save-config`'s annotation.
            var obj = info.objectInNamespace
            if saveConfig { obj = LastApplied.annotate(obj) }
            // --record: after --save-config's annotation, so that one does not hold it (kubectl's order).
            if let changeCause { obj["metadata"]["annotations"][RolloutCommand.changeCauseKey] = .string(changeCause) }
            // The server's decoder checks fields on every other request (the admission chain). With
            // `--validate=false` kubectl validates nothing itself: a client dry run prints the object as read.
            if dryRun == .client, validation != .ignore {
                for w in try SchemaCheck.check(obj, type: type, mode: validation, source: info.source, verb: "creating") { inv.warn(w) }
            }
            return (type, obj, info.namespace)
        }
        func report(_ r: Result<ResourceInfo, Error>, _ outcome: Result<(ResourceType, JSONValue), Error>, _ inv: inout Invocation) {
            switch outcome {
            case .success(let (type, created)):
                printer.print(created, type: type, operation: "created", inv: inv)
            case .failure(let error):
                errors.append(errorWrapper?(error) ?? addSource(error, verb: "creating", source: (try? r.get())?.source ?? ""))
            }
        }
        if dryRun == .client {
            for r in infos {
                report(r, Result { let (type, obj, _) = try prepare(r, &inv); return (type, obj) }, &inv)
            }
        } else {
            try server.writeEach(infos, { s, r in
                let (type, obj, namespace) = try prepare(r, &inv)
                return (type, try s.create(obj, type: type, namespace: namespace, dryRun: dryRun == .server))
            }, committed: { outcomes in
                for (r, outcome) in outcomes { report(r, outcome, &inv) }
            })
        }
        try printer.flush(&inv)
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }
}

/// `create -f`'s options: the objects come from the resource builder (`-f`/`-k`, `-l`); the documents
/// before a broken one are still created and the read error is reported last, as kubectl's streaming
/// visitor does.
struct CreateOptions: FlagOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var raw = ""
    var edit = false
    /// Hidden and deprecated: the notice, and the command line in each object's change-cause annotation.
    var record = false
    var saveConfig = false
    var validation = ValidationMode.strict
    var windowsLineEndings = false
    var printer = OperationPrinter(format: nil, dryRun: .none)

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false) + [CommonFlags.dryRun]),
         .init(\.builder, CommonFlags.filenames("create") + [CommonFlags.selector, CommonFlags.validate]) { inv in
            var b = ResourceBuilder.from(inv, args: [])
            b.keepObjectsBeforeBrokenDocument = true
            return b
         },
         .init(\.edit, "edit", usage: "Edit the objects in an editor before creating them."),
         .fieldManager("kubectl-create"),
         .init(\.raw, "raw", usage: "Raw URI to POST to the server (not available offline)."),
         .init(\.record, CommonFlags.record),
         .init(\.saveConfig, "save-config", usage: "Record the object in the last-applied-configuration annotation, for later apply."),
         .init(\.windowsLineEndings, "windows-line-endings", usage: "With --edit, use Windows line endings.")]
    }

    /// kubectl's order: arguments (`create` has a Run of its own, so cobra hands it an unknown
    /// subcommand as arguments), the dry-run strategy and printer, -f/-k, then --raw's checks.
    mutating func complete(_ inv: inout Invocation) throws {
        if !inv.args.isEmpty { throw CLIError.unexpectedArgs(inv.args) }
        printer = try printFlags.toPrinter(inv)
    }

    func validate(_ inv: Invocation) throws {
        if !builder.hasFiles { throw CLIError.message("must specify one of -f and -k") }
        if !raw.isEmpty {
            if edit { throw CLIError.message("--raw and --edit are mutually exclusive") }
            if builder.filenames.count != 1 { throw CLIError.message("--raw can only use a single local file or stdin") }
            if builder.filenames[0].hasPrefix("http://") || builder.filenames[0].hasPrefix("https://") {
                throw CLIError.message("--raw cannot read from a url")
            }
            if builder.recursive { throw CLIError.message("--raw and --recursive are mutually exclusive") }
            if !builder.labelSelector.isEmpty { throw CLIError.message("--raw and --selector (-l) are mutually exclusive") }
            if !printFlags.output.isEmpty { throw CLIError.message("--raw and --output are mutually exclusive") }
            if let why = Self.requestURIError(raw) { throw CLIError.message("--raw must be a valid URL path: parse \(goQuoted(raw)): \(why)") }
            throw RawRequest.unavailable
        }
    }

    /// Go's `url.ParseRequestURI` refusals of a path: it must be absolute or carry a scheme.
    static func requestURIError(_ s: String) -> String? {
        if s.hasPrefix("/") { return nil }
        for (i, c) in s.enumerated() {
            if c.isASCII && c.isLetter { continue }
            if i > 0 && (c.isASCII && c.isNumber || c == "+" || c == "-" || c == ".") { continue }
            if c == ":" { return i == 0 ? "missing protocol scheme" : nil }
            break
        }
        return "invalid URI for request"
    }

    func run(_ inv: inout Invocation) throws {
        let validation = try ValidationMode.from(inv)
        if edit {
            let result = try builder.resolve(&inv)
            if result.isEmpty { throw CLIError.message("no objects passed to create") }
            return try editThenCreate(result, validation: validation, inv: &inv)
        }
        // The files' documents are read as the objects are created, never all held at once.
        let infos = try builder.resolveStreaming(&inv)
        guard let first = infos.next() else { throw CLIError.message("no objects passed to create") }
        var pending: Result<ResourceInfo, Error>? = first
        try CreateCommand.createAll(AnyIterator { if let p = pending { pending = nil; return p }; return infos.next() },
                                    inv: &inv, printer: printer, validation: validation, saveConfig: saveConfig,
                                    changeCause: record ? SetCommand.changeCause(inv) : nil)
    }
}

extension CreateOptions {
    /// `--edit`: each object of the files opens in the editor on its own; what is saved is created (an
    /// unchanged file creates nothing). A failed create keeps the edited file, as kubectl does. As in
    /// kubectl, `-o` (yaml or json only) is both the editing format and how the created object prints,
    /// and dry-run does not apply.
    func editThenCreate(_ result: ResourceResult, validation: ValidationMode, inv: inout Invocation) throws {
        let infos = try result.infos(&inv, fetch: .names).map { try $0.get() }
        guard ["", "yaml", "json"].contains(printFlags.output) else {
            throw CLIError.message("unable to match a printer suitable for the output format \(goQuoted(printFlags.output)), allowed formats are: json,yaml")
        }
        let printer = OperationPrinter(format: try printFlags.format(), dryRun: .none, showManagedFields: printFlags.showManagedFields)
        for info in infos {
            guard let type = info.type else { continue }
            let target = EditCommand.Target(type: type, namespace: info.namespace, name: info.name, object: info.objectInNamespace)
            var session = EditSession(targets: [target], json: printFlags.output == "json", keepManagedFields: printFlags.showManagedFields,
                                      crlf: windowsLineEndings, saveConfig: false, outputPatch: false, inv: inv)
            let saveConfig = self.saveConfig
            session.create = { docs, inv in
                let items = try docs.map { doc in
                    ResourceBuilder.info(for: SourcedObject(source: "", object: doc), registry: inv.registry,
                                         namespace: try inv.namespace(), explicit: inv.namespaceExplicit)
                }
                try CreateCommand.createAll(items, inv: &inv, printer: printer, validation: validation, saveConfig: saveConfig)
                try printer.flush(&inv)
            }
            try session.run(&inv)
        }
    }
}

/// `-o` for commands that print objects (no tables); nil when not given.
func objectFormat(_ inv: Invocation) throws -> OutputFormat? {
    var raw = inv.flags.string("output")
    // kubectl's PrintFlags: `--template` without `-o` means go-template.
    if raw.isEmpty && inv.flags.declares("template") && !inv.flags.string("template").isEmpty { raw = "go-template" }
    if raw.isEmpty { return nil }
    do { return try OutputFormat.parse(raw, template: inv.flags.string("template"), allowTables: false) } catch {
        throw CLIError.message(String(describing: error))
    }
}

/// The namespace a request for `obj` goes to: the object's own, which must agree with an explicit `-n`.
func requestNamespace(_ obj: JSONValue, type: ResourceType, defaultNamespace: String, explicit: Bool) throws -> String {
    guard type.namespaced else { return "" }
    if let own = obj["metadata"]["namespace"].string, !own.isEmpty {
        if explicit && own != defaultNamespace {
            throw CLIError.message("the namespace from the provided object \(goQuoted(own)) does not match the namespace \(goQuoted(defaultNamespace)). You must pass '--namespace=\(own)' to perform this operation.")
        }
        return own
    }
    return defaultNamespace
}

/// cmdutil.AddSourceToErr: `error when creating "x.yaml": <message>` inside API errors.
func addSource(_ error: Error, verb: String, source: String) -> Error {
    guard !source.isEmpty else { return error }
    var api: APIError?
    if let e = error as? APIError { api = e }
    if case CLIError.api(let e) = error { api = e }
    if var e = api {
        e.message = "error when \(verb) \(goQuoted(source)): \(e.message)"
        return CLIError.api(e)
    }
    return error
}

/// `--validate`: strict (default, also `true`), warn, ignore (also `false`).
enum ValidationMode {
    case strict, warn, ignore
    static func from(_ inv: Invocation) throws -> ValidationMode { try parse(inv.flags.string("validate")) }

    static func parse(_ text: String) throws -> ValidationMode {
        switch text.lowercased() {
        case "strict", "true", "": return .strict
        case "warn": return .warn
        case "ignore", "false": return .ignore
        case let v:
            throw CLIError.message("invalid - validate option \(goQuoted(v)); must be one of: strict (or true), warn, ignore (or false)")
        }
    }
}

/// The API server's field validation against the embedded v1.32 schema: with `strict` an unknown
/// field is a BadRequest; with `warn` each one is a warning; a value of the wrong type is always an error.
enum SchemaCheck {
    static func check(_ obj: JSONValue, type: ResourceType, mode: ValidationMode, source: String, verb: String) throws -> [String] {
        let level: FieldValidation = mode == .strict ? .strict : mode == .warn ? .warn : .ignore
        if let schema = type.openAPIV3Schema {  // a custom resource: unknown fields per its CRD's schema
            let unknown = CustomResourceSchema.unknownFields(obj, schema: schema).map { "unknown field \(goQuoted($0))" }
            if mode == .strict, !unknown.isEmpty {
                throw CLIError.api(APIError.badRequest("\(type.kind) in version \(goQuoted(type.version)) cannot be handled as a \(type.kind): strict decoding error: " + unknown.joined(separator: ", ")))
            }
            return mode == .warn ? unknown : []
        }
        if let message = decodeErrorMessage(obj, index: .builtin, fieldValidation: level) {
            throw CLIError.api(APIError.badRequest(message))
        }
        return mode == .warn ? fieldValidationWarnings(obj, index: .builtin) : []
    }
}
