import KubeTestSupport
import Testing

/// kubectl's client-side checks of the certificate, key and CA files a kubeconfig or the flags name
/// (Golden/clientcerts, recorded from kubectl v1.32 with its record.sh): which commands check, the
/// texts, the exit code; a case that passes the check prints what kubectl prints.
enum ClientCertGolden {
    static let dir = besideTest("Golden/clientcerts")
    static var cases: [String] { goldenCaseNames(in: dir) }
}

@Suite struct ClientCertGoldenTests {
    @Test func corpusIsThere() { #expect(ClientCertGolden.cases.count >= 30) }

    @Test(arguments: ClientCertGolden.cases)
    func matchesKubectl(_ name: String) {
        let base = ClientCertGolden.dir + "/" + name, files = ClientCertGolden.dir + "/_files"
        let got = runBinaryScript(readTextFile(base + "/cmd")!, cwd: files, store: TestStore())
        let want = CLIResult(stdout: (readTextFile(base + "/stdout") ?? "").replacingAll("$FILES", with: files),
                             stderr: (readTextFile(base + "/stderr") ?? "").replacingAll("$FILES", with: files),
                             exitCode: Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n")) ?? -1)
        #expect(got == want, "\(name)")
    }
}
