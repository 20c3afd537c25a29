import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `rollout undo`: back to a recorded revision.
struct RolloutUndoOptions: RolloutVerbOptions {
    var o = RolloutOptions()
    static var flags: [OptionFlag<Self>] {
        naming("roll back", output: true, dryRun: true)
            + [.init(\Self.o.toRevision, "to-revision", usage: "The revision to roll back to (0: the previous one).")]
    }
    func run(_ inv: inout Invocation) throws { try RolloutCommand.undo(&inv, o) }
}

extension RolloutCommand {
    static let annotationsToSkip: Set<String> = [
        "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision",
        "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
        "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ]

    static func undo(_ inv: inout Invocation, _ o: RolloutOptions) throws {
        let targets = try targets(&inv, o)
        let toRevision = Int64(o.toRevision)
        let dryRun = try DryRun.parse(o.printFlags.dryRun, inv)
        let format = try o.printFlags.format()
        for t in targets {
            guard let kind = kind(t), let type = t.type else {
                throw CLIError.message("no rollbacker has been implemented for \(goQuoted(t.kind))")
            }
            if kind == .deployment && t.object["spec"]["paused"].bool == true {
                throw CLIError.message("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
            }
            let revs = try revisions(t, kind: kind, inv: &inv)
            let target: Revision
            if toRevision > 0 {
                guard let r = revs.first(where: { $0.number == toRevision }) else {
                    throw CLIError.message("unable to find specified revision \(toRevision) in history")
                }
                target = r
            } else {
                guard revs.count >= 2 else {
                    let noun = kind == .deployment ? "deployment" : (kind == .daemonSet ? "daemonset" : "statefulset")
                    throw CLIError.message("no rollout history found for \(noun) \(goQuoted(t.name))")
                }
                target = revs[revs.count - 2]
            }
            var template = target.template
            template.remove(["metadata", "labels", "pod-template-hash"])
            if template["metadata"]["labels"].object?.isEmpty == true { template.remove(["metadata", "labels"]) }
            var current = t.object["spec"]["template"]
            current.remove(["metadata", "labels", "pod-template-hash"])
            if current["metadata"]["labels"].object?.isEmpty == true { current.remove(["metadata", "labels"]) }
            if templatesEqual(template, current) {
                inv.io.out.write("\(t.displayName) skipped rollback (current template already matches revision \(toRevision))\n")
                continue
            }
            var changed = t.object
            changed["spec"]["template"] = template
            if kind == .deployment {
                var annotations = JSONObject()
                let deployAnn = t.object["metadata"]["annotations"]
                for (k, v) in deployAnn.object ?? JSONObject() where annotationsToSkip.contains(k) { annotations[k] = v }
                for (k, v) in target.owner["metadata"]["annotations"].object ?? JSONObject() where !annotationsToSkip.contains(k) {
                    annotations[k] = v
                }
                if annotations.isEmpty { changed.remove(["metadata", "annotations"]) } else { changed["metadata"]["annotations"] = .object(annotations) }
            }
            let printer = OperationPrinter(format: format, dryRun: dryRun, showManagedFields: o.printFlags.showManagedFields)
            if dryRun == .client {
                // kubectl prints the template it would roll back to in place of the operation.
                try printer.printNow(changed, type: t.type, operation: Describers.podTemplateUnaligned(template), inv: &inv)
                continue
            }
            let result = try Workloads.store(changed, type: type, inv: &inv, dryRun: dryRun)
            try printer.printNow(result, type: t.type, operation: "rolled back", inv: &inv)
        }
    }

    /// Templates compared as the API would after defaulting: absent and empty maps are the same.
    static func templatesEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
        func clean(_ v: JSONValue) -> JSONValue {
            switch v {
            case .object(let o):
                var out = JSONObject()
                for (k, x) in o {
                    let c = clean(x)
                    if c.isNull { continue }
                    if case .object(let m) = c, m.isEmpty { continue }
                    out[k] = c
                }
                return .object(out)
            case .array(let a): return .array(a.map(clean))
            default: return v
            }
        }
        return clean(a).compactJSON == clean(b).compactJSON
    }
}
