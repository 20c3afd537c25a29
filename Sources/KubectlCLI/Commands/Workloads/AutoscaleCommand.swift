import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

enum AutoscaleCommand {
    static let spec = CommandSpec(
        "autoscale", use: "autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]",
        short: "Create a HorizontalPodAutoscaler for a scalable workload",
        group: "Deploy Commands:", options: AutoscaleOptions.self)
}

/// autoscale's options: a HorizontalPodAutoscaler (autoscaling/v1, as kubectl v1.32 builds it) for each named workload that has a
/// scale subresource.
struct AutoscaleOptions: FlagOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var minPods = -1
    var maxPods = -1
    var cpuPercent = -1
    var name = ""
    var saveConfig = false
    /// Hidden and deprecated; accepted, nothing recorded.
    var record = false
    var dryRun = DryRun.none

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false) + [CommonFlags.dryRun]),
         .builder(\.builder, CommonFlags.filenames("autoscale")),
         .init(\.cpuPercent, "cpu-percent", default: "-1", usage: "Target average CPU utilization (percent of the request); -1 leaves the default policy.", bits: 32),
         .fieldManager("kubectl-autoscale"),
         .init(\.maxPods, "max", default: "-1", usage: "Upper limit for the number of pods.", bits: 32, required: true),
         .init(\.minPods, "min", default: "-1", usage: "Lower limit for the number of pods; -1 lets the server choose.", bits: 32),
         .init(\.name, "name", usage: "Name of the autoscaler (default: the target's name)."),
         .init(\.record, CommonFlags.record),
         .init(\.saveConfig, "save-config", usage: "Accepted for compatibility; kubectl v1.32 writes no annotation here either.")]
    }

    /// kubectl's Complete reads the dry-run strategy before Validate checks the counts; `-o` is read later.
    mutating func complete(_ inv: inout Invocation) throws { dryRun = try DryRun.parse(printFlags.dryRun, inv) }

    func validate(_ inv: Invocation) throws {
        if maxPods < 1 { throw CLIError.message("--max=MAXPODS is required and must be at least 1, max: \(maxPods)") }
        if maxPods < minPods {
            throw CLIError.message("--max=MAXPODS must be larger or equal to --min=MINPODS, max: \(maxPods), min: \(minPods)")
        }
        if builder.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
    }

    func run(_ inv: inout Invocation) throws {
        let explicit = inv.namespaceExplicit
        // v1.32 says `created` for a client dry run, `autoscaled` otherwise.
        let operation = dryRun == .client ? "created" : "autoscaled"
        try Workloads.createForEach(&inv, builder: builder, printer: try printFlags.toPrinter(dryRun: dryRun),
                                    kind: ("autoscaling", "HorizontalPodAutoscaler"), operation: operation) { t, namespace in
            (try autoscaler(for: t, namespace: namespace, explicit: explicit), namespace)
        }
    }

    func autoscaler(for t: WorkTarget, namespace: String, explicit: Bool) throws -> JSONValue {
        guard let type = t.type, type.scale != nil else {
            let gvr = t.type.map { "\($0.group)/\($0.version), Resource=\($0.plural)" } ?? t.kind
            throw CLIError.message("cannot autoscale a \(t.kind): could not find scale subresource for \(gvr) in discovery information")
        }
        // kubectl v1.32 builds an autoscaling/v1 object: one CPU target, status counts without omitempty.
        let spec: [(String, JSONValue?)] = [
            ("scaleTargetRef", Gen.obj([("kind", .string(type.kind)), ("name", .string(t.name)), ("apiVersion", .string(type.apiVersion))])),
            ("minReplicas", minPods > 0 ? .int(Int64(minPods)) : nil),
            ("maxReplicas", .int(Int64(maxPods))),
            ("targetCPUUtilizationPercentage", cpuPercent >= 0 ? .int(Int64(cpuPercent)) : nil),
        ]
        return Gen.obj([
            ("kind", "HorizontalPodAutoscaler"), ("apiVersion", "autoscaling/v1"),
            ("metadata", Gen.meta(name: name.isEmpty ? t.name : name, namespace: explicit ? namespace : nil)),
            ("spec", Gen.obj(spec)),
            ("status", ["currentReplicas": 0, "desiredReplicas": 0]),
        ])
    }
}
