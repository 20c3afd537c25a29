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
        group: "Basic Commands (Intermediate):", options: DeleteOptions.self)
}

/// delete's options: what to delete (the builder), how (cascade, force, grace period), how to report.
struct DeleteOptions: FlagOptions {
    var builder = ResourceBuilder()
    var cascadeText = "background"
    var dryRunText = "none"
    var output = ""
    var force = false
    var now = false
    var raw = ""
    var interactive = false
    /// nil unless given (-1: the object's own default).
    var gracePeriod: Int?
    var ignoreNotFound = false
    /// How long the command waits for the objects to go (0: a week, as kubectl).
    var timeout = DurationFlag()
    var wait = true
    var cascade = PropagationPolicy.background
    var dryRun = DryRun.none
    var printer = OperationPrinter(format: nil, dryRun: .none)

    static var flags: [OptionFlag<Self>] {
        [.builder(\.builder, CommonFlags.filenames("delete") + [
            FlagSpec("all", .bool, usage: "Delete every object of the given types in the namespace."),
            CommonFlags.allNamespaces, CommonFlags.fieldSelector, CommonFlags.selector]),
         .init(\.cascadeText, FlagSpec("cascade", .string, default: "background",
               usage: "How dependents go: \"background\", \"foreground\" (both delete them) or \"orphan\" (keep them).",
               noOptDefault: "background", completions: ["background", "foreground", "orphan"])),
         .init(\.dryRunText, CommonFlags.dryRun),
         .init(\.force, "force", usage: "Delete at once, without waiting for graceful termination."),
         .init(\.gracePeriod, "grace-period", default: "-1", usage: "Seconds an object may take to terminate; -1 uses its own default."),
         .init(\.ignoreNotFound, "ignore-not-found", usage: "Succeed quietly when the named objects do not exist."),
         .init(\.interactive, "interactive", short: "i", usage: "List what would be deleted and go on only after a \"y\" answer."),
         .init(\.now, "now", usage: "Delete with a grace period of 1 second."),
         .init(\.output, "output", short: "o", usage: "Output mode; \"name\" prints type/name of each deleted object.",
               completions: ["name"]),
         .init(\.raw, "raw", usage: "Raw URI to DELETE on the server (not available offline)."),
         .init(\.timeout, "timeout", default: "0s", usage: "How long to wait for the objects to go; 0 waits up to a week."),
         .init(\.wait, "wait", default: "true", usage: "Return only once the objects are gone (pods once their kubelet has stopped them).")]
    }

    /// kubectl's order: the cascade value (read as the options are made), then Complete: --now with
    /// --grace-period, the dry-run value; then the builder (in `validate` and `run`), then Validate.
    mutating func complete(_ inv: inout Invocation) throws {
        cascade = try PropagationPolicy.cascade(cascadeText)
        if now && (gracePeriod ?? -1) != -1 {
            throw CLIError.message("--now and --grace-period cannot be specified together")
        }
        dryRun = try DryRun.parse(dryRunText, inv)
        printer = OperationPrinter(format: output.isEmpty ? nil : .name, dryRun: dryRun)
        builder.allIsSelector = true
    }

    /// The builder's errors that need no server come first (with --raw kubectl builds none); the rest of
    /// its errors come from `resolve` in `run`, and Validate's checks after them.
    func validate(_ inv: Invocation) throws {
        if raw.isEmpty {
            if builder.selectAll && !(builder.labelSelector.allSatisfy(\.isWhitespace) && builder.fieldSelector.allSatisfy(\.isWhitespace)) {
                throw CLIError.message("setting 'all' parameter but found a non empty selector. ")
            }
            if builder.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
        } else {
            try validateOptions()
        }
    }

