/// Rows by row id: ids are handed out in insertion order (the next insert takes the highest id plus
/// one), so the rows written from some moment on are an id range, read without any other index
/// (the event TTL sweeps the events written in one lease's minute this way).
extension StoreTransaction {
    /// The highest row id in the store (0 when empty).
    public func maxRowID() throws -> Int64 {
        try db.scalarInt(SQL.maxObjectID)
    }

    /// Summary rows (no data) of `resource` whose row id is in `ids`, in id order, with their ids.
    public func summaries(resource: String, ids: Range<Int64>) throws -> [(id: Int64, row: ObjectRow)] {
        let s = try db.statement(SQL.selectSummariesByIDRange)
        defer { s.reset() }
        try s.bind(1, ids.lowerBound)
        try s.bind(2, ids.upperBound)
        try s.bind(3, resource)
        var out: [(id: Int64, row: ObjectRow)] = []
        while try s.step() {
            out.append((s.int64(8), try readRow(s, full: false, resource: resource, namespace: nil)))
        }
        return out
    }
}
