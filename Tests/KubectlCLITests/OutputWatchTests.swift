#if canImport(Glibc)
import Glibc
#endif
import KubeTestSupport
import Testing

/// A thread that runs a closure (another "shell" changing the store while `get -w` runs).
final class BackgroundThread {
    private let body: () -> Void
    private var thread = pthread_t()

    init(_ body: @escaping () -> Void) {
        self.body = body
        let arg = Unmanaged.passRetained(self).toOpaque()
        pthread_create(&thread, nil, { raw in
            let me = Unmanaged<BackgroundThread>.fromOpaque(raw!).takeRetainedValue()
            me.body()
            return nil
        }, arg)
    }

    func join() { pthread_join(thread, nil) }
}

/// `get -w` keeps printing as another writer creates, labels and deletes objects.
@Suite(.serialized) struct OutputWatchTests {
    static func changeStore(_ s: TestStore, _ file: String) -> BackgroundThread {
        // The store is created (and seeded) first, so the watcher starts within the writer's head start.
        s.run(args: ["get", "ns"])
        return BackgroundThread {
            // The watcher must be watching before the first change: under a loaded machine (parallel
            // test suites, several builds) starting it can take over a second.
            usleep(2_500_000)
            s.run(args: ["create", "-f", file])
            usleep(800_000)
            s.run(args: ["label", "cm", "w1", "extra=yes"])
            usleep(800_000)
            s.run(args: ["delete", "cm", "w1"])
        }
    }

    static func manifest(_ s: TestStore) -> String {
        s.writeFile("w1.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w1, labels: {w: \"1\"}}\ndata: {k: v}\n")
    }

    @Test func tableRowsFollowTheStore() {
        let s = TestStore()
        let writer = Self.changeStore(s, Self.manifest(s))
        let r = s.run("get cm -l w=1 -w --request-timeout=7s")
        writer.join()
        // Nothing matched at first; then one row per change, each flushed on its own.
        #expect(r == CLIResult(stdout: "NAME   DATA   AGE\nw1     1      0s\nw1    1     0s\nw1    1     0s\n", stderr: "", exitCode: 0))
    }

    @Test func watchEventsAsJSONAndTable() {
        let s = TestStore()
        let writer = Self.changeStore(s, Self.manifest(s))
        let r = s.run(args: ["get", "cm", "-l", "w=1", "--watch-only", "--output-watch-events",
                             "-o", "jsonpath={.type}:{.object.metadata.name}{\"\\n\"}", "--request-timeout=7"])
        writer.join()
        #expect(r == CLIResult(stdout: "ADDED:w1\nMODIFIED:w1\nDELETED:w1\n", stderr: "", exitCode: 0))

        let t = TestStore()
        let w2 = Self.changeStore(t, Self.manifest(t))
        let table = t.run("get cm -l w=1 -w --output-watch-events --request-timeout=7s")
        w2.join()
        #expect(table.stdout == "EVENT   NAME   DATA   AGE\nADDED   w1     1      0s\nMODIFIED   w1    1     0s\nDELETED   w1    1     0s\n")
    }

    @Test func initialListThenChangesAsYAMLAndName() {
        let s = TestStore()
        let writer = Self.changeStore(s, Self.manifest(s))
        let r = s.run("get cm -w -o name --request-timeout=7s")
        writer.join()
        // kube-root-ca.crt exists from the start; w1 is created, labelled, deleted.
        #expect(r.stdout == "configmap/kube-root-ca.crt\nconfigmap/w1\nconfigmap/w1\nconfigmap/w1\n", "\(r)")
    }

    @Test func watchNeedsOneResource() {
        let s = TestStore()
        // kubectl v1.32's watch builder takes a single type (oracle, 2026-12-06; see WatchSourcesTests).
        #expect(s.run("get cm,pods -w").stderr == "error: you may only specify a single resource type\n")
    }
}
