import KubeTestSupport
import Testing

/// A Job's pod deleted while it runs is Terminating for its grace period (a shell as PID 1 ignores
/// SIGTERM and is killed when it ends). v1.32 job_controller.go, manageJob: the replacement counts the
/// terminating pods only when onlyReplaceFailedPods (podReplacementPolicy Failed, or a podFailurePolicy);
/// the default, TerminatingOrFailed without a podFailurePolicy (batch/v1 defaults.go), replaces at once.
@Suite struct JobReplacementTests {
    static func job(_ policy: String?) -> String {
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: w}
        spec:
        \(policy.map { "  podReplacementPolicy: \($0)\n" } ?? "")  template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox, command: [sh, -c, "sleep 600"]}]
        """
    }

    func deleteTheRunningPod(_ s: TestStore) -> String {
        s.setNow("2026-11-23T12:00:10Z")
        let name = s.run("get pods -o name").stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(s.run("delete \(name) --wait=false").exitCode == 0)
        return String(name.dropFirst("pod/".count))
    }

    @Test func byDefaultATerminatingPodIsReplacedAtOnce() {
        let s = TestStore()
        #expect(s.run("apply -f \(s.writeFile("job.yaml", Self.job(nil)))").exitCode == 0)
        #expect(s.run("get job w -o jsonpath={.spec.podReplacementPolicy}").stdout == "TerminatingOrFailed")
        let old = deleteTheRunningPod(s)
        let pods = s.run("get pods --no-headers").stdout
        #expect(pods.contains("\(old)   1/1   Terminating   0     10s\n"), "\(pods)")
        #expect(pods.contains("   Running       0     0s\n"), "\(pods)")
        #expect(s.run("get job w -o 'jsonpath={.status.active} {.status.terminating}'").stdout == "1 1")
        // Killed at the end of its 30 s grace period; the Job counts no terminating pod any more.
        s.setNow("2026-11-23T12:00:40Z")
        #expect(s.run("get pods -o name").stdout.split(separator: "\n").count == 1)
        #expect(s.run("get job w -o 'jsonpath={.status.active} {.status.terminating}'").stdout == "1 0")
    }

    @Test func podReplacementPolicyFailedWaitsUntilThePodHasFailed() {
        let s = TestStore()
        #expect(s.run("apply -f \(s.writeFile("job.yaml", Self.job("Failed")))").exitCode == 0)
        let old = deleteTheRunningPod(s)
        #expect(s.run("get pods -o name").stdout == "pod/\(old)\n")
        #expect(s.run("get job w -o 'jsonpath={.status.active} {.status.terminating}'").stdout == " 1")
        s.setNow("2026-11-23T12:00:39Z")
        #expect(s.run("get pods -o name").stdout == "pod/\(old)\n")
        // The kill at 12:00:40 fails it (137) and it goes: its replacement is made then.
        s.setNow("2026-11-23T12:00:40Z")
        let pods = s.run("get pods --no-headers").stdout
        #expect(!pods.contains(old) && pods.contains("   Running   0     0s\n"), "\(pods)")
        #expect(s.run("get job w -o 'jsonpath={.status.active} {.status.terminating}'").stdout == "1 0")
    }
}
