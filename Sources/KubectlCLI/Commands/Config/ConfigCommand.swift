/// `kubectl config`: the kubeconfig's clusters, users and contexts (Config/Kubeconfig*.swift). Each
/// cluster is a store of its own; the subcommands print kubectl's texts.
enum ConfigCommand {
    static let spec = CommandSpec(
        "config", use: "config SUBCOMMAND", short: "Show or change the kubeconfig (clusters, users, contexts)",
        subcommands: [
            CommandSpec("current-context", use: "current-context [flags]", short: "Print the name of the context in use",
                        options: CurrentContextOptions.self),
            CommandSpec("delete-cluster", use: "delete-cluster NAME", short: "Remove a cluster from the kubeconfig",
                        options: DeleteEntryOptions<ClusterEntry>.self),
            CommandSpec("delete-context", use: "delete-context NAME", short: "Remove a context from the kubeconfig",
                        options: DeleteEntryOptions<ContextEntry>.self),
            CommandSpec("delete-user", use: "delete-user NAME", short: "Remove a user from the kubeconfig",
                        options: DeleteEntryOptions<UserEntry>.self),
            CommandSpec("get-clusters", use: "get-clusters [flags]", short: "List the clusters of the kubeconfig",
                        options: ListEntriesOptions.Clusters.self),
            CommandSpec("get-contexts", use: "get-contexts [(-o|--output=)name)]", short: "List the contexts, one or more by name",
                        options: GetContextsOptions.self),
            CommandSpec("get-users", use: "get-users [flags]", short: "List the users of the kubeconfig",
                        options: ListEntriesOptions.Users.self),
            CommandSpec("rename-context", use: "rename-context CONTEXT_NAME NEW_NAME", short: "Give a context a new name",
                        options: RenameContextOptions.self),
            CommandSpec("set", use: "set PROPERTY_NAME PROPERTY_VALUE", short: "Set one value of the kubeconfig by its dotted path",
                        options: SetPropertyOptions.self),
            CommandSpec("set-cluster", use: "set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com]",
                        short: "Add a cluster, or change fields of one", options: SetClusterOptions.self),
            CommandSpec("set-context", use: "set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]",
                        short: "Add a context, or change its cluster, user or namespace",
                        options: SetContextOptions.self),
            CommandSpec("set-credentials", use: SetCredentialsOptions.use, short: "Add a user, or change its credentials",
                        options: SetCredentialsOptions.self),
            CommandSpec("unset", use: "unset PROPERTY_NAME", short: "Remove one value of the kubeconfig by its dotted path",
                        options: UnsetPropertyOptions.self),
            CommandSpec("use-context", aliases: ["use"], use: "use-context CONTEXT_NAME", short: "Make a context the one in use",
                        options: UseContextOptions.self),
            CommandSpec("view", use: "view [flags]", short: "Print the kubeconfig, secrets hidden unless --raw",
                        options: ViewConfigOptions.self),
        ],
        group: "Other Commands:")
}

extension Invocation {
    /// kubectl's config commands given the wrong number of arguments: their help on stdout, then
    /// `error: Unexpected args: [...]`.
    func helpThenUnexpectedArgs(lowercase: Bool = false) -> Error {
        helpThen("\(lowercase ? "u" : "U")nexpected args: [\(args.joined(separator: " "))]")
    }

    /// The command's help on stdout, then `error: MESSAGE`.
    func helpThen(_ message: String) -> Error {
        if let command = Help.command(at: commandPath) { io.out.write(Help.render(command, path: commandPath)) }
        return CLIError.message(message)
    }

    /// Changes the kubeconfig file (created from the current document when there is none yet).
    func updateKubeconfig(_ change: (inout Kubeconfig) throws -> Void) throws {
        let location = kubeconfigLocation
        var saved: Kubeconfig?
        try KubeconfigFile.update(location.path, initial: { try kubeconfig() }, writeUnchanged: !location.explicit) { config in
            try change(&config)
            saved = config
        }
        services.kubeconfig = saved
        services.active = nil
    }
}