    /// kubectl's Validate: the output mode, --all with selectors, --force with a grace period, --raw.
    func validateOptions() throws {
        if !output.isEmpty && output != "name" {
            throw CLIError.message("unexpected -o output mode: \(output). We only support '-o name'")
        }
        try builder.rejectAllWithSelector()
        if builder.selectAll && !builder.fieldSelector.isEmpty {
            throw CLIError.message("cannot set --all and --field-selector at the same time")
        }
        try DeleteConfirmation.validate(force: force, gracePeriod: gracePeriod ?? -1, raw: raw, interactive: interactive)
        if !raw.isEmpty {
            if builder.filenames.count > 1 { throw CLIError.message("--raw can only use a single local file or stdin") }
            if let f = builder.filenames.first, f.hasPrefix("http://") || f.hasPrefix("https://") {
                throw CLIError.message("--raw cannot read from a url")
            }
            if builder.recursive { throw CLIError.message("--raw and --recursive are mutually exclusive") }
            if printer.format != nil { throw CLIError.message("--raw and --output are mutually exclusive") }
            try RawRequest.validatePath(raw)
        }
    }

    func run(_ inv: inout Invocation) throws {
        if !raw.isEmpty { throw RawRequest.unavailable }
        let grace = requestedGracePeriod
        let immediate = grace == 0
        // Names only, built into infos one at a time as they are deleted (`delete pods --all -A` of
        // 100,000 pods holds their names, not their infos).
        let resolved = try builder.resolve(&inv)
        try validateOptions()
        if force {
            inv.io.err.write("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n")
        }
        let infos = try resolved.namedInfos(&inv)
        if infos.isEmpty {
            inv.io.out.write("No resources found\n")
            return
        }
        if interactive, !DeleteConfirmation.ask(infos.compactMap { r in (try? r.get()).flatMap { t in t.type.map { ($0, t.name) } } }, io: inv.io) {
            inv.io.out.write("deletion is cancelled\n")
            return
        }
        let server = try inv.server()
        var deleted = DeletedNamespaces()
        if infos.containsType(DeletedNamespaces.isNamespace) {
            let targets = infos.compactMap { try? $0.get() }
            try server.read { s in try deleted.noteExisting(targets, session: s) }
        }
        var errors: [Error] = []
        var waitedFor: [Waited] = []
        let waits = wait && dryRun == .none
        // With a frozen clock the kubelets' stops within the wait happen in the request; with the real
        // clock they happen when they fall due, and the command waits for them, as kubectl does.
        let frozen = !(inv.environment["KUBECTL_LOCAL_NOW"] ?? "").isEmpty
        let within = frozen ? waitSeconds : 0
        // Many deletes share a transaction, each in its own savepoint; lines print once committed. 256 per
        // transaction, as `create -f`: a batch's logged states and decoded pods are what the command holds
        // (1,024 peaked 17 MB higher deleting 10,000 pods, for the same CPU time).
        try server.writeEach(infos, batchSize: 256, { s, r -> String? in
            let t = try r.get()
            guard let type = t.type else { return nil }
            // Client dry run sends nothing: named objects and those from files are not read, so one that
            // does not exist is "deleted (dry run)" too, as kubectl prints it.
            if dryRun == .client { return nil }
            var left: String?
            if !deleted.removedWithNamespace(t) {
                // kubectl waits for the object to go: the kubelets stop its pods meanwhile.
                if waits {
                    let (_, uid) = try s.deleteAwaiting(type, namespace: t.namespace, name: t.name, propagation: cascade,
                                                        gracePeriod: grace, withinSeconds: within)
                    if try !s.finishDeletion(type, namespace: t.namespace, name: t.name, uid: uid, withinSeconds: within) {
                        left = uid
                    }
                } else {
                    _ = try s.delete(type, namespace: t.namespace, name: t.name, propagation: cascade, dryRun: dryRun != .none,
                                     gracePeriod: grace)
                }
            }
            if DeletedNamespaces.isNamespace(type) && dryRun == .none { deleted.namespaces.insert(t.name) }
            return left
        }, committed: { outcomes in
            for (r, outcome) in outcomes {
                let t = try? r.get()
                switch outcome {
                case .success(let left):
                    guard let t, let type = t.type else { continue }
                    if let left { waitedFor.append(Waited(type: type, namespace: t.namespace, name: t.name, uid: left)) }
                    printer.print(name: "\(type.qualifiedKind)/\(t.name)", display: "\(type.qualifiedKind) \(goQuoted(t.name))",
                                  operation: immediate ? "force deleted" : "deleted", inv: inv)
                case .failure(let error):
                    if ignoreNotFound, apiReason(error) == .notFound { continue }
                    errors.append(addSource(error, verb: "deleting", source: t?.source ?? ""))
                }
            }
        })
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
        try awaitRest(waitedFor, server: server, realTime: !frozen)
    }

