import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

// MARK: - cordon / uncordon / drain / taint

enum NodeCommands {
    static let drainFlags: [FlagSpec] = [
        FlagSpec("chunk-size", .int, default: "500", usage: "List in chunks of this size (no effect on the local store)."),
        FlagSpec("delete-emptydir-data", .bool, usage: "Evict pods that use emptyDir volumes (their data is lost)."),
        FlagSpec("disable-eviction", .bool, usage: "Delete pods instead of evicting them."),
        CommonFlags.dryRun,
        FlagSpec("force", .bool, usage: "Also evict pods that no controller manages."),
        FlagSpec("grace-period", .int, default: "-1", usage: "Seconds each pod gets to terminate."),
        FlagSpec("ignore-daemonsets", .bool, usage: "Leave DaemonSet-managed pods alone."),
        FlagSpec("pod-selector", .string, usage: "Only evict pods matching this label selector."),
        CommonFlags.selector,
        FlagSpec("skip-wait-for-delete-timeout", .int, usage: "Skip waiting for pods deleted longer ago than this."),
        FlagSpec("timeout", .duration, default: "0s", usage: "How long to wait before giving up."),
    ]

    static let specs: [CommandSpec] = [
        CommandSpec("cordon", use: "cordon NODE", short: "Stop new pods from being scheduled onto a node",
                    flags: [CommonFlags.dryRun, CommonFlags.selector], group: "Cluster Management Commands:",
                    run: { try cordon(&$0, unschedulable: true) }),
        CommandSpec("uncordon", use: "uncordon NODE", short: "Let pods be scheduled onto a node again",
                    flags: [CommonFlags.dryRun, CommonFlags.selector], group: "Cluster Management Commands:",
                    run: { try cordon(&$0, unschedulable: false) }),
        CommandSpec("drain", use: "drain NODE", short: "Cordon a node and evict its pods before maintenance",
                    flags: drainFlags, group: "Cluster Management Commands:", run: { try drain(&$0) }),
        CommandSpec("taint", use: "taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N",
                    short: "Add, change or remove node taints",
                    flags: CommonFlags.output(tables: false) + [
                        FlagSpec("all", .bool, usage: "Taint every node."),
                        CommonFlags.dryRun,
                        CommonFlags.fieldManager("kubectl-taint"),
                        FlagSpec("overwrite", .bool, usage: "Replace taints with the same key and effect."),
                        CommonFlags.selector,
                        CommonFlags.validate,
                    ], group: "Cluster Management Commands:", run: { try taint(&$0) }),
    ]

    static func nodeType(_ inv: inout Invocation) throws -> ResourceType {
        guard let t = try inv.server().registry.type(group: "", kind: "Node") else { throw CLIError.message("no Node type") }
        return t
    }

    /// The nodes named by the arguments or `-l`.
    static func nodes(_ inv: inout Invocation, command: String) throws -> [JSONValue] {
        let selector = inv.flags.string("selector")
        if inv.args.isEmpty && selector.isEmpty { throw CLIError.usage("USAGE: \(command) NODE [flags]") }
        let server = try inv.server()
        let type = try nodeType(&inv)
        if !inv.args.isEmpty {
            return try inv.args.map { name in try server.read { try $0.get(type, namespace: "", name: name) } }
        }
        let sel = try parseLabelSelector(selector)
        let rows = try server.read { try $0.rows(type, namespace: nil) }
        return try rows.filter { sel?.matches(labelMap($0.labels)) ?? true }.map { try JSON.parse($0.data) }
    }

    static func cordon(_ inv: inout Invocation, unschedulable: Bool) throws {
        let dryRun = try DryRun.from(inv)
        let nodes = try nodes(&inv, command: unschedulable ? "cordon" : "uncordon")
        try setSchedulable(nodes, unschedulable: unschedulable, dryRun: dryRun, inv: &inv)
    }

    static func setSchedulable(_ nodes: [JSONValue], unschedulable: Bool, dryRun: DryRun, inv: inout Invocation) throws {
        let type = try nodeType(&inv)
        let word = unschedulable ? "cordoned" : "uncordoned"
        for node in nodes {
            let name = node["metadata"]["name"].string ?? ""
            if (node["spec"]["unschedulable"].bool ?? false) == unschedulable {
                inv.io.out.write("node/\(name) already \(word)\n")
                continue
            }
            var changed = node
            if unschedulable { changed["spec"]["unschedulable"] = true } else { changed["spec"].remove(["unschedulable"]) }
            _ = try Workloads.store(changed, type: type, inv: &inv, dryRun: dryRun)
            inv.io.out.write("node/\(name) \(word)\(dryRun.suffix)\n")
        }
    }

