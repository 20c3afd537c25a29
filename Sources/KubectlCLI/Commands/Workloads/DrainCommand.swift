import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl drain`: cordon, then evict the node's pods.
extension NodeCommands {
    static let drainFlags: [FlagSpec] = [
        FlagSpec("chunk-size", .int, default: "500", usage: "List in chunks of this size (no effect on the local store)."),
        FlagSpec("delete-emptydir-data", .bool, usage: "Evict pods that use emptyDir volumes (their data is lost)."),
        FlagSpec("disable-eviction", .bool, usage: "Delete pods instead of evicting them."),
        CommonFlags.dryRun,
        FlagSpec("force", .bool, usage: "Also evict pods that no controller manages."),
        FlagSpec("grace-period", .int, default: "-1", usage: "Seconds each pod gets to terminate."),
        FlagSpec("ignore-daemonsets", .bool, usage: "Leave DaemonSet-managed pods alone."),
        FlagSpec("pod-selector", .string, usage: "Only evict pods matching this label selector."),
        CommonFlags.selector,
        FlagSpec("skip-wait-for-delete-timeout", .int, usage: "Skip waiting for pods deleted longer ago than this."),
        FlagSpec("timeout", .duration, default: "0s", usage: "How long to wait before giving up."),
    ]

    static func drain(_ inv: inout Invocation) throws {
        let dryRun = try DryRun.from(inv)
        let printer = OperationPrinter(format: nil, dryRun: dryRun)
        let nodes = try nodes(&inv, command: "drain")
        try setSchedulable(nodes, unschedulable: true, dryRun: dryRun, inv: &inv)
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod") else { return }
        let force = inv.flags.bool("force"), ignoreDS = inv.flags.bool("ignore-daemonsets")
        let emptyDir = inv.flags.bool("delete-emptydir-data")
        let podSelector = try parseLabelSelector(inv.flags.string("pod-selector"))
        var pending: [String] = []
        var failures: [String] = []
        for node in nodes {
            let nodeName = node["metadata"]["name"].string ?? ""
            let pods = try server.read { try $0.list(podType, namespace: nil) }.filter {
                $0["spec"]["nodeName"].string == nodeName
                    && (podSelector?.matches(Dictionary($0["metadata"]["labels"].stringMap, uniquingKeysWith: { $1 })) ?? true)
            }
            var dsPods: [String] = [], unmanaged: [String] = [], local: [String] = []
            var evict: [JSONValue] = []
            for pod in pods {
                let id = "\(pod["metadata"]["namespace"].string ?? "")/\(pod["metadata"]["name"].string ?? "")"
                if pod["metadata"]["annotations"]["kubernetes.io/config.mirror"].string != nil { continue }
                let phase = pod["status"]["phase"].string ?? ""
                let finished = phase == "Succeeded" || phase == "Failed"
                let controller = (pod["metadata"]["ownerReferences"].array ?? []).first { $0["controller"].bool == true }
                if let c = controller, c["kind"].string == "DaemonSet" {
                    dsPods.append(id)
                    continue
                }
                if controller == nil && !finished {
                    unmanaged.append(id)
                    if !force { continue }
                }
                let usesEmptyDir = (pod["spec"]["volumes"].array ?? []).contains { !$0["emptyDir"].isNull }
                if usesEmptyDir && !finished && !emptyDir {
                    local.append(id)
                    continue
                }
                evict.append(pod)
            }
            var errs: [String] = []
            if !dsPods.isEmpty && !ignoreDS {
                errs.append("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): " + dsPods.joined(separator: ", "))
            }
            if !unmanaged.isEmpty && !force {
                errs.append("cannot delete Pods declare no controller (use --force to override): " + unmanaged.joined(separator: ", "))
            }
            if !local.isEmpty {
                errs.append("cannot delete Pods with local storage (use --delete-emptydir-data to override): " + local.joined(separator: ", "))
            }
            if !errs.isEmpty {
                let joined = errs.count == 1 ? errs[0] : "[" + errs.joined(separator: ", ") + "]"
                inv.io.err.write("error: unable to drain node \(goQuoted(nodeName)) due to error: \(joined), continuing command...\n")
                pending.append(nodeName)
                failures += errs
                continue
            }
            var warnings: [String] = []
            if !dsPods.isEmpty { warnings.append("ignoring DaemonSet-managed Pods: " + dsPods.joined(separator: ", ")) }
            if !unmanaged.isEmpty { warnings.append("deleting Pods that declare no controller: " + unmanaged.joined(separator: ", ")) }
            if !warnings.isEmpty { inv.warn(warnings.joined(separator: "; ")) }
            let targets = evict.map { DrainEviction.Target(namespace: $0["metadata"]["namespace"].string ?? "",
                                                           name: $0["metadata"]["name"].string ?? "") }
            if dryRun == .client {
                for t in targets { printer.print(name: "pod/\(t.name)", operation: "evicted", inv: inv) }
            } else {
                let errs = try DrainEviction.run(targets, inv: &inv, server: server, dryRun: dryRun) { name, usingEviction, inv in
                    printer.print(name: "pod/\(name)", operation: usingEviction ? "evicted" : "deleted", inv: inv)
                }
                if !errs.isEmpty {
                    try DrainEviction.reportPending(errs, node: nodeName, targets: targets, server: server, podType: podType, inv: &inv)
                    pending.append(nodeName)
                    failures += errs
                    continue
                }
            }
            printer.print(name: "node/\(nodeName)", operation: "drained", inv: inv)
        }
        if !pending.isEmpty {
            inv.io.err.write("There are pending nodes to be drained:\n")
            for n in pending { inv.io.err.write(" \(n)\n") }
            let text = failures.count == 1 ? failures[0] : "[" + failures.joined(separator: ", ") + "]"
            throw CLIError.message(text)
        }
    }
}
