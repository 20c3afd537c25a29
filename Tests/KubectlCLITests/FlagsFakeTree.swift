import KubectlCLI

/// A small command tree shaped like kubectl's (same flag names, shorthands, kinds, NoOptDefVals), with the
/// root's subcommands in kubectl's order so that suggestions come out in kubectl's order.
enum FlagsFakeTree {
    static let globals: [FlagSpec] = [
        FlagSpec("as", .string, usage: ""),
        FlagSpec("as-group", .stringArray, usage: ""),
        FlagSpec("context", .string, usage: ""),
        FlagSpec("kubeconfig", .string, usage: ""),
        FlagSpec("match-server-version", .bool, usage: ""),
        FlagSpec("namespace", short: "n", .string, usage: ""),
        FlagSpec("request-timeout", .string, default: "0", usage: ""),
        FlagSpec("server", short: "s", .string, usage: ""),
        FlagSpec("v", short: "v", .int, default: "0", usage: ""),
        FlagSpec("log-flush-frequency", .duration, default: "5s", usage: ""),
        FlagSpec("warnings-as-errors", .bool, usage: ""),
    ]

    static func dryRun() -> FlagSpec { FlagSpec("dry-run", .string, default: "none", usage: "", noOptDefault: "unchanged") }
    static func output() -> FlagSpec { FlagSpec("output", short: "o", .string, usage: "") }
    static func validate() -> FlagSpec { FlagSpec("validate", .string, default: "strict", usage: "", noOptDefault: "strict") }

    static let get = CommandSpec("get", flags: [
        FlagSpec("all-namespaces", short: "A", .bool, usage: ""),
        FlagSpec("chunk-size", .int, default: "500", usage: ""),
        FlagSpec("field-selector", .string, usage: ""),
        FlagSpec("filename", short: "f", .stringSlice, usage: ""),
        FlagSpec("ignore-not-found", .bool, usage: ""),
        FlagSpec("label-columns", short: "L", .stringSlice, usage: ""),
        output(),
        FlagSpec("selector", short: "l", .string, usage: ""),
        FlagSpec("show-labels", .bool, usage: ""),
        FlagSpec("watch", short: "w", .bool, usage: ""),
    ])

    static let label = CommandSpec("label", flags: [
        FlagSpec("all", .bool, usage: ""),
        dryRun(),
        FlagSpec("filename", short: "f", .stringSlice, usage: ""),
        FlagSpec("local", .bool, usage: ""),
        output(),
        FlagSpec("overwrite", .bool, usage: ""),
        FlagSpec("selector", short: "l", .string, usage: ""),
    ])

    static let createDeployment = CommandSpec("deployment", aliases: ["deploy"], flags: [
        dryRun(),
        FlagSpec("image", .stringSlice, usage: "", required: true),
        output(),
        FlagSpec("port", .int, default: "-1", usage: "", bits: 32),
        FlagSpec("replicas", short: "r", .int, default: "1", usage: "", bits: 32),
        validate(),
    ])

    static let createSecretGeneric = CommandSpec("generic", flags: [
        dryRun(),
        FlagSpec("from-file", .stringSlice, usage: ""),
        FlagSpec("from-literal", .stringArray, usage: ""),
        output(),
        FlagSpec("type", .string, usage: ""),
    ])

    static let createServiceClusterIP = CommandSpec("clusterip", flags: [
        dryRun(), output(), FlagSpec("tcp", .stringSlice, usage: ""),
    ])

    static let create = CommandSpec("create", flags: [
        dryRun(),
        FlagSpec("edit", .bool, usage: ""),
        FlagSpec("filename", short: "f", .stringSlice, usage: ""),
        output(),
        validate(),
    ], subcommands: [
        createDeployment,
        CommandSpec("secret", subcommands: [createSecretGeneric]),
        CommandSpec("service", aliases: ["svc"], subcommands: [createServiceClusterIP]),
    ])

    static let delete = CommandSpec("delete", flags: [
        FlagSpec("all", .bool, usage: ""),
        FlagSpec("cascade", .string, default: "background", usage: "", noOptDefault: "background"),
        FlagSpec("force", .bool, usage: ""),
        FlagSpec("grace-period", .int, default: "-1", usage: ""),
        FlagSpec("timeout", .duration, default: "0s", usage: ""),
    ])

    static let rollout = CommandSpec("rollout", subcommands: [
        CommandSpec("history", flags: [
            output(),
            FlagSpec("revision", .int, default: "0", usage: ""),
            FlagSpec("selector", short: "l", .string, usage: ""),
        ]),
    ])

    static let exec = CommandSpec("exec", flags: [
        FlagSpec("container", short: "c", .string, usage: ""),
        FlagSpec("filename", short: "f", .stringSlice, usage: ""),
        FlagSpec("pod-running-timeout", .duration, default: "1m0s", usage: ""),
        FlagSpec("quiet", short: "q", .bool, usage: ""),
        FlagSpec("stdin", short: "i", .bool, usage: ""),
        FlagSpec("tty", short: "t", .bool, usage: ""),
    ])

    /// kubectl's root command order (the order kubectl adds them, which is what suggestions follow:
    /// `kubectl api` suggests cp, api-versions, api-resources); the ones not modelled are bare.
    static let root: CommandSpec = {
        let order = ["create", "expose", "run", "set", "explain", "get", "edit", "delete", "rollout", "scale",
                     "autoscale", "certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint",
                     "describe", "logs", "attach", "exec", "port-forward", "proxy", "cp", "auth", "debug", "events",
                     "diff", "apply", "patch", "replace", "wait", "kustomize", "label", "annotate", "completion",
                     "config", "plugin", "version", "api-versions", "api-resources", "options", "help"]
        let modelled = [create, get, label, delete, rollout, exec]
        let subs = order.map { name in modelled.first { $0.name == name } ?? CommandSpec(name) }
        return CommandSpec("kubectl", subcommands: subs)
    }()

    static func parse(_ argv: [String]) throws -> ParseResult {
        try CommandLineParser.parse(argv, root: root, globalFlags: globals)
    }
}
