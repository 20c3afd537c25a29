import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl cordon` and `kubectl uncordon` (one implementation, as in kubectl's cordon.go).
extension NodeCommands {
    static func cordon(_ inv: inout Invocation, unschedulable: Bool) throws {
        let dryRun = try DryRun.from(inv)
        let nodes = try nodes(&inv, command: unschedulable ? "cordon" : "uncordon")
        try setSchedulable(nodes, unschedulable: unschedulable, dryRun: dryRun, inv: &inv)
    }

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
