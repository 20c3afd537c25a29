import Testing
@testable import KubeStore

/// Schema v11: an event named `<involved object's name>.<hex>` keeps no `involvedObject.name` entry in
/// the field index; lists by that field (equal and not equal, one namespace or all, with an expiry
/// floor) still return exactly the rows an in-memory filter of every row returns, in key order.
@Suite struct NameDerivedFieldTests {
    struct Event {
        var namespace: String, name: String, involved: String
    }

    /// Names that carry their object's name, and names that look like they do but do not.
    static let events: [Event] = [
        Event(namespace: "ns-a", name: "web-1.18eaaacd4929d29b", involved: "web-1"),
        Event(namespace: "ns-a", name: "web-1.18eaaacd4929d29c", involved: "web-1"),
        Event(namespace: "ns-b", name: "web-1.18eaaacd4929d29b", involved: "web-1"),
        Event(namespace: "ns-a", name: "a.1", involved: "a"),
        Event(namespace: "ns-a", name: "a.b.2f", involved: "a.b"),
        Event(namespace: "ns-a", name: "a.b.3", involved: "a"),
        Event(namespace: "ns-a", name: "a.4", involved: "x"),
        Event(namespace: "ns-a", name: "a.1F", involved: "a"),
        Event(namespace: "ns-a", name: "a.18eaaacd4929d29b0", involved: "a"),
        Event(namespace: "ns-a", name: "a.", involved: "a"),
        Event(namespace: "ns-a", name: ".5", involved: ""),
        Event(namespace: "ns-a", name: "a", involved: "a"),
        Event(namespace: "ns-a", name: "a-1.0", involved: "a-1"),
        Event(namespace: "ns-b", name: "a.6", involved: "a"),
        Event(namespace: "ns-b", name: "a/b.7", involved: "a/b"),
        Event(namespace: "ns-B", name: "\u{e9}t\u{e9}.8", involved: "\u{e9}t\u{e9}"),
        Event(namespace: "ns-B", name: "a.9", involved: "a.9"),
    ]

    static func write(_ tx: StoreTransaction, _ e: Event, rv: Int64) throws {
        try tx.insert(ObjectRow(resource: "/events", namespace: e.namespace, name: e.name, uid: "uid-\(e.namespace)-\(e.name)",
                                resourceVersion: rv, data: #"{"metadata":{"name":"\#(e.name)"}}"#,
                                fields: [IndexedField("involvedObject.name", e.involved)]))
    }

    static func makeStore() throws -> Store {
        let store = try Store.inMemory()
        try store.write { tx in
            for (i, e) in events.enumerated() { try write(tx, e, rv: Int64(i + 1)) }
            // Another resource with the same name and field: never listed with the events.
            try tx.insert(ObjectRow(resource: "/pods", namespace: "ns-a", name: "a.1", uid: "uid-pod", resourceVersion: 100,
                                    data: "{}", fields: [IndexedField("involvedObject.name", "a")]))
        }
        return store
    }

