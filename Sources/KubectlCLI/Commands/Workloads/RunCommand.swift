import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

enum RunCommand {
    static let spec = CommandSpec(
        "run", use: "run NAME --image=image [--env=\"key=value\"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]",
        short: "Start a pod from a container image", flags: RunPod.flags, group: "Basic Commands (Beginner):",
        run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        let dryRun = try DryRun.from(inv)
        let format = try Workloads.format(inv)
        let namespace = try inv.namespace()
        let context = GeneratorContext(namespace: inv.namespaceExplicit ? namespace : nil, environment: inv.environment)
        let generated = try RunPod.make(flags: inv.flags, args: inv.args, argsLenAtDash: inv.argsLenAtDash, context: context)
        var pod = generated
        let overrides = inv.flags.string("overrides")
        if !overrides.isEmpty {
            pod = try RunOverrides.apply(pod, overrides: overrides, type: inv.flags.string("override-type"))
        }
        let stdin = inv.flags.bool("stdin"), tty = inv.flags.bool("tty")
        let attach = inv.flags.isSet("attach") ? inv.flags.bool("attach") : (inv.flags.bool("attach") || stdin)
        if attach || tty || inv.flags.bool("rm") {
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
            try OperationPrinter(format: format, dryRun: dryRun, flags: inv.flags, typedJSON: dryRun == .client)
                .printNow(obj, type: type, operation: "created", inv: &inv)
        }
        func create(_ obj: JSONValue, _ type: ResourceType) throws -> JSONValue {
            if dryRun == .client { return obj }
            return try server.write { try $0.create(obj, type: type, namespace: namespace, dryRun: dryRun == .server) }
        }
        // kubectl creates the pod first, then the service; it prints the service first.
        let createdPod = try create(pod, podType)
        if inv.flags.bool("expose") {
            let service = serviceForRun(pod: generated, flags: inv.flags, namespace: context.namespace)
            let createdService = try create(service, svcType)
            try emit(createdService, svcType, &inv)
        }
        try emit(createdPod, podType, &inv)
    }

    /// The ClusterIP service `run --expose` generates: selector = the pod's labels, port = `--port`.
    static func serviceForRun(pod: JSONValue, flags: ParsedFlags, namespace: String?) -> JSONValue {
        let name = pod["metadata"]["name"].string ?? ""
        let port = Int64(flags.string("port")) ?? 0
        let labels = pod["metadata"]["labels"]
        let explicitLabels = !flags.string("labels").isEmpty
        return Gen.obj([
            ("kind", "Service"), ("apiVersion", "v1"),
            ("metadata", Gen.meta(name: name, namespace: namespace, labels: explicitLabels ? labels : nil)),
            ("spec", Gen.obj([("ports", .array([["protocol": "TCP", "port": .int(port), "targetPort": .int(port)]])),
                              ("selector", labels)])),
            ("status", ["loadBalancer": .emptyObject]),
        ])
    }
}