    static func drain(_ inv: inout Invocation) throws {
        let dryRun = try DryRun.from(inv)
        let nodes = try nodes(&inv, command: "drain")
        try setSchedulable(nodes, unschedulable: true, dryRun: dryRun, inv: &inv)
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod") else { return }
        let force = inv.flags.bool("force"), ignoreDS = inv.flags.bool("ignore-daemonsets")
        let emptyDir = inv.flags.bool("delete-emptydir-data")
        let podSelector = try parseLabelSelector(inv.flags.string("pod-selector"))
        var pending: [String] = []
        var failures: [String] = []
        for node in nodes {
            let nodeName = node["metadata"]["name"].string ?? ""
            let pods = try server.read { try $0.list(podType, namespace: nil) }.filter {
                $0["spec"]["nodeName"].string == nodeName
                    && (podSelector?.matches(Dictionary($0["metadata"]["labels"].stringMap, uniquingKeysWith: { $1 })) ?? true)
            }
            var dsPods: [String] = [], unmanaged: [String] = [], local: [String] = []
            var evict: [JSONValue] = []
            for pod in pods {
                let id = "\(pod["metadata"]["namespace"].string ?? "")/\(pod["metadata"]["name"].string ?? "")"
                if pod["metadata"]["annotations"]["kubernetes.io/config.mirror"].string != nil { continue }
                let phase = pod["status"]["phase"].string ?? ""
                let finished = phase == "Succeeded" || phase == "Failed"
                let controller = (pod["metadata"]["ownerReferences"].array ?? []).first { $0["controller"].bool == true }
                if let c = controller, c["kind"].string == "DaemonSet" {
                    dsPods.append(id)
                    continue
                }
                if controller == nil && !finished {
                    unmanaged.append(id)
                    if !force { continue }
                }
                let usesEmptyDir = (pod["spec"]["volumes"].array ?? []).contains { !$0["emptyDir"].isNull }
                if usesEmptyDir && !finished && !emptyDir {
                    local.append(id)
                    continue
                }
                evict.append(pod)
            }
            var errs: [String] = []
            if !dsPods.isEmpty && !ignoreDS {
                errs.append("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): " + dsPods.joined(separator: ", "))
            }
            if !unmanaged.isEmpty && !force {
                errs.append("cannot delete Pods declare no controller (use --force to override): " + unmanaged.joined(separator: ", "))
            }
            if !local.isEmpty {
                errs.append("cannot delete Pods with local storage (use --delete-emptydir-data to override): " + local.joined(separator: ", "))
            }
            if !errs.isEmpty {
                let joined = errs.count == 1 ? errs[0] : "[" + errs.joined(separator: ", ") + "]"
                inv.io.err.write("error: unable to drain node \(goQuoted(nodeName)) due to error: \(joined), continuing command...\n")
                pending.append(nodeName)
                failures += errs
                continue
            }
            var warnings: [String] = []
            if !dsPods.isEmpty { warnings.append("ignoring DaemonSet-managed Pods: " + dsPods.joined(separator: ", ")) }
            if !unmanaged.isEmpty { warnings.append("deleting Pods that declare no controller: " + unmanaged.joined(separator: ", ")) }
            if !warnings.isEmpty { inv.warn(warnings.joined(separator: "; ")) }
            let targets = evict.map { DrainEviction.Target(namespace: $0["metadata"]["namespace"].string ?? "",
                                                           name: $0["metadata"]["name"].string ?? "") }
            if dryRun == .client {
                for t in targets { inv.io.out.write("pod/\(t.name) evicted\(dryRun.suffix)\n") }
            } else {
                let errs = try DrainEviction.run(targets, inv: &inv, server: server, dryRun: dryRun)
                if !errs.isEmpty {
                    let joined = errs.count == 1 ? errs[0] : "[" + errs.joined(separator: ", ") + "]"
                    let left = try server.read { try $0.list(podType, namespace: nil) }.filter { p in
                        p["spec"]["nodeName"].string == nodeName && targets.contains { $0.name == p["metadata"]["name"].string && $0.namespace == p["metadata"]["namespace"].string }
                    }
                    inv.io.err.write("There are pending pods in node \(goQuoted(nodeName)) when an error occurred: \(joined)\n")
                    for p in left { inv.io.err.write("pod/\(p["metadata"]["name"].string ?? "")\n") }
                    inv.io.err.write("error: unable to drain node \(goQuoted(nodeName)) due to error: \(joined), continuing command...\n")
                    pending.append(nodeName)
                    failures += errs
                    continue
                }
            }
            inv.io.out.write("node/\(nodeName) drained\(dryRun.suffix)\n")
        }
        if !pending.isEmpty {
            inv.io.err.write("There are pending nodes to be drained:\n")
            for n in pending { inv.io.err.write(" \(n)\n") }
            let text = failures.count == 1 ? failures[0] : "[" + failures.joined(separator: ", ") + "]"
            throw CLIError.message(text)
        }
    }

