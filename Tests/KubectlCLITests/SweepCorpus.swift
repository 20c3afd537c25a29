import KubeModel
import KubeTestSupport
import Testing

/// A recorded oracle sweep: `cases.jsonl` (each line a case's group and arguments) beside `expected.jsonl`
/// (kubectl v1.32's stdout, stderr and exit code, line for line), run group by group in the folder's `fx/`.
struct SweepCorpus {
    struct Case {
        var number: Int
        var group: String
        var args: [String]
        var expected: CLIResult
    }

    let dir: String
    let cases: [Case]

    init(dir: String) {
        self.dir = dir
        var out: [Case] = []
        if let caseText = readTextFile(dir + "/cases.jsonl"), let expectedText = readTextFile(dir + "/expected.jsonl") {
            let lines = caseText.split(separator: "\n"), results = expectedText.split(separator: "\n")
            if lines.count == results.count {
                for (i, (line, result)) in zip(lines, results).enumerated() {
                    guard let c = try? JSON.parse(String(line)), let r = try? JSON.parse(String(result)) else { continue }
                    let expected = CLIResult(stdout: r["out"].string ?? "", stderr: r["err"].string ?? "",
                                             exitCode: Int32(r["rc"].int ?? -1))
                    out.append(Case(number: i + 1, group: c["group"].string ?? "",
                                    args: (c["args"].array ?? []).compactMap(\.string), expected: expected))
                }
            }
        }
        cases = out
    }

    /// The groups, in the order their first case comes.
    var groups: [String] {
        var seen: [String] = []
        for c in cases where !seen.contains(c.group) { seen.append(c.group) }
        return seen
    }

    /// Runs every case of `group` with one shell (one process per case, outputs kept in files) and expects
    /// kubectl's outputs; a case `knownIssue` gives a reason for is expected to differ still.
    func check(group: String, knownIssue: ([String]) -> String?) {
        let s = TestStore()
        let groupCases = cases.filter { $0.group == group }
        var script = "cd \(Self.quoted(dir + "/fx")) || exit 99\n"
        for c in groupCases {
            let out = "\(s.directory)/case-\(c.number)"
            script += "\"$KL\" " + c.args.map(Self.quoted).joined(separator: " ")
                + " >\(out).out 2>\(out).err </dev/null; echo $? >\(out).rc\n"
        }
        #expect(runShell(script, store: s) == 0)
        for c in groupCases {
            let out = "\(s.directory)/case-\(c.number)"
            let got = CLIResult(stdout: readTextFile(out + ".out") ?? "", stderr: readTextFile(out + ".err") ?? "",
                                exitCode: Int32((readTextFile(out + ".rc") ?? "").trimmingCharacters(in: "\n")) ?? -1)
            let what = "case \(c.number) [\(group)]: kubectl \(c.args.joined(separator: " "))"
            if let why = knownIssue(c.args) {
                withKnownIssue("\(why)") { #expect(got == c.expected, "\(what)") }
            } else {
                #expect(got == c.expected, "\(what)")
            }
        }
    }

    /// A word for bash, in single quotes.
    static func quoted(_ s: String) -> String {
        "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
