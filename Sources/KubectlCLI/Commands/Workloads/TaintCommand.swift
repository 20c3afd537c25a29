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
                // `key-`, `key:Effect-` and `key=value:Effect-` (the value is not compared).
                let t = try parseTaint(String(s.dropLast()), requireEffect: false)
                remove.append(Taint(key: t.key, value: "", effect: t.effect))
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
            try OperationPrinter(format: format, dryRun: dryRun, flags: inv.flags).printNow(result, type: nodeType, operation: operation, inv: &inv)
        }
    }
}
