import KubeModel
import KubeRegistry

/// `rollout history`: the revisions of each workload, or one revision's pod template.
struct RolloutHistoryOptions: RolloutVerbOptions {
    var o = RolloutOptions()
    static var flags: [OptionFlag<Self>] {
        naming("view", output: true) + [.init(\Self.o.revision, "revision", usage: "Show the pod template of this revision.")]
    }
    func run(_ inv: inout Invocation) throws { try RolloutCommand.history(&inv, o) }
}

extension RolloutCommand {
    static func history(_ inv: inout Invocation, _ o: RolloutOptions) throws {
        if o.revision < 0 { throw CLIError.message("revision must be a positive integer: \(o.revision)") }
        let revision = Int64(o.revision)
        let format = try o.printFlags.format()
        try visit(&inv, o) { t, inv in
            guard let kind = kind(t) else { throw noHelper(t, retrieving: "history", implemented: "history viewer") }
            let revs = try revisions(t, kind: kind, inv: &inv)
            if let format {
                let chosen = revision > 0 ? revs.filter { $0.number == revision } : revs
                if revision > 0 && chosen.isEmpty { throw CLIError.message("unable to find the specified revision") }
                // A deployment's revisions are its ReplicaSets; a daemon set's or stateful set's, the object
                // itself with the revision's template.
                // Both are typed objects: JSON in Go field order.
                let objects = chosen.map { kind == .deployment ? TypedRoundTrip.normalize($0.owner) : applied($0, to: t.object) }
                let printer = OperationPrinter(format: format, dryRun: .none, showManagedFields: o.printFlags.showManagedFields)
                printer.typedJSON = true
                try printer.printAll(objects, inv: &inv)
                return
            }
            if revision > 0 {
                guard let r = revs.first(where: { $0.number == revision }) else {
                    throw CLIError.message("unable to find the specified revision")
                }
                var template = r.template
                // Only a deployment's revision shows its change cause among the template's annotations.
                if kind == .deployment, let cause = r.changeCause { template["metadata"]["annotations"][changeCauseKey] = .string(cause) }
                inv.io.out.write("\(t.displayName) with revision #\(revision)\n")
                inv.io.out.write(Describers.podTemplateUnaligned(template) + "\n")
                return
            }
            if revs.isEmpty {
                inv.io.out.write("\(t.displayName) \nNo rollout history found.\n")
                return
            }
            var tw = TabWriter(minWidth: 0, padding: 2)
            tw.write("REVISION\tCHANGE-CAUSE\n")
            for r in revs { tw.write("\(r.number)\t\(r.changeCause ?? "<none>")\n") }
            inv.io.out.write("\(t.displayName) \n" + tw.flush() + "\n")
        }
    }

    /// A ControllerRevision's template applied to its workload (the revision's strategic patch replaces
    /// the template), as a typed object.
    static func applied(_ r: Revision, to object: JSONValue) -> JSONValue {
        var out = object
        out["spec"]["template"] = r.template
        out.remove(["spec", "template", "$patch"])
        return TypedRoundTrip.normalize(TypedRoundTrip.typedFields(out))
    }
}
