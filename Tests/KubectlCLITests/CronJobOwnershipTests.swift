import KubeTestSupport
import Testing

/// What the CronJob controller lists as active, and when its runs happen beside other timed work.
@Suite struct CronJobOwnershipTests {
    /// Runs that outlast a minute: each schedule time still runs at its own minute while earlier Jobs
    /// finish in between (a Job finishing at 12:02:40 does not move the 12:02 run there).
    @Test func longRunsDoNotShiftTheSchedule() {
        let s = TestStore()
        #expect(s.run("create cronjob cj --image=busybox --schedule='*/1 * * * *' -- sleep 100").exitCode == 0)
        s.setNow("2026-11-23T12:01:30Z")
        #expect(s.run("get jobs -o name").stdout == "job.batch/cj-29923921\n")
        s.setNow("2026-11-23T12:04:30Z")
        let created = s.run("get jobs -o custom-columns=NAME:.metadata.name,AT:.metadata.creationTimestamp --no-headers").stdout
        #expect(created == """
            cj-29923921   2026-11-23T12:01:00Z
            cj-29923922   2026-11-23T12:02:00Z
            cj-29923923   2026-11-23T12:03:00Z
            cj-29923924   2026-11-23T12:04:00Z

            """)
        // Two are still running (12:03 and 12:04), listed in the order they were created.
        #expect(s.run("get cronjob cj -o jsonpath={.status.active[*].name}").stdout == "cj-29923923 cj-29923924")
    }

    /// `create job --from=cronjob/...` makes a Job the CronJob owns but did not create: the controller
    /// reports it and leaves it out of its active list (so ACTIVE stays 0 and no SawCompletedJob
    /// follows), though its success still sets lastSuccessfulTime.
    @Test func aJobCreatedFromTheCronJobIsNotAdopted() {
        let s = TestStore()
        #expect(s.run("create cronjob cj --image=busybox --schedule='0 0 1 1 *' -- sleep 100").exitCode == 0)
        #expect(s.run("create job manual --from=cronjob/cj").stdout == "job.batch/manual created\n")
        s.setNow("2026-11-23T12:00:30Z")
        #expect(s.run("get cronjob cj -o jsonpath={.status.active}").stdout == "")
        let running = s.run("get events --field-selector involvedObject.kind=CronJob -o custom-columns=TYPE:.type,REASON:.reason,MESSAGE:.message --no-headers").stdout
        #expect(running == "Warning   UnexpectedJob   Saw a job that the controller did not create or forgot: manual\n")
        s.setNow("2026-11-23T12:05:00Z")
        #expect(s.run("get job manual -o jsonpath={.status.succeeded}").stdout == "1")
        #expect(!s.run("get events --field-selector involvedObject.kind=CronJob").stdout.contains("SawCompletedJob"))
        #expect(s.run("get cronjob cj -o jsonpath={.status.lastSuccessfulTime}").stdout == "2026-11-23T12:01:40Z")
    }
}
