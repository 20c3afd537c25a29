#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// `--help`, `-h` and `options` in kubectl's layout, for every command of the table (found by walking
/// the help output itself, so new commands are covered without changing these tests).
@Suite struct ShellHelpTests {
    static let golden = ShellSupport.repoRoot + "/Tests/KubectlCLITests/Golden/shell/"
    static let sectionTitles: Set<String> = ["Aliases:", "Examples:", "Available Commands:", "Options:", "Usage:"]

    /// Every command path, from the root help's groups and each command's `Available Commands:`.
    static func commandPaths(_ s: TestStore) -> [[String]] {
        var result: [[String]] = []
        func visit(_ path: [String]) {
            result.append(path)
            let help = s.run(args: path + ["--help"]).stdout
            var inList = false
            for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.isEmpty { inList = false; continue }
                if !line.hasPrefix(" ") {
                    inList = line == "Available Commands:" || (path.isEmpty && line.hasSuffix(":") && line != "Usage:")
                    continue
                }
                if inList, line.hasPrefix("  "), let name = line.split(separator: " ").first {
                    visit(path + [String(name)])
                }
            }
        }
        visit([])
        return result + [["options"]]
    }

    /// `    -o, --output='':` lines.
    static func flagHeadings(_ help: String) -> [String] {
        help.split(separator: "\n").map(String.init).filter { line in
            line.hasPrefix("    --") || (line.hasPrefix("    -") && line.dropFirst(6).hasPrefix(", --"))
        }
    }

    static func sections(_ help: String) -> [String] {
        help.split(separator: "\n").map(String.init).filter { sectionTitles.contains($0) }
    }

    @Test func everyCommandPrintsHelpInKubectlsLayout() {
        let s = TestStore()
        let paths = Self.commandPaths(s)
        #expect(paths.count > 30)
        for path in paths where !path.isEmpty {
            let name = path.joined(separator: " ")
            let long = s.run(args: path + ["--help"])
            let short = s.run(args: path + ["-h"])
            #expect(long.exitCode == 0 && long.stderr.isEmpty, "\(name) --help: \(long)")
            #expect(short == long, "\(name): -h differs from --help")
            let text = long.stdout
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // Description first, then the sections in kubectl's order.
            #expect(!(lines.first ?? "").isEmpty && !Self.sectionTitles.contains(lines[0]), "\(name): no description")
            let order = ["Aliases:", "Examples:", "Available Commands:", "Options:", "Usage:"]
            let found = Self.sections(text)
            #expect(found == order.filter { found.contains($0) }, "\(name): sections \(found)")
            #expect(found.last == "Usage:", "\(name): no Usage section")
            // The usage line names the command; the last line points to `kubectl options`.
            if let u = lines.firstIndex(of: "Usage:") {
                #expect(lines[u + 1].hasPrefix("  kubectl \(name)") && lines[u + 1].contains(" [options]"), "\(name): \(lines[u + 1])")
            }
            #expect(text.hasSuffix("\nUse \"kubectl options\" for a list of global command-line options (applies to all commands).\n"))
            if found.contains("Available Commands:") {
                #expect(text.contains("Use \"kubectl \(name) <command> --help\" for more information about a given command.\n"))
            }
            // Options: heading, tab-indented usage, blank line; by name.
            let headings = Self.flagHeadings(text)
            #expect(found.contains("Options:") == !headings.isEmpty, "\(name)")
            for h in headings {
                let i = lines.firstIndex(of: h)!
                #expect(h.hasSuffix(":") && h.contains("="), "\(name): \(h)")
                #expect(lines[i + 1].hasPrefix("\t") && lines[i + 1].count > 2 && lines[i + 2].isEmpty, "\(name): usage of \(h)")
            }
            let flagNames = headings.map { h -> String in
                var s = h.split(separator: "=", maxSplits: 1)[0]
                while !s.isEmpty && !s.hasPrefix("--") { s = s.dropFirst() }
                return String(s.dropFirst(2))
            }
            #expect(flagNames == flagNames.sorted(), "\(name): options not sorted")
            #expect(!flagNames.contains("help"), "\(name): kubectl does not list --help")
            // Examples: two-space indent, blank lines kept as two spaces.
            if let e = lines.firstIndex(of: "Examples:") {
                var j = e + 1
                while j < lines.count && !lines[j].isEmpty {
                    #expect(lines[j].hasPrefix("  "), "\(name): example line \(lines[j])")
                    j += 1
                }
            }
        }
    }

    /// Our flag list is kubectl's: same names, shorthands, kinds and defaults, in the same order and
    /// section layout (the words are ours).
    @Test(arguments: ["get", "create", "delete", "describe", "label", "annotate", "version", "api-resources",
                      "config use-context", "create deployment"])
    func flagHeadingsAndSectionsAreKubectls(_ command: String) {
        let file = "kubectl-" + command.split(separator: " ").joined(separator: "-") + "-help.txt"
        guard let theirs = readTextFile(Self.golden + file) else {
            Issue.record("missing golden \(file)")
            return
        }
        let ours = TestStore().run(command + " --help").stdout
        #expect(Self.flagHeadings(ours) == Self.flagHeadings(theirs))
        #expect(Self.sections(ours) == Self.sections(theirs))
        let usage = { (t: String) -> String? in
            let lines = t.split(separator: "\n").map(String.init)
            return lines.firstIndex(of: "Usage:").map { lines[$0 + 1] }
        }
        #expect(usage(ours) == usage(theirs))
    }

    /// Root help: kubectl's groups in kubectl's order, each command under kubectl's group, names padded as
    /// kubectl pads them, and the closing lines.
    @Test func rootHelpHasKubectlsGroups() {
        let ours = TestStore().run("--help").stdout
        #expect(TestStore().run("").stdout == ours)
        guard let theirs = readTextFile(Self.golden + "kubectl-help.txt") else {
            Issue.record("missing golden kubectl-help.txt")
            return
        }
        func groups(_ text: String) -> [(String, [String])] {
            var out: [(String, [String])] = []
            for line in text.split(separator: "\n") {
                if line.hasSuffix(":") && !line.hasPrefix(" ") && line != "Usage:" {
                    out.append((String(line), []))
                } else if line.hasPrefix("  "), !out.isEmpty, line.dropFirst(2).first != " " {
                    out[out.count - 1].1.append(String(line.split(separator: " ")[0]))
                }
            }
            return out.filter { !$0.1.isEmpty }
        }
        let ourGroups = groups(ours), theirGroups = groups(theirs)
        let theirTitles = theirGroups.map(\.0)
        #expect(ourGroups.map(\.0) == theirTitles.filter { t in ourGroups.contains { $0.0 == t } })
        for (title, names) in ourGroups {
            let theirNames = theirGroups.first { $0.0 == title }?.1 ?? []
            // Commands kubectl has sit in kubectl's group, in kubectl's order.
            let known = names.filter { n in theirGroups.contains { $0.1.contains(n) } }
            #expect(known == theirNames.filter { known.contains($0) }, "\(title) \(names)")
        }
        #expect(ours.contains("\n  get             Show one or many objects\n"))
        #expect(ours.hasSuffix("""
            Usage:
              kubectl [flags] [options]

            Use "kubectl <command> --help" for more information about a given command.
            Use "kubectl options" for a list of global command-line options (applies to all commands).

            """))
        #expect(!ours.contains("__complete") && !ours.contains("__man"))
    }

    /// `kubectl options`: the global flags as kubectl lists them (plus kubectl-local's `--store`).
    @Test func optionsListsTheGlobalFlags() {
        let r = TestStore().run("options")
        #expect(r.exitCode == 0)
        #expect(r.stdout.hasPrefix("The following options can be passed to any command:\n\n    --as='':\n\t"))
        guard let theirs = readTextFile(Self.golden + "kubectl-options.txt") else {
            Issue.record("missing golden kubectl-options.txt")
            return
        }
        let names = { (t: String) in Self.flagHeadings(t).map { $0.split(separator: "=")[0] } }
        #expect(names(r.stdout) == names(theirs) + ["    --store"])
        #expect(Self.flagHeadings(r.stdout).contains("    -n, --namespace='':"))
    }

    /// Every example is a command kubectl-local runs successfully (on a store holding the objects the
    /// examples talk about: deployment `web`, the pod of `pod.yaml`).
    @Test func examplesRunAgainstKubectlLocal() {
        let discovery = TestStore()
        var ran = 0
        for path in Self.commandPaths(discovery) {
            let help = discovery.run(args: path + ["--help"]).stdout
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let e = lines.firstIndex(of: "Examples:") else { continue }
            var commands: [String] = []
            var j = e + 1
            while j < lines.count && !lines[j].isEmpty {
                let l = lines[j].dropFirst(2)
                if !l.hasPrefix("#") && !l.isEmpty { commands.append(String(l)) }
                j += 1
            }
            #expect(!commands.isEmpty, "\(path): examples without commands")
            let s = TestStore()
            let podFile = s.writeFile("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-0
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: nginx
                """)
            if path.first != "create" {
                #expect(s.run("create deployment web --image=nginx").exitCode == 0)
                #expect(s.run("create -f \(podFile)").exitCode == 0)
            }
            if path == ["plugin", "list"] {  // a plugin on PATH to list
                mkdir(s.directory + "/bin", 0o755)
                let plugin = s.writeFile("bin/kubectl-hello", "#!/bin/sh\necho hello\n")
                chmod(plugin, 0o755)
                s.environment["PATH"] = s.directory + "/bin"
            }
            if path.first == "certificate" {  // the examples name the request "jane"
                #expect(s.run("create -f \(CertificateGolden.dir)/_files/csr.yaml").exitCode == 0)
            }
            for c in commands {
                // Shell plumbing (pipes, redirections, process substitution) is not a kubectl command.
                if c.contains("|") && !c.contains("'") || c.contains(">") || c.contains("<(") { continue }
                var words = shellWords(c)
                #expect(words.first == "kubectl" || words.first == "kubectl-local", "\(c)")
                words.removeFirst()
                words = words.map { $0 == "pod.yaml" ? podFile : $0 }
                let r = s.run(args: words)
                #expect(r.exitCode == 0, "example `\(c)` failed: \(r)")
                ran += 1
            }
        }
        #expect(ran >= 30)
    }
}
