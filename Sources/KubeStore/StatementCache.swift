/// A connection's prepared statements by SQL text (`Database.statement`): an open-addressed table
/// hashed by the text's length and its last eight bytes, read in place, with one multiply (a lookup
/// per statement run, with no seeded `Hasher` pass). A slot's text is
/// compared in full, so two texts with the same length and tail only share a probe sequence.
struct StatementCache {
    private var slots: [Statement?] = Array(repeating: nil, count: 64)
    private var used = 0

    func find(_ sql: String) -> Statement? {
        let mask = slots.count - 1
        var i = StatementCache.slot(sql, mask: mask)
        while let s = slots[i] {
            if s.sql == sql { return s }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Adds a statement whose text is not in the table yet.
    mutating func insert(_ statement: Statement) {
        if (used + 1) * 2 > slots.count {
            let old = slots
            slots = Array(repeating: nil, count: old.count * 2)
            used = 0
            for case let s? in old { insert(s) }
        }
        let mask = slots.count - 1
        var i = StatementCache.slot(statement.sql, mask: mask)
        while slots[i] != nil { i = (i + 1) & mask }
        slots[i] = statement
        used += 1
    }

    /// Drops every statement (each is finalized once nothing else holds it).
    mutating func removeAll() {
        slots = Array(repeating: nil, count: 64)
        used = 0
    }

    private static func slot(_ sql: String, mask: Int) -> Int {
        let n = sql.utf8.count
        // The texts are literals or built strings (contiguous UTF-8): their last bytes are read in place.
        let last = sql.utf8.withContiguousStorageIfAvailable(lastBytes) ?? lastBytes(Array(sql.utf8))
        let h = (last ^ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h >> 40) & mask
    }

    private static func lastBytes<C: Collection>(_ utf8: C) -> UInt64 where C.Element == UInt8 {
        var tail: UInt64 = 0
        for b in utf8.suffix(8) { tail = tail << 8 | UInt64(b) }
        return tail
    }
}
