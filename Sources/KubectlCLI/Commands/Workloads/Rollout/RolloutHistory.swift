import KubeAPI
import KubeModel
import KubePrinters
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
        let targets = try targets(&inv, o)
        let revision = Int64(o.revision)
        let format = try o.printFlags.format()
        for t in targets {
            guard let kind = kind(t) else {
                throw CLIError.message("no history viewer has been implemented for \(goQuoted(t.kind))")
            }
            let revs = try revisions(t, kind: kind, inv: &inv)
            if let format {
                let owners = revision > 0 ? revs.filter { $0.number == revision }.map(\.owner) : revs.map(\.owner)
                if revision > 0 && owners.isEmpty { throw CLIError.message("unable to find the specified revision") }
                try OperationPrinter(format: format, dryRun: .none, showManagedFields: o.printFlags.showManagedFields).printAll(owners, inv: &inv)
                continue
            }
            if revision > 0 {
                guard let r = revs.first(where: { $0.number == revision }) else {
                    throw CLIError.message("unable to find the specified revision")
                }
                var template = r.template
                if let cause = r.changeCause { template["metadata"]["annotations"][changeCauseKey] = .string(cause) }
                inv.io.out.write("\(t.displayName) with revision #\(revision)\n")
                inv.io.out.write(Describers.podTemplateUnaligned(template) + "\n")
                continue
            }
            if revs.isEmpty {
                inv.io.out.write("\(t.displayName) \nNo rollout history found.\n")
                continue
            }
            var tw = TabWriter(minWidth: 0, padding: 2)
            tw.write("REVISION\tCHANGE-CAUSE\n")
            for r in revs { tw.write("\(r.number)\t\(r.changeCause ?? "<none>")\n") }
            inv.io.out.write("\(t.displayName) \n" + tw.flush() + "\n")
        }
    }
}
