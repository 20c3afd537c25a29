/// The command table: every command kubectl-local knows, as data.
enum RootCommand {
    static let spec = CommandSpec(
        "kubectl",
        use: "kubectl [flags] [options]",
        short: "kubectl-local controls a local, offline, file-backed Kubernetes object store.",
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
            KustomizeCommand.spec,
        ] + NoRuntimeCommands.specs)
}
