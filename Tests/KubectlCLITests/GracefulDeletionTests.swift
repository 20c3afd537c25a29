#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// A pod's graceful deletion as a v1.32 kubelet makes it: it stops each container when its process
/// does (the image's own server at SIGTERM, a shell or `sleep` as PID 1 only when the grace period ends,
/// killed: exit code 137), writes the terminal status, then deletes the pod with grace 0, which the API
/// server records before it removes the pod. A watch sees every one of those states.
@Suite(.serialized) struct GracefulDeletionTests {
    static func store() -> TestStore {
        let s = TestStore()
        s.run("run web --image=nginx")
        s.run("run sleeper --image=busybox -- sleep 3600")
        return s
    }

    /// Runs `command` in another "shell" once the watcher (started right after) is watching.
    static func later(_ s: TestStore, _ command: String) -> BackgroundThread {
        BackgroundThread {
            usleep(2_500_000)
            s.run(command)
        }
    }

    @Test func watchSeesTerminatingThenTerminalStatusThenRemoval() {
        let s = Self.store()
        let shell = Self.later(s, "delete pod web")
        let r = s.run(args: ["get", "pods", "--watch-only", "--request-timeout=6s", "-o",
                             "jsonpath={.metadata.name} {.status.phase} {.status.containerStatuses[0].ready} "
                                 + "{.status.containerStatuses[0].state.terminated.exitCode} {.metadata.deletionGracePeriodSeconds}{\"\\n\"}"])
        shell.join()
        // Marked (30 s), the status with the container stopped at SIGTERM (exit 0, Succeeded), the
        // kubelet's delete recorded (grace 0), then the removal as the last state.
        #expect(r.stdout == "web Running true  30\nweb Succeeded false 0 30\nweb Succeeded false 0 0\nweb Succeeded false 0 0\n")
        #expect(r.exitCode == 0)
        #expect(s.run("get pod web").stderr == "Error from server (NotFound): pods \"web\" not found\n")
    }

    @Test func tableWatchShowsCompletedAfterTerminating() {
        let s = Self.store()
        let shell = Self.later(s, "delete pod web")
        let r = s.run("get pods web --watch-only --request-timeout=6s")
        shell.join()
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows == ["NAME READY STATUS RESTARTS AGE", "web 1/1 Terminating 0 0s", "web 0/1 Completed 0 0s",
                         "web 0/1 Completed 0 0s", "web 0/1 Completed 0 0s"])
    }

    @Test func sleepAsPID1IsKilledAtTheEndOfTheGracePeriod() {
        let s = Self.store()
        let shell = Self.later(s, "delete pod sleeper")
        let r = s.run(args: ["get", "pods", "--watch-only", "--request-timeout=6s", "-o",
                             "jsonpath={.metadata.name} {.status.phase} {.status.containerStatuses[0].state.terminated.reason} "
                                 + "{.status.containerStatuses[0].state.terminated.exitCode}{\"\\n\"}"])
        shell.join()
        #expect(r.stdout == "sleeper Running  \nsleeper Failed Error 137\nsleeper Failed Error 137\nsleeper Failed Error 137\n")
        // The kubelet said it was stopping the container.
        #expect(s.run("get events").stdout.contains("Normal   Killing     pod/sleeper   Stopping container sleeper"))
    }

    @Test func stopTimeFollowsTheProcess() {
        let s = Self.store()
        #expect(s.run("delete pod web sleeper --wait=false").stdout == "pod \"web\" deleted\npod \"sleeper\" deleted\n")
        // nginx stops at SIGTERM, within a second; `sleep` ignores it and is killed after 30 s.
        s.advance(seconds: 1)
        #expect(s.run("get pods -o name").stdout == "pod/sleeper\n")
        s.advance(seconds: 28)
        #expect(s.run("get pods -o name").stdout == "pod/sleeper\n")
        s.advance(seconds: 1)
        #expect(s.run("get pods").stdout == "")
        #expect(s.run("get pods").stderr == "No resources found in default namespace.\n")
    }

    @Test func preStopHookRunsBeforeTheStop() {
        let s = TestStore()
        let file = s.writeFile("hook.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: hooked}
            spec:
              containers:
              - name: web
                image: nginx
                lifecycle: {preStop: {exec: {command: [sh, -c, sleep 5]}}}
            """)
        s.run("create -f \(file)")
        s.run("delete pod hooked --wait=false")
        s.advance(seconds: 5)
        #expect(s.run("get pods -o name").stdout == "pod/hooked\n")
        s.advance(seconds: 1)
        #expect(s.run("get pods -o name").stdout == "")
    }

    @Test func aShorterGracePeriodCapsTheKill() {
        let s = Self.store()
        s.run("delete pod sleeper --grace-period=3 --wait=false")
        s.advance(seconds: 2)
        #expect(s.run("get pods sleeper -o name").stdout == "pod/sleeper\n")
        s.advance(seconds: 1)
        #expect(s.run("get pods sleeper").exitCode == 1)
    }
}
