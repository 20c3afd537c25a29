#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry
import KubeSchema

/// `kubectl cluster-info` (the control plane's address and the cluster services, as kubectl prints
/// them for a kind cluster) and `cluster-info dump`. kubectl-local's "server" is the store itself:
/// the address printed is the cluster server of `config view` (`local://<store path>`).
enum ClusterInfoCommand {
    static let spec: CommandSpec = {
        var s = CommandSpec(
        "cluster-info", use: "cluster-info [flags]",
        short: "Show where the control plane and the cluster services are",
        long: "Shows the address of the control plane and of the services labelled\nkubernetes.io/cluster-service=true. For everything else, see 'kubectl cluster-info dump'.",
        example: "# Addresses of the control plane and the cluster services\nkubectl cluster-info",
        group: "Cluster Management Commands:",
        options: ClusterInfoOptions.self)
        s.subcommands = [dumpSpec]
        return s
    }()

    static let dumpSpec = CommandSpec(
        "dump", use: "dump [flags]",
        short: "Write the cluster's state out for troubleshooting",
        long: """
            Writes nodes, and for each chosen namespace its events, replication controllers, services, daemon
            sets, deployments, replica sets and pods, to standard output or to files under --output-directory.
            The current namespace and kube-system are dumped unless --namespaces or --all-namespaces says
            otherwise. Container logs have no place to come from offline: each pod's log section says so.
            """,
        example: """
            # The state of the current namespace and kube-system, to standard output
            kubectl cluster-info dump

            # Into a directory tree (one file per kind and namespace)
            kubectl cluster-info dump --output-directory=/tmp/cluster-state

            # Every namespace
            kubectl cluster-info dump -A

            # Two namespaces into a directory
            kubectl cluster-info dump --namespaces default,kube-system --output-directory=/tmp/cluster-state
            """,
        options: ClusterInfoDumpOptions.self)

    /// The address `config view` gives the active cluster (`local://<store>` when it names none).
    static func serverURL(_ inv: Invocation) throws -> String {
        let active = try inv.activeContext()
        let server = try inv.kubeconfig().entry(.clusters, active.clusterName)?.fields["server"]?.string ?? ""
        return server.isEmpty ? "local://" + active.storePath : server
    }
}

struct ClusterInfoOptions: FlagOptions {
    var namespace = ""
    var host = ""

    static var flags: [OptionFlag<Self>] { [] }

    mutating func complete(_ inv: inout Invocation) throws {
        namespace = inv.flags.isSet("namespace") && !inv.flags.string("namespace").isEmpty ? inv.flags.string("namespace") : "kube-system"
        host = try ClusterInfoCommand.serverURL(inv)
    }

    func run(_ inv: inout Invocation) throws {
        guard let type = inv.registry.type(group: "", plural: "services") else { return }
        let selector = try LabelSelector.parse("kubernetes.io/cluster-service=true")
        let services = try inv.server().read { s in
            try s.rows(type, namespace: namespace, labels: selector.indexRequirements ?? []).map { try JSON.parse($0.data) }
        }
        let color = inv.io.out.isTerminal
        printService(&inv, "Kubernetes control plane", host, color: color)
        for svc in services { printService(&inv, displayName(svc), link(svc), color: color) }
        inv.io.out.write("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n")
    }

    /// A load balancer's first ingress (every port), else the API server's service proxy path.
    func link(_ svc: JSONValue) -> String {
        let ports = svc["spec"]["ports"].array ?? []
        if let ingress = svc["status"]["loadBalancer"]["ingress"].array?.first {
            let ip = nonEmpty(ingress["ip"].string ?? "") ?? ingress["hostname"].string ?? ""
            return ports.map { "http://\(ip):\($0["port"].int ?? 0) " }.joined()
        }
        let name = svc["metadata"]["name"].string ?? ""
        var target = name
        if let port = ports.first {
            let portName = port["name"].string ?? ""
            let scheme = portName == "https" || port["port"].int == 443 ? "https" : ""
            // apimachinery's JoinSchemeNamePort: scheme:name:port, dropping empty parts at the ends.
            target = scheme.isEmpty ? (portName.isEmpty ? name : "\(name):\(portName)") : "\(scheme):\(name):\(portName)"
        }
        return "\(host)/api/v1/namespaces/\(svc["metadata"]["namespace"].string ?? "")/services/\(target)/proxy"
    }

