import KubeTestSupport
import Testing

/// Time as a cluster keeps it for events and refused controllers: events go an hour after their last
/// write (the API server's event TTL, its storage sharing one lease among the writes of a minute), a
/// controller whose creates are refused retries on client-go's back-off (5 ms doubling, at most
/// 1,000 s), and its FailedCreate events, all different (each names another pod), are combined after
/// the tenth: `(combined from similar events): ...`, counted.
@Suite struct EventLifetimeTests {
    private func reasons(_ s: TestStore, _ ns: String = "default") -> [String] {
        s.run(args: ["get", "events", "-n", ns, "-o", "jsonpath={range .items[*]}{.involvedObject.name}/{.reason}{\"\\n\"}{end}"])
            .stdout.split(separator: "\n").map(String.init).sorted()
    }

    @Test func eventsGoAnHourAfterTheirLease() {
        let s = TestStore()
        #expect(s.run("run a --image=nginx").exitCode == 0)
        s.setNow("2026-11-23T12:30:00Z")
        #expect(s.run("run b --image=nginx").exitCode == 0)
        // The lease granted at 12:00:00 lasts 3,600 + 60 seconds.
        s.setNow("2026-11-23T13:00:59Z")
        #expect(reasons(s).count == 10)
        s.setNow("2026-11-23T13:01:00Z")
        #expect(reasons(s) == ["b/Created", "b/Pulled", "b/Pulling", "b/Scheduled", "b/Started"])
        #expect(s.run("describe pod a").stdout.hasSuffix("<none>\n"))
        s.setNow("2026-11-23T13:31:00Z")
        #expect(s.run("get events").stderr == "No resources found in default namespace.\n")
    }

    /// A write a minute later is under a new lease; an event written again lives an hour from then.
    @Test func anEventWrittenAgainLivesOn() {
        let s = TestStore()
        let ev = s.writeFile("ev.yaml", """
            apiVersion: v1
            kind: Event
            metadata: {name: cm.one, namespace: default}
            involvedObject: {kind: ConfigMap, name: cm, namespace: default}
            reason: Custom
            message: written twice
            type: Normal
            """)
        #expect(s.run("create -f \(ev)").exitCode == 0)
        #expect(s.run("create configmap other").exitCode == 0)
        s.setNow("2026-11-23T12:50:00Z")
        #expect(s.run("label event cm.one again=yes").exitCode == 0)
        s.setNow("2026-11-23T13:01:00Z")
        #expect(s.run("get events -o name").stdout == "event/cm.one\n")
        s.setNow("2026-11-23T13:50:59Z")
        #expect(s.run("get events -o name").stdout == "event/cm.one\n")
        s.setNow("2026-11-23T13:51:00Z")
        #expect(s.run("get events -o name").stdout == "")
    }

