import KubeAPI
import KubeModel
import KubeRegistry

/// `kubectl set image|env|resources|selector|serviceaccount`.
enum SetCommand {
    /// kubectl's `set selector` (and `wait`) walk directories given with -f by default.
    static func recursiveByDefault(_ f: FlagSpec) -> FlagSpec {
        var f = f
        if f.name == "recursive" { f.defaultValue = "true" }
        return f
    }

    static let spec = CommandSpec(
        "set", use: "set SUBCOMMAND", short: "Change common fields of objects (image, env, resources, ...)",
        subcommands: [
            CommandSpec("image", use: "image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N",
                        short: "Change container images of pods or pod templates", options: SetImageOptions.self),
            CommandSpec("env", use: "env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N",
                        short: "Add, change or remove container environment variables", options: SetEnvOptions.self),
            CommandSpec("resources", use: "resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]",
                        short: "Change container CPU/memory requests and limits", options: SetResourcesOptions.self),
            CommandSpec("selector", use: "selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version]",
                        short: "Replace the label selector of an object", options: SetSelectorOptions.self),
            CommandSpec("subject", use: "subject (-f FILENAME | TYPE NAME) [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]",
                        short: "Add users, groups or service accounts to role bindings", options: SetSubjectOptions.self),
            CommandSpec("serviceaccount", aliases: ["sa"], use: "serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT",
                        short: "Change the service account that pods run as", options: SetServiceAccountOptions.self),
        ],
        group: "Basic Commands (Intermediate):")

    // MARK: engine

    struct ChangeError: Error { var text: String }

    /// Shared flow of the set subcommands (kubectl's CalculatePatches + patch loop): per object,
    /// compute the change; an object whose change fails is reported as `error: <name> <err>`; an
    /// unchanged object prints nothing; others are stored (unless local/client dry run) and printed.
    /// kubectl's change-cause text (`Factory.Command`): `kubectl`, the command words and arguments,
    /// then every flag given, in order, as ` --name=value`.
    static func changeCause(_ inv: Invocation) -> String {
        (["kubectl"] + inv.commandPath + inv.args).joined(separator: " ")
            + inv.flags.given.map { " --\($0.name)=\($0.value)" }.joined()
    }

    /// `readErrorsLast`: documents that could not be decoded are reported after the other objects' errors
    /// and do not stop them (set selector visits the objects; the other verbs read them all first).
    /// `printsUnchanged`: set serviceaccount and set selector print a local (or client dry-run) object even
    /// when nothing changed (kubectl skips empty patches only in the other verbs).
    /// `patchFailure`: the words each verb puts before the API server's refusal of its patch (kubectl's
    /// `fmt.Errorf("failed to patch ... %v", err)`, so the refusal's message without `Error from server`);
    /// nil for set selector, whose visitor returns the refusal itself and stops there.
    static func apply(_ inv: inout Invocation, _ o: SetOptions, resources: [String], verb: String, patchFailure: String?,
                      earlierErrors: () -> [String] = { [] },
                      readErrorsLast: Bool = false, printsUnchanged: Bool = false, validate: ([WorkTarget]) throws -> Void = { _ in },
                      change: (inout JSONValue, WorkTarget) throws -> Void) throws
    {
        let local = o.local
        let format = try o.printFlags.format()
        let dryRun = o.dryRun
        var builder = o.typedBuilder
        builder.keepObjectsBeforeBrokenDocument = readErrorsLast
        let collected = try Workloads.collectInOrder(&inv, builder, resources: resources)
        let targets = collected.compactMap { try? $0.get() }
        let collectErrors = collected.compactMap { r -> Error? in if case .failure(let e) = r { return e }; return nil }
        // The other verbs read every object first (Infos): any error there ends the command, all reported.
        if !collectErrors.isEmpty, !readErrorsLast {
            throw collectErrors.count == 1 ? collectErrors[0] : CLIError.aggregate(collectErrors)
        }
        try validate(targets)
        var errors: [String] = []
        var printedCount = 0
        var changes: [(WorkTarget, JSONValue, JSONValue)] = []
        for r in collected {
            let t: WorkTarget
            switch r {
            case .success(let target): t = target
            case .failure(let e):
                // set selector visits the objects: an object's builder error (a namespace that is not
                // -n's) comes in its place; the documents it could not decode, read last, come last.
                if case CLIError.aggregate(let list) = e { errors += list.map(messageText) } else { errors.append(messageText(e)) }
                continue
            }
            let clientSide = local || dryRun == .client
            let original = clientSide ? TypedRoundTrip.normalize(TypedRoundTrip.typedFields(t.object)) : t.object
            var modified = original
            do {
                try change(&modified, t)
                // The changed object is encoded from its Go struct too (the flags' quantities canonical).
                if clientSide { modified = TypedRoundTrip.typedFields(modified) }
                if o.record {
                    modified["metadata"]["annotations"][RolloutCommand.changeCauseKey] = .string(changeCause(inv))
                }
            } catch let e as ChangeError {
                errors.append(e.text)
                continue
            } catch {
                errors.append("error: \(objectName(t, local: local)) \(messageText(error))\n")
                continue
            }
            changes.append((t, original, modified))
        }
        // Errors found while computing the changes (missing containers) come first, as in kubectl.
        errors = earlierErrors() + errors
        for (t, original, modified) in changes {
            let clientSide = local || dryRun == .client
            if modified == original && !(clientSide && printsUnchanged) { continue }
            var result = modified
            if !clientSide, let type = t.type {
                do { result = try Workloads.store(modified, type: type, inv: &inv, dryRun: dryRun) } catch {
                    guard let patchFailure else {
                        if errors.isEmpty { throw error }
                        errors.append(ErrorRenderer.lineFor(error))
                        continue
                    }
                    errors.append(patchFailure + ErrorRenderer.goText(error))
                    continue
                }
            }
            if let format {
                if case .yaml = format, printedCount > 0 { inv.io.out.write("---\n") }
                printedCount += 1
            }
            // kubectl's printer adds the dry-run suffix with --local too (`--local --dry-run=client`).
            try OperationPrinter(format: format, dryRun: dryRun, showManagedFields: o.printFlags.showManagedFields, typedJSON: clientSide)
                .printNow(result, type: t.type, operation: verb, inv: &inv)
        }
        if readErrorsLast, errors.count == 1, collectErrors.count == 1, case CLIError.raw = collectErrors[0] { throw collectErrors[0] }
        try fail(errors)
    }