    func displayName(_ svc: JSONValue) -> String {
        nonEmpty(svc["metadata"]["labels"]["kubernetes.io/name"].string ?? "") ?? svc["metadata"]["name"].string ?? ""
    }

    /// The name in green and the address in yellow on a terminal, as kubectl's colortext does.
    func printService(_ inv: inout Invocation, _ name: String, _ link: String, color: Bool) {
        let (green, yellow, reset) = color ? ("\u{1B}[0;32m", "\u{1B}[0;33m", "\u{1B}[0m") : ("", "", "")
        inv.io.out.write("\(green)\(name)\(reset) is running at \(yellow)\(link)\(reset)\n")
    }
}

/// `cluster-info dump`: each list as the API server returns it (items without kind/apiVersion),
/// printed as kubectl's typed lists are; one `logs.txt` per pod stating that there are no logs.
struct ClusterInfoDumpOptions: FlagOptions {
    var namespaces: [String] = []
    var outputDir = ""
    var format = OutputFormat.json
    var printFlags = PrintFlags()
    var showManagedFields: Bool { printFlags.showManagedFields }
    var allNamespaces = false
    /// Accepted, no effect offline (README, help): there are no container logs to wait for.
    var podRunningTimeout = DurationFlag()

    static var flags: [OptionFlag<Self>] {
        var printing = CommonFlags.output(tables: false)
        printing[0].defaultValue = "json"
        return [
            .printing(\.printFlags, printing),
            .init(\.allNamespaces, CommonFlags.allNamespaces),
            .init(\.namespaces, "namespaces", usage: "Namespaces to dump (comma separated)."),
            .init(\.outputDir, "output-directory", usage: "Directory to write the files into; empty or '-' writes to standard output."),
            .init(\.podRunningTimeout, "pod-running-timeout", default: "20s",
                  usage: "How long to wait for a pod to run. No effect offline: there are no logs to wait for."),
        ]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        // kubectl's PrintFlags: `--template` without an explicit `-o` means go-template (the default
        // `json` is no choice).
        if !printFlags.template.isEmpty && !inv.flags.isSet("output") { printFlags.output = "go-template" }
        format = try printFlags.format() ?? .json
        if let ns = podRunningTimeout.nanoseconds, ns <= 0 { throw CLIError.message("--pod-running-timeout must be higher than zero") }
        let explicit = namespaces
        if allNamespaces {
            namespaces = []
        } else if !explicit.isEmpty {
            namespaces = explicit
        } else {
            namespaces = ["kube-system", try inv.namespace()]
        }
        if allNamespaces, let nsType = inv.registry.type(group: "", plural: "namespaces") {
            namespaces = try inv.server().read { s in try s.rows(nsType, namespace: nil).map(\.name) }
        }
    }

    var fileExtension: String {
        switch format {
        case .json: return ".json"
        case .yaml: return ".yaml"
        default: return ".txt"
        }
    }

    static let kinds: [(file: String, group: String, plural: String, kind: String, apiVersion: String)] = [
        ("events", "", "events", "EventList", "v1"),
        ("replication-controllers", "", "replicationcontrollers", "ReplicationControllerList", "v1"),
        ("services", "", "services", "ServiceList", "v1"),
        ("daemonsets", "apps", "daemonsets", "DaemonSetList", "apps/v1"),
        ("deployments", "apps", "deployments", "DeploymentList", "apps/v1"),
        ("replicasets", "apps", "replicasets", "ReplicaSetList", "apps/v1"),
        ("pods", "", "pods", "PodList", "v1"),
    ]

    func run(_ inv: inout Invocation) throws {
        let server = try inv.server()
        var printed = 0
        let node = try PodLogAnswer.nodeLookup(inv)
        try emit(&inv, file: "nodes", list: try list(server, inv, group: "", plural: "nodes", namespace: nil, kind: "NodeList", apiVersion: "v1"),
                 printed: &printed)
        for ns in namespaces {
            var pods: [JSONValue] = []
            for k in Self.kinds {
                let l = try list(server, inv, group: k.group, plural: k.plural, namespace: ns, kind: k.kind, apiVersion: k.apiVersion)
                try emit(&inv, file: ns + "/" + k.file, list: l, printed: &printed)
                if k.plural == "pods" { pods = l["items"].array ?? [] }
            }
            for pod in pods { try writeLogs(&inv, pod, namespace: ns, node: node) }
        }
        if !outputDir.isEmpty && outputDir != "-" { inv.io.out.write("Cluster info dumped to \(outputDir)\n") }
    }

