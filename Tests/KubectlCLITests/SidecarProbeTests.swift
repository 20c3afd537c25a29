import KubeTestSupport
import Testing

/// Probes of sidecars (init containers with `restartPolicy: Always`) run as the kubelet runs them on app
/// containers: a sidecar's readiness counts for the pod's (READY, Ready's `containers with unready
/// status`), its startup probe gates the next init container and the app containers (Initialized False
/// until it succeeds; `failureThreshold` failures restart it), its liveness probe restarts it; the
/// events name `spec.initContainers{NAME}`. A postStart httpGet hook follows the network probes' rule.
@Suite struct SidecarProbeTests {
    private func pod(_ s: TestStore, sidecar: String, next: String = "") -> String {
        s.writeFile("p.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers:
              - name: proxy
                image: busybox
                restartPolicy: Always
            \(sidecar)
            \(next)
              containers:
              - name: app
                image: nginx

            """)
    }

    private func events(_ s: TestStore, _ reason: String) -> String {
        s.run("get events --field-selector reason=\(reason) -o 'jsonpath={range .items[*]}{.type}|{.count}|{.involvedObject.fieldPath}|{.message}{\"\\n\"}{end}'").stdout
    }

    private func ip(_ s: TestStore) -> String { s.run("get pod p -o jsonpath={.status.podIP}").stdout }

    @Test func aSidecarsReadinessCountsForThePod() {
        let s = TestStore()
        #expect(s.run("create -f \(pod(s, sidecar: """
                command: [sh, -c, 'sleep 3600']
                readinessProbe:
                  httpGet: {port: 8080, path: /ready}
            """))").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:01:00Z") == "p     1/2   Running   0     60s\n")
        let ready = s.run("get pod p -o 'jsonpath={.status.conditions[?(@.type==\"Ready\")].message}|{.status.initContainerStatuses[0].ready}|{.status.initContainerStatuses[0].started}'")
        #expect(ready.stdout == "containers with unready status: [proxy]|false|true")
        let refused = "Readiness probe failed: Get \"http://\(ip(s)):8080/ready\": dial tcp \(ip(s)):8080: connect: connection refused"
        #expect(events(s, "Unhealthy") == "Warning|7|spec.initContainers{proxy}|\(refused)\n")
    }

    @Test func aSidecarsLivenessProbeRestartsIt() {
        let s = TestStore()
        #expect(s.run("create -f \(pod(s, sidecar: """
                command: [sh, -c, 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']
                livenessProbe:
                  exec: {command: [cat, /tmp/healthy]}
                  initialDelaySeconds: 5
                  periodSeconds: 5
            """))").exitCode == 0)
        // As the documentation's pod: failures at 35, 40, 45 s, killed after the 30 s grace period.
        #expect(s.pods(at: "2026-11-23T12:00:44Z") == "p     2/2   Running   0     44s\n")
        #expect(events(s, "Unhealthy") == "Warning|2|spec.initContainers{proxy}|Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n\n")
        #expect(s.pods(at: "2026-11-23T12:01:15Z") == "p     1/2   Init:Error   0     75s\n")
        #expect(s.pods(at: "2026-11-23T12:01:16Z") == "p     2/2   Running   1 (1s ago)   76s\n")
        #expect(events(s, "Killing") == "Normal|1|spec.initContainers{proxy}|Container proxy failed liveness probe, will be restarted\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.initContainerStatuses[0].lastState.terminated.exitCode}'").stdout == "137")
    }

    @Test func aSidecarsStartupProbeGatesTheAppContainers() {
        let s = TestStore()
        #expect(s.run("create -f \(pod(s, sidecar: """
                command: [sh, -c, 'sleep 3600']
                startupProbe:
                  tcpSocket: {port: 8080}
                  periodSeconds: 10
                  failureThreshold: 3
            """))").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:15Z") == "p     0/2   Init:0/1   0     15s\n")
        let initialized = s.run("get pod p -o 'jsonpath={.status.conditions[?(@.type==\"Initialized\")].message}|{.status.containerStatuses[0].state.waiting.reason}'")
        #expect(initialized.stdout == "containers with incomplete status: [proxy]|PodInitializing")
        // Failures at 0, 10, 20 s: killed, stopped when the grace period ends (50 s), restarted at the
        // kubelet's next sync.
        #expect(s.pods(at: "2026-11-23T12:00:50Z") == "p     0/2   Init:Error   0     50s\n")
        #expect(s.pods(at: "2026-11-23T12:00:51Z") == "p     0/2   Init:0/1   1 (1s ago)   51s\n")
        let refused = "Startup probe failed: dial tcp \(ip(s)):8080: connect: connection refused"
        // The new run's first probe, at its start, fails too.
        #expect(events(s, "Unhealthy") == "Warning|4|spec.initContainers{proxy}|\(refused)\n")
        #expect(events(s, "Killing") == "Normal|1|spec.initContainers{proxy}|Container proxy failed startup probe, will be restarted\n")
    }

    @Test func theNextInitContainerStartsWhenTheSidecarHasStarted() {
        let s = TestStore()
        #expect(s.run("create -f \(pod(s, sidecar: """
                command: [sh, -c, 'touch /tmp/up; sleep 3600']
                startupProbe:
                  exec: {command: [cat, /tmp/up]}
                  initialDelaySeconds: 12
                  periodSeconds: 5
            """, next: """
              - name: migrate
                image: busybox
                command: [sh, -c, 'sleep 5']
            """))").exitCode == 0)
        // Started at its first probe (15 s); migrate runs 15-20 s; then the app.
        #expect(s.pods(at: "2026-11-23T12:00:14Z") == "p     0/2   Init:0/2   0     14s\n")
        #expect(s.pods(at: "2026-11-23T12:00:15Z") == "p     1/2   Init:1/2   0     15s\n")
        #expect(s.pods(at: "2026-11-23T12:00:20Z") == "p     2/2   Running   0     20s\n")
        let started = s.run("get pod p -o 'jsonpath={.status.initContainerStatuses[1].state.terminated.startedAt}|{.status.containerStatuses[0].state.running.startedAt}'")
        #expect(started.stdout == "2026-11-23T12:00:15Z|2026-11-23T12:00:20Z")
    }

    @Test func aPostStartHTTPHookToAContainerServingNothingFails() {
        let s = TestStore()
        let manifest = s.writeFile("h.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: busybox
                command: [sleep, '3600']
                lifecycle:
                  postStart:
                    httpGet: {path: /hook, port: 8080}

            """)
        #expect(s.run("create -f \(manifest)").exitCode == 0)
        let uid = s.run("get pod p -o jsonpath={.metadata.uid}").stdout
        // v1.32 records no runner's message in the event (it may hold secrets); the container's
        // PostStartHookError state, shown when the killed container has stopped, does.
        #expect(events(s, "FailedPostStartHook") == "Warning|1|spec.containers{app}|PostStartHook failed\n")
        #expect(events(s, "Killing") == "Normal|1|spec.containers{app}|FailedPostStartHook\n")
        #expect(s.pods(at: "2026-11-23T12:00:30Z") == "p     0/1   PostStartHookError   0     30s\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.containerStatuses[0].state.waiting.message}'").stdout
            == "HTTP lifecycle hook (/hook) for Container \"app\" in Pod \"p_default(\(uid))\" failed - error: Get \"http://\(ip(s)):8080/hook\": dial tcp \(ip(s)):8080: connect: connection refused")
        // Restarted at once; that sync is held in the hook and the kill, the exit shown meanwhile.
        #expect(s.pods(at: "2026-11-23T12:00:31Z") == "p     0/1   PostStartHookError   0     31s\n")
        #expect(s.pods(at: "2026-11-23T12:01:01Z") == "p     0/1   PostStartHookError   1 (0s ago)   61s\n")
    }

    @Test func aPostStartHTTPHookToAServerSucceeds() {
        let s = TestStore()
        let manifest = s.writeFile("h.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: nginx
                lifecycle:
                  postStart:
                    httpGet: {path: /, port: 80}

            """)
        #expect(s.run("create -f \(manifest)").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:10:00Z") == "p     1/1   Running   0     10m\n")
        #expect(events(s, "FailedPostStartHook") == "")
    }
}
