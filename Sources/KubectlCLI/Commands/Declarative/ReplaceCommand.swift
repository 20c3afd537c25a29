import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl replace -f`: a full update of each object (`--force`: delete, then create).
enum ReplaceCommand {
    static let spec = CommandSpec(
        "replace",
        use: "replace -f FILENAME",
        short: "Swap objects for the versions in files or stdin",
        group: "Advanced Commands:",
        options: ReplaceOptions.self)
}

/// replace's options (kubectl's Complete, Validate, Run): the objects come from the resource builder,
/// each replaced on its own (`--force`: deleted, then created); a failed object is reported and the
/// others go on.
struct ReplaceOptions: FlagOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var validation = ValidationMode.strict
    var saveConfig = false
    var dryRun = DryRun.none
    var cascadeText = "background"
    var cascade = PropagationPolicy.background
    var force = false
    var gracePeriod = -1
    var timeout = "0s"
    var raw = ""
    var subresource = ""
    /// Accepted, no effect offline (README, help): deletions are immediate.
    var wait = false
    var timeoutSet: Bool { if case .success(let ns) = GoValue.parseDuration(timeout) { return ns != 0 } else { return false } }

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false) + [CommonFlags.dryRun]),
         .init(\.builder, CommonFlags.filenames("replace") + [CommonFlags.validate]) { ResourceBuilder.from($0, args: []) },
         .init(\.cascadeText, "cascade", default: "background", usage: "Deletion cascade for --force: background, foreground or orphan.",
               noOptDefault: "background"),
         .fieldManager("kubectl-replace"),
         .init(\.force, "force", usage: "Delete the object, then create it again."),
         .init(\.gracePeriod, "grace-period", default: "-1", usage: "Seconds the object deleted by --force may take to terminate; -1 uses its own."),
         .init(\.raw, "raw", usage: "Raw URI to PUT to the server (offline only the namespace finalize subresource, /api/v1/namespaces/NAME/finalize)."),
         .init(\.saveConfig, "save-config", usage: "Record the object in the last-applied-configuration annotation, for later apply."),
         .subresource(\.subresource, FlagSpec("subresource", .string, usage: "Replace this subresource: status (only the status is taken from the file) or scale.")),
         .init(\.timeout, "timeout", .duration, default: "0s", usage: "Wait time for --force deletions. No effect offline: --force waits up to 5 minutes of store time."),
         .init(\.wait, "wait", usage: "Wait for --force deletions to finish. No effect offline: --force always waits for the object to go.")]
    }

    /// kubectl's Complete, in its order: validation mode, dry-run, the printer, cascade, files.
    mutating func complete(_ inv: inout Invocation) throws {
        validation = try ValidationMode.from(inv)
        dryRun = try DryRun.parse(printFlags.dryRun, inv)
        _ = try printFlags.format()
        cascade = try PropagationPolicy.cascade(cascadeText)
        try builder.requireFiles()
    }

    /// kubectl's Validate.
    func validate(_ inv: Invocation) throws {
        if gracePeriod >= 0 && !force { throw CLIError.message("--grace-period must have --force specified") }
        if timeoutSet && !force { throw CLIError.message("--timeout must have --force specified") }
        if force && dryRun != .none { throw CLIError.message("--dry-run can not be used when --force is set") }
        if !raw.isEmpty {
            if builder.filenames.count != 1 { throw CLIError.message("--raw can only use a single local file or stdin") }
            if builder.filenames[0].hasPrefix("http://") || builder.filenames[0].hasPrefix("https://") {
                throw CLIError.message("--raw cannot read from a url")
            }
            if builder.recursive { throw CLIError.message("--raw and --recursive are mutually exclusive") }
            if !printFlags.output.isEmpty { throw CLIError.message("--raw and --output are mutually exclusive") }
            try RawRequest.validatePath(raw)
        }
    }

    func run(_ inv: inout Invocation) throws {
        if !raw.isEmpty { return try RawRequest.put(&inv, path: raw, file: builder.filenames[0]) }
        let printer = try printFlags.toPrinter(dryRun: dryRun)
        let server = try inv.server()
        if force { return try forceReplace(&inv, printer: printer, server: server) }
        let errors = try builder.resolve(&inv).visit(&inv, fetch: .names, verb: "replacing") { inv, info in
            guard let type = info.type else { return }
            var obj = info.objectInNamespace
            if saveConfig || !obj["metadata"]["annotations"][LastApplied.key].isNull {
                obj = LastApplied.annotate(obj)
            }
            // kubectl prints the object of the file at once: nothing is read from the store.
            if dryRun == .client {
                printer.print(obj, type: type, operation: "replaced", inv: inv)
                return
            }
            if !subresource.isEmpty && (subresource != "status" || !SubresourceWrite.serves("status", type)) {
                throw SubresourceWrite.replaceRefusal(subresource, type: type, object: obj)
            }
            let result = try server.write { s -> JSONValue in
                let live = try s.get(type, namespace: info.namespace, name: info.name)
                var next = Declarative.dropNulls(obj)
                if subresource == "status" {
                    // PUT .../status: only the status is taken from the file.
                    var onlyStatus = Declarative.statusOnly(next, live: live)
                    if !next["metadata"]["resourceVersion"].isNull { onlyStatus["metadata"]["resourceVersion"] = next["metadata"]["resourceVersion"] }
                    next = onlyStatus
                } else if !live["status"].isNull {
                    next["status"] = live["status"]
                }
                return try s.update(next, type: type, dryRun: dryRun == .server)
            }
            printer.print(result, type: type, operation: "replaced", inv: inv)
        }
        try printer.flush(&inv)
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }

    /// kubectl's forceReplace: every object is deleted first (one missing is no error) and waited for (up to
    /// 5 minutes), then each is created again. A failed delete stops before any create; a failed create is
    /// reported as the server words it (no `error when replacing` around it) and the others go on.
    func forceReplace(_ inv: inout Invocation, printer: OperationPrinter, server: APIServer) throws {
        let resolved = try builder.resolve(&inv)
        let deleteErrors = try resolved.visit(&inv, fetch: .names, verb: nil) { inv, info in
            guard let type = info.type else { return }
            do {
                let deleted = try server.write { s -> JSONValue in
                    let gone = try s.delete(type, namespace: info.namespace, name: info.name, propagation: cascade,
                                            gracePeriod: gracePeriod >= 0 ? Int64(gracePeriod) : nil)
                    _ = try s.finishDeletion(type, namespace: info.namespace, name: info.name, uid: gone["metadata"]["uid"].string ?? "",
                                             withinSeconds: 300)
                    return gone
                }
                inv.io.out.write("\(type.qualifiedKind) \(goQuoted(deleted["metadata"]["name"].string ?? info.name)) deleted\n")
            } catch let e as APIError where e.reason == .notFound {
            }
        }
        if !deleteErrors.isEmpty { throw CLIError.aggregate(deleteErrors) }
        let errors = try resolved.visit(&inv, fetch: .names, verb: nil) { inv, info in
            guard let type = info.type else { return }
            var obj = info.objectInNamespace
            if saveConfig || !obj["metadata"]["annotations"][LastApplied.key].isNull {
                obj = LastApplied.annotate(obj)
            }
            obj.remove(["metadata", "resourceVersion"])
            obj.remove(["metadata", "uid"])
            let created = try server.write { try $0.create(Declarative.dropNulls(obj), type: type, namespace: info.namespace) }
            printer.print(created, type: type, operation: "replaced", suffixed: false, inv: inv)
        }
        try printer.flush(&inv)
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }
}
