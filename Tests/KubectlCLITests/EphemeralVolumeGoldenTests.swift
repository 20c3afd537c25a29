import KubeTestSupport
import Testing

/// Replays the cases recorded from kubectl v1.32 under Golden/ephemeral (see its record.sh): the claims the
/// ephemeral volume controller made for a pod's generic ephemeral volumes, and a pod kept Pending by a
/// hand-made claim of its volume's name. setup.txt runs at T0 in a fresh store, each case at T1; stdout,
/// stderr and the exit code must match kubectl's byte for byte once uids are masked on both sides.
enum EphemeralVolumeGolden {
    static let golden = SetupGolden(dir: besideTest("Golden/ephemeral"), t0: "2026-11-23T12:00:00Z", t1: "2026-11-23T12:05:00Z")
}

@Test("kubectl v1.32 shows generic ephemeral volumes and the claims made for them", arguments: EphemeralVolumeGolden.golden.cases.map(\.name))
func ephemeralVolumeGolden(_ name: String) throws {
    let run = try #require(EphemeralVolumeGolden.golden.replay(name))
    #expect(run.setupFailures == [])
    #expect(run.got.stdout == run.want.stdout, "stdout of \(name)")
    #expect(run.got.stderr == run.want.stderr, "stderr of \(name)")
    #expect(run.got.exitCode == run.want.exitCode, "exit code of \(name)")
}
