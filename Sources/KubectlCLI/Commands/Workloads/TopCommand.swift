import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl top pod|node`. There is no metrics server: the figures follow `SimulatedUsage` (the rule the
/// HPA controller scales on), for running pods only; a node's usage is the sum over the running pods
/// scheduled on it.
enum TopCommand {
    static let spec = CommandSpec(
        "top", use: "top [flags]", short: "Show CPU and memory figures of pods and nodes",
        subcommands: [
            CommandSpec("pod", aliases: ["pods", "po"], use: "pod [NAME | -l label]", short: "Show CPU and memory figures per pod",
                        options: TopPodOptions.self),
            CommandSpec("node", aliases: ["nodes", "no"], use: "node [NAME | -l label]", short: "Show CPU and memory figures per node",
                        options: TopNodeOptions.self),
        ],
        group: "Cluster Management Commands:")

    static let useProtocolBuffers = FlagSpec("use-protocol-buffers", .bool, default: "true",
                                             usage: "Wire format for the metrics API. No effect offline: figures are computed locally.")

    static func containerUsage(_ c: JSONValue) -> (cpuMilli: Int64, memBytes: Int64) { SimulatedUsage.container(c) }

    static func podUsage(_ pod: JSONValue) -> (Int64, Int64) {
        var cpu: Int64 = 0, mem: Int64 = 0
        for c in pod["spec"]["containers"].array ?? [] {
            let u = containerUsage(c)
            cpu = cpu.saturatingAdding(u.cpuMilli)
            mem = mem.saturatingAdding(u.memBytes)
        }
        return (cpu, mem)
    }

    static func running(_ pods: [JSONValue]) -> [JSONValue] { pods.filter { $0["status"]["phase"].string == "Running" } }

    /// top parses its selectors itself before asking for metrics: errors read `error: ...`.
    static func checkSelectors(label: String, field: String) throws {
        do {
            if !label.isEmpty { _ = try LabelSelector.parse(label) }
            if !field.isEmpty { _ = try FieldSelector.parse(field) }
        } catch {
            throw CLIError.message("\(error)")
        }
    }

    /// One running pod's figures: what the table needs, without the pod.
    struct PodFigures {
        var namespace: String, name: String, cpu: Int64, mem: Int64
        var containers: [(name: String, cpu: Int64, mem: Int64)]

        init(_ pod: JSONValue, containers keep: Bool) {
            namespace = pod["metadata"]["namespace"].string ?? ""
            name = pod["metadata"]["name"].string ?? ""
            (cpu, mem) = podUsage(pod)
            containers = keep ? (pod["spec"]["containers"].array ?? []).map { c in
                let u = containerUsage(c)
                return (c["name"].string ?? "", u.cpuMilli, u.memBytes)
            } : []
        }
    }

    static func pods(_ inv: inout Invocation, _ o: TopPodOptions) throws {
        let sortBy = try sortKey(o.sortBy)
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod") else { return }
        let allNS = o.allNamespaces
        let namespace = try inv.namespace()
        let labels = try parseLabelSelectorClientSide(o.selector)
        let fields = try parseFieldSelector(o.fieldSelector)
        var figures: [PodFigures] = []
        if let name = inv.args.first {
            // One pod: read by its key (across namespaces: the first of that name).
            var pod = allNS ? nil : try server.read { try $0.find(podType, namespace: namespace, name: name) }
            if allNS { pod = try server.read { try $0.list(podType, namespace: nil) }.first { $0["metadata"]["name"].string == name } }
            // The metrics API answers for running pods only; its NotFound names namespace/name.
            guard let pod, pod["status"]["phase"].string == "Running" else {
                throw CLIError.api(APIError.notFound("podmetrics.metrics.k8s.io", "\(namespace)/\(name)"))
            }
            if fields.map({ fs in fs.matches { podType.fieldValue($0, of: pod) } }) ?? true {
                figures = [PodFigures(pod, containers: o.containers)]
            }
        } else {
            figures = try runningPods(server, podType, namespace: allNS ? nil : namespace, labels: labels,
                                      fieldSelector: o.fieldSelector, containers: o.containers)
        }
        if figures.isEmpty {
            // kubectl's verifyEmptyMetrics: the pods of the namespace (its own, even with -A) that match
            // the selectors, when there are some, are why there are no metrics.
            if inv.args.isEmpty {
                var pods = try server.read { try $0.list(podType, namespace: namespace) }
                if let labels { pods = pods.filter { labels.matches(Dictionary($0["metadata"]["labels"].stringMap, uniquingKeysWith: { $1 })) } }
                if let fields { pods = pods.filter { pod in fields.matches { podType.fieldValue($0, of: pod) } } }
                if !pods.isEmpty { throw noMetrics(pods, now: inv.clock.now) }
            }
            inv.io.err.write(allNS ? "No resources found\n" : "No resources found in \(namespace) namespace.\n")
            return
        }
        inv.io.out.write(podTable(figures, sortBy: sortBy, allNamespaces: allNS, containers: o.containers,
                                  headers: !o.noHeaders, sum: o.sum))
    }

    /// Why pods have no metrics (kubectl's checkPodAge): the first pod older than the metrics server's
    /// 2-minute delay names itself with its age as Go's Duration prints it; younger pods are not ready yet.
    static func noMetrics(_ pods: [JSONValue], now: Timestamp) -> CLIError {
        for pod in pods {
            let created = Timestamp(rfc3339: pod["metadata"]["creationTimestamp"].string ?? "")?.seconds ?? now.seconds
            let age = now.seconds - created
            if age > 120 {
                let ns = pod["metadata"]["namespace"].string ?? "", name = pod["metadata"]["name"].string ?? ""
                return CLIError.message("Metrics not available for pod \(ns)/\(name), age: \(GoDuration(nanoseconds: age &* 1_000_000_000).description)")
            }
        }
        return CLIError.message("metrics not available yet")
    }

    /// The running pods that match the selectors, read one at a time through the store's indexes
    /// (phase, labels, indexed fields) where they answer the selectors, else from the whole list.
    static func runningPods(_ server: APIServer, _ podType: ResourceType, namespace: String?, labels: LabelSelector?,
                            fieldSelector: String, containers: Bool) throws -> [PodFigures] {
        let fields = try parseFieldSelector(fieldSelector)
        let runningOnly = try FieldSelector.parse((fieldSelector.isEmpty ? "" : fieldSelector + ",") + "status.phase=Running")
        if let query = ListQuery(type: podType, namespace: namespace, labelSelector: labels, fieldSelector: runningOnly) {
            var figures: [PodFigures] = []
            try server.read { s in
                try s.forEach(query, full: true) { row in figures.append(PodFigures(try JSON.parse(row.data), containers: containers)) }
            }
            return figures
        }
        var pods = try server.read { try $0.list(podType, namespace: namespace) }
        if let labels { pods = pods.filter { labels.matches(Dictionary($0["metadata"]["labels"].stringMap, uniquingKeysWith: { $1 })) } }
        if let fields { pods = pods.filter { pod in fields.matches { podType.fieldValue($0, of: pod) } } }
        return running(pods).map { PodFigures($0, containers: containers) }
    }

    /// `--sort-by`: cpu or memory (largest first), else by namespace and name.
    static func sortKey(_ sortBy: String) throws -> String {
        guard ["", "cpu", "memory"].contains(sortBy) else { throw CLIError.message("--sort-by accepts only cpu or memory") }
        return sortBy
    }

    /// kubectl's sorters over the metrics in the API's order (namespace, name): `sort.Sort`, so pods
    /// with equal figures end up where Go's pdqsort leaves them (GoSort).
    static func sorted<T>(_ items: [T], by sortBy: String, usage: (T) -> (Int64, Int64), name: (T) -> (String, String)) -> [T] {
        let listed = items.enumerated().sorted { a, b in
            let (x, y) = (name(a.element), name(b.element))
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let figures = listed.map(usage)
        let order = GoSort.permutation(count: listed.count) { i, j in
            switch sortBy {
            case "cpu": return figures[i].0 > figures[j].0
            case "memory": return figures[i].1 > figures[j].1
            default: return false
            }
        }
        return order.map { listed[$0] }
    }

    /// kubectl's pod metrics table: every cell tab-terminated; `--sum` adds a rule and the totals under
    /// the figures (its column count is taken from the header, as kubectl counts it).
    static func podTable(_ pods: [PodFigures], sortBy: String, allNamespaces: Bool, containers: Bool, headers: Bool, sum: Bool) -> String {
        var tw = TabWriter(minWidth: 6, padding: 3)  // kubectl's GetNewTabWriter
        var columns = 3
        if headers {
            var header: [String] = allNamespaces ? ["NAMESPACE"] : []
            header += containers ? ["POD", "NAME", "CPU(cores)", "MEMORY(bytes)"] : ["NAME", "CPU(cores)", "MEMORY(bytes)"]
            columns = header.count
            tw.write(header.map { $0 + "\t" }.joined() + "\n")
        }
        let ordered = sorted(pods, by: sortBy, usage: { ($0.cpu, $0.mem) }) { (allNamespaces ? $0.namespace : "", $0.name) }
        func line(_ cells: [String]) { tw.write(cells.map { $0 + "\t" }.joined() + "\n") }
        var total: (Int64, Int64) = (0, 0)
        for p in ordered {
            let prefix = allNamespaces ? [p.namespace] : []
            let name = p.name
            let (cpu, mem) = (p.cpu, p.mem)
            total = (total.0.saturatingAdding(cpu), total.1.saturatingAdding(mem))
            if containers {
                for c in sorted(p.containers, by: sortBy, usage: { ($0.cpu, $0.mem) }, name: { ("", $0.name) }) {
                    line(prefix + [name, c.name, "\(c.cpu)m", "\(c.mem / (1024 * 1024))Mi"])
                }
            } else {
                line(prefix + [name, "\(cpu)m", "\(mem / (1024 * 1024))Mi"])
            }
        }
        if sum {
            line(Array(repeating: "", count: max(0, columns - 2)) + ["________", "________"])
            line(Array(repeating: "", count: max(0, columns - 3)) + ["", "\(total.0)m", "\(total.1 / (1024 * 1024))Mi"])
        }
        return tw.flush()
    }

    static func nodes(_ inv: inout Invocation, _ o: TopNodeOptions) throws {
        let sortBy = try sortKey(o.sortBy)
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod"),
              let nodeType = server.registry.type(group: "", kind: "Node") else { return }
        var nodes = try server.read { try $0.list(nodeType, namespace: nil) }
        if let sel = try parseLabelSelectorClientSide(o.selector) {
            nodes = nodes.filter { sel.matches(Dictionary($0["metadata"]["labels"].stringMap, uniquingKeysWith: { $1 })) }
        }
        if let name = inv.args.first {
            nodes = nodes.filter { $0["metadata"]["name"].string == name }
            if nodes.isEmpty { throw CLIError.api(APIError.notFound("nodes", name)) }
        }
        let pods = running(try server.read { try $0.list(podType, namespace: nil) })
        var tw = TabWriter(minWidth: 6, padding: 3)  // kubectl's GetNewTabWriter
        if !o.noHeaders { tw.write("NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n") }
        let field = o.showCapacity ? "capacity" : "allocatable"
        func usage(_ n: JSONValue) -> (Int64, Int64) {
            var cpu: Int64 = 0, mem: Int64 = 0
            for p in pods where p["spec"]["nodeName"].string == n["metadata"]["name"].string {
                let u = podUsage(p)
                cpu = cpu.saturatingAdding(u.0)
                mem = mem.saturatingAdding(u.1)
            }
            return (cpu, mem)
        }
        for n in sorted(nodes, by: sortBy, usage: usage, name: { ("", $0["metadata"]["name"].string ?? "") }) {
            let name = n["metadata"]["name"].string ?? ""
            let (cpu, mem) = usage(n)
            let cpuCap = (try? KubeModel.Quantity.parse(json: n["status"][field]["cpu"]))?.milliValue ?? 0
            let memCap = (try? KubeModel.Quantity.parse(json: n["status"][field]["memory"]))?.value ?? 0
            let cpuPct = cpuCap > 0 ? (cpu &* 100) / cpuCap : 0  // int64 wraps as in Go, never traps
            let memPct = memCap > 0 ? (mem &* 100) / memCap : 0
            tw.write("\(name)\t\(cpu)m\t\(cpuPct)%\t\(mem / (1024 * 1024))Mi\t\(memPct)%\t\n")
        }
        inv.io.out.write(tw.flush())
    }
}

/// `top pod`'s options.
struct TopPodOptions: FlagOptions {
    var allNamespaces = false, containers = false, noHeaders = false, sum = false
    var fieldSelector = "", selector = "", sortBy = ""
    /// Accepted, no effect offline (README, help): the figures are computed locally.
    var useProtocolBuffers = true

    static var flags: [OptionFlag<Self>] {
        [.init(\.allNamespaces, CommonFlags.allNamespaces),
         .init(\.containers, "containers", usage: "Per-container usage."),
         .init(\.fieldSelector, CommonFlags.fieldSelector),
         .init(\.noHeaders, "no-headers", usage: "Omit the header line."),
         .init(\.selector, CommonFlags.selector),
         .init(\.sortBy, "sort-by", usage: "Sort by cpu or memory."),
         .init(\.useProtocolBuffers, TopCommand.useProtocolBuffers),
         .init(\.sum, "sum", usage: "Add a line with the totals of the CPU and memory columns.")]
    }

    /// kubectl's order: --sort-by, a name with a selector, then the selectors parsed (client-side errors).
    func validate(_ inv: Invocation) throws {
        _ = try TopCommand.sortKey(sortBy)
        if !inv.args.isEmpty && (!selector.isEmpty || !fieldSelector.isEmpty) {
            throw CLIError.message("only one of NAME or selector can be provided")
        }
        try TopCommand.checkSelectors(label: selector, field: fieldSelector)
    }

    /// kubectl's Complete: at most one NAME, or the usage line.
    mutating func complete(_ inv: inout Invocation) throws {
        if inv.args.count > 1 { throw CLIError.usage("pod [NAME | -l label]") }
    }

    func run(_ inv: inout Invocation) throws { try TopCommand.pods(&inv, self) }
}

/// `top node`'s options.
struct TopNodeOptions: FlagOptions {
    var noHeaders = false, showCapacity = false
    var selector = "", sortBy = ""
    /// Accepted, no effect offline (README, help): the figures are computed locally.
    var useProtocolBuffers = true

    static var flags: [OptionFlag<Self>] {
        [.init(\.noHeaders, "no-headers", usage: "Omit the header line."),
         .init(\.selector, CommonFlags.selector),
         .init(\.showCapacity, "show-capacity", usage: "Percentages of capacity instead of allocatable."),
         .init(\.sortBy, "sort-by", usage: "Sort by cpu or memory."),
         .init(\.useProtocolBuffers, TopCommand.useProtocolBuffers)]
    }

    func validate(_ inv: Invocation) throws {
        _ = try TopCommand.sortKey(sortBy)
        if !inv.args.isEmpty && !selector.isEmpty { throw CLIError.message("only one of NAME or --selector can be provided") }
        try TopCommand.checkSelectors(label: selector, field: "")
    }

    /// kubectl's Complete: at most one NAME, or the usage line.
    mutating func complete(_ inv: inout Invocation) throws {
        if inv.args.count > 1 { throw CLIError.usage("node [NAME | -l label]") }
    }

    func run(_ inv: inout Invocation) throws { try TopCommand.nodes(&inv, self) }
}
