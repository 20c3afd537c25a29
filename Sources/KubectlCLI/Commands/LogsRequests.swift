import KubeAPI
import KubeModel
import KubeRegistry
import KubePrinters
import KubeSchema

/// `kubectl logs`: the log requests kubectl v1.32 makes, chosen as its LogsForObject chooses them (source
/// read for facts: cmd/logs, polymorphichelpers logsforobject; the pods of a workload: ObjectPods), each
/// answered by the API server and kubelet before any runtime (PodLogAnswer).
///
/// kubectl's order: Complete (argument count, `--pod-running-timeout`, `--since-time`, then the object or
/// the `-l` list from the server), Validate (flag combinations), then the requests: a pod's container (the
/// annotated default, else the first, said on stderr), every container with `--all-containers`, each pod
/// of a `-l` list; for a workload or service its selector's pods, sorted for logging, the first one
/// (`Found N pods, using pod/NAME`), or all of them with `--all-pods`. With `-f` and several requests,
/// more than `--max-log-requests` is refused before any is made.
enum LogsRequests {
    struct Request {
        var pod: JSONValue
        var container: String
    }

    /// What kubectl read: one pod, the pods a `-l` selector lists, or another object.
    enum Target {
        case pod(JSONValue)
        case pods([JSONValue])
        case object(JSONValue, ResourceType)
    }

    /// Answers `kubectl logs`: true when every request was answered without a container runtime.
    static func answer(_ inv: Invocation) throws -> Bool {
        let timeout = try complete(inv)
        let target = try read(inv)
        try validate(inv)
        let requests = try requests(for: target, inv, timeout: timeout, allPods: inv.flags.bool("all-pods"),
                                    allContainers: inv.flags.bool("all-containers"))
        let maxRequests = inv.flags.int("max-log-requests")
        if inv.flags.bool("follow") && requests.count > 1 && requests.count > maxRequests {
            throw CLIError.message("you are attempting to follow \(requests.count) log streams, but maximum allowed concurrency is \(maxRequests), use --max-log-requests to increase the limit")
        }
        return try consume(inv, requests)
    }

    /// kubectl logs' Complete before it reads: the argument count against `-l`, the pod-running timeout,
    /// `--since-time`. Returns the timeout in nanoseconds.
    static func complete(_ inv: Invocation) throws -> Int64 {
        let usage = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"
        let selector = inv.flags.string("selector")
        switch inv.args.count {
        case 0 where selector.isEmpty: throw CLIError.usage(usage)
        case 1 where !selector.isEmpty: throw CLIError.usage("only a selector (-l) or a POD name is allowed")
        case 3...: throw CLIError.usage(usage)
        default: break
        }
        let timeout = inv.flags.durationNanoseconds("pod-running-timeout") ?? 0
        if timeout <= 0 { throw CLIError.message("--pod-running-timeout must be higher than zero") }
        let since = inv.flags.string("since-time")
        if !since.isEmpty, let e = goParseRFC3339Error(since, layout: "2006-01-02T15:04:05Z07:00") { throw CLIError.message(e) }
        return timeout
    }

    /// The container named by `-c` or by the second argument (which wins, as kubectl assigns it last).
    static func container(_ inv: Invocation) -> String {
        inv.args.count == 2 ? inv.args[1] : inv.flags.string("container")
    }

    /// kubectl logs' Validate, after the object was read.
    static func validate(_ inv: Invocation) throws {
        let since = inv.flags.durationNanoseconds("since") ?? 0
        if !inv.flags.string("since-time").isEmpty && since != 0 {
            throw CLIError.message("at most one of `sinceTime` or `sinceSeconds` may be specified")
        }
        let container = container(inv)
        if inv.flags.bool("all-containers") && !container.isEmpty {
            throw CLIError.message("--all-containers=true should not be specified with container name \(container)")
        }
        if inv.flags.isSet("container") && inv.args.count == 2 {
            throw CLIError.message("only one of -c or an inline [CONTAINER] arg is allowed")
        }
        if inv.flags.int("limit-bytes") < 0 { throw CLIError.message("--limit-bytes must be greater than 0") }
        // --since is sent rounded to whole seconds (half away from zero, as Go's Duration.Round).
        if since <= -500_000_000 {
            throw CLIError.message("--since must be greater than 0")
        }
        // A selector without --tail asks for the last 10 lines; -1 means all.
        let tail = inv.flags.int("tail")
        if tail < -1 { throw CLIError.message("--tail must be greater than or equal to -1") }
    }

