import KubeTestSupport
import Testing

/// The job controller's pod failure back-off: after the Nth failed pod the next one waits 10 s x 2^(N-1)
/// (at most 10 min) from that failure; past `backoffLimit` failures the Job fails with BackoffLimitExceeded.
@Suite struct JobBackoffTests {
    @Test func failedPodsAreReplacedAfterTheBackOffUntilTheLimit() {
        let s = TestStore()
        let job = s.writeFile("job.yaml", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: flaky}
            spec:
              backoffLimit: 2
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - {name: c, image: busybox, command: [sh, -c, "sleep 5; exit 1"]}

            """)
        #expect(s.run("create -f \(job)").exitCode == 0)
        func pods() -> Int { s.run("get pods -o name").stdout.split(separator: "\n").count }
        // The first pod fails at 12:00:05; the next one 10 s later.
        s.setNow("2026-11-23T12:00:14Z")
        #expect(pods() == 1)
        s.setNow("2026-11-23T12:00:15Z")
        #expect(pods() == 2)
        // It fails at 12:00:20; the third pod 20 s later.
        s.setNow("2026-11-23T12:00:39Z")
        #expect(pods() == 2)
        s.setNow("2026-11-23T12:00:40Z")
        #expect(pods() == 3)
        #expect(s.run("get job flaky -o jsonpath={.status.failed}").stdout == "2")
        // Its failure is the third: past backoffLimit 2.
        s.setNow("2026-11-23T12:01:00Z")
        #expect(pods() == 3)
        #expect(s.run("get job flaky -o 'jsonpath={.status.conditions[?(@.type==\"Failed\")].reason}'").stdout == "BackoffLimitExceeded")
        #expect(s.run("get job flaky --no-headers").stdout.hasPrefix("flaky   Failed   0/1"))
        #expect(s.run("describe job flaky").stdout.contains(
            "  Warning  BackoffLimitExceeded  15s   job-controller  Job has reached the specified backoff limit\n"))
    }
}
