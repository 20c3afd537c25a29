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
        try flushUpdates()
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

    /// Deletes, in a few statements, the rows of `resource` with ids in `ids` and a resource version
    /// below `belowVersion`, except those named by a setting `keepPrefix + namespace/name`; each
    /// deletion is logged as `delete` logs it (a watch sees it). Returns how many went.
    @discardableResult
    public func deleteExpired(resource: String, ids: Range<Int64>, belowVersion: Int64, keepPrefix: String) throws -> Int {
        try checkWritable()
        forgetVersions()
        try flushPending { $0.row.resource == resource }
        // The statements read the settings that keep rows (`keepPrefix`).
        try flushConfig()
        func bound(_ sql: String) throws -> Statement {
            let s = try db.statement(sql)
            try s.bind(1, ids.lowerBound)
            try s.bind(2, ids.upperBound)
            try s.bind(3, resource)
            try s.bind(4, belowVersion)
            try s.bind(5, keepPrefix)
            return s
        }
        let select = try bound(SQL.selectExpired)
        var rows: [(id: Int64, fields: String, labels: String, owners: String)] = []
        while try select.step() { rows.append((select.int64(0), select.text(1), select.text(2), select.text(3))) }
        select.reset()
        guard !rows.isEmpty else { return 0 }
        let log = try bound(SQL.logExpired)
        try log.run()
        for row in rows {
            for field in try decodeFields(row.fields) { try runField(SQL.deleteField, id: row.id, field) }
            for (sql, present) in [(SQL.deleteLabels, row.labels != "{}"), (SQL.deleteOwners, row.owners != "[]")] where present {
                let s = try db.statement(sql)
                try s.bind(1, row.id)
                try s.run()
            }
        }
        try bound(SQL.deleteExpiredData).run()
        try bound(SQL.deleteExpiredObjects).run()
        let p = try db.statement(SQL.pruneChanges)
        try p.bind(1, try db.scalarInt(SQL.lastChange) - StoreTransaction.changeLogLimit)
        try p.run()
        return rows.count
    }
}