    /// The object kubectl reads: the named pod (or `TYPE/NAME`), or the pods `-l` lists (none: said on
    /// stderr, and nothing is asked).
    static func read(_ inv: Invocation) throws -> Target {
        let server = try inv.server()
        let namespace = try inv.namespace()
        guard let podType = server.registry.type(group: "", kind: "Pod") else { throw CLIError.message("no pods resource") }
        guard let arg = inv.args.first else {
            let selector = try parseLabelSelector(inv.flags.string("selector")) ?? .everything
            let pods = try ObjectPods.list(server, podType, namespace: namespace, selector: selector)
            if pods.isEmpty { inv.io.err.write("No resources found in \(namespace) namespace.\n") }
            return .pods(pods)
        }
        var type = podType
        var name = arg
        if arg.contains("/") {
            guard let request = try ResourceArgs.parse([arg], registry: server.registry).requests.first,
                  let n = request.names.first else { throw CLIError.message("expected a resource") }
            type = request.type
            name = n
        }
        guard let object = try server.read({ try $0.find(type, namespace: type.namespaced ? namespace : "", name: name) }) else {
            // As kubectl v1.32's read: a missing namespace (other than `default`) is the NotFound reported.
            let noNamespace = try type.namespaced && server.read { s in ResourceResult.namespaceMissing(type, namespace, session: s) }
            let notFound = noNamespace ? APIError.notFound("namespaces", namespace) : APIError.notFound(type.qualifiedPlural, name)
            throw CLIError.message("error from server (NotFound): \(notFound.message) in namespace \(strconvQuote(namespace))")
        }
        return type.group.isEmpty && type.kind == "Pod" ? .pod(object) : .object(object, type)
    }

    /// LogsForObject: the requests for `target` (kubectl's notes on the way go to stderr at once).
    static func requests(for target: Target, _ inv: Invocation, timeout: Int64, allPods: Bool, allContainers: Bool) throws -> [Request] {
        switch target {
        case .pods(let pods):
            return try pods.flatMap { try requests(for: .pod($0), inv, timeout: timeout, allPods: allPods, allContainers: allContainers) }
        case .pod(let pod):
            return try podRequests(pod, named: container(inv), allPods: allPods, allContainers: allContainers, notes: inv.io.err)
        case .object(let object, let type):
            let pods = try ObjectPods.pods(of: object, type, inv, timeout: timeout, failure: "cannot get the logs from")
            let sorted = ObjectPods.sortedForLogging(pods)
            if sorted.count > 1 && allPods {
                return try requests(for: .pods(sorted), inv, timeout: timeout, allPods: allPods, allContainers: allContainers)
            }
            if sorted.count > 1 { inv.io.err.write("Found \(sorted.count) pods, using pod/\(sorted[0]["metadata"]["name"].string ?? "")\n") }
            return try requests(for: .pod(sorted[0]), inv, timeout: timeout, allPods: allPods, allContainers: allContainers)
        }
    }

    /// One pod's requests: each container in spec order (init, regular, ephemeral) with
    /// `--all-containers`, else the one named, the annotated default, or the first (said on stderr when
    /// the pod has others, except with `--all-pods`).
    static func podRequests(_ pod: JSONValue, named: String, allPods: Bool, allContainers: Bool, notes: OutputStream) throws -> [Request] {
        let spec = pod["spec"]
        let podName = pod["metadata"]["name"].string ?? ""
        func names(_ key: String) -> [String] { (spec[key].array ?? []).compactMap { $0["name"].string } }
        let inits = names("initContainers"), containers = names("containers"), ephemeral = names("ephemeralContainers")
        if allContainers { return (inits + containers + ephemeral).map { Request(pod: pod, container: $0) } }
        var container = named
        if container.isEmpty, let annotated = pod["metadata"]["annotations"]["kubectl.kubernetes.io/default-container"].string, !annotated.isEmpty {
            if (inits + containers + ephemeral).contains(annotated) {
                container = annotated
            } else {
                notes.write("Default container name \(strconvQuote(annotated)) not found in pod \(podName)\n")
            }
        }
        if container.isEmpty {
            container = containers.first ?? ""
            if (containers.count > 1 || !inits.isEmpty || !ephemeral.isEmpty) && !allPods {
                notes.write(NoRuntimeCommands.defaultedLine(containers, inits, ephemeral))
            }
        }
        guard (inits + containers + ephemeral).contains(container) else {
            throw CLIError.message("container \(container) is not valid for pod \(podName)")
        }
        return [Request(pod: pod, container: container)]
    }

    /// The requests answered in order: a refusal ends the command (with `--ignore-errors` it is printed
    /// on stdout and the rest go on). True when none needed a runtime.
    static func consume(_ inv: Invocation, _ requests: [Request]) throws -> Bool {
        let node = try PodLogAnswer.nodeLookup(inv)
        let previous = inv.flags.bool("previous")
        var needsRuntime = false
        for request in requests {
            switch PodLogAnswer.answer(pod: request.pod, container: request.container, previous: previous, node: node) {
            case .refused(let error):
                guard inv.flags.bool("ignore-errors") else { throw error }
                inv.io.out.write("error: \(error.message)\n")
            case .empty: break
            case .runtime: needsRuntime = true
            }
        }
        return !needsRuntime
    }
}
