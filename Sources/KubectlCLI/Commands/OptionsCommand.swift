/// `kubectl options`: the flags every command accepts.
enum OptionsCommand {
    static let spec = CommandSpec(
        "options", use: "options", short: "Print the list of flags inherited by all commands",
        group: "Other Commands:",
        run: { inv in inv.io.out.write(Help.renderOptions()) })
}
