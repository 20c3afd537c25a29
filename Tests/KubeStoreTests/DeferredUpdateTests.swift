import Testing
@testable import KubeStore

/// `update(_:expectedResourceVersion:deferred:)`: an update whose row is rewritten later reads, lists,
/// counts, logs and rolls back exactly as an update written at once; deleted before it is written, the
/// row goes as stored and the deletion is logged with the updated state.
@Suite struct DeferredUpdateTests {
    private func pod(_ name: String, rv: Int64, node: String = "node-1", phase: String = "Running",
                     labels: String = #"{"app":"web"}"#, owners: [String] = ["owner-1"], marked: Bool = false) -> ObjectRow {
        let deletion = marked ? #","deletionTimestamp":"2026-11-23T12:00:30Z""# : ""
        var r = row(name: name, rv: rv, labels: labels, owners: owners,
                    data: #"{"metadata":{"name":"\#(name)"\#(deletion),"resourceVersion":"\#(rv)"},"spec":{"nodeName":"\#(node)"},"status":{"phase":"\#(phase)"}}"#)
        r.fields = [IndexedField("spec.nodeName", node), IndexedField("status.phase", phase), IndexedField("#activeNode", node)]
        return r
    }

    /// Everything a store shows of its pods, the change log included.
    private func snapshot(_ store: Store) throws -> [String] {
        try store.read { tx in
            var out: [String] = []
            for r in try tx.list(resource: "/pods", namespace: nil) { out.append("list \(r.name) \(r.resourceVersion) \(r.labels) \(r.data)") }
            for r in try tx.list(resource: "/pods", namespace: nil, labels: [.equals("app", "web")]) { out.append("label \(r.name)") }
            for r in try tx.list(resource: "/pods", namespace: nil, labels: [.equals("app", "db")]) { out.append("label db \(r.name)") }
            for r in try tx.list(resource: "/pods", namespace: nil, fields: [.equals("spec.nodeName", "node-2")]) { out.append("field \(r.name)") }
            for r in try tx.dependents(ofUID: "owner-1") { out.append("owned \(r.name)") }
            for r in try tx.dependents(ofUID: "owner-2") { out.append("owned2 \(r.name)") }
            out.append("counts \(try tx.fieldCounts("#activeNode").sorted { $0.key < $1.key })")
            for c in try tx.changes(resource: "/pods", after: 0) {
                out.append("change \(c.type) \(c.row.name) \(c.row.resourceVersion) \(c.row.labels) \(c.row.data)")
            }
            return out
        }
    }

    /// The same writes with plain and deferred updates give the same store.
    private func same(_ writes: (StoreTransaction, Bool) throws -> Void) throws {
        let plain = try Store.inMemory(), deferred = try Store.inMemory()
        for (store, d) in [(plain, false), (deferred, true)] {
            try store.write { tx in
                for (i, name) in ["a", "b", "c"].enumerated() { try tx.insert(pod(name, rv: Int64(i + 1))) }
            }
            try store.write { tx in try writes(tx, d) }
        }
        #expect(try snapshot(deferred) == snapshot(plain))
    }

    @Test func updateThenDeleteLogsBothAndLeavesNoTrace() throws {
        try same { tx, d in
            try tx.update(pod("a", rv: 10, marked: true), expectedResourceVersion: 1, deferred: d)
            #expect(try tx.resourceVersion(resource: "/pods", namespace: "default", name: "a") == 10)
            #expect(throws: StoreError.conflict(current: 10)) {
                try tx.delete(resource: "/pods", namespace: "default", name: "a", expectedResourceVersion: 1)
            }
            try tx.delete(resource: "/pods", namespace: "default", name: "a", expectedResourceVersion: 10)
        }
    }

    @Test func readsInBetweenSeeTheUpdate() throws {
        try same { tx, d in
            try tx.update(pod("b", rv: 11, node: "node-2", labels: #"{"app":"db"}"#, owners: ["owner-2"]), expectedResourceVersion: 2, deferred: d)
            #expect(try tx.get(resource: "/pods", namespace: "default", name: "b")?.resourceVersion == 11)
            try tx.update(pod("c", rv: 12, node: "node-2"), expectedResourceVersion: 3, deferred: d)
            #expect(try tx.list(resource: "/pods", namespace: nil, fields: [.equals("spec.nodeName", "node-2")]).map(\.name) == ["b", "c"])
            try tx.update(pod("a", rv: 13, node: "node-3", phase: "Failed"), expectedResourceVersion: 1, deferred: d)
            #expect(try tx.fieldCount("#activeNode", value: "node-3") == 1)
            try tx.update(pod("a", rv: 14, owners: ["owner-2"]), expectedResourceVersion: 13, deferred: d)
            #expect(try tx.dependents(ofUID: "owner-2").map(\.name) == ["a", "b"])
            try tx.update(pod("c", rv: 15, labels: #"{"app":"db"}"#), expectedResourceVersion: 12, deferred: d)
            #expect(try tx.summaries(inNamespace: "default").first { $0.name == "c" }?.resourceVersion == 15)
            // Updated twice before any read, then deleted without a logged last state.
            try tx.update(pod("b", rv: 16, marked: true), expectedResourceVersion: 11, deferred: d)
            try tx.update(pod("b", rv: 17, phase: "Succeeded", marked: true), expectedResourceVersion: 16, deferred: d)
            try tx.delete(resource: "/pods", namespace: "default", name: "b")
        }
    }

    @Test func aRolledBackSavepointForgetsTheUpdate() throws {
        let store = try Store.inMemory()
        struct Refused: Error {}
        try store.write { tx in try tx.insert(pod("a", rv: 1)) }
        try store.write { (tx: StoreTransaction) throws in
            #expect(throws: Refused.self) {
                try store.write { tx in
                    try tx.update(pod("a", rv: 2, node: "node-2"), expectedResourceVersion: 1, deferred: true)
                    throw Refused()
                }
            }
            #expect(try tx.resourceVersion(resource: "/pods", namespace: "default", name: "a") == 1)
        }
        #expect(try store.read { try $0.get(resource: "/pods", namespace: "default", name: "a")?.resourceVersion } == 1)
        #expect(try store.read { try $0.fieldCounts("#activeNode") } == ["node-1": 1])
        #expect(try store.read { try $0.changes(resource: "/pods", after: 0).map(\.row.resourceVersion) } == [1])
    }

    @Test func theEndOfTheTransactionWritesIt() throws {
        let store = try Store.inMemory()
        try store.write { tx in try tx.insert(pod("a", rv: 1)) }
        try store.write { tx in try tx.update(pod("a", rv: 2, node: "node-2"), expectedResourceVersion: 1, deferred: true) }
        let a = try store.read { try $0.get(resource: "/pods", namespace: "default", name: "a") }
        #expect(a?.resourceVersion == 2)
        #expect(a?.data.contains("node-2") == true)
        #expect(try store.read { try $0.fieldCounts("#activeNode") } == ["node-2": 1])
    }
}

extension DeferredUpdateTests {
    @Test func anAliasReadsTheUpdatedRow() throws {
        let store = try Store.inMemory()
        try store.write { tx in
            try tx.insert(row(name: "a", rv: 1), alias: 7)
            try tx.insert(row(name: "b", rv: 2))
        }
        try store.write { tx in
            try tx.update(row(name: "b", rv: 3, data: #"{"metadata":{"name":"b","resourceVersion":"3"}}"#), expectedResourceVersion: 2, deferred: true)
            try tx.update(row(name: "a", rv: 4, data: #"{"metadata":{"name":"a","resourceVersion":"4"}}"#), expectedResourceVersion: 1, deferred: true)
            #expect(try tx.get(alias: 7)?.resourceVersion == 4)
            #expect(try tx.get(alias: 7)?.data.contains(#""4""#) == true)
            // Only the row the alias names was written: b's update still waits.
            #expect(tx.pendingUpdates.count == 1)
        }
        #expect(try store.read { try $0.get(resource: "/pods", namespace: "default", name: "b")?.resourceVersion } == 3)
    }
}
