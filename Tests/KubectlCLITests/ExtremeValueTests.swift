import KubeTestSupport
import Testing

/// Values at the edges of what the API accepts must not stop the program: deadlines and grace periods
/// beyond any clock, quantities whose sums overflow int64, `sleep inf`. The store stays usable after.
@Suite struct ExtremeValueTests {
    @Test func podDeadlinesOutsideTheirRangeAreRefused() {
        let s = TestStore()
        for v in ["0", "-5", "2147483648"] {
            let f = s.writeFile("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  activeDeadlineSeconds: \(v)\n  containers: [{name: c, image: nginx}]\n")
            #expect(s.run("apply -f \(f)") == CLIResult(stdout: "", stderr: "The Pod \"p\" is invalid: spec.activeDeadlineSeconds: Invalid value: \(v): must be between 1 and 2147483647, inclusive\n", exitCode: 1))
        }
        #expect(s.run("get pods -o name").stdout == "")
    }

    @Test func jobDeadlinesAndGracePeriodsBeyondAnyClock() {
        let s = TestStore()
        let job = s.writeFile("j.yaml", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: long}
            spec:
              activeDeadlineSeconds: 9223372036854775807
              template:
                spec:
                  restartPolicy: Never
                  terminationGracePeriodSeconds: 9223372036854775807
                  containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
            """)
        #expect(s.run("apply -f \(job)").exitCode == 0)
        s.setNow("2026-11-23T12:10:00Z")
        #expect(s.run("get job long -o jsonpath={.status.active}").stdout == "1")
        #expect(s.run("delete pods --all --grace-period=9223372036854775807 --wait=false").exitCode == 0)
        // Go's time.Second * time.Duration(2^63-1) wraps to -1 s: rest.BeforeDelete sets deletionTimestamp a second
        // before the request, and containerd's StopContainer gets a timeout <= 0, so it kills at once (no SIGTERM, 137).
        #expect(s.run("get events --field-selector reason=Killing -o jsonpath={.items[*].message}").stdout == "Stopping container c")
        // The pod is gone; the Job (podReplacementPolicy TerminatingOrFailed by default) has made a new one.
        #expect(s.run("get pods -o jsonpath={.items[*].status.phase}").stdout == "Running")
        s.setNow("2027-11-23T12:00:00Z")
        #expect(s.run("get jobs").exitCode == 0)
    }

    @Test func hugeRequestsDoNotStopTheAutoscalerOrTop() {
        let s = TestStore()
        #expect(s.run("create deploy d --image=nginx").exitCode == 0)
        #expect(s.run("set resources deploy d --requests=cpu=1e17,memory=8Ei").exitCode == 0)
        #expect(s.run("autoscale deploy d --max=3 --cpu-percent=50").exitCode == 0)
        s.setNow("2026-11-23T12:10:00Z")
        #expect(s.run("get hpa d -o name").stdout == "horizontalpodautoscaler.autoscaling/d\n")
        #expect(s.run("top pods --sum").exitCode == 0)
        #expect(s.run("top nodes").exitCode == 0)
    }
}

/// Controllers create at most 500 pods per transaction and a command carries out a bounded number of
/// such batches (KUBECTL_LOCAL_CONTROLLER_BATCHES, 20 by default); the rest waits for the next commands.
@Suite struct BoundedControllerWorkTests {
    @Test func aScaleUpWithinTheBudgetFinishesInItsCommand() {
        // The budget counts pods, not transactions: short transactions (a busy machine) still give the
        // whole 10,000 (here 1,500) to the command that asked.
        let s = TestStore()
        #expect(s.run("create deploy d --image=nginx --replicas=1500").exitCode == 0)
        #expect(s.run("get deploy d -o jsonpath={.status.replicas}").stdout == "1500")
        #expect(s.run("get pods -o name").stdout.split(separator: "\n").count == 1500)
    }

    @Test func hugeReplicaCountsProgressCommandByCommand() {
        let s = TestStore()
        s.environment["KUBECTL_LOCAL_CONTROLLER_BATCHES"] = "1"
        let sts = s.writeFile("sts.yaml", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: w}
            spec:
              replicas: 2147483647
              podManagementPolicy: Parallel
              serviceName: w
              selector: {matchLabels: {a: b}}
              template:
                metadata: {labels: {a: b}}
                spec:
                  containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
            """)
        // The create's own transaction, then one split-off batch: 1,000 pods. Each later command carries
        // on with one more batch before it answers.
        #expect(s.run("apply -f \(sts)").exitCode == 0)
        #expect(s.run("get sts w -o jsonpath={.status.replicas}").stdout == "1500")
        let pods = s.run("get pods -o name").stdout.split(separator: "\n")
        #expect(pods.count == 2000 && pods.contains("pod/w-1999") && !pods.contains("pod/w-2000"), "\(pods.count)")
    }
}
