import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// `SQLITE_TRANSIENT` is a C macro and is not imported: it tells SQLite to copy bound text.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A thin owner of one `sqlite3*` connection. Statements are prepared once per connection and
/// cached by their SQL text; every failure becomes `StoreError.sqlite` carrying the SQL and
/// SQLite's own message (GRDB's `DatabaseError` shape).
final class Database {
    let handle: OpaquePointer
    private var statements = StatementCache()
    /// Compresses and expands the objects' JSON (`object_data.data`, `changes.data`).
    lazy var codec = DataCodec()
    /// The schema version of the open store (`PRAGMA user_version` after migrations; an older one
    /// when a read-only user reads an old store as it is).
    var schemaVersion: Int32 = 0 {
        // Events are written in format 5 (`EventCodec`) from schema v9 on, logged states in format 6
        // (`DeltaCodec`) from v10 on: an older build refuses the store.
        didSet {
            codec.eventFormat = schemaVersion >= 9
            codec.deltaFormat = schemaVersion >= 10
        }
    }
    /// Indexed field names and their codes (`field_names`, schema v8), as far as this connection has seen them.
    var fieldCodes: [String: Int64] = [:]
    var fieldNames: [Int64: String] = [:]

    enum Access { case readWriteCreate, readWrite, readOnly, immutable }

    /// SQLite's memory statistics off (a mutex per allocation), once, before the first connection.
    private static let configured: Void = { _ = kubectl_local_sqlite_no_memstatus() }()

    init(path: String, busyTimeoutMilliseconds: Int32, access: Access = .readWriteCreate) throws {
        _ = Database.configured
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX
        var name = path
        switch access {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .immutable:
            // No locks, no -shm: for a user who may read the file but not create its -shm beside it.
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            name = "file:" + Database.uriEscaped(path) + "?immutable=1"
        }
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            throw StoreError.sqlite(code: rc, message: message, sql: "open \(path)")
        }
        sqlite3_extended_result_codes(db, 1)
        // SQLite's own busy handler sleeps up to 100 ms between tries: a writer that lets go for a
        // moment (a long piece of controller work split into batches) would rarely be caught. Polling
        // every millisecond, a waiting writer takes the lock in the first gap.
        let tries = max(1, busyTimeoutMilliseconds)
        sqlite3_busy_handler(db, { limit, count in
            guard count < Int32(Int(bitPattern: limit)) else { return 0 }
            usleep(1_000)
            return 1
        }, UnsafeMutableRawPointer(bitPattern: Int(tries)))
        handle = db
    }

    /// A path inside a `file:` URI: `%`, `?` and `#` escaped.
    static func uriEscaped(_ path: String) -> String {
        var out = ""
        for c in path.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "?": out += "%3f"
            case "#": out += "%23"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    deinit {
        statements.removeAll()      // finalizes (Statement.deinit) before the close
        sqlite3_close_v2(handle)
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func error(_ code: Int32, sql: String) -> StoreError {
        .sqlite(code: code, message: lastErrorMessage, sql: sql)
    }

    /// Runs one or more statements that return no rows we need (schema, pragmas, BEGIN/COMMIT).
    func execute(_ sql: String) throws {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc, sql: sql) }
    }

    /// A prepared statement for `sql`, reset and with cleared bindings, cached for this connection.
    func statement(_ sql: String) throws -> Statement {
        if let cached = statements.find(sql) {
            if !cached.isReset { cached.reset() }
            return cached
        }
        let statement = try Statement(database: self, sql: sql)
        statements.insert(statement)
        return statement
    }

    /// Runs a statement without rows (SAVEPOINT, RELEASE) from the statement cache: no parse per call.
    func runCached(_ sql: String) throws {
        try statement(sql).run()
    }

    /// The first column of the first row, as an integer (`PRAGMA user_version`, `count(*)`).
    func scalarInt(_ sql: String) throws -> Int64 {
        let s = try statement(sql)
        defer { s.reset() }
        guard try s.step() else { throw StoreError.corrupt("no row from \(sql)") }
        return s.int64(0)
    }

    /// True when SQLite opened the file read-only (the user may read but not write it).
    var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    var changes: Int32 { sqlite3_changes(handle) }
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}

