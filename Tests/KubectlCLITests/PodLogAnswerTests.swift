import KubeTestSupport
import Testing

/// `kubectl logs` for containers that have no log to read: the API server and the kubelet refuse before
/// any container runtime is asked, and kubectl prints their words (BadRequest, exit 1). The texts and
/// their order are the kubelet's validateContainerLogStatus and the API server's pod log location
/// (v1.32 source, read for facts). Where a runtime would be asked (a running container, one that ran
/// before) kubectl-local still says it has none.
@Suite struct PodLogAnswerTests {
    static let noRuntime = "error: kubectl logs needs a running container, and kubectl-local has no container runtime: pods are simulated in the local store and no process runs in them\n"

    static func refused(_ message: String) -> CLIResult {
        CLIResult(stdout: "", stderr: "Error from server (BadRequest): \(message)\n", exitCode: 1)
    }

    func create(_ s: TestStore, _ yaml: String) {
        #expect(s.run("create -f \(s.writeFile("p.yaml", yaml))").exitCode == 0)
    }

    /// A running container's log is the runtime's; it has no previous instance until it restarts.
    @Test func runningContainer() {
        let s = TestStore()
        s.run("run web --image=nginx")
        s.setNow("2026-11-23T12:00:30Z")
        #expect(s.run("logs web") == CLIResult(stdout: "", stderr: Self.noRuntime, exitCode: 1))
        #expect(s.run("logs web -p") == Self.refused("previous terminated container \"web\" in pod \"web\" not found"))
        #expect(s.run("logs web --previous -c web") == Self.refused("previous terminated container \"web\" in pod \"web\" not found"))
    }

    /// An image that cannot be pulled: the kubelet's own words for ErrImagePull and ImagePullBackOff.
    @Test func imageThatCannotBePulled() {
        let s = TestStore()
        s.run("run bad --image=ngnix")
        #expect(s.pods(at: "2026-11-23T12:00:05Z") == "bad   0/1   ErrImagePull   0     5s\n")
        #expect(s.run("logs bad") == Self.refused("container \"bad\" in pod \"bad\" is waiting to start: image can't be pulled"))
        #expect(s.pods(at: "2026-11-23T12:00:20Z") == "bad   0/1   ImagePullBackOff   0     20s\n")
        #expect(s.run("logs pod/bad") == Self.refused("container \"bad\" in pod \"bad\" is waiting to start: trying and failing to pull image"))
        // --previous is looked at first.
        #expect(s.run("logs bad -p") == Self.refused("previous terminated container \"bad\" in pod \"bad\" not found"))
        // kubectl's own checks come before the request: a container the pod does not have, a missing pod.
        #expect(s.run("logs bad -c nope") == CLIResult(stdout: "", stderr: "error: container nope is not valid for pod bad\n", exitCode: 1))
        #expect(s.run("logs nope").stderr == "error: error from server (NotFound): pods \"nope\" not found in namespace \"default\"\n")
    }

    /// A postStart hook holds the first start: ContainerCreating is the waiting reason given. When the
    /// hook fails the container ran (lastState has its id): that log is the runtime's.
    @Test func containerCreatingThenAKilledRun() {
        let s = TestStore()
        #expect(s.run("create -f \(PostStartHookTests().manifest(s, hook: "[sh, -c, 'exit 1']"))").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:29Z") == "p     0/1   ContainerCreating   0     29s\n")
        #expect(s.run("logs p") == Self.refused("container \"app\" in pod \"p\" is waiting to start: ContainerCreating"))
        #expect(s.run("logs p -p") == Self.refused("previous terminated container \"app\" in pod \"p\" not found"))
        #expect(s.pods(at: "2026-11-23T12:00:30Z") == "p     0/1   PostStartHookError   0     30s\n")
        #expect(s.run("logs p") == CLIResult(stdout: "", stderr: Self.noRuntime, exitCode: 1))
        #expect(s.run("logs p -p") == CLIResult(stdout: "", stderr: Self.noRuntime, exitCode: 1))
        #expect(s.pods(at: "2026-11-23T12:01:11Z") == "p     0/1   CrashLoopBackOff   1 (10s ago)   71s\n")
        #expect(s.run("logs p") == CLIResult(stdout: "", stderr: Self.noRuntime, exitCode: 1))
    }

    static let initPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers:
          - {name: migrate, image: busybox, command: [sh, -c, 'sleep 10']}
          containers:
          - {name: app, image: busybox, command: [sleep, '3600']}
          - {name: side, image: busybox, command: [sh, -c, 'sleep 20; exit 1']}

