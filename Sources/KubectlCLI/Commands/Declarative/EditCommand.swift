#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeCodec
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl edit`: opens the objects in `$KUBE_EDITOR`, `$EDITOR` or `vi`, then saves the changes as
/// a strategic merge patch through the update path. Invalid edits reopen the file with the errors in
/// a comment block at the top.
enum EditCommand {
    static let spec = CommandSpec(
        "edit",
        use: "edit (RESOURCE/NAME | -f FILENAME)",
        short: "Change an object in your editor",
        flags: CommonFlags.output(tables: false) + CommonFlags.filenames("edit") + [
            CommonFlags.fieldManager("kubectl-edit"),
            FlagSpec("output-patch", .bool, usage: "Print the patch of the edited objects."),
            FlagSpec("save-config", .bool, usage: "Record the object in the last-applied-configuration annotation, for later apply."),
            FlagSpec("subresource", .string, usage: "Edit this subresource: status."),
            CommonFlags.validate,
            FlagSpec("windows-line-endings", .bool, usage: "Use CRLF line endings in the file to edit."),
        ],
        group: "Basic Commands (Intermediate):",
        run: { try run(&$0) })

    static let header = """
        # Please edit the object below. Lines beginning with a '#' will be ignored,
        # and an empty file will abort the edit. If an error occurs while saving this file will be
        # reopened with the relevant failures.
        #

        """

    struct Target {
        var type: ResourceType
        var namespace: String
        var name: String
        var object: JSONValue
    }

    static func run(_ inv: inout Invocation) throws {
        let files = inv.flags.strings("filename")
        let format = inv.flags.string("output")
        if !["", "yaml", "json"].contains(format) {
            throw CLIError.message("the flag 'output' must be one of yaml|json")
        }
        if files.isEmpty && inv.args.isEmpty {
            throw CLIError.message("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'")
        }
        let server = try inv.server()
        let namespace = try inv.namespace()
        var targets: [Target] = []
        if !files.isEmpty {
            for o in try FileSource.read(paths: files, recursive: inv.flags.bool("recursive"), stdin: inv.io.readStdin) {
                let type = try mapping(for: o, registry: server.registry)
                let ns = try requestNamespace(o.object, type: type, defaultNamespace: namespace, explicit: inv.namespaceExplicit)
                let name = o.object["metadata"]["name"].string ?? ""
                targets.append(Target(type: type, namespace: ns, name: name,
                                      object: try server.read { try $0.get(type, namespace: ns, name: name) }))
            }
        } else {
            let selection = try ResourceArgs.parse(inv.args, registry: server.registry)
            for w in selection.warnings { inv.warn(w) }
            for req in selection.requests {
                if req.names.isEmpty {
                    for obj in try server.read({ try $0.list(req.type, namespace: namespace) }) {
                        targets.append(Target(type: req.type, namespace: namespace, name: obj["metadata"]["name"].string ?? "", object: obj))
                    }
                } else {
                    for n in req.names {
                        targets.append(Target(type: req.type, namespace: namespace, name: n,
                                              object: try server.read { try $0.get(req.type, namespace: namespace, name: n) }))
                    }
                }
            }
        }
        if targets.isEmpty { throw CLIError.message("edit cancelled, no objects found") }
        let editor = inv.environment["KUBE_EDITOR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? inv.environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let json = format == "json"
        let shown = targets.map { ObjectPrinter.stripManagedFields($0.object) }
        let document = shown.count == 1 ? shown[0] : ObjectPrinter.list(shown)
        func render(_ v: JSONValue) -> String { json ? ObjectPrinter.json(v) : ObjectPrinter.yaml(v) }
        let original = render(document)
        var reasons: [(head: String, other: [String])] = []
        var previousEdit: String? = nil
        var file = ""
        var crlf: (String) -> String = { $0 }
        if inv.flags.bool("windows-line-endings") { crlf = { $0.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") } }
        while true {
            var buffer = header
            for r in reasons {
                buffer += "# \(hashLines(r.head))\(r.other.isEmpty ? "" : ":")\n"
                for o in r.other { buffer += "# * \(hashLines(o))\n" }
                buffer += "#\n"
            }
            buffer += previousEdit.map(manualStrip) ?? original
            if !file.isEmpty { unlink(file) }
            file = try tempFile(prefix: "kubectl-edit-", suffix: json ? ".json" : ".yaml", contents: crlf(buffer))
            let (_, status) = runProcess(["/bin/sh", "-c", "\(editor) \(file)"], environment: inv.environment)
            if status != 0 {
                inv.io.err.write("A copy of your changes has been stored to \(goQuoted(file))\n")
                throw CLIError.message("there was a problem with the editor \(goQuoted(editor))")
            }
            let edited = (try? FileSource.readText(file)) ?? ""
            if let prev = previousEdit, stripComments(prev) == stripComments(edited) {
                inv.io.err.write("A copy of your changes has been stored to \(goQuoted(file))\n")
                throw CLIError.message("Edit cancelled, no valid changes were saved.")
            }
            if stripComments(original) == stripComments(edited) {
                unlink(file)
                inv.io.err.write("Edit cancelled, no changes made.\n")
                return
            }
            if stripComments(edited).allSatisfy({ $0 == "\n" || $0 == " " || $0 == "\r" }) {
                unlink(file)
                inv.io.err.write("Edit cancelled, saved file was empty.\n")
                return
            }
            previousEdit = edited
            reasons = []
            let docs: [JSONValue]
            do {
                docs = try FileSource.decode(stripComments(edited), source: file).map(\.object)
            } catch {
                var msg = "\(error)"
                if case CLIError.message(let m) = error { msg = m }
                if msg.hasPrefix("error parsing \(file): ") { msg = String(msg.dropFirst("error parsing \(file): ".count)) }
                reasons.append(("The edited file had a syntax error: error converting YAML to JSON: \(msg)", []))
                continue
            }
            var retry = false
            var anyError = false
            for (i, target) in targets.enumerated() {
                let byIndex: JSONValue? = docs.count == targets.count ? docs[i] : nil
                let byName: JSONValue? = docs.first(where: {
                    ($0["metadata"]["name"].string ?? "") == target.name && ($0["kind"].string ?? "") == (target.object["kind"].string ?? "")
                })
                guard let editedObj = byName ?? byIndex else { continue }
                let resourceString = target.type.qualifiedPlural
                let before = shown[i]
                if before["apiVersion"] != editedObj["apiVersion"] || before["kind"] != editedObj["kind"]
                    || before["metadata"]["name"] != editedObj["metadata"]["name"]
                {
                    reasons.append(("At least one of apiVersion, kind and name was changed", []))
                    retry = true
                    continue
                }
                var after = editedObj
                if inv.flags.bool("save-config") { after = LastApplied.modified(after).object }
                let strategic = Declarative.supportsStrategic(after)
                let patch: JSONValue
                do {
                    patch = strategic
                        ? try ThreeWayMerge.twoWay(original: before, modified: after, schema: Declarative.schema(for: after))
                        : JSONMergePatch.diff(before, after)
                } catch let e as PatchError { throw CLIError.message(e.message) }
                if inv.flags.bool("output-patch") { inv.io.out.write("Patch: \(patch.compactJSON)\n") }
                if patch.object?.isEmpty ?? true {
                    inv.io.out.write("\(ObjectPrinter.name(target.object, type: target.type)) skipped\n")
                    continue
                }
                do {
                    let result = try server.write { s -> JSONValue in
                        let live = try s.get(target.type, namespace: target.namespace, name: target.name)
                        var patched = strategic
                            ? try StrategicMerge.apply(live, patch: patch, schema: Declarative.schema(for: after))
                            : try JSONMergePatch.apply(live, patch: patch)
                        patched["metadata"]["resourceVersion"] = live["metadata"]["resourceVersion"]
                        return try s.update(patched, type: target.type,
                                            body: Declarative.requestBody(patch, kind: strategic ? .strategic : .merge))
                    }
                    inv.io.out.write("\(ObjectPrinter.name(result, type: target.type)) edited\n")
                } catch {
                    anyError = true
                    var api: APIError?
                    if let e = error as? APIError { api = e }
                    if case CLIError.api(let e) = error { api = e }
                    if let e = api, e.reason == .invalid {
                        reasons.append(("\(resourceString) \(goQuoted(target.name)) was not valid", e.causes.map { "\($0.field): \($0.message)" }))
                        inv.io.err.write("error: \(resourceString) \(goQuoted(target.name)) is invalid\n")
                        retry = true
                    } else if let e = api, e.reason == .notFound {
                        inv.io.err.write("error: \(resourceString) \(goQuoted(target.name)) could not be found on the server\n")
                        inv.io.err.write("The edits you made on deleted resources have been saved to \(goQuoted(file))\n")
                        throw CLIError.exit(1)
                    } else {
                        let msg = api?.message ?? "\(error)"
                        inv.io.err.write("error: \(resourceString) \(goQuoted(target.name)) could not be patched: \(msg)\n")
                        inv.io.err.write("You can run `kubectl replace -f \(file)` to try this update again.\n")
                        throw CLIError.exit(1)
                    }
                }
            }
            if retry { continue }
            _ = anyError
            unlink(file)
            return
        }
    }

    static func hashLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n# ")
    }

    /// Drops comment lines (`#` first on the line), as kubectl compares edits.
    static func stripComments(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") }
            .joined(separator: "\n")
    }

    /// cmdutil.ManualStrip: drops the leading comment block kubectl wrote.
    static func manualStrip(_ s: String) -> String {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.hasPrefix("#") { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    static func tempFile(prefix: String, suffix: String, contents: String) throws -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/" + prefix + "XXXXXX" + suffix).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
        guard fd >= 0 else { throw CLIError.message("unable to create a temporary file for editing") }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let bytes = Array(contents.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return path
    }
}
