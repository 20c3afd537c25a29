import KubeModel
import KubeTestSupport
import Testing

/// The oracle lane's sweep (Golden/oraclesweep, record.sh): names beside --all, -l and --field-selector,
/// the order of delete's checks, --sort-by paths kubectl cannot relax, and view-last-applied's objects
/// without the annotation, as kubectl v1.32 answered against the same objects served. manifests/ is
/// created at T0 and each case runs at T1.
enum OracleSweepGolden {
    static let dir = besideTest("Golden/oraclesweep")

    static let cases: [(name: String, args: [String])] = {
        (readTextFile("\(dir)/cases.txt") ?? "").split(separator: "\n").compactMap { line in
            let words = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return words.count < 2 ? nil : (words[0], Array(words.dropFirst()))
        }
    }()
}

@Suite struct OracleSweepGoldenTests {
    @Test func corpusIsThere() {
        #expect(OracleSweepGolden.cases.count >= 50)
    }

    @Test("kubectl v1.32 goldens of the oracle sweep", arguments: OracleSweepGolden.cases.map(\.name))
    func matchesKubectl(_ name: String) throws {
        let args = try #require(OracleSweepGolden.cases.first { $0.name == name }).args
        let store = TestStore(now: "2026-11-01T00:00:00Z")
        let created = store.run(args: ["create", "-f", "\(OracleSweepGolden.dir)/manifests"])
        #expect(created.exitCode == 0, "\(created.stderr)")
        store.environment["KUBECTL_LOCAL_NOW"] = "2026-11-21T00:00:00Z"
        let got = store.run(args: args)
        let base = "\(OracleSweepGolden.dir)/golden/\(name)"
        let want = recordedResult(base)
        #expect(got == want, "kubectl \(args.joined(separator: " "))")
    }
}
