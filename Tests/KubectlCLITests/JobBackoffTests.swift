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

    /// restartPolicy OnFailure: the container restarts in its pod (at once, then after 10 s, 20 s, ...),
    /// and the Job fails when the restarts add up to backoffLimit; its running pod is deleted, and the Job
    /// is Failed once that pod has stopped.
    @Test func onFailureRestartsCountTowardTheBackoffLimit() {
        let s = TestStore()
        let job = s.writeFile("job.yaml", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: flaky}
            spec:
              backoffLimit: 2
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - {name: c, image: busybox, command: [sh, -c, "sleep 5; exit 1"]}

            """)
        #expect(s.run("create -f \(job)").exitCode == 0)
        // Exits at 12:00:05 (`Error` until the kubelet's next sync restarts it: 1 restart), at 12:00:11
        // (`Error` until the pod worker's retry at 12:00:21 shows the back-off and restarts it, shown at
        // 12:00:22: 2 restarts).
        s.setNow("2026-11-23T12:00:05Z")
        #expect(s.run("get pods --no-headers").stdout.contains("   0/1   Error   0   "))
        s.setNow("2026-11-23T12:00:20Z")
        let pod = s.run("get pods --no-headers").stdout
        #expect(pod.contains("   0/1   Error   1 (15s ago)"), "\(pod)")
        s.setNow("2026-11-23T12:00:21Z")
        #expect(s.run("get pods --no-headers").stdout.contains("CrashLoopBackOff   1 (10s ago)"))
        #expect(s.run("get job flaky --no-headers").stdout.hasPrefix("flaky   Running   0/1"))
        s.setNow("2026-11-23T12:00:22Z")
        // v1.32 job_controller.go: pastBackoffLimitOnFailure gives FailureTarget (delayTerminalCondition, JobManagedBy and
        // JobPodReplacementPolicy on by default) and deleteActivePods deletes the running pod, counted failed and terminating.
        #expect(s.run("get pods --no-headers").stdout.contains("   Terminating   2 ("))
        #expect(s.run("get job flaky --no-headers").stdout.hasPrefix("flaky   FailureTarget   0/1"))
        #expect(s.run("get job flaky -o 'jsonpath={.status.conditions[*].type} {.status.failed} {.status.active} {.status.terminating}'").stdout
            == "FailureTarget 1  1")
        // Its shell ignores SIGTERM, but `sleep 5; exit 1` (restarted at 12:00:22) ends by itself at 12:00:27, within
        // the 30 s grace period: the container exits 1 then and the kubelet removes the pod.
        s.setNow("2026-11-23T12:00:26Z")
        #expect(s.run("get pods --no-headers").stdout.contains("   Terminating   2 ("))
        s.setNow("2026-11-23T12:00:27Z")
        #expect(s.run("get pods").stderr == "No resources found in default namespace.\n")
        // enactJobFinished: Failed (and recordJobFinished's Warning event) once no pod is terminating.
        #expect(s.run("get job flaky --no-headers").stdout.hasPrefix("flaky   Failed   0/1"))
        #expect(s.run("get job flaky -o 'jsonpath={.status.conditions[*].type} {.status.conditions[*].reason} {.status.failed} {.status.active} {.status.terminating}'").stdout
            == "FailureTarget Failed BackoffLimitExceeded BackoffLimitExceeded 1  0")
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("describe job flaky").stdout.contains("""
              Normal   SuccessfulCreate      60s   job-controller  Created pod: flaky-
            """))
        #expect(s.run("describe job flaky").stdout.contains("""
              Warning  BackoffLimitExceeded  33s   job-controller  Job has reached the specified backoff limit\n
            """))
    }

    /// A long idle time replays the restarts in order: the Job fails at the restart that reached the
    /// limit (FailureTarget); with backoffLimit 0 at the first restart. Failed follows when the restarted
    /// process, deleted with its pod, has ended (its shell ignores SIGTERM; `sleep 5; exit 1` ends 5 s later).
    @Test func onFailureBackoffAfterIdleTimeFailsAtTheRestartThatReachedIt() {
        let s = TestStore()
        let job = s.writeFile("job.yaml", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once}
            spec:
              backoffLimit: 0
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - {name: c, image: busybox, command: [sh, -c, "sleep 5; exit 1"]}

            """)
        #expect(s.run("create -f \(job)").exitCode == 0)
        s.setNow("2026-11-24T12:00:00Z")
        // v1.32 job_controller.go: FailureTarget at the restart, Failed (enactJobFinished) once no pod is terminating.
        #expect(s.run("get job once -o 'jsonpath={.status.conditions[*].type} {.status.conditions[*].lastTransitionTime} {.status.failed}'").stdout
            == "FailureTarget Failed 2026-11-23T12:00:06Z 2026-11-23T12:00:11Z 1")
        #expect(s.run("get pods -o name").stdout == "")
        // backoffLimit 9: restarts at :06 (a second after the first exit), :22, :48, 1:34, 3:00, 5:46 (each
        // a second after the pod worker's retry at the back-off's end), then every 5 min 6 s; the 9th at 21:04.
        let nine = s.writeFile("nine.yaml", readTextFile(job)!.replacingAll("backoffLimit: 0", with: "backoffLimit: 9")
            .replacingAll("name: once", with: "name: nine"))
        s.setNow("2026-11-25T12:00:00Z")
        #expect(s.run("create -f \(nine)").exitCode == 0)
        s.setNow("2026-12-25T12:00:00Z")
        #expect(s.run("get job nine -o 'jsonpath={.status.conditions[*].type} {.status.conditions[*].lastTransitionTime} {.status.failed}'").stdout
            == "FailureTarget Failed 2026-11-25T12:21:04Z 2026-11-25T12:21:09Z 1")
    }
}
