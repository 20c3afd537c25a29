/// The command table: every command kubectl-local knows, as data.
enum RootCommand {
    static let spec = CommandSpec(
        "kubectl",
        use: "kubectl [flags] [options]",
        short: "Control a local, offline, file-backed Kubernetes object store with kubectl's commands",
        subcommands: [
            CreateCommand.spec,
            GetCommand.spec,
            DeleteCommand.spec,
            DescribeCommand.spec,
            LabelCommand.labelSpec,
            LabelCommand.annotateSpec,
            APIResourcesCommand.spec,
            APIResourcesCommand.versionsSpec,
            VersionCommand.spec,
            ConfigCommand.spec,
            CompletionCommand.spec,
            OptionsCommand.spec,
            CompletionCommand.completeSpec,
            CompletionCommand.manSpec,
        ] + NoRuntimeCommands.specs)
}
