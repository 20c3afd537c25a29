import Testing
@testable import KubeStore

/// `fieldCounts` inside a transaction holding deferred rows: it counts their entries as they will be
/// written, without writing them (a controller's new pods stay deferred until their scheduler's update,
/// so each is written and deflated once).
@Suite struct DeferredCountTests {
    private func pod(_ name: String, rv: Int64, node: String, phase: String) -> ObjectRow {
        var r = row(name: name, rv: rv, labels: #"{"app":"web"}"#, owners: ["owner-1"],
                    data: #"{"metadata":{"name":"\#(name)"},"spec":{"nodeName":"\#(node)"},"status":{"phase":"\#(phase)"}}"#)
        r.fields = [IndexedField("spec.nodeName", node), IndexedField("status.phase", phase), IndexedField("#activeNode", node)]
        return r
    }

    private func snapshot(_ store: Store) throws -> [String] {
        try store.read { tx in
            var out: [String] = []
            for r in try tx.list(resource: "/pods", namespace: nil) { out.append("list \(r.name) \(r.resourceVersion) \(r.data)") }
            for r in try tx.list(resource: "/pods", namespace: nil, fields: [.equals("spec.nodeName", "node-2")]) { out.append("field \(r.name)") }
            out.append("counts \(try tx.fieldCounts("#activeNode").sorted { $0.key < $1.key })")
            for c in try tx.changes(resource: "/pods", after: 0) { out.append("change \(c.type) \(c.row.name) \(c.row.resourceVersion) \(c.row.data)") }
            return out
        }
    }

    @Test func countsSeeDeferredRowsAndLeaveThemDeferred() throws {
        let plain = try Store.inMemory(), deferred = try Store.inMemory()
        var seen: [[String: Int]] = []
        for (store, defer_) in [(plain, false), (deferred, true)] {
            try store.write { tx in
                try tx.insert(pod("old", rv: 1, node: "node-1", phase: "Running"))
                try tx.insert(pod("a", rv: 2, node: "", phase: "Pending"), deferred: defer_)
                try tx.insert(pod("b", rv: 3, node: "", phase: "Pending"), deferred: defer_)
                try tx.insert(pod("c", rv: 4, node: "node-1", phase: "Pending"), deferred: defer_)
                seen.append(try tx.fieldCounts("#activeNode"))
                // Not a counted field: nothing, as the store counts only `#` fields.
                seen.append(try tx.fieldCounts("spec.nodeName"))
                if defer_ { #expect(tx.pending.count == 3) }
                try tx.update(pod("a", rv: 5, node: "node-2", phase: "Running"), expectedResourceVersion: 2)
                seen.append(try tx.fieldCounts("#activeNode"))
                try tx.update(pod("b", rv: 6, node: "node-1", phase: "Running"), expectedResourceVersion: 3)
                try tx.delete(resource: "/pods", namespace: "default", name: "c")
                seen.append(try tx.fieldCounts("#activeNode"))
            }
        }
        #expect(seen[0] == ["": 2, "node-1": 2])
        #expect(seen[1] == [:])
        #expect(seen[2] == ["": 1, "node-1": 2, "node-2": 1])
        #expect(seen[3] == ["node-1": 2, "node-2": 1])
        #expect(Array(seen[0..<4]) == Array(seen[4..<8]))
        #expect(try snapshot(deferred) == snapshot(plain))
    }
}
