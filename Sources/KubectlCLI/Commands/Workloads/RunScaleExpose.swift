import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

// MARK: - run

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
                try Workloads.printObjects([obj], format: format, inv: &inv, typed: dryRun == .client)
            } else {
                inv.io.out.write("\(type.qualifiedKind)/\(obj["metadata"]["name"].string ?? "") created\(dryRun.suffix)\n")
            }
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

// MARK: - scale

enum ScaleCommand {
    static let spec = CommandSpec(
        "scale", use: "scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)",
        short: "Change the replica count of a workload (deployment, replica set, stateful set, RC)",
        flags: CommonFlags.output(tables: false) + CommonFlags.filenames("set a new size for") + [
            FlagSpec("all", .bool, usage: "Select every object of the given types in the namespace."),
            FlagSpec("current-replicas", .int, default: "-1", usage: "Precondition: the current size must be this (-1 for no condition)."),
            CommonFlags.dryRun,
            FlagSpec("replicas", .int, usage: "The new desired number of replicas.", bits: 32, required: true),
            FlagSpec("resource-version", .string, usage: "Precondition: the current resourceVersion must be this."),
            CommonFlags.selector,
            FlagSpec("timeout", .duration, default: "0s", usage: "How long to wait for the scale to finish. No effect offline: the store settles at once."),
        ],
        group: "Deploy Commands:", run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        let replicas = inv.flags.int("replicas")
        if replicas < 0 {
            throw CLIError.message("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
        }
        if inv.args.isEmpty && inv.flags.strings("filename").isEmpty && inv.flags.string("kustomize").isEmpty {
            throw CLIError.message(ResourceArgs.noResourcesMessage)
        }
        let all = inv.flags.bool("all")
        let selector = inv.flags.string("selector")
        if all && !selector.isEmpty { throw CLIError.message("cannot set --all and --selector at the same time") }
        let format = try Workloads.format(inv)
        let dryRun = try DryRun.from(inv)
        let current = inv.flags.int("current-replicas")
        let resourceVersion = inv.flags.string("resource-version")
        let (targets, errors) = try Workloads.collect(&inv, resources: inv.args, all: all, selector: selector)
        if targets.isEmpty {
            let detail = errors.first.map { " " + SetCommand.messageText(apiMessage($0)) } ?? ""
            throw CLIError.message("no objects passed to scale" + detail)
        }
        if targets.count > 1 && (current != -1 || !resourceVersion.isEmpty) {
            throw CLIError.message("cannot use --resource-version or --current-replicas with multiple resources")
        }
        var failures: [String] = []
        for t in targets {
            guard let type = t.type else { continue }
            guard let scale = type.scale else {
                failures.append(ErrorRenderer.standard(APIError.notFound(type.qualifiedPlural + "/scale", t.name)))
                continue
            }
            let preconditions = ScalePreconditions(replicas: current, resourceVersion: resourceVersion)
            let result: JSONValue
            do {
                if dryRun == .client {
                    try preconditions.check(t.object, scale: scale)
                    var changed = t.object
                    changed.set(scale.specReplicasPath, .int(Int64(replicas)))
                    result = changed
                } else {
                    result = try preconditions.scale(t.object, type: type, to: replicas, scale: scale,
                                                     server: try inv.server(), dryRun: dryRun == .server)
                }
            } catch let e as ScalePreconditions.Failed {
                failures.append("error: " + e.message)
                continue
            } catch {
                failures.append(ErrorRenderer.lineFor(error))
                continue
            }
            if let format {
                try Workloads.printObjects([result], format: format, inv: &inv)
            } else {
                inv.io.out.write("\(type.qualifiedKind)/\(t.name) scaled\(dryRun.suffix)\n")
            }
        }
        try SetCommand.fail(failures)
    }

    /// The bare message of an API error (`deployments.apps "nope" not found`).
    static func apiMessage(_ e: Error) -> Error {
        if let a = e as? APIError { return CLIError.message(a.message) }
        if case CLIError.api(let a) = e { return CLIError.message(a.message) }
        return e
    }
}

// MARK: - autoscale

enum AutoscaleCommand {
    static let spec = CommandSpec(
        "autoscale", use: "autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]",
        short: "Create a HorizontalPodAutoscaler for a scalable workload",
        flags: CommonFlags.output(tables: false) + CommonFlags.filenames("autoscale") + [
            FlagSpec("cpu-percent", .int, default: "-1", usage: "Target average CPU utilization (percent of the request); -1 leaves the default policy.", bits: 32),
            CommonFlags.dryRun,
            CommonFlags.fieldManager("kubectl-autoscale"),
            FlagSpec("max", .int, default: "-1", usage: "Upper limit for the number of pods.", bits: 32, required: true),
            FlagSpec("min", .int, default: "-1", usage: "Lower limit for the number of pods; -1 lets the server choose.", bits: 32),
            FlagSpec("name", .string, usage: "Name of the autoscaler (default: the target's name)."),
            FlagSpec("record", .bool, usage: "Record the command line in the kubernetes.io/change-cause annotation (deprecated).", hidden: true),
            FlagSpec("save-config", .bool, usage: "Record the object in the last-applied-configuration annotation, for later apply."),
        ],
        group: "Deploy Commands:", run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        let maxPods = inv.flags.int("max"), minPods = inv.flags.int("min")
        if maxPods < 1 { throw CLIError.message("--max=MAXPODS is required and must be at least 1, max: \(maxPods)") }
        if maxPods < minPods {
            throw CLIError.message("--max=MAXPODS must be larger or equal to --min=MINPODS, max: \(maxPods), min: \(minPods)")
        }
        if inv.args.isEmpty && inv.flags.strings("filename").isEmpty && inv.flags.string("kustomize").isEmpty {
            throw CLIError.message(ResourceArgs.noResourcesMessage)
        }
        let format = try Workloads.format(inv)
        let dryRun = try DryRun.from(inv)
        let (targets, errors) = try Workloads.collect(&inv, resources: inv.args)
        if let e = errors.first { throw e }
        let server = try inv.server()
        let namespace = try inv.namespace()
        guard let hpaType = server.registry.type(group: "autoscaling", kind: "HorizontalPodAutoscaler") else { return }
        for t in targets {
            guard let type = t.type, type.scale != nil else {
                let gk = t.type.map { $0.group.isEmpty ? $0.kind : "\($0.kind).\($0.group)" } ?? t.kind
                throw CLIError.message("cannot autoscale a \(gk): \(t.type?.qualifiedPlural ?? t.kind) \(goQuoted(t.name)) does not have a scale subresource")
            }
            let name = inv.flags.string("name").isEmpty ? t.name : inv.flags.string("name")
            var spec: [(String, JSONValue?)] = [
                ("scaleTargetRef", Gen.obj([("kind", .string(type.kind)), ("name", .string(t.name)), ("apiVersion", .string(type.apiVersion))])),
                ("minReplicas", minPods >= 0 ? .int(Int64(minPods)) : nil),
                ("maxReplicas", .int(Int64(maxPods))),
            ]
            let cpu = inv.flags.int("cpu-percent")
            if cpu >= 0 {
                spec.append(("metrics", .array([Gen.obj([
                    ("type", "Resource"),
                    ("resource", Gen.obj([("name", "cpu"), ("target", Gen.obj([("type", "Utilization"), ("averageUtilization", .int(Int64(cpu)))]))])),
                ])])))
            }
            var hpa = Gen.obj([
                ("kind", "HorizontalPodAutoscaler"), ("apiVersion", "autoscaling/v2"),
                ("metadata", Gen.meta(name: name, namespace: inv.namespaceExplicit ? namespace : nil)),
                ("spec", Gen.obj(spec)),
                ("status", ["currentMetrics": .null, "desiredReplicas": 0]),
            ])
            if inv.flags.bool("save-config") { hpa = LastApplied.annotate(hpa) }
            var result = hpa
            if dryRun != .client {
                result = try server.write { try $0.create(hpa, type: hpaType, namespace: namespace, dryRun: dryRun == .server) }
            }
            if let format {
                try Workloads.printObjects([result], format: format, inv: &inv, typed: dryRun == .client)
            } else {
                inv.io.out.write("\(hpaType.qualifiedKind)/\(name) autoscaled\(dryRun.suffix)\n")
            }
        }
    }
}

// MARK: - expose

enum ExposeCommand {
    static let spec = CommandSpec(
        "expose", use: "expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]",
        short: "Create a Service that selects the pods of an existing object",
        flags: CommonFlags.output(tables: false) + CommonFlags.filenames("expose") + [
            FlagSpec("cluster-ip", .string, usage: "ClusterIP for the service; None makes it headless."),
            FlagSpec("container-port", .string, usage: "Synonym for --target-port.", hidden: true),
            CommonFlags.dryRun,
            FlagSpec("external-ip", .string, usage: "An external IP address to accept traffic on."),
            CommonFlags.fieldManager("kubectl-expose"),
            FlagSpec("labels", short: "l", .string, usage: "Labels for the service (default: the target's labels)."),
            FlagSpec("load-balancer-ip", .string, usage: "IP for a LoadBalancer service."),
            FlagSpec("name", .string, usage: "Name of the service (default: the target's name)."),
            FlagSpec("override-type", .string, default: "merge", usage: "Patch type for --overrides."),
            FlagSpec("overrides", .string, usage: "Inline JSON patched into the generated object."),
            FlagSpec("port", .string, usage: "Port the service serves on (default: the target's ports)."),
            FlagSpec("protocol", .string, usage: "Network protocol of the service port (TCP, UDP, SCTP)."),
            FlagSpec("record", .bool, usage: "Record the command line (deprecated).", hidden: true),
            FlagSpec("save-config", .bool, usage: "Record the object in the last-applied-configuration annotation, for later apply."),
            FlagSpec("selector", .string, usage: "Selector for the service (default: the target's)."),
            FlagSpec("session-affinity", .string, usage: "None or ClientIP."),
            FlagSpec("target-port", .string, usage: "Container port (number or name) the service forwards to."),
            FlagSpec("type", .string, usage: "ClusterIP, NodePort, LoadBalancer or ExternalName."),
        ],
        group: "Basic Commands (Beginner):", run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        if inv.args.isEmpty && inv.flags.strings("filename").isEmpty && inv.flags.string("kustomize").isEmpty {
            throw CLIError.message(ResourceArgs.noResourcesMessage)
        }
        let format = try Workloads.format(inv)
        let dryRun = try DryRun.from(inv)
        let (targets, errors) = try Workloads.collect(&inv, resources: inv.args)
        if let e = errors.first { throw e }
        let server = try inv.server()
        let namespace = try inv.namespace()
        guard let svcType = server.registry.type(group: "", kind: "Service") else { return }
        for t in targets {
            let type = t.type
            let gk = type.map { $0.group.isEmpty ? $0.kind : "\($0.kind).\($0.group)" } ?? t.kind
            let key = "\(type?.group ?? "")/\(type?.kind ?? t.kind)"
            guard ["/Pod", "/Service", "/ReplicationController", "apps/Deployment", "apps/ReplicaSet"].contains(key) else {
                throw CLIError.message("cannot expose a \(gk)")
            }
            let o = t.object
            // selector
            var selector: JSONValue
            let selectorFlag = inv.flags.string("selector")
            if !selectorFlag.isEmpty {
                var pairs: [(String, String)] = []
                for item in selectorFlag.split(separator: ",") {
                    let kv = item.split(separator: "=", maxSplits: 1)
                    guard kv.count == 2 else { throw CLIError.message("unexpected label spec: \(item)") }
                    pairs.append((String(kv[0]), String(kv[1])))
                }
                selector = Gen.sortedMap(pairs)
            } else {
                switch key {
                case "/Pod": selector = o["metadata"]["labels"]
                case "/Service", "/ReplicationController": selector = o["spec"]["selector"]
                default:
                    if !(o["spec"]["selector"]["matchExpressions"].array ?? []).isEmpty {
                        throw CLIError.message("couldn't convert expressions - \"\(o["spec"]["selector"].compactJSON)\" to map: the selector has expressions that cannot be represented as a map")
                    }
                    selector = o["spec"]["selector"]["matchLabels"]
                }
                if selector.isEmptyValue {
                    throw CLIError.message("couldn't retrieve selectors via --selector flag or introspection: the \(gk) \(goQuoted(t.name)) has no selector")
                }
            }
            // ports
            var ports: [(port: String, proto: String, name: String)] = []
            let portFlag = inv.flags.string("port")
            if !portFlag.isEmpty {
                for p in portFlag.split(separator: ",") { ports.append((String(p), "", "")) }
            } else if key == "/Service" {
                for p in o["spec"]["ports"].array ?? [] {
                    ports.append((String(p["port"].int ?? 0), p["protocol"].string ?? "", p["name"].string ?? ""))
                }
            } else {
                let podSpec = o.at(Workloads.podSpecPath(o, type: type) ?? [])
                for c in podSpec["containers"].array ?? [] {
                    for p in c["ports"].array ?? [] {
                        ports.append((String(p["containerPort"].int ?? 0), p["protocol"].string ?? "", p["name"].string ?? ""))
                    }
                }
            }
            if ports.isEmpty { throw CLIError.message("couldn't find port via --port flag or introspection") }
            let protocolFlag = inv.flags.string("protocol")
            var portValues: [JSONValue] = []
            var targetPort = inv.flags.string("target-port")
            if targetPort.isEmpty { targetPort = inv.flags.string("container-port") }
            for (i, p) in ports.enumerated() {
                guard let n = Int64(p.port) else {
                    throw CLIError.message("strconv.Atoi: parsing \(goQuoted(p.port)): invalid syntax")
                }
                let name: String? = ports.count > 1 ? "port-\(i + 1)" : nil
                let proto = !protocolFlag.isEmpty ? protocolFlag : (p.proto.isEmpty ? "TCP" : p.proto)
                let tp: JSONValue = targetPort.isEmpty ? .int(n) : (Int64(targetPort).map { .int($0) } ?? .string(targetPort))
                portValues.append(Gen.obj([("name", name.map { .string($0) }), ("protocol", .string(proto)),
                                           ("port", .int(n)), ("targetPort", tp)]))
            }
            let name = inv.flags.string("name").isEmpty ? t.name : inv.flags.string("name")
            var labels: JSONValue? = o["metadata"]["labels"].isEmptyValue ? nil : o["metadata"]["labels"]
            let labelFlag = inv.flags.string("labels")
            if !labelFlag.isEmpty {
                var pairs: [(String, String)] = []
                for item in labelFlag.split(separator: ",") {
                    let kv = item.split(separator: "=", maxSplits: 1)
                    guard kv.count == 2 else { throw CLIError.message("unexpected label spec: \(item)") }
                    pairs.append((String(kv[0]), String(kv[1])))
                }
                labels = Gen.sortedMap(pairs)
            }
            let svcTypeFlag = inv.flags.string("type")
            let lbIP = inv.flags.string("load-balancer-ip")
            let clusterIP = inv.flags.string("cluster-ip")
            let external = inv.flags.string("external-ip")
            let affinity = inv.flags.string("session-affinity")
            let spec = Gen.obj([
                ("ports", .array(portValues)),
                ("selector", selector),
                ("clusterIP", clusterIP.isEmpty ? nil : .string(clusterIP)),
                ("type", svcTypeFlag.isEmpty ? nil : .string(svcTypeFlag)),
                ("externalIPs", external.isEmpty ? nil : .array([.string(external)])),
                ("sessionAffinity", affinity.isEmpty ? nil : .string(affinity)),
                ("loadBalancerIP", svcTypeFlag == "LoadBalancer" && !lbIP.isEmpty ? .string(lbIP) : nil),
            ])
            var service = Gen.obj([
                ("kind", "Service"), ("apiVersion", "v1"),
                ("metadata", Gen.meta(name: name, namespace: inv.namespaceExplicit ? namespace : nil, labels: labels)),
                ("spec", spec),
                ("status", ["loadBalancer": .emptyObject]),
            ])
            if !inv.flags.string("overrides").isEmpty {
                service = try RunOverrides.apply(service, overrides: inv.flags.string("overrides"),
                                                 type: inv.flags.string("override-type"))
            }
            if inv.flags.bool("save-config") { service = LastApplied.annotate(service) }
            var result = service
            if dryRun != .client {
                result = try server.write { try $0.create(service, type: svcType, namespace: t.namespace.isEmpty ? namespace : t.namespace, dryRun: dryRun == .server) }
            }
            if let format {
                try Workloads.printObjects([result], format: format, inv: &inv, typed: dryRun == .client)
            } else {
                inv.io.out.write("service/\(name) exposed\(dryRun.suffix)\n")
            }
        }
    }
}