    // MARK: taint

    struct Taint: Equatable { var key: String; var value: String; var effect: String }
    static let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]

    /// kubectl's parseTaint: `key[=value]:effect` (or a bare key, which cannot be added).
    static func parseTaint(_ spec: String) throws -> Taint {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var key = "", value = "", effect = ""
        switch parts.count {
        case 1: key = parts[0]
        case 2:
            effect = parts[1]
            guard effects.contains(effect) else {
                throw CLIError.usage("invalid taint effect: \(effect), unsupported taint effect")
            }
            let kv = parts[0].split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            if kv.count > 2 { throw CLIError.usage("invalid taint spec: \(spec)") }
            key = kv[0]
            if kv.count == 2 {
                value = kv[1]
                let errs = isValidLabelValue(value)
                if !errs.isEmpty { throw CLIError.usage("invalid taint spec: \(spec), \(errs.joined(separator: "; "))") }
            }
        default:
            throw CLIError.usage("invalid taint spec: \(spec)")
        }
        let errs = isQualifiedName(key)
        if !errs.isEmpty { throw CLIError.usage("invalid taint spec: \(spec), \(errs.joined(separator: "; "))") }
        if effect.isEmpty { throw CLIError.usage("invalid taint spec: \(spec)") }
        return Taint(key: key, value: value, effect: effect)
    }

    static func taint(_ inv: inout Invocation) throws {
        var resources: [String] = [], specs: [String] = []
        for a in inv.args {
            if a.contains("=") || a.contains(":") || (a.hasSuffix("-") && a != "-") { specs.append(a) } else if specs.isEmpty {
                resources.append(a)
            } else {
                throw CLIError.message("all resources must be specified before taint changes: \(a)")
            }
        }
        let all = inv.flags.bool("all")
        if resources.isEmpty || (resources.count == 1 && !resources[0].contains("/") && !all && inv.flags.string("selector").isEmpty) {
            throw CLIError.message("one or more resources must be specified as <resource> <name>")
        }
        if specs.isEmpty { throw CLIError.message("at least one taint update is required") }
        var add: [Taint] = []
        var remove: [Taint] = []
        for s in specs {
            if s.hasSuffix("-") {
                let body = String(s.dropLast())
                let parts = body.split(separator: ":", maxSplits: 1).map(String.init)
                remove.append(Taint(key: parts.first ?? "", value: "", effect: parts.count > 1 ? parts[1] : ""))
            } else {
                let t = try parseTaint(s)
                if add.contains(where: { $0.key == t.key && $0.effect == t.effect }) {
                    throw CLIError.usage("can not add the same taint key with the same effect more than once")
                }
                add.append(t)
            }
        }
        for r in remove where add.contains(where: { $0.key == r.key && (r.effect.isEmpty || $0.effect == r.effect) }) {
            throw CLIError.usage("can not both modify and remove the same taint")
        }
        let dryRun = try DryRun.from(inv)
        let overwrite = inv.flags.bool("overwrite")
        let format = try Workloads.format(inv)
        let (targets, errors) = try Workloads.collect(&inv, resources: resources, all: all, selector: inv.flags.string("selector"))
        if let e = errors.first { throw e }
        let nodeType = try nodeType(&inv)
        for t in targets {
            guard t.type?.kind == "Node" else { throw CLIError.message("taints are only supported on nodes: \(t.kind)") }
            let old = (t.object["spec"]["taints"].array ?? []).map {
                Taint(key: $0["key"].string ?? "", value: $0["value"].string ?? "", effect: $0["effect"].string ?? "")
            }
            if !overwrite {
                for a in add where old.contains(where: { $0.key == a.key && $0.effect == a.effect }) {
                    throw CLIError.message("node \(t.name) already has \(a.key) taint(s) with same effect(s) and --overwrite is false")
                }
            }
            var newTaints = add
            for o in old where !newTaints.contains(where: { $0.key == o.key && $0.effect == o.effect }) { newTaints.append(o) }
            let added = old.count != newTaints.count
            var deleted = false
            var errs: [String] = []
            for r in remove {
                let before = newTaints.count
                newTaints.removeAll { $0.key == r.key && (r.effect.isEmpty || $0.effect == r.effect) }
                if newTaints.count == before {
                    errs.append("taint \(goQuoted(r.effect.isEmpty ? r.key : "\(r.key):\(r.effect)")) not found")
                } else { deleted = true }
            }
            if !errs.isEmpty { throw CLIError.message(errs.joined(separator: ", ")) }
            let operation = (added && deleted) || overwrite ? "modified" : (added ? "tainted" : "untainted")
            var changed = t.object
            let oldValues = t.object["spec"]["taints"].array ?? []
            let values: [JSONValue] = newTaints.map { tn in
                if let existing = oldValues.first(where: { $0["key"].string == tn.key && $0["effect"].string == tn.effect && ($0["value"].string ?? "") == tn.value }) {
                    return existing
                }
                var o = JSONObject()
                o["key"] = .string(tn.key)
                if !tn.value.isEmpty { o["value"] = .string(tn.value) }
                o["effect"] = .string(tn.effect)
                if tn.effect == "NoExecute" { o["timeAdded"] = .string(inv.clock.now.rfc3339) }
                return .object(o)
            }
            if values.isEmpty { changed["spec"].remove(["taints"]) } else { changed["spec"]["taints"] = .array(values) }
            let result = try Workloads.store(changed, type: nodeType, inv: &inv, dryRun: dryRun)
            if let format { try Workloads.printObjects([result], format: format, inv: &inv); continue }
            inv.io.out.write("node/\(t.name) \(operation)\(dryRun.suffix)\n")
        }
    }
}

