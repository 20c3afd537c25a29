import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// The SQLite object store: one file, one connection per `Store`, all access inside
/// `read {}` / `write {}` transactions. It knows rows, keys, resource versions and
/// transactions, and nothing about Kubernetes (the KubeAPI layer above owns that).
///
/// Concurrency: several processes (or several `Store`s in one process, one per thread) may use
/// one file at once. The file is in WAL mode, so readers never block the writer; writers queue on
/// `BEGIN IMMEDIATE` with a 30 s busy timeout plus a retry loop, so a read-modify-write inside
/// `write {}` never loses an update and never reports "database is locked".
/// A `Store` itself is not thread-safe: use it from one thread at a time.
public final class Store {
    /// How long SQLite waits for another connection's lock before reporting SQLITE_BUSY.
    public static let busyTimeoutMilliseconds: Int32 = 30_000
    /// How long `write {}` keeps retrying `BEGIN IMMEDIATE` after SQLite gave up waiting.
    static let busyRetryLimitSeconds = 120

    /// The schema version this code writes (`PRAGMA user_version`).
    public static var schemaVersion: Int32 { SQL.currentVersion }

    let db: Database
    public let path: String
    /// True when this open created the schema (a new, empty store). `onCreate` ran in the same
    /// transaction, so no other process can see the store half-initialised.
    public let isNew: Bool
    /// The schema version found on open, before any migration (0 for a new store).
    public let openedSchemaVersion: Int32

    private var current: StoreTransaction?
    /// Whether a transaction is open (a `write` inside it is a savepoint).
    public var inTransaction: Bool { current != nil }

    /// True when this user may read the store but not write it: reads work, writes throw `.readOnly`.
    public let isReadOnly: Bool

    /// Opens (or creates) the store at `path`, following `StoreFile`'s policy. Creates missing parent
    /// directories (0700), the file (0600) and the schema; migrates an older schema. Opening an existing
    /// current store performs no writes. A file that is not a kubectl-local store is refused untouched.
    /// `onCreate` runs inside the creating transaction, only when the store is new (to seed it).
    public convenience init(path: String, onCreate: ((StoreTransaction) throws -> Void)? = nil) throws {
        try self.init(path: path, inMemory: false, onCreate: onCreate)
    }

    private init(path: String, inMemory: Bool, onCreate: ((StoreTransaction) throws -> Void)?) throws {
        if !inMemory, try !StoreFile.check(path) { try StoreFile.create(path) }
        let (db, found) = try Store.openDatabase(path, inMemory: inMemory)
        if !inMemory { try StoreFile.checkOwnership(db, path: path, userVersion: found) }
        self.db = db
        self.path = path
        self.openedSchemaVersion = found
        self.isReadOnly = db.isReadOnly
        db.schemaVersion = found
        if found == SQL.currentVersion || (isReadOnly && found > 0) {
            // A read-only user reads an older schema as it is (migrations only add).
            isNew = false
            return
        }
        if isReadOnly { throw StoreError.readOnly }
        if found > SQL.currentVersion {
            throw StoreError.schemaTooNew(found: found, supported: SQL.currentVersion)
        }
        if found == 0 && !inMemory {
            // Persistent in the file: set once, at creation.
            try Store.retryingBusy { try db.execute(SQL.journalModeWAL) }
        }
        isNew = try Store.migrate(db, onCreate: onCreate)
        db.schemaVersion = SQL.currentVersion
    }

