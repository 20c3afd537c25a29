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

    /// `fieldCount` writes out the deferred rows holding that value (found through the transaction's
    /// index of them by field) and no others, also after an update moved a deferred row's value and
    /// after a rolled-back savepoint forgot some; its counts are those of rows written at once.
    @Test func fieldCountFlushesOnlyTheRowsHoldingTheValue() throws {
        let plain = try Store.inMemory(), deferred = try Store.inMemory()
        var seen: [[Int]] = []
        for (store, defer_) in [(plain, false), (deferred, true)] {
            var counts: [Int] = []
            func pendingNames(_ tx: StoreTransaction) -> [String] { tx.pending.values.map(\.row.name).sorted() }
            try store.write { tx in
                try tx.insert(pod("a", rv: 1, node: "", phase: "Pending"), deferred: defer_)
                try tx.insert(pod("b", rv: 2, node: "node-1", phase: "Pending"), deferred: defer_)
                try tx.insert(pod("c", rv: 3, node: "node-1", phase: "Pending"), deferred: defer_)
                try tx.insert(row("/events", name: "ev", rv: 4, data: #"{"metadata":{"name":"ev"}}"#), deferred: defer_)
                counts.append(try tx.fieldCount("#activeNode", value: "node-1"))
                if defer_ { #expect(pendingNames(tx) == ["a", "ev"]) }
                // The deferred row's value moves: counted under the new one, not the old.
                try tx.update(pod("a", rv: 5, node: "node-2", phase: "Pending"), expectedResourceVersion: 1)
                counts.append(try tx.fieldCount("#activeNode", value: ""))
                if defer_ { #expect(pendingNames(tx) == ["a", "ev"]) }
                counts.append(try tx.fieldCount("#activeNode", value: "node-2"))
                if defer_ { #expect(pendingNames(tx) == ["ev"]) }
                // A savepoint's deferred rows are gone with its rollback, index entries included.
                _ = try? store.write { tx2 -> Void in
                    try tx2.insert(pod("d", rv: 6, node: "node-3", phase: "Pending"), deferred: defer_)
                    counts.append(try tx2.fieldCount("#activeNode", value: "node-3"))
                    try tx2.insert(pod("e", rv: 7, node: "node-3", phase: "Pending"), deferred: defer_)
                    throw StoreError.notFound
                }
                counts.append(try tx.fieldCount("#activeNode", value: "node-3"))
                try tx.insert(pod("f", rv: 8, node: "node-3", phase: "Pending"), deferred: defer_)
                counts.append(try tx.fieldCount("#activeNode", value: "node-3"))
                // (The savepoint began by writing out every deferred row, "ev" too.)
                if defer_ { #expect(pendingNames(tx) == []) }
            }
            seen.append(counts)
        }
        #expect(seen[0] == [2, 0, 1, 1, 0, 1])
        #expect(seen[1] == seen[0])
        #expect(try snapshot(deferred) == snapshot(plain))
    }
}
