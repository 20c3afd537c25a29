import KubeTestSupport
import Testing

/// A pod deleted while an init container runs: the kubelet stops that container as any other (a shell
/// ignores SIGTERM: killed when the grace period ends). Sidecars whose command ends restart with the
/// crash back-off once the pod has initialized.
@Suite struct InitContainerStopTests {
    @Test func aRunningInitContainerStopsAfterTheGracePeriod() {
        let s = TestStore()
        let f = s.podFile("p", """
            terminationGracePeriodSeconds: 20
            initContainers:
            - {name: wait, image: busybox, command: [sh, -c, 'sleep 600']}
            containers:
            - {name: app, image: nginx}
            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:10Z") == "p     0/1   Init:0/1   0     10s\n")
        #expect(s.run("delete pod p --wait=false").exitCode == 0)
        #expect(s.events("Killing") == "1|2026-11-23T12:00:10Z|2026-11-23T12:00:10Z|spec.initContainers{wait}|Stopping container wait")
        #expect(s.pods(at: "2026-11-23T12:00:29Z") == "p     0/1   Terminating   0     29s\n")
        #expect(s.pods(at: "2026-11-23T12:00:30Z") == "")
    }

    @Test func aSidecarThatEndsRestartsWithBackOff() {
        let s = TestStore()
        let f = s.podFile("p", """
            initContainers:
            - {name: proxy, image: busybox, restartPolicy: Always, command: [sh, -c, 'sleep 5; exit 1']}
            containers:
            - {name: app, image: nginx}
            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get pods --no-headers").stdout == "p     2/2   Running   0     0s\n")
        // Exits at +5s (kubectl prints the exited sidecar `Init:Error`) and restarts at the kubelet's next
        // sync; exits at +11s, in the 10 s back-off: shown until the pod worker's retry at +21s.
        #expect(s.pods(at: "2026-11-23T12:00:05Z") == "p     1/2   Init:Error   0     5s\n")
        #expect(s.pods(at: "2026-11-23T12:00:06Z") == "p     2/2   Running   1 (1s ago)   6s\n")
        // kubectl prints a sidecar that is not started as `Init:` its waiting reason.
        #expect(s.pods(at: "2026-11-23T12:00:12Z") == "p     1/2   Init:Error   1 (7s ago)   12s\n")
        #expect(s.pods(at: "2026-11-23T12:00:21Z") == "p     1/2   Init:CrashLoopBackOff   1 (10s ago)   21s\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.initContainerStatuses[0].state.waiting.reason} {.status.conditions[2].message}'").stdout
            == "CrashLoopBackOff containers with unready status: [proxy]")
        #expect(s.pods(at: "2026-11-23T12:00:22Z") == "p     2/2   Running   2 (11s ago)   22s\n")
        #expect(s.events("BackOff").hasPrefix("1|2026-11-23T12:00:11Z|2026-11-23T12:00:11Z|spec.initContainers{proxy}|Back-off restarting failed container proxy"))
        // A year: counted, not replayed.
        let out = s.pods(at: "2027-11-23T12:00:00Z")
        let restarts = Int(out.split(separator: " ", omittingEmptySubsequences: true)[3]) ?? 0
        #expect(restarts > 100_000, "\(out)")
    }
}