    static func expected(_ events: [Event], namespace: String?, _ keep: (Event) -> Bool) -> [String] {
        events.filter { (namespace == nil || $0.namespace == namespace) && keep($0) }
            .sorted { ($0.namespace.utf8.lexicographicallyPrecedes($1.namespace.utf8)) || ($0.namespace == $1.namespace
                && $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)) }
            .map { $0.namespace + "/" + $0.name }
    }

    static func listed(_ tx: StoreTransaction, namespace: String?, _ terms: [FieldTerm]) throws -> [String] {
        try tx.listSummaries(resource: "/events", namespace: namespace, fields: terms).map { $0.namespace + "/" + $0.name }
    }

    @Test func onlyNamesThatCarryTheirObjectSkipTheEntry() throws {
        #expect(NameDerivedField.value(fromName: "web-1.18eaaacd4929d29b") == "web-1")
        #expect(NameDerivedField.value(fromName: "a.b.2f") == "a.b")
        for name in ["a.1F", "a.18eaaacd4929d29b0", "a.", ".5", "a", "a.g"] {
            #expect(NameDerivedField.value(fromName: name) == nil)
        }
        let store = try NameDerivedFieldTests.makeStore()
        let kept = try store.db.scalarInt("SELECT count(*) FROM object_fields WHERE name = 'involvedObject.name'")
        let carried = NameDerivedFieldTests.events.filter { NameDerivedField.value(fromName: $0.name) == $0.involved }.count
        #expect(carried == 9)
        #expect(kept == Int64(NameDerivedFieldTests.events.count - carried + 1))
        #expect(try store.db.scalarInt("SELECT count(*) FROM objects WHERE resource = '/events' AND fields = ''") == Int64(carried))
    }

    @Test func listsByTheFieldMatchAnInMemoryFilter() throws {
        let store = try NameDerivedFieldTests.makeStore()
        let values = Set(NameDerivedFieldTests.events.map(\.involved)).union(["web", "a.b.2f", "zz"]).sorted()
        try store.read { tx throws in
            for namespace in [nil, "ns-a", "ns-b", "ns-B", "ns-c"] as [String?] {
                for v in values {
                    #expect(try NameDerivedFieldTests.listed(tx, namespace: namespace, [.equals("involvedObject.name", v)])
                        == NameDerivedFieldTests.expected(NameDerivedFieldTests.events, namespace: namespace) { $0.involved == v })
                    #expect(try NameDerivedFieldTests.listed(tx, namespace: namespace, [.notEquals("involvedObject.name", v)])
                        == NameDerivedFieldTests.expected(NameDerivedFieldTests.events, namespace: namespace) { $0.involved != v })
                }
                #expect(try NameDerivedFieldTests.listed(tx, namespace: namespace, [.equals("involvedObject.name", "a"),
                                                                                   .notEquals("involvedObject.name", "x")])
                    == NameDerivedFieldTests.expected(NameDerivedFieldTests.events, namespace: namespace) { $0.involved == "a" })
            }
            // Full rows too, and one at a time.
            #expect(try tx.list(resource: "/events", namespace: "ns-a", fields: [.equals("involvedObject.name", "web-1")]).map(\.data)
                == [#"{"metadata":{"name":"web-1.18eaaacd4929d29b"}}"#, #"{"metadata":{"name":"web-1.18eaaacd4929d29c"}}"#])
            var seen: [String] = []
            try tx.forEach(resource: "/events", namespace: nil, fields: [.equals("involvedObject.name", "a")], full: true) {
                seen.append($0.namespace + "/" + $0.name)
            }
            #expect(seen == ["ns-a/a.1", "ns-a/a.1F", "ns-a/a.18eaaacd4929d29b0", "ns-a/a.b.3", "ns-a/a.", "ns-a/a", "ns-b/a.6"]
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
        // Expired rows stay hidden.
        try store.read { tx throws in
            tx.expiry = ("/events", 2)
            #expect(try NameDerivedFieldTests.listed(tx, namespace: "ns-a", [.equals("involvedObject.name", "web-1")])
                == ["ns-a/web-1.18eaaacd4929d29c"])
        }
    }

    /// An event whose object changes gets the entry it now needs, and loses it again.
    @Test func rewritesMoveTheEntry() throws {
        let store = try NameDerivedFieldTests.makeStore()
        func count() throws -> Int64 { try store.db.scalarInt("SELECT count(*) FROM object_fields WHERE object_id = (SELECT id FROM objects WHERE resource = '/events' AND namespace = 'ns-a' AND name = 'a.1')") }
        func listed(_ v: String) throws -> [String] {
            try store.read { try NameDerivedFieldTests.listed($0, namespace: "ns-a", [.equals("involvedObject.name", v)]) }
        }
        #expect(try count() == 0)
        for (involved, entries, deferred) in [("q", 1, false), ("a", 0, false), ("q", 1, true), ("a", 0, true)] as [(String, Int64, Bool)] {
            try store.write { tx in
                var e = try #require(try tx.get(resource: "/events", namespace: "ns-a", name: "a.1"))
                e.fields = [IndexedField("involvedObject.name", involved)]
                e.resourceVersion += 100
                try tx.update(e, expectedResourceVersion: nil, deferred: deferred)
            }
            #expect(try count() == entries)
            #expect(try listed("q") == (involved == "q" ? ["ns-a/a.1"] : []))
            #expect(try listed("a").contains("ns-a/a.1") == (involved == "a"))
        }
        // Deferred inserts, updated before their side tables are written.
        try store.write { tx in
            try tx.insert(ObjectRow(resource: "/events", namespace: "ns-a", name: "p.1", uid: "u-p", resourceVersion: 500, data: "{}",
                                    fields: [IndexedField("involvedObject.name", "p")]), deferred: true)
            try tx.update(ObjectRow(resource: "/events", namespace: "ns-a", name: "p.1", uid: "u-p", resourceVersion: 501, data: "{}",
                                    fields: [IndexedField("involvedObject.name", "p2")]), expectedResourceVersion: 500)
            try tx.insert(ObjectRow(resource: "/events", namespace: "ns-a", name: "p.2", uid: "u-p2", resourceVersion: 502, data: "{}",
                                    fields: [IndexedField("involvedObject.name", "p")]), deferred: true)
        }
        #expect(try listed("p") == ["ns-a/p.2"])
        #expect(try listed("p2") == ["ns-a/p.1"])
        try store.write { tx in
            for name in ["a.1", "p.1", "p.2"] { try tx.delete(resource: "/events", namespace: "ns-a", name: name) }
        }
        #expect(try store.db.scalarInt("SELECT count(*) FROM object_fields f WHERE NOT EXISTS (SELECT 1 FROM objects o WHERE o.id = f.object_id)") == 0)
        #expect(try store.integrityCheck() == "ok")
    }

    /// A v9 store (every event with its entry) opens as v11 and lists the same events; an event written
    /// again drops the entry its name carries, and is still found.
    @Test func aVersion9StoreListsTheSameEvents() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("v9.db")
        do {
            let raw = try Database(path: path, busyTimeoutMilliseconds: 1000)
            try raw.addMigrationFunctions()
            try raw.execute("PRAGMA journal_mode = WAL")
            for sql in SQL.migrations.prefix(9) { try raw.execute(sql) }
            try raw.execute("""
                INSERT INTO field_names (code, name) VALUES (1, 'involvedObject.name');
                INSERT INTO objects (id, resource, namespace, name, uid, resource_version, fields) VALUES
                    (1, '/events', 'default', 'web-1.18eaaacd4929d29b', 'u1', 5, '1:5:web-1'),
                    (2, '/events', 'default', 'web-2.18eaaacd4929d29c', 'u2', 6, '1:5:web-2');
                INSERT INTO object_data VALUES (1, '{"n":1}'), (2, '{"n":2}');
                INSERT INTO object_fields VALUES ('involvedObject.name', 'web-1', 1), ('involvedObject.name', 'web-2', 2);
                UPDATE counters SET value = 6;
                PRAGMA application_id = \(StoreFile.applicationID);
                PRAGMA user_version = 9;
                """)
        }
        let store = try Store(path: path)
        #expect(store.openedSchemaVersion == 9)
        #expect(Store.schemaVersion >= 11)
        #expect(try store.db.scalarInt("PRAGMA user_version") == Int64(Store.schemaVersion))
        func names(_ v: String) throws -> [String] {
            try store.read { try $0.list(resource: "/events", namespace: "default", fields: [.equals("involvedObject.name", v)]).map(\.name) }
        }
        #expect(try names("web-1") == ["web-1.18eaaacd4929d29b"])
        #expect(try names("web-2") == ["web-2.18eaaacd4929d29c"])
        try store.write { tx in
            var e = try #require(try tx.get(resource: "/events", namespace: "default", name: "web-1.18eaaacd4929d29b"))
            e.fields = [IndexedField("involvedObject.name", "web-1")]
            e.resourceVersion = 7
            try tx.update(e, expectedResourceVersion: 5)
        }
        #expect(try store.db.scalarInt("SELECT count(*) FROM object_fields") == 1)
        #expect(try names("web-1") == ["web-1.18eaaacd4929d29b"])
        #expect(try names("web-2") == ["web-2.18eaaacd4929d29c"])
        #expect(try store.integrityCheck() == "ok")
    }
}
