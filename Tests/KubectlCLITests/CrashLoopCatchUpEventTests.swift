import KubeModel
import KubeTestSupport
import Testing

/// A crash loop's events after idle time: the catch-up (more than 15 minutes behind) counts restarts and
/// retries without replaying them, yet each occurrence meets the kubelet's spam filter (25 events per
/// pod, one more per 5 minutes) at its time, so what a user sees is what commands every 10 seconds
/// (each retry recorded on its own) leave: the same counts, first and last times, restarts, lastState.
@Suite struct CrashLoopCatchUpEventTests {
    static let start = Timestamp(rfc3339: "2026-11-23T12:00:00Z")!

    /// What a user sees of the pod at `start + seconds`: the table, the kubelet's events (count, first
    /// and last time), the container's restarts and states, describe's events. The store was opened
    /// at `start + from` and then every `step` seconds (never in between when `step` is 0).
    /// `command`: the container's; `second`: a second container's, when given.
    func seen(_ command: String, at seconds: Int64, from: Int64 = 0, step: Int64 = 0, second: String? = nil) -> String {
        let s = TestStore()
        if let second {
            let pod = s.writeFile("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: crash}
                spec:
                  containers:
                  - {name: a, image: busybox, command: [sh, -c, "\(command)"]}
                  - {name: b, image: busybox, command: [sh, -c, "\(second)"]}
                """)
            #expect(s.run("apply -f \(pod)").exitCode == 0)
        } else {
            #expect(s.run(args: ["run", "crash", "--image=busybox", "--", "sh", "-c", command]).exitCode == 0)
        }
        s.open(every: step, from: from, until: seconds, after: Self.start)
        return s.kubeletView(pod: "crash")
    }

    @Test(arguments: [60, 16 * 60, 30 * 60] as [Int64])
    func aCatchUpLeavesWhatRetriesRecordedOneByOneLeave(seconds: Int64) {
        let replayed = seen("exit 1", at: seconds, step: 10)
        #expect(seen("exit 1", at: seconds) == replayed)
        // A command every 5 minutes: the retries between are recorded at once, as at their times.
        #expect(seen("exit 1", at: seconds, step: 290) == replayed)
    }

    @Test func describeCountsWhatTheFilterLetThrough() {
        // 30 minutes: 178 retries and 11 restarts happened, each start pulling `busybox` again; the
        // filter ran dry at +78s (the fifth run's Pulling and Pulled took the last tokens, its Created
        // and Started were dropped) and lets one event through every 5 minutes, nearly always a retry
        // (one every 10 s): `Created` last made it at +36s with 4, `Pulling`/`Pulled` at +1m18s with 5,
        // `BackOff` at +25m9s with 150 (the 28 since wait for the next).
        let out = seen("exit 1", at: 30 * 60)
        #expect(out.contains("  Normal   Created    29m (x4 over 30m)      kubelet            Created container: crash\n"))
        #expect(out.contains("  Normal   Pulling    28m (x5 over 30m)      kubelet            Pulling image \"busybox\"\n"))
        #expect(out.contains("  Warning  BackOff    4m51s (x150 over 29m)  kubelet            Back-off restarting failed container crash in pod crash_default(UID)\n"))
        // Three hours: the restarts' events last made it more than an hour ago (an event lasts an hour).
        let later = seen("exit 1", at: 3 * 3600)
        #expect(later.hasSuffix("""
            Events:
              Type     Reason   Age                      From     Message
              ----     ------   ----                     ----     -------
              Warning  BackOff  4m51s (x1044 over 179m)  kubelet  Back-off restarting failed container crash in pod crash_default(UID)

            """), "\(later)")
    }

    @Test(arguments: ["exit 1", "sleep 100; exit 1", "sleep 598; exit 1"])
    func hoursOfIdleTimeAsCommandsEveryMinute(command: String) {
        #expect(seen(command, at: 3 * 3600) == seen(command, at: 3 * 3600, step: 60))
    }

    @Test(arguments: ["exit 1", "sleep 100; exit 1"])
    func aYearOfIdleTimeAsIfItsLastHoursWereReplayed(command: String) {
        let year: Int64 = 365 * 86400
        let caughtUp = seen(command, at: year)
        #expect(caughtUp == seen(command, at: year, from: year - 3 * 3600, step: 60))
        if command == "exit 1" {
            #expect(caughtUp.contains("  Warning  BackOff  4m55s (x3132686 over 364d)  kubelet  Back-off restarting failed container crash"), "\(caughtUp)")
        }
    }

    /// Two crash loops in one pod share the kubelet's bucket: their occurrences meet it in time order.
    @Test func twoContainersShareTheFilter() {
        let replayed = seen("exit 1", at: 30 * 60, step: 10, second: "sleep 30; exit 1")
        #expect(seen("exit 1", at: 30 * 60, second: "sleep 30; exit 1") == replayed)
        #expect(replayed.contains("Created/2/2026-11-23T12:00:00Z/2026-11-23T12:00:31Z/spec.containers{b}/"), "\(replayed)")
        #expect(seen("exit 1", at: 3 * 3600, second: "sleep 30; exit 1") == seen("exit 1", at: 3 * 3600, step: 60, second: "sleep 30; exit 1"))
    }

    /// Several pods caught up in one command: each event is written at its time, with the lease open
    /// then, so the restarts' events of every pod expire an hour after their last write.
    @Test func severalPodsCaughtUpTogether() {
        func seen(step: Int64) -> String {
            let s = TestStore()
            for (name, command) in [("p1", "exit 1"), ("p2", "sleep 7; exit 1"), ("p3", "sleep 100; exit 1")] {
                #expect(s.run(args: ["run", name, "--image=busybox", "--", "sh", "-c", command]).exitCode == 0)
            }
            var t = step
            while step > 0, t < 3 * 3600 {
                s.setNow(Self.start.adding(seconds: t).rfc3339)
                s.run("get pods")
                t += step
            }
            s.setNow(Self.start.adding(seconds: 3 * 3600).rfc3339)
            return s.run(args: ["get", "events", "--field-selector", "source=kubelet", "-o",
                "jsonpath={range .items[*]}{.involvedObject.name}/{.reason}/{.count}/{.firstTimestamp}/{.lastTimestamp}{\"\\n\"}{end}"]).stdout
                .split(separator: "\n").sorted().joined(separator: "\n")
        }
        let caughtUp = seen(step: 0)
        #expect(caughtUp == seen(step: 60))
        #expect(!caughtUp.contains("/Created/"), "\(caughtUp)")
    }
}
