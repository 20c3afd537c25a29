import KubeAPI
import KubeModel
import KubePrinters
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

    static func apply(_ inv: inout Invocation, _ o: SetOptions, resources: [String], verb: String, earlierErrors: () -> [String] = { [] },
                      validate: ([WorkTarget]) throws -> Void = { _ in },
                      change: (inout JSONValue, WorkTarget) throws -> Void) throws
    {
        let local = o.local
        let all = o.all
        // `set selector` and `set serviceaccount` have no -l (as kubectl's).
        let selector = o.selector
        let format = try o.printFlags.format()
        let dryRun = try DryRun.parse(o.printFlags.dryRun, inv)
        let (targets, collectErrors) = try Workloads.collect(&inv, resources: resources, local: local, all: all, selector: selector)
        if let first = collectErrors.first { throw first }
        try validate(targets)
        var errors: [String] = []
        var printedCount = 0
        var changes: [(WorkTarget, JSONValue, JSONValue)] = []
        for t in targets {
            let clientSide = local || dryRun == .client
            let original = clientSide ? TypedRoundTrip.normalize(t.object) : t.object
            var modified = original
            do {
                try change(&modified, t)
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
            if modified == original { continue }
            var result = modified
            if !clientSide, let type = t.type {
                do { result = try Workloads.store(modified, type: type, inv: &inv, dryRun: dryRun) } catch {
                    errors.append(ErrorRenderer.lineFor(error))
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

    /// filepath.Match for container names (`*`, `?`, `[...]` are enough for container globs).
    static func globMatch(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern), s = Array(name)
        func m(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == s.count }
            if p[i] == "*" {
                var k = j
                while true {
                    if m(i + 1, k) { return true }
                    if k == s.count { return false }
                    k += 1
                }
            }
            guard j < s.count else { return false }
            if p[i] == "?" || p[i] == s[j] { return m(i + 1, j + 1) }
            return false
        }
        return m(0, 0)
    }

    static func split(_ args: [String], noun: String) throws -> (resources: [String], pairs: [String]) {
        var resources: [String] = []
        var pairs: [String] = []
        for s in args {
            let isPair = s.contains("=") || (s.hasSuffix("-") && s != "-" && noun == "environment")
            if isPair { pairs.append(s) } else if pairs.isEmpty { resources.append(s) } else {
                throw CLIError.message("all resources must be specified before \(noun) changes: \(s)")
            }
        }
        return (resources, pairs)
    }

    static func requireTargets(_ o: SetOptions, _ resources: [String]) throws {
        if o.local && !resources.isEmpty { throw CLIError.message(Workloads.localNeedsFilenameMessage) }
        if resources.isEmpty && o.builder.filenames.isEmpty && o.builder.kustomize.isEmpty {
            throw CLIError.message(ResourceArgs.noResourcesMessage)
        }
    }

    // MARK: image

    static func image(_ inv: inout Invocation, _ o: SetOptions) throws {
        let (resources, pairs) = try split(inv.args, noun: "image")
        try requireTargets(o, resources)
        if pairs.isEmpty { throw CLIError.message("at least one image update is required") }
        if o.all && !o.selector.isEmpty {
            throw CLIError.message("cannot set --all and --selector at the same time")
        }
        var images: [(String, String)] = []
        for p in pairs {
            let eq = p.firstIndex(of: "=")!
            let name = String(p[..<eq]), value = String(p[p.index(after: eq)...])
            images.removeAll { $0.0 == name }
            images.append((name, value))
        }
        var missingErrors: [String] = []
        try apply(&inv, o, resources: resources, verb: "image updated", earlierErrors: { missingErrors }) { obj, t in
            var missing: [String] = []
            try withPodSpec(&obj, type: t.type) { spec in
                for (name, image) in images {
                    var found = false
                    for key in ["initContainers", "containers", "ephemeralContainers"] {
                        guard var list = spec[key].array else { continue }
                        for i in list.indices where name == "*" || list[i]["name"].string == name {
                            list[i]["image"] = .string(image)
                            found = true
                        }
                        spec[key] = .array(list)
                    }
                    if !found { missing.append(name) }
                }
            }
            // kubectl reports a missing container but still applies the other changes.
            for name in missing { missingErrors.append("error: unable to find container named \(goQuoted(name))") }
        }
    }

    // MARK: env

    static func env(_ inv: inout Invocation, _ o: SetOptions) throws {
        var (resources, pairs) = try split(inv.args, noun: "environment")
        pairs = o.env + pairs
        let list = o.list
        let from = o.from
        if resources.isEmpty && o.builder.filenames.isEmpty {
            throw CLIError.message("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if list && !o.printFlags.output.isEmpty { throw CLIError.message("--list and --output may not be specified together") }
        var add: [JSONValue] = []
        var remove: [String] = []
        for p in pairs {
            if p == "-" { throw CLIError.message("reading environment variables from stdin is not supported by kubectl-local; pass KEY=value arguments") }
            if let eq = p.firstIndex(of: "=") {
                let key = String(p[..<eq]), value = String(p[p.index(after: eq)...])
                if let msg = Gen.isEnvVarName(key).first {
                    throw CLIError.message("\(goQuoted(key)) is not a valid key name: \(msg)")
                }
                add.removeAll { $0["name"].string == key }
                add.append(["name": .string(key), "value": .string(value)])
            } else if p.hasSuffix("-") {
                remove.append(String(p.dropLast()))
            } else {
                throw CLIError.message("environment variables must be of the form key=value and can only contain letters, numbers, and underscores")
            }
        }
        for k in remove where add.contains(where: { $0["name"].string == k }) {
            throw CLIError.message("can not both modify and remove the same environment variable in the same command")
        }
        if !from.isEmpty { add += try envFrom(&inv, o, from: from) }
        let pattern = o.containers
        let overwrite = o.overwrite
        if list {
            try listEnv(&inv, o, resources: resources, pattern: pattern)
            return
        }
        let errStream = inv.io.err
        try apply(&inv, o, resources: resources, verb: "env updated") { obj, t in
            var warned = false
            try withPodSpec(&obj, type: t.type) { spec in
                var matched = false
                for key in ["initContainers", "containers"] {
                    guard var containers = spec[key].array else { continue }
                    for i in containers.indices where globMatch(pattern, containers[i]["name"].string ?? "") {
                        matched = true
                        let existing = containers[i]["env"].array ?? []
                        if !overwrite {
                            for e in add {
                                if let cur = existing.first(where: { $0["name"] == e["name"] }), cur["value"] != e["value"] {
                                    throw CLIError.message("'\(cur["name"].string ?? "")' already has a value (\(cur["value"].string ?? "")), and --overwrite is false")
                                }
                            }
                        }
                        let updated = updateEnv(existing, add, remove)
                        if updated.isEmpty { containers[i].remove(["env"]) } else { containers[i]["env"] = .array(updated) }
                        containers[i] = TypedOrder.container(containers[i])
                    }
                    spec[key] = .array(containers)
                }
                if !matched { warned = true }
            }
            if warned {
                errStream.write("Warning: \(Workloads.kindSlashName(obj)) does not have any containers matching \(goQuoted(pattern))\n")
            }
        }
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
        let server = try inv.server()
        let namespace = try inv.namespace()
        let selection = try ResourceArgs.parse([from], registry: server.registry)
        let keys = o.keys
        let prefix = o.prefix
        var out: [JSONValue] = []
        for req in selection.requests {
            for name in req.names {
                let obj = try server.read { try $0.get(req.type, namespace: namespace, name: name) }
                let isSecret = req.type.kind == "Secret" && req.type.group.isEmpty
                guard isSecret || (req.type.kind == "ConfigMap" && req.type.group.isEmpty) else {
                    throw CLIError.message("unsupported resource specified in --from")
                }
                let dataKeys = (obj["data"].object?.sortedKeys ?? [])
                for key in dataKeys where keys.isEmpty || keys.contains(key) {
                    let envName = prefix + envNameFromKey(key)
                    let refKey = isSecret ? "secretKeyRef" : "configMapKeyRef"
                    out.append(["name": .string(envName),
                                "valueFrom": .object(JSONObject([(refKey, ["name": .string(name), "key": .string(key)])]))])
                }
            }
        }
        return out
    }

    /// keyToEnvName: characters outside [A-Za-z0-9_] become `_`, then upper case.
    static func envNameFromKey(_ key: String) -> String {
        String(key.map { c -> Character in
            (c.isASCII && (c.isLetter || c.isNumber)) || c == "_" ? c : "_"
        }).uppercased()
    }

    static func listEnv(_ inv: inout Invocation, _ o: SetOptions, resources: [String], pattern: String) throws {
        let local = o.local
        let (targets, errs) = try Workloads.collect(&inv, resources: resources, local: local, all: o.all,
                                                    selector: o.selector)
        if let e = errs.first { throw e }
        var resolveErrors: [Error] = []
        for t in targets {
            // kubectl lists nothing for objects without a pod template, and does not complain.
            guard let path = Workloads.podSpecPath(t.object, type: t.type) else { continue }
            let spec = t.object.at(path)
            for key in ["containers", "initContainers"] {
                for c in spec[key].array ?? [] where globMatch(pattern, c["name"].string ?? "") {
                    inv.io.out.write("# \(t.kind) \(t.name), container \(c["name"].string ?? "")\n")
                    for e in c["env"].array ?? [] {
                        let name = e["name"].string ?? ""
                        let vf = e["valueFrom"]
                        if vf.isNull {
                            inv.io.out.write("\(name)=\(e["value"].string ?? "")\n")
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

    // MARK: resources

    static func parseResourceList(_ text: String) throws -> [(String, String)] {
        var out: [(String, String)] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2 else { throw CLIError.message("Invalid argument syntax \(item), expected <resource>=<value>") }
            let q: String
            do { q = try Quantity.canonical(String(kv[1])) } catch { throw CLIError.message(messageText(error)) }
            out.removeAll { $0.0 == String(kv[0]) }
            out.append((String(kv[0]), q))
        }
        return out
    }

    static func resources(_ inv: inout Invocation, _ o: SetOptions) throws {
        let resources = inv.args
        try requireTargets(o, resources)
        if o.all && !o.selector.isEmpty {
            throw CLIError.message("cannot set --all and --selector at the same time")
        }
        let limits = try parseResourceList(o.limits)
        let requests = try parseResourceList(o.requests)
        if limits.isEmpty && requests.isEmpty {
            throw CLIError.message("you must specify an update to requests or limits (in the form of --requests/--limits)")
        }
        let pattern = o.containers
        try apply(&inv, o, resources: resources, verb: "resource requirements updated") { obj, t in
            try withPodSpec(&obj, type: t.type) { spec in
                var matched = false
                for key in ["initContainers", "containers"] {
                    guard var containers = spec[key].array else { continue }
                    for i in containers.indices where globMatch(pattern, containers[i]["name"].string ?? "") {
                        matched = true
                        var res = containers[i]["resources"].isNull ? JSONValue.emptyObject : containers[i]["resources"]
                        for (field, pairs) in [("limits", limits), ("requests", requests)] where !pairs.isEmpty {
                            var m = res[field].object ?? JSONObject()
                            for (k, v) in pairs { m[k] = .string(v) }
                            var sorted = JSONObject()
                            for k in m.sortedKeys { sorted[k] = m[k] }
                            res[field] = .object(sorted)
                        }
                        containers[i]["resources"] = .object(TypedOrder.reorder(res, ["limits", "requests", "claims"]))
                    }
                    spec[key] = .array(containers)
                }
                if !matched { throw ChangeError(text: "error: unable to find container named \(pattern)") }
            }
        }
    }

    // MARK: selector

    static func selector(_ inv: inout Invocation, _ o: SetOptions) throws {
        var resources = inv.args
        var selectorValue: JSONValue?
        if let last = resources.popLast() {
            let parsed: JSONValue
            do { parsed = try SelectorParser.labelSelector(last) } catch { throw CLIError.message(messageText(error)) }
            selectorValue = parsed
        }
        guard let sel = selectorValue else { throw CLIError.message("one selector is required") }
        try requireTargets(o, resources)
        let rv = o.resourceVersion
        try apply(&inv, o, resources: resources, verb: "selector updated") { obj, _ in
            guard obj["kind"].string == "Service", GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: "Service").group.isEmpty else {
                throw ChangeError(text: "error: setting a selector is only supported for Services")
            }
            if !(sel["matchExpressions"].array ?? []).isEmpty {
                throw ChangeError(text: "error: services only support equality-based selectors")
            }
            obj["spec"]["selector"] = sel["matchLabels"].isNull ? .emptyObject : sel["matchLabels"]
            if !rv.isEmpty { obj["metadata"]["resourceVersion"] = .string(rv) }
        }
    }

    // MARK: subject

    /// `set subject`: adds the users, groups and service accounts (each list sorted and without
    /// repeats, as kubectl's string sets) that a RoleBinding or ClusterRoleBinding does not have yet.
    static func subject(_ inv: inout Invocation, _ o: SetOptions) throws {
        let resources = inv.args
        try requireTargets(o, resources)
        if o.all && !o.selector.isEmpty { throw CLIError.message("cannot set --all and --selector at the same time") }
        if o.users.isEmpty && o.groups.isEmpty && o.serviceAccounts.isEmpty {
            throw CLIError.message("you must specify at least one value of user, group or serviceaccount")
        }
        let namespace = try inv.namespace()
        func sortedSet(_ values: [String]) -> [String] { Set(values).sorted(by: goStringLess) }
        var subjects: [JSONValue] = []
        for u in sortedSet(o.users) { subjects.append(rbacSubject(kind: "User", name: u)) }
        for g in sortedSet(o.groups) { subjects.append(rbacSubject(kind: "Group", name: g)) }
        var accounts: [(namespace: String, name: String)] = []
        for sa in o.serviceAccounts {
            let tokens = sa.split(separator: ":", omittingEmptySubsequences: false)
            if tokens.count != 2 || tokens[1].isEmpty { throw CLIError.message("serviceaccount must be <namespace>:<name>") }
            accounts.append((String(tokens[0]), String(tokens[1])))
        }
        for sa in sortedSet(o.serviceAccounts) {
            let tokens = sa.split(separator: ":", omittingEmptySubsequences: false)
            subjects.append(JSONObject([("kind", "ServiceAccount"), ("name", .string(String(tokens[1]))),
                                        ("namespace", .string(tokens[0].isEmpty ? namespace : String(tokens[0])))]).asValue)
        }
        try apply(&inv, o, resources: resources, verb: "subjects updated", validate: { targets in
            if accounts.contains(where: { $0.namespace.isEmpty }), targets.contains(where: { $0.kind == "ClusterRoleBinding" }) {
                throw CLIError.message("serviceaccount must be <namespace>:<name>, namespace must be specified")
            }
        }) { obj, _ in
            guard ["RoleBinding", "ClusterRoleBinding"].contains(obj["kind"].string ?? ""),
                  GroupVersionKind.parse(apiVersion: obj["apiVersion"].string ?? "", kind: "").group == "rbac.authorization.k8s.io"
            else {
                throw CLIError.message("setting subjects is only supported for RoleBinding/ClusterRoleBinding")
            }
            var list = obj["subjects"].array ?? []
            func key(_ v: JSONValue) -> [String] { ["kind", "apiGroup", "name", "namespace"].map { v[$0].string ?? "" } }
            let existing = list.map(key)
            for s in subjects where !existing.contains(key(s)) { list.append(s) }
            guard list.count != existing.count, case .object(var o) = obj else { return }
            // A binding without subjects gets them where its typed form has them: before roleRef.
            if o["subjects"] == nil, let at = o.index(of: "roleRef") {
                o.insert("subjects", .array(list), at: at)
            } else {
                o["subjects"] = .array(list)
            }
            obj = .object(o)
        }
    }

    static func rbacSubject(kind: String, name: String) -> JSONValue {
        JSONObject([("kind", .string(kind)), ("apiGroup", "rbac.authorization.k8s.io"), ("name", .string(name))]).asValue
    }

    // MARK: serviceaccount

    static func serviceAccount(_ inv: inout Invocation, _ o: SetOptions) throws {
        var resources = inv.args
        guard let sa = resources.popLast() else { throw CLIError.message("serviceaccount is required") }
        try requireTargets(o, resources)
        try apply(&inv, o, resources: resources, verb: "serviceaccount updated") { obj, t in
            try withPodSpec(&obj, type: t.type) { spec in
                spec["serviceAccountName"] = .string(sa)
                spec = TypedOrder.podSpec(spec)
            }
        }
    }
}

