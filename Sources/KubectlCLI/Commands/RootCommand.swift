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
        // Positions are sorted, not the (large) specs.
        let subcommands = root.subcommands
        let positions = subcommands.indices.sorted { a, b in
            let ra = rank[subcommands[a].name] ?? Int.max, rb = rank[subcommands[b].name] ?? Int.max
            return ra != rb ? ra < rb : a < b
        }
        root.subcommands = positions.map { subcommands[$0] }
        return root
    }()

    static let table = root(subcommands: [
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
        ExplainCommand.schemaSpec,
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

    static func root(subcommands: [CommandSpec]) -> CommandSpec {
        CommandSpec("kubectl", use: "kubectl [flags] [options]",
                    short: "Control a local, offline, file-backed Kubernetes object store with kubectl's commands",
                    subcommands: subcommands)
    }

    /// The root a command line is parsed with. A run builds the spec of the command it names and no
    /// other (building every command's flags and help texts is a good part of a short command's
    /// time); a word that names no command here (or none at all) gets the whole table, for cobra's
    /// errors, suggestions and the root's help.
    static func root(for argv: [String]) -> CommandSpec {
        // The root has no flags of its own: the first word that is not a global flag or its value.
        let words = CommandLineParser.stripFlags(argv, FlagTable([], GlobalFlags.all, addHelp: false))
        guard let word = words.first, let command = byWord[word]?() else { return spec }
        return root(subcommands: [command])
    }

    /// Each top-level command by its name, built alone. A command missing here still runs (through the
    /// whole table); `CommandTableTests` checks that each entry builds the command the table has.
    static let byWord: [String: @Sendable () -> CommandSpec?] = [
        "create": { CreateCommand.spec }, "get": { GetCommand.spec }, "delete": { DeleteCommand.spec },
        "describe": { DescribeCommand.spec }, "explain": { ExplainCommand.spec }, "label": { LabelCommand.labelSpec },
        "annotate": { LabelCommand.annotateSpec }, "apply": { ApplyCommand.spec }, "patch": { PatchCommand.spec },
        "replace": { ReplaceCommand.spec }, "edit": { EditCommand.spec }, "diff": { DiffCommand.spec },
        "api-resources": { APIResourcesCommand.spec }, "api-versions": { APIResourcesCommand.versionsSpec },
        "version": { VersionCommand.spec }, "config": { ConfigCommand.spec }, "store": { StoreCommand.spec },
        "schema": { ExplainCommand.schemaSpec },
        "kustomize": { KustomizeCommand.spec }, "completion": { CompletionCommand.spec }, "options": { OptionsCommand.spec },
        "__man": { CompletionCommand.manSpec }, "__complete": { CompletionCommand.completeSpec },
        "__completeNoDesc": { CompletionCommand.completeSpec }, "events": { EventsCommand.spec },
        "cluster-info": { ClusterInfoCommand.spec }, "certificate": { CertificateCommand.spec }, "auth": { AuthCommand.spec },
        "plugin": { PluginCommand.spec }, "alpha": { PluginCommand.alphaSpec }, "debug": { DebugCommand.spec },
        "run": { RunCommand.spec }, "expose": { ExposeCommand.spec }, "set": { SetCommand.spec },
        "scale": { ScaleCommand.spec }, "autoscale": { AutoscaleCommand.spec }, "rollout": { RolloutCommand.spec },
        "wait": { WaitCommand.spec }, "top": { TopCommand.spec },
        "cordon": { named("cordon", NodeCommands.specs) }, "uncordon": { named("uncordon", NodeCommands.specs) },
        "drain": { named("drain", NodeCommands.specs) }, "taint": { named("taint", NodeCommands.specs) },
        "logs": { named("logs", NoRuntimeCommands.specs) }, "exec": { named("exec", NoRuntimeCommands.specs) },
        "attach": { named("attach", NoRuntimeCommands.specs) }, "port-forward": { named("port-forward", NoRuntimeCommands.specs) },
        "cp": { named("cp", NoRuntimeCommands.specs) }, "proxy": { named("proxy", NoRuntimeCommands.specs) },
    ]

    private static func named(_ name: String, _ specs: [CommandSpec]) -> CommandSpec? {
        specs.first { $0.name == name }
    }
}
