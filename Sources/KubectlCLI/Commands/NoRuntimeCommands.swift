#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubeRegistry
import KubeSchema

/// Commands that need running containers or a network: kubectl-local has neither, so each says so
/// clearly and fails (exit 1) instead of pretending.
enum NoRuntimeCommands {
    /// A refusing command: its flags are accepted (checked by the parser) and mean nothing offline, so
    /// they are declared here, without fields (`NoRuntimeOptions` reads them all).
    static func refusing(_ name: String, use: String, short: String, flags: [FlagSpec]) -> CommandSpec {
        var spec = CommandSpec(name, use: use, short: short, flags: flags, group: "Troubleshooting and Debugging Commands:",
                               run: { try NoRuntimeOptions.execute(&$0) })
        spec.optionsType = NoRuntimeOptions.self
        return spec
    }

    /// Why `kubectl NAME` cannot run here (nil: the cluster would have answered without a runtime, and did).
    static func refusal(_ inv: Invocation) throws -> CLIError? {
        let name = inv.commandPath.last ?? ""
        if name == "proxy" {
            return .message("kubectl proxy needs an API server to forward requests to, and kubectl-local has none: the cluster is the local store (\(try ClusterInfoCommand.serverURL(inv))), read and written by kubectl-local itself")
        }
        if name == "logs" { return try LogsRequests.answer(inv) ? nil : noRuntime(name) }
        try checkArguments(inv)
        if try checkTarget(inv) { return nil }
        if name == "cp" { try checkCopyPod(inv) }
        return noRuntime(name)
    }

    static func noRuntime(_ name: String) -> CLIError {
        .message("kubectl \(name) needs a running container, and kubectl-local has no container runtime: pods are simulated in the local store and no process runs in them")
    }

    /// Why there are no container logs (cluster-info dump's log sections say it).
    static let noLogs = "kubectl-local has no container runtime: pods are simulated in the local store and no process runs in them, so there are no logs"

    /// kubectl's own argument errors come before anything else.
    static func checkArguments(_ inv: Invocation) throws {
        let args = inv.args
        let afterDash = inv.argsLenAtDash.map { Array(args[$0...]) } ?? []
        let command = inv.commandPath.last ?? ""
        // How long to wait for a pod of a workload: checked where each command's Complete reads it.
        func checkTimeout() throws {
            if (inv.flags.durationNanoseconds("pod-running-timeout") ?? 0) <= 0 {
                throw CLIError.usage("--pod-running-timeout must be higher than zero")
            }
        }
        if command == "attach" { try checkTimeout() }
        switch command {
        case "exec":
            let beforeDash = inv.argsLenAtDash ?? args.count
            if inv.argsLenAtDash == nil && args.count > 1 {
                throw CLIError.usage("exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead")
            }
            try checkTimeout()
            let files = inv.flags.strings("filename")
            if beforeDash == 0 && files.isEmpty { throw CLIError.message("pod, type/name or --filename must be specified") }
            if afterDash.isEmpty { throw CLIError.message("you must specify at least one command for the container") }
            for f in files where f != "-" && access(f, F_OK) != 0 { throw CLIError.message("the path \(strconvQuote(f)) does not exist") }
        case "attach" where args.isEmpty:
            throw CLIError.message("at least 1 argument is required for attach")
        case "attach" where args.count > 2:
            throw CLIError.message("expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw \(args.count): [\(args.joined(separator: " "))]")
        case "port-forward" where args.count < 2:
            throw CLIError.usage("TYPE/NAME and list of ports are required for port-forward")
        case "port-forward":
            try checkTimeout()
        case "cp":
            if args.count != 2 { throw CLIError.message("source and destination are required") }
            try checkCopySpecs(args[0], args[1])
        default:
            break
        }
    }