    /// Opens the connection and reads the schema version. A file this user may not write is opened
    /// read-only; when SQLite cannot share its WAL index with such a user (no `-shm` beside the store and
    /// no right to create one), it is read as an immutable file (what the last writer checkpointed).
    private static func openDatabase(_ path: String, inMemory: Bool) throws -> (Database, Int32) {
        func open(_ access: Database.Access) throws -> (Database, Int32) {
            let db = try Database(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds, access: access)
            try db.execute(SQL.synchronousNormal)
            if !inMemory { try db.execute(SQL.mmapSize) }
            let version = Int32(truncatingIfNeeded: try db.scalarInt(SQL.readUserVersion))
            // A read-only connection learns whether it can use the WAL index at its first real read.
            if access == .readOnly { _ = try db.scalarInt("SELECT count(*) FROM sqlite_master") }
            return (db, version)
        }
        do {
            if inMemory { return try open(.readWriteCreate) }
            if access(path, W_OK) == 0 { return try open(.readWrite) }
            do { return try open(.readOnly) } catch StoreError.sqlite(let code, _, _)
                where [SQLITE_CANTOPEN, SQLITE_READONLY].contains(code & 0xff) {
                return try open(.immutable)
            }
        } catch StoreError.sqlite(let code, _, _) where code & 0xff == SQLITE_NOTADB {
            throw StoreError.notAStore(path)
        }
    }

    /// A private in-memory store (tests, `--dry-run` style scratch work).
    public static func inMemory(onCreate: ((StoreTransaction) throws -> Void)? = nil) throws -> Store {
        try Store(path: ":memory:", inMemory: true, onCreate: onCreate)
    }

    /// Applies the missing migrations in one `BEGIN IMMEDIATE` transaction. The version is re-read
    /// under the write lock, so two processes opening a new file at once create the schema once.
    /// Returns true when this call created the schema from nothing.
    private static func migrate(_ db: Database, onCreate: ((StoreTransaction) throws -> Void)?) throws -> Bool {
        try retryingBusy { try db.execute(SQL.beginImmediate) }
        do {
            let version = Int32(truncatingIfNeeded: try db.scalarInt(SQL.readUserVersion))
            if version > SQL.currentVersion {
                throw StoreError.schemaTooNew(found: version, supported: SQL.currentVersion)
            }
            if version < SQL.currentVersion { try db.addMigrationFunctions() }
            for step in Int(version)..<SQL.migrations.count {
                try db.execute(SQL.migrations[step])
            }
            if version != SQL.currentVersion {
                try db.execute(SQL.setUserVersion(SQL.currentVersion))
            }
            // The seed below is written in the current layout.
            db.schemaVersion = SQL.currentVersion
            let created = version == 0
            if created { try db.execute("PRAGMA application_id = \(StoreFile.applicationID)") }
            if created, let onCreate {
                let tx = StoreTransaction(db: db, writable: true)
                defer { tx.isOpen = false }
                try onCreate(tx)
                try tx.flushAll()
                try tx.flushResourceVersion()
            }
            try db.execute(SQL.commit)
            return created
        } catch {
            if db.isInTransaction { try? db.execute(SQL.rollback) }
            db.forgetFieldNames()
            throw error
        }
    }

