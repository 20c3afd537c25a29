import KubeModel
import KubeTestSupport
import Testing

/// `auth can-i`, `auth whoami`, `auth reconcile` and `create token` cases under Golden/auth: kubectl v1.32
/// printed them from the API server answers in each case's `response.json`; kubectl-local must print the
/// same after replaying the case's `setup` commands, computing the answer from the store.
enum AuthGolden {
    static let dir = besideTest("Golden/auth")

    static var cases: [String] { goldenCaseNames(in: dir) }

    /// The token the recording's fake server answered with (each run signs a different one).
    static let recordedToken = "eyJhbGciOiJIUzI1NiIsImtpZCI6InJlY29yZGVkIn0.eyJzdWIiOiJyZWNvcmRlZCJ9.cmVjb3JkZWQ"
}

@Suite struct AuthGoldenTests {
    @Test func corpusIsThere() { #expect(AuthGolden.cases.count >= 60) }

    @Test(arguments: AuthGolden.cases)
    func matchesKubectl(_ name: String) throws {
        let base = AuthGolden.dir + "/" + name
        let s = TestStore()
        for line in (readTextFile(base + "/setup") ?? "").split(separator: "\n") {
            let r = s.run(String(line))
            #expect(r.exitCode == 0, "\(name) setup: \(line): \(r.stderr)")
        }
        let cmd = readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n")
        let r = s.run(args: shellWords(cmd).map { $0.replacingAll("_files/", with: AuthGolden.dir + "/_files/") })
        var expected = readTextFile(base + "/stdout") ?? ""
        if expected.contains(AuthGolden.recordedToken) {
            // Our token: three base64url parts, signed by the store's key.
            let ours = r.stdout.split(whereSeparator: { " \n\"".contains($0) }).first { $0.hasPrefix("eyJ") && $0.split(separator: ".").count == 3 }
            #expect(ours != nil, "\(name): no token in \(r.stdout)")
            expected = expected.replacingAll(AuthGolden.recordedToken, with: String(ours ?? ""))
        }
        #expect(r.stdout == expected, "\(name): \(cmd)")
        #expect(r.stderr.replacingAll(AuthGolden.dir + "/", with: "") == (readTextFile(base + "/stderr") ?? ""), "\(name): \(cmd)")
        #expect(r.exitCode == Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n"))!, "\(name): \(cmd)")
    }
}
