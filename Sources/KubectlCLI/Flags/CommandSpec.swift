/// A command of the command table: its words, help texts, flags and what runs it.
public struct CommandSpec: Sendable {
    public var name: String
    public var aliases: [String]
    /// The usage line after `kubectl ` (e.g. `get [(-o|--output=)json|yaml|...] (TYPE[.VERSION][.GROUP] ...)`).
    public var use: String
    public var short: String
    public var long: String
    public var example: String
    /// Flags of this command only; global flags are added by the root.
    public var flags: [FlagSpec]
    public var subcommands: [CommandSpec]
    /// Help group at the root (`Basic Commands (Beginner):`).
    public var group: String
    public var hidden: Bool
    public var run: (@Sendable (inout Invocation) throws -> Void)?
    /// kubectl diff's flag errors: a usage error (`See 'kubectl diff -h' for help and examples`) with exit
    /// code 2, because its exit code 1 means "differences found".
    public var flagErrorsExit2 = false
    /// The typed options the command runs with (nil for commands that read their flags as they go).
    /// Set once when the command table is built, never mutated afterwards.
    nonisolated(unsafe) var optionsType: (any CommandOptions.Type)?

    public init(_ name: String, aliases: [String] = [], use: String? = nil, short: String = "", long: String = "",
                example: String = "", flags: [FlagSpec] = [], subcommands: [CommandSpec] = [], group: String = "",
                hidden: Bool = false, run: (@Sendable (inout Invocation) throws -> Void)? = nil)
    {
        self.name = name
        self.aliases = aliases
        self.use = use ?? name
        self.short = short
        self.long = long
        self.example = example
        self.flags = flags
        self.subcommands = subcommands
        self.group = group
        self.hidden = hidden
        self.run = run
    }

    public func subcommand(named word: String) -> CommandSpec? {
        subcommands.first { $0.name == word || $0.aliases.contains(word) }
    }
}
