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
        // Exit at +1s, shown (`Error`) until the kubelet's next sync restarts it at once; exit at +3s,
        // shown, then 10 s of back-off from the exit.
        #expect(pods(s, at: "2026-11-23T12:00:01Z") == "crash   0/1   Error   0     1s\n")
        #expect(s.run("get pod crash -o 'jsonpath={.status.phase} {.status.containerStatuses[0].lastState}'").stdout == "Running {}")
        #expect(pods(s, at: "2026-11-23T12:00:02Z") == "crash   1/1   Running   1 (1s ago)   2s\n")
        #expect(pods(s, at: "2026-11-23T12:00:03Z") == "crash   0/1   Error   1 (2s ago)   3s\n")
        #expect(s.run("get pod crash -o 'jsonpath={.status.containerStatuses[0].state.terminated.finishedAt} {.status.containerStatuses[0].lastState.terminated.finishedAt}'").stdout
            == "2026-11-23T12:00:03Z 2026-11-23T12:00:01Z")
        #expect(pods(s, at: "2026-11-23T12:00:05Z") == "crash   0/1   CrashLoopBackOff   1 (2s ago)   5s\n")
        #expect(pods(s, at: "2026-11-23T12:00:12Z") == "crash   0/1   CrashLoopBackOff   1 (9s ago)   12s\n")
        #expect(pods(s, at: "2026-11-23T12:00:13Z") == "crash   1/1   Running   2 (10s ago)   13s\n")
        // Then 20 s, 40 s, 80 s, 160 s, 300 s.
        #expect(pods(s, at: "2026-11-23T12:00:30Z") == "crash   0/1   CrashLoopBackOff   2 (16s ago)   30s\n")
        #expect(pods(s, at: "2026-11-23T12:10:00Z") == "crash   0/1   CrashLoopBackOff   6 (4m42s ago)   10m\n")
        let state = s.run("get pod crash -o jsonpath={.status.containerStatuses[0].state.waiting.message}").stdout
        let uid = s.run("get pod crash -o jsonpath={.metadata.uid}").stdout
        #expect(state == "back-off 5m0s restarting failed container=crash pod=crash_default(\(uid))")
        #expect(s.run("get pod crash -o jsonpath={.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode}").stdout == "Error/1")
        // Six back-offs, but the kubelet's spam filter (25 events about the pod, one more per 5 minutes)
        // let 26 of its events through by 12:05:16: the sixth BackOff waits, counted, for the next one
        // it lets through.
        let events = s.run("get events --field-selector reason=BackOff -o jsonpath={.items[0].message}/{.items[0].count}").stdout
        #expect(events == "Back-off restarting failed container crash in pod crash_default(\(uid))/5")
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
}