    /// kubectl reads the object a runtime command names before anything else: a missing one is the
    /// API server's NotFound. True when the command was answered without a runtime.
    static func checkTarget(_ inv: Invocation) throws -> Bool {
        let command = inv.commandPath.last ?? ""
        guard ["exec", "attach", "port-forward"].contains(command) else { return false }
        let beforeDash = inv.argsLenAtDash.map { Array(inv.args[..<$0]) } ?? inv.args
        guard let arg = beforeDash.first, !arg.isEmpty else { return false }
        let server = try inv.server()
        let namespace = try inv.namespace()
        var type: ResourceType
        var name = arg
        if command == "attach" && beforeDash.count == 2 && !arg.contains("/") {
            // attach TYPE NAME
            type = try server.registry.resolve(arg).type
            name = beforeDash[1]
        } else if arg.contains("/") {
            guard let request = try ResourceArgs.parse([arg], registry: server.registry).requests.first,
                  let n = request.names.first else { return false }
            type = request.type
            name = n
        } else {
            guard let pods = server.registry.type(group: "", kind: "Pod") else { return false }
            type = pods
        }
        if let object = try server.read({ try $0.find(type, namespace: namespace, name: name) }) {
            return try checkFound(inv, object, type: type, namespace: namespace)
        }
        // As kubectl v1.32's read: a missing namespace (other than `default`) is the NotFound reported.
        let noNamespace = try server.read { s in ResourceResult.namespaceMissing(type, namespace, session: s) }
        throw noNamespace ? APIError.notFound("namespaces", namespace) : APIError.notFound(type.qualifiedPlural, name)
    }

    /// What kubectl checks of the object it found before it connects: attach's container, port-forward's
    /// ports (named ports looked up in the pod or the service, the pod running, the ports and addresses
    /// parsed). True when the command was answered.
    static func checkFound(_ inv: Invocation, _ object: JSONValue, type: ResourceType, namespace: String) throws -> Bool {
        let command = inv.commandPath.last ?? ""
        let name = object["metadata"]["name"].string ?? ""
        let isService = type.group.isEmpty && type.kind == "Service"
        // A workload or service stands for one of its pods (AttachablePodForObject).
        let attachable = try ObjectPods.attachablePod(object, type, inv, timeout: inv.flags.durationNanoseconds("pod-running-timeout") ?? 0)
        if command == "exec" || command == "attach" {
            let phase = attachable["status"]["phase"].string ?? ""
            if phase == "Succeeded" || phase == "Failed" {
                throw CLIError.message(command == "exec" ? "cannot exec into a container in a completed pod; current phase is \(phase)"
                                                         : "cannot attach a container in a completed pod; current phase is \(phase)")
            }
        }
        // The container kubectl picks when none is named, said on stderr before it connects.
        if ["exec", "attach"].contains(command), inv.flags.string("container").isEmpty, !inv.flags.bool("quiet") {
            inv.io.err.write(defaultedContainerNote(attachable))
        }
        if command == "attach" {
            let container = inv.flags.string("container")
            if !container.isEmpty && !containerNames(attachable).contains(container) {
                throw CLIError.message("cannot attach to the container: container \(container) not found in pod \(attachable["metadata"]["name"].string ?? "")")
            }
        }
        guard command == "port-forward" else { return false }
        let ports = Array(inv.args.dropFirst())
        let pod = attachable
        var converted: [String] = []
        if !isService {
            for port in ports {
                let (local, remote) = splitPort(port)
                let number = Int(remote) != nil ? remote : String(try containerPort(named: remote, in: pod))
                converted.append(local != remote ? "\(local):\(number)" : number)
            }
        } else {
            for port in ports {
                var (local, remote) = splitPort(port)
                var number = Int(remote) ?? 0
                if Int(remote) == nil {
                    guard let p = (object["spec"]["ports"].array ?? []).first(where: { $0["name"].string == remote }) else {
                        throw CLIError.message("Service '\(name)' does not have a named port '\(remote)'")
                    }
                    number = Int(p["port"].int ?? 0)
                    if local == remote { local = String(number) }
                }
                guard let spec = (object["spec"]["ports"].array ?? []).first(where: { $0["port"].int.map(Int.init) == number }) else {
                    throw CLIError.message("Service \(name) does not have a service port \(number)")
                }
                var target = number
                if let n = spec["targetPort"].int, n != 0 { target = Int(n) }
                else if let n = spec["targetPort"].string, !n.isEmpty { target = try containerPort(named: n, in: pod) }
                converted.append(local == remote && Int(remote) != nil ? String(target) : "\(local):\(target)")
            }
        }
        let phase = pod["status"]["phase"].string ?? ""
        if phase != "Running" {
            throw CLIError.message("unable to forward port because pod is not running. Current status=\(phase)")
        }
        for port in converted {
            let parts = port.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2 else { throw CLIError.message("invalid port format '\(port)'") }
            let local = parts.count == 2 ? (parts[0].isEmpty ? "0" : parts[0]) : parts[0]
            let remote = parts.count == 2 ? parts[1] : parts[0]
            if let e = goParseUint16Error(local) { throw CLIError.message("error parsing local port '\(local)': \(e)") }
            if let e = goParseUint16Error(remote) { throw CLIError.message("error parsing remote port '\(remote)': \(e)") }
            if UInt16(remote) == 0 { throw CLIError.message("remote port must be > 0") }
        }
        for address in inv.flags.strings("address") where address != "localhost" {
            var v4 = in_addr(), v6 = in6_addr()
            if inet_pton(AF_INET, address, &v4) != 1 && inet_pton(AF_INET6, address, &v6) != 1 {
                throw CLIError.message("\(address) is not a valid IP")
            }
        }
        return false
    }

