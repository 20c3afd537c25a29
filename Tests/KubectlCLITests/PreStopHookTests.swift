import KubeTestSupport
import Testing

/// A deleted pod's preStop hooks as a v1.32 kubelet runs them (`killContainer`): `Killing` (`Stopping
/// container NAME`) as the stop begins, then the hook, given at most the grace period; one that fails
/// is reported when its run ends, `FailedPreStopHook` (Warning, `PreStopHook failed`, without the
/// runner's message); then the stop with what is left of the grace period, at least 2 seconds.
@Suite struct PreStopHookTests {
    func store(hook: String, command: String = "[sleep, '3600']", image: String = "busybox", grace: String = "") -> TestStore {
        let s = TestStore()
        let file = s.writeFile("p.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              \(grace.isEmpty ? "" : "terminationGracePeriodSeconds: \(grace)")
              containers:
              - name: app
                image: \(image)
                command: \(command)
                lifecycle:
                  preStop: \(hook)

            """)
        #expect(s.run("create -f \(file)").exitCode == 0)
        return s
    }

    func events(_ s: TestStore) -> String {
        s.run("get events --sort-by=.lastTimestamp -o 'jsonpath={range .items[?(@.source.component==\"kubelet\")]}{.type}|{.reason}|{.count}|{.lastTimestamp}|{.involvedObject.fieldPath}|{.message}{\"\\n\"}{end}'").stdout
    }

    func kills(_ s: TestStore) -> String {
        events(s).split(separator: "\n").filter { $0.contains("|Killing|") || $0.contains("|FailedPreStopHook|") }.joined(separator: "\n")
    }

    func gone(_ s: TestStore, at time: String) -> Bool {
        s.setNow(time)
        return s.run("get pod p").stderr == "Error from server (NotFound): pods \"p\" not found\n"
    }

    /// `sleep 3; exit 1` as the hook of a shell that ignores SIGTERM: the failure shows 3 s after the
    /// delete, not before; the container is killed when the 30 s grace period ends (3 s of hook, 27 s
    /// left), as `describe` shows while the pod is Terminating.
    @Test func aFailingExecHookIsReportedWhenItsRunEnds() {
        let s = store(hook: "{exec: {command: [sh, -c, 'sleep 3; exit 1']}}")
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("delete pod p --wait=false").exitCode == 0)
        s.setNow("2026-11-23T12:01:02Z")
        #expect(kills(s) == "Normal|Killing|1|2026-11-23T12:01:00Z|spec.containers{app}|Stopping container app")
        s.setNow("2026-11-23T12:01:03Z")
        #expect(kills(s) == """
            Normal|Killing|1|2026-11-23T12:01:00Z|spec.containers{app}|Stopping container app
            Warning|FailedPreStopHook|1|2026-11-23T12:01:03Z|spec.containers{app}|PreStopHook failed
            """)
        s.setNow("2026-11-23T12:01:20Z")
        let describe = s.run("describe pod p").stdout
        #expect(describe.hasSuffix("""
              Normal   Killing            20s   kubelet            Stopping container app
              Warning  FailedPreStopHook  17s   kubelet            PreStopHook failed

            """))
        #expect(!gone(s, at: "2026-11-23T12:01:29Z"))
        #expect(gone(s, at: "2026-11-23T12:01:30Z"))
    }

    /// One jump past the hook's time and the stop gives the same events as stepping through them.
    @Test func oneJumpEqualsSteps() {
        let stepped = store(hook: "{exec: {command: [sh, -c, 'sleep 7; false']}}")
        let jumped = store(hook: "{exec: {command: [sh, -c, 'sleep 7; false']}}")
        for s in [stepped, jumped] { #expect(s.run("delete pod p --wait=false").exitCode == 0) }
        for _ in 1...40 {
            stepped.advance(seconds: 1)
            stepped.run("get pods")
        }
        jumped.advance(seconds: 40)
        #expect(events(jumped) == events(stepped))
        #expect(kills(jumped) == """
            Normal|Killing|1|2026-11-23T12:00:00Z|spec.containers{app}|Stopping container app
            Warning|FailedPreStopHook|1|2026-11-23T12:00:07Z|spec.containers{app}|PreStopHook failed
            """)
    }

    /// A hook that fails at once, on a server that stops at SIGTERM: the failure shows with the
    /// `Killing`, and the pod is gone a second later.
    @Test func aHookThatFailsAtOnceOnAServer() {
        let s = store(hook: "{exec: {command: [/bin/false]}}", command: "[]", image: "nginx")
        #expect(s.run("delete pod p --wait=false").exitCode == 0)
        #expect(kills(s) == """
            Normal|Killing|1|2026-11-23T12:00:00Z|spec.containers{app}|Stopping container app
            Warning|FailedPreStopHook|1|2026-11-23T12:00:00Z|spec.containers{app}|PreStopHook failed
            """)
        #expect(gone(s, at: "2026-11-23T12:00:01Z"))
    }

    /// An httpGet hook to a container that serves nothing is refused: reported at once.
    @Test func anHTTPHookToAContainerThatServesNothingFails() {
        let s = store(hook: "{httpGet: {path: /shutdown, port: 8080}}")
        #expect(s.run("delete pod p --wait=false").exitCode == 0)
        #expect(kills(s).hasSuffix("Warning|FailedPreStopHook|1|2026-11-23T12:00:00Z|spec.containers{app}|PreStopHook failed"))
        // The same hook on nginx (its own process serves) succeeds.
        let t = store(hook: "{httpGet: {path: /shutdown, port: 80}}", command: "[]", image: "nginx")
        #expect(t.run("delete pod p --wait=false").exitCode == 0)
        #expect(kills(t) == "Normal|Killing|1|2026-11-23T12:00:00Z|spec.containers{app}|Stopping container app")
    }

    /// Hooks that succeed (a sleep action, a command that exits 0) report nothing.
    @Test func hooksThatSucceedReportNothing() {
        for hook in ["{sleep: {seconds: 2}}", "{exec: {command: [sh, -c, 'sleep 2; echo bye']}}"] {
            let s = store(hook: hook)
            #expect(s.run("delete pod p --wait=false").exitCode == 0)
            s.advance(seconds: 10)
            #expect(kills(s) == "Normal|Killing|1|2026-11-23T12:00:00Z|spec.containers{app}|Stopping container app")
        }
    }

    /// A hook still running when the grace period ends is cut short: the stop then gets the kubelet's
    /// minimum of 2 seconds, so a shell is killed at grace + 2; a failure after the grace period is not
    /// reported. A grace period of 1 second likewise gives the stop 2 seconds.
    @Test func aHookThatRunsOutTheGracePeriod() {
        let s = store(hook: "{exec: {command: [sh, -c, 'sleep 40; exit 1']}}", grace: "10")
        #expect(s.run("delete pod p --wait=false").exitCode == 0)
        #expect(!gone(s, at: "2026-11-23T12:00:11Z"))
        #expect(gone(s, at: "2026-11-23T12:00:12Z"))
        #expect(kills(s) == "Normal|Killing|1|2026-11-23T12:00:00Z|spec.containers{app}|Stopping container app")
        let t = store(hook: "{sleep: {seconds: 1}}")
        #expect(t.run("delete pod p --wait=false --grace-period=1").exitCode == 0)
        #expect(!gone(t, at: "2026-11-23T12:00:02Z"))
        #expect(gone(t, at: "2026-11-23T12:00:03Z"))
    }

    /// `kubectl delete` that waits (a frozen clock: the stop happens within the request) still reports
    /// the hook's failure before the pod goes.
    @Test func aWaitingDeleteReportsTheFailure() {
        let s = store(hook: "{exec: {command: [sh, -c, 'sleep 3; exit 2']}}")
        #expect(s.run("delete pod p").stdout == "pod \"p\" deleted\n")
        #expect(s.run("get pod p").exitCode == 1)
        #expect(kills(s) == """
            Normal|Killing|1|2026-11-23T12:00:00Z|spec.containers{app}|Stopping container app
            Warning|FailedPreStopHook|1|2026-11-23T12:00:00Z|spec.containers{app}|PreStopHook failed
            """)
    }
}
