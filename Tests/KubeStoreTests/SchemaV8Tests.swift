import Testing
@testable import KubeStore

/// Schema v8 (a smaller store): a v7 store migrates keeping every object, its indexes and the event
/// correlator's keys; the new layout (uids as bytes, deflated long cells, field entries kept in the row,
/// aliases) reads back exactly what was written.
@Suite struct SchemaV8Tests {
    static let podUID = "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"
    static let eventUID = "9f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5"
    static let eventCells = "\u{1E}1795435200\u{1D}\u{1D}\u{1F}Normal\u{1F}Scheduled\u{1F}pod/web-1\u{1F}\u{1F}default-scheduler\u{1F}"
        + "Successfully assigned default/web-1 to node-1\u{1F}\u{1E}1795435200\u{1D}\u{1D}\u{1F}1\u{1F}web-1.18eaaacd4929d29b"
    static let event = #"{"apiVersion":"v1","kind":"Event","metadata":{"name":"web-1.18eaaacd4929d29b","namespace":"default","uid":"9f0c1d2e-3a4b-4c5d-8e6f-708192a3b4c5"},"involvedObject":{"kind":"Pod","name":"web-1","namespace":"default","uid":"1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"},"reason":"Scheduled","message":"Successfully assigned default/web-1 to node-1"}"#

    /// 64-bit FNV-1a, as the API layer hashes the correlator's text.
    static func fnv64a(_ s: String) -> Int64 {
        var h: UInt64 = 14_695_981_039_346_656_037
        for b in s.utf8 { h ^= UInt64(b); h = h &* 1_099_511_628_211 }
        return Int64(bitPattern: h)
    }

    /// A store in the v7 layout, written as v7 wrote it (text uids and cells, both field indexes, the
    /// correlator's key in `config`): a pod on node-1 and its event.
    static func makeV7(_ path: String) throws {
        let raw = try Database(path: path, busyTimeoutMilliseconds: 1000)
        try raw.addMigrationFunctions()
        try raw.execute("PRAGMA journal_mode = WAL")
        for sql in SQL.migrations.prefix(7) { try raw.execute(sql) }
        let pod = CompactDataTests.pod
        try raw.execute("""
            INSERT INTO objects VALUES (1, '/pods', 'default', 'web-1', '\(podUID)', 42, '{"app":"web"}', '[]', 'web-1\u{1F}1/1');
            INSERT INTO object_labels VALUES ('app', 'web', 1);
            INSERT INTO object_fields VALUES ('spec.nodeName', 'node-1', 1), ('status.phase', 'Running', 1), ('#activeNode', 'node-1', 1);
            INSERT INTO objects VALUES (2, '/events', 'default', 'web-1.18eaaacd4929d29b', '\(eventUID)', 43, '{}', '[]', '\(eventCells)');
            INSERT INTO object_data VALUES (2, '\(event)');
            INSERT INTO object_fields VALUES ('involvedObject.uid', '\(podUID)', 2), ('involvedObject.name', 'web-1', 2);
            INSERT INTO config VALUES ('event.key/default/1f2e3d4c5b6a7988', 'web-1.18eaaacd4929d29b');
            INSERT INTO config VALUES ('namespace', 'default');
            UPDATE counters SET value = 43;
            PRAGMA application_id = \(StoreFile.applicationID);
            PRAGMA user_version = 7;
            """)
        let s = try raw.statement("INSERT INTO object_data (id, data) VALUES (1, ?1)")
        try s.bindData(1, pod)
        try s.run()
    }

