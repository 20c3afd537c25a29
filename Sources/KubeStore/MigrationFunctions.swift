import CSQLite

/// SQL functions a migration needs to rewrite rows in the layout of a later version (added to the
/// connection only while migrating).
extension Database {
    func addMigrationFunctions() throws {
        try addObjectTextFunction()
        // uid_key(uid): `objects.uid` as v8 keeps it (`UIDCodec`).
        try addFunction("uid_key") { context, value, _ in
            guard sqlite3_value_type(value) == SQLITE_TEXT, let bytes = UIDCodec.bytes(Database.text(value)) else {
                return sqlite3_result_value(context, value)
            }
            bytes.withUnsafeBytes { sqlite3_result_blob(context, $0.baseAddress, 16, sqliteTransient) }
        }
        // compact_cells(cells): a row's table cells as v8 keeps them (deflated when long).
        try addFunction("compact_cells") { context, value, database in
            guard sqlite3_value_type(value) == SQLITE_TEXT, let blob = database.codec.encodeCells(Database.text(value)) else {
                return sqlite3_result_value(context, value)
            }
            blob.withUnsafeBytes { sqlite3_result_blob(context, $0.baseAddress, Int32($0.count), sqliteTransient) }
        }
        // fnv64a(text): 64-bit FNV-1a of the text's UTF-8 bytes, as a signed integer.
        try addFunction("fnv64a") { context, value, _ in
            var h: UInt64 = 14_695_981_039_346_656_037
            for b in Database.text(value).utf8 {
                h ^= UInt64(b)
                h = h &* 1_099_511_628_211
            }
            sqlite3_result_int64(context, Int64(bitPattern: h))
        }
    }

    /// The text of an SQL value.
    static func text(_ value: OpaquePointer) -> String {
        guard let p = sqlite3_value_text(value) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_value_bytes(value))), as: UTF8.self)
    }

    private typealias Body = (OpaquePointer, OpaquePointer, Database) -> Void

    /// Registers a deterministic one-argument function; `body` gets the context, the argument and this database.
    private func addFunction(_ name: String, _ body: @escaping Body) throws {
        final class Box {
            let body: Body
            unowned let database: Database
            init(_ body: @escaping Body, _ database: Database) { (self.body, self.database) = (body, database) }
        }
        let box = Unmanaged.passRetained(Box(body, self)).toOpaque()
        let rc = sqlite3_create_function_v2(
            handle, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, box,
            { context, _, arguments in
                guard let context, let value = arguments?[0] else { return }
                let box = Unmanaged<Box>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
                box.body(context, value, box.database)
            }, nil, nil, { Unmanaged<Box>.fromOpaque($0!).release() })
        guard rc == SQLITE_OK else { throw self.error(rc, sql: name) }
    }
}
