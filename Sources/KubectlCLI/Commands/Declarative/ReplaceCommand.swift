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
        flags: CommonFlags.output(tables: false) + CommonFlags.filenames("replace") + [
            FlagSpec("cascade", .string, default: "background", usage: "Deletion cascade for --force: background, foreground or orphan.",
                     noOptDefault: "background"),
            CommonFlags.dryRun,
            CommonFlags.fieldManager("kubectl-replace"),
            FlagSpec("force", .bool, usage: "Delete the object, then create it again."),
            FlagSpec("grace-period", .int, default: "-1", usage: "Grace period for --force deletions. No effect offline: deletions are immediate."),
            FlagSpec("raw", .string, usage: "Raw URI to PUT to the server (not available offline)."),
            FlagSpec("save-config", .bool, usage: "Record the object in the last-applied-configuration annotation, for later apply."),
            FlagSpec("subresource", .string, usage: "Replace this subresource: status or scale."),
            FlagSpec("timeout", .duration, default: "0s", usage: "Wait time for --force deletions. No effect offline: deletions are immediate."),
            CommonFlags.validate,
            FlagSpec("wait", .bool, usage: "Wait for --force deletions to finish. No effect offline: deletions are immediate."),
        ],
        group: "Advanced Commands:",
        run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        let files = inv.flags.strings("filename")
        if files.isEmpty && inv.flags.string("kustomize").isEmpty {
            throw CLIError.message("must specify one of -f and -k")
        }
        let force = inv.flags.bool("force")
        let saveConfig = inv.flags.bool("save-config")
        let format = try objectFormat(inv)
        let dryRun = try DryRun.from(inv)
        if force && dryRun != .none { throw CLIError.message("--dry-run can not be used when --force is set") }
        _ = try ValidationMode.from(inv)
        let server = try inv.server()
        let defaultNamespace = try inv.namespace()
        let objects = try KustomizeSource.objects(&inv)
        let printer = OperationPrinter(format: format, dryRun: dryRun, flags: inv.flags)
        var errors: [Error] = []
        for o in objects {
            do {
                let type = try mapping(for: o, registry: server.registry)
                let namespace = try requestNamespace(o.object, type: type, defaultNamespace: defaultNamespace, explicit: inv.namespaceExplicit)
                var obj = o.object
                if type.namespaced { obj["metadata"]["namespace"] = .string(namespace) }
                if saveConfig || !obj["metadata"]["annotations"][LastApplied.key].isNull {
                    obj = LastApplied.annotate(obj)
                }
                let name = obj["metadata"]["name"].string ?? ""
                if force {
                    do {
                        let deleted = try server.write { try $0.delete(type, namespace: namespace, name: name) }
                        inv.io.out.write("\(type.qualifiedKind) \(goQuoted(deleted["metadata"]["name"].string ?? name)) deleted\n")
                    } catch let e as APIError where e.reason == .notFound {
                    }
                    obj.remove(["metadata", "resourceVersion"])
                    obj.remove(["metadata", "uid"])
                    let created = try server.write { try $0.create(Declarative.dropNulls(obj), type: type, namespace: namespace) }
                    printer.print(created, type: type, operation: "replaced", suffixed: false, inv: inv)
                    continue
                }
                let result = try server.write { s -> JSONValue in
                    let live = try s.get(type, namespace: namespace, name: name)
                    var next = Declarative.dropNulls(obj)
                    if !live["status"].isNull { next["status"] = live["status"] }
                    if dryRun == .client { return next }
                    return try s.update(next, type: type, dryRun: dryRun == .server)
                }
                printer.print(result, type: type, operation: "replaced", inv: inv)
            } catch {
                errors.append(addSource(error, verb: "replacing", source: o.source))
            }
        }
        try printer.flush(&inv)
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }
}