// MARK: - wait

enum WaitCommand {
    static let spec = CommandSpec(
        "wait", use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|delete|condition=available|jsonpath='{}'[=value]]",
        short: "Experimental: Block until objects reach a condition, are deleted or are created",
        flags: CommonFlags.output(tables: false)
            + CommonFlags.filenames("wait for").filter { $0.name != "kustomize" }.map(SetCommand.recursiveByDefault) + [
            FlagSpec("all", .bool, usage: "Select every object of the given types in the namespace."),
            CommonFlags.allNamespaces,
            CommonFlags.fieldSelector,
            FlagSpec("for", .string, usage: "What to wait for: create, delete, condition=NAME[=value] or jsonpath='{path}'[=value]."),
            FlagSpec("local", .bool, usage: "Wait on the objects from -f only."),
            CommonFlags.selector,
            FlagSpec("timeout", .duration, default: "30s", usage: "How long to wait; the store is settled, so an unmet condition stays unmet."),
        ],
        group: "Advanced Commands:", run: { try run(&$0) })

    enum Condition {
        case create, delete
        case condition(String, String)
        case jsonpath(String, String?)
    }

    static func parseCondition(_ text: String) throws -> Condition {
        let lower = text.lowercased()
        if lower == "delete" { return .delete }
        if lower == "create" { return .create }
        if lower.hasPrefix("condition=") {
            let rest = String(text.dropFirst("condition=".count))
            let parts = rest.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return .condition(parts[0], parts.count > 1 ? parts[1] : "true")
        }
        if lower.hasPrefix("jsonpath=") {
            let rest = String(text.dropFirst("jsonpath=".count))
            guard let close = rest.lastIndex(of: "}") else {
                throw CLIError.message("unrecognized condition: \(goQuoted(text))")
            }
            var path = String(rest[...close])
            if path.hasPrefix("{") { path = String(path.dropFirst().dropLast()) }
            let after = rest[rest.index(after: close)...]
            if after.isEmpty { return .jsonpath(path, nil) }
            guard after.hasPrefix("=") else { throw CLIError.message("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3") }
            return .jsonpath(path, String(after.dropFirst()))
        }
        throw CLIError.message("unrecognized condition: \(goQuoted(text))")
    }

    /// A dotted path with optional `[n]` indexes (`.status.conditions[0].type`).
    static func evaluate(_ path: String, _ obj: JSONValue) -> JSONValue? {
        var cur = obj
        for comp in path.split(separator: ".", omittingEmptySubsequences: true) {
            var name = Substring(comp)
            var indexes: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]") {
                guard let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) else { return nil }
                indexes.insert(i, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty {
                guard case .object(let o) = cur, let next = o[String(name)] else { return nil }
                cur = next
            }
            for i in indexes {
                guard let a = cur.array, i >= 0, i < a.count else { return nil }
                cur = a[i]
            }
        }
        return cur
    }

    static func scalarText(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return goFormatFloat(d)
        case .null: return ""
        default: return v.compactJSON
        }
    }

    static func run(_ inv: inout Invocation) throws {
        let condition = try parseCondition(inv.flags.string("for"))
        if inv.args.isEmpty && inv.flags.strings("filename").isEmpty {
            throw CLIError.message(ResourceArgs.noResourcesMessage)
        }
        let (targets, errors) = try Workloads.collect(&inv, resources: inv.args, all: inv.flags.bool("all"),
                                                     selector: inv.flags.string("selector"),
                                                     fieldSelector: inv.flags.string("field-selector"),
                                                     allNamespaces: inv.flags.bool("all-namespaces"))
        let wait = ClientWait(timeoutNanoseconds: inv.flags.durationNanoseconds("timeout") ?? 30_000_000_000)
        if case .delete = condition {
            // Objects already gone satisfy --for=delete; the others are waited for.
            for t in targets {
                guard let type = t.type else { continue }
                let server = try inv.server()
                let gone = try wait.until {
                    try server.read { try $0.find(type, namespace: t.namespace, name: t.name) } == nil
                }
                if !gone { throw CLIError.message("timed out waiting for the condition on \(type.plural)/\(t.name)") }
                inv.io.out.write("\(t.displayName) condition met\n")
            }
            return
        }
        if let e = errors.first { throw e }
        if targets.isEmpty { throw CLIError.message("no matching resources found") }
        for t in targets {
            var current = t.object
            let met = try wait.until {
                if let type = t.type {
                    guard let fresh = try inv.server().read({ try $0.find(type, namespace: t.namespace, name: t.name) })
                    else { return false }
                    current = fresh
                }
                return conditionMet(condition, current)
            }
            if !met {
                throw CLIError.message("timed out waiting for the condition on \(t.type?.plural ?? t.kind.lowercased())/\(t.name)")
            }
            inv.io.out.write("\(t.displayName) condition met\n")
        }
    }

    static func conditionMet(_ condition: Condition, _ object: JSONValue) -> Bool {
        switch condition {
        case .create, .delete: return true
        case .condition(let type, let value):
            let conds = object["status"]["conditions"].array ?? []
            return conds.contains {
                ($0["type"].string ?? "").lowercased() == type.lowercased()
                    && ($0["status"].string ?? "").lowercased() == value.lowercased()
            }
        case .jsonpath(let path, let value):
            guard let v = evaluate(path, object) else { return false }
            return value.map { scalarText(v) == $0 } ?? true
        }
    }
}

