/// What the rollout verbs read from their flags: the workloads named (`TYPE NAME`, `TYPE/NAME`, `-f`,
/// `-k`, `-l`) and each verb's own values (zero when the verb has no such flag).
struct RolloutOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var revision = 0
    var toRevision = 0
    var watch = false
    /// `status --timeout` when given (nil: not set).
    var timeout: DurationFlag?
    var timeoutNanoseconds: Int64? { timeout?.nanoseconds }
}

/// The options type of one rollout verb: its flags fill a `RolloutOptions`.
protocol RolloutVerbOptions: FlagOptions {
    var o: RolloutOptions { get set }
}

extension RolloutVerbOptions {
    /// The flags naming the workloads (`-f`, `-R`, `-k`, `-l`), and with `output` the printing flags.
    static func naming(_ purpose: String, output: Bool, dryRun: Bool = false) -> [OptionFlag<Self>] {
        var flags: [OptionFlag<Self>] = [.builder(\Self.o.builder, CommonFlags.filenames(purpose) + [CommonFlags.selector])]
        if output { flags.append(.printing(\Self.o.printFlags, CommonFlags.output(tables: false) + (dryRun ? [CommonFlags.dryRun] : []))) }
        return flags
    }
}

/// `rollout history`: the revisions of each workload, or one revision's pod template.
struct RolloutHistoryOptions: RolloutVerbOptions {
    var o = RolloutOptions()
    static var flags: [OptionFlag<Self>] {
        naming("view", output: true) + [.init(\Self.o.revision, "revision", usage: "Show the pod template of this revision.")]
    }
    func run(_ inv: inout Invocation) throws { try RolloutCommand.history(&inv, o) }
}

/// `rollout undo`: back to a recorded revision.
struct RolloutUndoOptions: RolloutVerbOptions {
    var o = RolloutOptions()
    static var flags: [OptionFlag<Self>] {
        naming("roll back", output: true, dryRun: true)
            + [.init(\Self.o.toRevision, "to-revision", usage: "The revision to roll back to (0: the previous one).")]
    }
    func run(_ inv: inout Invocation) throws { try RolloutCommand.undo(&inv, o) }
}

/// `rollout status`: how far the rollout is, watched until done unless `--watch=false`.
struct RolloutStatusOptions: RolloutVerbOptions {
    var o = RolloutOptions()
    static var flags: [OptionFlag<Self>] {
        naming("get", output: false) + [
            .init(\Self.o.revision, "revision", usage: "Pin to a revision (stateful sets are not supported)."),
            .init(\Self.o.timeout, "timeout", default: "0s", usage: "How long to wait; 0 means forever."),
            .init(\Self.o.watch, "watch", short: "w", default: "true", usage: "Keep watching until the rollout is done."),
        ]
    }
    func run(_ inv: inout Invocation) throws { try RolloutCommand.status(&inv, o) }
}

/// restart, pause and resume: one change of the workload's spec or template annotations.
protocol RolloutMark { static var action: RolloutCommand.Action { get } }
enum RolloutRestart: RolloutMark { static var action: RolloutCommand.Action { .restart } }
enum RolloutPause: RolloutMark { static var action: RolloutCommand.Action { .pause } }
enum RolloutResume: RolloutMark { static var action: RolloutCommand.Action { .resume } }

struct RolloutMarkOptions<Mark: RolloutMark>: RolloutVerbOptions {
    var o = RolloutOptions()
    static var flags: [OptionFlag<Self>] {
        let purpose = switch Mark.action { case .restart: "restart"; case .pause: "pause"; case .resume: "resume" }
        return naming(purpose, output: true) + [.fieldManager("kubectl-rollout")]
    }
    func run(_ inv: inout Invocation) throws { try RolloutCommand.mark(&inv, action: Mark.action, o) }
}
