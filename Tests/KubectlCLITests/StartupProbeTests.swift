import KubeTestSupport
import Testing

/// Startup probes: the container is not started (nor ready) until the probe's first success, liveness
/// and readiness wait for it, and `failureThreshold` failures kill the container, which restarts with
/// the crash back-off.
@Suite struct StartupProbeTests {
    @Test func livenessAndReadinessWaitForTheStartupProbe() {
        let s = TestStore()
        let f = s.podFile("p", """
            containers:
            - name: app
              image: busybox
              command: [sh, -c, 'sleep 60; touch /tmp/started; sleep 3600']
              startupProbe:
                exec: {command: [test, -f, /tmp/started]}
                periodSeconds: 10
                failureThreshold: 30
              livenessProbe:
                exec: {command: [cat, /tmp/started]}
                periodSeconds: 5
              readinessProbe:
                exec: {command: [cat, /tmp/started]}
                periodSeconds: 5
            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        func started() -> String { s.run("get pod p -o 'jsonpath={.status.containerStatuses[0].started}/{.status.containerStatuses[0].ready}'").stdout }
        // The liveness probe would fail from the start, but it does not run before the container has started.
        #expect(s.pods(at: "2026-11-23T12:01:09Z") == "p     0/1   Running   0     69s\n")
        #expect(started() == "false/false")
        #expect(s.events("Killing") == "")
        #expect(s.events("Unhealthy") == "7|2026-11-23T12:00:00Z|2026-11-23T12:01:00Z|spec.containers{app}|Startup probe failed: ")
        #expect(s.pods(at: "2026-11-23T12:01:10Z") == "p     1/1   Running   0     70s\n")
        #expect(started() == "true/true")
        #expect(s.pods(at: "2026-11-23T12:30:00Z") == "p     1/1   Running   0     30m\n")
        #expect(s.events("Unhealthy").hasPrefix("7|"))
    }

    @Test func aFailingStartupProbeKillsAndRestarts() {
        let s = TestStore()
        let f = s.podFile("p", """
            terminationGracePeriodSeconds: 5
            containers:
            - name: app
              image: busybox
              command: [sh, -c, 'sleep 3600']
              startupProbe:
                tcpSocket: {port: 8080}
                periodSeconds: 10
                failureThreshold: 3
            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        // Failures at +0, +10, +20 (the kill); the shell ignores SIGTERM: killed 5 s later (shown `Error`),
        // restarted at the kubelet's next sync.
        #expect(s.pods(at: "2026-11-23T12:00:20Z") == "p     0/1   Running   0     20s\n")
        #expect(s.events("Killing") == "1|2026-11-23T12:00:20Z|2026-11-23T12:00:20Z|spec.containers{app}|Container app failed startup probe, will be restarted")
        #expect(s.pods(at: "2026-11-23T12:00:25Z") == "p     0/1   Error   0     25s\n")
        #expect(s.pods(at: "2026-11-23T12:00:26Z") == "p     0/1   Running   1 (1s ago)   26s\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode}'").stdout
            == "Error/137")
        // The second run is killed at +46s, stops at +51s, in the 10 s back-off: shown until the pod
        // worker's retry at +61s.
        #expect(s.pods(at: "2026-11-23T12:00:55Z") == "p     0/1   Error   1 (30s ago)   55s\n")
        #expect(s.pods(at: "2026-11-23T12:01:01Z") == "p     0/1   CrashLoopBackOff   1 (10s ago)   61s\n")
        #expect(s.pods(at: "2026-11-23T12:01:02Z") == "p     0/1   Running   2 (11s ago)   62s\n")
        // A year: counted.
        let out = s.pods(at: "2027-11-23T12:00:00Z")
        let restarts = Int(out.split(separator: " ", omittingEmptySubsequences: true)[3]) ?? 0
        #expect(restarts > 95_000 && restarts < 100_000, "\(out)")
        // One event per 5 minutes passes the kubelet's spam filter, nearly always a back-off retry: the
        // kills' event, last passed more than an hour ago, is gone; BackOff carries every retry.
        #expect(s.events("Killing") == "")
        #expect((Int(s.run("get events --field-selector reason=BackOff -o jsonpath={.items[0].count}").stdout) ?? 0) > 2_800_000)
    }
}
