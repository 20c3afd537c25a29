import KubeTestSupport
import Testing

/// Replays the golden folders whose record.sh runs setup.txt with kubectl-local at T0 and records each case of
/// cases.txt with kubectl v1.32 against the served store at T1 (see `SetupGolden`):
/// - apfstatus: FlowSchemas whose `Dangling` condition the priority-and-fairness config controller set when
///   they were written and when the level one of them names was deleted;
/// - ephemeral: the claims the ephemeral volume controller made for a pod's generic ephemeral volumes, and a
///   pod kept Pending by a hand-made claim of its volume's name.
/// stdout, stderr and the exit code must match kubectl's byte for byte once random parts are masked.
enum SetupGoldens {
    static let all: [String: SetupGolden] = [
        "apfstatus": SetupGolden(dir: besideTest("Golden/apfstatus"), t0: "2026-11-23T12:00:00Z", t1: "2026-11-23T12:05:00Z"),
        "ephemeral": SetupGolden(dir: besideTest("Golden/ephemeral"), t0: "2026-11-23T12:00:00Z", t1: "2026-11-23T12:05:00Z"),
    ]

    /// `folder/case` for every case of every folder.
    static let cases: [String] = all.keys.sorted().flatMap { folder in all[folder]!.cases.map { "\(folder)/\($0.name)" } }
}

@Test("kubectl v1.32 against the store setup.txt built", arguments: SetupGoldens.cases)
func setupGolden(_ id: String) throws {
    let parts = id.split(separator: "/", maxSplits: 1).map(String.init)
    let golden = try #require(SetupGoldens.all[parts[0]])
    let run = try #require(golden.replay(parts[1]))
    #expect(run.setupFailures == [])
    #expect(run.got.stdout == run.want.stdout, "stdout of \(id)")
    #expect(run.got.stderr == run.want.stderr, "stderr of \(id)")
    #expect(run.got.exitCode == run.want.exitCode, "exit code of \(id)")
}