// MARK: - top

/// `kubectl top pod|node`. There is no metrics server: the figures are simulated from the
/// containers' resource requests (a container without requests counts 1m CPU and 4Mi memory), for
/// running pods only; a node's usage is the sum over the running pods scheduled on it.
enum TopCommand {
    static let spec = CommandSpec(
        "top", use: "top", short: "Show CPU and memory figures of pods and nodes",
        subcommands: [
            CommandSpec("pod", aliases: ["pods", "po"], use: "pod [NAME | -l label]", short: "Show CPU and memory figures per pod",
                        flags: [CommonFlags.allNamespaces, FlagSpec("containers", .bool, usage: "Per-container usage."),
                                CommonFlags.fieldSelector, FlagSpec("no-headers", .bool, usage: "Omit the header line."),
                                CommonFlags.selector, FlagSpec("sort-by", .string, usage: "Sort by cpu or memory."),
                                useProtocolBuffers,
                                FlagSpec("sum", .bool, usage: "Add a line with the totals of the CPU and memory columns.")],
                        run: { try pods(&$0) }),
            CommandSpec("node", aliases: ["nodes", "no"], use: "node [NAME | -l label]", short: "Show CPU and memory figures per node",
                        flags: [FlagSpec("no-headers", .bool, usage: "Omit the header line."), CommonFlags.selector,
                                FlagSpec("show-capacity", .bool, usage: "Percentages of capacity instead of allocatable."),
                                FlagSpec("sort-by", .string, usage: "Sort by cpu or memory."), useProtocolBuffers],
                        run: { try nodes(&$0) }),
        ],
        group: "Cluster Management Commands:")

