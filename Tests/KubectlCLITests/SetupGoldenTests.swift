import KubeTestSupport
import Testing

/// Replays the cases recorded from kubectl v1.32 under Golden/apfstatus (see its record.sh): FlowSchemas whose
/// `Dangling` condition the priority-and-fairness config controller set when they were written and when the
/// level one of them names was deleted. setup.txt runs at T0 in a fresh store, each case at T1; stdout, stderr
/// and the exit code must match kubectl's byte for byte once uids are masked on both sides.
enum ApfStatusGolden {
    static let golden = SetupGolden(dir: besideTest("Golden/apfstatus"), t0: "2026-11-23T12:00:00Z", t1: "2026-11-23T12:05:00Z")
}

@Test("kubectl v1.32 describes FlowSchemas with their Dangling condition", arguments: ApfStatusGolden.golden.cases.map(\.name))
func apfStatusGolden(_ name: String) throws {
    let run = try #require(ApfStatusGolden.golden.replay(name))
    #expect(run.setupFailures == [])
    #expect(run.got.stdout == run.want.stdout, "stdout of \(name)")
    #expect(run.got.stderr == run.want.stderr, "stderr of \(name)")
    #expect(run.got.exitCode == run.want.exitCode, "exit code of \(name)")
}
