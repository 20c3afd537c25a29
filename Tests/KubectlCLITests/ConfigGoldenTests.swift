import KubeModel
import KubeTestSupport
import Testing

/// `kubectl config` against kubectl v1.32, recorded under Golden/config (record.sh): every case starts
/// from the kubeconfig kubectl-local starts with (context, cluster and user `local`) and runs the built
/// binary in a shell; each command's stdout, stderr and exit code must equal kubectl's. The store's
/// directory is written `@DIR@` in the recordings, the cases' working directory (_files) `@FILES@`.
enum ConfigGolden {
    static let dir = besideTest("Golden/config")
    static var cases: [String] { goldenCaseNames(in: dir) }
}

@Suite struct ConfigGoldenTests {
    @Test func corpusIsThere() { #expect(ConfigGolden.cases.count >= 7) }

    @Test(arguments: ConfigGolden.cases)
    func matchesKubectl(_ name: String) {
        let base = ConfigGolden.dir + "/" + name
        let s = TestStore()
        let helper = "source ./helpers.sh\n"
        let got = runBinaryScript(helper + readTextFile(base + "/cmd")!, cwd: ConfigGolden.dir + "/_files", store: s)
        func masked(_ text: String) -> String {
            text.replacingAll(s.directory, with: "@DIR@").replacingAll(ConfigGolden.dir + "/_files", with: "@FILES@")
        }
        #expect(masked(got.stdout) == readTextFile(base + "/stdout") ?? "", "\(name): stdout")
        #expect(masked(got.stderr) == readTextFile(base + "/stderr") ?? "", "\(name): stderr")
        #expect("\(got.exitCode)\n" == readTextFile(base + "/exit") ?? "", "\(name): exit")
    }
}
