/// `kubectl create <kind>` subcommands, built from the generators.
enum CreateSubcommands {
    static let all: [CommandSpec] = []
}