    func list(_ server: APIServer, _ inv: Invocation, group: String, plural: String, namespace: String?, kind: String,
              apiVersion: String) throws -> JSONValue
    {
        guard let type = inv.registry.type(group: group, plural: plural) else { return .null }
        // kubectl decodes each list into its Go type: items come out in the types' field order.
        let def = SchemaIndex.builtin.definition(apiVersion: apiVersion, kind: String(kind.dropLast(4)))
        let (rv, items) = try server.read { s in
            (try s.currentResourceVersion(), try s.rows(type, namespace: namespace).map { row -> JSONValue in
                var o = try JSON.parse(row.data)
                if let def { o = GoFieldOrder.ordered(o, type: .ref(def.name)) }
                o.remove(["kind"])
                o.remove(["apiVersion"])
                // Only kubectl's JSON and YAML printers leave managed fields out; templates see them.
                return showManagedFields || !(format == .json || format == .yaml) ? o : ObjectPrinter.stripManagedFields(o)
            })
        }
        return .object(JSONObject([("kind", .string(kind)), ("apiVersion", .string(apiVersion)),
                                   ("metadata", ["resourceVersion": .string(String(rv))]), ("items", .array(items))]))
    }

    /// Prints one list. kubectl's one YAML printer writes `---` before every list after the first, into
    /// whichever file the list goes to.
    func emit(_ inv: inout Invocation, file: String, list: JSONValue, printed: inout Int) throws {
        var text = ""
        printed += 1
        switch format {
        case .json: text = ObjectPrinter.json(list, sortKeys: false)
        case .yaml:
            text = printed > 1 ? "---\n" : ""
            // kubectl creates the list's file, then its printer refuses the list and the dump stops.
            do { text += try OutputWriter.yaml(list) } catch {
                try write(&inv, file + fileExtension, text)
                throw error
            }
        case .name:
            // kubectl's name printer refuses a list; the dump stops at the first one (the nodes).
            throw CLIError.message("list types are not supported by name printing: *\(list["apiVersion"].string ?? "").\(list["kind"].string ?? "")")
        default:
            var sub = inv
            sub.io = IOStreams(out: OutputStream(), err: inv.io.err, stdin: { [] })
            // A template that fails has printed its debugging text where the list goes; then the dump stops.
            // The lists are typed (kubectl decodes each into its Go list type): raw data keeps field order.
            do { try TemplateOutput.write([list], format: format, typed: true, inv: &sub) } catch {
                try write(&inv, file + fileExtension, sub.io.out.text)
                throw error
            }
            text = sub.io.out.text
        }
        try write(&inv, file + fileExtension, text)
    }

    /// kubectl's log section per container: the cluster's answer where it needs no runtime (a refusal,
    /// an unscheduled pod's empty log); else the request fails, as it would against a node without a
    /// runtime, and says why.
    func writeLogs(_ inv: inout Invocation, _ pod: JSONValue, namespace: String, node: (String) -> PodLogAnswer.Node) throws {
        let name = pod["metadata"]["name"].string ?? ""
        var text = ""
        for c in (pod["spec"]["initContainers"].array ?? []) + (pod["spec"]["containers"].array ?? []) {
            let container = c["name"].string ?? ""
            text += "==== START logs for container \(container) of pod \(namespace)/\(name) ====\n"
            switch PodLogAnswer.answer(pod: pod, container: container, previous: false, node: node) {
            case .refused(let error): text += "Request log error: \(error.message)\n"
            case .empty: break
            case .runtime: text += "Request log error: \(NoRuntimeCommands.noLogs)\n"
            }
            text += "==== END logs for container \(container) of pod \(namespace)/\(name) ====\n"
        }
        try write(&inv, namespace + "/" + name + "/logs.txt", text)
    }

    func write(_ inv: inout Invocation, _ relative: String, _ text: String) throws {
        if outputDir.isEmpty || outputDir == "-" { return inv.io.out.write(text) }
        let path = outputDir + "/" + relative
        try makeDirectories(String(path[..<path.lastIndex(of: "/")!]))
        try CompletionCommand.writeFile(path, text)
    }
}

/// `mkdir -p` (mode 0755).
func makeDirectories(_ path: String) throws {
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
        current += "/" + part
        if mkdir(current, 0o755) != 0 && errno != EEXIST {
            throw CLIError.message("mkdir \(current): \(String(cString: strerror(errno)))")
        }
    }
}
