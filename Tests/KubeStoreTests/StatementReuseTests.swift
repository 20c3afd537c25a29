import Testing
@testable import KubeStore

/// `Database.statement` hands out a cached statement without resetting it when nothing was bound or
/// stepped since its last reset (`Statement.isReset`): a statement left with bindings or half read must
/// still come back reset, whichever bind left it so.
@Suite struct StatementReuseTests {
    static let insert = "INSERT INTO t (a, b) VALUES (?1, ?2)"

    func database(_ dir: TempDir) throws -> Database {
        let db = try Database(path: dir.file("s.db"), busyTimeoutMilliseconds: 1000)
        try db.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, a, b)")
        return db
    }

    /// Each way of binding ?1, abandoned before a step, then ?2 alone through a fresh lookup: ?1 is NULL.
    @Test func aBindingLeftWithoutAStepIsCleared() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let db = try database(dir)
        try db.execute("PRAGMA user_version = 13")
        db.schemaVersion = 13
        let binds: [(String, (Statement) throws -> Void)] = [
            ("text", { try $0.bind(1, "left") }),
            ("int", { try $0.bind(1, Int64(7)) }),
            ("array", { try $0.bind(["left"]) }),
            ("blob", { try $0.bindData(1, "left", encoded: [1, 2, 3]) }),
            ("uid", { try $0.bindUID(1, "0b6a6c4e-2f4f-4d0a-9a43-3f9d3c1d2e10") }),
        ]
        for (n, (name, bind)) in binds.enumerated() {
            try bind(try db.statement(StatementReuseTests.insert))
            let s = try db.statement(StatementReuseTests.insert)
            try s.bind(2, name)
            try s.run()
            let check = try db.statement("SELECT a IS NULL, b FROM t WHERE n = ?1")
            try check.bind(1, Int64(n + 1))
            #expect(try check.step())
            #expect(check.int64(0) == 1, "\(name): ?1 kept from an abandoned bind")
            #expect(check.text(1) == name)
            check.reset()
        }
    }

    /// A query stepped once and left: the next lookup reads from its first row again.
    @Test func aHalfReadQueryStartsOver() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let db = try database(dir)
        for v in ["x", "y", "z"] {
            let s = try db.statement(StatementReuseTests.insert)
            try s.bind(1, v)
            try s.run()
        }
        let sql = "SELECT a FROM t ORDER BY n"
        let first = try db.statement(sql)
        #expect(try first.step())
        #expect(first.text(0) == "x")
        var seen: [String] = []
        let again = try db.statement(sql)
        while try again.step() { seen.append(again.text(0)) }
        #expect(seen == ["x", "y", "z"])
    }
}
