import KubeAPI
import KubeModel
import KubeRegistry

/// apply's options (kubectl's ApplyFlags.ToOptions, then Validate, then Run): the objects come from the
/// resource builder (`-f`/`-k`, filtered by `-l`), each applied on its own; a failed object is reported
/// and the others go on.
struct ApplyOptions: FlagOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var serverSide = false
    var forceConflicts = false
    var dryRun = DryRun.none
    var cascadeText = "background"
    var cascade = PropagationPolicy.background
    var force = false
    var prune = false
    var pruneAllowlistText: [String] = []
    var pruneAllowlist: [(String, String, String)] = []
    var subresource = ""
    var validation = ValidationMode.strict
    var overwrite = true
    /// Hidden and deprecated: the notice, and the command line in each object's change-cause annotation.
    var record = false
    /// For pruned objects: their grace period and whether apply waits for them to go. `--timeout` and
    /// `--openapi-patch` are accepted without effect (README, help).
    var gracePeriod = -1
    var timeout = "0s"
    var wait = false
    var openAPIPatch = true

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false) + [CommonFlags.dryRun]),
         .builder(\.builder, CommonFlags.filenames("apply") + [
            FlagSpec("all", .bool, usage: "With --prune, prune every object of the allow-listed types, not only those matching -l."),
            CommonFlags.selector, CommonFlags.validate]),
         .init(\.cascadeText, "cascade", default: "background", usage: "Deletion cascade for --prune and --force: background, foreground or orphan.",
               noOptDefault: "background"),
         .fieldManager("kubectl-client-side-apply"),
         .init(\.force, "force", usage: "Delete and re-create an object the update cannot change (immutable fields)."),
         .init(\.forceConflicts, "force-conflicts", usage: "With --server-side, take over fields other managers own."),
         .init(\.gracePeriod, "grace-period", default: "-1", usage: "Seconds pruned objects may take to terminate; -1 uses each object's own."),
         .init(\.openAPIPatch, "openapi-patch", default: "true", usage: "Use the schema's patch metadata for the merge. No effect offline: the built-in schema is always used."),
         .init(\.overwrite, "overwrite", default: "true", usage: "Overwrite fields changed by others with the applied values."),
         .init(\.prune, "prune", usage: "Delete applied objects (of the allow-listed types) no longer in the files."),
         .init(\.pruneAllowlistText, "prune-allowlist", .stringArray, usage: "group/version/kind types --prune may delete (core/v1/ConfigMap)."),
         .init(\.record, CommonFlags.record),
         .init(\.serverSide, "server-side", usage: "Apply on the server, recording the field manager."),
         .subresource(\.subresource, FlagSpec("subresource", .string, usage: "With --server-side, the subresource to apply to (status, scale); locally the configuration is merged into the object itself.",
               completions: ["status", "scale"])),
         .init(\.timeout, "timeout", .duration, default: "0s", usage: "Wait time for deletions. No effect offline: deletions are immediate."),
         .init(\.wait, "wait", usage: "Return only once pruned objects are gone (pods once their kubelet has stopped them).")]
    }

    /// kubectl's ToOptions, in its order: arguments, dry-run, cascade, files, validation mode, the prune
    /// allow-list.
    mutating func complete(_ inv: inout Invocation) throws {
        builder.args = []
        // kubectl applies the objects it could read and reports the files it could not (ContinueOnError).
        builder.keepObjectsBeforeBrokenDocument = true
        if serverSide { inv.request.defaultFieldManager = "kubectl" }
        if !inv.args.isEmpty { throw CLIError.unexpectedArgs(inv.args) }
        dryRun = try DryRun.parse(printFlags.dryRun, inv)
        cascade = try PropagationPolicy.cascade(cascadeText)
        try builder.requireFiles()
        validation = try ValidationMode.from(inv)
        if prune { pruneAllowlist = try ApplyCommand.pruneAllowlist(pruneAllowlistText) }
    }

    /// kubectl's Validate.
    func validate(_ inv: Invocation) throws {
        if forceConflicts && !serverSide { throw CLIError.message("--force-conflicts only works with --server-side") }
        if dryRun == .client && serverSide {
            throw CLIError.message("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)")
        }
        if serverSide && force { throw CLIError.message("--force cannot be used with --server-side") }
        if dryRun == .server && force { throw CLIError.message("--dry-run=server cannot be used with --force") }
        if !subresource.isEmpty && !serverSide {
            throw CLIError.message("--subresource can only be specified for --server-side")
        }
        try builder.rejectAllWithSelector()
        if prune {
            if force { throw CLIError.message("--force cannot be used with --prune") }
            if !builder.selectAll && builder.labelSelector.isEmpty {
                throw CLIError.message("all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector")
            }
            if serverSide {
                throw CLIError.message("--prune is in alpha and doesn't currently work on objects created by server-side apply")
            }
        }
    }

    func run(_ inv: inout Invocation) throws {
        let printer = try printFlags.toPrinter(dryRun: dryRun)
        printer.listWhenMany = true
        let server = try inv.server()
        let result = try builder.resolve(&inv)
        if result.isEmpty { throw CLIError.message("no objects passed to apply") }
        var visited: [(type: ResourceType, namespace: String, name: String)] = []
        var visitedNamespaces: [String] = []
        let changeCause = record ? SetCommand.changeCause(inv) : nil
        let errors = try result.visit(&inv, fetch: .names, verb: nil, readErrorsFirst: true) { inv, info in
            guard let type = info.type else { return }
            if type.namespaced && !visitedNamespaces.contains(info.namespace) { visitedNamespaces.append(info.namespace) }
            visited.append((type, info.namespace, info.name))
            var obj = info.objectInNamespace
            // --record: kubectl writes the command line on the object first, so last-applied holds it too.
            if let changeCause { obj["metadata"]["annotations"][RolloutCommand.changeCauseKey] = .string(changeCause) }
            if info.name.isEmpty {
                // kubectl refuses these before sending anything: a generated name cannot be applied, and the
                // client builds no server-side apply PATCH without a name.
                if let generate = obj["metadata"]["generateName"].string, !generate.isEmpty {
                    throw CLIError.message("from \(generate): cannot use generate name with apply")
                }
                if serverSide { throw CLIError.message("resource name may not be empty") }
            }
            if serverSide && !subresource.isEmpty && (subresource != "status" || !SubresourceWrite.serves("status", type)) {
                throw try SubresourceWrite.applyRefusal(subresource, type: type, object: obj, namespace: info.namespace, server: server)
            }
            let (applied, operation) = serverSide
                ? try ApplyCommand.serverSideApply(obj, type: type, namespace: info.namespace, dryRun: dryRun, forceConflicts: forceConflicts,
                                                   inv: &inv, server: server)
                : try ApplyCommand.clientSideApply(obj, type: type, namespace: info.namespace, source: info.source,
                                                   dryRun: dryRun, force: force, cascade: cascade, overwrite: overwrite, inv: &inv,
                                                   server: server)
            printer.print(applied, type: type, operation: operation, inv: inv)
        }
        // Objects printed as a whole (-o yaml, json, ...) are printed only when every object applied.
        if errors.isEmpty { try printer.flush(&inv) }
        if prune && errors.isEmpty {
            try ApplyCommand.pruneObjects(inv: &inv, server: server, allow: pruneAllowlist,
                                          visited: visited, namespaces: visitedNamespaces, selector: result.labels,
                                          cascade: cascade, printer: printer,
                                          gracePeriod: gracePeriod >= 0 ? Int64(gracePeriod) : nil, wait: wait)
        }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }
}
