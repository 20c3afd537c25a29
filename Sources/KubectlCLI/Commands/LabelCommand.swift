import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl label` and `kubectl annotate`: one implementation, two vocabularies.
enum LabelCommand {
    struct Mode {
        var field: String  // "labels" / "annotations"
        var noun: String  // "label" / "annotation"
        var pastTense: String  // "labeled" / "annotated"
        var localHint: String
        var fieldManager: String
    }

    static let labelMode = Mode(field: "labels", noun: "label", pastTense: "labeled",
                                localHint: "-f pod.yaml or --filename=pod.json", fieldManager: "kubectl-label")
    static let annotateMode = Mode(field: "annotations", noun: "annotation", pastTense: "annotated",
                                   localHint: "-f rsrc.yaml or --filename=rsrc.json", fieldManager: "kubectl-annotate")

    static func flags(_ m: Mode) -> [FlagSpec] {
        CommonFlags.output(tables: false) + CommonFlags.filenames("update") + [
            FlagSpec("all", .bool, usage: "Update every object of the given types in the namespace."),
            CommonFlags.allNamespaces,
            CommonFlags.dryRun,
            CommonFlags.fieldManager(m.fieldManager),
            CommonFlags.fieldSelector,
            FlagSpec("list", .bool, usage: "Print the current \(m.field) of each object instead of changing them."),
            FlagSpec("local", .bool, usage: "Work on the objects from -f only, without reading or writing the store."),
            FlagSpec("overwrite", .bool, usage: "Allow replacing \(m.field) that already have a value."),
            FlagSpec("resource-version", .string, usage: "Only update when the object still has this resourceVersion."),
            CommonFlags.selector,
        ]
    }

    static let labelSpec = CommandSpec(
        "label", use: "label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
        short: "Update the labels on an object", flags: flags(labelMode), group: "Advanced Commands:",
        run: { try run(&$0, mode: labelMode) })

    static let annotateSpec = CommandSpec(
        "annotate", use: "annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
        short: "Update the annotations on an object", flags: flags(annotateMode), group: "Advanced Commands:",
        run: { try run(&$0, mode: annotateMode) })

    static func run(_ inv: inout Invocation, mode: Mode) throws {
        // cmdutil.GetResourcesAndPairs
        var resources: [String] = []
        var pairs: [String] = []
        for s in inv.args {
            let isPair = (s.contains("=") && !s.hasPrefix("=")) || (s.hasSuffix("-") && s != "-")
            if isPair { pairs.append(s) } else if pairs.isEmpty { resources.append(s) } else {
                throw CLIError.message("all resources must be specified before \(mode.noun) changes: \(s)")
            }
        }
        let list = inv.flags.bool("list")
        let output = inv.flags.string("output")
        if list && !output.isEmpty { throw CLIError.message("--list and --output may not be specified together") }
        let (add, remove) = try parsePairs(pairs, mode: mode)
        let files = inv.flags.strings("filename")
        let local = inv.flags.bool("local")
        let all = inv.flags.bool("all")
        let selectorText = inv.flags.string("selector")
        if local && files.isEmpty {
            throw CLIError.message("can only use local files by \(mode.localHint) when --local=true is set")
        }
        // kubectl's Validate order: --all with selectors, then resources, then updates.
        if all && !selectorText.isEmpty { throw CLIError.message("cannot set --all and --selector at the same time") }
        if files.isEmpty && resources.isEmpty {
            throw CLIError.message("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if pairs.isEmpty && !list { throw CLIError.message("at least one \(mode.noun) update is required") }
        let format = try objectFormat(inv)
        let dryRun = try DryRun.from(inv)
        let overwrite = inv.flags.bool("overwrite")
        let resourceVersion = inv.flags.string("resource-version")

        // Collect the objects to change.
        var targets: [(type: ResourceType?, object: JSONValue, source: String)] = []
        var errors: [Error] = []
        if !files.isEmpty {
            let objects = try FileSource.read(paths: files, recursive: inv.flags.bool("recursive"), stdin: inv.io.readStdin)
            if local {
                for o in objects {
                    let t = Registry.builtin.type(apiVersion: o.object["apiVersion"].string ?? "", kind: o.object["kind"].string ?? "")
                    targets.append((t, o.object, o.source))
                }
            } else {
                let server = try inv.server()
                let namespace = try inv.namespace()
                for o in objects {
                    let type = try mapping(for: o, registry: server.registry)
                    let ns = try requestNamespace(o.object, type: type, defaultNamespace: namespace, explicit: inv.namespaceExplicit)
                    do {
                        let live = try server.read { try $0.get(type, namespace: ns, name: o.object["metadata"]["name"].string ?? "") }
                        targets.append((type, live, o.source))
                    } catch { errors.append(error) }
                }
            }
        } else {
            let server = try inv.server()
            let namespace = try inv.namespace()
            let selection = try ResourceArgs.parse(resources, registry: server.registry)
            for w in selection.warnings { inv.warn(w) }
            let labelSelector = try parseLabelSelector(selectorText)
            let fieldText = inv.flags.string("field-selector")
            let fieldSelector = try parseFieldSelector(fieldText)
            let allNamespaces = inv.flags.bool("all-namespaces")
            for req in selection.requests {
                if req.names.isEmpty {
                    guard all || labelSelector != nil || fieldSelector != nil else {
                        throw CLIError.message("resource(s) were provided, but no name was specified")
                    }
                    var rows = try server.read { try $0.rows(req.type, namespace: allNamespaces ? nil : namespace) }
                    if let sel = labelSelector { rows = rows.filter { sel.matches(labelMap($0.labels)) } }
                    if let fs = fieldSelector {
                        rows = try filterByFields(rows, fs, type: req.type, labelSelector: selectorText, fieldSelectorText: fieldText)
                    }
                    for r in rows { targets.append((req.type, try JSON.parse(r.data), "")) }
                } else {
                    if labelSelector != nil { throw CLIError.message("name cannot be provided when a selector is specified") }
                    if all { throw CLIError.message("cannot set --all and specify names") }
                    for name in req.names {
                        do {
                            let live = try server.read { try $0.get(req.type, namespace: namespace, name: name) }
                            targets.append((req.type, live, ""))
                        } catch { errors.append(error) }
                    }
                }
            }
        }

        var printed: [JSONValue] = []
        for (index, target) in targets.enumerated() {
            let obj = target.object
            if list {
                if targets.count > 1 {
                    let gvk = GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: obj["kind"].string ?? "")
                    inv.io.out.write("Listing \(mode.field) for \(gvk.kind).\(gvk.group)/\(obj["metadata"]["name"].string ?? ""):\n")
                }
                var current = obj["metadata"][mode.field]
                for (k, v) in add { current[k] = .string(v) }
                for (k, v) in current.stringMap {
                    inv.io.out.write("\(targets.count > 1 ? " " : "")\(k)=\(v)\n")
                }
                _ = index
                continue
            }
            do {
                var before = obj
                var changed: JSONValue
                var result: JSONValue
                if !local, dryRun != .client, let type = target.type {
                    // Read, change and write in one transaction, like a server-side patch: a concurrent
                    // writer is serialised, never overwritten.
                    let server = try inv.server()
                    let ns = obj["metadata"]["namespace"].string ?? ""
                    let name = obj["metadata"]["name"].string ?? ""
                    (before, changed, result) = try server.write { s in
                        let live = try s.get(type, namespace: ns, name: name)
                        let new = try apply(live, add: add, remove: remove, overwrite: overwrite,
                                            resourceVersion: resourceVersion, mode: mode)
                        let stored = new == live ? live : try s.update(new, type: type, dryRun: dryRun == .server)
                        return (live, new, stored)
                    }
                } else {
                    changed = try apply(obj, add: add, remove: remove, overwrite: overwrite,
                                        resourceVersion: resourceVersion, mode: mode)
                    result = changed
                }
                if !local && dryRun == .none && mode.field == "labels" {
                    for key in remove where before["metadata"]["labels"][key].isNull {
                        inv.io.out.write("label \(goQuoted(key)) not found.\n")
                    }
                }
                let name = ObjectPrinter.name(result, type: target.type)
                if let format {
                    printed.append(result)
                    if case .name = format { inv.io.out.write(name + "\n") }
                } else {
                    inv.io.out.write("\(name) \(verb(old: before, new: changed, overwrite: overwrite, mode: mode))\(dryRun.suffix)\n")
                }
            } catch {
                errors.append(addSource(error, verb: "patching", source: target.source))
            }
        }
        if let format, !printed.isEmpty { try CreateCommand.printObjects(printed, format: format, inv: &inv) }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }

    /// `labeled` / `not labeled` / `unlabeled` (label) or always `annotated`.
    static func verb(old: JSONValue, new: JSONValue, overwrite: Bool, mode: Mode) -> String {
        guard mode.field == "labels" else { return mode.pastTense }
        let oldJSON = old.compactJSON
        let newJSON = new.compactJSON
        if oldJSON == newJSON { return "not labeled" }
        if !overwrite && newJSON.utf8.count < oldJSON.utf8.count { return "unlabeled" }
        return "labeled"
    }

    static func parsePairs(_ pairs: [String], mode: Mode) throws -> ([(String, String)], [String]) {
        var add: [(String, String)] = []
        var remove: [String] = []
        for p in pairs {
            if let eq = p.firstIndex(of: "=") {
                let key = String(p[..<eq])
                let value = String(p[p.index(after: eq)...])
                if mode.field == "labels" {
                    if value.contains("=") || key.isEmpty { throw CLIError.message("invalid label spec: \(p)") }
                    if let msg = isValidLabelValue(value).first {
                        throw CLIError.message("invalid label value: \(goQuoted(p)): \(msg)")
                    }
                } else if key.isEmpty {
                    throw CLIError.message("invalid annotation format: \(p)")
                }
                add.append((key, value))
            } else if p.hasSuffix("-") {
                remove.append(String(p.dropLast()))
            } else {
                throw CLIError.message("unknown \(mode.noun) spec: \(p)")
            }
        }
        for k in remove where add.contains(where: { $0.0 == k }) {
            throw CLIError.message("can not both modify and remove \(mode.noun == "label" ? "a label" : "an annotation") in the same command")
        }
        return (add, remove)
    }

    static func apply(_ obj: JSONValue, add: [(String, String)], remove: [String], overwrite: Bool,
                      resourceVersion: String, mode: Mode) throws -> JSONValue
    {
        var o = obj
        let current = obj["metadata"][mode.field]
        if !overwrite {
            var conflicts: [String] = []
            for (k, v) in add {
                if let existing = current[k].string, existing != v {
                    conflicts.append("'\(k)' already has a value (\(existing))")
                }
            }
            if !conflicts.isEmpty {
                if mode.field == "labels" {
                    throw CLIError.message("\(conflicts[0]), and --overwrite is false")
                }
                throw CLIError.message("--overwrite is false but found the following declared annotation(s): " + conflicts.joined(separator: "; "))
            }
        }
        var map = current.object ?? JSONObject()
        for (k, v) in add { map[k] = .string(v) }
        for k in remove { map[k] = nil }
        if map.isEmpty && current.isNull {
            // nothing to add to an absent map
        } else {
            o["metadata"][mode.field] = .object(map)
        }
        if !resourceVersion.isEmpty { o["metadata"]["resourceVersion"] = .string(resourceVersion) }
        return o
    }
}