    static let useProtocolBuffers = FlagSpec("use-protocol-buffers", .bool, default: "true",
                                             usage: "Wire format for the metrics API. No effect offline: figures are computed locally.")

    static func containerUsage(_ c: JSONValue) -> (cpuMilli: Int64, memBytes: Int64) {
        let req = c["resources"]["requests"]
        let cpu = (try? KubeModel.Quantity.parse(json: req["cpu"]))?.milliValue ?? 1
        let mem = (try? KubeModel.Quantity.parse(json: req["memory"]))?.value ?? 4 * 1024 * 1024
        return (req["cpu"].isNull ? 1 : cpu, req["memory"].isNull ? 4 * 1024 * 1024 : mem)
    }

    static func podUsage(_ pod: JSONValue) -> (Int64, Int64) {
        var cpu: Int64 = 0, mem: Int64 = 0
        for c in pod["spec"]["containers"].array ?? [] {
            let u = containerUsage(c)
            cpu += u.cpuMilli
            mem += u.memBytes
        }
        return (cpu, mem)
    }

    static func running(_ pods: [JSONValue]) -> [JSONValue] { pods.filter { $0["status"]["phase"].string == "Running" } }

    static func pods(_ inv: inout Invocation) throws {
        let sortBy = try sortKey(inv)
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod") else { return }
        let allNS = inv.flags.bool("all-namespaces")
        let namespace = try inv.namespace()
        var pods = try server.read { try $0.list(podType, namespace: allNS ? nil : namespace) }
        if let sel = try parseLabelSelector(inv.flags.string("selector")) {
            pods = pods.filter { sel.matches(Dictionary($0["metadata"]["labels"].stringMap, uniquingKeysWith: { $1 })) }
        }
        if let name = inv.args.first {
            guard let pod = pods.first(where: { $0["metadata"]["name"].string == name }) else {
                throw CLIError.api(APIError.notFound("pods", name))
            }
            guard pod["status"]["phase"].string == "Running" else {
                throw CLIError.message("Metrics not available for pod \(namespace)/\(name), age: \(humanDuration(seconds: inv.clock.now.seconds - (Timestamp(rfc3339: pod["metadata"]["creationTimestamp"].string ?? "")?.seconds ?? inv.clock.now.seconds)))")
            }
            pods = [pod]
        }
        if let fs = try parseFieldSelector(inv.flags.string("field-selector")) {
            pods = pods.filter { pod in fs.matches { fieldValue($0, of: pod, type: podType) } }
        }
        pods = running(pods)
        if pods.isEmpty {
            inv.io.err.write(allNS ? "No resources found\n" : "No resources found in \(namespace) namespace.\n")
            return
        }
        inv.io.out.write(podTable(pods, sortBy: sortBy, allNamespaces: allNS, containers: inv.flags.bool("containers"),
                                  headers: !inv.flags.bool("no-headers"), sum: inv.flags.bool("sum")))
    }

    /// `--sort-by`: cpu or memory (largest first), else by namespace and name.
    static func sortKey(_ inv: Invocation) throws -> String {
        let sortBy = inv.flags.string("sort-by")
        guard ["", "cpu", "memory"].contains(sortBy) else { throw CLIError.message("--sort-by accepts only cpu or memory") }
        return sortBy
    }

    static func sorted<T>(_ items: [T], by sortBy: String, usage: (T) -> (Int64, Int64), name: (T) -> (String, String)) -> [T] {
        var indexed = Array(items.enumerated())
        indexed.sort { a, b in
            switch sortBy {
            case "cpu": let (x, y) = (usage(a.element).0, usage(b.element).0); return x != y ? x > y : a.offset < b.offset
            case "memory": let (x, y) = (usage(a.element).1, usage(b.element).1); return x != y ? x > y : a.offset < b.offset
            default: let (x, y) = (name(a.element), name(b.element)); return x != y ? x < y : a.offset < b.offset
            }
        }
        return indexed.map(\.element)
    }

