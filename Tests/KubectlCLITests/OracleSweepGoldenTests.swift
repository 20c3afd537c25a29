import KubeModel
import KubeTestSupport
import Testing

/// The oracle lane's sweep (Golden/oraclesweep, record.sh): names beside --all, -l and --field-selector,
/// the order of delete's checks, --sort-by paths kubectl cannot relax, and view-last-applied's objects
/// without the annotation; session 31's dry-run spellings, client dry-run deletes of missing objects and
/// the order of create/scale/autoscale/expose's checks; as kubectl v1.32 answered against the same
/// objects served. manifests/ is created at T0 and each case runs at T1; klog headers are masked.
enum OracleSweepGolden {
    static let dir = besideTest("Golden/oraclesweep")

    static let cases: [(name: String, args: [String])] = {
        (readTextFile("\(dir)/cases.txt") ?? "").split(separator: "\n").compactMap { line in
            let words = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return words.count < 2 ? nil : (words[0], Array(words.dropFirst()))
        }
    }()

    /// klog headers (`W1207 07:56:55.971142   20074 helpers.go:716] `) carry the time of day and the pid:
    /// both sides' become `W0000 00:00:00.000000 0 helpers.go:716] `; the rest of the line is compared.
    static func maskKlog(_ r: CLIResult) -> CLIResult {
        func mask(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let b = Array(line.utf8)
                func digits(_ r: Range<Int>) -> Bool { r.upperBound <= b.count && b[r].allSatisfy { (0x30...0x39).contains($0) } }
                guard b.count > 30, "IWEF".utf8.contains(b[0]), digits(1..<5), b[5] == 0x20, digits(6..<8), b[8] == 0x3A,
                      digits(9..<11), b[11] == 0x3A, digits(12..<14), b[14] == 0x2E, digits(15..<21) else { return String(line) }
                var i = 21
                while i < b.count, b[i] == 0x20 { i += 1 }
                let pidStart = i
                while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
                guard i > pidStart, i < b.count, b[i] == 0x20 else { return String(line) }
                return String(line.prefix(1)) + "0000 00:00:00.000000 0 " + String(decoding: b[(i + 1)...], as: UTF8.self)
            }.joined(separator: "\n")
        }
        return CLIResult(stdout: r.stdout, stderr: mask(r.stderr), exitCode: r.exitCode)
    }
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
        let got = OracleSweepGolden.maskKlog(store.run(args: args))
        let base = "\(OracleSweepGolden.dir)/golden/\(name)"
        let want = OracleSweepGolden.maskKlog(recordedResult(base))
        #expect(got == want, "kubectl \(args.joined(separator: " "))")
    }
}
