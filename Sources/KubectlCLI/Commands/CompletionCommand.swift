import KubeModel
#if canImport(Glibc)
import Glibc
#endif

/// `kubectl completion SHELL`, the hidden `__complete` entry the scripts call, and the hidden `__man`
/// that writes the man pages: all three read the command table.
enum CompletionCommand {
    static let spec = CommandSpec(
        "completion", use: "completion SHELL",
        short: "Print the shell completion script (bash, zsh, fish, or powershell)",
        group: "Settings Commands:", options: CompletionOptions.self)

    /// Listed in the table (hidden) so the name is taken; `CLI.run` answers it before flag parsing,
    /// since the words to complete may hold any flag.
    static let completeSpec = CommandSpec(
        "__complete", aliases: ["__completeNoDesc"], use: "__complete [command-line words] [word to complete]",
        short: "Answer a shell completion request (cobra's protocol)", hidden: true, options: CompleteOptions.self)

    /// `kubectl-local __man DIR`: writes every man page into DIR (Scripts/gen-docs.sh).
    static let manSpec = CommandSpec(
        "__man", use: "__man DIRECTORY", short: "Write the man pages into a directory", hidden: true,
        options: ManOptions.self)

    static func writeFile(_ path: String, _ text: String) throws {
        guard let failure = writeWholeFile(path, text) else { return }
        throw CLIError.message("cannot write \(path)" + (failure.call == "open" ? ": \(String(cString: strerror(failure.errno)))" : ""))
    }
}

/// completion SHELL: no flags.
struct CompletionOptions: FlagOptions {
    static var flags: [OptionFlag<Self>] { [] }
    func run(_ inv: inout Invocation) throws {
        guard let shell = inv.args.first else { throw CLIError.usage("Shell not specified.") }
        if inv.args.count > 1 { throw CLIError.usage("Too many arguments. Expected only the shell type.") }
        guard let script = CompletionScripts.script(for: shell) else {
            throw CLIError.usage("Unsupported shell type \"\(shell)\".")
        }
        inv.io.out.write(script)
    }
}

/// __complete WORDS...: the words are arguments, never flags of its own.
struct CompleteOptions: FlagOptions {
    static var flags: [OptionFlag<Self>] { [] }
    func run(_ inv: inout Invocation) throws {
        inv.exitCode = Completer.run(inv.args, descriptions: true, io: inv.io, environment: inv.environment)
    }
}

/// __man DIRECTORY.
struct ManOptions: FlagOptions {
    static var flags: [OptionFlag<Self>] { [] }
    func run(_ inv: inout Invocation) throws {
        guard inv.args.count == 1 else { throw CLIError.usage("expected one directory") }
        for page in ManPage.all() {
            try CompletionCommand.writeFile(inv.args[0] + "/" + page.name, page.text)
        }
    }
}
