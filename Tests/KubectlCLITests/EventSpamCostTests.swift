import KubeStore
import KubeTestSupport
import Testing

/// The kubelet's spam filter keeps nothing for a pod's routine events (scheduled, pulled, created,
/// started, stopped): they can never meet an empty bucket, and the bucket they leave is what the pod's
/// stored events say. A pod that keeps failing has its bucket kept, and what was let through before
/// counts in it.
@Suite struct EventSpamCostTests {
    private func buckets(_ s: TestStore) -> Int {
        guard let store = try? Store(path: s.path) else { return -1 }
        return (try? store.read { try $0.configEntries(withPrefix: "evspam/").count }) ?? -1
    }

    @Test func routinePodEventsKeepNoBucket() {
        let s = TestStore()
        let pods = (0..<3).map { "apiVersion: v1\nkind: Pod\nmetadata: {name: p\($0)}\nspec: {containers: [{name: c, image: nginx, imagePullPolicy: Always}]}\n" }
        #expect(s.run(args: ["create", "-f", "-"], stdin: pods.joined(separator: "---\n")).exitCode == 0)
        #expect(s.run("run web --image=nginx").exitCode == 0)
        #expect(s.run(args: ["get", "events", "-o", #"jsonpath={range .items[*]}{.source.component}/{.reason}{"\n"}{end}"#]).stdout
            .split(separator: "\n").count == 4 * 5)
        s.setNow("2026-11-23T12:01:00Z")
        #expect(s.run("delete pod p0 web --wait=false").exitCode == 0)
        #expect(s.run("get events --field-selector reason=Killing -o name").stdout.split(separator: "\n").count == 2)
        #expect(buckets(s) == 0)
        // A crash loop's events are not routine: its bucket is kept.
        #expect(s.run("run crash --image=busybox -- sh -c 'exit 1'").exitCode == 0)
        s.setNow("2026-11-23T12:10:00Z")
        #expect(s.run("get pods").exitCode == 0)
        #expect(buckets(s) == 1)
    }

    /// A pod with two containers may pass twelve such events within the hour they are kept, so its
    /// bucket is kept from the first one; every event of it is recorded all the same.
    @Test func aPodWithTwoContainersKeepsItsBucket() {
        let s = TestStore()
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: two}\nspec: {containers: [{name: a, image: nginx}, {name: b, image: nginx}]}\n"
        #expect(s.run(args: ["create", "-f", "-"], stdin: pod).exitCode == 0)
        #expect(s.run(args: ["get", "events", "-o", #"jsonpath={range .items[*]}{.reason}{" "}{end}"#]).stdout
            == "Scheduled Pulling Pulled Created Started Pulling Pulled Created Started ")
        #expect(buckets(s) == 1)
    }
}
