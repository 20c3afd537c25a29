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

    func phase(_ s: TestStore) -> String {
        s.run("get pod p -o 'jsonpath={.status.phase}|{.status.containerStatuses[0].restartCount}|{.status.containerStatuses[0].lastState.terminated.finishedAt}'").stdout
    }

    /// The kubelet writes a pod's status as each sync begins; the sync that starts the container runs
    /// its hook and, when it fails, the kill (a shell ignores SIGTERM: the 30 s grace period), so the
    /// status shows what it showed before each start until that sync returns: `ContainerCreating`
    /// (Pending) for the first run, then the last exit with the restart count it had.
    @Test func aFailingHookKillsAndRestartsTheContainer() {
        let s = TestStore()
        #expect(s.run("create -f \(manifest(s, hook: "[sh, -c, 'echo hook; exit 1']"))").exitCode == 0)
        let uid = s.run("get pod p -o jsonpath={.metadata.uid}").stdout
        #expect(events(s, "FailedPostStartHook") == "Warning|1|spec.containers{app}|PostStartHook failed")
        #expect(events(s, "Killing") == "Normal|1|spec.containers{app}|FailedPostStartHook")
        // The first run: never Running, never ready.
        #expect(s.pods(at: "2026-11-23T12:00:29Z") == "p     0/1   ContainerCreating   0     29s\n")
        #expect(phase(s) == "Pending|0|")
        #expect(s.pods(at: "2026-11-23T12:00:30Z") == "p     0/1   PostStartHookError   0     30s\n")
        #expect(phase(s) == "Running|0|2026-11-23T12:00:30Z")
        #expect(s.run("get pod p -o 'jsonpath={.status.containerStatuses[0].state.waiting.message}|{.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode}|{.status.containerStatuses[0].lastState.terminated.startedAt}'").stdout
            == "Exec lifecycle hook ([sh -c echo hook; exit 1]) for Container \"app\" in Pod \"p_default(\(uid))\" failed - error: command 'sh -c echo hook; exit 1' exited with 1: , message: \"hook\\n\"|Error/137|2026-11-23T12:00:00Z")
        // Restarted at once (+31s): that sync is in the hook and kill until +61s, the exit shown meanwhile.
        #expect(s.pods(at: "2026-11-23T12:00:31Z") == "p     0/1   PostStartHookError   0     31s\n")
        #expect(events(s, "Killing") == "Normal|2|spec.containers{app}|FailedPostStartHook")
        #expect(s.pods(at: "2026-11-23T12:01:00Z") == "p     0/1   PostStartHookError   0     60s\n")
        // The restart count moves as the run's exit is seen; the 10 s back-off shows at the pod worker's retry.
        #expect(s.pods(at: "2026-11-23T12:01:01Z") == "p     0/1   PostStartHookError   1 (0s ago)   61s\n")
        #expect(s.pods(at: "2026-11-23T12:01:10Z") == "p     0/1   PostStartHookError   1 (9s ago)   70s\n")
        #expect(s.pods(at: "2026-11-23T12:01:11Z") == "p     0/1   CrashLoopBackOff   1 (10s ago)   71s\n")
        // The third run (+72s, held until +102s) shows the back-off it left.
        #expect(s.pods(at: "2026-11-23T12:01:12Z") == "p     0/1   CrashLoopBackOff   1 (11s ago)   72s\n")
        #expect(events(s, "Killing") == "Normal|3|spec.containers{app}|FailedPostStartHook")
        #expect(s.pods(at: "2026-11-23T12:01:41Z") == "p     0/1   CrashLoopBackOff   1 (40s ago)   101s\n")
        #expect(s.pods(at: "2026-11-23T12:01:42Z") == "p     0/1   PostStartHookError   2 (0s ago)   102s\n")
        #expect(phase(s) == "Running|2|2026-11-23T12:01:42Z")
        // Back-off 20 s: CrashLoopBackOff at +112s, the fourth run from +123s to +153s.
        #expect(s.pods(at: "2026-11-23T12:01:52Z") == "p     0/1   CrashLoopBackOff   2 (10s ago)   112s\n")
        #expect(s.pods(at: "2026-11-23T12:02:32Z") == "p     0/1   CrashLoopBackOff   2 (50s ago)   2m32s\n")
        #expect(s.pods(at: "2026-11-23T12:02:33Z") == "p     0/1   PostStartHookError   3 (0s ago)   2m33s\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.containerStatuses[0].lastState.terminated.startedAt}|{.status.conditions[?(@.type==\"Ready\")].status}'").stdout
            == "2026-11-23T12:02:03Z|False")
    }

    /// A hook that takes time (`sleep 5`) and succeeds holds the start's sync as long: `ContainerCreating`
    /// for 5 s, then Running and ready, started when the container was (the hook's start).
    @Test func aSlowHookShowsContainerCreatingUntilItEnds() {
        let s = TestStore()
        #expect(s.run("create -f \(manifest(s, hook: "[sh, -c, 'sleep 5']"))").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:04Z") == "p     0/1   ContainerCreating   0     4s\n")
        // Written before the sandbox was made: no IP yet, PodReadyToStartContainers False.
        #expect(s.run("get pod p -o 'jsonpath={.status.phase}|{.status.containerStatuses[0].state.waiting.reason}|{.status.containerStatuses[0].started}|{.status.podIP}|{.status.conditions[?(@.type==\"PodReadyToStartContainers\")].status}'").stdout
            == "Pending|ContainerCreating|false||False")
        #expect(s.pods(at: "2026-11-23T12:00:05Z") == "p     1/1   Running   0     5s\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.phase}|{.status.containerStatuses[0].state.running.startedAt}|{.status.conditions[?(@.type==\"Ready\")].lastTransitionTime}'").stdout
            == "Running|2026-11-23T12:00:00Z|2026-11-23T12:00:05Z")
        #expect(s.run("get pod p -o 'jsonpath={.status.podIP}|{.status.conditions[?(@.type==\"PodReadyToStartContainers\")].status}'").stdout == "10.244.0.4|True")
        #expect(events(s, "FailedPostStartHook") == "")
        // The `sleep` action holds it as long.
        let t = TestStore()
        let q = t.writeFile("q.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - {name: app, image: nginx, lifecycle: {postStart: {sleep: {seconds: 3}}}}

            """)
        #expect(t.run("create -f \(q)").exitCode == 0)
        #expect(t.pods(at: "2026-11-23T12:00:02Z") == "p     0/1   ContainerCreating   0     2s\n")
        #expect(t.pods(at: "2026-11-23T12:00:03Z") == "p     1/1   Running   0     3s\n")
    }

    /// A slow hook holds every restart's sync too: the exit (or back-off) it restarts from stays shown for
    /// the hook's 5 s. `sleep 30; exit 1`: Running at 5 s, Error at 30 s, restarted at 31 s, Running 1 at
    /// 36 s, Error at 61 s, CrashLoopBackOff at 71 s, restarted at 72 s, Running 2 at 77 s.
    @Test func aSlowHookHoldsEveryRestart() {
        let s = TestStore()
        #expect(s.run("create -f \(manifest(s, hook: "[sh, -c, 'sleep 5']", command: "[sh, -c, 'sleep 30; exit 1']"))").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:05Z") == "p     1/1   Running   0     5s\n")
        #expect(s.pods(at: "2026-11-23T12:00:35Z") == "p     0/1   Error   0     35s\n")
        #expect(s.pods(at: "2026-11-23T12:00:36Z") == "p     1/1   Running   1 (6s ago)   36s\n")
        #expect(s.run("get pod p -o jsonpath={.status.containerStatuses[0].state.running.startedAt}").stdout == "2026-11-23T12:00:31Z")
        #expect(s.pods(at: "2026-11-23T12:01:16Z") == "p     0/1   CrashLoopBackOff   1 (15s ago)   76s\n")
        #expect(s.pods(at: "2026-11-23T12:01:17Z") == "p     1/1   Running   2 (16s ago)   77s\n")
    }

    /// The sync is held as a whole: a second container started in it shows `ContainerCreating` too (0/2,
    /// Pending) until the hook returns.
    @Test func aHookHoldsTheWholeSync() {
        let s = TestStore()
        let f = s.writeFile("two.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - {name: app, image: nginx, lifecycle: {postStart: {exec: {command: [sh, -c, 'sleep 20']}}}}
              - {name: side, image: busybox, command: [sleep, '3600']}

            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:19Z") == "p     0/2   ContainerCreating   0     19s\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.phase}|{.status.containerStatuses[*].state.waiting.reason}'").stdout
            == "Pending|ContainerCreating ContainerCreating")
        #expect(s.pods(at: "2026-11-23T12:00:20Z") == "p     2/2   Running   0     20s\n")
    }

    /// The study notes' pod (seeds 000_03be8aaaa34fcc69, lifecycle hooks): the hook echoes, sleeps 5 s and
    /// exits 15; the image's own server stops within a second of the kill. Pending and ContainerCreating
    /// until then, then `PostStartHookError` with what the hook printed, `FailedPostStartHook` in describe.
    @Test func theStudyNotesHookPod() {
        let s = TestStore()
        let hook = s.writeFile("hook.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pod-with-poststart-hook
            spec:
              containers:
              - image: luksa/kubia
                name: kubia
                lifecycle:
                  postStart:
                    exec:
                      command:
                      - sh
                      - -c
                      - "echo 'hook will fail with exec code 15'; sleep 5; exit 15"

            """)
        #expect(s.run("create -f \(hook)").exitCode == 0)
        // The hook fails at +5s: reported then, not at the start.
        #expect(s.pods(at: "2026-11-23T12:00:04Z") == "pod-with-poststart-hook   0/1   ContainerCreating   0     4s\n")
        #expect(events(s, "FailedPostStartHook") == "")
        #expect(s.pods(at: "2026-11-23T12:00:05Z") == "pod-with-poststart-hook   0/1   ContainerCreating   0     5s\n")
        #expect(events(s, "Killing") == "Normal|1|spec.containers{kubia}|FailedPostStartHook")
        #expect(s.pods(at: "2026-11-23T12:00:06Z") == "pod-with-poststart-hook   0/1   PostStartHookError   0     6s\n")
        #expect(s.run("get pod pod-with-poststart-hook -o 'jsonpath={.status.containerStatuses[0].state.waiting.message}'").stdout
            .hasSuffix("exited with 15: , message: \"hook will fail with exec code 15\\n\""))
        let describe = s.run("describe pod pod-with-poststart-hook").stdout
        #expect(describe.contains("  Warning  FailedPostStartHook  1s    kubelet            PostStartHook failed\n"))
        // The restart at +7s, its hook failing at +12s, shown PostStartHookError 1 from +13s.
        #expect(s.pods(at: "2026-11-23T12:00:11Z") == "pod-with-poststart-hook   0/1   PostStartHookError   0     11s\n")
        #expect(events(s, "FailedPostStartHook") == "Warning|1|spec.containers{kubia}|PostStartHook failed")
        #expect(s.pods(at: "2026-11-23T12:00:12Z") == "pod-with-poststart-hook   0/1   PostStartHookError   0     12s\n")
        #expect(events(s, "FailedPostStartHook") == "Warning|2|spec.containers{kubia}|PostStartHook failed")
        #expect(s.pods(at: "2026-11-23T12:00:13Z") == "pod-with-poststart-hook   0/1   PostStartHookError   1 (0s ago)   13s\n")
        // Far behind, each hook's failure meets the kubelet's spam filter at its time: runs start at 0, 7,
        // 24, 51, 98, 185, 352, 659 s, then every 307 s (300 s back-off, a second, 6 s in the hook and
        // kill); by +3600 s 17 hooks have failed, but the pod's 25 events at once are spent by the fourth
        // run's start (+51 s: each run's Pulling/Pulled/Created/Started, the image pulled always, hook
        // failures and kills, the back-off retries between), and from then on the one token per 5 minutes
        // goes to a back-off retry (one every 10 s): FailedPostStartHook x3, the last at 12:00:29.
        let far = TestStore()
        #expect(far.run("create -f \(hook)").exitCode == 0)
        #expect(far.pods(at: "2026-11-23T13:00:00Z") == "pod-with-poststart-hook   0/1   CrashLoopBackOff   16 (2m52s ago)   60m\n")
        #expect(far.run("get events -o 'jsonpath={range .items[?(@.reason==\"FailedPostStartHook\")]}{.count}|{.firstTimestamp}|{.lastTimestamp}{end}'").stdout
            == "3|2026-11-23T12:00:05Z|2026-11-23T12:00:29Z")
        #expect(describe.contains("    State:          Waiting\n      Reason:       PostStartHookError\n"))
    }

    /// Under `restartPolicy: Never` the killed run is the end: terminated (the shell killed, 137), the pod Failed.
    @Test func underNeverTheKilledRunEndsThePod() {
        let s = TestStore()
        let file = s.writeFile("n.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              restartPolicy: Never
              containers:
              - name: app
                image: busybox
                command: [sleep, '3600']
                lifecycle: {postStart: {exec: {command: [/bin/false]}}}

            """)
        #expect(s.run("create -f \(file)").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:29Z") == "p     0/1   ContainerCreating   0     29s\n")
        #expect(s.pods(at: "2026-11-23T12:00:30Z") == "p     0/1   Error   0     30s\n")
        #expect(s.pods(at: "2026-11-23T12:05:00Z") == "p     0/1   Error   0     5m\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.phase}|{.status.containerStatuses[0].state.terminated.exitCode}'").stdout == "Failed|137")
    }

    /// Far behind (a store left idle), the loop is computed, not replayed: the same state as a replay.
    /// Exits at +30, +61, +102, +153, +224, +335, +526 s, then every 331 s (300 s back-off, restart a
    /// second later, 30 s in the hook and kill): the 15th exit at +3505 s, its run from +3475 s.
    @Test func aLongIdleStoreCatchesUpWithTheHeldRuns() {
        let s = TestStore()
        #expect(s.run("create -f \(manifest(s, hook: "[sh, -c, 'exit 1']"))").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:58:15Z") == "p     0/1   CrashLoopBackOff   14 (5m21s ago)   58m\n")
        #expect(s.pods(at: "2026-11-23T13:00:00Z") == "p     0/1   CrashLoopBackOff   15 (95s ago)   60m\n")
        // The spam filter's burst is spent by +2m3s (the fourth run's Pulling/Pulled/Created/Started, the
        // image pulled at every start, take the last four): its kill is dropped, and later ones wait in
        // its count; the third (+72 s) is the last written.
        let killing = "get events -o 'jsonpath={range .items[?(@.reason==\"Killing\")]}{.count}|{.firstTimestamp}|{.lastTimestamp}{end}'"
        #expect(s.run(killing).stdout == "3|2026-11-23T12:00:00Z|2026-11-23T12:01:12Z")
        // Replayed command by command, the same.
        let r = TestStore()
        #expect(r.run("create -f \(manifest(r, hook: "[sh, -c, 'exit 1']"))").exitCode == 0)
        for minute in stride(from: 5, through: 55, by: 5) { _ = r.pods(at: "2026-11-23T12:\(minute):00Z") }
        #expect(r.pods(at: "2026-11-23T12:58:15Z") == "p     0/1   CrashLoopBackOff   14 (5m21s ago)   58m\n")
        #expect(r.pods(at: "2026-11-23T13:00:00Z") == "p     0/1   CrashLoopBackOff   15 (95s ago)   60m\n")
        #expect(r.run(killing).stdout == "3|2026-11-23T12:00:00Z|2026-11-23T12:01:12Z")
        // More than an hour behind, the first run's end still comes at its time: 27 runs by +7200 s (the
        // 26th exit at +7146 s). No kill passed the spam filter after +1m12s (its tokens went to back-off
        // retries): the Killing event, last written then, is gone an hour later.
        let h = TestStore()
        #expect(h.run("create -f \(manifest(h, hook: "[sh, -c, 'exit 1']"))").exitCode == 0)
        #expect(h.pods(at: "2026-11-23T14:00:00Z") == "p     0/1   CrashLoopBackOff   26 (54s ago)   120m\n")
        #expect(h.run(killing).stdout == "")
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
        #expect(s.pods(at: "2026-11-23T12:00:00Z") == "p     0/1   ContainerCreating   0     0s\n")
        #expect(s.pods(at: "2026-11-23T12:00:01Z") == "p     0/1   PostStartHookError   0     1s\n")
        #expect(s.run("get pod p -o 'jsonpath={.status.containerStatuses[0].lastState.terminated.reason}/{.status.containerStatuses[0].lastState.terminated.exitCode}'").stdout
            == "Completed/0")
        #expect(s.pods(at: "2026-11-23T12:00:02Z") == "p     0/1   PostStartHookError   0     2s\n")
        #expect(s.pods(at: "2026-11-23T12:00:03Z") == "p     0/1   PostStartHookError   1 (0s ago)   3s\n")
        #expect(s.pods(at: "2026-11-23T12:00:13Z") == "p     0/1   CrashLoopBackOff   1 (10s ago)   13s\n")
    }
}
