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
            FlagSpec("interactive", short: "i", .bool, usage: "List what would be deleted and go on only after a \"y\" answer."),
            FlagSpec("now", .bool, usage: "Delete with a grace period of 1 second."),
            FlagSpec("output", short: "o", .string, usage: "Output mode; \"name\" prints type/name of each deleted object.",
                     completions: ["name"]),
            FlagSpec("raw", .string, usage: "Raw URI to DELETE on the server (not available offline)."),
            CommonFlags.selector,
            FlagSpec("timeout", .duration, default: "0s", usage: "How long to wait for the deletion to finish."),
            FlagSpec("wait", .bool, default: "true", usage: "Wait until the objects are gone before returning."),
        ],
        group: "Basic Commands (Intermediate):",
        run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        let files = inv.flags.strings("filename")
        let all = inv.flags.bool("all")
        let selectorText = inv.flags.string("selector")
        let fieldText = inv.flags.string("field-selector")
        let output = inv.flags.string("output")
        if !output.isEmpty && output != "name" {
            throw CLIError.message("unexpected -o output mode: \(output), the flag 'output' must be one of yaml|json|jsonpath|name|go-template|go-template-file|template|templatefile|jsonpath-file|jsonpath-as-json|custom-columns|custom-columns-file|wide")
        }
        let cascade: PropagationPolicy
        switch inv.flags.string("cascade") {
        case "background", "true": cascade = .background
        case "foreground": cascade = .foreground
        case "orphan", "false": cascade = .orphan
        case let v: throw CLIError.message("invalid cascade value (\(v)). Must be \"background\", \"foreground\", or \"orphan\".")
        }
        let dryRun = try DryRun.from(inv)
        if inv.args.isEmpty && files.isEmpty && inv.flags.string("kustomize").isEmpty {
            throw CLIError.message(ResourceArgs.noResourcesMessage)
        }
        if all && !selectorText.isEmpty {
            throw CLIError.message("cannot set --all and --selector at the same time")
        }
        if all && !fieldText.isEmpty {
            throw CLIError.message("cannot set --all and --field-selector at the same time")
        }
        let force = inv.flags.bool("force")
        let gracePeriod = inv.flags.int("grace-period")
        if force && gracePeriod != 0 && inv.flags.isSet("grace-period") == false {
            // --force alone means grace period 0 as well.
        }
        try DeleteConfirmation.validate(inv)
        let immediate = force && (gracePeriod == 0 || !inv.flags.isSet("grace-period"))
        if force {
            inv.io.err.write("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n")
        }
        let server = try inv.server()
        let namespace = try inv.namespace()
        let allNamespaces = inv.flags.bool("all-namespaces")
        let labelSelector = try parseLabelSelector(selectorText)
        let fieldSelector = try parseFieldSelector(fieldText)

        // Targets: (type, namespace, name, source)
        var targets: [(ResourceType, String, String, String)] = []
        var errors: [Error] = []
        if !files.isEmpty || !inv.flags.string("kustomize").isEmpty {
            let objects = try KustomizeSource.objects(&inv)
            for o in objects {
                let type = try mapping(for: o, registry: server.registry)
                let ns = try requestNamespace(o.object, type: type, defaultNamespace: namespace, explicit: inv.namespaceExplicit)
                targets.append((type, ns, o.object["metadata"]["name"].string ?? "", o.source))
            }
        } else {
            let selection = try ResourceArgs.parse(inv.args, registry: server.registry)
            for w in selection.warnings { inv.warn(w) }
            let bulk = all || labelSelector != nil || fieldSelector != nil
            for req in selection.requests {
                if req.names.isEmpty {
                    guard bulk else { throw CLIError.message("resource(s) were provided, but no name was specified") }
                    let ns: String? = allNamespaces ? nil : namespace
                    var rows = try server.read { s in
                        fieldSelector != nil ? try s.rows(req.type, namespace: ns) : try s.listSummaries(req.type, namespace: ns)
                    }
                    if let sel = labelSelector { rows = rows.filter { sel.matches(labelMap($0.labels)) } }
                    if let fs = fieldSelector {
                        rows = try filterByFields(rows, fs, type: req.type, labelSelector: selectorText, fieldSelectorText: fieldText)
                    }
                    for r in rows { targets.append((req.type, r.namespace, r.name, "")) }
                } else {
                    if bulk && all { throw CLIError.message("cannot set --all and specify names") }
                    if labelSelector != nil { throw CLIError.message("name cannot be provided when a selector is specified") }
                    for name in req.names { targets.append((req.type, namespace, name, "")) }
                }
            }
        }
        if targets.isEmpty {
            inv.io.out.write("No resources found\n")
            return
        }
        if inv.flags.bool("interactive"), !DeleteConfirmation.ask(targets.map { ($0.0, $0.2) }, io: inv.io) {
            inv.io.out.write("deletion is cancelled\n")
            return
        }
        // A namespace deleted earlier in this command takes its contents with it at once, where a cluster
        // would still be terminating them: those objects count as deleted by this command too.
        var deletedNamespaces = Set<String>()
        var existedAtStart = Set<String>()
        if targets.contains(where: { $0.0.group.isEmpty && $0.0.kind == "Namespace" }) {
            try server.read { s in
                for (type, ns, name, _) in targets where type.namespaced {
                    if try s.find(type, namespace: ns, name: name) != nil { existedAtStart.insert("\(type.storageKey)|\(ns)|\(name)") }
                }
            }
        }
        // Many deletes share a transaction, each in its own savepoint; lines print once committed.
        try server.writeEach(targets, { s, target in
            let (type, ns, name, _) = target
            let removedWithNamespace = type.namespaced && deletedNamespaces.contains(ns)
                && existedAtStart.contains("\(type.storageKey)|\(ns)|\(name)")
            if !removedWithNamespace {
                _ = try s.delete(type, namespace: ns, name: name, propagation: cascade, dryRun: dryRun != .none)
            }
            if type.group.isEmpty && type.kind == "Namespace" && dryRun == .none { deletedNamespaces.insert(name) }
        }, committed: { outcomes in
            for ((type, _, name, source), outcome) in outcomes {
                switch outcome {
                case .success:
                    if output == "name" {
                        inv.io.out.write("\(type.qualifiedKind)/\(name)\n")
                    } else {
                        let verb = immediate ? "force deleted" : "deleted"
                        inv.io.out.write("\(type.qualifiedKind) \(goQuoted(name)) \(verb)\(dryRun.suffix)\n")
                    }
                case .failure(let error):
                    if inv.flags.bool("ignore-not-found"), apiReason(error) == .notFound { continue }
                    errors.append(addSource(error, verb: "deleting", source: source))
                }
            }
        })
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }
}
