import KubeTestSupport
import Testing

/// Containers whose command ends: exits at their time, restarts under the pod's restart policy with the
/// kubelet's back-off (10 s doubling to 5 min), and the states and texts kubectl shows meanwhile.
@Suite struct CrashLoopTests {
    func pods(_ s: TestStore, at time: String) -> String {
        s.setNow(time)
        return s.run("get pods --no-headers").stdout
    }

    @Test func aFailingCommandCrashLoopsWithTheKubeletsBackOff() {
        let s = TestStore()
        #expect(s.run("run crash --image=busybox -- sh -c 'echo starting; exit 1'").exitCode == 0)
        #expect(s.run("get pods --no-headers").stdout == "crash   1/1   Running   0     0s\n")
        // Exit at +1s, shown (`Error`) until the kubelet's next sync restarts it at once (+2s); exit at
        // +3s, in the 10 s back-off: shown until the pod worker's retry 10 s later, which shows
        // `CrashLoopBackOff` and, the back-off over, restarts it (shown at +14s).
        #expect(pods(s, at: "2026-11-23T12:00:01Z") == "crash   0/1   Error   0     1s\n")
        #expect(s.run("get pod crash -o 'jsonpath={.status.phase} {.status.containerStatuses[0].lastState}'").stdout == "Running {}")
        #expect(pods(s, at: "2026-11-23T12:00:02Z") == "crash   1/1   Running   1 (1s ago)   2s\n")
        #expect(pods(s, at: "2026-11-23T12:00:03Z") == "crash   0/1   Error   1 (2s ago)   3s\n")
        #expect(s.run("get pod crash -o 'jsonpath={.status.containerStatuses[0].state.terminated.finishedAt} {.status.containerStatuses[0].lastState.terminated.finishedAt}'").stdout
            == "2026-11-23T12:00:03Z 2026-11-23T12:00:01Z")
        #expect(pods(s, at: "2026-11-23T12:00:12Z") == "crash   0/1   Error   1 (11s ago)   12s\n")
        #expect(pods(s, at: "2026-11-23T12:00:13Z") == "crash   0/1   CrashLoopBackOff   1 (10s ago)   13s\n")
        #expect(pods(s, at: "2026-11-23T12:00:14Z") == "crash   1/1   Running   2 (11s ago)   14s\n")
        // Then 20 s (exit at +15s, retries at +15s and +25s, restart shown at +36s), 40 s, 80 s, 160 s, 300 s.
        #expect(pods(s, at: "2026-11-23T12:00:24Z") == "crash   0/1   Error   2 (21s ago)   24s\n")
        #expect(pods(s, at: "2026-11-23T12:00:30Z") == "crash   0/1   CrashLoopBackOff   2 (15s ago)   30s\n")
        #expect(pods(s, at: "2026-11-23T12:00:35Z") == "crash   0/1   CrashLoopBackOff   2 (20s ago)   35s\n")
        #expect(pods(s, at: "2026-11-23T12:00:36Z") == "crash   1/1   Running   3 (21s ago)   36s\n")
        // Exits at +37s, +79s, +161s, +323s; restarts shown at +78s, +160s, +322s, +624s.
        #expect(pods(s, at: "2026-11-23T12:10:00Z") == "crash   0/1   CrashLoopBackOff   6 (4m37s ago)   10m\n")
        let state = s.run("get pod crash -o jsonpath={.status.containerStatuses[0].state.waiting.message}").stdout
        let uid = s.run("get pod crash -o jsonpath={.metadata.uid}").stdout
        #expect(state == "back-off 5m0s restarting failed container=crash pod=crash_default(\(uid))")
        #expect(s.run("get pod crash -o jsonpath={.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode}").stdout == "Error/1")
        // The syncs that found it backing off: at +3s; +15s, +25s; +37s ... +67s; +79s ... +149s; +161s ...
        // But the kubelet's spam filter (25 events about the pod, one more per 5 minutes) ran dry at +89s.
        // This command replays the retries of one back-off (+161s ... +311s) at once, each through the
        // filter at its time, as commands every 10 s would: +301s gets the token back (carrying the 30
        // counted by then); the later ones wait for the next.
        let events = s.run("get events --field-selector reason=BackOff -o jsonpath={.items[0].message}/{.items[0].count}/{.items[0].lastTimestamp}").stdout
        #expect(events == "Back-off restarting failed container crash in pod crash_default(\(uid))/30/2026-11-23T12:05:01Z")
    }

    @Test func withoutRestartsThePodEndsByItsExitCode() {
        let s = TestStore()
        #expect(s.run("run once --image=busybox --restart=Never -- sh -c 'sleep 5; exit 3'").exitCode == 0)
        #expect(s.run("run fine --image=busybox --restart=Never -- sh -c 'sleep 5'").exitCode == 0)
        #expect(pods(s, at: "2026-11-23T12:00:04Z") == "fine   1/1   Running   0     4s\nonce   1/1   Running   0     4s\n")
        #expect(pods(s, at: "2026-11-23T12:00:06Z") == "fine   0/1   Completed   0     6s\nonce   0/1   Error       0     6s\n")
        #expect(s.run("get pods -o jsonpath={.items[*].status.phase}").stdout == "Succeeded Failed")
    }

    @Test func aCommandThatKeepsRunningIsLeftAlone() {
        let s = TestStore()
        #expect(s.run("run loop --image=busybox -- sh -c 'while true; do sleep 1; done'").exitCode == 0)
        #expect(s.run("run server --image=nginx").exitCode == 0)
        #expect(pods(s, at: "2026-11-24T12:00:00Z") == "loop     1/1   Running   0     24h\nserver   1/1   Running   0     24h\n")
    }

    @Test func aYearOfIdleTimeCountsRestartsWithoutReplayingThem() {
        let s = TestStore()
        #expect(s.run("run crash --image=busybox -- sh -c 'exit 1'").exitCode == 0)
        let out = pods(s, at: "2027-11-23T12:00:00Z")
        // About one restart every 301 s: 365 days hold ~104,770 of them.
        let restarts = Int(out.split(separator: " ", omittingEmptySubsequences: true)[3]) ?? 0
        #expect(restarts > 104_000 && restarts < 105_500, "\(out)")
        #expect(out.contains("CrashLoopBackOff") || out.contains("Running"))
    }

    /// The kubelet's back-off entry expires when an exit comes more than 10 minutes (twice the 5-minute
    /// cap) after the restart that began its run: a container that runs 10 minutes restarts at once
    /// every time; one that runs 598 s backs off as usual.
    @Test func aRunOfTenMinutesResetsTheBackOff() {
        let s = TestStore()
        #expect(s.run("run long --image=busybox -- sh -c 'sleep 600; exit 1'").exitCode == 0)
        #expect(s.run("run short --image=busybox -- sh -c 'sleep 598; exit 1'").exitCode == 0)
        // First exits at +600s and +598s: restarted a second later (runs from +601s and +599s).
        #expect(pods(s, at: "2026-11-23T12:10:01Z") == "long    1/1   Running   1 (1s ago)   10m\nshort   1/1   Running   1 (3s ago)   10m\n")
        // Second exits at +1201s (601 s after the restart was decided: expired) and +1197s (599 s: 10 s back-off).
        #expect(pods(s, at: "2026-11-23T12:20:01Z") == "long    0/1   Error   1 (10m ago)   20m\nshort   0/1   Error   1 (10m ago)   20m\n")
        #expect(pods(s, at: "2026-11-23T12:20:02Z") == "long    1/1   Running   2 (1s ago)    20m\nshort   0/1   Error     1 (10m ago)   20m\n")
        #expect(pods(s, at: "2026-11-23T12:20:07Z") == "long    1/1   Running            2 (6s ago)    20m\nshort   0/1   CrashLoopBackOff   1 (10s ago)   20m\n")
        #expect(pods(s, at: "2026-11-23T12:20:08Z") == "long    1/1   Running   2 (7s ago)    20m\nshort   1/1   Running   2 (11s ago)   20m\n")
        #expect(s.run("get events --field-selector reason=BackOff -o jsonpath={.items[*].involvedObject.name}").stdout == "short")
        // A year: every 601 s (no back-off) and every 899 s (598 s + the 5-minute back-off + 1 s).
        #expect(pods(s, at: "2027-11-23T12:00:00Z").hasPrefix("long    1/1   Running   52472 ("))
        #expect(s.run("get pods short --no-headers").stdout.hasPrefix("short   1/1   Running   35080 ("))
    }
}
