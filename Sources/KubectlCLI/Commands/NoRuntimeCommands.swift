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

    /// Why `kubectl NAME` cannot run here.
    static func refusal(_ inv: Invocation) throws -> CLIError {
        let name = inv.commandPath.last ?? ""
        if name == "proxy" {
            return .message("kubectl proxy needs an API server to forward requests to, and kubectl-local has none: the cluster is the local store (\(try ClusterInfoCommand.serverURL(inv))), read and written by kubectl-local itself")
        }
        try checkArguments(inv)
        try checkTarget(inv)
        return .message("kubectl \(name) needs a running container, and kubectl-local has no container runtime: pods are simulated in the local store and no process runs in them")
    }

    /// Why there are no container logs (cluster-info dump's log sections say it).
    static let noLogs = "kubectl-local has no container runtime: pods are simulated in the local store and no process runs in them, so there are no logs"

    /// kubectl's own argument errors come before anything else.
    static func checkArguments(_ inv: Invocation) throws {
        let args = inv.args
        let afterDash = inv.argsLenAtDash.map { Array(args[$0...]) } ?? []
        switch inv.commandPath.last ?? "" {
        case "logs":
            try checkLogsArguments(inv)
        case "exec":
            let beforeDash = inv.argsLenAtDash ?? args.count
            if inv.argsLenAtDash == nil && args.count > 1 {
                throw CLIError.usage("exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead")
            }
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
        case "cp":
            if args.count != 2 { throw CLIError.message("source and destination are required") }
            try checkCopySpecs(args[0], args[1])
        default:
            break
        }
    }

    /// kubectl reads the object a runtime command names before anything else: a missing one is the
    /// API server's NotFound (logs words it its own way, with the namespace).
    static func checkTarget(_ inv: Invocation) throws {
        let command = inv.commandPath.last ?? ""
        guard ["logs", "exec", "attach", "port-forward"].contains(command) else { return }
        let beforeDash = inv.argsLenAtDash.map { Array(inv.args[..<$0]) } ?? inv.args
        guard let arg = beforeDash.first, !arg.isEmpty else { return }
        let server = try inv.server()
        let namespace = try inv.namespace()
        var type: ResourceType
        var name = arg
        if arg.contains("/") {
            guard let request = try ResourceArgs.parse([arg], registry: server.registry).requests.first,
                  let n = request.names.first else { return }
            type = request.type
            name = n
        } else {
            guard let pods = server.registry.type(group: "", kind: "Pod") else { return }
            type = pods
        }
        if try server.read({ try $0.find(type, namespace: namespace, name: name) }) != nil { return }
        // As kubectl v1.32's read: a missing namespace (other than `default`) is the NotFound reported.
        let noNamespace = try server.read { s in ResourceResult.namespaceMissing(type, namespace, session: s) }
        let notFound = noNamespace ? APIError.notFound("namespaces", namespace) : APIError.notFound(type.qualifiedPlural, name)
        if command == "logs" {
            throw CLIError.message("error from server (NotFound): \(notFound.message) in namespace \(strconvQuote(namespace))")
        }
        throw notFound
    }

    /// kubectl logs' Complete: the argument count against `-l`, then `--since-time`.
    static func checkLogsArguments(_ inv: Invocation) throws {
        let usage = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"
        let selector = inv.flags.string("selector")
        switch inv.args.count {
        case 0 where selector.isEmpty: throw CLIError.usage(usage)
        case 1 where !selector.isEmpty: throw CLIError.usage("only a selector (-l) or a POD name is allowed")
        case 3...: throw CLIError.usage(usage)
        default: break
        }
        let since = inv.flags.string("since-time")
        if !since.isEmpty, let e = goParseRFC3339Error(since, layout: "2006-01-02T15:04:05Z07:00") { throw CLIError.message(e) }
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

    func run(_ inv: inout Invocation) throws { throw try NoRuntimeCommands.refusal(inv) }
}
