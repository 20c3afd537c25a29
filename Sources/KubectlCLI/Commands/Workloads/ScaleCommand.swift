import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

enum ScaleCommand {
    static let spec = CommandSpec(
        "scale", use: "scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)",
        short: "Change the replica count of a workload (deployment, replica set, stateful set, RC)",
        flags: CommonFlags.output(tables: false) + CommonFlags.filenames("set a new size for") + [
            FlagSpec("all", .bool, usage: "Select every object of the given types in the namespace."),
            FlagSpec("current-replicas", .int, default: "-1", usage: "Precondition: the current size must be this (-1 for no condition)."),
            CommonFlags.dryRun,
            CommonFlags.record,
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
        try Workloads.requireResources(inv, inv.args)
        let all = inv.flags.bool("all")
        let selector = inv.flags.string("selector")
        if all && !selector.isEmpty { throw CLIError.message("cannot set --all and --selector at the same time") }
        let format = try Workloads.format(inv)
        let dryRun = try DryRun.from(inv)
        let current = inv.flags.int("current-replicas")
        let resourceVersion = inv.flags.string("resource-version")
        let (targets, errors) = try Workloads.collect(&inv, resources: inv.args, all: all, selector: selector)
        if targets.isEmpty {
            // kubectl appends the builder's error: one message, or an aggregate `[a, b]`.
            let messages = errors.map { SetCommand.messageText(apiMessage($0)) }
            let detail = messages.count > 1 ? " [" + messages.joined(separator: ", ") + "]" : messages.first.map { " " + $0 } ?? ""
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
            try OperationPrinter(format: format, dryRun: dryRun, flags: inv.flags).printNow(result, type: type, operation: "scaled", inv: &inv)
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
