import Testing
@testable import KubeStore

/// A transaction remembers the resource versions it read by key (`knownVersions`) and answers from
/// that; what it answers stays what the table holds: after each kind of write of the key, a savepoint
/// rolled back, an expiry set, expired rows deleted, and in the next transaction.
@Suite struct KnownVersionTests {
    private func version(_ tx: StoreTransaction, _ name: String, _ resource: String = "/namespaces") throws -> Int64? {
        try tx.resourceVersion(resource: resource, namespace: "", name: name)
    }

    @Test func eachWriteOfTheKeyIsSeen() throws {
        let store = try Store.inMemory()
        try store.write { (tx) throws in
            #expect(try version(tx, "a") == nil)
            #expect(try version(tx, "a") == nil)
            try tx.insert(row("/namespaces", "", name: "a", rv: 3))
            #expect(try version(tx, "a") == 3)
            #expect(try version(tx, "a") == 3)
            try tx.update(row("/namespaces", "", name: "a", rv: 4), expectedResourceVersion: 3)
            #expect(try version(tx, "a") == 4)
            try tx.update(row("/namespaces", "", name: "a", rv: 5), expectedResourceVersion: 4, deferred: true)
            #expect(try version(tx, "a") == 5)
            // The deferred update written out (another read), then asked again.
            _ = try tx.get(resource: "/namespaces", namespace: "", name: "a")
            #expect(try version(tx, "a") == 5)
            try tx.rewriteInPlace(row("/namespaces", "", name: "a", rv: 99))
            #expect(try version(tx, "a") == 5)
            // Another key's write leaves the answer as it is, and it is.
            try tx.insert(row("/namespaces", "", name: "b", rv: 6))
            #expect(try version(tx, "a") == 5)
            #expect(try version(tx, "b") == 6)
            try tx.delete(resource: "/namespaces", namespace: "", name: "a")
            #expect(try version(tx, "a") == nil)
            try tx.insert(row("/namespaces", "", name: "a", rv: 7))
            #expect(try version(tx, "a") == 7)
        }
        try store.read { (tx) throws in
            #expect(try version(tx, "a") == 7)
            #expect(try version(tx, "b") == 6)
        }
    }

    @Test func aRolledBackSavepointBringsTheOldVersionBack() throws {
        let store = try Store.inMemory()
        try store.write { (tx) throws in try tx.insert(row("/namespaces", "", name: "a", rv: 3)) }
        try store.write { (tx) throws in
            #expect(try version(tx, "a") == 3)
            struct Undo: Error {}
            #expect(throws: Undo.self) {
                try store.write { (tx) throws in
                    try tx.update(row("/namespaces", "", name: "a", rv: 4), expectedResourceVersion: 3)
                    #expect(try version(tx, "a") == 4)
                    try tx.insert(row("/namespaces", "", name: "b", rv: 5))
                    #expect(try version(tx, "b") == 5)
                    throw Undo()
                }
            }
            #expect(try version(tx, "a") == 3)
            #expect(try version(tx, "b") == nil)
        }
    }

    @Test func expiryAppliesToAKnownVersion() throws {
        let store = try Store.inMemory()
        try store.write { (tx) throws in try tx.insert(row("/events", "", name: "e", rv: 5)) }
        try store.write { (tx) throws in
            #expect(try version(tx, "e", "/events") == 5)
            tx.expiry = ("/events", 10)
            #expect(try version(tx, "e", "/events") == nil)
            tx.expiry = nil
            #expect(try version(tx, "e", "/events") == 5)
            tx.expiry = ("/events", 10)
            #expect(try tx.deleteExpired(resource: "/events", ids: 0..<Int64.max, belowVersion: 10, keepPrefix: "keep/") == 1)
            tx.expiry = nil
            #expect(try version(tx, "e", "/events") == nil)
        }
    }

    /// Past the limit the memo starts again; every key still answers what the table holds.
    @Test func manyKeysAnswerAsStored() throws {
        let store = try Store.inMemory()
        let n = StoreTransaction.knownVersionLimit + 10
        try store.write { (tx) throws in
            for i in 0..<n { try tx.insert(row("/namespaces", "", name: "n\(i)", rv: Int64(i + 1))) }
            for i in 0..<n { #expect(try version(tx, "n\(i)") == Int64(i + 1)) }
            for i in stride(from: 0, to: n, by: 7) {
                try tx.update(row("/namespaces", "", name: "n\(i)", rv: Int64(i + 1 + n)), expectedResourceVersion: Int64(i + 1))
            }
            for i in 0..<n { #expect(try version(tx, "n\(i)") == Int64(i % 7 == 0 ? i + 1 + n : i + 1)) }
        }
    }
}