    /// Quota refuses the ReplicaSet's second and third pods: one create per sync, syncs at 0 (and once
    /// more for its own status write), 5, 25, 65, 145, 305, 625 ms, 1.3, 2.5, 5.1, 10.2, 20.5, 41, 82,
    /// 164 s, ...; the first nine events stand alone, the rest are one combined event.
    @Test func refusedCreatesBackOffAndCombine() {
        let s = TestStore()
        #expect(s.run("create quota q --hard=pods=1").exitCode == 0)
        #expect(s.run("create deployment web --image=nginx --replicas=3").exitCode == 0)
        let failed = #"jsonpath={range .items[?(@.reason=="FailedCreate")]}{.count} {.message}{"\n"}{end}"#
        #expect(s.run(args: ["get", "events", "-o", failed]).stdout.split(separator: "\n").count == 8)
        // Commands at the same second run what fell due (the sub-second retries), nothing more.
        for _ in 0..<3 {
            #expect(s.run(args: ["get", "events", "-o", failed]).stdout.split(separator: "\n").count == 8)
        }
        s.setNow("2026-11-23T12:05:00Z")
        let lines = s.run(args: ["get", "events", "-o", failed]).stdout.split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.filter { $0.hasPrefix("1 Error creating: pods \"web-") }.count == 9)
        #expect(lines.filter { $0.hasPrefix("7 (combined from similar events): Error creating: pods \"web-") }.count == 1)
        let describe = s.run("describe rs").stdout
        #expect(describe.contains("  Warning  FailedCreate      2m17s (x7 over 4m58s)  replicaset-controller  (combined from similar events): "))
        // Gaps of more than ten minutes start over: the retry at 21m50s stands alone again.
        s.setNow("2026-11-23T12:30:00Z")
        let later = s.run(args: ["get", "events", "-o", failed]).stdout.split(separator: "\n")
        #expect(later.count == 11)
        #expect(later.contains { $0.hasPrefix("9 (combined from similar events): ") })
        // The condition keeps the first refusal's message.
        #expect(s.run("get rs -o jsonpath={.items[0].status.conditions[0].lastTransitionTime}").stdout == "2026-11-23T12:00:00Z")
    }

    /// A pod held by a finalizer after its delete: the kubelet stops its containers and it ends
    /// Succeeded (a server exiting 0 on SIGTERM) or Failed (a command of its own, killed: 137), which
    /// `get` shows as Completed or Error, not Terminating; the pod stays until the finalizer goes.
    @Test func podHeldByFinalizerEndsInATerminalPhase() {
        let s = TestStore()
        #expect(s.run("run web --image=nginx").exitCode == 0)
        #expect(s.run("run sleeper --image=busybox -- sleep 3600").exitCode == 0)
        for pod in ["web", "sleeper"] {
            #expect(s.run(args: ["patch", "pod", pod, "-p", #"{"metadata":{"finalizers":["example.com/keep"]}}"#]).exitCode == 0)
        }
        #expect(s.run("delete pod web sleeper --wait=false").exitCode == 0)
        #expect(s.run("get pods --no-headers").stdout == """
            sleeper   1/1   Terminating   0     0s
            web       1/1   Terminating   0     0s

            """)
        // nginx stops at SIGTERM; `sleep` as PID 1 ignores it and is killed when the 30 s grace period ends.
        s.setNow("2026-11-23T12:00:02Z")
        #expect(s.run("get pods --no-headers").stdout == """
            sleeper   1/1   Terminating   0     2s
            web       0/1   Completed     0     2s

            """)
        s.setNow("2026-11-23T12:00:30Z")
        #expect(s.run("get pods --no-headers").stdout == """
            sleeper   0/1   Error       0     30s
            web       0/1   Completed   0     30s

            """)
        let fields = "jsonpath={.status.phase}/{.metadata.deletionGracePeriodSeconds}/{.status.containerStatuses[0].state.terminated.exitCode}"
        #expect(s.run(args: ["get", "pod", "web", "-o", fields]).stdout == "Succeeded/0/0")
        #expect(s.run(args: ["get", "pod", "sleeper", "-o", fields]).stdout == "Failed/0/137")
        #expect(s.run("describe pod web").stdout.contains("\nStatus:           Succeeded\n"))
        #expect(s.run(args: ["patch", "pod", "web", "--type=json", "-p", #"[{"op":"remove","path":"/metadata/finalizers"}]"#]).exitCode == 0)
        #expect(s.run("get pods -o name").stdout == "pod/sleeper\n")
    }

    /// Forced (grace 0) but kept by a finalizer: its kubelet stops the containers at once.
    @Test func forcedDeleteOfAPodWithAFinalizer() {
        let s = TestStore()
        #expect(s.run("run web --image=nginx").exitCode == 0)
        #expect(s.run(args: ["patch", "pod", "web", "-p", #"{"metadata":{"finalizers":["example.com/keep"]}}"#]).exitCode == 0)
        #expect(s.run("delete pod web --grace-period=0 --force --wait=false").exitCode == 0)
        #expect(s.run("get pod web -o jsonpath={.status.phase}").stdout == "Succeeded")
    }
}
