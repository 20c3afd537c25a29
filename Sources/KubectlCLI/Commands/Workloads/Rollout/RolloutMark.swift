import KubeModel

/// restart, pause and resume (one file each beside this one): a single change of a workload's spec or
/// template, stored and printed; the shared loop is here.
protocol RolloutMark {
    /// The verb in the usage of `-f` ("restart") and the refusal for unsupported kinds ("restarting").
    static var verb: String { get }
    static var gerund: String { get }
    /// Changes `object` and returns the operation printed ("restarted"), or says why it is left alone.
    static func change(_ object: inout JSONValue, kind: RolloutCommand.Kind, now: Timestamp) -> RolloutMarkResult
}

enum RolloutMarkResult {
    case changed(operation: String)
    /// Why the object is left alone (`is already paused`); empty: the kind is not supported.
    case refused(String)
}

struct RolloutMarkOptions<Mark: RolloutMark>: RolloutVerbOptions {
    var o = RolloutOptions()
    static var flags: [OptionFlag<Self>] { naming(Mark.verb, output: true) + [.fieldManager("kubectl-rollout")] }
    func run(_ inv: inout Invocation) throws { try RolloutCommand.mark(&inv, Mark.self, o) }
}

extension RolloutCommand {
    static func mark<Mark: RolloutMark>(_ inv: inout Invocation, _ mark: Mark.Type, _ o: RolloutOptions) throws {
        let dryRun = try DryRun.parse(o.printFlags.dryRun, inv)
        let printer = OperationPrinter(format: try o.printFlags.format(), dryRun: dryRun, showManagedFields: o.printFlags.showManagedFields)
        // kubectl reads every object first (`r.Infos()`), then patches them: the objects it could not
        // read are reported before the patches that failed.
        var patchErrors: [Error] = []
        do {
            try visit(&inv, o) { t, inv in
                do { try markOne(t, &inv, mark, dryRun: dryRun, printer: printer) } catch { patchErrors.append(error) }
            }
        } catch CLIError.aggregate(let readErrors) {
            throw CLIError.aggregate(readErrors + patchErrors)
        }
        if !patchErrors.isEmpty { throw CLIError.aggregate(patchErrors) }
    }

    static func markOne<Mark: RolloutMark>(_ t: WorkTarget, _ inv: inout Invocation, _ mark: Mark.Type, dryRun: DryRun,
                                           printer: OperationPrinter) throws {
        var changed = t.object
        // kubectl's patch errors: `error: deployments.apps "web" is already paused`.
        let subject = "error: \(t.type?.qualifiedPlural ?? t.kind.lowercased()) \(goQuoted(t.name))"
        guard let kind = kind(t), let type = t.type else { throw CLIError.raw("\(subject) \(Mark.gerund) is not supported") }
        switch Mark.change(&changed, kind: kind, now: inv.clock.now) {
        case .refused(let text) where text.isEmpty:
            throw CLIError.raw("\(subject) \(Mark.gerund) is not supported")
        case .refused(let text):
            throw CLIError.raw("\(subject) \(text)")
        case .changed(let operation):
            let result: JSONValue
            do { result = try Workloads.store(changed, type: type, inv: &inv, dryRun: dryRun) } catch {
                // kubectl's `fmt.Errorf("failed to patch: %v", err)`: the refusal's message alone.
                throw CLIError.message("failed to patch: " + ErrorRenderer.goText(error))
            }
            try printer.printNow(result, type: t.type, operation: operation, inv: &inv)
        }
    }

    /// pause and resume: `spec.paused` of a deployment (other kinds cannot be paused).
    static func setPaused(_ pause: Bool, _ object: inout JSONValue, kind: Kind) -> RolloutMarkResult {
        guard kind == .deployment else { return .refused("") }
        if (object["spec"]["paused"].bool ?? false) == pause { return .refused(pause ? "is already paused" : "is not paused") }
        if pause { object["spec"]["paused"] = true } else { object["spec"].remove(["paused"]) }
        return .changed(operation: pause ? "paused" : "resumed")
    }
}
