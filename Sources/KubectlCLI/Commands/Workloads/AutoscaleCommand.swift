import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

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
            CommonFlags.record,
            FlagSpec("save-config", .bool, usage: "Record the object in the last-applied-configuration annotation, for later apply."),
        ],
        group: "Deploy Commands:", run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        let maxPods = inv.flags.int("max"), minPods = inv.flags.int("min")
        if maxPods < 1 { throw CLIError.message("--max=MAXPODS is required and must be at least 1, max: \(maxPods)") }
        if maxPods < minPods {
            throw CLIError.message("--max=MAXPODS must be larger or equal to --min=MINPODS, max: \(maxPods), min: \(minPods)")
        }
        try Workloads.requireResources(inv, inv.args)
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
            try OperationPrinter(format: format, dryRun: dryRun, flags: inv.flags, typedJSON: dryRun == .client)
                .printNow(result, type: hpaType, operation: "autoscaled", inv: &inv)
        }
    }
}
