import Testing
@testable import KubeStore

/// `insert(_:alias:deferred:)`: a row whose data, label, owner and field entries are written later
/// reads, lists, counts and rolls back exactly as a row written at once.
@Suite struct DeferredInsertTests {
    private func pod(_ name: String, rv: Int64, node: String, phase: String, labels: String = #"{"app":"web"}"#,
                     owners: [String] = ["owner-1"]) -> ObjectRow {
        var r = row(name: name, rv: rv, labels: labels, owners: owners,
                    data: #"{"metadata":{"name":"\#(name)"},"spec":{"nodeName":"\#(node)"},"status":{"phase":"\#(phase)"}}"#)
        r.fields = [IndexedField("spec.nodeName", node), IndexedField("status.phase", phase), IndexedField("#activeNode", node)]
        return r
    }

    /// What a store shows of the pods: every read the side tables answer.
    private func snapshot(_ store: Store) throws -> [String] {
        try store.read { tx in
            var out: [String] = []
            for r in try tx.list(resource: "/pods", namespace: nil) { out.append("list \(r.name) \(r.resourceVersion) \(r.data)") }
            for r in try tx.list(resource: "/pods", namespace: nil, labels: [.equals("app", "web")]) { out.append("label \(r.name)") }
            for r in try tx.list(resource: "/pods", namespace: nil, fields: [.equals("spec.nodeName", "node-2")]) { out.append("field \(r.name)") }
            for r in try tx.dependents(ofUID: "owner-1") { out.append("owned \(r.name)") }
            out.append("counts \(try tx.fieldCounts("#activeNode").sorted { $0.key < $1.key })")
            for c in try tx.changes(resource: "/pods", after: 0) { out.append("change \(c.type) \(c.row.name) \(c.row.resourceVersion) \(c.row.data)") }
            return out
        }
    }

    @Test func createThenUpdateReadsAsTwoPlainWrites() throws {
        let plain = try Store.inMemory(), deferred = try Store.inMemory()
        for (store, defer_) in [(plain, false), (deferred, true)] {
            try store.write { tx in
                try tx.insert(pod("a", rv: 1, node: "", phase: "Pending"), deferred: defer_)
                try tx.insert(pod("b", rv: 2, node: "", phase: "Pending"), deferred: defer_)
                try tx.update(pod("a", rv: 3, node: "node-2", phase: "Running"), expectedResourceVersion: 1)
                // Reads inside the transaction see the update.
                #expect(try tx.fieldCount("#activeNode", value: "node-2") == 1)
                #expect(try tx.get(resource: "/pods", namespace: "default", name: "b")?.resourceVersion == 2)
                try tx.update(pod("b", rv: 4, node: "node-2", phase: "Running", labels: "{}", owners: []), expectedResourceVersion: nil)
            }
        }
        #expect(try snapshot(deferred) == snapshot(plain))
        #expect(try snapshot(deferred).contains("field b"))
    }

    @Test func conflictAndDeleteOfADeferredRow() throws {
        let store = try Store.inMemory()
        try store.write { tx in
            try tx.insert(pod("a", rv: 1, node: "", phase: "Pending"), deferred: true)
            #expect(throws: StoreError.conflict(current: 1)) {
                try tx.update(pod("a", rv: 2, node: "node-2", phase: "Running"), expectedResourceVersion: 7)
            }
            try tx.delete(resource: "/pods", namespace: "default", name: "a")
        }
        #expect(try store.read { try $0.count(resource: "/pods", namespace: nil) } == 0)
        #expect(try store.read { try $0.fieldCounts("#activeNode") }.isEmpty)
        #expect(try store.read { try $0.dependents(ofUID: "owner-1") }.isEmpty)
    }

    @Test func aRolledBackSavepointLeavesNoTrace() throws {
        let store = try Store.inMemory()
        struct Refused: Error {}
        try store.write { tx in
            try tx.insert(pod("kept", rv: 1, node: "", phase: "Pending"), deferred: true)
            #expect(throws: Refused.self) {
                try store.write { tx in
                    try tx.insert(pod("gone", rv: 2, node: "", phase: "Pending"), deferred: true)
                    try tx.update(pod("gone", rv: 3, node: "node-2", phase: "Running"), expectedResourceVersion: 2)
                    throw Refused()
                }
            }
            try tx.update(pod("kept", rv: 4, node: "node-2", phase: "Running"), expectedResourceVersion: 1)
        }
        let names = try store.read { try $0.list(resource: "/pods", namespace: nil).map(\.name) }
        #expect(names == ["kept"])
        #expect(try store.read { try $0.fieldCounts("#activeNode") } == ["node-2": 1])
        #expect(try store.read { try $0.get(resource: "/pods", namespace: "default", name: "kept")?.data.contains("Running") } == true)
    }

    @Test func anAliasToADeferredRowReadsItsData() throws {
        let store = try Store.inMemory()
        try store.write { tx in
            // An alias left behind by a deleted row names the next row that takes its id.
            try tx.insert(row(name: "old"), alias: 99)
            let oldID = try tx.maxRowID()
            try tx.delete(resource: "/pods", namespace: "default", name: "old")
            try tx.insert(pod("new", rv: 2, node: "", phase: "Pending"), deferred: true)
            #expect(try tx.maxRowID() == oldID)
            #expect(try tx.get(alias: 99)?.name == "new")
            #expect(try tx.get(alias: 99)?.data.contains("Pending") == true)
            #expect(try tx.get(alias: 12345) == nil)
        }
    }
}
