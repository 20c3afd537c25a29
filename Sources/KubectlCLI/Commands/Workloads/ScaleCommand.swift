import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

enum ScaleCommand {
    static let spec = CommandSpec(
        "scale", use: "scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)",
        short: "Change the replica count of a workload (deployment, replica set, stateful set, RC)",
        group: "Deploy Commands:", options: ScaleOptions.self)

    /// The bare message of an API error (`deployments.apps "nope" not found`).
    static func apiMessage(_ e: Error) -> Error {
        if let a = e as? APIError { return CLIError.message(a.message) }
        if case CLIError.api(let a) = e { return CLIError.message(a.message) }
        return e
    }
}

/// scale's options: the new replica count of each named workload, through its registry entry's scale
/// subresource, with the `--current-replicas` / `--resource-version` preconditions.
struct ScaleOptions: FlagOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var replicas = 0
    var currentReplicas = -1
    var resourceVersion = ""
    /// Hidden and deprecated: the notice alone (README: Flags).
    var record = false
    /// Accepted, no effect offline (README, help): the store settles at once.
    var timeout = "0s"
    var printer = OperationPrinter(format: nil, dryRun: .none)

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false) + [CommonFlags.dryRun]),
         .builder(\.builder, CommonFlags.filenames("set a new size for") + [
            FlagSpec("all", .bool, usage: "Select every object of the given types in the namespace."), CommonFlags.selector]),
         .init(\.currentReplicas, "current-replicas", default: "-1", usage: "Precondition: the current size must be this (-1 for no condition)."),
         .init(\.record, CommonFlags.record),
         .init(\.replicas, "replicas", usage: "The new desired number of replicas.", required: true),
         .init(\.resourceVersion, "resource-version", usage: "Precondition: the current resourceVersion must be this."),
         .init(\.timeout, "timeout", .duration, default: "0s", usage: "How long to wait for the scale to finish. No effect offline: the store settles at once.")]
    }

    /// Every write goes through the scale subresource (its managedFields entry says so). kubectl's
    /// Complete reads the dry-run strategy and makes the printer before Validate checks the counts.
    mutating func complete(_ inv: inout Invocation) throws {
        printer = try printFlags.toPrinter(inv)
        inv.request.subresource = "scale"
    }

    func validate(_ inv: Invocation) throws {
        if replicas < 0 {
            throw CLIError.message("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
        }
        if currentReplicas < -1 { throw CLIError.message("The --current-replicas must specify an integer of -1 or greater") }
        if builder.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
        // v1.32's scale takes --all and --selector together (the selector filters the type's objects).
    }

    func run(_ inv: inout Invocation) throws {
        let (targets, errors) = try Workloads.collect(&inv, builder, fetch: .named)
        if targets.isEmpty {
            // kubectl appends the builder's error: one message, or an aggregate `[a, b]`.
            // An aggregate's text names each distinct message once.
            var messages: [String] = []
            for e in errors {
                let m = SetCommand.messageText(ScaleCommand.apiMessage(e))
                if !messages.contains(m) { messages.append(m) }
            }
            let detail = messages.count > 1 ? " [" + messages.joined(separator: ", ") + "]" : messages.first.map { " " + $0 } ?? ""
            throw CLIError.message("no objects passed to scale" + detail)
        }
        // v1.32 refuses only --resource-version with several objects; --current-replicas is checked per object.
        if targets.count > 1 && !resourceVersion.isEmpty {
            throw CLIError.message("cannot use --resource-version with multiple resources")
        }
        // kubectl prints each object as the builder read it (before the scale), stops at the first failed
        // scale, and reports the objects it could not read last.
        for t in targets {
            guard let type = t.type else { continue }
            if printer.dryRun != .client {
                guard let scale = type.scale else { throw CLIError.api(SubresourceWrite.noSuchPath) }
                let preconditions = ScalePreconditions(replicas: currentReplicas, resourceVersion: resourceVersion)
                do {
                    _ = try preconditions.scale(t.object, type: type, to: replicas, scale: scale, server: try inv.server(),
                                                dryRun: printer.dryRun == .server)
                } catch let e as ScalePreconditions.Failed {
                    throw CLIError.message(e.message)
                }
            }
            try printer.printNow(t.object, type: type, operation: "scaled", inv: &inv)
        }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }
}
