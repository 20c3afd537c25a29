import KubeModel

/// Everything one run of a command sees: its place in the command tree, parsed flags, positional
/// arguments, streams, environment and clock. Commands never call `exit()` and never print errors;
/// they throw, and the error renderer turns the error into kubectl's text and exit code.
public struct Invocation: @unchecked Sendable {
    /// Command words from the root (`["create", "deployment"]`).
    public var commandPath: [String]
    public var args: [String]
    /// Index in `args` of the first argument after `--` (cobra's ArgsLenAtDash), nil without `--`.
    public var argsLenAtDash: Int?
    public var flags: ParsedFlags
    public var io: IOStreams
    public var environment: [String: String]
    public var clock: Clock
    /// Exit code for a run that did not throw (`diff` uses 1 for "differences found").
    public var exitCode: Int32 = 0
    let services = Services()

    public init(commandPath: [String], args: [String], argsLenAtDash: Int? = nil, flags: ParsedFlags,
                io: IOStreams, environment: [String: String], clock: Clock)
    {
        self.commandPath = commandPath
        self.args = args
        self.argsLenAtDash = argsLenAtDash
        self.flags = flags
        self.io = io
        self.environment = environment
        self.clock = clock
    }

    /// `kubectl create deployment`: what usage errors name (`See 'kubectl create deployment -h'`).
    public var commandLine: String { (["kubectl"] + commandPath).joined(separator: " ") }
}
