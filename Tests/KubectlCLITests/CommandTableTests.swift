import Testing
@testable import KubectlCLI

/// A run parses its command line with a root holding only the command it names
/// (`RootCommand.root(for:)`): the outcome must be what the whole table gives.
@Suite struct CommandTableTests {
    @Test func eachEntryBuildsTheTablesCommand() throws {
        for (word, build) in RootCommand.byWord {
            let built = try #require(build(), "\(word)")
            let full = try #require(RootCommand.spec.subcommand(named: word), "\(word) is not in the table")
            #expect(built.name == full.name && built.aliases == full.aliases, "\(word)")
            #expect(built.use == full.use && built.short == full.short, "\(word)")
            #expect(built.flags == full.flags, "\(word)")
            #expect(built.subcommands.map(\.name) == full.subcommands.map(\.name), "\(word)")
        }
    }

    @Test func everyTopLevelCommandHasAnEntry() {
        let missing = RootCommand.spec.subcommands.map(\.name).filter { RootCommand.byWord[$0] == nil }
        #expect(missing == [], "commands built with the whole table on every run")
    }

    @Test func commandLinesParseAsWithTheWholeTable() {
        let lines: [[String]] = observedErrors.map(\.argv) + [
            ["get", "pods"], ["-n", "kube-system", "get", "pods", "-o", "wide"], ["--store", "x.db", "version", "--client"],
            ["create", "deployment", "web", "--image=nginx", "--replicas=2"], ["create", "deploy", "web", "--image=nginx"],
            ["top", "po"], ["rollout", "status", "deploy/web"], ["config", "use", "x"], ["get", "--help"], ["--help"],
            ["cordon", "node-1"], ["logs", "p"], ["--namespace", "get", "pods"], ["-v", "9", "get"], ["get", "--", "x"],
            ["set", "sa", "deploy/web", "default"], ["auth", "can-i", "get", "pods"], ["create"], ["help"], [],
        ]
        for argv in lines {
            #expect(outcome(argv, RootCommand.root(for: argv)) == outcome(argv, RootCommand.spec), "\(argv)")
        }
    }

    private func outcome(_ argv: [String], _ root: CommandSpec) -> String {
        do {
            let p = try CommandLineParser.parse(argv, root: root, globalFlags: GlobalFlags.all)
            return "\(p.path) \(p.command.name) \(p.args) \(p.argsLenAtDash as Any) \(p.helpRequested) "
                + "\(p.flags.values.sorted { $0.key < $1.key }) \(p.flags.changed.sorted()) \(p.flagSpecs.map(\.name)) \(p.warnings)"
        } catch {
            return "error \(error)"
        }
    }
}
