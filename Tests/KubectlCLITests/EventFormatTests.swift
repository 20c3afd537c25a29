@testable import KubeStore
import KubeTestSupport
import Testing

/// Schema v9: the events the scheduler and kubelet write for every pod (`Scheduled`, `Pulling`,
/// `Pulled`, `Created`, `Started`, `Killing`) and a ReplicaSet's `SuccessfulCreate` are stored in
/// data format 5 (their values coded by what they are, no deflate stream), smaller than deflated, and
/// everything read back (lists, the change log a watch reads, a deletion's logged state) is the text
/// that was written.
@Suite struct EventFormatTests {
    private func formats(_ s: TestStore) -> [String: Int] {
        guard let store = try? Store(path: s.path) else { return [:] }
        let sql = "SELECT hex(substr(d.data, 1, 1)), count(*) FROM objects o JOIN object_data d ON d.id = o.id"
            + " WHERE o.resource = '/events' AND o.namespace = 'default' GROUP BY 1"
        guard let q = try? store.db.statement(sql) else { return [:] }
        defer { q.reset() }
        var out: [String: Int] = [:]
        while (try? q.step()) == true { out[q.text(0)] = Int(q.int64(1)) }
        return out
    }

    @Test func routineEventsAreStoredInFormatFive() {
        let s = TestStore()
        let pods = (0..<3).map { "apiVersion: v1\nkind: Pod\nmetadata: {name: p\($0)}\nspec: {containers: [{name: c, image: nginx}]}\n" }
        #expect(s.run(args: ["create", "-f", "-"], stdin: pods.joined(separator: "---\n")).exitCode == 0)
        #expect(s.run("create deployment web --image=nginx:1.27 --replicas=2").exitCode == 0)
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("delete pod p0 --wait=false").exitCode == 0)
        let reasons = Set(s.run(args: ["get", "events", "-o", #"jsonpath={range .items[*]}{.reason}{" "}{end}"#]).stdout
            .split(separator: " "))
        #expect(reasons == ["Scheduled", "Pulling", "Pulled", "Created", "Started", "Killing", "SuccessfulCreate", "ScalingReplicaSet"])
        let listed = s.run("get events -o name").stdout.split(separator: "\n").count
        // Every one of them is of a known shape.
        #expect(formats(s) == ["05": listed])
    }

    @Test func aCountedEventFallsBackAndReadsTheSame() {
        let s = TestStore()
        #expect(s.run("run crash --image=busybox -- sh -c 'exit 1'").exitCode == 0)
        s.setNow("2026-11-23T12:10:00Z")
        let listed = s.run("get events -o yaml")
        #expect(listed.exitCode == 0)
        // The restarts counted on the first events (`count` above 1).
        #expect(listed.stdout.split(separator: "\n").contains { $0.hasPrefix("  count: ") && $0 != "  count: 1" })
        let byFormat = formats(s)
        // Counted events are of no known shape (`count` above 1): deflated as before.
        #expect(byFormat["04"] ?? 0 >= 1)
        #expect(byFormat["05"] ?? 0 >= 1)
    }
}
