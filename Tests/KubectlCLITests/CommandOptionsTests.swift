import KubeModel
import Testing
@testable import KubectlCLI

/// Declared flags that no code reads yet: each is `cmdflags`' to honour (or to document as meaningless
/// offline), after which its entry goes. Keep this list short and exact: a flag that starts being read
/// must leave it (the test fails on stale entries too).
let unreadFlagsAllowed: [String: Set<String>] = [
    "delete": ["timeout", "wait"],
    // --record only prints kubectl's deprecation notice here (change-cause is written by `set`).
    "label": ["field-manager", "record"],
    "annotate": ["field-manager", "record"],
    "create": ["record"],
    "apply": ["record"],
    "scale": ["record"],
]

/// Every command that runs through typed options (`CommandOptions`), with its path from the root.
func commandsWithOptions(_ spec: CommandSpec = RootCommand.spec, path: [String] = []) -> [([String], CommandSpec)] {
    var out: [([String], CommandSpec)] = []
    if spec.optionsType != nil { out.append((path, spec)) }
    for sub in spec.subcommands { out += commandsWithOptions(sub, path: path + [sub.name]) }
    return out
}

@Suite struct CommandOptionsTests {
    /// Completing a command's options reads every flag it declares (kubectl's Complete), so a declared
    /// flag that nothing reads shows up here.
    @Test func everyDeclaredFlagIsRead() throws {
        let commands = commandsWithOptions()
        #expect(commands.count >= 3)
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
            let allowed = unreadFlagsAllowed[path.joined(separator: " ")] ?? []
            #expect(unread.subtracting(allowed).isEmpty, "kubectl \(path.joined(separator: " ")): declared, never read: \(unread.subtracting(allowed).sorted())")
            #expect(allowed.subtracting(unread).isEmpty, "kubectl \(path.joined(separator: " ")): now read, drop from the allow-list: \(allowed.subtracting(unread).sorted())")
        }
    }

    /// The allow-list names only commands that exist and flags they declare.
    @Test func allowListNamesDeclaredFlags() {
        let byPath = Dictionary(uniqueKeysWithValues: commandsWithOptions().map { ($0.0.joined(separator: " "), $0.1) })
        for (path, names) in unreadFlagsAllowed {
            let spec = byPath[path]
            #expect(spec != nil, "\(path) does not run through typed options")
            let declared = Set(spec?.flags.map(\.name) ?? [])
            #expect(names.subtracting(declared).isEmpty, "\(path) does not declare \(names.subtracting(declared).sorted())")
        }
    }
}
