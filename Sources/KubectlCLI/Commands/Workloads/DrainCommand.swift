import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// drain's options: cordon the nodes, then evict (or with `--disable-eviction` delete) their pods,
/// refusing as kubectl refuses (DaemonSet pods, pods without a controller, pods with emptyDir data)
/// unless the matching flag allows it. A node that cannot be drained is reported and the others go on.
struct DrainOptions: FlagOptions {
    var names: [String] = []
    var selector = ""
    var dryRunText = ""
    var dryRun = DryRun.none
    var force = false
    var ignoreDaemonSets = false
    var deleteEmptyDirData = false
    var podSelectorText = ""
    var podSelector: LabelSelector?
    var disableEviction = false
    var timeout = DurationFlag()
    var timeoutNanoseconds: Int64 { timeout.nanoseconds ?? 0 }
    /// Accepted, no effect offline (README, help): pods go at once and the store is not read in chunks.
    var gracePeriod = -1
    var chunkSize = 500
    /// Seconds after which a pod still terminating is not waited for any longer (0: wait for every pod).
    var skipWaitForDeleteTimeout = 0

    static var flags: [OptionFlag<Self>] {
        [.init(\.chunkSize, "chunk-size", default: "500", usage: "List in chunks of this size (no effect on the local store)."),
         .init(\.deleteEmptyDirData, "delete-emptydir-data", usage: "Evict pods that use emptyDir volumes (their data is lost)."),
         .init(\.disableEviction, "disable-eviction", usage: "Delete pods instead of evicting them."),
         .init(\.dryRunText, CommonFlags.dryRun),
         .init(\.force, "force", usage: "Also evict pods that no controller manages."),
         .init(\.gracePeriod, "grace-period", default: "-1", usage: "Seconds each pod gets to terminate. No effect offline: pods go at once."),
         .init(\.ignoreDaemonSets, "ignore-daemonsets", usage: "Leave DaemonSet-managed pods alone."),
         .init(\.podSelectorText, "pod-selector", usage: "Only evict pods matching this label selector."),
         .init(\.selector, CommonFlags.selector),
         .init(\.skipWaitForDeleteTimeout, "skip-wait-for-delete-timeout",
               usage: "Stop waiting for a pod whose deletion began more than this many seconds ago (0: always wait)."),
         .init(\.timeout, "timeout", default: "0s", usage: "How long to wait before giving up.")]
    }

    /// kubectl's order: a node is required, then the dry-run strategy, then the pod selector.
    mutating func complete(_ inv: inout Invocation) throws {
        names = inv.args
        if names.isEmpty && selector.isEmpty { throw CLIError.usage("USAGE: drain NODE [flags]") }
        if !names.isEmpty && !selector.isEmpty { throw CLIError.usage("cannot specify both a node name and a --selector option") }
        dryRun = try DryRun.parse(dryRunText, inv)
        do { podSelector = try parseLabelSelector(podSelectorText) } catch {
            throw CLIError.message("--pod-selector=<pod_selector> must be a valid label selector")
        }
    }

    /// The pods of a node sorted into kubectl's groups: DaemonSet-managed, without a controller, with
    /// local (emptyDir) data, and those to evict (`namespace/name` ids).
    struct PodGroups {
        var daemonSet: [String] = [], unmanaged: [String] = [], local: [String] = []
        var evict: [JSONValue] = []
    }

    func classify(_ pods: [JSONValue]) -> PodGroups {
        var g = PodGroups()
        for pod in pods {
            let id = "\(pod["metadata"]["namespace"].string ?? "")/\(pod["metadata"]["name"].string ?? "")"
            if pod["metadata"]["annotations"]["kubernetes.io/config.mirror"].string != nil { continue }
            let phase = pod["status"]["phase"].string ?? ""
            let finished = phase == "Succeeded" || phase == "Failed"
            let controller = (pod["metadata"]["ownerReferences"].array ?? []).first { $0["controller"].bool == true }
            if let c = controller, c["kind"].string == "DaemonSet" {
                g.daemonSet.append(id)
                continue
            }
            if controller == nil && !finished {
                g.unmanaged.append(id)
                if !force { continue }
            }
            let usesEmptyDir = (pod["spec"]["volumes"].array ?? []).contains { !$0["emptyDir"].isNull }
            if usesEmptyDir && !finished && !deleteEmptyDirData {
                g.local.append(id)
                continue
            }
            g.evict.append(pod)
        }
        return g
    }

