import KubeTestSupport
import Testing

/// `get --server-print=false`: kubectl's own printer (Golden/serverprint, recorded from kubectl v1.32
/// against the fake API server serving the objects the test creates, at the same times).
enum ServerPrintGolden {
    static let dir = besideTest("Golden/serverprint")
    static var cases: [String] { goldenCaseNames(in: dir) }
}

@Suite struct ServerPrintGoldenTests {
    @Test func corpusIsThere() { #expect(ServerPrintGolden.cases.count >= 12) }

    @Test(arguments: ServerPrintGolden.cases)
    func matchesKubectl(_ name: String) {
        let base = ServerPrintGolden.dir + "/" + name, files = ServerPrintGolden.dir + "/_files"
        let s = TestStore(now: "2026-11-20T12:00:00Z")
        #expect(s.run("create -f \(files)/old.yaml").exitCode == 0)
        s.setNow("2026-11-21T12:00:00Z")
        #expect(s.run("create -f \(files)/new.yaml").exitCode == 0)
        s.setNow("2026-11-22T12:00:00Z")
        let cmd = readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n")
        let got = s.run(String(cmd.dropFirst("kubectl ".count)))
        let want = CLIResult(stdout: readTextFile(base + "/stdout") ?? "", stderr: readTextFile(base + "/stderr") ?? "",
                             exitCode: Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n")) ?? -1)
        #expect(got == want, "\(name)")
    }
}
