import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl taint`.
extension NodeCommands {
    struct Taint: Equatable { var key: String; var value: String; var effect: String }
    static let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]

    /// kubectl's parseTaint: `key[=value]:effect`, or a bare key (which can only be removed).
    static func parseTaint(_ spec: String, requireEffect: Bool = true) throws -> Taint {
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
        if effect.isEmpty && requireEffect { throw CLIError.usage("invalid taint spec: \(spec)") }
        return Taint(key: key, value: value, effect: effect)
    }

    /// The new taints of a node: `add` replaces taints of the same key and effect; `remove` drops
    /// taints by key (and effect); the operation word kubectl prints.
    static func retaint(_ node: JSONValue, add: [Taint], remove: [Taint], overwrite: Bool, now: Timestamp?) throws -> (JSONValue, String) {
        let name = node["metadata"]["name"].string ?? ""
        let oldValues = node["spec"]["taints"].array ?? []
        let old = oldValues.map { Taint(key: $0["key"].string ?? "", value: $0["value"].string ?? "", effect: $0["effect"].string ?? "") }
        if !overwrite {
            for a in add where old.contains(where: { $0.key == a.key && $0.effect == a.effect }) {
                throw CLIError.message("node \(name) already has \(a.key) taint(s) with same effect(s) and --overwrite is false")
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
        let values: [JSONValue] = newTaints.map { tn in
            if let existing = oldValues.first(where: { $0["key"].string == tn.key && $0["effect"].string == tn.effect && ($0["value"].string ?? "") == tn.value }) {
                return existing
            }
            var o = JSONObject()
            o["key"] = .string(tn.key)
            if !tn.value.isEmpty { o["value"] = .string(tn.value) }
            o["effect"] = .string(tn.effect)
            if tn.effect == "NoExecute", let now { o["timeAdded"] = .string(now.rfc3339) }
            return .object(o)
        }
        var changed = node
        if values.isEmpty { changed["spec"].remove(["taints"]) } else { changed["spec"]["taints"] = .array(values) }
        return (changed, operation)
    }
}

/// taint's options, in kubectl's order: dry-run, validation, then the arguments (resources before
/// changes, then each change parsed), then `-o` when it runs.
struct TaintOptions: FlagOptions {
    typealias Taint = NodeCommands.Taint
    var printFlags = PrintFlags()
    var all = false
    var selector = ""
    var overwrite = false
    var dryRun = DryRun.none
    var validationText = ""
    var resources: [String] = []
    var add: [Taint] = []
    var remove: [Taint] = []

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false) + [CommonFlags.dryRun]),
         .init(\.all, "all", usage: "Taint every node."),
         .fieldManager("kubectl-taint"),
         .init(\.overwrite, "overwrite", usage: "Replace taints with the same key and effect."),
         .init(\.selector, CommonFlags.selector),
         .validation(\.validationText)]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        dryRun = try DryRun.parse(printFlags.dryRun, inv)
        _ = try ValidationMode.parse(validationText)
        var specs: [String] = []
        for a in inv.args {
            if a.contains("=") || a.contains(":") || a.hasSuffix("-") { specs.append(a) } else if specs.isEmpty {
                resources.append(a)
            } else {
                throw CLIError.message("all resources must be specified before taint changes: \(a)")
            }
        }
        if resources.isEmpty { throw CLIError.message("one or more resources must be specified as <resource> <name>") }
        if specs.isEmpty { throw CLIError.message("at least one taint update is required") }
        try parseChanges(specs)
    }

    /// kubectl's parseTaints: removals by key (and effect); additions need an effect and are unique
    /// by key and effect.
    mutating func parseChanges(_ specs: [String]) throws {
        for s in specs {
            if s.hasSuffix("-") {
                // `key-`, `key:Effect-` and `key=value:Effect-` (the value is not compared).
                let t = try NodeCommands.parseTaint(String(s.dropLast()), requireEffect: false)
                remove.append(Taint(key: t.key, value: "", effect: t.effect))
            } else {
                let t = try NodeCommands.parseTaint(s, requireEffect: false)
                if t.effect.isEmpty { throw CLIError.usage("unknown taint spec: \(s)") }
                if add.contains(where: { $0.key == t.key && $0.effect == t.effect }) {
                    throw CLIError.usage("duplicated taints with the same key and effect: {\(t.key) \(t.value) \(t.effect) <nil>}")
                }
                add.append(t)
            }
        }
    }

    /// The type must be nodes; a change may not also remove the same taint; names, --all or -l.
    func validate(_ inv: Invocation) throws {
        let typeArg = resources[0].lowercased()
        let type: ResourceType
        do { type = try inv.registry.resolve(typeArg).type } catch let e as UnknownResourceTypeError { throw CLIError.raw(e.message) }
        guard type.kind == "Node" && type.group.isEmpty else {
            throw CLIError.message("invalid resource type \(typeArg), only node types are supported")
        }
        var conflicts: [String] = []
        for a in add {
            for r in remove where a.key == r.key && (r.effect.isEmpty || a.effect == r.effect) {
                conflicts.append("\(r.key)=\(r.effect)")
            }
        }
        if !conflicts.isEmpty {
            throw CLIError.message("can not both modify and remove the following taint(s) in the same command: \(conflicts.joined(separator: ", "))")
        }
        if all && !selector.isEmpty { throw CLIError.message("setting 'all' parameter with a non empty selector is prohibited") }
        if !all && selector.isEmpty && resources.count < 2 {
            throw CLIError.message("at least one resource name must be specified since 'all' parameter is not set")
        }
    }

    func run(_ inv: inout Invocation) throws {
        // kubectl's taint printer names the operation only: no "(dry run)" suffix.
        let printer = try printFlags.toPrinter(dryRun: .none)
        // -l or --all select nodes by themselves; otherwise the names after the type.
        let named = all || !selector.isEmpty ? ["nodes"] : ["nodes"] + resources.dropFirst()
        var nodes = ResourceBuilder()
        (nodes.selectAll, nodes.labelSelector) = (all, selector)
        let (targets, collectErrors) = try Workloads.collect(&inv, nodes, resources: named)
        var errors = collectErrors
        let nodeType = try NodeCommands.nodeType(&inv)
        // As kubectl's builder with ContinueOnError: every node is tried, the errors come at the end.
        for t in targets {
            do {
                // The API server stamps a new NoExecute taint's timeAdded: not under a client dry run.
                let (changed, operation) = try NodeCommands.retaint(t.object, add: add, remove: remove, overwrite: overwrite,
                                                                    now: dryRun == .client ? nil : inv.clock.now)
                let result = try Workloads.store(changed, type: nodeType, inv: &inv, dryRun: dryRun)
                try printer.printNow(result, type: nodeType, operation: operation, inv: &inv)
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }
}
