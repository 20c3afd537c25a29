#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// One `kubectl edit` round trip: write the objects to a temporary file, open the editor, save each
/// changed object as a patch; an invalid edit reopens the file with the reasons in a comment block.
struct EditSession {
    let targets: [EditCommand.Target]
    /// The objects as shown (without managedFields), in target order.
    let shown: [JSONValue]
    let json: Bool
    let editor: String
    let original: String
    /// What the printer said instead of writing the objects (`yaml: control characters are not allowed`).
    let printError: Error?
    let crlf: Bool
    let saveConfig: Bool
    let outputPatch: Bool
    /// `apply edit-last-applied`: the targets are last applied configurations, saved back as the annotation.
    let lastApplied: Bool
    /// `--subresource`: `status` saves only the status, `scale` the Scale's replicas.
    var subresource = ""
    var reasons: [(head: String, other: [String])] = []
    var previousEdit: String? = nil
    var file = ""

    /// `create --edit`: the edited objects are created instead of patched.
    var create: ((_ docs: [JSONValue], _ inv: inout Invocation) throws -> Void)? = nil

    init(targets: [EditCommand.Target], options: EditOptions, inv: Invocation) {
        // kubectl edit hides managedFields unless --show-managed-fields.
        self.init(targets: targets, json: options.printFlags.output == "json", keepManagedFields: options.printFlags.showManagedFields,
                  crlf: options.windowsLineEndings, saveConfig: options.saveConfig, outputPatch: options.outputPatch, inv: inv)
        subresource = options.subresource
    }

