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
    /// Any other SQLite failure: the (extended) result code, SQLite's message and the SQL text
    /// (kept for debugging; never shown to users).
    case sqlite(code: Int32, message: String, sql: String)
    /// The path cannot hold a store (special name, dangling symlink, directory, ...): path, reason.
    case unusablePath(String, String)
    /// The file exists but is not a kubectl-local store; it was left untouched.
    case notAStore(String)
    /// A write on a store this user may read but not write.
    case readOnly

    public var description: String {
        switch self {
        case .notFound: return "not found"
        case .alreadyExists: return "already exists"
        case .conflict(let current): return "resource version conflict (current \(current))"
        case .schemaTooNew(let found, let supported):
            return "store schema version \(found) is newer than this program supports (\(supported))"
        case .corrupt(let what): return "corrupt store: \(what)"
        case .misuse(let what): return "store misuse: \(what)"
        case .sqlite(let code, _, _): return StoreError.words(code)
        case .unusablePath(_, let reason): return reason
        case .notAStore:
            return "not a kubectl-local store (another program's file, or not a database); it was left unchanged"
        case .readOnly: return "the store is read-only for this user: permission denied"
        }
    }

    /// A SQLite result code in words (SQL text and SQLite's own messages stay out of user output).
    static func words(_ code: Int32) -> String {
        switch code & 0xff {
        case 3, 23: return "permission denied"                                     // PERM, AUTH
        case 5, 6: return "the store is locked by another process; try again"      // BUSY, LOCKED
        case 7: return "out of memory"
        case 8: return "the store is read-only for this user: permission denied"  // READONLY
        case 10: return "input/output error while reading or writing the store"    // IOERR
        case 11: return "the store file is damaged"                                 // CORRUPT
        case 13: return "the disk is full"                                          // FULL
        case 14: return "the store file cannot be opened"                           // CANTOPEN
        case 26: return "the file is not a kubectl-local store"                     // NOTADB
        default: return "store failure (code \(code))"
        }
    }
}
