import Testing
@testable import KubeStore

/// A transaction remembers the key ranges it found empty and the settings it found unset, and answers
/// from that; what it answers stays what the table holds: after an insert in the range, a setting
/// written, a savepoint rolled back, and across transactions.
@Suite struct KnownEmptyTests {
    /// Counts and lists of the range, as a transaction sees them at one point.
    private func look(_ tx: StoreTransaction, _ resource: String, _ ns: String?) throws -> String {
        let listed = try tx.list(resource: resource, namespace: ns).map(\.name)
        let summaries = try tx.listSummaries(resource: resource, namespace: ns).map(\.name)
        let labelled = try tx.list(resource: resource, namespace: ns, labels: [.equals("app", "web")]).map(\.name)
        return "\(try tx.count(resource: resource, namespace: ns)) \(listed) \(summaries) \(labelled)"
    }

    @Test func anInsertFillsARangeFoundEmpty() throws {
        let store = try Store.inMemory()
        try store.write { (tx) throws in
            #expect(try look(tx, "/services", "ns-1") == "0 [] [] []")
            #expect(try look(tx, "/services", nil) == "0 [] [] []")
            try tx.insert(row("/services", "ns-1", name: "a", labels: #"{"app":"web"}"#))
            #expect(try look(tx, "/services", "ns-1") == #"1 ["a"] ["a"] ["a"]"#)
            #expect(try look(tx, "/services", nil) == #"1 ["a"] ["a"] ["a"]"#)
            #expect(try look(tx, "/services", "ns-2") == "0 [] [] []")
            // Another resource's insert leaves the range known empty, and it is.
            try tx.insert(row("/configmaps", "ns-2", name: "b"))
            #expect(try look(tx, "/services", "ns-2") == "0 [] [] []")
            try tx.insert(row("/services", "ns-2", name: "c"))
            #expect(try look(tx, "/services", "ns-2") == #"1 ["c"] ["c"] []"#)
        }
        try store.read { (tx) throws in #expect(try look(tx, "/services", nil) == #"2 ["a", "c"] ["a", "c"] ["a"]"#) }
    }

    @Test func aRolledBackSavepointBringsDeletedRowsBack() throws {
        let store = try Store.inMemory()
        try store.write { (tx) throws in try tx.insert(row("/services", "ns-1", name: "a")) }
        try store.write { (tx) throws in
            struct Undo: Error {}
            #expect(throws: Undo.self) {
                try store.write { (tx) throws in
                    try tx.delete(resource: "/services", namespace: "ns-1", name: "a")
                    #expect(try look(tx, "/services", "ns-1") == "0 [] [] []")
                    try tx.setConfig("k", "v")
                    try tx.setConfig("k", nil)
                    #expect(try tx.config("k") == nil)
                    throw Undo()
                }
            }
            #expect(try look(tx, "/services", "ns-1") == #"1 ["a"] ["a"] []"#)
        }
    }

    @Test func aSettingFoundUnsetIsReadAgainOnceWritten() throws {
        let store = try Store.inMemory()
        try store.write { (tx) throws in
            #expect(try tx.config("timerof/x") == nil)
            #expect(try tx.config("timerof/x") == nil)
            try tx.setConfig("timerof/x", "1")
            #expect(try tx.config("timerof/x") == "1")
            // Written to the table at a savepoint's start, then read from it.
            try store.write { (tx) throws in #expect(try tx.config("timerof/x") == "1") }
            #expect(try tx.config("timerof/x") == "1")
        }
        try store.read { (tx) throws in #expect(try tx.config("timerof/x") == "1") }
    }

    /// Expired rows hide nothing from a range noted while none were hidden; while some are, no range is noted.
    @Test func rangesAreNotNotedWhileRowsExpire() throws {
        let store = try Store.inMemory()
        try store.write { (tx) throws in try tx.insert(row("/events", "ns-1", name: "e", rv: 5)) }
        try store.write { (tx) throws in
            tx.expiry = ("/events", 10)
            #expect(try look(tx, "/events", "ns-1") == "0 [] [] []")
            tx.expiry = nil
            #expect(try look(tx, "/events", "ns-1") == #"1 ["e"] ["e"] []"#)
        }
    }
}
