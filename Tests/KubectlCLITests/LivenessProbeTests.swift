import KubeTestSupport
import Testing

/// Liveness exec probes that check a file the container's own script creates and removes: the probe
/// fails from the removal on, `failureThreshold` failures in a row kill the container (its shell ignores
/// SIGTERM: killed when the grace period ends, exit code 137), and it restarts with the crash back-off.
@Suite struct LivenessProbeTests {
    /// The example of the Kubernetes documentation ("Define a liveness command").
    func docsExample(_ s: TestStore, extra: String = "") -> String {
        s.writeFile("liveness.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              labels:
                test: liveness
              name: liveness-exec
            spec:
              containers:
              - name: liveness
                image: registry.k8s.io/busybox:1.27.2
                args:
                - /bin/sh
                - -c
                - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
                livenessProbe:
                  exec:
                    command:
                    - cat
                    - /tmp/healthy
                  initialDelaySeconds: 5
                  periodSeconds: 5\(extra)

            """)
    }

    @Test func theDocumentationsLivenessExampleIsKilledAndRestarted() {
        let s = TestStore()
        #expect(s.run("create -f \(docsExample(s))").exitCode == 0)
        // Probes at +5s ... +30s find the file; it is gone from +30s: failures at +35s, +40s, +45s.
        #expect(s.pods(at: "2026-11-23T12:00:34Z") == "liveness-exec   1/1   Running   0     34s\n")
        #expect(s.events("Unhealthy") == "")
        #expect(s.pods(at: "2026-11-23T12:00:40Z") == "liveness-exec   1/1   Running   0     40s\n")
        #expect(s.events("Unhealthy")
            == "2|2026-11-23T12:00:35Z|2026-11-23T12:00:40Z|spec.containers{liveness}|Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n")
        #expect(s.events("Killing") == "")
        // The third failure decides the kill; the shell ignores SIGTERM and is killed 30 s later.
        #expect(s.pods(at: "2026-11-23T12:00:45Z") == "liveness-exec   1/1   Running   0     45s\n")
        #expect(s.events("Killing") == "1|2026-11-23T12:00:45Z|2026-11-23T12:00:45Z|spec.containers{liveness}|Container liveness failed liveness probe, will be restarted")
        // Its exit is shown until the kubelet's next sync restarts it.
        #expect(s.pods(at: "2026-11-23T12:01:15Z") == "liveness-exec   0/1   Error   0     75s\n")
        #expect(s.run("get pod liveness-exec -o 'jsonpath={.status.containerStatuses[0].state.terminated.reason}/{.status.containerStatuses[0].state.terminated.exitCode}/{.status.containerStatuses[0].state.terminated.finishedAt}'").stdout
            == "Error/137/2026-11-23T12:01:15Z")
        #expect(s.pods(at: "2026-11-23T12:01:16Z") == "liveness-exec   1/1   Running   1 (1s ago)   76s\n")
        #expect(s.run("get pod liveness-exec -o 'jsonpath={.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode}/{.status.containerStatuses[0].lastState.terminated.finishedAt}'").stdout
            == "Error/137/2026-11-23T12:01:15Z")
        // The second run is killed at +76s+45s and ends at +151s, in the 10 s back-off: shown until the
        // pod worker's retry at +161s, which shows the back-off and restarts it.
        #expect(s.pods(at: "2026-11-23T12:02:35Z") == "liveness-exec   0/1   Error   1 (80s ago)   2m35s\n")
        #expect(s.events("Killing").hasPrefix("2|2026-11-23T12:00:45Z|2026-11-23T12:02:01Z|"))
        #expect(s.pods(at: "2026-11-23T12:02:41Z") == "liveness-exec   0/1   CrashLoopBackOff   1 (10s ago)   2m41s\n")
        #expect(s.pods(at: "2026-11-23T12:02:42Z") == "liveness-exec   1/1   Running   2 (11s ago)   2m42s\n")
    }

    @Test func aShorterGracePeriodEndsTheKillSooner() {
        let s = TestStore()
        #expect(s.run("create -f \(docsExample(s, extra: "\n      terminationGracePeriodSeconds: 2"))").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:47Z") == "liveness-exec   0/1   Error   0     47s\n")
        #expect(s.pods(at: "2026-11-23T12:00:48Z") == "liveness-exec   1/1   Running   1 (1s ago)   48s\n")
    }

    @Test func aProbeOnAFileTheScriptDoesNotTouchSucceeds() {
        let s = TestStore()
        let f = s.podFile("ok", """
            containers:
            - name: app
              image: busybox
              command: [sh, -c, 'touch /tmp/healthy; sleep 3600']
              livenessProbe:
                exec: {command: [sh, -c, 'test -f /etc/hostname']}
                periodSeconds: 5
            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:30:00Z") == "ok    1/1   Running   0     30m\n")
    }

    @Test func aYearOfLivenessKillsIsCountedNotReplayed() {
        let s = TestStore()
        #expect(s.run("create -f \(docsExample(s))").exitCode == 0)
        let out = s.pods(at: "2027-11-23T12:00:00Z")
        // Each run lives 75 s, then waits 300 s: about 84,000 restarts in a year.
        let restarts = Int(out.split(separator: " ", omittingEmptySubsequences: true)[3]) ?? 0
        #expect(restarts > 83_000 && restarts < 85_000, "\(out)")
        // Each occurrence meets the kubelet's spam filter at its time: one event per 5 minutes passes, the
        // first after the token, a back-off retry (30 per cycle of 376 s against 3 failed probes and a
        // kill): BackOff carries every retry; the kill last passed more than an hour ago and is gone.
        #expect(s.events("Killing") == "")
        let backOff = Int(s.run("get events --field-selector reason=BackOff -o jsonpath={.items[0].count}").stdout) ?? 0
        #expect(backOff > 2_500_000, "\(backOff)")
    }

    /// A file removed after a long sleep, and a probe whose initial delay lies far away: the kill falls at
    /// its time (the walk over the probes jumps over the times nothing changes), and a delay beyond the
    /// script leaves the container alone.
    @Test func aLongSleepBeforeTheRemovalStillKillsAtItsTime() {
        let s = TestStore()
        let f = s.writeFile("p.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: late}
            spec:
              terminationGracePeriodSeconds: 2
              containers:
              - name: app
                image: busybox
                command: [sh, -c, 'touch /tmp/h; sleep 86400; rm -f /tmp/h; sleep 600']
                livenessProbe:
                  exec: {command: [cat, /tmp/h]}
                  periodSeconds: 1
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: delayed}
            spec:
              containers:
              - name: app
                image: busybox
                command: [sh, -c, 'touch /tmp/h; sleep 30; rm -f /tmp/h; tail -f /dev/null']
                livenessProbe:
                  exec: {command: [cat, /tmp/h]}
                  periodSeconds: 1
                  initialDelaySeconds: 2000000000

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        // Removed at +86400s: probes fail at +86401, +86402, +86403 (the kill), the shell is killed 2 s later.
        s.setNow("2026-11-24T12:00:02Z")
        #expect(s.run("get pod late -o 'jsonpath={.status.containerStatuses[0].restartCount}'").stdout == "0")
        #expect(s.events("Killing") == "")
        s.setNow("2026-11-24T12:00:05Z")
        #expect(s.run("get pod late -o 'jsonpath={.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].state.terminated.exitCode}'").stdout == "0 137")
        s.setNow("2026-11-24T12:00:06Z")
        #expect(s.run("get pod late -o 'jsonpath={.status.containerStatuses[0].restartCount}'").stdout == "1")
        #expect(s.events("Killing").hasPrefix("1|2026-11-24T12:00:03Z|2026-11-24T12:00:03Z|spec.containers{app}|"))
        #expect(s.run("get pod delayed -o 'jsonpath={.status.containerStatuses[0].restartCount}'").stdout == "0")
    }
}
