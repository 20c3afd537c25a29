import Testing
@testable import KubeStore

/// `Database.statement` keeps one prepared statement per SQL text (`StatementCache`): texts that share
/// their length and last eight bytes (one probe sequence) each get their own statement, the table keeps
/// them all as it grows, and a text built at run time finds the statement its literal twin prepared.
@Suite struct StatementCacheTests {
    @Test func textsWithTheSameLengthAndTailEachGetTheirOwnStatement() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let db = try Database(path: dir.file("c.db"), busyTimeoutMilliseconds: 1000)
        // 300 texts of one length ending in the same eight bytes: past 32, 64 and 128 entries the table grows.
        let texts = (1000..<1300).map { "SELECT \($0) + ?1 -- same tail" }
        var first: [Statement] = []
        for (i, sql) in texts.enumerated() {
            let s = try db.statement(sql)
            #expect(s.sql == sql)
            try s.bind(1, Int64(i))
            #expect(try s.step())
            #expect(s.int64(0) == Int64(1000 + 2 * i))
            s.reset()
            first.append(s)
        }
        for (i, sql) in texts.enumerated().reversed() {
            let s = try db.statement(sql)
            #expect(s === first[i], "\(sql): prepared again")
            try s.bind(1, Int64(1))
            #expect(try s.step())
            #expect(s.int64(0) == Int64(1000 + i + 1))
            s.reset()
        }
    }

    @Test func aBuiltTextFindsTheStatementOfItsLiteral() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let db = try Database(path: dir.file("c.db"), busyTimeoutMilliseconds: 1000)
        let literal = try db.statement("SELECT 'a literal text of some length' || ?1")
        let n = Int.random(in: 0..<1) // not known at compile time: the text below is built in new storage
        let built = "SELECT 'a literal text of some length' || ?\(n + 1)"
        #expect(try db.statement(built) === literal)
        #expect(try db.statement("SELECT 'a literal text of some length' || ?2") !== literal)
    }
}
