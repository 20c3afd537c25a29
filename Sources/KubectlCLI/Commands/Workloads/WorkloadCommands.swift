/// The workload verbs, in the order the command table lists them.
enum WorkloadCommands {
    static let specs: [CommandSpec] = [
        RunCommand.spec,
        ExposeCommand.spec,
        SetCommand.spec,
        ScaleCommand.spec,
        AutoscaleCommand.spec,
        RolloutCommand.spec,
        WaitCommand.spec,
        TopCommand.spec,
    ] + NodeCommands.specs + [
    ]
}
