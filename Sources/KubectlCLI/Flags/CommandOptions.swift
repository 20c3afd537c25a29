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
    /// A command run by its typed options; the options type is kept for the test that every declared
    /// flag is read. Options that declare their flags with their fields (`FlagOptions`) add them here.
    init(_ name: String, aliases: [String] = [], use: String? = nil, short: String = "", long: String = "",
         example: String = "", flags: [FlagSpec] = [], subcommands: [CommandSpec] = [], group: String = "",
         hidden: Bool = false, options: any CommandOptions.Type)
    {
        let declared = (options as? any FlagOptions.Type)?.flagSpecs ?? []
        self.init(name, aliases: aliases, use: use, short: short, long: long, example: example, flags: flags + declared,
                  subcommands: subcommands, group: group, hidden: hidden, run: CommandSpec.runner(options))
        self.optionsType = options
    }

    private static func runner<O: CommandOptions>(_: O.Type) -> @Sendable (inout Invocation) throws -> Void {
        { try O.execute(&$0) }
    }
}
