/// A command's typed options (kubectl's `XxxOptions`): read from the command's declared flags and
/// arguments in one place (`init`, kubectl's Complete, which reads every flag the command declares),
/// checked (`validate`), then run — always in that order.
protocol CommandOptions {
    init(_ inv: inout Invocation) throws
    func validate(_ inv: Invocation) throws
    func run(_ inv: inout Invocation) throws
}

extension CommandOptions {
    func validate(_ inv: Invocation) throws {}

    /// complete → validate → run.
    static func execute(_ inv: inout Invocation) throws {
        let options = try Self(&inv)
        try options.validate(inv)
        try options.run(&inv)
    }
}

extension CommandSpec {
    /// A command run by its typed options. Its flags are the options' declarations (`FlagOptions.flags`):
    /// a flag is declared with the field it fills, so none is declared without being read, or read
    /// without being declared (CommandOptionsTests check it for every command).
    init(_ name: String, aliases: [String] = [], use: String? = nil, short: String = "", long: String = "",
         example: String = "", subcommands: [CommandSpec] = [], group: String = "", hidden: Bool = false,
         options: any FlagOptions.Type)
    {
        self.init(name, aliases: aliases, use: use, short: short, long: long, example: example,
                  lazyFlags: CommandSpec.flagMaker(options), subcommands: subcommands, group: group, hidden: hidden,
                  run: CommandSpec.runner(options))
        self.optionsType = options
    }

    private static func flagMaker<O: FlagOptions>(_: O.Type) -> @Sendable () -> [FlagSpec] {
        { O.flagSpecs }
    }

    private static func runner<O: CommandOptions>(_: O.Type) -> @Sendable (inout Invocation) throws -> Void {
        { try O.execute(&$0) }
    }
}
