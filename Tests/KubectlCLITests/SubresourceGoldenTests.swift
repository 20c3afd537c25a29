import KubeTestSupport
import KubeModel
import Testing

/// `replace --subresource` and `apply --server-side --subresource`, replayed against the outputs of the
/// real kubectl v1.32 (Golden/subresource/record.sh): each case's `setup` puts the objects in a fresh
/// store, then the command must print what kubectl printed, exit as it exited, and a refused request
/// must leave the store as it was (`check`: what the store shows afterwards).
enum SubresourceGolden {
    static let dir = besideTest("Golden/subresource")

    static var cases: [String] { goldenCaseNames(in: dir) }
}

@Suite struct SubresourceGoldenTests {
    @Test func corpusIsThere() { #expect(SubresourceGolden.cases.count >= 10) }

    @Test(arguments: SubresourceGolden.cases)
    func matchesKubectl(_ name: String) throws {
        let base = SubresourceGolden.dir + "/" + name
        let files = SubresourceGolden.dir + "/_files/"
        let s = TestStore()
        for line in (readTextFile(base + "/setup") ?? "").split(separator: "\n") {
            let r = s.run(args: shellWords(String(line)).map { $0.replacingAll("_files/", with: files) })
            #expect(r.exitCode == 0, "setup \(line): \(r)")
        }
        let before = s.run("get deploy,cm -o yaml").stdout
        var words = shellWords(readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n"))
        words.removeFirst()  // kubectl
        let r = s.run(args: words.map { $0.replacingAll("_files/", with: files) })
        #expect(r.stdout == (readTextFile(base + "/stdout") ?? ""))
        #expect(r.stderr.replacingAll(files, with: "_files/") == (readTextFile(base + "/stderr") ?? ""))
        #expect("\(r.exitCode)\n" == readTextFile(base + "/exit"))
        if r.exitCode != 0 { #expect(s.run("get deploy,cm -o yaml").stdout == before, "a refused request changed the store") }
        // `check`: a command on the store afterwards, then the output it must print.
        if let check = readTextFile(base + "/check") {
            let lines = check.split(separator: "\n", maxSplits: 1).map(String.init)
            #expect(s.run(args: shellWords(lines[0])).stdout == (lines.count > 1 ? lines[1] : ""))
        }
    }
}
