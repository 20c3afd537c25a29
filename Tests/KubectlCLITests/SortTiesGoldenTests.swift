import KubeTestSupport
import Testing

/// `--sort-by` with many equal keys: kubectl sorts with Go's (unstable) sort.Sort, so equal keys come
/// out in pdqsort's order; recorded from kubectl v1.32 under Golden/sortties (see its record.sh).
@Suite struct SortTiesGoldenTests {
    static let dir = besideTest("Golden/sortties")

    @Test(arguments: [("h", "sort-h"), ("g", "sort-g"), ("creationTimestamp", "sort-ts")])
    func tiesComeOutInGoSortOrder(_ field: String, _ golden: String) throws {
        let s = TestStore()
        let manifest = try #require(readTextFile("\(Self.dir)/cms.yaml"))
        #expect(s.run("create -f -", stdin: manifest).exitCode == 0)
        let path = field == "creationTimestamp" ? ".metadata.creationTimestamp" : ".metadata.labels.\(field)"
        let got = s.run(args: ["get", "cm", "-l", "g", "--sort-by=\(path)", "-o", "name"])
        #expect(got.stdout == readTextFile("\(Self.dir)/\(golden).txt"))
    }
}
