import KubeModel
import KubeTestSupport
import Testing

/// A sidecar's postStart hook, as the v1.32 kubelet runs it: starting a container runs its hook before
/// the start returns, so the sync that starts a sidecar is held in the hook, and the next init container
/// (or the app containers) starts only after it. The status written as that sync began stays meanwhile
/// (`Init:0/N`, the sidecar `PodInitializing`). A failing hook is reported at its time
/// (`FailedPostStartHook`, `Killing` on `spec.initContainers{NAME}`), the sidecar is killed and
/// restarted with the crash back-off, and what follows it never starts.
@Suite struct SidecarPostStartHookTests {
    private func manifest(_ s: TestStore, hook: String, next: String = "") -> String {
        s.podFile("p", """
            initContainers:
            - name: proxy
              image: busybox
              restartPolicy: Always
              command: [sh, -c, 'sleep 3600']
              lifecycle:
                postStart:
                  exec:
                    command: [sh, -c, '\(hook)']
            \(next)
            containers:
            - name: app
              image: nginx
            """)
    }

    /// `kubelet|REASON/first/fieldPath` of the kubelet's Created events, in time order.
    private func created(_ s: TestStore) -> String {
        s.run(args: ["get", "events", "--field-selector", "reason=Created", "--sort-by=.firstTimestamp", "-o",
                     "jsonpath={range .items[*]}{.firstTimestamp} {.involvedObject.fieldPath}{\"\\n\"}{end}"]).stdout
    }

    @Test func aSlowSidecarHookHoldsTheNextInitContainerAndTheApp() {
        let s = TestStore()
        let next = "- name: migrate\n  image: busybox\n  command: [sh, -c, 'sleep 3']"
        #expect(s.run("create -f \(manifest(s, hook: "sleep 5", next: next))").exitCode == 0)
        // The hook runs 0-5 s: nothing after the sidecar starts, the sidecar shows as before its start.
        #expect(s.pods(at: "2026-11-23T12:00:04Z") == "p     0/2   Init:0/2   0     4s\n")
        let describe = s.run("describe pod p").stdout
        #expect(describe.contains("  proxy:\n"))
        #expect(describe.ranges(of: "State:          Waiting\n      Reason:       PodInitializing\n").count == 3)
        #expect(created(s) == "2026-11-23T12:00:00Z spec.initContainers{proxy}\n")
        // The sync returns at 5 s: the sidecar runs (ready: it counts in READY), migrate starts, runs 3 s.
        #expect(s.pods(at: "2026-11-23T12:00:05Z") == "p     1/2   Init:1/2   0     5s\n")
        #expect(s.pods(at: "2026-11-23T12:00:07Z") == "p     1/2   Init:1/2   0     7s\n")
        #expect(s.pods(at: "2026-11-23T12:00:08Z") == "p     2/2   Running   0     8s\n")
        #expect(created(s) == "2026-11-23T12:00:00Z spec.initContainers{proxy}\n2026-11-23T12:00:05Z spec.initContainers{migrate}\n"
                + "2026-11-23T12:00:08Z spec.containers{app}\n")
        // The sidecar started when its hook did.
        #expect(s.run("get pod p -o 'jsonpath={.status.initContainerStatuses[0].state.running.startedAt}|{.status.initContainerStatuses[1].state.terminated.startedAt}'").stdout
                == "2026-11-23T12:00:00Z|2026-11-23T12:00:05Z")
    }

    /// `sleep 5; exit 3`: reported at 5 s, the kill waits the 30 s grace period (a shell ignores
    /// SIGTERM), so the sync returns at 35 s; restarted at once (held again until 71 s), then with the
    /// back-off. The app is never started.
    @Test func aFailingSidecarHookKillsAndRestartsItAndTheAppNeverStarts() {
        let s = TestStore()
        #expect(s.run("create -f \(manifest(s, hook: "sleep 5; exit 3"))").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:04Z") == "p     0/2   Init:0/1   0     4s\n")
        #expect(s.events("FailedPostStartHook") == "")
        #expect(s.pods(at: "2026-11-23T12:00:05Z") == "p     0/2   Init:0/1   0     5s\n")
        #expect(s.events("FailedPostStartHook") == "1|2026-11-23T12:00:05Z|2026-11-23T12:00:05Z|spec.initContainers{proxy}|PostStartHook failed")
        #expect(s.events("Killing") == "1|2026-11-23T12:00:05Z|2026-11-23T12:00:05Z|spec.initContainers{proxy}|FailedPostStartHook")
        #expect(s.pods(at: "2026-11-23T12:00:34Z") == "p     0/2   Init:0/1   0     34s\n")
        #expect(s.pods(at: "2026-11-23T12:00:35Z") == "p     0/2   Init:PostStartHookError   0     35s\n")
        #expect(s.pods(at: "2026-11-23T12:01:10Z") == "p     0/2   Init:PostStartHookError   0     70s\n")
        #expect(s.pods(at: "2026-11-23T12:01:30Z") == "p     0/2   Init:CrashLoopBackOff   1 (19s ago)   90s\n")
        // Runs at 0, 36 and (the 10 s back-off after the exit at 71 s) 82 s, each hook failing 5 s in.
        #expect(s.events("FailedPostStartHook") == "3|2026-11-23T12:00:05Z|2026-11-23T12:01:27Z|spec.initContainers{proxy}|PostStartHook failed")
        #expect(created(s) == "2026-11-23T12:00:00Z spec.initContainers{proxy}\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.initContainerStatuses[0].lastState.terminated.exitCode}|{.status.containerStatuses[0].state.waiting.reason}'").stdout
                == "137|PodInitializing")
    }

    /// What a user sees after 5 minutes is the same whether the store was opened once or every 5 s.
    @Test func aFailingSidecarHookCaughtUpMatchesStepByStep() {
        let start = Timestamp(rfc3339: "2026-11-23T12:00:00Z")!
        var views: [String] = []
        for step: Int64 in [0, 5, 61] {
            let s = TestStore()
            #expect(s.run("create -f \(manifest(s, hook: "sleep 5; exit 3"))").exitCode == 0)
            s.open(every: step, until: 300, after: start)
            views.append(s.kubeletView(pod: "p"))
        }
        #expect(views[0].hasPrefix("p     0/2   Init:CrashLoopBackOff   4 (51s ago)   5m\n"))
        #expect(views[0].contains("FailedPostStartHook/3/2026-11-23T12:00:05Z/2026-11-23T12:01:27Z/spec.initContainers{proxy}/PostStartHook failed"))
        #expect(views[1] == views[0])
        #expect(views[2] == views[0])
    }
}
