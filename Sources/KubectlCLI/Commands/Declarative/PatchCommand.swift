import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl patch`: strategic merge, JSON merge or JSON patch on stored objects or, with `--local`,
/// on the objects of `-f`.
enum PatchCommand {
    static let spec = CommandSpec(
        "patch",
        use: "patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]",
        short: "Change fields of an object with a patch",
        flags: CommonFlags.output(tables: false) + CommonFlags.filenames("update") + [
            CommonFlags.dryRun,
            CommonFlags.fieldManager("kubectl-patch"),
            FlagSpec("local", .bool, usage: "Patch the objects of -f only, without reading or writing the store."),
            FlagSpec("patch", short: "p", .string, usage: "The patch to apply to the object (JSON or YAML)."),
            FlagSpec("patch-file", .string, usage: "A file holding the patch (JSON or YAML)."),
            CommonFlags.record,
            FlagSpec("subresource", .string, usage: "Patch this subresource: status or scale.", completions: ["status", "scale"]),
            FlagSpec("type", .string, default: "strategic", usage: "The patch type: json, merge or strategic.",
                     completions: ["json", "merge", "strategic"]),
        ],
        group: "Advanced Commands:",
        run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        let (kind, patchText) = try patchFlags(inv)
        let builder = ResourceBuilder.from(inv)
        if builder.local && !inv.args.isEmpty { throw CLIError.message("cannot specify --local and server resources") }
        let subresource = inv.flags.string("subresource")
        if !subresource.isEmpty && !["status", "scale"].contains(subresource) {
            throw CLIError.message("invalid subresource value: \(goQuoted(subresource)). Must be one of [status scale]")
        }
        if builder.filenames.isEmpty && inv.args.isEmpty {
            throw CLIError.message(ResourceArgs.noResourcesMessage)
        }
        let patch = try Declarative.parsePatch(patchText, kind: kind)
        let format = try objectFormat(inv)
        let dryRun = try DryRun.from(inv)
        let printer = OperationPrinter(format: format, dryRun: dryRun, flags: inv.flags)
        var b = builder
        b.kustomize = ""  // patch reads -f only
        let result = try b.resolve(&inv)
        if builder.local {
            for info in try result.infos(&inv, fetch: .names).map({ try $0.get() }) {
                let original = info.object ?? .emptyObject
                let patched = try Declarative.apply(patch, to: original, kind: kind)
                // kubectl decodes the patched JSON again (unstructured): a patch that removed the kind fails.
                if (patched["kind"].string ?? "").isEmpty {
                    throw CLIError.message("Object 'Kind' is missing in '\(patched.jsonString(.compact))'")
                }
                printer.print(patched, type: info.type, operation: patched == original ? "patched (no change)" : "patched",
                              suffixed: false, inv: inv)
            }
            try printer.flush(&inv)
            return
        }
        let errors = try result.visit(&inv, fetch: .names, verb: "patching") { inv, t in
            guard let type = t.type else { return }
            let (object, changed) = try inv.server().write { s in
                try patchOne(type, namespace: t.namespace, name: t.name, patch: patch, kind: kind, subresource: subresource,
                             dryRun: dryRun, session: s)
            }
            printer.print(object, type: type, operation: changed ? "patched" : "patched (no change)", inv: inv)
        }
        try printer.flush(&inv)
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }

    /// `--type` and the patch text from `-p` or `--patch-file`.
    static func patchFlags(_ inv: Invocation) throws -> (PatchKind, String) {
        let typeText = inv.flags.string("type").lowercased()
        guard let kind = PatchKind(rawValue: typeText) else {
            throw CLIError.message("--type must be one of [json merge strategic], not \(goQuoted(inv.flags.string("type")))")
        }
        var patchText = inv.flags.string("patch")
        let patchFile = inv.flags.string("patch-file")
        if !patchText.isEmpty && !patchFile.isEmpty {
            throw CLIError.message("cannot specify --patch and --patch-file together")
        }
        if !patchFile.isEmpty {
            do { patchText = try FileSource.readText(patchFile) } catch {
                throw CLIError.message("unable to read patch file: open \(patchFile): no such file or directory")
            }
        }
        if patchText.isEmpty {
            throw CLIError.message("must specify --patch or --patch-file containing the contents of the patch")
        }
        return (kind, patchText)
    }

    /// Reads, patches and writes one object in one request; the object returned and whether it changed.
    static func patchOne(_ type: ResourceType, namespace: String, name: String, patch: JSONValue, kind: PatchKind,
                         subresource: String, dryRun: DryRun, session s: APISession) throws -> (JSONValue, Bool)
    {
        let live = try s.get(type, namespace: namespace, name: name)
        if subresource == "scale" {
            return try patchScale(live, patch: patch, kind: kind, type: type, session: s, dryRun: dryRun)
        }
        var patched = try Declarative.apply(patch, to: live, kind: kind)
        if subresource == "status" {
            var onlyStatus = live
            onlyStatus["status"] = patched["status"]
            patched = onlyStatus
        } else if !live["status"].isNull {
            // The main resource ignores status changes (they go through /status).
            patched["status"] = live["status"]
        }
        patched["metadata"]["resourceVersion"] = live["metadata"]["resourceVersion"]
        if dryRun == .client { return (patched, patched != live) }
        let updated = try s.update(patched, type: type, dryRun: dryRun == .server,
                                   body: Declarative.requestBody(patch, kind: kind), verb: "patch", subresource: subresource)
        return (updated, updated != live)
    }

    /// `--subresource=scale`: the patch applies to an autoscaling/v1 Scale view of the object.
    static func patchScale(_ live: JSONValue, patch: JSONValue, kind: PatchKind, type: ResourceType, session s: APISession,
                           dryRun: DryRun) throws -> (JSONValue, Bool)
    {
        guard !live["spec"]["replicas"].isNull || ["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"].contains(type.kind) else {
            throw APIError.notFound("\(type.qualifiedPlural)", live["metadata"]["name"].string ?? "")
        }
        var scale: JSONValue = [
            "apiVersion": "autoscaling/v1", "kind": "Scale",
            "metadata": ["name": live["metadata"]["name"], "namespace": live["metadata"]["namespace"],
                         "uid": live["metadata"]["uid"], "resourceVersion": live["metadata"]["resourceVersion"],
                         "creationTimestamp": live["metadata"]["creationTimestamp"]],
            "spec": ["replicas": live["spec"]["replicas"].isNull ? .int(1) : live["spec"]["replicas"]],
            "status": ["replicas": live["status"]["replicas"].isNull ? .int(0) : live["status"]["replicas"]],
        ]
        let patched = try Declarative.apply(patch, to: scale, kind: kind == .strategic ? .merge : kind)
        var obj = live
        obj["spec"]["replicas"] = patched["spec"]["replicas"]
        if dryRun == .client { scale["spec"] = patched["spec"]; return (scale, obj != live) }
        let updated = try s.update(obj, type: type, dryRun: dryRun == .server, verb: "patch", subresource: "scale")
        scale["spec"]["replicas"] = updated["spec"]["replicas"]
        scale["metadata"]["resourceVersion"] = updated["metadata"]["resourceVersion"]
        return (scale, updated != live)
    }
}