    /// podcmd's note when a pod has more than one container and none is named: the first container (or
    /// the one the `kubectl.kubernetes.io/default-container` annotation names), out of all of them.
    static func defaultedContainerNote(_ pod: JSONValue) -> String {
        let spec = pod["spec"]
        let containers = (spec["containers"].array ?? []).compactMap { $0["name"].string }
        let inits = (spec["initContainers"].array ?? []).compactMap { $0["name"].string }
        let ephemeral = (spec["ephemeralContainers"].array ?? []).compactMap { $0["name"].string }
        if let annotated = pod["metadata"]["annotations"]["kubectl.kubernetes.io/default-container"].string, !annotated.isEmpty {
            if containers.contains(annotated) || inits.contains(annotated) || ephemeral.contains(annotated) { return "" }
            let name = pod["metadata"]["name"].string ?? ""
            return "Default container name \(strconvQuote(annotated)) not found in pod \(name)\n"
                + (containers.count > 1 || !inits.isEmpty || !ephemeral.isEmpty ? defaultedLine(containers, inits, ephemeral) : "")
        }
        guard !containers.isEmpty, containers.count > 1 || !inits.isEmpty || !ephemeral.isEmpty else { return "" }
        return defaultedLine(containers, inits, ephemeral)
    }

    static func defaultedLine(_ containers: [String], _ inits: [String], _ ephemeral: [String]) -> String {
        let all = containers + inits.map { $0 + " (init)" } + ephemeral.map { $0 + " (ephem)" }
        return "Defaulted container \(strconvQuote(containers[0])) out of: \(all.joined(separator: ", "))\n"
    }

    /// kubectl's splitPort: `LOCAL:REMOTE`, or one port for both.
    static func splitPort(_ port: String) -> (String, String) {
        let parts = port.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : (parts[0], parts[0])
    }

    /// The number of the container port named `name` (init, regular containers), or kubectl's error.
    static func containerPort(named name: String, in pod: JSONValue) throws -> Int {
        for c in (pod["spec"]["initContainers"].array ?? []) + (pod["spec"]["containers"].array ?? []) {
            for p in c["ports"].array ?? [] where p["name"].string == name { return Int(p["containerPort"].int ?? 0) }
        }
        throw CLIError.message("Pod '\(pod["metadata"]["name"].string ?? "")' does not have a named port '\(name)'")
    }

    static func containerNames(_ pod: JSONValue) -> Set<String> {
        Set(["initContainers", "containers", "ephemeralContainers"].flatMap { (pod["spec"][$0].array ?? []).compactMap { $0["name"].string } })
    }

