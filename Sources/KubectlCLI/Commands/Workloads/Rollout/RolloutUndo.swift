import KubeAPI
import KubeModel
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
        let dryRun = try DryRun.parse(o.printFlags.dryRun, inv)  // kubectl reads it before the objects
        let toRevision = Int64(o.toRevision)
        let format = try o.printFlags.format()
        try visit(&inv, o) { t, inv in
            guard let kind = kind(t), let type = t.type else { throw noHelper(t, retrieving: "rollbacker", implemented: "rollbacker") }
            if toRevision < 0 { throw CLIError.message("unable to find specified revision \(toRevision) in history") }
            let target = try rollbackTarget(t, kind: kind, revisions: try revisions(t, kind: kind, inv: &inv), to: toRevision)
            // kubectl prints the object as it read it, with the operation (or the template) after its name.
            // The rollbackers read the workload into its Go type: printed after the typed round trip.
            let printer = OperationPrinter(format: format, dryRun: dryRun, showManagedFields: o.printFlags.showManagedFields, typedJSON: true)
            let shown = format == nil ? t.object : TypedRoundTrip.normalize(TypedRoundTrip.typedFields(t.object))
            var template = target.template
            template.remove(["$patch"])
            if dryRun == .client {
                // The daemon set and stateful set rollbackers say what they would do.
                let text = (kind == .deployment ? "" : "will roll back to ") + Describers.podTemplateUnaligned(template)
                try printer.printNow(shown, type: t.type, operation: text, inv: &inv)
                return
            }
            if kind == .deployment && t.object["spec"]["paused"].bool == true {
                throw CLIError.message("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
            }
            template.remove(["metadata", "labels", "pod-template-hash"])
            if template["metadata"]["labels"].object?.isEmpty == true { template.remove(["metadata", "labels"]) }
            // The Go encoding's `creationTimestamp: null` of a revision's template is not kept.
            if template["metadata"]["creationTimestamp"].isNull { template.remove(["metadata", "creationTimestamp"]) }
            if try matchesCurrent(t, kind: kind, target: target, template: template) {
                try printer.printNow(shown, type: t.type, operation: "skipped rollback (current template already matches revision \(toRevision))", inv: &inv)
                return
            }
            _ = try Workloads.store(rolledBack(t, kind: kind, to: target, template: template), type: type, inv: &inv, dryRun: dryRun)
            try printer.printNow(shown, type: t.type, operation: "rolled back", inv: &inv)
        }
    }

    /// The revision `to` names (0: the one before the newest), or kubectl's error for the kind.
    static func rollbackTarget(_ t: WorkTarget, kind: Kind, revisions revs: [Revision], to toRevision: Int64) throws -> Revision {
        if toRevision > 0 {
            guard let r = revs.first(where: { $0.number == toRevision }) else {
                throw CLIError.message("unable to find specified revision \(toRevision) in history")
            }
            return r
        }
        guard revs.count >= 2 else {
            if kind != .deployment { throw CLIError.message("no last revision to roll back to") }
            throw CLIError.message("no rollout history found for deployment \(goQuoted(t.name))")
        }
        return revs[revs.count - 2]
    }

    /// The workload with the revision's template (a deployment also takes the revision's annotations).
    static func rolledBack(_ t: WorkTarget, kind: Kind, to target: Revision, template: JSONValue) -> JSONValue {
        var changed = t.object
        changed["spec"]["template"] = template
        guard kind == .deployment else { return changed }
        var annotations = JSONObject()
        for (k, v) in t.object["metadata"]["annotations"].object ?? JSONObject() where annotationsToSkip.contains(k) { annotations[k] = v }
        for (k, v) in target.owner["metadata"]["annotations"].object ?? JSONObject() where !annotationsToSkip.contains(k) {
            annotations[k] = v
        }
        if annotations.isEmpty { changed.remove(["metadata", "annotations"]) } else { changed["metadata"]["annotations"] = .object(annotations) }
        return changed
    }

    /// Whether the revision is the workload's current template. A deployment's revision is compared
    /// as Go values (`pod-template-hash` aside); a daemon set's or stateful set's revision data as the
    /// bytes its controller wrote, against the same encoding of the live object.
    static func matchesCurrent(_ t: WorkTarget, kind: Kind, target: Revision, template: JSONValue) throws -> Bool {
        if kind != .deployment { return RevisionData.of(owner: t.object).compactJSON == target.owner["data"].compactJSON }
        var current = t.object["spec"]["template"]
        current.remove(["metadata", "labels", "pod-template-hash"])
        if current["metadata"]["labels"].object?.isEmpty == true { current.remove(["metadata", "labels"]) }
        return templatesEqual(template, current)
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
