#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// The oracle sweep of kustomize, recorded from kubectl v1.32 under Golden/kustomize/sweep: gen_cases.py
/// wrote several hundred kustomization directories from a fixed seed before either binary ran (name
/// references across kinds, namespaces, labels, replicas, images, generators and their behaviours,
/// patches of every style and target, layers and components, replacements, vars, sort options, build
/// metadata, lists, errors and flags); record.py ran `kubectl kustomize DIR` (and `create -k DIR
/// --dry-run=client -o yaml --validate=false` against a fake discovery). Each line runs here in process;
/// stdout, stderr and exit code must be kubectl's, byte for byte (the recording machine's name server in a
/// lookup error read as this machine's: KustomizeErrorDetail.localNameServer). known-differences.jsonl names the
/// lines that still differ and why (README "Oracle sweep of kustomize").
enum KustomizeSweep {
    static let dir = besideTest("Golden/kustomize/sweep")

    struct Line {
        var name: String
        var args: [String]
        var expected: CLIResult
    }

    static let lines: [Line] = loadLines(dir)

    /// A golden folder's lines: cases.jsonl (name, args) joined with expected.jsonl (name, out, err, rc).
    static func loadLines(_ dir: String) -> [Line] {
        guard let caseText = readTextFile(dir + "/cases.jsonl"), let expectedText = readTextFile(dir + "/expected.jsonl")
        else { return [] }
        var expected: [String: CLIResult] = [:]
        for l in expectedText.split(separator: "\n") {
            guard let r = try? JSON.parse(String(l)), let name = r["name"].string else { continue }
            expected[name] = CLIResult(stdout: r["out"].string ?? "", stderr: r["err"].string ?? "",
                                       exitCode: Int32(r["rc"].int ?? -1))
        }
        return caseText.split(separator: "\n").compactMap { l in
            guard let c = try? JSON.parse(String(l)), let name = c["name"].string, let e = expected[name] else { return nil }
            return Line(name: name, args: (c["args"].array ?? []).compactMap(\.string), expected: e)
        }
    }

    /// A line's family: its name up to the number (`patch-012#create` -> `patch`).
    static func family(_ name: String) -> String {
        var parts = name.split(separator: "#")[0].split(separator: "-")
        if parts.count > 1, parts.last!.allSatisfy(\.isNumber) { parts.removeLast() }
        return parts.joined(separator: "-")
    }

    static var families: [String] {
        var seen: [String] = []
        for l in lines where !seen.contains(family(l.name)) { seen.append(family(l.name)) }
        return seen
    }

    static let knownDifferences: [String: String] = {
        var out: [String: String] = [:]
        for line in (readTextFile(dir + "/known-differences.jsonl") ?? "").split(separator: "\n") {
            guard let k = try? JSON.parse(String(line)), let name = k["name"].string else { continue }
            out[name] = k["reason"].string ?? ""
        }
        return out
    }()

    static func swapRoot(_ s: String, _ a: String, _ b: String) -> String {
        s.split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}

@Suite struct KustomizeSweepGoldenTests {
    @Test func corpusIsThere() {
        #expect(KustomizeSweep.lines.count >= 500)
        #expect(KustomizeSweep.families.count >= 12)
    }

    @Test(arguments: KustomizeSweep.families)
    func matchesKubectl(_ family: String) {
        for line in KustomizeSweep.lines where KustomizeSweep.family(line.name) == family {
            let s = TestStore()
            let r = s.run(args: line.args.map { KustomizeSweep.swapRoot($0, "$ROOT", KustomizeSweep.dir) })
            let got = CLIResult(stdout: KustomizeSweep.swapRoot(r.stdout, KustomizeSweep.dir, "$ROOT"),
                                stderr: KustomizeSweep.swapRoot(r.stderr, KustomizeSweep.dir, "$ROOT"), exitCode: r.exitCode)
            var expected = line.expected
            expected.stderr = KustomizeErrorDetail.localNameServer(expected.stderr)
            if let why = KustomizeSweep.knownDifferences[line.name] {
                withKnownIssue("\(line.name): \(why)") { #expect(got == expected, "\(line.name)") }
            } else {
                #expect(got == expected, "\(line.name): kubectl \(line.args.joined(separator: " "))")
            }
        }
    }
}
