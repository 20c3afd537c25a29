import Synchronization

/// A command of the command table: its words, help texts, flags and what runs it.
public struct CommandSpec: Sendable {
    public var name: String
    public var aliases: [String]
    /// The usage line after `kubectl ` (e.g. `get [(-o|--output=)json|yaml|...] (TYPE[.VERSION][.GROUP] ...)`).
    public var use: String
    public var short: String
    public var long: String
    public var example: String
    /// Flags of this command only; global flags are added by the root. A command made from typed
    /// options builds its table when first read: `kubectl create configmap` then builds one of the
    /// create subcommands' tables, not all twenty (their key paths cost about 8 M instructions).
    public var flags: [FlagSpec] {
        get { flagTable.flags }
        set { flagTable = LazyFlagTable(newValue) }
    }
    private var flagTable: LazyFlagTable
    public var subcommands: [CommandSpec]
    /// Help group at the root (`Basic Commands (Beginner):`).
    public var group: String
    public var hidden: Bool
    /// cobra's SetFlagErrorFunc as `diff` sets it: a flag error is a usage error (`See '... -h' for help and
    /// examples`) with exit code 2, since 1 means "differences found".
    public var flagErrorsAreUsageErrors = false
    public var run: (@Sendable (inout Invocation) throws -> Void)?
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
        self.flagTable = LazyFlagTable(flags)
        self.subcommands = subcommands
        self.group = group
        self.hidden = hidden
        self.run = run
    }

    /// A command whose flags are made when first read, then kept.
    init(_ name: String, aliases: [String], use: String?, short: String, long: String, example: String,
         lazyFlags make: @escaping @Sendable () -> [FlagSpec], subcommands: [CommandSpec], group: String, hidden: Bool,
         run: (@Sendable (inout Invocation) throws -> Void)?)
    {
        self.init(name, aliases: aliases, use: use, short: short, long: long, example: example, subcommands: subcommands,
                  group: group, hidden: hidden, run: run)
        flagTable = LazyFlagTable(make)
    }

    public func subcommand(named word: String) -> CommandSpec? {
        subcommands.first { $0.name == word || $0.aliases.contains(word) }
    }
}

/// A command's flag table, given or made on first use (then kept).
private final class LazyFlagTable: Sendable {
    private let made: Mutex<[FlagSpec]?>
    private let make: (@Sendable () -> [FlagSpec])?

    init(_ flags: [FlagSpec]) {
        made = Mutex(flags)
        make = nil
    }

    init(_ make: @escaping @Sendable () -> [FlagSpec]) {
        made = Mutex(nil)
        self.make = make
    }

    var flags: [FlagSpec] {
        if let flags = made.withLock({ $0 }) { return flags }
        let flags = make?() ?? []
        made.withLock { $0 = $0 ?? flags }
        return flags
    }
}