extension Database {
    /// Adds the SQL function `object_text(data)` to this connection: the JSON text of a stored `data`
    /// value (a `DataCodec` BLOB; TEXT as it is), so a migration can backfill an index from the
    /// objects' fields with SQLite's JSON functions.
    func addObjectTextFunction() throws {
        let rc = sqlite3_create_function_v2(
            handle, "object_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, Unmanaged.passUnretained(self).toOpaque(),
            { context, _, arguments in
                guard let context, let value = arguments?[0] else { return }
                guard sqlite3_value_type(value) == SQLITE_BLOB, let bytes = sqlite3_value_blob(value) else {
                    return sqlite3_result_value(context, value)
                }
                let database = Unmanaged<Database>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
                let blob = UnsafeBufferPointer(start: bytes.assumingMemoryBound(to: UInt8.self),
                                               count: Int(sqlite3_value_bytes(value)))
                do {
                    var text = try database.codec.decode(blob)
                    text.withUTF8 { utf8 in
                        utf8.withMemoryRebound(to: CChar.self) {
                            sqlite3_result_text(context, $0.baseAddress, Int32($0.count), sqliteTransient)
                        }
                    }
                } catch {
                    sqlite3_result_error(context, "\(error)", -1)
                }
            }, nil, nil, nil)
        guard rc == SQLITE_OK else { throw self.error(rc, sql: "object_text") }
    }
}

/// One prepared statement. Columns and parameters are 1-based for binding (SQLite's `?N`)
/// and 0-based for reading, as in the C API.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    private unowned let database: Database
    /// Whether the statement is reset with no bindings (just prepared, or `reset` since its last
    /// bind or step): `Database.statement` hands it out without resetting it again.
    private(set) var isReset = true

    init(database: Database, sql: String) throws {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw database.error(rc, sql: sql) }
        self.handle = stmt
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        isReset = true
    }

    func bind(_ index: Int32, _ value: String) throws {
        isReset = false
        let count = Int32(value.utf8.count)
        let rc = value.withCString { sqlite3_bind_text(handle, index, $0, count, sqliteTransient) }
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }

    func bind(_ index: Int32, _ value: Int64) throws {
        isReset = false
        let rc = sqlite3_bind_int64(handle, index, value)
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }

    /// Binds the values to `?1`, `?2`, ... in order.
    func bind(_ values: [String]) throws {
        for (i, v) in values.enumerated() { try bind(Int32(i + 1), v) }
    }

    /// Steps once: true when a row is available, false when done.
    @discardableResult
    func step() throws -> Bool {
        isReset = false
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = database.error(rc, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows, then resets it.
    func run() throws {
        defer { reset() }
        while try step() {}
    }

    /// Binds an object's JSON as `DataCodec` stores it: a compressed BLOB, or the TEXT when short.
    func bindData(_ index: Int32, _ text: String) throws {
        try bindData(index, text, encoded: database.codec.encode(text))
    }

    /// `bindData` with the text already encoded (`DataCodec.encode`), to bind one encoding twice.
    func bindData(_ index: Int32, _ text: String, encoded: [UInt8]?) throws {
        guard let blob = encoded else { return try bind(index, text) }
        isReset = false
        let rc = blob.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), sqliteTransient) }
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }

    /// An object's JSON bound with `bindData` (or stored as TEXT by an older version).
    func data(_ column: Int32) throws -> String {
        guard sqlite3_column_type(handle, column) == SQLITE_BLOB else { return text(column) }
        guard let p = sqlite3_column_blob(handle, column) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, column))
        return try database.codec.decode(UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: n))
    }

    /// The bytes of a BLOB column, nil when the value is not a BLOB.
    func blob(_ column: Int32) -> [UInt8]? {
        guard sqlite3_column_type(handle, column) == SQLITE_BLOB, let p = sqlite3_column_blob(handle, column) else { return nil }
        return Array(UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, column))))
    }

    /// Binds a uid as `objects.uid` keeps it (`UIDCodec`; text in a store older than v8). `row`: the id
    /// of the row it is written to; a uid naming that row (`RowUID`, schema v13) is bound as its 16
    /// bytes and the marker byte, which `objects_by_uid` leaves out.
    func bindUID(_ index: Int32, _ uid: String, row: Int64? = nil) throws {
        guard database.schemaVersion >= 8, var bytes = UIDCodec.bytes(uid) else { return try bind(index, uid) }
        if let row, database.schemaVersion >= 13, RowUID.id(bytes) == row { bytes.append(RowUID.marker) }
        isReset = false
        let rc = bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), sqliteTransient) }
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }

    /// A uid bound with `bindUID` (or stored as text).
    func uid(_ column: Int32) -> String {
        guard sqlite3_column_type(handle, column) == SQLITE_BLOB, case let n = sqlite3_column_bytes(handle, column),
              n == 16 || n == Int32(RowUID.markedLength), let p = sqlite3_column_blob(handle, column) else { return text(column) }
        return UIDCodec.string(UnsafeRawBufferPointer(start: p, count: 16))
    }

    /// Binds a row's table cells as stored since v8: deflated when long (`DataCodec.encodeCells`).
    func bindCells(_ index: Int32, _ cells: String) throws {
        try bindData(index, cells, encoded: database.schemaVersion >= 8 ? database.codec.encodeCells(cells) : nil)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func text(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(handle, column) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
}
