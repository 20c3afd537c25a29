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
    static let corpus = SweepCorpus(dir: besideTest("Golden/outputsweep"))

    /// Cases where kubectl-local still differs (known-differences.jsonl: the arguments and why; see the
    /// README's "Oracle sweep of output formats").
    static let knownDifferences: [[String]: String] = {
        var out: [[String]: String] = [:]
        for line in (readTextFile(corpus.dir + "/known-differences.jsonl") ?? "").split(separator: "\n") {
            guard let k = try? JSON.parse(String(line)) else { continue }
            out[(k["args"].array ?? []).compactMap(\.string)] = k["why"].string ?? ""
        }
        return out
    }()
}

@Suite struct OutputSweepGoldenTests {
    @Test func corpusIsThere() {
        #expect(OutputSweepGolden.corpus.cases.count >= 2000)
        #expect(OutputSweepGolden.corpus.groups.count >= 30)
    }

    /// Every case of one group, run by one shell (one process per case, outputs kept in files).
    @Test(arguments: OutputSweepGolden.corpus.groups)
    func matchesKubectl(_ group: String) {
        OutputSweepGolden.corpus.check(group: group) { OutputSweepGolden.knownDifferences[$0] }
    }
}