    @Test func aVersion7StoreKeepsEveryObjectAndIndex() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("v7.db")
        try SchemaV8Tests.makeV7(path)
        let store = try Store(path: path)
        #expect(store.openedSchemaVersion == 7)
        try store.read { tx throws in
            let pod = try tx.get(resource: "/pods", namespace: "default", name: "web-1")
            #expect(pod == ObjectRow(resource: "/pods", namespace: "default", name: "web-1", uid: SchemaV8Tests.podUID,
                                     resourceVersion: 42, labels: #"{"app":"web"}"#, cells: "web-1\u{1F}1/1",
                                     data: CompactDataTests.pod))
            let event = try tx.get(resource: "/events", namespace: "default", name: "web-1.18eaaacd4929d29b")
            #expect(event?.uid == SchemaV8Tests.eventUID)
            // The API layer computes an event's cells from its object (a v8 event row keeps none).
            #expect(event?.cells == "")
            #expect(event?.data == SchemaV8Tests.event)
            #expect(try tx.get(uid: SchemaV8Tests.podUID)?.name == "web-1")
            #expect(try tx.get(uid: SchemaV8Tests.eventUID)?.name == "web-1.18eaaacd4929d29b")
            #expect(try tx.listSummaries(resource: "/pods", namespace: nil, fields: [.equals("spec.nodeName", "node-1")]).map(\.name) == ["web-1"])
            #expect(try tx.listSummaries(resource: "/events", namespace: "default", fields: [.equals("involvedObject.name", "web-1")])
                .map(\.name) == ["web-1.18eaaacd4929d29b"])
            #expect(try tx.fieldCounts("#activeNode") == ["node-1": 1])
            #expect(try tx.config("namespace") == "default")
            #expect(try tx.config("event.key/default/1f2e3d4c5b6a7988") == nil)
            #expect(try tx.get(alias: SchemaV8Tests.fnv64a("default/1f2e3d4c5b6a7988"))?.name == "web-1.18eaaacd4929d29b")
            #expect(try tx.currentResourceVersion() == 43)
        }
        #expect(try store.db.scalarInt("SELECT count(*) FROM object_fields WHERE name = 'involvedObject.uid'") == 0)
        #expect(try store.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'object_fields_by_object'") == 0)
        #expect(try store.db.scalarInt("SELECT count(*) FROM objects WHERE typeof(uid) = 'blob' AND length(uid) = 16") == 2)
        #expect(try store.db.scalarInt("SELECT count(*) FROM objects WHERE cells = ''") == 1)
        // The migrated row's field entries are found again when it changes and when it goes.
        try store.write { tx in
            var pod = try #require(try tx.get(resource: "/pods", namespace: "default", name: "web-1"))
            pod.fields = [IndexedField("spec.nodeName", "node-1"), IndexedField("status.phase", "Succeeded")]
            try tx.update(pod, expectedResourceVersion: 42)
        }
        #expect(try store.read { try $0.fieldCounts("#activeNode") } == [:])
        #expect(try store.read { try $0.listSummaries(resource: "/pods", namespace: nil, fields: [.equals("status.phase", "Succeeded")]) }
            .map(\.name) == ["web-1"])
        try store.write { tx in
            try tx.delete(resource: "/pods", namespace: "default", name: "web-1")
            try tx.delete(resource: "/events", namespace: "default", name: "web-1.18eaaacd4929d29b")
        }
        #expect(try store.db.scalarInt("SELECT count(*) FROM object_fields") == 0)
        #expect(try store.read { try $0.changes(resource: "/events", after: 0) }.map(\.row.data) == [SchemaV8Tests.event])
        #expect(try store.integrityCheck() == "ok")
    }

    /// Uids in the API server's form are stored as 16 bytes, any other uid as text; both read back
    /// exactly, by key, by uid, in lists and in the change log.
    @Test func uidsAndLongCellsReadBackExactly() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try Store(path: dir.file("s.db"))
        let uids = [SchemaV8Tests.podUID, "1B4E28BA-2FA1-4D3B-A3F5-EF19B5A7633B", "u-1", "", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633", "x"
                    + String(SchemaV8Tests.podUID.dropFirst())]
        try store.write { tx in
            for (i, uid) in uids.enumerated() {
                try tx.insert(row("/events", name: "e\(i)", uid: uid, cells: SchemaV8Tests.eventCells + String(i)))
            }
        }
        try store.read { tx throws in
            #expect(try tx.listSummaries(resource: "/events", namespace: nil).map(\.uid) == uids)
            #expect(try tx.listSummaries(resource: "/events", namespace: nil).map(\.cells)
                == uids.indices.map { SchemaV8Tests.eventCells + String($0) })
            for (i, uid) in uids.enumerated() where !uid.isEmpty {
                #expect(try tx.get(uid: uid)?.name == "e\(i)")
            }
            #expect(try tx.changes(resource: "/events", after: 0).map(\.row.uid) == uids)
        }
        #expect(try store.db.scalarInt("SELECT count(*) FROM objects WHERE typeof(uid) = 'blob'") == 1)
        try store.write { tx in try tx.delete(resource: "/events", namespace: "default", name: "e0") }
        #expect(try store.read { try $0.changes(resource: "/events", after: 0) }.last?.row.uid == SchemaV8Tests.podUID)
    }

    /// An alias names the row inserted with it until another row takes it over.
    @Test func aliasesNameTheirLatestRow() throws {
        let store = try Store.inMemory()
        try store.write { tx in
            try tx.insert(row("/events", name: "a"), alias: 7)
            try tx.insert(row("/events", name: "b"), alias: -3)
        }
        #expect(try store.read { try $0.get(alias: 7)?.name } == "a")
        #expect(try store.read { try $0.get(alias: -3)?.data } == #"{"metadata":{"name":"b"}}"#)
        #expect(try store.read { try $0.get(alias: 8) } == nil)
        try store.write { tx in try tx.insert(row("/events", name: "c"), alias: 7) }
        #expect(try store.read { try $0.get(alias: 7)?.name } == "c")
    }

    /// A field name seen first in a transaction that rolls back is not remembered with a stale code.
    @Test func aRolledBackFieldNameIsForgotten() throws {
        let store = try Store.inMemory()
        struct Failure: Error {}
        _ = try? store.write { tx in
            var r = row(name: "a")
            r.fields = [IndexedField("spec.other", "1")]
            try tx.insert(r)
            throw Failure()
        }
        try store.write { tx in
            try tx.insert(row("/configmaps", name: "first", data: "{}"))
            var r = row(name: "b")
            r.fields = [IndexedField("spec.nodeName", "n"), IndexedField("spec.other", "2")]
            try tx.insert(r)
        }
        try store.write { tx in try tx.delete(resource: "/pods", namespace: "default", name: "b") }
        #expect(try store.db.scalarInt("SELECT count(*) FROM object_fields") == 0)
    }
}
