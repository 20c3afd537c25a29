import KubeAPI
import KubeModel
import KubeRegistry

struct SetEnvOptions: SetVerbOptions {
    var o = SetOptions()
    static var flags: [OptionFlag<Self>] {
        common(containers: true) + [
            .init(\Self.o.env, "env", short: "e", .stringArray, usage: "An environment variable to set, as KEY=value."),
            .init(\Self.o.from, "from", usage: "The configmap or secret to read variables from (configmap/NAME, secret/NAME)."),
            .init(\Self.o.keys, "keys", usage: "With --from, only these keys."),
            .init(\Self.o.list, "list", usage: "Print the environment of each container instead of changing it."),
            .init(\Self.o.overwrite, "overwrite", default: "true", usage: "Allow replacing variables that already have a value."),
            .init(\Self.o.prefix, "prefix", usage: "Prefix for the names of variables taken from --from."),
            .init(\Self.o.resolve, "resolve", usage: "With --list, show values of secret and configmap references."),
        ]
    }
    func run(_ inv: inout Invocation) throws { try SetCommand.env(&inv, o) }
}

extension SetCommand {
    static func env(_ inv: inout Invocation, _ o: SetOptions) throws {
        // kubectl's Complete checks --all with --selector before it reads the arguments.
        try o.builder.rejectAllWithSelector()
        guard case (var resources, let envArgs)? = splitEnvironment(inv.args) else {
            throw CLIError.message("all resources must be specified before environment changes: \(inv.args.joined(separator: " "))")
        }
        let list = o.list
        let from = o.from
        // kubectl's Validate, in its order.
        if resources.isEmpty && o.builder.filenames.isEmpty {
            throw CLIError.message("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if list && !o.printFlags.output.isEmpty { throw CLIError.message("--list and --output may not be specified together") }
        if !o.keys.isEmpty && from.isEmpty {
            throw CLIError.message("when specifying --keys, a configmap or secret must be provided with --from")
        }
        var (add, remove) = try parseEnv(o.env + envArgs, stdin: inv.io.readStdin)
        if !from.isEmpty { add += try envFrom(&inv, o, from: from) }
        // --prefix names every variable set, from arguments and --from alike.
        if !o.prefix.isEmpty {
            add = add.map { var e = $0; e["name"] = .string(o.prefix + (e["name"].string ?? "")); return e }
        }
        // With --local kubectl reads only the files: resource arguments are ignored.
        if o.local {
            if o.builder.filenames.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
            resources = []
        }
        let pattern = o.containers
        let overwrite = o.overwrite
        if list {
            try listEnv(&inv, o, resources: resources, pattern: pattern, add: add, remove: remove)
            return
        }
        let errStream = inv.io.err
        try apply(&inv, o, resources: resources, verb: "env updated", patchFailure: "failed to patch env update to pod template: ") { obj, t in
            var warned = false
            try withPodSpec(&obj, type: t.type) { spec in
                let matched = try changeContainers(&spec, matching: pattern) { container in
                    let existing = container["env"].array ?? []
                    if !overwrite { try checkNoOverwrite(existing, add) }
                    let updated = updateEnv(existing, add, remove)
                    if updated.isEmpty { container.remove(["env"]) } else { container["env"] = .array(updated) }
                    container = TypedOrder.container(container)
                }
                if !matched { warned = true }
            }
            if warned {
                errStream.write("Warning: \(Workloads.kindSlashName(obj)) does not have any containers matching \(goQuoted(pattern))\n")
            }
        }
    }

    /// validateNoOverwrites: Go compares the Value strings, so a variable from valueFrom has "" (and
    /// `B=` over it is no overwrite).
    static func checkNoOverwrite(_ existing: [JSONValue], _ add: [JSONValue]) throws {
        for e in add {
            if let cur = existing.first(where: { $0["name"] == e["name"] }),
               (cur["value"].string ?? "") != (e["value"].string ?? "") {
                throw CLIError.message("'\(cur["name"].string ?? "")' already has a value (\(cur["value"].string ?? "")), and --overwrite is false")
            }
        }
    }

    /// Changes each container (init containers first) whose name matches the glob `pattern`; false when
    /// none matches.
    static func changeContainers(_ spec: inout JSONValue, matching pattern: String,
                                 _ change: (inout JSONValue) throws -> Void) rethrows -> Bool {
        var matched = false
        for key in ["initContainers", "containers"] {
            guard var containers = spec[key].array else { continue }
            for i in containers.indices where globMatch(pattern, containers[i]["name"].string ?? "") {
                matched = true
                try change(&containers[i])
            }
            spec[key] = .array(containers)
        }
        return matched
    }

    /// set env's updateEnv: replace in place, drop removed, append new.
    static func updateEnv(_ existing: [JSONValue], _ env: [JSONValue], _ remove: [String]) -> [JSONValue] {
        var out: [JSONValue] = []
        var covered = Set(remove)
        for e in existing {
            let name = e["name"].string ?? ""
            if covered.contains(name) { continue }
            if let newer = env.first(where: { $0["name"].string == name }) {
                covered.insert(name)
                out.append(newer)
                continue
            }
            out.append(e)
        }
        for e in env {
            let name = e["name"].string ?? ""
            if covered.contains(name) { continue }
            covered.insert(name)
            out.append(e)
        }
        return out
    }

    /// `--from=configmap/x|secret/x`: one variable per key, referencing the key.
    static func envFrom(_ inv: inout Invocation, _ o: SetOptions, from: String) throws -> [JSONValue] {
        if o.local { return try envFromFiles(&inv, o) }
        let server = try inv.server()
        let namespace = try inv.namespace()
        let selection = try ResourceArgs.parse([from], registry: server.registry)
        let keys = o.keys
        var out: [JSONValue] = []
        for req in selection.requests {
            for name in req.names {
                let obj = try server.read { try $0.get(req.type, namespace: namespace, name: name) }
                let isSecret = req.type.kind == "Secret" && req.type.group.isEmpty
                guard isSecret || (req.type.kind == "ConfigMap" && req.type.group.isEmpty) else {
                    throw CLIError.message("unsupported resource specified in --from")
                }
                out += envReferences(obj, isSecret: isSecret, name: name, keys: keys, inv: inv)
            }
        }
        return out
    }

    /// One variable per data key (of `keys` when given), referencing the key. A key whose variable name
    /// differs from it is reported (`Warning: key a.b transferred to A_B`; kubectl's order is Go's map
    /// order, these come in key order).
    static func envReferences(_ obj: JSONValue, isSecret: Bool, name: String, keys: [String], inv: Invocation) -> [JSONValue] {
        let refKey = isSecret ? "secretKeyRef" : "configMapKeyRef"
        return (obj["data"].object?.sortedKeys ?? []).filter { keys.isEmpty || keys.contains($0) }.map { key in
            if envNameFromKey(key) != key { inv.warn("key \(key) transferred to \(envNameFromKey(key))") }
            return ["name": .string(envNameFromKey(key)),
             "valueFrom": .object(JSONObject([(refKey, ["name": .string(name), "key": .string(key)])]))]
        }
    }

    /// `--from` with `--local`: kubectl's builder reads the -f objects as the source (typed, every one
    /// read before any is looked at, so a document that does not decode is reported first); each must be
    /// a Secret or a ConfigMap.
    static func envFromFiles(_ inv: inout Invocation, _ o: SetOptions) throws -> [JSONValue] {
        let (targets, errors) = try Workloads.collect(&inv, o.typedBuilder, resources: [])
        if !errors.isEmpty { throw errors.count == 1 ? errors[0] : CLIError.aggregate(errors) }
        var out: [JSONValue] = []
        for t in targets {
            let obj = t.object
            let core = (obj["apiVersion"].string ?? "") == "v1"
            let kind = obj["kind"].string ?? ""
            guard core, kind == "Secret" || kind == "ConfigMap" else {
                throw CLIError.message("unsupported resource specified in --from")
            }
            out += envReferences(obj, isSecret: kind == "Secret", name: obj["metadata"]["name"].string ?? "", keys: o.keys, inv: inv)
        }
        return out
    }

    /// cmdutil's SplitEnvironmentFromResources: resource words first, then `KEY=VALUE` (a `=` after at
    /// least one character) and `KEY-` arguments; nil when a resource word follows them.
    static func splitEnvironment(_ args: [String]) -> (resources: [String], env: [String])? {
        var resources: [String] = []
        var env: [String] = []
        for s in args {
            let isEnv = s.dropFirst().contains("=") || s.hasSuffix("-")
            if isEnv { env.append(s) } else if env.isEmpty { resources.append(s) } else { return nil }
        }
        return (resources, env)
    }

    /// envutil.ParseEnv: `KEY=VALUE` (the name validated), `KEY-`, and `-` for `KEY=VALUE` lines read
    /// from stdin (`#` starts a comment). A variable given twice keeps its first value.
    static func parseEnv(_ specs: [String], stdin: () -> [UInt8]) throws -> ([JSONValue], [String]) {
        var add: [JSONValue] = []
        var names = Set<String>()
        var remove: [String] = []
        for p in specs {
            if p == "-" {
                for raw in String(decoding: stdin(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                    let line = raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw
                    guard let eq = line.firstIndex(of: "=") else { continue }
                    add.append(["name": .string(String(line[..<eq])), "value": .string(String(line[line.index(after: eq)...]))])
                }
            } else if let eq = p.firstIndex(of: "=") {
                let key = String(p[..<eq]), value = String(p[p.index(after: eq)...])
                if let msg = isEnvVarName(key).first {
                    throw CLIError.message("\(goQuoted(key)) is not a valid key name: \(msg)")
                }
                names.insert(key)
                add.append(["name": .string(key), "value": .string(value)])
            } else if p.hasSuffix("-") {
                remove.append(String(p.dropLast()))
            } else {
                throw CLIError.message("unknown environment variable: \(p)")
            }
        }
        if remove.contains(where: names.contains) {
            throw CLIError.message("can not both modify and remove the same environment variable in the same command")
        }
        return (add, remove)
    }

    /// keyToEnvName: characters outside [A-Za-z0-9_] become `_`, then upper case.
    static func envNameFromKey(_ key: String) -> String {
        String(key.map { c -> Character in
            (c.isASCII && (c.isLetter || c.isNumber)) || c == "_" ? c : "_"
        }).uppercased()
    }

    /// `--list`: each matching container's variables as the command would leave them (kubectl lists after
    /// its update: variables of the arguments and of --from are shown, removed ones are not, nothing is
    /// written). Without --overwrite, a container whose variable would change ends the object's listing
    /// before its header, and kubectl reports nothing.
    static func listEnv(_ inv: inout Invocation, _ o: SetOptions, resources: [String], pattern: String,
                        add: [JSONValue], remove: [String]) throws {
        let (targets, errs) = try Workloads.collect(&inv, o.typedBuilder, resources: resources)
        if let e = errs.first { throw e }
        var resolveErrors: [Error] = []
        for t in targets {
            // kubectl lists nothing for objects without a pod template, and does not complain.
            guard let path = Workloads.podSpecPath(t.object, type: t.type) else { continue }
            let spec = t.object.at(path)
            let names = (spec["containers"].array ?? []) + (spec["initContainers"].array ?? [])
            if !names.contains(where: { globMatch(pattern, $0["name"].string ?? "") }) {
                inv.io.err.write("Warning: \(t.kind)/\(t.name) does not have any containers matching \(goQuoted(pattern))\n")
                continue
            }
            listing: for key in ["containers", "initContainers"] {
                for c in spec[key].array ?? [] where globMatch(pattern, c["name"].string ?? "") {
                    let existing = c["env"].array ?? []
                    if !o.overwrite, (try? checkNoOverwrite(existing, add)) == nil { break listing }
                    inv.io.out.write("# \(t.kind) \(t.name), container \(c["name"].string ?? "")\n")
                    for e in updateEnv(existing, add, remove) {
                        let name = e["name"].string ?? ""
                        let vf = e["valueFrom"]
                        if vf.isNull {
                            inv.io.out.write("\(name)=\(e["value"].string ?? "")\n")
                        } else if o.resolve, let path = vf["fieldRef"]["fieldPath"].string, let value = fieldPathValue(t.object, path) {
                            // A field reference is read from the object itself, offline too.
                            inv.io.out.write("\(name)=\(value)\n")
                        } else if o.resolve, !o.local, let value = try resolvedValue(vf, namespace: t.namespace, inv: &inv, errors: &resolveErrors) {
                            inv.io.out.write("\(name)=\(value)\n")
                        } else if !vf["configMapKeyRef"].isNull {
                            inv.io.out.write("# \(name) from configmap \(vf["configMapKeyRef"]["name"].string ?? ""), key \(vf["configMapKeyRef"]["key"].string ?? "")\n")
                        } else if !vf["secretKeyRef"].isNull {
                            inv.io.out.write("# \(name) from secret \(vf["secretKeyRef"]["name"].string ?? ""), key \(vf["secretKeyRef"]["key"].string ?? "")\n")
                        } else if !vf["fieldRef"].isNull {
                            inv.io.out.write("# \(name) from field path \(vf["fieldRef"]["fieldPath"].string ?? "")\n")
                        } else if !vf["resourceFieldRef"].isNull {
                            inv.io.out.write("# \(name) from resource field \(vf["resourceFieldRef"]["resource"].string ?? "")\n")
                        }
                    }
                }
            }
        }
        if !resolveErrors.isEmpty { throw CLIError.aggregate(resolveErrors) }
    }

    /// fieldpath.ExtractFieldPathAsString for the paths that need no formatting: the object's name,
    /// namespace, uid, one label or annotation (nil: listed as the reference).
    static func fieldPathValue(_ obj: JSONValue, _ path: String) -> String? {
        let meta = obj["metadata"]
        switch path {
        case "metadata.name", "metadata.namespace", "metadata.uid":
            return meta[String(path.dropFirst("metadata.".count))].string ?? ""
        case "metadata.labels", "metadata.annotations":
            // FormatMap: `key="value"` lines (Go-quoted values) in key order.
            let map = meta[String(path.dropFirst("metadata.".count))].stringMap
            return map.sorted { goStringLess($0.0, $1.0) }.map { "\($0.0)=\(strconvQuote($0.1))" }.joined(separator: "\n")
        default:
            for field in ["labels", "annotations"] {
                let prefix = "metadata.\(field)['"
                guard path.hasPrefix(prefix), path.hasSuffix("']") else { continue }
                let key = String(path.dropFirst(prefix.count).dropLast(2))
                guard isQualifiedName(key.lowercased()).isEmpty else { return nil }
                return meta[field][key].string ?? ""
            }
            return nil
        }
    }

    /// `--list --resolve`: the value a ConfigMap or Secret key reference stands for, read from the store
    /// (nil: another kind of reference, listed as such; a failed read is listed as the reference and
    /// its error kept).
    static func resolvedValue(_ vf: JSONValue, namespace: String, inv: inout Invocation, errors: inout [Error]) throws -> String? {
        let isSecret = vf["configMapKeyRef"].isNull
        let ref = isSecret ? vf["secretKeyRef"] : vf["configMapKeyRef"]
        guard !ref.isNull else { return nil }
        let server = try inv.server()
        guard let type = server.registry.type(group: "", kind: isSecret ? "Secret" : "ConfigMap") else { return nil }
        let refName = ref["name"].string ?? "", key = ref["key"].string ?? ""
        do {
            let obj = try server.read { try $0.get(type, namespace: namespace, name: refName) }
            if isSecret, let data = obj["data"][key].string, case .success(let bytes) = GoBase64.decode(data) {
                return String(decoding: bytes, as: UTF8.self)
            }
            if !isSecret, let value = obj["data"][key].string { return value }
            errors.append(CLIError.message("key \(key) not found in \(isSecret ? "secret" : "config map") \(refName)"))
        } catch {
            errors.append(error)
        }
        return nil
    }
}
