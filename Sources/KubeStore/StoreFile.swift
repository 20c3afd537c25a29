import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// What a store path may be, and how a new store file is made.
///
/// Policy (README "The store"):
/// - The store is a plain file path. SQLite's special names (`:memory:`, anything starting with
///   `file:`) and an empty path are refused: a store must outlive the command.
/// - A symbolic link to an existing regular file is followed; a dangling link is refused (its target
///   is never created); a directory, device, FIFO or socket is refused.
/// - A new store is created 0600 in directories created 0700, whatever the umask (SQLite gives the
///   `-wal` and `-shm` files the store's own mode). Existing files and directories keep their modes,
///   so a store deliberately shared read-only stays shared.
/// - A file that is not a kubectl-local store (not SQLite, or another program's SQLite database) is
///   refused before anything is written to it.
enum StoreFile {
    /// kubectl-local's `PRAGMA application_id` ("KLOC"), written when a store is created.
    static let applicationID: Int32 = 0x4B4C_4F43

    /// Checks the path against the policy; true when the file exists (false: a new store is needed).
    static func check(_ path: String) throws -> Bool {
        if path.isEmpty || path == ":memory:" || path.hasPrefix("file:") {
            throw StoreError.unusablePath(path, "a store must be a file path (in-memory and URI names are not supported)")
        }
        var link = stat()
        guard lstat(path, &link) == 0 else {
            if errno == ENOENT { return false }
            throw StoreError.unusablePath(path, String(cString: strerror(errno)))
        }
        var st = stat()
        if (link.st_mode & S_IFMT) == S_IFLNK {
            guard stat(path, &st) == 0 else {
                throw StoreError.unusablePath(path, "it is a symbolic link to a missing file; create the target or use another path")
            }
        } else {
            st = link
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            let what = (st.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file"
            throw StoreError.unusablePath(path, "it is \(what)")
        }
        return true
    }

    /// Creates the missing parent directories (0700) and an empty store file (0600).
    static func create(_ path: String) throws {
        try makeParentDirectories(of: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }  // another process created it first
            throw StoreError.unusablePath(path, String(cString: strerror(errno)))
        }
        fchmod(fd, 0o600)
        close(fd)
    }

    /// `mkdir -p` of the directory holding `path`; directories it creates are 0700.
    static func makeParentDirectories(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        guard !directory.isEmpty else { return }
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o700) == 0 {
                chmod(prefix, 0o700)
            } else if errno != EEXIST {
                throw StoreError.unusablePath(path, "cannot create directory \(prefix): \(String(cString: strerror(errno)))")
            }
            prefix += "/"
        }
    }

    /// Refuses a database that some other program made: one with tables but no kubectl-local schema
    /// version, or with a version but neither our application id nor our `objects` table.
    static func checkOwnership(_ db: Database, path: String, userVersion: Int32) throws {
        let tables = try db.scalarInt("SELECT count(*) FROM sqlite_master")
        if userVersion == 0 {
            guard tables > 0 else { return }
            // Another shell may have created the store (schema and version in one transaction) between
            // the version read and this one: look at the version again before refusing the file.
            let now = Int32(truncatingIfNeeded: try db.scalarInt("PRAGMA user_version"))
            if now == 0 { throw StoreError.notAStore(path) }
            return try checkOwnership(db, path: path, userVersion: now)
        }
        if Int32(truncatingIfNeeded: try db.scalarInt("PRAGMA application_id")) == applicationID { return }
        let ours = try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('objects', 'counters')")
        if ours < 2 { throw StoreError.notAStore(path) }
    }
}
