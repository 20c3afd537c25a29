import KubeTestSupport
import Testing

/// CronJobs run at every schedule time that passed between two commands.
@Suite struct CronJobTimelineTests {
    @Test func everyMinuteBetweenCommandsRunsOnce() {
        let s = TestStore()
        #expect(s.run("create cronjob tick --image=busybox --schedule='*/1 * * * *'").exitCode == 0)
        s.setNow("2026-11-23T12:03:30Z")
        // 12:01, 12:02 and 12:03 each ran; the three Jobs are kept (successfulJobsHistoryLimit 3).
        let jobs = s.run("get jobs -o name").stdout
        #expect(jobs == "job.batch/tick-29923921\njob.batch/tick-29923922\njob.batch/tick-29923923\n")
        #expect(s.run("get cronjob tick -o jsonpath={.status.lastScheduleTime}").stdout == "2026-11-23T12:03:00Z")
        #expect(s.run("get job tick-29923921 -o jsonpath={.metadata.creationTimestamp}").stdout == "2026-11-23T12:01:00Z")
        // Two more minutes: the oldest Jobs go, as the history limit says.
        s.setNow("2026-11-23T12:05:10Z")
        #expect(s.run("get jobs -o name").stdout == "job.batch/tick-29923923\njob.batch/tick-29923924\njob.batch/tick-29923925\n")
    }

    @Test func aShortStartingDeadlineStillFiresOnTime() {
        let s = TestStore()
        #expect(s.run("create cronjob tick --image=busybox --schedule='*/1 * * * *'").exitCode == 0)
        #expect(s.run("patch cronjob tick -p '{\"spec\":{\"startingDeadlineSeconds\":15}}'").exitCode == 0)
        s.setNow("2026-11-23T12:02:40Z")
        #expect(s.run("get jobs -o name").stdout == "job.batch/tick-29923921\njob.batch/tick-29923922\n")
    }

    @Test func aYearOfIdleTimeMaterialisesOnlyWhatHistoryKeeps() {
        let s = TestStore()
        #expect(s.run("create cronjob tick --image=busybox --schedule='0 * * * *'").exitCode == 0)
        s.setNow("2027-11-23T12:30:00Z")
        #expect(s.run("get jobs --no-headers").stdout.split(separator: "\n").count == 3)
        #expect(s.run("get cronjob tick -o jsonpath={.status.lastScheduleTime}").stdout == "2027-11-23T12:00:00Z")
    }
}