    /// The grace period sent with the request, after kubectl's conversions: `--now` is 1, 0 without
    /// `--force` is 1, `--force` alone is 0; nil leaves each object its own.
    var requestedGracePeriod: Int64? {
        var g = gracePeriod ?? -1
        if now { g = 1 }
        if g == 0 && !force { g = 1 }
        if force && g < 0 { g = 0 }
        return g >= 0 ? Int64(g) : nil
    }

    /// How far ahead the wait lets the kubelets go: `--timeout`, or a week.
    var waitSeconds: Int64 {
        let ns = timeout.nanoseconds ?? 0
        return ns <= 0 ? 7 * 24 * 3600 : (ns + 999_999_999) / 1_000_000_000
    }

    /// Objects that did not go in the request: with the real clock, those whose pods' kubelets have a
    /// stop on the agenda go when it falls due, and the command waits for them (in real time: a pod
    /// whose process ignores SIGTERM takes its grace period, 30 s by default). Objects that cannot go
    /// (their pods' node does not report, or they take longer than `--timeout`): with a `--timeout`,
    /// kubectl's timeout error once it has passed; without one kubectl would wait for a week, and the
    /// command returns instead.
    func awaitRest(_ waitedFor: [Waited], server: APIServer, realTime: Bool) throws {
        let timed = (timeout.nanoseconds ?? 0) > 0
        guard timed || realTime, !waitedFor.isEmpty else { return }
        var wait = ClientWait(timeoutNanoseconds: timed ? timeout.nanoseconds ?? 0 : -1)
        wait.server = server
        let within = realTime ? 0 : waitSeconds
        for w in waitedFor {
            var stalled = false
            let gone = try wait.until {
                if realTime { server.clock = Clock(now: Clock.system()) }
                return try server.write { s in
                    if try s.finishDeletion(w.type, namespace: w.namespace, name: w.name, uid: w.uid, withinSeconds: within) { return true }
                    stalled = try !timed && !s.stopScheduled(w.type, namespace: w.namespace, name: w.name, uid: w.uid)
                    return stalled
                }
            }
            if !gone && !stalled { throw CLIError.message("timed out waiting for the condition on \(w.type.plural)/\(w.name)") }
        }
    }

    struct Waited { var type: ResourceType; var namespace: String; var name: String; var uid: String }
}

/// A namespace deleted earlier in one delete command takes its contents with it at once, where a cluster
/// would still be terminating them: those objects count as deleted by this command too.
struct DeletedNamespaces {
    var namespaces = Set<String>()
    var existedAtStart = Set<String>()

    static func isNamespace(_ type: ResourceType) -> Bool { type.group.isEmpty && type.kind == "Namespace" }
    static func key(_ t: ResourceInfo) -> String { "\(t.type?.storageKey ?? "")|\(t.namespace)|\(t.name)" }

    mutating func noteExisting(_ targets: [ResourceInfo], session s: APISession) throws {
        for t in targets {
            guard let type = t.type, type.namespaced else { continue }
            if try s.find(type, namespace: t.namespace, name: t.name) != nil { existedAtStart.insert(Self.key(t)) }
        }
    }

    func removedWithNamespace(_ t: ResourceInfo) -> Bool {
        guard let type = t.type, type.namespaced else { return false }
        return namespaces.contains(t.namespace) && existedAtStart.contains(Self.key(t))
    }
}
