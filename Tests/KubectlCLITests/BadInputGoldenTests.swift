#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// Inputs kubectl refuses (empty streams, scalars, lists, a passwd file, documents nested past 10,000
/// levels, alias bombs), recorded from kubectl v1.32 under Golden/badinput (record.sh). Each case runs
/// the built binary in a shell (so stdin redirection and `$(cat ...)` work, and deep documents go
/// through the real process stack): stdout, stderr and exit code must equal kubectl's.
enum BadInputGolden {
    static let dir = besideTest("Golden/badinput")
    static var cases: [String] { goldenCaseNames(in: dir) }
}

/// Runs `script` with bash in `cwd`, `kubectl` standing for the built binary; returns what it printed.
func runBinaryScript(_ script: String, cwd: String, store: TestStore) -> CLIResult {
    let out = store.directory + "/script.out", err = store.directory + "/script.err"
    let full = "cd '\(cwd)' && kubectl() { \"$KL\" \"$@\"; }\n" + script
    let code = runShell("( \(full) ) >'\(out)' 2>'\(err)'", store: store)
    defer { unlink(out); unlink(err) }
    return CLIResult(stdout: readTextFile(out) ?? "", stderr: readTextFile(err) ?? "", exitCode: code)
}

@Suite struct BadInputGoldenTests {
    @Test func corpusIsThere() { #expect(BadInputGolden.cases.count > 70) }

    @Test(arguments: BadInputGolden.cases)
    func matchesKubectl(_ name: String) {
        let base = BadInputGolden.dir + "/" + name
        let s = TestStore()
        let got = runBinaryScript(readTextFile(base + "/cmd")!, cwd: BadInputGolden.dir + "/_files", store: s)
        let want = CLIResult(stdout: readTextFile(base + "/stdout") ?? "", stderr: readTextFile(base + "/stderr") ?? "",
                             exitCode: Int32(readTextFile(base + "/exit")!.trimmingCharacters(in: "\n")) ?? -1)
        #expect(got == want, "\(name)")
        // Nothing refused leaves a trace in the store.
        #expect(s.run("get cm -o name").stdout == "configmap/kube-root-ca.crt\n")
    }
}
