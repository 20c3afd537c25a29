import Glibc
import Testing
@testable import KubeStore

/// Opening, creating, migrating and sharing store files.
@Suite struct StoreFileTests {
    @Test func openCreatesParentDirectoriesAndSchemaOnce() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("a/b/c/store.db")
        var seeded = 0
        do {
            let store = try Store(path: path) { tx in
                seeded += 1
                try tx.insert(row("/namespaces", "", name: "default"))
            }
            #expect(store.isNew)
            #expect(store.openedSchemaVersion == 0)
            #expect(fileExists(path))
        }
        let again = try Store(path: path) { _ in seeded += 100 }
        #expect(!again.isNew)
        #expect(again.openedSchemaVersion == Store.schemaVersion)
        #expect(seeded == 1)
        #expect(try again.read { try $0.list(resource: "/namespaces", namespace: nil).map(\.name) } == ["default"])
    }

    @Test func openingACurrentStoreWritesNothing() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("store.db")
        do {
            let store = try Store(path: path)
            try store.write { try $0.insert(row(name: "web")) }
        }
        // The last close checkpoints the WAL into the main file.
        let sizeBefore = fileSize(path)
        var before = stat()
        stat(path, &before)
        do {
            let store = try Store(path: path)
            #expect(try store.read { try $0.get(resource: "/pods", namespace: "default", name: "web") } != nil)
            #expect(fileSize(path + "-wal") <= 0)   // nothing was appended while open
        }
        var after = stat()
        stat(path, &after)
        #expect(fileSize(path) == sizeBefore)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    }

    @Test func storeIsInWALMode() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("store.db")
        _ = try Store(path: path)
        let raw = try Database(path: path, busyTimeoutMilliseconds: 1000)
        let s = try raw.statement("PRAGMA journal_mode")
        #expect(try s.step())
        #expect(s.text(0) == "wal")
    }

    @Test func newerSchemaIsRefused() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("store.db")
        _ = try Store(path: path)
        try Database(path: path, busyTimeoutMilliseconds: 1000).execute("PRAGMA user_version = 99")
        #expect(throws: StoreError.schemaTooNew(found: 99, supported: Store.schemaVersion)) {
            _ = try Store(path: path)
        }
    }

    @Test func garbageFileIsNotAStore() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("store.db")
        let fd = open(path, O_CREAT | O_WRONLY, 0o644)
        let junk = Array(repeating: UInt8(ascii: "x"), count: 4096)
        _ = junk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        // SQLite's "file is not a database" becomes the store's own refusal, in words.
        #expect(throws: StoreError.notAStore(path)) { _ = try Store(path: path) }
        #expect(fileSize(path) == 4096)
    }

    /// A v1 store written by hand with the original schema (not `SQL.schemaV1`, so an accidental
    /// edit of the old migration is caught) opens with the current code, keeps its rows and gains
    /// the later indexes.
    @Test func migratesFromVersion1() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("old.db")
        do {
            let raw = try Database(path: path, busyTimeoutMilliseconds: 1000)
            try raw.execute("""
                PRAGMA journal_mode = WAL;
                CREATE TABLE objects (
                    id INTEGER PRIMARY KEY, resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
                    uid TEXT NOT NULL, resource_version INTEGER NOT NULL, labels TEXT NOT NULL DEFAULT '{}',
                    owners TEXT NOT NULL DEFAULT '[]', cells TEXT NOT NULL DEFAULT '');
                CREATE UNIQUE INDEX objects_by_key ON objects (resource, namespace, name);
                CREATE INDEX objects_by_uid ON objects (uid);
                CREATE TABLE object_data (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
                CREATE TABLE object_owners (owner_uid TEXT NOT NULL, object_id INTEGER NOT NULL,
                    PRIMARY KEY (owner_uid, object_id)) WITHOUT ROWID;
                CREATE INDEX object_owners_by_object ON object_owners (object_id);
                CREATE TABLE config (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO counters VALUES ('resourceVersion', 12);
                INSERT INTO objects VALUES (1, 'apps/replicasets', 'default', 'web-1', 'rs-1', 10,
                    '{"app":"web"}', '["dep-1"]', 'web-1');
                INSERT INTO object_data VALUES (1, '{"kind":"ReplicaSet"}');
                INSERT INTO object_owners VALUES ('dep-1', 1);
                INSERT INTO objects VALUES (2, '/pods', 'default', 'web-1-x', 'pod-1', 12,
                    '{"app":"web","pod-template-hash":"1"}', '["rs-1"]', 'web-1-x');
                INSERT INTO object_data VALUES (2, '{"kind":"Pod"}');
                INSERT INTO object_owners VALUES ('rs-1', 2);
                INSERT INTO config VALUES ('namespace', 'default');
                PRAGMA user_version = 1;
                """)
        }
        let store = try Store(path: path)
        #expect(!store.isNew)
        #expect(store.openedSchemaVersion == 1)
        try store.read { tx throws in
            let pod = try tx.get(resource: "/pods", namespace: "default", name: "web-1-x")
            #expect(pod == ObjectRow(resource: "/pods", namespace: "default", name: "web-1-x", uid: "pod-1",
                                     resourceVersion: 12, labels: #"{"app":"web","pod-template-hash":"1"}"#,
                                     ownerUIDs: ["rs-1"], cells: "web-1-x", data: #"{"kind":"Pod"}"#))
            #expect(try tx.dependents(ofUID: "rs-1").map(\.name) == ["web-1-x"])
            #expect(try tx.config("namespace") == "default")
            #expect(try tx.currentResourceVersion() == 12)
            // The v2 label index was backfilled from the old rows.
            #expect(try tx.listSummaries(resource: "/pods", namespace: nil, labels: [.equals("app", "web")]).map(\.name)
                    == ["web-1-x"])
            #expect(try tx.listSummaries(resource: "apps/replicasets", namespace: "default",
                                         labels: [.doesNotExist("pod-template-hash")]).map(\.name) == ["web-1"])
            // The v4 field index was backfilled: the pod is not on a node yet and counts as one to schedule.
            #expect(try tx.listSummaries(resource: "/pods", namespace: nil, fields: [.equals("spec.nodeName", "")]).map(\.name)
                    == ["web-1-x"])
            #expect(try tx.fieldCounts("#activeNode") == ["": 1])
            #expect(try tx.keys(resource: "/pods", field: "#activeNode", value: "").map(\.name) == ["web-1-x"])
        }
        try store.write { tx throws in
            #expect(try tx.nextResourceVersion() == 13)
            try tx.insert(row(name: "new", labels: #"{"app":"web"}"#))
        }
        #expect(try store.integrityCheck() == "ok")
        let reopened = try Store(path: path)
        #expect(reopened.openedSchemaVersion == Store.schemaVersion)
        #expect(try reopened.read {
            try $0.listSummaries(resource: "/pods", namespace: "default", labels: [.equals("app", "web")]).map(\.name)
        } == ["new", "web-1-x"])
    }

    /// Two connections (two `Store`s on one file, each on its own thread) each increment one
    /// row 200 times with read-modify-write inside `write {}`: no update is lost, nothing is busy.
    @Test func concurrentWritersLoseNoUpdate() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("shared.db")
        try Store(path: path).write { try $0.insert(row(name: "counter", rv: 0, data: "0")) }
        let failures = Locked<[String]>([])
        let increments = 200
        let worker: () -> Void = {
            do {
                let store = try Store(path: path)
                for _ in 0..<increments {
                    try store.write { tx in
                        guard var current = try tx.get(resource: "/pods", namespace: "default", name: "counter"),
                              let n = Int(current.data) else { throw StoreError.notFound }
                        let expected = current.resourceVersion
                        current.data = String(n + 1)
                        current.resourceVersion = try tx.nextResourceVersion()
                        try tx.update(current, expectedResourceVersion: expected)
                    }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        runOnThreads([worker, worker])
        #expect(failures.withLock { $0 } == [])
        let store = try Store(path: path)
        let counter = try store.read { try $0.get(resource: "/pods", namespace: "default", name: "counter") }
        #expect(counter?.data == String(2 * increments))
        #expect(counter?.resourceVersion == Int64(2 * increments))
    }

    /// Two threads opening a missing file at once: the schema and the seed are created exactly once.
    @Test func concurrentFirstOpenCreatesOnce() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("new.db")
        let results = Locked<[String]>([])
        let opener: () -> Void = {
            do {
                let store = try Store(path: path) { tx in
                    try tx.insert(row("/namespaces", "", name: "default", rv: try tx.nextResourceVersion()))
                }
                results.withLock { $0.append(store.isNew ? "new" : "existing") }
            } catch {
                results.withLock { $0.append("\(error)") }
            }
        }
        runOnThreads([opener, opener, opener])
        #expect(results.withLock { $0.sorted() } == ["existing", "existing", "new"])
        let store = try Store(path: path)
        #expect(try store.read { try $0.count(resource: "/namespaces", namespace: nil) } == 1)
    }
}