    init(targets: [EditCommand.Target], json: Bool, keepManagedFields: Bool, crlf: Bool, saveConfig: Bool, outputPatch: Bool,
         inv: Invocation, lastApplied: Bool = false)
    {
        self.targets = targets
        self.lastApplied = lastApplied
        self.json = json
        shown = targets.map { keepManagedFields ? $0.object : ObjectPrinter.stripManagedFields($0.object) }
        editor = inv.environment["KUBE_EDITOR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? inv.environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let document = shown.count == 1 ? shown[0] : ObjectPrinter.list(shown)
        do {
            original = json ? ObjectPrinter.json(document) : try OutputWriter.yaml(document)
            printError = nil
        } catch {
            (original, printError) = ("", error)
        }
        self.crlf = crlf
        self.saveConfig = saveConfig
        self.outputPatch = outputPatch
    }

    mutating func run(_ inv: inout Invocation) throws {
        // kubectl prints the objects for the editor first: a refusal ends the edit before any file is made.
        if let printError { throw printError }
        while true {
            guard let edited = try openEditor(inv) else { return }
            previousEdit = edited
            reasons = []
            let docs: [JSONValue]
            do {
                docs = try FileSource.decode(EditCommand.stripComments(edited), source: file).map(\.object)
            } catch {
                var msg = "\(error)"
                if case CLIError.message(let m) = error { msg = m }
                if msg.hasPrefix("error parsing \(file): ") { msg = String(msg.dropFirst("error parsing \(file): ".count)) }
                reasons.append(("The edited file had a syntax error: error converting YAML to JSON: \(msg)", []))
                continue
            }
            if let create {
                do { try create(docs, &inv) } catch {
                    inv.io.err.write("A copy of your changes has been stored to \(goQuoted(file))\n")
                    throw error
                }
                unlink(file)
                return
            }
            if try saveEdits(docs, inv: &inv) { continue }
            unlink(file)
            return
        }
    }

    /// Writes the file (reasons, then the last edit or the objects) and runs the editor; nil when the
    /// edit ends without changes.
    mutating func openEditor(_ inv: Invocation) throws -> String? {
        var buffer = EditCommand.header
        for r in reasons {
            buffer += "# \(EditCommand.hashLines(r.head))\(r.other.isEmpty ? "" : ":")\n"
            for o in r.other { buffer += "# * \(EditCommand.hashLines(o))\n" }
            buffer += "#\n"
        }
        buffer += previousEdit.map(EditCommand.manualStrip) ?? original
        if crlf { buffer = buffer.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") }
        if !file.isEmpty { unlink(file) }
        file = try EditCommand.tempFile(prefix: "kubectl-edit-", suffix: json ? ".json" : ".yaml", contents: buffer)
        let status = runProgram(["/bin/sh", "-c", "\(editor) \(file)"], environment: inv.environment).end.shellStatus
        if status != 0 {
            inv.io.err.write("A copy of your changes has been stored to \(goQuoted(file))\n")
            throw CLIError.message("there was a problem with the editor \(goQuoted(editor))")
        }
        let edited = (try? FileSource.readText(file)) ?? ""
        if let prev = previousEdit, EditCommand.stripComments(prev) == EditCommand.stripComments(edited) {
            inv.io.err.write("A copy of your changes has been stored to \(goQuoted(file))\n")
            throw CLIError.message("Edit cancelled, no valid changes were saved.")
        }
        if EditCommand.stripComments(original) == EditCommand.stripComments(edited) {
            unlink(file)
            inv.io.err.write("Edit cancelled, no changes made.\n")
            return nil
        }
        if EditCommand.stripComments(edited).allSatisfy({ $0 == "\n" || $0 == " " || $0 == "\r" }) {
            unlink(file)
            inv.io.err.write("Edit cancelled, saved file was empty.\n")
            return nil
        }
        return edited
    }

    /// Saves each edited object; true when the file must be reopened with reasons.
    mutating func saveEdits(_ docs: [JSONValue], inv: inout Invocation) throws -> Bool {
        var retry = false
        for (i, target) in targets.enumerated() {
            let byIndex: JSONValue? = docs.count == targets.count ? docs[i] : nil
            let byName: JSONValue? = docs.first(where: {
                ($0["metadata"]["name"].string ?? "") == target.name && ($0["kind"].string ?? "") == (target.object["kind"].string ?? "")
            })
            guard let editedObj = byName ?? byIndex else { continue }
            let before = shown[i]
            if before["apiVersion"] != editedObj["apiVersion"] || before["kind"] != editedObj["kind"]
                || before["metadata"]["name"] != editedObj["metadata"]["name"]
            {
                reasons.append(("At least one of apiVersion, kind and name was changed", []))
                retry = true
                continue
            }
            if try save(target, before: before, edited: editedObj, inv: &inv) { retry = true }
        }
        return retry
    }

    /// Patches one object with the difference the edit made; true when it was invalid (reopen).
    mutating func save(_ target: EditCommand.Target, before: JSONValue, edited: JSONValue, inv: inout Invocation) throws -> Bool {
        if lastApplied { return try saveLastApplied(target, before: before, edited: edited, inv: &inv) }
        var after = edited
        if saveConfig { after = LastApplied.modified(after).object }
        let strategic = Declarative.supportsStrategic(after)
        let patch: JSONValue
        do {
            patch = strategic
                ? try ThreeWayMerge.twoWay(original: before, modified: after, schema: Declarative.schema(for: after))
                : JSONMergePatch.diff(before, after)
        } catch let e as PatchError { throw CLIError.message(e.message) }
        if outputPatch { inv.io.out.write("Patch: \(patch.compactJSON)\n") }
        if patch.object?.isEmpty ?? true {
            inv.io.out.write("\(ObjectPrinter.name(target.object, type: target.type)) skipped\n")
            return false
        }
        do {
            let result = try inv.server().write { s in try saved(target, patch: patch, strategic: strategic, schemaOf: after, session: s) }
            inv.io.out.write("\(ObjectPrinter.name(result, type: subresource == "scale" ? nil : target.type)) edited\n")
            return false
        } catch {
            return try failed(target, error, inv: inv)
        }
    }

    /// Applies the edit's patch to the live object (to its Scale with `--subresource=scale`) and writes it
    /// through the subresource edited.
    func saved(_ target: EditCommand.Target, patch: JSONValue, strategic: Bool, schemaOf after: JSONValue, session s: APISession) throws -> JSONValue {
        let live = try s.get(target.type, namespace: target.namespace, name: target.name)
        let kind: PatchKind = strategic ? .strategic : .merge
        if subresource == "scale" {
            return try PatchCommand.patchScale(live, patch: patch, kind: kind, type: target.type, session: s, dryRun: .none).0
        }
        var patched = strategic
            ? try StrategicMerge.apply(live, patch: patch, schema: Declarative.schema(for: after))
            : try JSONMergePatch.apply(live, patch: patch)
        if subresource == "status" { patched = Declarative.statusOnly(patched, live: live) }
        patched["metadata"]["resourceVersion"] = live["metadata"]["resourceVersion"]
        return try s.update(patched, type: target.type, body: Declarative.requestBody(patch, kind: kind), subresource: subresource)
    }

    /// edit-last-applied: an unchanged configuration is skipped; a changed one replaces the annotation
    /// (a merge patch of metadata.annotations, as kubectl sends).
    mutating func saveLastApplied(_ target: EditCommand.Target, before: JSONValue, edited: JSONValue, inv: inout Invocation) throws -> Bool {
        if before == edited {
            inv.io.out.write("\(ObjectPrinter.name(edited, type: target.type)) skipped\n")
            return false
        }
        let text = edited.compactJSON + "\n"
        let patch: JSONValue = ["metadata": ["annotations": .object(JSONObject([(LastApplied.key, .string(text))]))]]
        do {
            _ = try inv.server().write { s -> JSONValue in
                var live = try s.get(target.type, namespace: target.namespace, name: target.name)
                live["metadata"]["annotations"][LastApplied.key] = .string(text)
                return try s.update(live, type: target.type, body: Declarative.requestBody(patch, kind: .merge))
            }
            inv.io.out.write("\(ObjectPrinter.name(edited, type: target.type)) edited\n")
            return false
        } catch {
            return try failed(target, error, inv: inv)
        }
    }

    /// An invalid object reopens the file; a vanished one or any other failure ends the edit.
    mutating func failed(_ target: EditCommand.Target, _ error: Error, inv: Invocation) throws -> Bool {
        let resourceString = target.type.qualifiedPlural
        var api: APIError?
        if let e = error as? APIError { api = e }
        if case CLIError.api(let e) = error { api = e }
        if let e = api, e.reason == .invalid {
            reasons.append(("\(resourceString) \(goQuoted(target.name)) was not valid", e.causes.map { "\($0.field): \($0.message)" }))
            inv.io.err.write("error: \(resourceString) \(goQuoted(target.name)) is invalid\n")
            return true
        }
        if let e = api, e.reason == .notFound {
            inv.io.err.write("error: \(resourceString) \(goQuoted(target.name)) could not be found on the server\n")
            inv.io.err.write("The edits you made on deleted resources have been saved to \(goQuoted(file))\n")
            throw CLIError.exit(1)
        }
        let msg = api?.message ?? "\(error)"
        inv.io.err.write("error: \(resourceString) \(goQuoted(target.name)) could not be patched: \(msg)\n")
        inv.io.err.write("You can run `kubectl replace -f \(file)` to try this update again.\n")
        throw CLIError.exit(1)
    }
}