    /// kubectl's pod metrics table: every cell tab-terminated; `--sum` adds a rule and the totals under
    /// the figures (its column count is taken from the header, as kubectl counts it).
    static func podTable(_ pods: [JSONValue], sortBy: String, allNamespaces: Bool, containers: Bool, headers: Bool, sum: Bool) -> String {
        var tw = TabWriter(minWidth: 0, padding: 3)
        var columns = 3
        if headers {
            var header: [String] = allNamespaces ? ["NAMESPACE"] : []
            header += containers ? ["POD", "NAME", "CPU(cores)", "MEMORY(bytes)"] : ["NAME", "CPU(cores)", "MEMORY(bytes)"]
            columns = header.count
            tw.write(header.map { $0 + "\t" }.joined() + "\n")
        }
        let ordered = sorted(pods, by: sortBy, usage: podUsage) {
            (allNamespaces ? $0["metadata"]["namespace"].string ?? "" : "", $0["metadata"]["name"].string ?? "")
        }
        func line(_ cells: [String]) { tw.write(cells.map { $0 + "\t" }.joined() + "\n") }
        var total: (Int64, Int64) = (0, 0)
        for p in ordered {
            let prefix = allNamespaces ? [p["metadata"]["namespace"].string ?? ""] : []
            let name = p["metadata"]["name"].string ?? ""
            let (cpu, mem) = podUsage(p)
            total = (total.0 + cpu, total.1 + mem)
            if containers {
                let cs = sorted(p["spec"]["containers"].array ?? [], by: sortBy, usage: { let u = containerUsage($0); return (u.cpuMilli, u.memBytes) }) {
                    ("", $0["name"].string ?? "")
                }
                for c in cs {
                    let u = containerUsage(c)
                    line(prefix + [name, c["name"].string ?? "", "\(u.cpuMilli)m", "\(u.memBytes / (1024 * 1024))Mi"])
                }
            } else {
                line(prefix + [name, "\(cpu)m", "\(mem / (1024 * 1024))Mi"])
            }
        }
        if sum {
            line(Array(repeating: "", count: max(0, columns - 2)) + ["________", "________"])
            line(Array(repeating: "", count: max(0, columns - 3)) + ["", "\(total.0)m", "\(total.1 / (1024 * 1024))Mi"])
        }
        return tw.flush()
    }

    static func nodes(_ inv: inout Invocation) throws {
        let sortBy = try sortKey(inv)
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod"),
              let nodeType = server.registry.type(group: "", kind: "Node") else { return }
        var nodes = try server.read { try $0.list(nodeType, namespace: nil) }
        if let sel = try parseLabelSelector(inv.flags.string("selector")) {
            nodes = nodes.filter { sel.matches(Dictionary($0["metadata"]["labels"].stringMap, uniquingKeysWith: { $1 })) }
        }
        if let name = inv.args.first {
            nodes = nodes.filter { $0["metadata"]["name"].string == name }
            if nodes.isEmpty { throw CLIError.api(APIError.notFound("nodes", name)) }
        }
        let pods = running(try server.read { try $0.list(podType, namespace: nil) })
        var tw = TabWriter(minWidth: 0, padding: 3)
        if !inv.flags.bool("no-headers") { tw.write("NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n") }
        let field = inv.flags.bool("show-capacity") ? "capacity" : "allocatable"
        func usage(_ n: JSONValue) -> (Int64, Int64) {
            var cpu: Int64 = 0, mem: Int64 = 0
            for p in pods where p["spec"]["nodeName"].string == n["metadata"]["name"].string {
                let u = podUsage(p)
                cpu += u.0
                mem += u.1
            }
            return (cpu, mem)
        }
        for n in sorted(nodes, by: sortBy, usage: usage, name: { ("", $0["metadata"]["name"].string ?? "") }) {
            let name = n["metadata"]["name"].string ?? ""
            let (cpu, mem) = usage(n)
            let cpuCap = (try? KubeModel.Quantity.parse(json: n["status"][field]["cpu"]))?.milliValue ?? 0
            let memCap = (try? KubeModel.Quantity.parse(json: n["status"][field]["memory"]))?.value ?? 0
            let cpuPct = cpuCap > 0 ? cpu * 100 / cpuCap : 0
            let memPct = memCap > 0 ? mem * 100 / memCap : 0
            tw.write("\(name)\t\(cpu)m\t\(cpuPct)%\t\(mem / (1024 * 1024))Mi\t\(memPct)%\t\n")
        }
        inv.io.out.write(tw.flush())
    }
}
