import Testing
@testable import KubeStore

/// Schema v6 keeps objects' JSON deflated with a preset dictionary: what is read back is exactly what
/// was written, rows stored as text before v6 read as they are, and the stored bytes are fewer.
@Suite struct CompactDataTests {
    static let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"default","labels":{"app":"web"},"uid":"1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b","creationTimestamp":"2026-11-23T12:00:00Z","resourceVersion":"42"},"spec":{"containers":[{"name":"web","image":"nginx:1.27","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Always","nodeName":"node-1","note":"é ✓ \"quoted\" \\ <tag>"},"status":{"phase":"Running","podIP":"10.244.0.7"}}"#

    @Test func objectsReadBackExactlyAndAreStoredSmaller() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        let short = #"{"kind":"ConfigMap"}"#
        try store.write { tx in
            try tx.insert(ObjectRow(resource: "/pods", namespace: "default", name: "web-1", uid: "u1", resourceVersion: 1,
                                    data: CompactDataTests.pod))
            try tx.insert(ObjectRow(resource: "/configmaps", namespace: "default", name: "c", uid: "u2", resourceVersion: 2,
                                    data: short))
        }
        #expect(try store.read { try $0.get(resource: "/pods", namespace: "default", name: "web-1") }?.data == CompactDataTests.pod)
        #expect(try store.read { try $0.get(resource: "/configmaps", namespace: "default", name: "c") }?.data == short)
        #expect(try store.read { try $0.changes(resource: "/pods", after: 0) }.map(\.row.data) == [CompactDataTests.pod])
        let stored = try store.db.scalarInt("SELECT length(data) FROM object_data WHERE typeof(data) = 'blob'")
        #expect(stored > 0 && stored < Int64(CompactDataTests.pod.utf8.count) / 2)
        #expect(try store.db.scalarInt("SELECT count(*) FROM object_data WHERE typeof(data) = 'text'") == 1)
        try store.write { tx in try tx.delete(resource: "/pods", namespace: "default", name: "web-1") }
        let deleted = try store.read { try $0.changes(resource: "/pods", after: 0) }
        #expect(deleted.map(\.type) == [.added, .deleted])
        #expect(deleted.last?.row.data == CompactDataTests.pod)
    }

    @Test func aDamagedBlobIsReportedNotCrashed() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        try store.write { tx in
            try tx.insert(ObjectRow(resource: "/pods", namespace: "default", name: "web-1", uid: "u1", resourceVersion: 1,
                                    data: CompactDataTests.pod))
        }
        try store.db.execute("UPDATE object_data SET data = x'01FF0F0102030405'")
        #expect(throws: StoreError.self) { try store.read { try $0.get(resource: "/pods", namespace: "default", name: "web-1") } }
        try store.db.execute("UPDATE object_data SET data = x'07000102'")
        #expect(throws: StoreError.self) { try store.read { try $0.get(resource: "/pods", namespace: "default", name: "web-1") } }
    }

    /// Rows written in format 1 (the first v6 build's dictionary) and 2 read back after new rows moved to
    /// format 4 (schema v8's dictionary).
    @Test func formatOneRowsStayReadable() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        try store.write { tx in
            try tx.insert(ObjectRow(resource: "/events", namespace: "default", name: "web-1.1", uid: "u1", resourceVersion: 1,
                                    data: "{}"))
        }
        try store.db.execute("UPDATE object_data SET data = x'01ae01c356d811ee9396a726e91a82d75d21ca3b44050c0c7d60b020daf6409f2337d4e1d903deb84734eef0f7bf6a01'")
        let text = #"{"apiVersion":"v1","kind":"Event","metadata":{"name":"web-1.1","namespace":"default"},"reason":"Pulled","message":"Container image \"nginx:1.27\" already present on machine"}"#
        #expect(try store.read { try $0.get(resource: "/events", namespace: "default", name: "web-1.1") }?.data == text)
        try store.write { tx in
            try tx.insert(ObjectRow(resource: "/pods", namespace: "default", name: "web-1", uid: "u2", resourceVersion: 2,
                                    data: CompactDataTests.pod))
        }
        #expect(try store.db.scalarInt("SELECT count(*) FROM object_data WHERE substr(data, 1, 1) = x'04'") == 1)
        // A format-2 row (schema v6 and v7 wrote them) reads back too.
        let v2 = try #require(store.db.codec.encode(CompactDataTests.pod, format: DataCodec.deflateV2))
        #expect(v2.first == 2)
        let s = try store.db.statement("UPDATE object_data SET data = ?1 WHERE id = (SELECT id FROM objects WHERE name = 'web-1')")
        try s.bindData(1, CompactDataTests.pod, encoded: v2)
        try s.run()
        #expect(try store.read { try $0.get(resource: "/pods", namespace: "default", name: "web-1") }?.data == CompactDataTests.pod)
    }

    /// v7 backfills events' `involvedObject.name` into the field index from the stored objects,
    /// compressed (v6) or text rows alike.
    @Test func migrationSevenIndexesEventsByObjectName() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("s.db")
        let event = { (name: String, object: String) in
            #"{"apiVersion":"v1","kind":"Event","metadata":{"name":""# + name + #"","namespace":"default"},"involvedObject":{"kind":"Pod","namespace":"default","name":""# + object + #"","uid":"u-"# + object + #""},"reason":"Scheduled","message":"Successfully assigned default/"# + object + #" to node-1","type":"Normal"}"#
        }
        do {
            // The v6 layout, rows as v6 wrote them (compressed data; text rows stay readable).
            let raw = try Database(path: path, busyTimeoutMilliseconds: 1000)
            try raw.addMigrationFunctions()
            for sql in SQL.migrations.prefix(6) { try raw.execute(sql) }
            let rows: [(String, String)] = [("web-1.1", event("web-1.1", "web-1")), ("web-2.1", event("web-2.1", "web-2")),
                                            ("odd", #"{"kind":"Event","involvedObject":{"name":"web-1"}}"#)]
            for (i, (name, data)) in rows.enumerated() {
                try raw.execute("INSERT INTO objects (id, resource, namespace, name, uid, resource_version) VALUES (\(i + 1), '/events', 'default', '\(name)', 'e\(i + 1)', \(i + 1))")
                let s = try raw.statement("INSERT INTO object_data (id, data) VALUES (?1, ?2)")
                try s.bind(1, Int64(i + 1))
                try s.bindData(2, data)
                try s.run()
            }
            #expect(try raw.scalarInt("SELECT count(*) FROM object_data WHERE typeof(data) = 'blob'") == 2)
            try raw.execute("PRAGMA application_id = \(StoreFile.applicationID); PRAGMA user_version = 6")
        }
        let store = try Store(path: path)
        #expect(store.openedSchemaVersion == 6)
        #expect(try store.read {
            try $0.listSummaries(resource: "/events", namespace: "default", fields: [.equals("involvedObject.name", "web-1")]).map(\.name)
        } == ["odd", "web-1.1"])
        #expect(try store.read {
            try $0.listSummaries(resource: "/events", namespace: nil, fields: [.equals("involvedObject.name", "web-2")]).map(\.name)
        } == ["web-2.1"])
        #expect(try store.integrityCheck() == "ok")
    }
}
