import KubeTestSupport
import KubeModel
import Testing

/// `api-resources` against kubectl v1.32 printing kubectl-local's own discovery documents
/// (Golden/apiresources/record.sh): sorting (stable over discovery order for one name in two groups),
/// filters and output forms must match byte for byte.
enum APIResourcesGolden {
    static let dir = besideTest("Golden/apiresources")

    static var cases: [RequestLimitGolden.Case] {
        goldenTabCases(dir + "/cases.txt").map { RequestLimitGolden.Case(name: $0.name, args: $0.args) }
    }
}

@Suite struct APIResourcesGoldenTests {
    @Test func corpusIsThere() { #expect(APIResourcesGolden.cases.count >= 4) }

    @Test(arguments: APIResourcesGolden.cases)
    func matchesKubectl(_ c: RequestLimitGolden.Case) {
        let r = TestStore().run(c.args)
        let base = APIResourcesGolden.dir + "/" + c.name
        #expect(r.stdout == readTextFile(base + ".stdout"))
        #expect(r.stderr == (readTextFile(base + ".stderr") ?? ""))
        #expect("\(r.exitCode)\n" == readTextFile(base + ".exit"))
    }
}
