import KubeTestSupport
import Testing

/// A postStart exec hook whose command fails: `FailedPostStartHook` (`PostStartHook failed`: since
/// v1.26 the runner's message stays out of events), `Killing` (`FailedPostStartHook`), the container
/// stopped (a shell ignores SIGTERM: killed when the grace period ends, exit code 137), shown
/// `PostStartHookError` with the runner's message until the kubelet's next sync, and restarted with
/// the crash back-off.
@Suite struct PostStartHookTests {
    func manifest(_ s: TestStore, hook: String, command: String = "[sleep, '3600']", image: String = "busybox") -> String {
        s.writeFile("p.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: \(image)
                command: \(command)
                lifecycle:
                  postStart:
                    exec:
                      command: \(hook)

            """)
    }

    func events(_ s: TestStore, _ reason: String) -> String {
        s.run("get events --field-selector reason=\(reason) -o 'jsonpath={range .items[*]}{.type}|{.count}|{.involvedObject.fieldPath}|{.message}{end}'").stdout
    }

    @Test func aFailingHookKillsAndRestartsTheContainer() {
        let s = TestStore()
        #expect(s.run("create -f \(manifest(s, hook: "[sh, -c, 'echo hook; exit 1']"))").exitCode == 0)
        let uid = s.run("get pod p -o jsonpath={.metadata.uid}").stdout
        #expect(events(s, "FailedPostStartHook") == "Warning|1|spec.containers{app}|PostStartHook failed")
        #expect(events(s, "Killing") == "Normal|1|spec.containers{app}|FailedPostStartHook")
        // `sleep` ignores SIGTERM: killed when the 30 s grace period ends; PostStartHookError (the
        // runner's message) until the kubelet's next sync restarts it.
        #expect(s.pods(at: "2026-11-23T12:00:29Z") == "p     1/1   Running   0     29s\n")
        #expect(s.pods(at: "2026-11-23T12:00:30Z") == "p     0/1   PostStartHookError   0     30s\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.containerStatuses[0].state.waiting.message}|{.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode}'").stdout
            == "Exec lifecycle hook ([sh -c echo hook; exit 1]) for Container \"app\" in Pod \"p_default(\(uid))\" failed - error: command 'sh -c echo hook; exit 1' exited with 1: , message: \"hook\\n\"|Error/137")
        #expect(s.pods(at: "2026-11-23T12:00:31Z") == "p     1/1   Running   1 (1s ago)   31s\n")
        #expect(events(s, "Killing") == "Normal|2|spec.containers{app}|FailedPostStartHook")
        // The second run ends at +61s, in the 10 s back-off: shown until the pod worker's retry at +71s.
        #expect(s.pods(at: "2026-11-23T12:01:01Z") == "p     0/1   PostStartHookError   1 (0s ago)   61s\n")
        #expect(s.pods(at: "2026-11-23T12:01:05Z") == "p     0/1   PostStartHookError   1 (4s ago)   65s\n")
        #expect(s.pods(at: "2026-11-23T12:01:11Z") == "p     0/1   CrashLoopBackOff   1 (10s ago)   71s\n")
        #expect(s.pods(at: "2026-11-23T12:01:12Z") == "p     1/1   Running   2 (11s ago)   72s\n")
    }

    @Test func aHookThatSucceedsChangesNothing() {
        let s = TestStore()
        #expect(s.run("create -f \(manifest(s, hook: "[sh, -c, 'echo hello > /usr/share/message']"))").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:30:00Z") == "p     1/1   Running   0     30m\n")
        #expect(events(s, "FailedPostStartHook") == "")
    }

    @Test func aServerStopsWithinASecond() {
        let s = TestStore()
        #expect(s.run("create -f \(manifest(s, hook: "[/bin/false]", command: "[nginx, -g, 'daemon off;']", image: "nginx"))").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:01Z") == "p     0/1   PostStartHookError   0     1s\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode}'").stdout
            == "Completed/0")
        #expect(s.pods(at: "2026-11-23T12:00:02Z") == "p     1/1   Running   1 (1s ago)   2s\n")
    }
}
