import KubeModel
import Testing
@testable import KubectlCLI

/// Every command that runs through typed options (`CommandOptions`), with its path from the root.
func commandsWithOptions(_ spec: CommandSpec = RootCommand.spec, path: [String] = []) -> [([String], CommandSpec)] {
    var out: [([String], CommandSpec)] = []
    if spec.optionsType != nil { out.append((path, spec)) }
    for sub in spec.subcommands { out += commandsWithOptions(sub, path: path + [sub.name]) }
    return out
}

/// Every command that runs (not only groups of subcommands), with its path.
func runnableCommands(_ spec: CommandSpec = RootCommand.spec, path: [String] = []) -> [([String], CommandSpec)] {
    var out: [([String], CommandSpec)] = spec.run == nil ? [] : [(path, spec)]
    for sub in spec.subcommands { out += runnableCommands(sub, path: path + [sub.name]) }
    return out
}

@Suite struct CommandOptionsTests {
    /// Every command runs through typed options, so the flag check below covers all of them.
    @Test func everyCommandHasTypedOptions() {
        let untyped = runnableCommands().filter { $0.1.optionsType == nil }.map { $0.0.joined(separator: " ") }
        #expect(untyped.isEmpty, "commands without typed options: \(untyped)")
    }

    /// A command's flags are its options' declarations, each with the field it fills (`FlagOptions`);
    /// only the commands that cannot run offline declare flags without fields (all accepted, no effect).
    @Test func everyFlagIsDeclaredWithItsField() {
        for (path, spec) in commandsWithOptions() where spec.optionsType != NoRuntimeOptions.self {
            let options = spec.optionsType as? any FlagOptions.Type
            #expect(options != nil, "kubectl \(path.joined(separator: " ")): options not declared with their flags")
            #expect(spec.flags.map(\.name) == (options?.flagSpecs ?? []).map(\.name),
                    "kubectl \(path.joined(separator: " ")): flags declared apart from the options' fields")
        }
    }

    /// Completing a command's options reads every flag it declares (kubectl's Complete), so a declared
    /// flag that nothing reads shows up here.
    @Test func everyDeclaredFlagIsRead() throws {
        let commands = commandsWithOptions()
        #expect(commands.count >= 30)
        for (path, spec) in commands {
            // Required flags are given (the parser refuses without them); every other flag keeps its default.
            let required = spec.flags.filter(\.required).map { "--\($0.name)=1" }
            let parsed = try CommandLineParser.parse(path + required, root: RootCommand.spec, globalFlags: GlobalFlags.all)
            var inv = Invocation(commandPath: path, args: [], flags: parsed.flags, io: .buffers(),
                                 environment: ["KUBECTL_LOCAL_STORE": "/nonexistent/never-opened.db"],
                                 clock: Clock(now: Timestamp(seconds: 0)))
            _ = try? spec.optionsType!.init(&inv)
            let declared = Set(spec.flags.map(\.name))
            let unread = declared.subtracting(parsed.flags.reads.names)
            #expect(unread.isEmpty, "kubectl \(path.joined(separator: " ")): declared, never read: \(unread.sorted())")
        }
    }
}
