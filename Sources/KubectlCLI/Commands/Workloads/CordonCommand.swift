import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl cordon` and `kubectl uncordon` (one implementation, as in kubectl's cordon.go).
/// cordon and uncordon: the nodes named (or selected by `-l`) marked (un)schedulable.
struct NodeSchedulingOptions: FlagOptions {
    var unschedulable = true
    var names: [String] = []
    var selector = ""
    var dryRunText = ""
    var dryRun = DryRun.none

    static var flags: [OptionFlag<Self>] {
        [.init(\.dryRunText, CommonFlags.dryRun), .init(\.selector, CommonFlags.selector)]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        unschedulable = inv.commandPath.last == "cordon"
        names = inv.args
        if names.isEmpty && selector.isEmpty { throw CLIError.usage("USAGE: \(unschedulable ? "cordon" : "uncordon") NODE [flags]") }
        if !names.isEmpty && !selector.isEmpty { throw CLIError.usage("cannot specify both a node name and a --selector option") }
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
            if (node["spec"]["unschedulable"].bool ?? false) == unschedulable {
                // kubectl prints the node as it is, with the dry-run suffix too.
                printer.print(node, type: type, operation: "already \(word)", inv: inv)
                continue
            }
            var changed = node
            if unschedulable { changed["spec"]["unschedulable"] = true } else { changed["spec"].remove(["unschedulable"]) }
            let result = try Workloads.store(changed, type: type, inv: &inv, dryRun: dryRun)
            printer.print(result, type: type, operation: word, inv: inv)
        }
    }
}
