#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import KubeModel
import Testing

/// Replays every case recorded from kubectl v1.32 under Golden/workloads (see its record.sh) through
/// kubectl-local on a fresh store, and compares stdout, stderr and the exit code byte for byte.
enum WorkloadGolden {
    static let dir = besideTest("Golden/workloads")

    static var caseNames: [String] { goldenCaseNames(in: dir) }
}

@Test("kubectl v1.32 golden outputs of workload verbs", arguments: WorkloadGolden.caseNames)
func workloadGolden(_ name: String) throws {
    let base = "\(WorkloadGolden.dir)/\(name)"
    let cmd = try #require(readTextFile("\(base)/cmd"))
    let files = "\(WorkloadGolden.dir)/_files/"
    var words = shellWords(cmd.hasSuffix("\n") ? String(cmd.dropLast()) : cmd)
    words = words.map { $0.replacingAll("_files/", with: files) }
    let store = TestStore()
    let result = store.run(args: words)
    let unfix: (String) -> String = { $0.replacingAll(files, with: "_files/") }
    #expect(unfix(result.stdout) == readTextFile("\(base)/stdout"), "stdout of \(cmd)")
    #expect(unfix(result.stderr) == readTextFile("\(base)/stderr"), "stderr of \(cmd)")
    #expect("\(result.exitCode)\n" == readTextFile("\(base)/exit"), "exit code of \(cmd)")
}