    /// kubectl's refusals for a node's pods (empty: the node can be drained). v1.32's message for pods
    /// without a controller already starts with "cannot delete", and drain prefixes it again.
    func refusals(_ g: PodGroups) -> [String] {
        var errs: [String] = []
        if !g.daemonSet.isEmpty && !ignoreDaemonSets {
            errs.append("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): " + g.daemonSet.joined(separator: ", "))
        }
        if !g.unmanaged.isEmpty && !force {
            errs.append("cannot delete cannot delete Pods that declare no controller (use --force to override): " + g.unmanaged.joined(separator: ", "))
        }
        if !g.local.isEmpty {
            errs.append("cannot delete Pods with local storage (use --delete-emptydir-data to override): " + g.local.joined(separator: ", "))
        }
        return errs
    }

    func run(_ inv: inout Invocation) throws {
        let printer = OperationPrinter(format: nil, dryRun: dryRun)
        let nodes = try NodeCommands.nodes(&inv, names: names, selector: selector, command: "drain")
        try NodeCommands.setSchedulable(nodes, unschedulable: true, dryRun: dryRun, inv: &inv)
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod") else { return }
        var pending: [String] = []
        var failures: [(errors: [String], refused: Bool)] = []
        for node in nodes {
            let nodeName = node["metadata"]["name"].string ?? ""
            let result = try drainNode(nodeName, podType: podType, server: server, printer: printer, inv: &inv)
            if !result.errors.isEmpty {
                pending.append(nodeName)
                failures.append(result)
                continue
            }
            printer.print(name: "node/\(nodeName)", operation: "drained", inv: inv)
        }
        if !pending.isEmpty {
            inv.io.err.write("There are pending nodes to be drained:\n")
            for n in pending { inv.io.err.write(" \(n)\n") }
            // kubectl returns an aggregate of each node's error: one node's is printed as it is (the pod
            // filters' refusals are an aggregate: a line each, without "error: "); several nodes' errors
            // are a line each.
            func text(_ errs: [String]) -> String { errs.count == 1 ? errs[0] : "[" + errs.joined(separator: ", ") + "]" }
            if failures.count == 1 {
                if failures[0].refused {
                    if failures[0].errors.count == 1 { throw CLIError.raw(failures[0].errors[0]) }
                    throw CLIError.aggregate(failures[0].errors.map { CLIError.message($0) })
                }
                throw CLIError.message(text(failures[0].errors))
            }
            throw CLIError.aggregate(failures.map { CLIError.message(text($0.errors)) })
        }
    }

    /// Evicts the pods of one node; returns the errors that leave it pending, and whether they are the
    /// pod filters' refusals (kubectl's aggregate, printed a line each without "error: ").
    func drainNode(_ nodeName: String, podType: ResourceType, server: APIServer, printer: OperationPrinter,
                   inv: inout Invocation) throws -> (errors: [String], refused: Bool)
    {
        let pods = try server.read { try $0.list(podType, namespace: nil) }.filter {
            $0["spec"]["nodeName"].string == nodeName
                && (podSelector?.matches(Dictionary($0["metadata"]["labels"].stringMap, uniquingKeysWith: { $1 })) ?? true)
        }
        let groups = classify(pods)
        let errs = refusals(groups)
        if !errs.isEmpty {
            let joined = errs.count == 1 ? errs[0] : "[" + errs.joined(separator: ", ") + "]"
            inv.io.err.write("error: unable to drain node \(goQuoted(nodeName)) due to error: \(joined), continuing command...\n")
            return (errs, true)
        }
        var warnings: [String] = []
        if !groups.daemonSet.isEmpty { warnings.append("ignoring DaemonSet-managed Pods: " + groups.daemonSet.joined(separator: ", ")) }
        if !groups.unmanaged.isEmpty { warnings.append("deleting Pods that declare no controller: " + groups.unmanaged.joined(separator: ", ")) }
        if !warnings.isEmpty { inv.warn(warnings.joined(separator: "; ")) }
        let targets = groups.evict.map { DrainEviction.Target(namespace: $0["metadata"]["namespace"].string ?? "",
                                                              name: $0["metadata"]["name"].string ?? "",
                                                              uid: $0["metadata"]["uid"].string ?? "") }
        if dryRun == .client {
            for t in targets { inv.io.out.write("evicting pod \(t.namespace)/\(t.name) (dry run)\n") }
            return ([], false)
        }
        let eviction = DrainEviction(useEviction: !disableEviction, timeout: timeoutNanoseconds,
                                     skipWaitForDeleteTimeout: skipWaitForDeleteTimeout, dryRun: dryRun, server: server) { name, usingEviction, inv in
            printer.print(name: "pod/\(name)", operation: usingEviction ? "evicted" : "deleted", inv: inv)
        }
        let failed = try eviction.run(targets, inv: &inv)
        if !failed.isEmpty {
            try DrainEviction.reportPending(failed, node: nodeName, targets: targets, server: server, podType: podType, inv: &inv)
        }
        return (failed, false)
    }
}
