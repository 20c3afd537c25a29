import KubeModel
import KubeTestSupport
import Testing

/// `auth can-i`, `auth whoami` (and later `create token`) cases under Golden/auth: kubectl v1.32 printed
/// them from the API server answers in each case's `response.json`; kubectl-local must print the same
/// after replaying the case's `setup` commands, computing the answer from the store's RBAC objects.
enum AuthGolden {
    static let dir: String = {
        let file = "\(#filePath)"
        return String(file[..<file.lastIndex(of: "/")!]) + "/Golden/auth"
    }()

    static var cases: [String] { goldenCaseNames(in: dir) }
}

@Suite struct AuthGoldenTests {
    @Test func corpusIsThere() { #expect(AuthGolden.cases.count >= 40) }

    @Test(arguments: AuthGolden.cases)
    func matchesKubectl(_ name: String) throws {
        let base = AuthGolden.dir + "/" + name
        let s = TestStore()
        for line in (readTextFile(base + "/setup") ?? "").split(separator: "\n") {
            let r = s.run(String(line))
            #expect(r.exitCode == 0, "\(name) setup: \(line): \(r.stderr)")
        }
        let cmd = readTextFile(base + "/cmd")!.trimmingCharacters(in: "\n")
        let r = s.run(cmd)
        #expect(r.stdout == (readTextFile(base + "/stdout") ?? ""), "\(name): \(cmd)")
        #expect(r.stderr == (readTextFile(base + "/stderr") ?? ""), "\(name): \(cmd)")
        #expect(r.exitCode == Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n"))!, "\(name): \(cmd)")
    }
}
