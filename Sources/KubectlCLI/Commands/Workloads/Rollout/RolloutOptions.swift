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
