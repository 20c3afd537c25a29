import KubeTestSupport
import Testing

/// Every template of `Golden/jsonpath/cases.txt` prints what kubectl v1.32 printed for it
/// (`record.sh` ran `kubectl label --local -f FIXTURE x=y --overwrite -o FORMAT=TEMPLATE`).
@Suite struct JSONPathGoldenTests {
    static let cases = JSONPathCase.all()

    @Test func corpusIsLargeAndCoversEveryFormat() {
        #expect(Self.cases.count >= 100)
        #expect(Self.cases.contains { $0.format == "jsonpath-as-json" })
        #expect(Self.cases.contains { $0.strict })
        #expect(Self.cases.contains { $0.expected.exitCode == 1 })
    }

    @Test(arguments: JSONPathGoldenTests.cases)
    func matchesKubectl(_ c: JSONPathCase) {
        let store = TestStore()
        let got = store.run(args: c.args)
        #expect(got == c.expected, "\(c)")
    }

    static let fuzzCases = JSONPathCase.all("fuzz-cases.txt")

    /// Templates kept from the fuzzer, with kubectl's verdict on each (mostly parse errors).
    @Test(arguments: JSONPathGoldenTests.fuzzCases)
    func fuzzCorpusMatchesKubectl(_ c: JSONPathCase) {
        let got = TestStore().run(args: c.args)
        #expect(got == c.expected, "\(c)")
    }

    @Test func fuzzCorpusIsPresent() { #expect(Self.fuzzCases.count >= 100) }
}
