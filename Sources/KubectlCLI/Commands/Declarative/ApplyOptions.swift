import KubeAPI
import KubeModel
import KubeRegistry

/// apply's options (kubectl's ApplyFlags.ToOptions, then Validate, then Run): the objects come from the
/// resource builder (`-f`/`-k`, filtered by `-l`), each applied on its own; a failed object is reported
/// and the others go on.
struct ApplyOptions: CommandOptions {
    var builder: ResourceBuilder
    var printFlags: PrintFlags
    var serverSide: Bool
    var forceConflicts: Bool
    var dryRun: DryRun
    var cascade: PropagationPolicy
    var force: Bool
    var prune: Bool
    var pruneAllowlist: [(String, String, String)] = []
    var subresource: String
    var fieldManager: String
    var validation: ValidationMode
    /// Accepted, no effect offline (README, help): deletions are immediate and the patch always uses the
    /// built-in schema.
    var gracePeriod: Int
    var timeout: String
    var wait: Bool
    var openAPIPatch: Bool
    var overwrite: Bool

    /// kubectl's ToOptions: every flag read, then in its order: arguments, dry-run, cascade, files,
    /// validation mode, the prune allow-list.
    init(_ inv: inout Invocation) throws {
        let f = inv.flags
        builder = ResourceBuilder.from(inv, args: [])
        printFlags = PrintFlags(f)
        serverSide = f.bool("server-side")
        forceConflicts = f.bool("force-conflicts")
        force = f.bool("force")
        prune = f.bool("prune")
        subresource = f.string("subresource")
        fieldManager = f.string("field-manager")
        gracePeriod = f.int("grace-period")
        timeout = f.string("timeout")
        wait = f.bool("wait")
        openAPIPatch = f.bool("openapi-patch")
        overwrite = f.bool("overwrite")
        let allowlist = f.strings("prune-allowlist")
        if !inv.args.isEmpty { throw CLIError.usage("Unexpected args: [\(inv.args.joined(separator: " "))]") }
        dryRun = try DryRun.from(inv)
        cascade = try PropagationPolicy.cascade(f.string("cascade"))
        if !builder.hasFiles { throw CLIError.message("must specify one of -f and -k") }
        validation = try ValidationMode.from(inv)
        if prune { pruneAllowlist = try ApplyCommand.pruneAllowlist(allowlist) }
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
        if builder.selectAll && !builder.labelSelector.isEmpty {
            throw CLIError.message("cannot set --all and --selector at the same time")
        }
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
        let errors = try result.visit(&inv, fetch: .names, verb: nil) { inv, info in
            guard let type = info.type else { return }
            if type.namespaced && !visitedNamespaces.contains(info.namespace) { visitedNamespaces.append(info.namespace) }
            visited.append((type, info.namespace, info.name))
            let obj = info.objectInNamespace
            let (applied, operation) = serverSide
                ? try ApplyCommand.serverSideApply(obj, type: type, namespace: info.namespace, dryRun: dryRun,
                                                   inv: &inv, server: server)
                : try ApplyCommand.clientSideApply(obj, type: type, namespace: info.namespace, source: info.source,
                                                   dryRun: dryRun, force: force, cascade: cascade, overwrite: overwrite, inv: &inv,
                                                   server: server)
            printer.print(applied, type: type, operation: operation, inv: inv)
        }
        try printer.flush(&inv)
        if prune && errors.isEmpty {
            try ApplyCommand.pruneObjects(inv: &inv, server: server, allow: pruneAllowlist,
                                          visited: visited, namespaces: visitedNamespaces, selector: result.labels,
                                          cascade: cascade, printer: printer)
        }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }
}
