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
        group: "Advanced Commands:", options: PatchOptions.self)

    /// `--type` and the patch text from `-p` or `--patch-file`.
    static func patchFlags(type: String, patch: String, patchFile: String) throws -> (PatchKind, String) {
        guard let kind = PatchKind(rawValue: type.lowercased()) else {
            throw CLIError.message("--type must be one of [json merge strategic], not \(goQuoted(type))")
        }
        var patchText = patch
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
        // kubectl v1.32 sends any subresource name: one the kind does not serve is the API server's 404.
        if !SubresourceWrite.serves(subresource, type) { throw SubresourceWrite.noSuchPath }
        let live = try s.get(type, namespace: namespace, name: name)
        if dryRun != .client { try s.checkRequestBody(patch) }
        if subresource == "scale" {
            return try patchScale(live, patch: patch, kind: kind, type: type, session: s, dryRun: dryRun)
        }
        var patched = try applyPatch(patch, to: live, kind: kind, onServer: dryRun != .client)
        if subresource == "status" {
            patched = Declarative.statusOnly(patched, live: live)
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

    /// The patch applied as kubectl applies it for `--local` and `--dry-run=client` (getPatchedJSON:
    /// built-in kinds only for strategic merge, json-patch's missing key reworded), or as the API server
    /// applies it (a JSON patch that does not decode is a BadRequest; one that does not apply, a 422
    /// without details).
    static func applyPatch(_ patch: JSONValue, to obj: JSONValue, kind: PatchKind, onServer: Bool) throws -> JSONValue {
        if onServer && kind == .json && !patch.isNull {
            do { return try JSONPatch.apply(obj, patch: patch) } catch let e as PatchError {
                if e.message.hasPrefix("json: cannot unmarshal") { throw APIError.badRequest(e.message) }
                throw APIError.jsonPatchNotApplied
            }
        }
        if !onServer && kind == .strategic && !Declarative.supportsStrategic(obj) {
            let gvk = GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: obj["kind"].string ?? "")
            throw CLIError.message("strategic merge patch is not supported for \(gvk.group)/\(gvk.version), Kind=\(gvk.kind) locally, try --type merge")
        }
        do { return try Declarative.apply(patch, to: obj, kind: kind) } catch CLIError.message(let m) where !onServer && kind == .json {
            // kubectl rewords json-patch's "doc is missing key: <path>: missing value".
            guard let r = m.firstRange(of: "doc is missing key: ") else { throw CLIError.message(m) }
            throw CLIError.message("Object to be patched is missing field (\(m[r.upperBound...]))")
        }
    }

    /// `--subresource=scale`: the patch applies to an autoscaling/v1 Scale view of the object.
    static func patchScale(_ live: JSONValue, patch: JSONValue, kind: PatchKind, type: ResourceType, session s: APISession,
                           dryRun: DryRun) throws -> (JSONValue, Bool)
    {
        guard let paths = type.scale else { throw SubresourceWrite.noSuchPath }
        var scale = GetSubresource.scale(of: live, type: type)
        let patched = try Declarative.apply(patch, to: scale, kind: kind == .strategic ? .merge : kind)
        // The Scale decodes with replicas 0 when the patch removed them, and is validated before the
        // workload is touched.
        let replicas = patched["spec"]["replicas"].isNull ? JSONValue.int(0) : patched["spec"]["replicas"]
        if let n = replicas.int, n < 0 {
            throw APIError.invalid(kind: "Scale", name: live["metadata"]["name"].string ?? "", causes: [
                .init(field: "spec.replicas", message: "Invalid value: \(n): must be greater than or equal to 0")], group: "autoscaling")
        }
        var obj = live
        obj.set(paths.specReplicasPath, replicas)
        if dryRun == .client { scale["spec"] = patched["spec"]; return (scale, obj != live) }
        let updated = try s.update(obj, type: type, dryRun: dryRun == .server, verb: "patch", subresource: "scale")
        scale["spec"]["replicas"] = updated.at(paths.specReplicasPath)
        scale["metadata"]["resourceVersion"] = updated["metadata"]["resourceVersion"]
        return (scale, updated != live)
    }
}

