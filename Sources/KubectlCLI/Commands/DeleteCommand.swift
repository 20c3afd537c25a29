import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl delete`: by name, `TYPE/NAME`, selector, `--all` or files; deletes cascade to dependents
/// (ownerReferences) unless `--cascade=orphan`, and a namespace takes everything in it along.
enum DeleteCommand {
    static let spec = CommandSpec(
        "delete",
        use: "delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])",
        short: "Delete objects by file name, type and name, or selector",
        flags: CommonFlags.filenames("delete") + [
            FlagSpec("all", .bool, usage: "Delete every object of the given types in the namespace."),
            CommonFlags.allNamespaces,
            FlagSpec("cascade", .string, default: "background",
                     usage: "How dependents go: \"background\", \"foreground\" (both delete them) or \"orphan\" (keep them).",
                     noOptDefault: "background", completions: ["background", "foreground", "orphan"]),
            CommonFlags.dryRun,
            CommonFlags.fieldSelector,
            FlagSpec("force", .bool, usage: "Delete at once, without waiting for graceful termination."),
            FlagSpec("grace-period", .int, default: "-1", usage: "Seconds an object may take to terminate; -1 uses its own default."),
            FlagSpec("ignore-not-found", .bool, usage: "Succeed quietly when the named objects do not exist."),
            FlagSpec("interactive", short: "i", .bool, usage: "Ask for confirmation before deleting."),
            FlagSpec("now", .bool, usage: "Delete with a grace period of 1 second."),
            FlagSpec("output", short: "o", .string, usage: "Output mode; \"name\" prints type/name of each deleted object.",
                     completions: ["name"]),
            FlagSpec("raw", .string, usage: "Raw URI to DELETE on the server (not available offline)."),
            CommonFlags.selector,
            FlagSpec("timeout", .duration, default: "0s", usage: "How long to wait for the deletion to finish."),
            FlagSpec("wait", .bool, default: "true", usage: "Wait until the objects are gone before returning."),
        ],
        group: "Basic Commands (Intermediate):",
        options: DeleteOptions.self)
}

/// delete's options: what to delete (the builder), how (cascade, force, grace period), how to report.
struct DeleteOptions: CommandOptions {
    var builder: ResourceBuilder
    var cascade: PropagationPolicy
    var dryRun: DryRun
    var printer: OperationPrinter
    var force: Bool
    var gracePeriod: Int
    var gracePeriodSet: Bool
    var ignoreNotFound: Bool

    init(_ inv: inout Invocation) throws {
        let f = inv.flags
        let output = f.string("output")
        if !output.isEmpty && output != "name" {
            throw CLIError.message("unexpected -o output mode: \(output), the flag 'output' must be one of yaml|json|jsonpath|name|go-template|go-template-file|template|templatefile|jsonpath-file|jsonpath-as-json|custom-columns|custom-columns-file|wide")
        }
        switch f.string("cascade") {
        case "background", "true": cascade = .background
        case "foreground": cascade = .foreground
        case "orphan", "false": cascade = .orphan
        case let v: throw CLIError.message("invalid cascade value (\(v)). Must be \"background\", \"foreground\", or \"orphan\".")
        }
        dryRun = try DryRun.from(inv)
        printer = OperationPrinter(format: output.isEmpty ? nil : .name, dryRun: dryRun)
        builder = ResourceBuilder.from(inv)
        force = f.bool("force")
        gracePeriod = f.int("grace-period")
        gracePeriodSet = f.isSet("grace-period")
        ignoreNotFound = f.bool("ignore-not-found")
    }

    func validate(_ inv: Invocation) throws {
        if builder.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
        if builder.selectAll && !builder.labelSelector.isEmpty {
            throw CLIError.message("cannot set --all and --selector at the same time")
        }
        if builder.selectAll && !builder.fieldSelector.isEmpty {
            throw CLIError.message("cannot set --all and --field-selector at the same time")
        }
    }

    func run(_ inv: inout Invocation) throws {
        // --force alone means grace period 0 as well.
        let immediate = force && (gracePeriod == 0 || !gracePeriodSet)
        if force {
            inv.io.err.write("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n")
        }
        let infos = try builder.resolve(&inv).infos(&inv, fetch: .names)
        if infos.isEmpty {
            inv.io.out.write("No resources found\n")
            return
        }
        let server = try inv.server()
        let targets = infos.compactMap { try? $0.get() }
        // A namespace deleted earlier in this command takes its contents with it at once, where a cluster
        // would still be terminating them: those objects count as deleted by this command too.
        var deletedNamespaces = Set<String>()
        var existedAtStart = Set<String>()
        if targets.contains(where: { $0.type.map(isNamespace) ?? false }) {
            try server.read { s in
                for t in targets {
                    guard let type = t.type, type.namespaced else { continue }
                    if try s.find(type, namespace: t.namespace, name: t.name) != nil { existedAtStart.insert(key(t)) }
                }
            }
        }
        var errors: [Error] = []
        for r in infos {
            let t: ResourceInfo
            switch r {
            case .failure(let e): errors.append(e); continue
            case .success(let info): t = info
            }
            guard let type = t.type else { continue }
            do {
                let removedWithNamespace = type.namespaced && deletedNamespaces.contains(t.namespace) && existedAtStart.contains(key(t))
                if !removedWithNamespace {
                    try server.write { s in
                        _ = try s.delete(type, namespace: t.namespace, name: t.name, propagation: cascade, dryRun: dryRun != .none)
                    }
                }
                if isNamespace(type) && dryRun == .none { deletedNamespaces.insert(t.name) }
                printer.print(name: "\(type.qualifiedKind)/\(t.name)", display: "\(type.qualifiedKind) \(goQuoted(t.name))", operation: immediate ? "force deleted" : "deleted", inv: inv)
            } catch {
                if ignoreNotFound, apiReason(error) == .notFound { continue }
                errors.append(addSource(error, verb: "deleting", source: t.source))
            }
        }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }

    private func isNamespace(_ type: ResourceType) -> Bool { type.group.isEmpty && type.kind == "Namespace" }
    private func key(_ t: ResourceInfo) -> String { "\(t.type?.storageKey ?? "")|\(t.namespace)|\(t.name)" }
}
