#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// The oracle sweep of output formats, recorded from kubectl v1.32 under Golden/outputsweep (gen-cases.py
/// wrote the cases before either binary ran, record.py ran kubectl, fully offline): jsonpath (filters,
/// slices, unions, escapes, existence filters whose path fails, `--allow-missing-template-keys`),
/// go-template and its functions, custom-columns (and -file), `-o name` and bad formats over several
/// kinds and lists; label/annotate keys and flags, the set commands, `patch --local` (several objects,
/// patch values the original lacks), an explicit `-n` against the objects' own namespaces, and the
/// create generators with every output format. Each case runs the built binary in Golden/outputsweep/fx;
/// stdout, stderr and exit code must be kubectl's, byte for byte.
enum OutputSweepGolden {
    static let dir: String = {
        let file = "\(#filePath)"
        return String(file[..<file.lastIndex(of: "/")!]) + "/Golden/outputsweep"
    }()

    struct Case {
        var number: Int
        var group: String
        var args: [String]
        var expected: CLIResult
    }

    static let cases: [Case] = {
        guard let caseText = readTextFile(dir + "/cases.jsonl"), let expectedText = readTextFile(dir + "/expected.jsonl") else { return [] }
        let lines = caseText.split(separator: "\n"), results = expectedText.split(separator: "\n")
        guard lines.count == results.count else { return [] }
        var out: [Case] = []
        for (i, (line, result)) in zip(lines, results).enumerated() {
            guard let c = try? JSON.parse(String(line)), let r = try? JSON.parse(String(result)) else { continue }
            let expected = CLIResult(stdout: r["out"].string ?? "", stderr: r["err"].string ?? "",
                                     exitCode: Int32(r["rc"].int ?? -1))
            out.append(Case(number: i + 1, group: c["group"].string ?? "", args: (c["args"].array ?? []).compactMap(\.string),
                            expected: expected))
        }
        return out
    }()

    static var groups: [String] {
        var seen: [String] = []
        for c in cases where !seen.contains(c.group) { seen.append(c.group) }
        return seen
    }

    /// Cases where kubectl-local still differs (known-differences.jsonl: the arguments and why; see the
    /// README's "Oracle sweep of output formats").
    static let knownDifferences: [[String]: String] = {
        var out: [[String]: String] = [:]
        for line in (readTextFile(dir + "/known-differences.jsonl") ?? "").split(separator: "\n") {
            guard let k = try? JSON.parse(String(line)) else { continue }
            out[(k["args"].array ?? []).compactMap(\.string)] = k["why"].string ?? ""
        }
        return out
    }()
}

@Suite struct OutputSweepGoldenTests {
    @Test func corpusIsThere() {
        #expect(OutputSweepGolden.cases.count >= 2000)
        #expect(OutputSweepGolden.groups.count >= 30)
    }

    /// Every case of one group, run by one shell (one process per case, outputs kept in files).
    @Test(arguments: OutputSweepGolden.groups)
    func matchesKubectl(_ group: String) {
        let s = TestStore()
        let cases = OutputSweepGolden.cases.filter { $0.group == group }
        var script = "cd \(PrintersSweepGolden.quoted(OutputSweepGolden.dir + "/fx")) || exit 99\n"
        for c in cases {
            let out = "\(s.directory)/case-\(c.number)"
            script += "\"$KL\" " + c.args.map(PrintersSweepGolden.quoted).joined(separator: " ")
                + " >\(out).out 2>\(out).err </dev/null; echo $? >\(out).rc\n"
        }
        #expect(runShell(script, store: s) == 0)
        for c in cases {
            let out = "\(s.directory)/case-\(c.number)"
            let got = CLIResult(stdout: readTextFile(out + ".out") ?? "", stderr: readTextFile(out + ".err") ?? "",
                                exitCode: Int32((readTextFile(out + ".rc") ?? "").trimmingCharacters(in: "\n")) ?? -1)
            let what = "case \(c.number) [\(group)]: kubectl \(c.args.joined(separator: " "))"
            if let why = OutputSweepGolden.knownDifferences[c.args] {
                withKnownIssue("\(why)") { #expect(got == c.expected, "\(what)") }
            } else {
                #expect(got == c.expected, "\(what)")
            }
        }
    }
}