/// patch's options: the patch (type and text), the objects (-f or TYPE NAME, or -f with --local), how to print.
struct PatchOptions: FlagOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var patchType = "strategic"
    var patchText = ""
    var patchFile = ""
    var subresource = ""
    var record = false
    var kind = PatchKind.strategic
    var dryRun = DryRun.none

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false) + [CommonFlags.dryRun]),
         .builder(\.builder, CommonFlags.filenames("update") + [
            FlagSpec("local", .bool, usage: "Patch the objects of -f only, without reading or writing the store.")]),
         .fieldManager("kubectl-patch"),
         .init(\.patchText, "patch", short: "p", usage: "The patch to apply to the object (JSON or YAML)."),
         .init(\.patchFile, "patch-file", usage: "A file holding the patch (JSON or YAML)."),
         .init(\.record, CommonFlags.record),
         .subresource(\.subresource, FlagSpec("subresource", .string, usage: "Patch this subresource: status or scale.", completions: ["status", "scale"])),
         .init(\.patchType, "type", default: "strategic", usage: "The patch type: json, merge or strategic.",
               completions: ["json", "merge", "strategic"])]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        dryRun = try DryRun.parse(printFlags.dryRun, inv)  // kubectl reads it first
        (kind, patchText) = try PatchCommand.patchFlags(type: patchType, patch: patchText, patchFile: patchFile)
        builder.kustomize = ""  // patch reads -f only
    }

    func validate(_ inv: Invocation) throws {
        if builder.local && !inv.args.isEmpty { throw CLIError.message("cannot specify --local and server resources") }
        if builder.filenames.isEmpty && inv.args.isEmpty {
            throw CLIError.message(ResourceArgs.noResourcesMessage)
        }
    }

    func run(_ inv: inout Invocation) throws {
        let patch = try Declarative.parsePatch(patchText, kind: kind)
        let printer = try printFlags.toPrinter(dryRun: dryRun)
        printer.documentSeparators = false  // kubectl's patch builds a printer per object
        let result = try builder.resolve(&inv)
        if builder.local {
            for info in try result.infos(&inv, fetch: .names).map({ try $0.get() }) {
                let original = info.object ?? .emptyObject
                let patched = try PatchCommand.applyPatch(patch, to: original, kind: kind, onServer: false)
                // kubectl decodes the patched JSON again (unstructured): a patch that removed the kind fails.
                if patched.object == nil {
                    throw CLIError.message("json: cannot unmarshal \(StrategicMerge.jsonTypeName(patched)) into Go value of type unstructured.detector")
                }
                if (patched["kind"].string ?? "").isEmpty {
                    throw CLIError.message("Object 'Kind' is missing in '\(patched.jsonString(.compact))'")
                }
                // The name printer names the patched object by its own apiVersion and kind.
                printer.print(patched, type: nil, operation: patched == original ? "patched (no change)" : "patched",
                              suffixed: false, inv: inv)
            }
            try printer.flush(&inv)
            return
        }
        let errors = try result.visit(&inv, fetch: .named, verb: "patching") { inv, t in  // kubectl reads named objects first
            guard let type = t.type else { return }
            let (object, changed) = try inv.server().write { s in
                try PatchCommand.patchOne(type, namespace: t.namespace, name: t.name, patch: patch, kind: kind, subresource: subresource,
                             dryRun: dryRun, session: s)
            }
            let operation = changed ? "patched" : "patched (no change)"
            // kubectl's patch sets the operation after the dry-run suffix was added: it never shows.
            if subresource == "scale" {
                // The scale subresource answers with an autoscaling/v1 Scale, which kubectl names as such.
                printer.print(name: "scale.autoscaling/\(t.name)", object: object, operation: operation, suffixed: false, inv: inv)
            } else {
                printer.print(object, type: type, operation: operation, suffixed: false, inv: inv)
            }
        }
        try printer.flush(&inv)
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }
}
