#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeTestSupport
import Testing

/// The printers sweep, recorded from kubectl v1.32 under Golden/printers (gen-cases.py wrote the cases,
/// record.py ran kubectl): jsonpath, go-template and template, `-o json|yaml` of odd values, the YAML
/// printer's refusal of control characters, custom-columns and printer errors through `label --local`,
/// and the set commands' typed decoding of odd documents. Each case runs the built binary in
/// Golden/printers/fx (error texts name the files as given); stdout, stderr and exit code must be
/// kubectl's, byte for byte.
enum PrintersSweepGolden {
    static let corpus = SweepCorpus(dir: besideTest("Golden/printers"))

    /// Cases where kubectl-local still differs (see the README's printers notes); none now.
    static let knownDifferences: [[String]] = []
}

@Suite struct PrintersSweepGoldenTests {
    @Test func corpusIsThere() {
        #expect(PrintersSweepGolden.corpus.cases.count >= 1300)
        #expect(PrintersSweepGolden.corpus.groups.count >= 15)
    }

    /// Every case of one group, run by one shell (one process per case, outputs kept in files).
    @Test(arguments: PrintersSweepGolden.corpus.groups)
    func matchesKubectl(_ group: String) {
        PrintersSweepGolden.corpus.check(group: group) { args in
            PrintersSweepGolden.knownDifferences.contains(args) ? "typed list items have no kind in kubectl" : nil
        }
    }
}

/// The printers sweep of `get` (Golden/printers-get, record.sh): custom-columns, jsonpath and go-template
/// over what the API server returns. manifests/ is created at T0, each case runs at T1, as recorded
/// against kubectl v1.32 serving the same objects.
enum PrintersGetGolden {
    static let dir = besideTest("Golden/printers-get")

    static let cases: [(name: String, args: [String])] = {
        (readTextFile("\(dir)/cases.txt") ?? "").split(separator: "\n").compactMap { line in
            let words = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return words.count < 2 ? nil : (words[0], Array(words.dropFirst()))
        }
    }()
}

@Test("kubectl v1.32 goldens of the printers sweep of get", arguments: PrintersGetGolden.cases.map(\.name))
func printersGetGolden(_ name: String) throws {
    let args = try #require(PrintersGetGolden.cases.first { $0.name == name }).args
    let store = TestStore(now: "2026-11-01T00:00:00Z")
    let created = store.run(args: ["create", "-f", "\(PrintersGetGolden.dir)/manifests"])
    #expect(created.exitCode == 0, "\(created.stderr)")
    store.environment["KUBECTL_LOCAL_NOW"] = "2026-11-21T00:00:00Z"
    let got = store.run(args: args)
    let base = "\(PrintersGetGolden.dir)/golden/\(name)"
    let want = recordedResult(base)
    #expect(got == want, "kubectl \(args.joined(separator: " "))")
}
