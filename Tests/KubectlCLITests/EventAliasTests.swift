@testable import KubeStore
import KubeTestSupport
import Testing

/// Schema v12: a pod's routine kubelet events recorded in the transaction that created the pod keep no
/// correlator alias; the recorder finds them again by the pod's name, so a restart's identical events
/// are counted on the first ones as before. Other events (a back-off, a `Killing`) keep theirs.
@Suite struct EventAliasTests {
    /// Aliases naming events of `pod`.
    private func aliases(_ s: TestStore, _ pod: String) -> Int64 {
        guard let store = try? Store(path: s.path) else { return -1 }
        return (try? store.db.scalarInt("""
            SELECT count(*) FROM object_aliases a JOIN objects o ON o.id = a.object_id
            WHERE o.resource = '/events' AND o.name LIKE '\(pod).%'
            """)) ?? -1
    }

    private func events(_ s: TestStore, _ pod: String) -> String {
        s.run(args: ["get", "events", "--sort-by=.metadata.name", "--field-selector", "involvedObject.name=" + pod,
                     "-o", #"jsonpath={range .items[*]}{.reason}/{.count} {end}"#]).stdout
    }

    @Test func aPodsFirstEventsKeepNoAliasAndRepeatsAreCounted() {
        let s = TestStore()
        #expect(s.run("run crash --image=busybox -- sh -c 'exit 1'").exitCode == 0)
        #expect(events(s, "crash") == "Scheduled/ Pulling/1 Pulled/1 Created/1 Started/1 ")
        #expect(aliases(s, "crash") == 0)
        // The first restart (a second after the exit), in a later command: the image pulled again
        // (`busybox` is pulled always), created and started, all counted on the first ones.
        s.setNow("2026-11-23T12:00:02Z")
        #expect(s.run("get pods").exitCode == 0)
        #expect(events(s, "crash") == "Scheduled/ Pulling/2 Pulled/2 Created/2 Started/2 ")
        s.setNow("2026-11-23T12:00:30Z")
        #expect(s.run("get pods").exitCode == 0)
        #expect(events(s, "crash") == "Scheduled/ Pulling/3 Pulled/3 Created/3 Started/3 BackOff/3 ")
        // Only the back-off's event keeps an alias.
        #expect(aliases(s, "crash") == 1)
        // An image pulled if not present: the restart's `Pulled` (already present) is the first start's again.
        let t = TestStore()
        #expect(t.run("run crash --image=busybox:1.36 -- sh -c 'exit 1'").exitCode == 0)
        t.setNow("2026-11-23T12:00:02Z")
        #expect(t.run("get pods").exitCode == 0)
        #expect(events(t, "crash") == "Scheduled/ Pulled/2 Created/2 Started/2 ")
        #expect(aliases(t, "crash") == 0)
    }

    /// The pods of one `create -f` (several per transaction): none of their routine events keeps an alias.
    @Test func aFileOfPodsWritesNoAliasesForTheirRoutineEvents() {
        let s = TestStore()
        let pods = (0..<4).map { "apiVersion: v1\nkind: Pod\nmetadata: {name: p\($0)}\nspec: {containers: [{name: c, image: nginx}]}\n" }
        #expect(s.run(args: ["create", "-f", "-"], stdin: pods.joined(separator: "---\n")).exitCode == 0)
        for i in 0..<4 {
            #expect(events(s, "p\(i)") == "Scheduled/ Pulling/1 Pulled/1 Created/1 Started/1 ")
            #expect(aliases(s, "p\(i)") == 0)
        }
        // A pod's `Killing` keeps its alias.
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("delete pod p0 --wait=false").exitCode == 0)
        #expect(events(s, "p0") == "Scheduled/ Pulling/1 Pulled/1 Created/1 Started/1 Killing/1 ")
        #expect(aliases(s, "p0") == 1)
    }
}
