import CSQLite
import Glibc
import Testing
@testable import KubeStore

/// A writer process killed with SIGKILL in the middle of a transaction leaves a store that opens
/// cleanly with every committed row and none of the uncommitted ones (SQLite's WAL does the work).
@Suite struct CrashTests {
    @Test func killedWriterLeavesACleanStore() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let path = dir.file("crash.db")
        do {
            let store = try Store(path: path)
            try store.write { try $0.insert(row(name: "before")) }
        }   // no connection to this file stays open in this process across fork()

        // Everything the child touches is prepared before fork(): after it, the child only calls C.
        let committed = strdup("""
            BEGIN IMMEDIATE;
            INSERT INTO objects (resource, namespace, name, uid, resource_version)
                VALUES ('/pods', 'default', 'child-committed', 'u-c', 2);
            INSERT INTO object_data (id, data) VALUES (last_insert_rowid(), '{}');
            COMMIT;
            """)!
        // A small page cache makes SQLite spill the open transaction's pages into the WAL.
        let uncommitted = strdup("""
            PRAGMA cache_size = 5;
            BEGIN IMMEDIATE;
            WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000)
            INSERT INTO objects (resource, namespace, name, uid, resource_version)
                SELECT '/pods', 'default', 'uncommitted-' || i, 'u' || i, 100 + i FROM c;
            INSERT INTO object_data (id, data)
                SELECT id, hex(randomblob(800)) FROM objects WHERE name LIKE 'uncommitted-%';
            UPDATE objects SET resource_version = 999 WHERE name = 'before';
            """)!
        let cPath = strdup(path)!
        defer { free(committed); free(uncommitted); free(cPath) }

        var outcome = ""
        var walBytesAtKill = 0
        // fork() copies only this thread: a lock another thread (another test) holds at that moment
        // stays locked forever in the child. SQLite's global mutexes are held across fork() so no
        // other thread is inside them; any other stuck child never reports and is retried.
        let globalMutexes = [SQLITE_MUTEX_STATIC_MAIN, SQLITE_MUTEX_STATIC_VFS1, SQLITE_MUTEX_STATIC_LRU,
                             SQLITE_MUTEX_STATIC_PRNG, SQLITE_MUTEX_STATIC_MEM].map { sqlite3_mutex_alloc($0) }
        for _ in 0..<6 {
            var fds: [Int32] = [0, 0]
            #expect(pipe(&fds) == 0)
            for m in globalMutexes { sqlite3_mutex_enter(m) }
            let pid = fork()
            for m in globalMutexes.reversed() { sqlite3_mutex_leave(m) }
            if pid == 0 {
                close(fds[0])
                var db: OpaquePointer?
                var ok = sqlite3_open_v2(cPath, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK
                if ok { sqlite3_busy_timeout(db, 10_000) }
                ok = ok && sqlite3_exec(db, committed, nil, nil, nil) == SQLITE_OK
                ok = ok && sqlite3_exec(db, uncommitted, nil, nil, nil) == SQLITE_OK
                var byte: UInt8 = ok ? UInt8(ascii: "r") : UInt8(ascii: "e")
                _ = write(fds[1], &byte, 1)
                while true { pause() }   // killed here, inside the open transaction
            }
            close(fds[1])
            var poller = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            var byte: UInt8 = 0
            if poll(&poller, 1, 5_000) == 1 && read(fds[0], &byte, 1) == 1 {
                outcome = byte == UInt8(ascii: "r") ? "ready" : "child error"
            } else {
                outcome = "timeout"
            }
            walBytesAtKill = fileSize(path + "-wal")
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            close(fds[0])
            if outcome != "timeout" { break }
        }
        try #require(outcome == "ready")
        // The uncommitted transaction really had reached the file (spilled into the WAL).
        #expect(walBytesAtKill > 1_000_000)

        let store = try Store(path: path)
        #expect(!store.isNew)
        #expect(try store.integrityCheck() == "ok")
        try store.read { tx throws in
            #expect(try tx.list(resource: "/pods", namespace: nil).map(\.name) == ["before", "child-committed"])
            #expect(try tx.get(resource: "/pods", namespace: "default", name: "before")?.resourceVersion == 1)
        }
        try store.write { try $0.insert(row(name: "after")) }
        #expect(try store.read { try $0.count(resource: "/pods", namespace: "default") } == 3)
    }
}
