/// Errors of the storage layer. Nothing above `KubeStore` sees a SQLite result code except
/// inside `.sqlite`, which is for unexpected failures only (kine's `TranslateError`).
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No row with that key (update/delete of a missing object).
    case notFound
    /// Insert of a key that already has a row.
    case alreadyExists
    /// The row's resource version differs from the expected one; `current` is the stored value.
    case conflict(current: Int64)
    /// The file was written by a newer program (its `user_version` is above what we know).
    case schemaTooNew(found: Int32, supported: Int32)
    /// A stored value could not be decoded.
    case corrupt(String)
    /// API misuse, e.g. writing inside `read {}` or using a transaction after it ended.
    case misuse(String)
    /// Any other SQLite failure: the (extended) result code, SQLite's message and the SQL text.
    case sqlite(code: Int32, message: String, sql: String)

    public var description: String {
        switch self {
        case .notFound: return "not found"
        case .alreadyExists: return "already exists"
        case .conflict(let current): return "resource version conflict (current \(current))"
        case .schemaTooNew(let found, let supported):
            return "store schema version \(found) is newer than this program supports (\(supported))"
        case .corrupt(let what): return "corrupt store: \(what)"
        case .misuse(let what): return "store misuse: \(what)"
        case .sqlite(let code, let message, let sql): return "sqlite error \(code): \(message) (in: \(sql))"
        }
    }
}
