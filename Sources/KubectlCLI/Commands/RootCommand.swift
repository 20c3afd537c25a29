/// The command table: every command kubectl-local knows, as data.
enum RootCommand {
    static let spec: CommandSpec = {
        var root = table
        // kubectl registers its commands in this order; cobra's "Did you mean" suggestions follow it.
        let order = ["create", "expose", "run", "set", "explain", "get", "edit", "delete", "rollout", "scale", "autoscale",
                     "certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint", "describe", "logs",
                     "attach", "exec", "port-forward", "proxy", "cp", "auth", "debug", "events", "diff", "apply", "patch",
                     "replace", "wait", "kustomize", "label", "annotate", "completion", "config", "plugin", "version",
                     "api-versions", "api-resources", "options"]
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        root.subcommands = root.subcommands.enumerated().sorted { a, b in
            let ra = rank[a.element.name] ?? Int.max, rb = rank[b.element.name] ?? Int.max
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        return root
    }()

    static let table = CommandSpec(
        "kubectl",
        use: "kubectl [flags] [options]",
        short: "Control a local, offline, file-backed Kubernetes object store with kubectl's commands",
        subcommands: [
            CreateCommand.spec,
            GetCommand.spec,
            DeleteCommand.spec,
            DescribeCommand.spec,
            ExplainCommand.spec,
            LabelCommand.labelSpec,
            LabelCommand.annotateSpec,
            ApplyCommand.spec,
            PatchCommand.spec,
            ReplaceCommand.spec,
            EditCommand.spec,
            DiffCommand.spec,
            APIResourcesCommand.spec,
            APIResourcesCommand.versionsSpec,
            VersionCommand.spec,
            ConfigCommand.spec,
            StoreCommand.spec,
            KustomizeCommand.spec,
            CompletionCommand.spec,
            OptionsCommand.spec,
            CompletionCommand.completeSpec,
            CompletionCommand.manSpec,
            EventsCommand.spec,
            ClusterInfoCommand.spec,
            CertificateCommand.spec,
            AuthCommand.spec,
            PluginCommand.spec,
            PluginCommand.alphaSpec,
            DebugCommand.spec,
        ] + WorkloadCommands.specs + NoRuntimeCommands.specs)
}
