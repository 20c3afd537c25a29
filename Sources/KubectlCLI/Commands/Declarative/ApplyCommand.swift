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
        subcommands: [LastAppliedCommands.editSpec, LastAppliedCommands.setSpec, LastAppliedCommands.viewSpec],
        group: "Advanced Commands:",
        options: ApplyOptions.self)

    static let defaultPruneAllowlist: [(String, String, String)] = [
        ("", "v1", "ConfigMap"), ("", "v1", "Endpoints"), ("", "v1", "Namespace"), ("", "v1", "PersistentVolumeClaim"),
        ("", "v1", "PersistentVolume"), ("", "v1", "Pod"), ("", "v1", "ReplicationController"), ("", "v1", "Secret"),
        ("", "v1", "Service"), ("batch", "v1", "Job"), ("batch", "v1", "CronJob"), ("networking.k8s.io", "v1", "Ingress"),
        ("apps", "v1", "DaemonSet"), ("apps", "v1", "Deployment"), ("apps", "v1", "ReplicaSet"), ("apps", "v1", "StatefulSet"),
    ]

    static let missingAnnotationWarning = "is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically."

    /// One object of client-side apply; returns the object and the operation word.
    static func clientSideApply(_ obj: JSONValue, type: ResourceType, namespace: String, source: String, dryRun: DryRun,
                                force: Bool, cascade: PropagationPolicy = .background, overwrite: Bool = true,
                                inv: inout Invocation, server: APIServer) throws -> (JSONValue, String)
    {
        let name = obj["metadata"]["name"].string ?? ""
        if name.isEmpty {
            // kubectl reads the live object first; the client refuses a GET without a name.
            throw CLIError.message("error when retrieving current configuration of:\n\(Declarative.infoString(type, name: name, namespace: namespace))\nfrom server for: \(goQuoted(source)): resource name may not be empty")
        }
        let (modified, _) = LastApplied.modified(obj)
        var found = try server.read({ try $0.find(type, namespace: namespace, name: name) })
        if found == nil {
            let toCreate = Declarative.dropNulls(modified)
            if dryRun == .client { return (toCreate, "created") }
            do {
                // Looked up again under the write lock: another shell that created it meanwhile makes this
                // apply a patch (as kubectl's would be a moment later), not an AlreadyExists failure.
                let (object, created) = try server.write { s -> (JSONValue, Bool) in
                    if let now = try s.find(type, namespace: namespace, name: name) { return (now, false) }
                    return (try s.create(toCreate, type: type, namespace: namespace, dryRun: dryRun == .server), true)
                }
                if created { return (object, "created") }
                found = object
            } catch {
                throw addSource(error, verb: "creating", source: source)
            }
        }
        guard let live = found else { throw CLIError.message("internal: object vanished") }
        if dryRun == .client { return (live, "configured") }
        if live["metadata"]["annotations"][LastApplied.key].isNull {
            inv.warn("resource \(type.qualifiedPlural)/\(name) \(missingAnnotationWarning)")
        }
        var patcher = ApplyPatcher(modified: modified, object: obj, type: type, namespace: namespace, name: name,
                                   source: source, dryRun: dryRun == .server)
        patcher.overwrite = overwrite
        do {
            return try patcher.patch(live: live, server: server)
        } catch let failure as ApplyPatcher.Failure {
            if force, isInvalid(failure.error) || isConflict(failure.error) {
                let recreated = try server.write { s -> JSONValue in
                    // kubectl waits for the object to go before creating it again.
                    let gone = try s.delete(type, namespace: namespace, name: name, propagation: cascade, dryRun: dryRun == .server)
                    if dryRun != .server {
                        _ = try s.finishDeletion(type, namespace: namespace, name: name, uid: gone["metadata"]["uid"].string ?? "",
                                                 withinSeconds: 300)
                    }
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

    /// Server-side apply: the server merges the configuration and records the field manager's
    /// ownership (conflicts unless --force-conflicts). Afterwards kubectl keeps a client-side apply
    /// annotation owned and moves client-side apply's fields to the applier, then applies once more.
    static func serverSideApply(_ obj: JSONValue, type: ResourceType, namespace: String, dryRun: DryRun, forceConflicts force: Bool,
                                inv: inout Invocation, server: APIServer, advice: Bool = true) throws -> (JSONValue, String)
    {
        if dryRun == .client { throw CLIError.message("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)") }
        let name = obj["metadata"]["name"].string ?? ""
        let manager = server.fieldManager.manager
        do {
            var result = try server.write { try $0.apply(obj, type: type, namespace: namespace, force: force, dryRun: dryRun == .server).object }
            if dryRun == .none {
                if manager == "kubectl" {
                    try server.write { try $0.keepLastAppliedOwned(type: type, namespace: namespace, name: name) }
                }
                if try server.write({ try $0.upgradeClientSideApply(type: type, namespace: namespace, name: name, manager: manager) }) {
                    result = try server.write { try $0.apply(obj, type: type, namespace: namespace, force: force).object }
                }
            }
            return (result, "serverside-applied")
        } catch let e as APIError where advice && e.reason == .conflict && e.message.hasPrefix("Apply failed") {
            throw CLIError.message(e.message + "\n" + conflictHelp)
        }
    }

    static let conflictHelp = """
        Please review the fields above--they currently have other managers. Here
        are the ways you can resolve this warning:
        * If you intend to manage all of these fields, please re-run the apply
          command with the `--force-conflicts` flag.
        * If you do not intend to manage all of the fields, please edit your
          manifest to remove references to the fields that should keep their
          current managers.
        * You may co-own fields by updating your manifest to match the existing
          value; in this case, you'll become the manager if the other manager(s)
          stop managing the field (remove it from their configuration).
        See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
        """

    /// `--prune-allowlist` entries (`core/v1/ConfigMap`) as group, version, kind; none: the default list.
    static func pruneAllowlist(_ entries: [String]) throws -> [(String, String, String)] {
        if entries.isEmpty { return defaultPruneAllowlist }
        return try entries.map { s in
            let parts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else {
                throw CLIError.message("invalid GroupVersionKind format: \(s), please follow <group/version/kind>")
            }
            return (parts[0] == "core" ? "" : parts[0], parts[1], parts[2])
        }
    }

    static func pruneObjects(inv: inout Invocation, server: APIServer, allow: [(String, String, String)],
                             visited: [Visited], namespaces: [String], selector: LabelSelector?,
                             cascade: PropagationPolicy, printer: OperationPrinter, gracePeriod: Int64? = nil,
                             wait: Bool = false) throws
    {
        for (type, obj) in try pruneCandidates(server: server, allow: allow, visited: visited, namespaces: namespaces,
                                               selector: selector) {
            let name = obj["metadata"]["name"].string ?? ""
            let objNs = obj["metadata"]["namespace"].string ?? ""
            if printer.dryRun != .client {
                try server.write { s in
                    let gone = try s.delete(type, namespace: objNs, name: name, propagation: cascade, dryRun: printer.dryRun == .server,
                                            gracePeriod: gracePeriod)
                    // --wait: the pruned objects are gone before apply returns (their pods' kubelets stop them).
                    if wait && printer.dryRun == .none {
                        _ = try s.finishDeletion(type, namespace: objNs, name: name, uid: gone["metadata"]["uid"].string ?? "",
                                                 withinSeconds: 7 * 24 * 3600)
                    }
                }
            }
            // Pruned objects print as a line or a name, never as objects.
            printer.print(name: ObjectPrinter.name(obj, type: type), operation: "pruned", inv: inv)
        }
    }

    typealias Visited = (type: ResourceType, namespace: String, name: String)

    /// What `--prune` would delete (apply deletes them, diff shows them going): objects of the allowed
    /// types in the visited namespaces that carry kubectl's last-applied annotation, match the selector
    /// and were not among the applied objects.
    static func pruneCandidates(server: APIServer, allow: [(String, String, String)], visited: [Visited],
                                namespaces: [String], selector: LabelSelector?) throws -> [(type: ResourceType, object: JSONValue)]
    {
        var out: [(type: ResourceType, object: JSONValue)] = []
        for (g, v, k) in allow {
            guard let type = server.registry.type(for: GroupVersionKind(group: g, version: v, kind: k)) else { continue }
            let scopes: [String?] = type.namespaced ? namespaces.map { Optional($0) } : [nil]
            for ns in scopes {
                for obj in try server.read({ try $0.list(type, namespace: ns) }) {
                    guard !obj["metadata"]["annotations"][LastApplied.key].isNull else { continue }
                    if let sel = selector, !sel.matches(labels: obj["metadata"]["labels"]) { continue }
                    let name = obj["metadata"]["name"].string ?? ""
                    let objNs = obj["metadata"]["namespace"].string ?? ""
                    if visited.contains(where: { $0.type.storageKey == type.storageKey && $0.name == name && (!type.namespaced || $0.namespace == objNs) }) {
                        continue
                    }
                    out.append((type, obj))
                }
            }
        }
        return out
    }
}
