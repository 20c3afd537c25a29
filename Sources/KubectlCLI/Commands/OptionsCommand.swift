/// `kubectl options`: the flags every command accepts.
enum OptionsCommand {
    static let spec = CommandSpec(
        "options", use: "options", short: "Print the list of flags inherited by all commands",
        group: "Other Commands:", options: OptionsOptions.self)
}

struct OptionsOptions: FlagOptions {
    static var flags: [OptionFlag<Self>] { [] }
    func run(_ inv: inout Invocation) throws { inv.io.out.write(Help.renderOptions()) }
}
