/// `kubectl auth`: questions about who the client is and what RBAC lets it do.
enum AuthCommand {
    static let spec = CommandSpec(
        "auth", use: "auth [flags] [options]", short: "Inspect authorization: RBAC answers from the store's roles and bindings",
        subcommands: [CanIOptions.spec, WhoAmIOptions.spec],
        group: "Troubleshooting and Debugging Commands:")
}
