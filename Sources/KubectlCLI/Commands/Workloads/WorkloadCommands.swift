/// The workload verbs, in the order the command table lists them.
enum WorkloadCommands {
    static let specs: [CommandSpec] = [
        SetCommand.spec,
    ]
}
