import CSQLite
import Glibc
import Testing
@testable import KubeStore

private func mode(_ path: String) -> mode_t {
    var st = stat()
    return stat(path, &st) == 0 ? st.st_mode & 0o777 : 0o7777
}

private func bytes(_ path: String) -> [UInt8] {
    guard let f = fopen(path, "rb") else { return [] }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        out += buf[0..<n]
    }
    return out
}

/// The store file policy (StoreFile): permissions whatever the umask, special names, symlinks,
/// other programs' files left untouched, store errors in words.
@Suite(.serialized) struct StoreFilePolicyTests {
    @Test func newStoreIs0600InDirectories0700WhateverTheUmask() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let old = umask(0)
        defer { umask(old) }
        let path = dir.file("a/b/store.db")
        let store = try Store(path: path)
        try store.write { try $0.insert(row(name: "x")) }
        #expect(mode(dir.file("a")) == 0o700)
        #expect(mode(dir.file("a/b")) == 0o700)
        #expect(mode(path) == 0o600)
        // The connection is still open: SQLite's -wal and -shm take the store's mode.
        #expect(fileExists(path + "-wal") && fileExists(path + "-shm"))
        #expect(mode(path + "-wal") == 0o600)
        #expect(mode(path + "-shm") == 0o600)
    }

    @Test func specialNamesAreRefused() {
        for name in [":memory:", "file:x.db", "file:/tmp/x.db?mode=memory", ""] {
            #expect(throws: StoreError.unusablePath(name, "a store must be a file path (in-memory and URI names are not supported)")) {
                _ = try Store(path: name)
            }
        }
        #expect(!fileExists("file:x.db") && !fileExists("file:"))
    }

    @Test func danglingSymlinkIsRefusedAndItsTargetNotCreated() throws {
        let dir = TempDir()
        defer { dir.remove() }
        symlink(dir.file("missing/target.db"), dir.file("link.db"))
        #expect(throws: StoreError.unusablePath(dir.file("link.db"), "it is a symbolic link to a missing file; create the target or use another path")) {
            _ = try Store(path: dir.file("link.db"))
        }
        #expect(!fileExists(dir.file("missing")))
        // A link to an existing store is followed.
        _ = try Store(path: dir.file("real.db"))
        symlink(dir.file("real.db"), dir.file("good.db"))
        let linked = try Store(path: dir.file("good.db"))
        #expect(linked.isNew == false)
        #expect(throws: StoreError.unusablePath(dir.path, "it is a directory")) { _ = try Store(path: dir.path) }
    }

    @Test func anotherProgramsDatabaseIsLeftUntouched() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("other.db")
        var db: OpaquePointer?
        sqlite3_open(path, &db)
        sqlite3_exec(db, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('keep me');", nil, nil, nil)
        sqlite3_close(db)
        let before = bytes(path)
        #expect(throws: StoreError.notAStore(path)) { _ = try Store(path: path) }
        #expect(bytes(path) == before)             // not switched to WAL, nothing written
        #expect(!fileExists(path + "-wal"))
        // A file that is no database at all.
        let text = dir.file("notes.txt")
        let f = fopen(text, "w"); fputs("hello: world\n", f); fclose(f)
        #expect(throws: StoreError.notAStore(text)) { _ = try Store(path: text) }
        #expect(bytes(text) == Array("hello: world\n".utf8))
        #expect(StoreError.notAStore(text).description
                == "not a kubectl-local store (another program's file, or not a database); it was left unchanged")
    }

    @Test func storeErrorsAreWordsNotSQL() {
        let e = StoreError.sqlite(code: SQLITE_READONLY, message: "attempt to write a readonly database",
                                  sql: "UPDATE counters SET value = value + 1")
        #expect(e.description == "the store is read-only for this user: permission denied")
        for code in [SQLITE_BUSY, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_ERROR, SQLITE_CONSTRAINT] {
            let d = StoreError.sqlite(code: code, message: "m", sql: "PRAGMA journal_mode = WAL").description
            #expect(!d.contains("PRAGMA") && !d.contains("(in:") && !d.isEmpty)
        }
    }
}
