import KubeTestSupport
import Testing

/// Our help prose is our own: no summary, description, example comment or flag usage sentence may
/// repeat kubectl's wording. Compared against kubectl v1.32's help recorded in `Golden/help/`
/// (`record.sh`); usage lines, flag headings, example commands and section titles are layout and stay
/// kubectl's, so they are not compared.
@Suite struct HelpProseTests {
    static let golden = ShellSupport.repoRoot + "/Tests/KubectlCLITests/Golden/help/"
    /// The length of a word run that counts as copied.
    static let runLength = 8
    /// Lines of kubectl's help template (not a command's prose).
    static let layoutLines: Set<String> = [
        "The following options can be passed to any command:",
    ]

    /// Lower-case words (runs of letters and digits).
    static func words(_ text: String) -> [String] {
        var out: [String] = [], current = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber { current.append(c) } else if !current.isEmpty { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func runs(_ words: [String]) -> [String] {
        guard words.count >= runLength else { return [] }
        return (0...(words.count - runLength)).map { words[$0..<($0 + runLength)].joined(separator: " ") }
    }

    /// The prose of one help text, in units: description paragraphs, example comments, command summaries
    /// (`name -> summary`) and flag usages (`flag -> usage`).
    struct Prose {
        var units: [String] = []
        var summaries: [String: String] = [:]
        var flagUsages: [String: String] = [:]
    }

    static func prose(_ help: String) -> Prose {
        var p = Prose()
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var section = "", paragraph: [String] = [], flag: String?
        func flush() {
            if !paragraph.isEmpty { p.units.append(paragraph.joined(separator: " ")) }
            paragraph = []
        }
        for line in lines {
            if !line.isEmpty, !line.hasPrefix(" "), !line.hasPrefix("\t"), line.hasSuffix(":") {
                flush()
                section = line
                continue
            }
            // The closing lines of the template.
            if line.hasPrefix("Use \"kubectl options\"") || line.contains("<command> --help\" for more information") { continue }
            switch section {
            case "":  // the description
                if line.trimmingSpaces.isEmpty || layoutLines.contains(line) { flush() } else { paragraph.append(line) }
            case "Examples:":
                let l = line.trimmingSpaces
                if l.hasPrefix("#") { p.units.append(String(l.dropFirst())) }
            case "Options:", "The following options can be passed to any command:":
                if line.hasPrefix("    -") {
                    flush()
                    var name = Substring(line.split(separator: "=", maxSplits: 1)[0])
                    while !name.isEmpty && !name.hasPrefix("--") { name = name.dropFirst() }
                    flag = String(name.dropFirst(2))
                } else if line.hasPrefix("\t"), let f = flag {
                    paragraph.append(String(line.dropFirst()))
                    p.flagUsages[f, default: ""] += (p.flagUsages[f] == nil ? "" : " ") + String(line.dropFirst())
                } else {
                    flush()
                }
            case "Usage:", "Aliases:":
                continue
            default:  // "Available Commands:" and the root's command groups
                let parts = line.split(separator: " ", maxSplits: 1)
                if line.hasPrefix("  "), parts.count == 2 {
                    let summary = String(parts[1]).trimmingSpaces
                    p.summaries[String(parts[0])] = summary
                    p.units.append(summary)
                }
            }
        }
        flush()
        return p
    }

    /// Golden file of a command path (`kubectl-create-deployment.txt`; the root is `kubectl.txt`).
    static func goldenFile(_ path: [String]) -> String {
        (["kubectl"] + path).joined(separator: "-") + ".txt"
    }

    /// What of `ours` repeats `theirs`: shared 8-word runs, summaries and flag usages that are identical.
    static func copied(ours: String, theirs: String) -> [String] {
        let o = prose(ours), t = prose(theirs)
        let theirRuns = Set(t.units.flatMap { runs(words($0)) } + runs(words(theirs)))
        var found: [String] = []
        var seen: Set<String> = []
        for unit in o.units {
            for r in runs(words(unit)) where theirRuns.contains(r) && seen.insert(r).inserted { found.append("run: \(r)") }
        }
        for (name, summary) in o.summaries where t.summaries[name].map(words) == words(summary) && !words(summary).isEmpty {
            found.append("summary of \(name): \(summary)")
        }
        for (name, usage) in o.flagUsages where t.flagUsages[name].map(words) == words(usage) && !words(usage).isEmpty {
            found.append("usage of --\(name): \(usage)")
        }
        return found
    }

    @Test func helpProseIsOurOwn() {
        let s = TestStore()
        var total = 0, compared = 0
        for path in ShellHelpTests.commandPaths(s) {
            let name = path.isEmpty ? "kubectl" : path.joined(separator: " ")
            guard let theirs = readTextFile(Self.golden + Self.goldenFile(path)) else {
                if ["store", "schema"].contains(path.first) { continue }  // kubectl-local's own commands: kubectl has none
                Issue.record("\(name): no recorded kubectl help (run Golden/help/record.sh)")
                continue
            }
            compared += 1
            let ours = s.run(args: path + ["--help"]).stdout
            let found = Self.copied(ours: ours, theirs: theirs)
            total += found.count
            #expect(found.isEmpty, "\(name): \(found.count) passages repeat kubectl's help:\n\(found.joined(separator: "\n"))")
        }
        #expect(compared > 30)
        #expect(total == 0, "\(total) passages repeat kubectl's help")
    }

    /// The layout around the prose stays kubectl's for every command: the usage line byte for byte (cobra's
    /// ` [flags]` where kubectl's command does not hide it, trailing spaces included) and the flag headings
    /// (names, shorthands, defaults, order). kubectl-local's own flags are the stated exceptions.
    static let ownFlags: [String: Set<String>] = [:]

    @Test func usageLinesAndFlagHeadingsAreKubectls() {
        let s = TestStore()
        var compared = 0
        let usage = { (t: String) -> String? in
            let lines = t.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return lines.firstIndex(of: "Usage:").map { lines[$0 + 1] }
        }
        for path in ShellHelpTests.commandPaths(s) where !path.isEmpty && path != ["options"] {
            guard let theirs = readTextFile(Self.golden + Self.goldenFile(path)) else { continue }
            compared += 1
            let name = path.joined(separator: " ")
            let ours = s.run(args: path + ["--help"]).stdout
            #expect(usage(ours) == usage(theirs), "usage line of \(name)")
            let own = Self.ownFlags[name] ?? []
            let headings = ShellHelpTests.flagHeadings(ours).filter { line in
                !own.contains { line.hasPrefix("    --\($0)=") }
            }
            #expect(headings == ShellHelpTests.flagHeadings(theirs), "flag headings of \(name)")
        }
        #expect(compared > 100)
    }

    /// The comparison itself finds a copied passage, a copied summary and a copied flag usage.
    @Test func theComparisonFindsCopies() {
        let theirs = """
            Display one or many resources.

             Prints a table of the most important information about the specified resources.

            Options:
                --raw='':
            \tRaw URI to request from the server.  Uses the transport specified by the kubeconfig file.

            Usage:
              kubectl get [options]
            """
        let ours = """
            Show objects.

             It prints a table of the most important information about the specified objects.

            Options:
                --raw='':
            \tRaw URI to request from the server.  Uses the transport specified by the kubeconfig file.

            Usage:
              kubectl get [options]
            """
        let found = Self.copied(ours: ours, theirs: theirs)
        #expect(found.contains("run: a table of the most important information about"))
        #expect(found.contains { $0.hasPrefix("usage of --raw: ") })
        #expect(Self.copied(ours: "Show objects.\n\nUsage:\n  kubectl get [options]\n", theirs: theirs).isEmpty)
        let root = "kubectl\n\nBasic Commands:\n  get           Display one or many resources\n\nUsage:\n"
        #expect(Self.copied(ours: root, theirs: root) == ["summary of get: Display one or many resources"])
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
