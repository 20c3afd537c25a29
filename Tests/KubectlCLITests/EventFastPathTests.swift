@testable import KubeStore
import KubeModel
import KubeTestSupport
import Testing

/// A pod's routine events (the kubelet's `Pulling`, `Pulled`, `Created`, `Started` while the pod is
/// fresh, its `Killing`, the scheduler's `Scheduled`) are written from their parts instead of through
/// an object tree. What is stored must be what the object would have been written as: compact JSON in
/// the recorder's key order, Go's escaping, and one of the event shapes the store knows (format 5).
@Suite struct EventFastPathTests {
    /// Every stored event's text, with whether it was stored in format 5, by name.
    private func storedEvents(_ s: TestStore) throws -> [(name: String, text: String, format5: Bool)] {
        let store = try Store(path: s.path)
        let st = try store.db.statement("""
            SELECT o.name, d.data FROM objects o JOIN object_data d ON d.id = o.id WHERE o.resource = '/events' ORDER BY o.name
            """)
        var out: [(String, String, Bool)] = []
        while try st.step() {
            out.append((st.text(0), try st.data(1), st.blob(1)?.first == EventCodec.format))
        }
        return out
    }

    @Test func routineEventsAreStoredAsTheirObjectsWouldBe() throws {
        let s = TestStore()
        let pods = """
            apiVersion: v1
            kind: Pod
            metadata: {name: two, namespace: default}
            spec:
              initContainers: [{name: init, image: "busybox:1.36", command: [sh, -c, "true"]}]
              containers: [{name: a, image: "nginx:1.27"}, {name: b, image: "registry.k8s.io/pause:3.9"}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: one, namespace: default}
            spec: {containers: [{name: c, image: nginx}]}
            """
        #expect(s.run(args: ["create", "-f", "-"], stdin: pods).exitCode == 0)
        // A crash loop: its restarts' events go through the general recorder, in a later command.
        #expect(s.run("run crash --image=busybox -- sh -c 'exit 1'").exitCode == 0)
        s.setNow("2026-11-23T12:00:30Z")
        #expect(s.run("delete pod one --wait=false").exitCode == 0)
        let events = try storedEvents(s)
        let reasons = Set(events.compactMap { try? JSON.parse($0.text)["reason"].string })
        #expect(reasons.isSuperset(of: ["Scheduled", "Pulling", "Pulled", "Created", "Started", "Killing", "BackOff"]))
        for e in events {
            // The text is the object's compact JSON as the writer writes it, key order and escaping kept.
            let object = try JSON.parse(e.text)
            #expect(object.jsonString(.compactOrdered) == e.text, "\(e.name)")
            if object["count"].int == 1 && object["series"].isNull { #expect(e.format5, "\(e.name): \(e.text)") }
        }
        // The image names come quoted (escaped) in the kubelet's messages.
        let pulled = events.first { $0.name.hasPrefix("two.") && $0.text.contains(#""reason":"Pulled""#) }
        #expect(pulled?.text.contains(#"\"busybox:1.36\""#) == true || pulled?.text.contains(#"\"nginx:1.27\""#) == true)
        // What a user reads is unchanged: the pod's events, oldest first.
        let out = s.run(args: ["get", "events", "--field-selector", "involvedObject.name=one", "--sort-by=.metadata.name",
                               "-o", #"jsonpath={range .items[*]}{.reason}/{.count}/{.involvedObject.fieldPath} {end}"#])
        #expect(out.stdout == "Scheduled// Pulling/1/spec.containers{c} Pulled/1/spec.containers{c} Created/1/spec.containers{c} "
                + "Started/1/spec.containers{c} Killing/1/spec.containers{c} ")
    }
}