        """

    /// While an init container runs, the pod's containers wait (PodInitializing). Without -c kubectl
    /// picks the first container and says so; --all-containers asks for each (kubectl stops at the first
    /// refusal, or with --ignore-errors prints each on stdout and goes on).
    @Test func initContainersAndSeveralContainers() {
        let s = TestStore()
        create(s, Self.initPod)
        s.setNow("2026-11-23T12:00:05Z")
        let waiting = "container \"app\" in pod \"p\" is waiting to start: PodInitializing"
        #expect(s.run("logs p") == CLIResult(stdout: "", stderr: "Defaulted container \"app\" out of: app, side, migrate (init)\nError from server (BadRequest): \(waiting)\n", exitCode: 1))
        #expect(s.run("logs p -c side") == Self.refused("container \"side\" in pod \"p\" is waiting to start: PodInitializing"))
        #expect(s.run("logs p -c migrate") == CLIResult(stdout: "", stderr: Self.noRuntime, exitCode: 1))
        #expect(s.run("logs p -c migrate -p") == Self.refused("previous terminated container \"migrate\" in pod \"p\" not found"))
        #expect(s.run("logs p --all-containers") == Self.refused(waiting))
        #expect(s.run("logs p --all-containers --ignore-errors")
            == CLIResult(stdout: "error: \(waiting)\nerror: container \"side\" in pod \"p\" is waiting to start: PodInitializing\n", stderr: Self.noRuntime, exitCode: 1))
        #expect(s.run("logs p --all-containers -p --ignore-errors").stdout.split(separator: "\n").count == 3)
        // The default-container annotation names the one asked for, without a note.
        s.run("annotate pod p kubectl.kubernetes.io/default-container=side")
        #expect(s.run("logs p") == Self.refused("container \"side\" in pod \"p\" is waiting to start: PodInitializing"))
        // All started (+15 s): every log is a runtime's; the init container's too (it terminated).
        s.setNow("2026-11-23T12:00:15Z")
        #expect(s.run("logs p --all-containers") == CLIResult(stdout: "", stderr: Self.noRuntime, exitCode: 1))
        #expect(s.run("logs p -c migrate -p") == Self.refused("previous terminated container \"migrate\" in pod \"p\" not found"))
        // side exited at +30 s and was restarted: its previous instance is there to read.
        s.setNow("2026-11-23T12:00:31Z")
        #expect(s.run("logs p -c side -p") == CLIResult(stdout: "", stderr: Self.noRuntime, exitCode: 1))
    }

    /// A pod without a node has no kubelet to ask: the API server answers an empty log (exit 0). A node
    /// that does not exist is the API server's NotFound for it.
    @Test func podsWithoutAKubelet() {
        let s = TestStore()
        create(s, """
            apiVersion: v1
            kind: Pod
            metadata: {name: lost}
            spec:
              nodeSelector: {disk: none}
              containers:
              - {name: app, image: busybox}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: ghost}
            spec:
              nodeName: ghost
              containers:
              - {name: app, image: busybox}

            """)
        s.setNow("2026-11-23T12:00:05Z")
        #expect(s.run("logs lost") == CLIResult(stdout: "", stderr: "", exitCode: 0))
        #expect(s.run("logs lost -p --all-containers") == CLIResult(stdout: "", stderr: "", exitCode: 0))
        #expect(s.run("logs lost -c nope") == CLIResult(stdout: "", stderr: "error: container nope is not valid for pod lost\n", exitCode: 1))
        #expect(s.run("logs ghost") == CLIResult(stdout: "", stderr: "Error from server (NotFound): nodes \"ghost\" not found\n", exitCode: 1))
    }

    /// A node whose kubelet stopped answering (NotReady): the API server's request to it fails on the
    /// connection, so the stored waiting reason is not what a user would see; kubectl-local says it has
    /// no runtime, as for a log it cannot read.
    @Test func aNodeThatDoesNotAnswer() {
        let s = TestStore()
        s.run("run bad --image=ngnix")
        #expect(s.run("apply -f \(s.writeFile("stage.yaml", NodeLifecycleTests.kubeletStops))").exitCode == 0)
        #expect(s.run("label node node-1 simulate=kubelet-down").exitCode == 0)
        #expect(s.pods(at: "2026-11-23T12:00:39Z") == "bad   0/1   ErrImagePull   0     39s\n")
        #expect(s.run("logs bad") == Self.refused("container \"bad\" in pod \"bad\" is waiting to start: image can't be pulled"))
        s.setNow("2026-11-23T12:00:41Z")
        #expect(s.run("get nodes --no-headers").stdout == "node-1   NotReady   control-plane   41s   v1.32.5\n")
        #expect(s.run("logs bad") == CLIResult(stdout: "", stderr: Self.noRuntime, exitCode: 1))
    }
}
