import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// The node verbs (cordon, uncordon, drain, taint): their table entries and the node lookups they share;
/// each verb is in its own file.
enum NodeCommands {
    static let specs: [CommandSpec] = [
        CommandSpec("cordon", use: "cordon NODE", short: "Stop new pods from being scheduled onto a node",
                    group: "Cluster Management Commands:", options: NodeSchedulingOptions.self),
        CommandSpec("uncordon", use: "uncordon NODE", short: "Let pods be scheduled onto a node again",
                    group: "Cluster Management Commands:", options: NodeSchedulingOptions.self),
        CommandSpec("drain", use: "drain NODE", short: "Cordon a node and evict its pods before maintenance",
                    group: "Cluster Management Commands:", options: DrainOptions.self),
        CommandSpec("taint", use: "taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N",
                    short: "Add, change or remove node taints", group: "Cluster Management Commands:", options: TaintOptions.self),
    ]

    static func nodeType(_ inv: inout Invocation) throws -> ResourceType {
        guard let t = try inv.server().registry.type(group: "", kind: "Node") else { throw CLIError.message("no Node type") }
        return t
    }

    /// The nodes named by the arguments or `-l`.
    static func nodes(_ inv: inout Invocation, names: [String], selector: String, command: String) throws -> [JSONValue] {
        if names.isEmpty && selector.isEmpty { throw CLIError.usage("USAGE: \(command) NODE [flags]") }
        let server = try inv.server()
        let type = try nodeType(&inv)
        if !names.isEmpty {
            return try names.map { name in try server.read { try $0.get(type, namespace: "", name: name) } }
        }
        let sel = try parseLabelSelector(selector)
        let rows = try server.read { try $0.rows(type, namespace: nil) }
        return try rows.filter { sel?.matches(labelMap($0.labels)) ?? true }.map { try JSON.parse($0.data) }
    }
}
