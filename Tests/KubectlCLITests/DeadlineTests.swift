import KubeTestSupport
import Testing

/// Deadlines that pass between commands: pod and Job activeDeadlineSeconds, Job TTL after finishing,
/// a Deployment's progress deadline.
@Suite struct DeadlineTests {
    static let objects = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: slow}
        spec:
          activeDeadlineSeconds: 10
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox, command: [sh, -c, "sleep 60"]}]
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: quick}
        spec:
          ttlSecondsAfterFinished: 30
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox, command: [sh, -c, "sleep 5"]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: limited}
        spec:
          activeDeadlineSeconds: 20
          containers: [{name: c, image: nginx}]
        """

    @Test func deadlinesAndTTLFallDueBetweenCommands() {
        let s = TestStore()
        #expect(s.run("apply -f \(s.writeFile("objects.yaml", Self.objects))").exitCode == 0)
        s.setNow("2026-11-23T12:00:06Z")
        #expect(s.run("get jobs -o jsonpath={.items[*].status.succeeded}").stdout == "1")
        // v1.32 job_controller.go: past activeDeadlineSeconds newFailureCondition gives FailureTarget (delayTerminalCondition:
        // JobManagedBy and JobPodReplacementPolicy are on by default), deleteActivePods deletes the pod gracefully.
        s.setNow("2026-11-23T12:00:11Z")
        #expect(s.run("get job slow -o 'jsonpath={.status.conditions[*].type} {.status.conditions[*].reason} {.status.terminating}'").stdout
            == "FailureTarget DeadlineExceeded 1")
        #expect(s.run("get job slow --no-headers").stdout.hasPrefix("slow   FailureTarget   0/1   11s"))
        // The shell (PID 1) ignores SIGTERM: the pod is Terminating until its kill at the end of the 30 s grace period.
        #expect(s.run("get pods --no-headers -l batch.kubernetes.io/job-name=slow").stdout.hasSuffix("   1/1   Terminating   0     11s\n"))
        // recordJobFinished emits the Warning event only with the terminal condition.
        #expect(s.run("get events --field-selector involvedObject.name=slow,reason=DeadlineExceeded -o name").stdout == "")
        s.setNow("2026-11-23T12:00:21Z")
        #expect(s.run("get pod limited -o jsonpath={.status.phase}/{.status.reason}/{.status.message}").stdout
            == "Failed/DeadlineExceeded/Pod was active on the node longer than the specified deadline")
        s.setNow("2026-11-23T12:00:34Z")
        #expect(s.run("get jobs -o name").stdout == "job.batch/quick\njob.batch/slow\n")
        s.setNow("2026-11-23T12:00:35Z")
        #expect(s.run("get jobs -o name").stdout == "job.batch/slow\n")
        #expect(s.run("get pods -o name -l batch.kubernetes.io/job-name=quick").stdout == "")
        s.setNow("2026-11-23T12:00:39Z")
        #expect(s.run("get job slow -o 'jsonpath={.status.conditions[*].type}'").stdout == "FailureTarget")
        // enactJobFinished: Failed once no pod is terminating (the kill at 12:00:40), with the time it is set.
        s.setNow("2026-11-23T12:00:40Z")
        #expect(s.run("get job slow -o 'jsonpath={.status.conditions[?(@.type==\"Failed\")].reason} {.status.conditions[?(@.type==\"Failed\")].lastTransitionTime} {.status.failed} {.status.terminating}'").stdout
            == "DeadlineExceeded 2026-11-23T12:00:40Z 1 0")
        #expect(s.run("get pods -o name -l batch.kubernetes.io/job-name=slow").stdout == "")
        #expect(s.run("get events --field-selector involvedObject.name=slow,reason=DeadlineExceeded -o jsonpath={.items[*].message}").stdout
            == "Job was active longer than specified deadline")
    }

    @Test func sleepForEverNeverEnds() {
        // `sleep inf` / `infinity` / `1e400` run until stopped (GNU sleep), they do not crash the kubelet.
        let s = TestStore()
        for (i, arg) in ["inf", "infinity", "1e400"].enumerated() {
            #expect(s.run(args: ["run", "p\(i)", "--image=busybox", "--command", "--", "sleep", arg]).exitCode == 0)
        }
        s.setNow("2027-11-23T12:00:00Z")
        #expect(s.run("get pods -o jsonpath={.items[*].status.phase}").stdout == "Running Running Running")
    }

    @Test func aStuckRolloutExceedsItsProgressDeadline() {
        let s = TestStore()
        #expect(s.run("create deploy web --image=nginx --replicas=2").exitCode == 0)
        #expect(s.run("set image deploy/web nginx=ngnix").exitCode == 0)
        s.setNow("2026-11-23T12:09:59Z")
        #expect(s.run("get deploy web -o 'jsonpath={.status.conditions[?(@.type==\"Progressing\")].reason}'").stdout == "ReplicaSetUpdated")
        s.setNow("2026-11-23T12:10:01Z")
        let rs = s.run("get rs -l app=web -o 'jsonpath={.items[?(@.spec.template.spec.containers[0].image==\"ngnix\")].metadata.name}'").stdout
        #expect(s.run("get deploy web -o 'jsonpath={.status.conditions[?(@.type==\"Progressing\")].message}'").stdout
            == "ReplicaSet \"\(rs)\" has timed out progressing.")
        let r = s.run("rollout status deploy/web")
        #expect(r.stderr == "error: deployment \"web\" exceeded its progress deadline\n")
        #expect(r.exitCode == 1)
    }
}