    /// cmdutil.CheckErr over an aggregate of error texts.
    static func fail(_ errors: [String]) throws {
        if errors.isEmpty { return }
        if errors.count == 1 {
            let m = errors[0]
            throw CLIError.raw(m.hasPrefix("error: ") || m.hasPrefix("Error from server") ? m : "error: " + m)
        }
        throw CLIError.raw(errors.map { $0 + "\n" }.joined())
    }

    static func messageText(_ error: Error) -> String {
        switch error {
        case CLIError.message(let m), CLIError.raw(let m), CLIError.usage(let m): return m
        default: return ErrorRenderer.lineFor(error)
        }
    }

    /// resource.Info.ObjectName: `deployments/web` for store objects, `deployment.apps/web` (with
    /// kubectl's stray newline after grouped kinds) for local ones.
    static func objectName(_ t: WorkTarget, local: Bool) -> String {
        if !local, let type = t.type { return "\(type.plural)/\(t.name)" }
        // Info.ObjectName of a typed object without kind: an empty kind and group.
        if t.kindlessListItem { return "/\(t.name)" }
        let gvk = GroupVersionKind.parse(apiVersion: t.object["apiVersion"].string ?? "", kind: t.kind)
        if gvk.group.isEmpty { return "\(gvk.kind.lowercased())/\(t.name)" }
        return "\(gvk.kind.lowercased()).\(gvk.group)/\(t.name)\n"
    }

    /// Runs `body` on the pod spec of a workload object, or fails as UpdatePodSpecForObject does.
    static func withPodSpec(_ obj: inout JSONValue, type: ResourceType?, _ body: (inout JSONValue) throws -> Void) throws {
        let kind = obj["kind"].string ?? ""
        guard let path = Workloads.podSpecPath(obj, type: type) else {
            let gvk = GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: kind)
            throw CLIError.message("the object is not a pod or does not have a pod template: *\(gvk.version).\(kind)")
        }
        var spec = obj.at(path)
        try body(&spec)
        obj.set(path, spec)
    }

    /// kubectl's container selector (set's selectString): `*` alone matches every name, a pattern
    /// without `*` the name itself; otherwise each piece between the stars is looked for in the rest of
    /// the name, as kubectl does it: the first piece may sit anywhere (`i*` matches `main`), the last must
    /// end the name, and a later piece is searched from the offset where the previous one was found in
    /// the remainder, not past it. Bytes, as Go's strings.
    static func globMatch(_ pattern: String, _ name: String) -> Bool {
        if pattern == "*" { return true }
        if !pattern.contains("*") { return name == pattern }
        let s = Array(name.utf8)
        let parts = pattern.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
        var pos = 0
        for (i, part) in parts.enumerated() where !part.isEmpty {
            let next = byteIndex(of: part, in: s[pos...])
            if next < pos { return false }
            if i == parts.count - 1 && s.count != part.count + next { return false }
            pos = next
        }
        return true
    }

    /// strings.Index over bytes: the offset of `needle` in `hay` (counted from hay's start), or -1.
    private static func byteIndex(of needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int {
        let h = Array(hay)
        guard needle.count <= h.count else { return -1 }
        for start in 0...(h.count - needle.count) where h[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return -1
    }

    static func split(_ args: [String], noun: String) throws -> (resources: [String], pairs: [String]) {
        var resources: [String] = []
        var pairs: [String] = []
        for s in args {
            // cmdutil.GetResourcesAndPairs: `=` anywhere but first, or a `-` suffix (not `-` alone).
            let isPair = (s.contains("=") && !s.hasPrefix("=")) || (s.hasSuffix("-") && s != "-")
            if isPair { pairs.append(s) } else if pairs.isEmpty { resources.append(s) } else {
                throw CLIError.message("all resources must be specified before \(noun) changes: \(s)")
            }
        }
        return (resources, pairs)
    }

    /// `readsFiles`: the verbs whose kubectl Complete reads the objects (image, resources, subject)
    /// report a missing -f path before their own checks.
    static func requireTargets(_ o: SetOptions, _ resources: [String], readsFiles: Bool = false) throws {
        if o.local && !resources.isEmpty { throw CLIError.message(Workloads.localNeedsFilenameMessage) }
        if readsFiles { try FileSource.checkLocalPathsExist(o.builder.filenames) }
        if resources.isEmpty && o.builder.filenames.isEmpty && o.builder.kustomize.isEmpty {
            throw CLIError.message(ResourceArgs.noResourcesMessage)
        }
    }
}
