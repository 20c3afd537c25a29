import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

enum RunCommand {
    static let spec = CommandSpec(
        "run", use: "run NAME --image=image [--env=\"key=value\"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]",
        short: "Start a pod from a container image", group: "Basic Commands (Beginner):", options: RunOptions.self)

    /// The ClusterIP service `run --expose` generates: selector = the pod's labels, port = `--port`.
    static func serviceForRun(pod: JSONValue, port portText: String, explicitLabels: Bool, namespace: String?) -> JSONValue {
        let name = pod["metadata"]["name"].string ?? ""
        let port = Int64(portText) ?? 0
        let labels = pod["metadata"]["labels"]
        return Gen.obj([
            ("kind", "Service"), ("apiVersion", "v1"),
            ("metadata", Gen.meta(name: name, namespace: namespace, labels: explicitLabels ? labels : nil)),
            ("spec", Gen.obj([("ports", .array([["protocol": "TCP", "port": .int(port), "targetPort": .int(port)]])),
                              ("selector", labels)])),
            ("status", ["loadBalancer": .emptyObject]),
        ])
    }
}

/// run's options: the pod's container (image, command, env, ports, ...), its labels and annotations,
/// `--overrides`, `--expose`; attaching and `--rm` need a container runtime and are refused.
struct RunOptions: FlagOptions {
    var printFlags = PrintFlags()
    var annotations: [String] = []
    var attach: Bool?
    var command = false
    var env: [String] = []
    var expose = false
    var image = ""
    var imagePullPolicy = ""
    var labels = ""
    var leaveStdinOpen = false
    var overrideType = "merge"
    var overrides = ""
    var port = ""
    var privileged = false
    var record = false
    var restart: String?
    var rm = false
    var saveConfig = false
    var stdin = false
    var tty = false

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.generatorPrinting),
         .init(\.annotations, "annotations", .stringArray, usage: "Annotations for the pod, as key=value."),
         .init(\.record, CommonFlags.record),
         .init(\.attach, "attach", usage: "Wait for the pod and attach to it."),
         .init(\.command, "command", usage: "Use the extra arguments as the command instead of args."),
         .init(\.env, "env", .stringArray, usage: "Environment variables, as NAME=value."),
         .init(\.expose, "expose", usage: "Also create a ClusterIP service for the pod."),
         .fieldManager("kubectl-run"),
         .init(\.image, "image", usage: "Image for the container.", required: true),
         .init(\.imagePullPolicy, "image-pull-policy", usage: "Image pull policy of the container."),
         .init(\.labels, "labels", short: "l", usage: "Labels for the pod, as key=value pairs, comma separated."),
         .init(\.leaveStdinOpen, "leave-stdin-open", usage: "Keep stdin open after the first attach."),
         .init(\.overrideType, "override-type", default: "merge", usage: "Patch type for --overrides: json, merge, strategic."),
         .init(\.overrides, "overrides", usage: "Inline JSON patched into the generated object."),
         .init(\.port, "port", usage: "Container port to expose."),
         .init(\.privileged, "privileged", usage: "Run the container privileged."),
         .init(\.restart, "restart", default: "Always", usage: "Restart policy: Always, OnFailure or Never."),
         .init(\.rm, "rm", usage: "Delete the pod after it exits (attached only)."),
         .init(\.saveConfig, "save-config", usage: "Store the configuration in an annotation for later apply."),
         .init(\.stdin, "stdin", short: "i", usage: "Keep stdin open on the container."),
         .init(\.tty, "tty", short: "t", usage: "Allocate a TTY for the container."),
         // What --rm, attaching and -f would use: refused or meaningless offline.
         .noEffectOffline([
            FlagSpec("cascade", .string, default: "background", usage: "Deletion cascade for --rm: background, orphan, foreground.",
                     noOptDefault: "background"),
            FlagSpec("filename", short: "f", .stringSlice, usage: "File to use for replacing the resource."),
            FlagSpec("force", .bool, usage: "Delete immediately (with --rm)."),
            FlagSpec("grace-period", .int, default: "-1", usage: "Seconds to wait for graceful termination."),
            FlagSpec("kustomize", short: "k", .string, usage: "Kustomization directory to process."),
            FlagSpec("pod-running-timeout", .duration, default: "1m0s", usage: "How long to wait for the pod to run. No effect offline: there is nothing to attach to."),
            FlagSpec("quiet", short: "q", .bool, usage: "Print nothing but the pod's output. No effect offline: there is nothing to attach to."),
            FlagSpec("recursive", short: "R", .bool, usage: "Process -f directories recursively."),
            FlagSpec("timeout", .duration, default: "0s", usage: "How long to wait (with --rm). No effect offline: --rm needs a container runtime."),
            FlagSpec("wait", .bool, usage: "With --rm: return only after the pod is deleted. No effect offline: --rm needs a container runtime."),
         ])]
    }

    func run(_ inv: inout Invocation) throws {
        let dryRun = try DryRun.parse(printFlags.dryRun, inv)
        let format = try printFlags.format()
        let namespace = try inv.namespace()
        let context = GeneratorContext(namespace: inv.namespaceExplicit ? namespace : nil, environment: inv.environment)
        let generated = try pod(args: inv.args, argsLenAtDash: inv.argsLenAtDash, context: context)
        var pod = generated
        if !overrides.isEmpty {
            pod = try RunOverrides.apply(pod, overrides: overrides, type: overrideType)
        }
        let attach = self.attach ?? stdin
        if attach || tty || rm {
            throw CLIError.message("cannot attach to the container of pod \(goQuoted(inv.args[0])): kubectl-local has no container runtime, so nothing runs inside pods; run it without -i/-t/--attach/--rm")
        }
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod"),
              let svcType = server.registry.type(group: "", kind: "Service") else { return }
        var printedYAML = 0
        func emit(_ obj: JSONValue, _ type: ResourceType, _ inv: inout Invocation) throws {
            if let format {
                if case .yaml = format, printedYAML > 0 { inv.io.out.write("---\n---\n") }
                printedYAML += 1
            }
            try OperationPrinter(format: format, dryRun: dryRun, showManagedFields: printFlags.showManagedFields, typedJSON: dryRun == .client)
                .printNow(obj, type: type, operation: "created", inv: &inv)
        }
        func create(_ obj: JSONValue, _ type: ResourceType) throws -> JSONValue {
            if dryRun == .client { return obj }
            return try server.write { try $0.create(obj, type: type, namespace: namespace, dryRun: dryRun == .server) }
        }
        // kubectl creates the pod first, then the service; it prints the service first.
        // --record writes the command line on each object made, after the overrides (kubectl's order).
        func recorded(_ obj: JSONValue) -> JSONValue {
            guard record else { return obj }
            var o = obj
            o["metadata"]["annotations"][RolloutCommand.changeCauseKey] = .string(SetCommand.changeCause(inv))
            return o
        }
        let createdPod = try create(recorded(pod), podType)
        if expose {
            let service = recorded(RunCommand.serviceForRun(pod: generated, port: port, explicitLabels: !labels.isEmpty,
                                                            namespace: context.namespace))
            let createdService = try create(service, svcType)
            try emit(createdService, svcType, &inv)
        }
        try emit(createdPod, podType, &inv)
    }
}
