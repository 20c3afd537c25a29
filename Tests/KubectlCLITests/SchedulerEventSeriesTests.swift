import KubeTestSupport
import Testing

/// The scheduler's events as its events.k8s.io recorder writes them: an unschedulable pod is retried
/// every 5 minutes (at the queue's 30-second flush); the retry after the pod's status changed is a new
/// event, later ones join its series (count 2 at once, higher counts at the recorder's 30-minute refresh).
@Suite struct SchedulerEventSeriesTests {
    func failed(_ s: TestStore, _ path: String) -> String {
        s.run("get events --field-selector reason=FailedScheduling -o 'jsonpath={range .items[*]}\(path){\"\\n\"}{end}'").stdout
    }

    @Test func unschedulablePodRetriesJoinASeries() {
        let s = TestStore()
        #expect(s.run(#"run big --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"ssd"}}}'"#).exitCode == 0)
        s.setNow("2026-11-23T12:05:29Z")
        #expect(failed(s, "{.reason}") == "FailedScheduling\n")
        // The event as the scheduler writes it through events.k8s.io.
        let yaml = s.run("get events --field-selector reason=FailedScheduling -o yaml").stdout
        #expect(yaml.contains("- action: Scheduling\n"))
        #expect(yaml.contains("  firstTimestamp: null\n"))
        #expect(yaml.contains("  reportingComponent: default-scheduler\n  reportingInstance: default-scheduler-node-1\n  source: {}\n"))
        s.setNow("2026-11-23T12:05:30Z")
        #expect(failed(s, "{.series.count}") == "\n\n")
        s.setNow("2026-11-23T12:11:00Z")
        #expect(failed(s, "{.series.count}").split(separator: "\n") == ["2"])
        // Occurrences at 12:16:30, 12:22:00 and 12:27:30 stay in the recorder's cache until 12:30.
        s.setNow("2026-11-23T12:29:59Z")
        #expect(failed(s, "{.series.count}").split(separator: "\n") == ["2"])
        s.setNow("2026-11-23T12:31:00Z")
        #expect(failed(s, "{.series.count}").split(separator: "\n") == ["5"])
        #expect(failed(s, "{.series.lastObservedTime}").hasPrefix("\n2026-11-23T12:27:30.") || failed(s, "{.series.lastObservedTime}").hasPrefix("2026-11-23T12:27:30."))
        let described = s.run("describe pod big").stdout
        #expect(described.contains("  Warning  FailedScheduling  31m                  default-scheduler  0/1 nodes are available"))
        // The series' last time is a MicroTime (12:27:30 and a fraction made from the event's name); describe
        // reads it to the nearest second, so the age is 3m30s or, past half a second, 3m29s.
        let fraction = failed(s, "{.series.lastObservedTime}").split(separator: ".").last.map { Int($0.prefix(6)) ?? 0 } ?? 0
        let last = fraction >= 500_000 ? "3m29s" : "3m30s"
        #expect(described.contains("  Warning  FailedScheduling  \(last) (x5 over 25m)  default-scheduler  0/1 nodes are available"))
        let wide = s.run("get events --field-selector reason=FailedScheduling -o wide --no-headers").stdout
        #expect(wide.contains("default-scheduler, default-scheduler-node-1"))
    }

    @Test func aYearPendingCatchesUpWithoutReplayingEveryRetry() {
        let s = TestStore()
        #expect(s.run(#"run big --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"ssd"}}}'"#).exitCode == 0)
        s.setNow("2027-11-23T12:00:00Z")
        let counts = failed(s, "{.series.count}").split(separator: "\n").compactMap { Int($0) }
        // About one retry every 330 s for a year, as of the last 30-minute refresh.
        #expect(counts.count == 1)
        #expect((95_000...95_600).contains(counts.first ?? 0))
        #expect(s.run("get pod big --no-headers").stdout.contains("Pending"))
    }
}