    // MARK: Transactions

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE` ... `COMMIT`); any error thrown by
    /// `body` rolls everything back and is rethrown. Nested inside another `write`, it runs in a
    /// savepoint, so a nested failure undoes only the nested work.
    public func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        if let tx = current {
            guard tx.writable else { throw StoreError.misuse("write inside a read transaction") }
            if isReadOnly { throw StoreError.readOnly }
            // Deferred side tables and settings never span a savepoint's bounds: a rollback forgets all of them.
            try tx.flushAll()
            try db.runCached(SQL.savepoint)
            do {
                let result = try body(tx)
                try tx.flushAll()
                try db.runCached(SQL.releaseSavepoint)
                return result
            } catch {
                tx.discardPending()
                try? db.runCached(SQL.rollbackToSavepoint)
                try? db.runCached(SQL.releaseSavepoint)
                db.forgetFieldNames()
                throw error
            }
        }
        if isReadOnly { throw StoreError.readOnly }
        try Store.retryingBusy { try db.execute(SQL.beginImmediate) }
        let result = try run(body, writable: true)
        truncateLargeWAL()
        return result
    }

    /// Runs `body` (a run of large write transactions, such as `create -f`'s batches) with a larger page
    /// cache (8 MB): with SQLite's default 2 MB, a transaction of a few hundred objects spills dirty pages
    /// into the WAL before its commit and writes many of them twice. 8 MB, not more: the cache grows to
    /// its limit as pages are used and counts in the peak memory. Back to the default afterwards. Each savepoint's journal (the
    /// pages as they were before the object's writes, to roll one object back) stays in memory too
    /// instead of going to a temporary file once it passes 64 KB.
    public func withLargeWriteCache<T>(_ body: () throws -> T) throws -> T {
        try setLargeWriteCache(true)
        defer { try? setLargeWriteCache(false) }
        return try body()
    }

    /// `withLargeWriteCache` in two calls: true sets the large cache, false restores the defaults.
    public func setLargeWriteCache(_ on: Bool) throws {
        try db.execute(on ? SQL.cacheSizeLarge + "; " + SQL.tempStoreMemory : SQL.cacheSizeDefault + "; " + SQL.tempStoreDefault)
    }

    /// WAL size above which a write is followed by a truncating checkpoint.
    static let walTruncateThresholdBytes = 4 << 20

    /// A process that exits without closing leaves its WAL behind, and every later open must scan
    /// ("recover") all of it: about 10 ms for 20 MB. After a large write, checkpoint and truncate
    /// it right away (best effort: skipped when readers are in the way).
    private func truncateLargeWAL() {
        guard path != ":memory:" else { return }
        var st = stat()
        guard stat(path + "-wal", &st) == 0, Int(st.st_size) > Store.walTruncateThresholdBytes else { return }
        try? db.execute(SQL.checkpointTruncate)
    }

    /// Runs `body` on a consistent snapshot (a deferred transaction; WAL readers never block).
    /// Nested inside a `read` or `write`, it shares the enclosing transaction.
    public func read<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        if let tx = current { return try body(tx) }
        try Store.retryingBusy { try db.execute(SQL.beginDeferred) }
        return try run(body, writable: false)
    }

    private func run<T>(_ body: (StoreTransaction) throws -> T, writable: Bool) throws -> T {
        let tx = StoreTransaction(db: db, writable: writable)
        current = tx
        defer {
            tx.isOpen = false
            current = nil
        }
        do {
            let result = try body(tx)
            if writable {
                try tx.flushAll()
                try tx.flushResourceVersion()
            }
            try Store.retryingBusy { try db.execute(SQL.commit) }
            return result
        } catch {
            if db.isInTransaction { try? db.execute(SQL.rollback) }
            db.forgetFieldNames()
            throw error
        }
    }

    /// Runs `PRAGMA integrity_check`; returns SQLite's report ("ok" when healthy).
    public func integrityCheck() throws -> String {
        let s = try db.statement(SQL.integrityCheck)
        defer { s.reset() }
        var lines: [String] = []
        while try s.step() { lines.append(s.text(0)) }
        return lines.joined(separator: "\n")
    }

    // MARK: Helpers

    static func isBusy(_ error: Error) -> Bool {
        if case .sqlite(let code, _, _) = error as? StoreError {
            let primary = code & 0xff
            return primary == SQLITE_BUSY || primary == SQLITE_LOCKED
        }
        return false
    }

    /// Retries `operation` while it fails with SQLITE_BUSY/LOCKED (after the busy handler gave up, or
    /// in the cases SQLite reports busy without calling it), sleeping 1..50 ms between attempts.
    static func retryingBusy(_ operation: () throws -> Void) throws {
        var delayMicroseconds: UInt32 = 1_000
        var waited: UInt64 = 0
        while true {
            do {
                try operation()
                return
            } catch where isBusy(error) && waited < UInt64(busyRetryLimitSeconds) * 1_000_000 {
                usleep(delayMicroseconds)
                waited += UInt64(delayMicroseconds)
                delayMicroseconds = min(delayMicroseconds * 2, 50_000)
            }
        }
    }
}
