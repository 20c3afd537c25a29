import KubeModel
import KubeTestSupport
import Testing

/// The kubelet makes sure of a container's image at every start: under `imagePullPolicy: Always` (an
/// untagged or `:latest` image) each restart pulls it again (`Pulling`, `Pulled`: successfully pulled),
/// else it finds it on the node (`Pulled`: already present). Every such event, the run's own and the
/// back-off retries' go through the recorder's spam filter (25 at once per source and pod, one more per
/// 5 minutes): once the burst is spent a run's events are dropped, counted in the next one written.
/// The figures below are worked out occurrence by occurrence (a run's events at its start, the hook's
/// at +5 s, the exit at +35 s, `BackOff` at the exit and every 10 s of its back-off, the restart a
/// second after), and a store opened once shows what one opened every few seconds shows.
@Suite struct CrashLoopPullEventTests {
    static let start = Timestamp(rfc3339: "2026-11-23T12:00:00Z")!

    /// `count/first/last` of each kubelet event, by reason, sorted (times as hh:mm:ss).
    static func counted(_ s: TestStore) -> String {
        s.run(args: ["get", "events", "--field-selector", "source=kubelet", "-o",
                     "jsonpath={range .items[*]}{.reason}/{.count}/{.firstTimestamp}/{.lastTimestamp}{\"\\n\"}{end}"]).stdout
            .replacing("2026-11-23T", with: "").replacing("Z", with: "")
            .split(separator: "\n").sorted().joined(separator: " ")
    }

    static let hookPod = """
        containers:
        - name: app
          image: busybox
          command: [sh, -c, 'sleep 3600']
          lifecycle: {postStart: {exec: {command: [sh, -c, 'sleep 5; exit 3']}}}
        """

    /// Runs start at +0, +36, +82, +138, +214 s (the hook fails 5 s in, the kill ends it 30 s later; back-
    /// offs 10, 20, 40 s): the runs' 6 events each and the back-offs' retries spend the 25 by +127 s (the
    /// fourth run's Pulling/Pulled/Created/Started at +138 s are the 22nd-25th); the fourth run's hook
    /// (+143 s) and the fifth run (+214 s) are dropped though the status shows the fifth run's end. The
    /// token back at +300 s goes to the retry at +309 s: BackOff x14 (3 written, 10 dropped, then it).
    @Test func theFifthRunsEventsAreDroppedByTheSpamFilter() {
        let s = TestStore()
        #expect(s.run("create -f \(s.podFile("app", Self.hookPod))").exitCode == 0)
        s.setNow("2026-11-23T12:05:00Z")
        #expect(s.run("get pod app -o 'jsonpath={.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState.terminated.startedAt}'").stdout
            == "4 2026-11-23T12:03:34Z")
        #expect(Self.counted(s) == "BackOff/3/12:01:11/12:02:07 Created/4/12:00:00/12:02:18 FailedPostStartHook/3/12:00:05/12:01:27 "
            + "Killing/3/12:00:05/12:01:27 Pulled/4/12:00:00/12:02:18 Pulling/4/12:00:00/12:02:18 Started/4/12:00:00/12:02:18")
        #expect(s.run("describe pod app").stdout.contains("  Normal   Pulling              2m42s (x4 over 5m)     kubelet            Pulling image \"busybox\"\n"))
        s.setNow("2026-11-23T12:05:10Z")
        #expect(Self.counted(s) == "BackOff/14/12:01:11/12:05:09 Created/4/12:00:00/12:02:18 FailedPostStartHook/3/12:00:05/12:01:27 "
            + "Killing/3/12:00:05/12:01:27 Pulled/4/12:00:00/12:02:18 Pulling/4/12:00:00/12:02:18 Started/4/12:00:00/12:02:18")
    }

    /// Opened once, every 5 s or every 61 s: the same events at 12:05:00, 12:10:05 and 12:20:00.
    @Test func oneJumpAndStepsAgree() {
        for seconds: Int64 in [300, 605, 1200] {
            var views: [String] = []
            for step: Int64 in [0, 5, 61] {
                let s = TestStore()
                #expect(s.run("create -f \(s.podFile("app", Self.hookPod))").exitCode == 0)
                s.open(every: step, until: seconds, after: Self.start)
                views.append(Self.counted(s) + "\n" + s.kubeletView(pod: "app"))
            }
            #expect(views[1] == views[0], "every 5 s, \(seconds) s")
            #expect(views[2] == views[0], "every 61 s, \(seconds) s")
        }
    }

    /// A container that exits at once (`exit 1`): runs at +0, +2, +14, +36, +78 s. By +67 s the runs and
    /// retries have taken 23 tokens; the fifth run's Pulling and Pulled take the last two, its Created and
    /// Started are dropped. Under `IfNotPresent` (a tagged image) a run records one event less: by
    /// +180 s the fifth run (+78 s) is written whole, `Pulled` (already present) x5, no `Pulling`.
    @Test func eachRestartPullsAnAlwaysImage() {
        let s = TestStore()
        #expect(s.run("run c --image=busybox --command -- sh -c 'exit 1'").exitCode == 0)
        s.setNow("2026-11-23T12:01:00Z")
        #expect(Self.counted(s) == "BackOff/6/12:00:03/12:00:57 Created/4/12:00:00/12:00:36 Pulled/4/12:00:00/12:00:36 "
            + "Pulling/4/12:00:00/12:00:36 Started/4/12:00:00/12:00:36")
        s.setNow("2026-11-23T12:03:00Z")
        #expect(Self.counted(s) == "BackOff/7/12:00:03/12:01:07 Created/4/12:00:00/12:00:36 Pulled/5/12:00:00/12:01:18 "
            + "Pulling/5/12:00:00/12:01:18 Started/4/12:00:00/12:00:36")
        let t = TestStore()
        #expect(t.run("run c --image=busybox:1.36 --command -- sh -c 'exit 1'").exitCode == 0)
        t.setNow("2026-11-23T12:03:00Z")
        #expect(t.run("get events --field-selector reason=Pulled -o jsonpath={.items[*].count}/{.items[*].message}").stdout
            == "5/Container image \"busybox:1.36\" already present on machine")
        #expect(t.run("get events --field-selector reason=Pulling -o name").stdout == "")
    }
}
