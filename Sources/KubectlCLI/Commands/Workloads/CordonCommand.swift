import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl cordon` and `kubectl uncordon` (one implementation, as in kubectl's cordon.go).
struct CordonOptions: CommandOptions {
    var base: NodeSchedulingOptions
    init(_ inv: inout Invocation) throws { base = try NodeSchedulingOptions(inv, unschedulable: true) }
    func run(_ inv: inout Invocation) throws { try base.run(&inv) }
}

struct UncordonOptions: CommandOptions {
    var base: NodeSchedulingOptions
    init(_ inv: inout Invocation) throws { base = try NodeSchedulingOptions(inv, unschedulable: false) }
    func run(_ inv: inout Invocation) throws { try base.run(&inv) }
}

/// cordon and uncordon: the nodes named (or selected by `-l`) marked (un)schedulable.
struct NodeSchedulingOptions {
    var unschedulable: Bool
    var names: [String]
    var selector: String
    var dryRun: DryRun

    init(_ inv: Invocation, unschedulable: Bool) throws {
        self.unschedulable = unschedulable
        names = inv.args
        selector = inv.flags.string("selector")
        let dryRunText = inv.flags.string("dry-run")
        if names.isEmpty && selector.isEmpty { throw CLIError.usage("USAGE: \(unschedulable ? "cordon" : "uncordon") NODE [flags]") }
        dryRun = try DryRun.parse(dryRunText, inv)
    }

    func run(_ inv: inout Invocation) throws {
        let nodes = try NodeCommands.nodes(&inv, names: names, selector: selector, command: unschedulable ? "cordon" : "uncordon")
        try NodeCommands.setSchedulable(nodes, unschedulable: unschedulable, dryRun: dryRun, inv: &inv)
    }
}

extension NodeCommands {
    static func setSchedulable(_ nodes: [JSONValue], unschedulable: Bool, dryRun: DryRun, inv: inout Invocation) throws {
        let type = try nodeType(&inv)
        let word = unschedulable ? "cordoned" : "uncordoned"
        let printer = OperationPrinter(format: nil, dryRun: dryRun)
        for node in nodes {
            let name = node["metadata"]["name"].string ?? ""
            if (node["spec"]["unschedulable"].bool ?? false) == unschedulable {
                inv.io.out.write("node/\(name) already \(word)\n")
                continue
            }
            var changed = node
            if unschedulable { changed["spec"]["unschedulable"] = true } else { changed["spec"].remove(["unschedulable"]) }
            let result = try Workloads.store(changed, type: type, inv: &inv, dryRun: dryRun)
            printer.print(result, type: type, operation: word, inv: inv)
        }
    }
}