    /// Go's strconv.ParseUint(s, 10, 16) error text, nil when `s` parses.
    static func goParseUint16Error(_ s: String) -> String? {
        if !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return UInt16(s) == nil ? "strconv.ParseUint: parsing \(strconvQuote(s)): value out of range" : nil
        }
        return "strconv.ParseUint: parsing \(strconvQuote(s)): invalid syntax"
    }

    /// kubectl cp reads the pod of the remote spec (`[namespace/]pod:path`) before it runs anything in it.
    static func checkCopyPod(_ inv: Invocation) throws {
        guard let remote = inv.args.first(where: { $0.contains(":") }), let colon = remote.firstIndex(of: ":") else { return }
        let pieces = remote[..<colon].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let server = try inv.server()
        let namespace = pieces.count == 2 ? pieces[0] : try inv.namespace()
        guard let pods = server.registry.type(group: "", kind: "Pod"), let name = pieces.last else { return }
        if try server.read({ try $0.find(pods, namespace: namespace, name: name) }) == nil {
            throw APIError.notFound(pods.qualifiedPlural, name)
        }
    }

    /// kubectl cp's checks of `[[namespace/]pod:]file/path` specs, before it looks for the pod.
    static func checkCopySpecs(_ source: String, _ destination: String) throws {
        func spec(_ arg: String) throws -> (pod: String, file: String) {
            guard let colon = arg.firstIndex(of: ":") else { return ("", arg) }
            let podPart = arg[..<colon], file = String(arg[arg.index(after: colon)...])
            let pieces = podPart.split(separator: "/", omittingEmptySubsequences: false)
            if colon == arg.startIndex || pieces.count > 2 {
                throw CLIError.message("filespec must match the canonical format: [[namespace/]pod:]file/path")
            }
            return (String(pieces.last!), file)
        }
        let src = try spec(source), dest = try spec(destination)
        if !src.pod.isEmpty && !dest.pod.isEmpty { throw CLIError.message("one of src or dest must be a local file specification") }
        if src.file.isEmpty || dest.file.isEmpty { throw CLIError.message("filepath can not be empty") }
        if src.pod.isEmpty && dest.pod.isEmpty { throw CLIError.message("one of src or dest must be a remote file specification") }
        if !dest.pod.isEmpty && access(src.file, F_OK) != 0 {
            throw CLIError.message("\(src.file) doesn't exist in local filesystem")
        }
    }

    static let podRunningTimeout = FlagSpec("pod-running-timeout", .duration, default: "1m0s", usage: "How long to wait for a pod to run.")
    static let quiet = FlagSpec("quiet", short: "q", .bool, usage: "Print only what the container prints.")

    static let specs: [CommandSpec] = [
        refusing("logs", use: "logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]", short: "Print the logs for a container (not available offline)",
                 flags: [FlagSpec("container", short: "c", .string, usage: "Container name."),
                         FlagSpec("follow", short: "f", .bool, usage: "Stream the logs."),
                         FlagSpec("previous", short: "p", .bool, usage: "Logs of the previous instance."),
                         FlagSpec("tail", .int, default: "-1", usage: "Lines from the end to show."),
                         FlagSpec("all-containers", .bool, usage: "All containers of the pod."),
                         FlagSpec("all-pods", .bool, usage: "Logs of every pod the object selects."),
                         FlagSpec("ignore-errors", .bool, usage: "Keep following other pods when one fails."),
                         FlagSpec("insecure-skip-tls-verify-backend", .bool, usage: "Do not verify the kubelet's certificate."),
                         FlagSpec("limit-bytes", .int, usage: "Stop after this many bytes."),
                         FlagSpec("max-log-requests", .int, default: "5", usage: "How many log streams may be followed at once."),
                         FlagSpec("pod-running-timeout", .duration, default: "20s", usage: "How long to wait for a pod to run."),
                         FlagSpec("prefix", .bool, usage: "Start each line with its pod and container."),
                         CommonFlags.selector,
                         FlagSpec("since", .duration, default: "0s", usage: "Only lines newer than this duration."),
                         FlagSpec("since-time", .string, usage: "Only lines after this RFC3339 time."),
                         FlagSpec("timestamps", .bool, usage: "Start each line with its time.")]),
        refusing("exec", use: "exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]", short: "Execute a command in a container (not available offline)",
                 flags: [FlagSpec("container", short: "c", .string, usage: "Container name."),
                         FlagSpec("filename", short: "f", .stringSlice, usage: "File naming the pod to run in."),
                         podRunningTimeout, quiet,
                         FlagSpec("stdin", short: "i", .bool, usage: "Connect standard input to the container."),
                         FlagSpec("tty", short: "t", .bool, usage: "Allocate a TTY.")]),
        refusing("attach", use: "attach (POD | TYPE/NAME) -c CONTAINER", short: "Attach to a running container (not available offline)",
                 flags: [FlagSpec("container", short: "c", .string, usage: "Container name."), podRunningTimeout, quiet,
                         FlagSpec("stdin", short: "i", .bool, usage: "Connect standard input to the container."),
                         FlagSpec("tty", short: "t", .bool, usage: "Allocate a TTY.")]),
        refusing("port-forward", use: "port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]", short: "Forward local ports to a pod (not available offline)",
                 flags: [FlagSpec("address", .stringSlice, default: "[localhost]", usage: "Addresses to listen on."), podRunningTimeout]),
        refusing("cp", use: "cp <file-spec-src> <file-spec-dest>", short: "Copy files to and from containers (not available offline)",
                 flags: [FlagSpec("container", short: "c", .string, usage: "Container name."),
                         FlagSpec("no-preserve", .bool, usage: "Do not keep owner and mode of copied files."),
                         FlagSpec("retries", .int, usage: "How often to retry a failed copy; negative retries forever.")]),
        refusing("proxy", use: "proxy [--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix]",
                 short: "Serve the API server over local HTTP (not available offline)",
                 flags: [FlagSpec("accept-hosts", .string, default: "^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$", usage: "Hosts allowed to connect (regular expressions)."),
                         FlagSpec("accept-paths", .string, default: "^.*", usage: "Paths served (regular expressions)."),
                         FlagSpec("address", .string, default: "127.0.0.1", usage: "Address to listen on."),
                         FlagSpec("api-prefix", .string, default: "/", usage: "Path prefix of the proxied API."),
                         FlagSpec("append-server-path", .bool, usage: "Add the server's path to proxied requests."),
                         FlagSpec("disable-filter", .bool, usage: "Serve every request, unfiltered (unsafe)."),
                         FlagSpec("keepalive", .duration, default: "0s", usage: "Keep-alive period of connections."),
                         FlagSpec("port", short: "p", .int, default: "8001", usage: "Port to listen on."),
                         FlagSpec("reject-methods", .string, default: "^$", usage: "HTTP methods refused (regular expressions)."),
                         FlagSpec("reject-paths", .string, default: "^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach", usage: "Paths refused (regular expressions)."),
                         FlagSpec("unix-socket", short: "u", .string, usage: "Unix socket to listen on instead of a port."),
                         FlagSpec("www", short: "w", .string, usage: "Directory of static files to serve too."),
                         FlagSpec("www-prefix", short: "P", .string, default: "/static/", usage: "Path prefix of the static files.")]),
    ]
}

/// The options of a command that cannot run offline: every flag it declares is read (so its value is
/// still checked) and has no effect; running it explains why it cannot run.
struct NoRuntimeOptions: FlagOptions {
    static var flags: [OptionFlag<Self>] { [] }

    mutating func complete(_ inv: inout Invocation) throws {
        for name in inv.flags.ownNames { _ = inv.flags.strings(name) }
    }

    func run(_ inv: inout Invocation) throws {
        if let refusal = try NoRuntimeCommands.refusal(inv) { throw refusal }
    }
}
