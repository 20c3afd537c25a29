import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl apply -f`: client-side apply (three-way strategic merge against the last applied
/// configuration) and a simplified server-side apply.
enum ApplyCommand {
    static let spec = CommandSpec(
        "apply",
        use: "apply (-f FILENAME | -k DIRECTORY)",
        short: "Create or update objects so they match files or stdin",
        flags: CommonFlags.output(tables: false) + CommonFlags.filenames("apply") + [
            FlagSpec("all", .bool, usage: "With --prune, prune every object of the allow-listed types, not only those matching -l."),
            FlagSpec("cascade", .string, default: "background", usage: "Deletion cascade for --prune and --force: background, foreground or orphan.",
                     noOptDefault: "background"),
            CommonFlags.dryRun,
            CommonFlags.fieldManager("kubectl-client-side-apply"),
            FlagSpec("force", .bool, usage: "Delete and re-create an object the update cannot change (immutable fields)."),
            FlagSpec("force-conflicts", .bool, usage: "With --server-side, take over fields other managers own."),
            FlagSpec("grace-period", .int, default: "-1", usage: "Grace period for pruned objects. No effect offline: deletions are immediate."),
            FlagSpec("openapi-patch", .bool, default: "true", usage: "Use the schema's patch metadata for the merge. No effect offline: the built-in schema is always used."),
            FlagSpec("overwrite", .bool, default: "true", usage: "Overwrite fields changed by others with the applied values."),
            FlagSpec("prune", .bool, usage: "Delete applied objects (of the allow-listed types) no longer in the files."),
            FlagSpec("prune-allowlist", .stringArray, usage: "group/version/kind types --prune may delete (core/v1/ConfigMap)."),
            CommonFlags.selector,
            FlagSpec("server-side", .bool, usage: "Apply on the server, recording the field manager."),
            FlagSpec("subresource", .string, usage: "With --server-side, the subresource to apply to (status, scale); locally the configuration is merged into the object itself.",
                     completions: ["status", "scale"]),
            FlagSpec("timeout", .duration, default: "0s", usage: "Wait time for deletions. No effect offline: deletions are immediate."),
            CommonFlags.validate,
            FlagSpec("wait", .bool, usage: "Wait for deletions to finish. No effect offline: deletions are immediate."),
        ],
        subcommands: [LastAppliedCommands.viewSpec, LastAppliedCommands.setSpec],
        group: "Advanced Commands:",
        run: { try run(&$0) })

    static let defaultPruneAllowlist: [(String, String, String)] = [
        ("", "v1", "ConfigMap"), ("", "v1", "Endpoints"), ("", "v1", "Namespace"), ("", "v1", "PersistentVolumeClaim"),
        ("", "v1", "PersistentVolume"), ("", "v1", "Pod"), ("", "v1", "ReplicationController"), ("", "v1", "Secret"),
        ("", "v1", "Service"), ("batch", "v1", "Job"), ("batch", "v1", "CronJob"), ("networking.k8s.io", "v1", "Ingress"),
        ("apps", "v1", "DaemonSet"), ("apps", "v1", "Deployment"), ("apps", "v1", "ReplicaSet"), ("apps", "v1", "StatefulSet"),
    ]

    static func run(_ inv: inout Invocation) throws {
        let files = inv.flags.strings("filename")
        if files.isEmpty && inv.flags.string("kustomize").isEmpty {
            throw CLIError.message("must specify one of -f and -k")
        }
        if !inv.args.isEmpty {
            throw CLIError.usage("Unexpected args: [\(inv.args.joined(separator: " "))]")
        }
        let serverSide = inv.flags.bool("server-side")
        let prune = inv.flags.bool("prune")
        let all = inv.flags.bool("all")
        let selectorText = inv.flags.string("selector")
        let force = inv.flags.bool("force")
        if force && serverSide { throw CLIError.message("--force cannot be used with --server-side") }
        if inv.flags.bool("force-conflicts") && !serverSide {
            throw CLIError.message("--force-conflicts only works with --server-side")
        }
        if !inv.flags.string("subresource").isEmpty && !serverSide {
            throw CLIError.message("--subresource can only be specified for --server-side")
        }
        if prune && all && !selectorText.isEmpty { throw CLIError.message("cannot set --all and --selector at the same time") }
        if prune && !all && selectorText.isEmpty {
            throw CLIError.message("all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector")
        }
        if !prune && !inv.flags.strings("prune-allowlist").isEmpty {
            throw CLIError.message("--prune-allowlist must be used with --prune")
        }
        let format = try objectFormat(inv)
        let dryRun = try DryRun.from(inv)
        _ = try ValidationMode.from(inv)
        let server = try inv.server()
        let defaultNamespace = try inv.namespace()
        var objects = try KustomizeSource.objects(&inv)
        let selector = try parseLabelSelector(selectorText)
        if let sel = selector {
            objects = objects.filter { o in sel.matches(labels: o.object["metadata"]["labels"]) }
        }
        if objects.isEmpty { throw CLIError.message("no objects passed to apply") }

        let printer = OperationPrinter(format: format, dryRun: dryRun, flags: inv.flags)
        var errors: [Error] = []
        var visited: [(type: ResourceType, namespace: String, name: String)] = []
        var visitedNamespaces: [String] = []
        for o in objects {
            do {
                let type = try mapping(for: o, registry: server.registry)
                let namespace = try requestNamespace(o.object, type: type, defaultNamespace: defaultNamespace,
                                                     explicit: inv.namespaceExplicit)
                var obj = o.object
                if type.namespaced {
                    obj["metadata"]["namespace"] = .string(namespace)
                    if !visitedNamespaces.contains(namespace) { visitedNamespaces.append(namespace) }
                }
                let name = obj["metadata"]["name"].string ?? ""
                visited.append((type, namespace, name))
                let (result, operation) = serverSide
                    ? try serverSideApply(obj, type: type, namespace: namespace, dryRun: dryRun, inv: &inv, server: server)
                    : try clientSideApply(obj, type: type, namespace: namespace, source: o.source, dryRun: dryRun,
                                          force: force, inv: &inv, server: server)
                printer.print(result, type: type, operation: operation, inv: inv)
            } catch {
                errors.append(error)
            }
        }
        try printer.flush(&inv)
        if prune && errors.isEmpty {
            try pruneObjects(inv: &inv, server: server, visited: visited, namespaces: visitedNamespaces,
                             selector: selector, printer: printer)
        }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }

    static let missingAnnotationWarning = "is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically."

    /// One object of client-side apply; returns the object and the operation word.
    static func clientSideApply(_ obj: JSONValue, type: ResourceType, namespace: String, source: String, dryRun: DryRun,
                                force: Bool, inv: inout Invocation, server: APIServer) throws -> (JSONValue, String)
    {
        let name = obj["metadata"]["name"].string ?? ""
        let (modified, _) = LastApplied.modified(obj)
        guard let live = try server.read({ try $0.find(type, namespace: namespace, name: name) }) else {
            let toCreate = Declarative.dropNulls(modified)
            if dryRun == .client { return (toCreate, "created") }
            do {
                let created = try server.write { try $0.create(toCreate, type: type, namespace: namespace, dryRun: dryRun == .server) }
                return (created, "created")
            } catch {
                throw addSource(error, verb: "creating", source: source)
            }
        }
        if dryRun == .client { return (live, "configured") }
        if live["metadata"]["annotations"][LastApplied.key].isNull {
            inv.warn("resource \(type.qualifiedPlural)/\(name) \(missingAnnotationWarning)")
        }
        let patcher = ApplyPatcher(modified: modified, object: obj, type: type, namespace: namespace, name: name,
                                   source: source, dryRun: dryRun == .server)
        do {
            return try patcher.patch(live: live, server: server)
        } catch let failure as ApplyPatcher.Failure {
            if force, isInvalid(failure.error) || isConflict(failure.error) {
                let recreated = try server.write { s -> JSONValue in
                    try s.delete(type, namespace: namespace, name: name, dryRun: dryRun == .server)
                    return try s.create(Declarative.dropNulls(modified), type: type, namespace: namespace, dryRun: dryRun == .server)
                }
                return (recreated, "configured")
            }
            throw patchError(failure.error, patch: failure.patch, type: type, name: name, namespace: namespace, source: source)
        }
    }

    static func isConflict(_ error: Error) -> Bool {
        if let e = error as? APIError { return e.reason == .conflict }
        if case CLIError.api(let e) = error { return e.reason == .conflict }
        return false
    }

    static func isInvalid(_ error: Error) -> Bool {
        if let e = error as? APIError { return e.reason == .invalid }
        if case CLIError.api(let e) = error { return e.reason == .invalid }
        return false
    }

    /// kubectl's wrapping of a failed apply patch.
    static func patchError(_ error: Error, patch: JSONValue, type: ResourceType, name: String, namespace: String, source: String) -> Error {
        var api: APIError?
        if let e = error as? APIError { api = e }
        if case CLIError.api(let e) = error { api = e }
        guard var e = api else { return error }
        e.message = "error when applying patch:\n\(patch.compactJSON)\n\nto:\n\(Declarative.infoString(type, name: name, namespace: namespace))\nfor: \(goQuoted(source)): error when patching \(goQuoted(source)): \(e.message)"
        // An Invalid status keeps its details: kubectl prints `The <Kind> "<name>" is invalid: ...` for it.
        return CLIError.api(e)
    }

    /// Three-way JSON merge patch for types without patch metadata (custom resources).
    static func threeWayMergePatch(original: JSONValue?, modified: JSONValue, current: JSONValue) -> JSONValue {
        var delta = addedOrChanged(current, modified)
        let deletions = removed(original ?? .emptyObject, modified)
        if case .object(let d) = deletions {
            for (k, v) in d {
                if case .object(let sub) = v, case .object(var existing)? = delta[k].object.map(JSONValue.object) {
                    for (kk, vv) in sub where existing[kk] == nil { existing[kk] = vv }
                    delta[k] = .object(existing)
                } else if delta[k].isNull {
                    delta[k] = v
                }
            }
        }
        return delta
    }

    static func addedOrChanged(_ current: JSONValue, _ modified: JSONValue) -> JSONValue {
        var out = JSONObject()
        for (k, mv) in modified.object ?? JSONObject() {
            let cv = current[k]
            if cv == mv { continue }
            if case .object = cv, case .object = mv {
                let sub = addedOrChanged(cv, mv)
                if !(sub.object?.isEmpty ?? true) { out[k] = sub }
            } else {
                out[k] = mv
            }
        }
        return .object(out)
    }

    static func removed(_ original: JSONValue, _ modified: JSONValue) -> JSONValue {
        var out = JSONObject()
        for (k, ov) in original.object ?? JSONObject() {
            let mv = modified[k]
            if modified.object?[k] == nil { out[k] = .null; continue }
            if case .object = ov, case .object = mv {
                let sub = removed(ov, mv)
                if !(sub.object?.isEmpty ?? true) { out[k] = sub }
            }
        }
        return .object(out)
    }

    /// Server-side apply, simplified: the configuration is merged into the live object (strategic
    /// merge), fields it does not mention are kept; managedFields are not tracked, so there are no
    /// conflicts and fields dropped from the configuration are not removed.
    static func serverSideApply(_ obj: JSONValue, type: ResourceType, namespace: String, dryRun: DryRun,
                                inv: inout Invocation, server: APIServer) throws -> (JSONValue, String)
    {
        if dryRun == .client { throw CLIError.message("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)") }
        let name = obj["metadata"]["name"].string ?? ""
        let result = try server.write { s -> JSONValue in
            guard let live = try s.find(type, namespace: namespace, name: name) else {
                return try s.create(Declarative.dropNulls(obj), type: type, namespace: namespace, dryRun: dryRun == .server)
            }
            var config = obj
            if !live["metadata"]["annotations"][LastApplied.key].isNull {
                config = LastApplied.modified(obj).object
            }
            var merged = try StrategicMerge.apply(live, patch: config, schema: Declarative.schema(for: obj))
            merged = Declarative.dropNulls(merged)
            merged["metadata"]["resourceVersion"] = live["metadata"]["resourceVersion"]
            return try s.update(merged, type: type, dryRun: dryRun == .server, verb: "patch")
        }
        return (result, "serverside-applied")
    }

    static func pruneObjects(inv: inout Invocation, server: APIServer, visited: [(type: ResourceType, namespace: String, name: String)],
                             namespaces: [String], selector: LabelSelector?, printer: OperationPrinter) throws
    {
        var allow: [(String, String, String)] = defaultPruneAllowlist
        let custom = inv.flags.strings("prune-allowlist")
        if !custom.isEmpty {
            allow = try custom.map { s in
                let parts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 3 else {
                    throw CLIError.message("invalid GroupVersionKind format: \(s), please follow <group/version/kind>")
                }
                return (parts[0] == "core" ? "" : parts[0], parts[1], parts[2])
            }
        }
        for (g, v, k) in allow {
            guard let type = server.registry.type(for: GroupVersionKind(group: g, version: v, kind: k)) else { continue }
            let scopes: [String?] = type.namespaced ? namespaces.map { Optional($0) } : [nil]
            for ns in scopes {
                if type.namespaced && ns == nil { continue }
                let candidates = try server.read { try $0.list(type, namespace: ns) }
                for obj in candidates {
                    guard !obj["metadata"]["annotations"][LastApplied.key].isNull else { continue }
                    if let sel = selector, !sel.matches(labels: obj["metadata"]["labels"]) { continue }
                    let name = obj["metadata"]["name"].string ?? ""
                    let objNs = obj["metadata"]["namespace"].string ?? ""
                    if visited.contains(where: { $0.type.storageKey == type.storageKey && $0.name == name && (!type.namespaced || $0.namespace == objNs) }) {
                        continue
                    }
                    if printer.dryRun != .client {
                        try server.write { _ = try $0.delete(type, namespace: objNs, name: name, dryRun: printer.dryRun == .server) }
                    }
                    // Pruned objects print as a line or a name, never as objects.
                    printer.print(name: ObjectPrinter.name(obj, type: type), operation: "pruned", inv: inv)
                }
            }
        }
    }
}
