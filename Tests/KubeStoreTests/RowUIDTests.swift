import KubeModel
import Testing
@testable import KubeStore

/// Schema v13: uids naming their row (`RowUID`). Such a uid is a v4 uid, the row it names is found by
/// `get(uid:)` without an entry in `objects_by_uid`, and every other uid (given by a restore, of a row
/// that took another id, of a store written before) keeps its entry and is found as before.
@Suite struct RowUIDTests {
    static let uidPattern = #/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/#

    @Test func aRowUIDIsAVersion4UIDThatNamesItsRow() {
        var rng = SeededGenerator(seed: 13)
        for id: Int64 in [1, 2, 255, 256, 65_537, 1 << 39, (1 << 40) - 1] {
            let random = uuidV4(using: &rng)
            let uid = RowUID.uid(random, naming: id)
            #expect(uid.wholeMatch(of: RowUIDTests.uidPattern) != nil, "\(uid)")
            #expect(uid.prefix(18) == random.prefix(18), "the first 64 bits stay")
            #expect(RowUID.id(uid) == id)
        }
        // Out of range, or not a uid in the API server's form: unchanged.
        let random = uuidV4(using: &rng)
        #expect(RowUID.uid(random, naming: 1 << 40) == random)
        #expect(RowUID.uid(random, naming: 0) == random)
        #expect(RowUID.uid("my-uid", naming: 5) == "my-uid")
        #expect(RowUID.uid(random.uppercased(), naming: 5) == random.uppercased())
    }

    @Test func randomUIDsRarelyLookLikeRowUIDs() {
        var rng = SeededGenerator(seed: 7)
        var named = 0
        for _ in 0..<100_000 where RowUID.id(uuidV4(using: &rng)) != nil { named += 1 }
        // 1 in 2^22 on average: 0.02 expected in 100,000.
        #expect(named <= 1)
    }

    private func uidEntries(_ store: Store) throws -> Int64 {
        try store.db.scalarInt("SELECT count(*) FROM objects INDEXED BY objects_by_uid WHERE \(SQL.uidIndexed)")
    }

    private func row(_ name: String, uid: String, resource: String = "/events") -> ObjectRow {
        ObjectRow(resource: resource, namespace: "default", name: name, uid: uid, resourceVersion: 1, labels: "{}",
                  cells: "", data: #"{"metadata":{"name":"\#(name)"}}"#)
    }

    @Test func rowsWithRowUIDsAreFoundWithoutIndexEntries() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        var rng = SeededGenerator(seed: 1)
        var uids: [String] = []
        try store.write { tx throws in
            for i in 0..<20 {
                let uid = try tx.rowUID(uuidV4(using: &rng))
                uids.append(uid)
                try tx.insert(row("e\(i)", uid: uid))
            }
        }
        #expect(try uidEntries(store) == 0)
        try store.read { tx throws in
            for (i, uid) in uids.enumerated() {
                #expect(try tx.get(uid: uid)?.name == "e\(i)")
                #expect(try tx.get(resource: "/events", namespace: "default", name: "e\(i)")?.uid == uid)
            }
            // A uid differing in one digit, or naming a row that holds another uid, finds nothing.
            var other = Array(uids[3])
            other[35] = other[35] == "0" ? "1" : "0"
            #expect(try tx.get(uid: String(other)) == nil)
            #expect(try tx.get(uid: RowUID.uid(uuidV4(using: &rng), naming: 4)) == nil)
            #expect(try tx.list(resource: "/events", namespace: "default").map(\.uid).sorted() == uids.sorted())
        }
        // Updated (in place) and deleted rows: found as long as they exist, and the change log reads the uid back.
        try store.write { tx throws in
            var r = row("e5", uid: uids[5])
            r.resourceVersion = 2
            try tx.update(r, expectedResourceVersion: 1)
            try tx.delete(resource: "/events", namespace: "default", name: "e6")
        }
        #expect(try uidEntries(store) == 0)
        try store.read { tx throws in
            #expect(try tx.get(uid: uids[5])?.resourceVersion == 2)
            #expect(try tx.get(uid: uids[6]) == nil)
            let log = try tx.changes(resource: "/events", after: 0)
            #expect(log.last?.type == .deleted && log.last?.row.uid == uids[6])
            #expect(log.filter { $0.type == .added }.map(\.row.uid) == uids)
        }
    }

    @Test func otherUIDsKeepTheirEntries() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        var rng = SeededGenerator(seed: 2)
        let given = uuidV4(using: &rng)
        // A uid made for the next row, but another row is inserted first: kept with an entry.
        var late = ""
        try store.write { tx throws in
            try tx.insert(row("a", uid: given, resource: "/pods"))
            late = try tx.rowUID(uuidV4(using: &rng))
            try tx.insert(row("b", uid: try tx.rowUID(uuidV4(using: &rng))))
            try tx.insert(row("c", uid: late))
            try tx.insert(row("d", uid: "not-a-uuid"))
        }
        #expect(try uidEntries(store) == 3)
        try store.read { tx throws in
            #expect(try tx.get(uid: given)?.name == "a")
            #expect(try tx.get(uid: late)?.name == "c")
            #expect(try tx.get(uid: "not-a-uid") == nil)
            #expect(try tx.get(uid: "not-a-uuid")?.name == "d")
        }
    }

    /// A v12 store (every uid with its entry) opens as v13: its index keeps every entry and its rows are
    /// found by uid as before; rows written after have row uids.
    @Test func aVersion12StoreMigrates() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("v12.db")
        var rng = SeededGenerator(seed: 3)
        let old = uuidV4(using: &rng)
        do {
            let raw = try Database(path: path, busyTimeoutMilliseconds: 1000)
            try raw.addMigrationFunctions()
            try raw.execute("PRAGMA journal_mode = WAL")
            for sql in SQL.migrations.prefix(12) { try raw.execute(sql) }
            raw.schemaVersion = 12
            try raw.execute("PRAGMA application_id = \(StoreFile.applicationID); PRAGMA user_version = 12")
            let tx = StoreTransaction(db: raw, writable: true)
            try tx.insert(row("old", uid: old))
            tx.isOpen = false
        }
        let store = try Store(path: path)
        #expect(store.openedSchemaVersion == 12)
        #expect(try store.db.scalarInt("PRAGMA user_version") == 13)
        #expect(try uidEntries(store) == 1)
        var fresh = ""
        try store.write { tx throws in
            fresh = try tx.rowUID(uuidV4(using: &rng))
            try tx.insert(row("new", uid: fresh))
        }
        #expect(try uidEntries(store) == 1)
        try store.read { tx throws in
            #expect(try tx.get(uid: old)?.name == "old")
            #expect(try tx.get(uid: fresh)?.name == "new")
        }
    }
}
