import KubeTestSupport
import Testing

/// Init containers run their commands as the kubelet runs them: one at a time, each for its time, the
/// next when it exits 0; a failing one is `Init:Error`, restarted with the kubelet's back-off
/// (`Init:CrashLoopBackOff`) unless the pod's restart policy is Never (the pod fails).
@Suite struct InitContainerTests {
    func pod(_ s: TestStore, _ jsonpath: String) -> String {
        s.run(args: ["get", "pod", "p", "-o", "jsonpath=" + jsonpath]).stdout
    }

    func manifest(_ s: TestStore, policy: String = "Always", inits: String, app: String = "{name: app, image: nginx}") -> String {
        s.writeFile("p.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              restartPolicy: \(policy)
              initContainers: \(inits)
              containers: [\(app)]

            """)
    }

    @Test func initContainersRunTheirTimeInOrder() {
        let s = TestStore()
        let f = manifest(s, inits: """
            [{name: first, image: busybox, command: [sh, -c, 'echo start; sleep 10']},
             {name: second, image: busybox, command: [sleep, '5']}]
            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get pods --no-headers").stdout == "p     0/1   Init:0/2   0     0s\n")
        #expect(pod(s, "{.status.conditions[1].reason}:{.status.conditions[1].message}")
            == "ContainersNotInitialized:containers with incomplete status: [first second]")
        #expect(pod(s, "{.status.initContainerStatuses[0].started}/{.status.initContainerStatuses[0].ready}/{.status.initContainerStatuses[1].state.waiting.reason}")
            == "true/false/PodInitializing")
        #expect(s.pods(at: "2026-11-23T12:00:09Z") == "p     0/1   Init:0/2   0     9s\n")
        #expect(s.pods(at: "2026-11-23T12:00:10Z") == "p     0/1   Init:1/2   0     10s\n")
        #expect(pod(s, "{.status.initContainerStatuses[0].state.terminated.reason}/{.status.initContainerStatuses[0].state.terminated.exitCode}/{.status.initContainerStatuses[0].state.terminated.finishedAt}/{.status.initContainerStatuses[0].ready}")
            == "Completed/0/2026-11-23T12:00:10Z/true")
        #expect(pod(s, "{.status.conditions[1].message}") == "containers with incomplete status: [second]")
        #expect(s.pods(at: "2026-11-23T12:00:20Z") == "p     1/1   Running   0     20s\n")
        // The app container started when the second init container exited, at +15s.
        #expect(pod(s, "{.status.containerStatuses[0].state.running.startedAt} {.status.conditions[1].status}") == "2026-11-23T12:00:15Z True")
        let started = s.run("get events --field-selector reason=Started -o 'jsonpath={range .items[*]}{.involvedObject.fieldPath}@{.firstTimestamp} {end}'").stdout
        #expect(started == "spec.initContainers{first}@2026-11-23T12:00:00Z spec.initContainers{second}@2026-11-23T12:00:10Z spec.containers{app}@2026-11-23T12:00:15Z ")
    }

    @Test func aFailingInitContainerCrashLoopsAndHoldsThePod() {
        let s = TestStore()
        let f = manifest(s, inits: "[{name: migrate, image: busybox, command: [sh, -c, 'sleep 2; exit 1']}]")
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get pods --no-headers").stdout == "p     0/1   Init:0/1   0     0s\n")
        // Exit at +2s (`Init:Error` until the kubelet's next sync restarts it); exit at +5s, in the 10 s
        // back-off: `Init:Error` until the pod worker's retry at +15s shows the back-off and restarts it.
        #expect(s.pods(at: "2026-11-23T12:00:02Z") == "p     0/1   Init:Error   0     2s\n")
        #expect(s.pods(at: "2026-11-23T12:00:03Z") == "p     0/1   Init:0/1   1 (1s ago)   3s\n")
        #expect(s.pods(at: "2026-11-23T12:00:05Z") == "p     0/1   Init:Error   1 (3s ago)   5s\n")
        #expect(pod(s, "{.status.initContainerStatuses[0].state.terminated.finishedAt} {.status.initContainerStatuses[0].lastState.terminated.finishedAt}")
            == "2026-11-23T12:00:05Z 2026-11-23T12:00:02Z")
        #expect(s.pods(at: "2026-11-23T12:00:14Z") == "p     0/1   Init:Error   1 (12s ago)   14s\n")
        #expect(s.pods(at: "2026-11-23T12:00:15Z") == "p     0/1   Init:CrashLoopBackOff   1 (10s ago)   15s\n")
        #expect(pod(s, "{.status.phase}/{.status.initContainerStatuses[0].lastState.terminated.reason}/{.status.initContainerStatuses[0].lastState.terminated.exitCode}")
            == "Pending/Error/1")
        let uid = pod(s, "{.metadata.uid}")
        #expect(pod(s, "{.status.initContainerStatuses[0].state.waiting.message}") == "back-off 10s restarting failed container=migrate pod=p_default(\(uid))")
        #expect(s.pods(at: "2026-11-23T12:00:16Z") == "p     0/1   Init:0/1   2 (11s ago)   16s\n")
        #expect(s.pods(at: "2026-11-23T12:10:00Z").contains("Init:CrashLoopBackOff   6 ("))
        #expect(pod(s, "{.status.containerStatuses[0].state.waiting.reason}") == "PodInitializing")
        let backoff = s.run("get events --field-selector reason=BackOff -o jsonpath={.items[0].involvedObject.fieldPath}|{.items[0].message}").stdout
        #expect(backoff == "spec.initContainers{migrate}|Back-off restarting failed container migrate in pod p_default(\(uid))")
    }

    @Test func underRestartPolicyNeverAFailedInitContainerFailsThePod() {
        let s = TestStore()
        let f = manifest(s, policy: "Never", inits: "[{name: check, image: busybox, command: [sh, -c, 'sleep 3; exit 3']}]",
                         app: "{name: app, image: busybox, command: [sleep, '3600']}")
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:02Z") == "p     0/1   Init:0/1   0     2s\n")
        #expect(s.pods(at: "2026-11-23T12:00:03Z") == "p     0/1   Init:Error   0     3s\n")
        #expect(pod(s, "{.status.phase} {.status.initContainerStatuses[0].state.terminated.exitCode} {.status.initContainerStatuses[0].restartCount}")
            == "Failed 3 0")
        #expect(pod(s, "{range .status.conditions[*]}{.type}={.status}:{.reason};{end}")
            == "PodReadyToStartContainers=False:;Initialized=False:ContainersNotInitialized;Ready=False:PodFailed;ContainersReady=False:PodFailed;PodScheduled=True:;")
        // Nothing moves any more.
        #expect(s.pods(at: "2026-11-24T12:00:00Z") == "p     0/1   Init:Error   0     24h\n")
    }

    @Test func onFailureRestartsOnlyAFailedInitContainer() {
        let s = TestStore()
        let f = manifest(s, policy: "OnFailure", inits: "[{name: ok, image: busybox, command: [sh, -c, 'sleep 1']}]",
                         app: "{name: app, image: busybox, command: [sleep, '3600']}")
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:30Z") == "p     1/1   Running   0     30s\n")
    }

    @Test func aYearOfIdleTimeCountsInitRestartsWithoutReplayingThem() {
        let s = TestStore()
        let f = manifest(s, inits: "[{name: migrate, image: busybox, command: [sh, -c, 'exit 1']}]")
        #expect(s.run("create -f \(f)").exitCode == 0)
        let out = s.pods(at: "2027-11-23T12:00:00Z")
        let restarts = Int(out.split(separator: " ", omittingEmptySubsequences: true)[3]) ?? 0
        #expect(restarts > 104_000 && restarts < 105_500, "\(out)")
        #expect(out.contains("Init:CrashLoopBackOff") || out.contains("Init:0/1"), "\(out)")
        #expect(pod(s, "{.status.phase}") == "Pending")
    }

    @Test func aSidecarStartsAfterTheInitContainersBeforeItAndCountsInReady() {
        let s = TestStore()
        let f = manifest(s, inits: """
            [{name: setup, image: busybox, command: [sleep, '10']},
             {name: proxy, image: nginx, restartPolicy: Always}]
            """)
        #expect(s.run("create -f \(f)").exitCode == 0)
        #expect(s.run("get pods --no-headers").stdout == "p     0/2   Init:0/2   0     0s\n")
        // A sidecar not started yet is incomplete and unready, as the kubelet's conditions say.
        #expect(pod(s, "{.status.conditions[1].message}|{.status.conditions[2].message}|{.status.conditions[3].message}")
            == "containers with incomplete status: [setup proxy]|containers with unready status: [proxy app]|containers with unready status: [proxy app]")
        #expect(s.pods(at: "2026-11-23T12:00:10Z") == "p     2/2   Running   0     10s\n")
        #expect(pod(s, "{.status.initContainerStatuses[1].state.running.startedAt} {.status.initContainerStatuses[1].started}/{.status.initContainerStatuses[1].ready}")
            == "2026-11-23T12:00:10Z true/true")
    }
}
