import KubeModel
import KubeRegistry
import KubeStore

/// Table cells are computed when an object is written and kept in its row, except an event's (schema
/// v8): a cluster writes four events per pod and reads them rarely as a table, so an event's row keeps
/// no cells (about 65 bytes less per event, and no cells to compute and compress per event written)
/// and they are computed from the object when a row is handed out. Computed at read or at write, they
/// are the same cells: they depend on the object only (a time cell keeps the instant it counts from).
/// Rows of events stored with cells (written before v8) keep theirs.
extension ResourceType {
    var cellsOnRead: Bool { group.isEmpty && plural == "events" }
}

extension APISession {
    /// The cells `row` stores, or for an event, those of its object.
    func storedCells(for obj: JSONValue, type: ResourceType) -> String {
        if type.cellsOnRead { return "" }
        return CellCodec.encode(type.row?(obj) ?? [.text(obj["metadata"]["name"].string ?? ""),
                                                   .text(obj["metadata"]["creationTimestamp"].string ?? "")])
    }

    /// `row` with its table cells (an event's computed from its `data`, which must be read). `keepData`
    /// false empties `data` afterwards, as summary rows have it.
    /// An HPA read through autoscaling/v1 gets its `data` in the v1 form (the cells are the same: the
    /// server prints both versions from one internal object).
    func withCells(_ row: ObjectRow, type: ResourceType, keepData: Bool = true) throws -> ObjectRow {
        // A node's data with its kubelet's status posts since it was stored (`NodeHeartbeat`); its cells do not show them.
        if NodeHeartbeat.isNode(type), keepData, !row.data.isEmpty {
            let obj = try decode(row)
            let served = servedNode(obj, as: type)
            if served != obj {
                var out = row
                out.data = served.jsonString(.compactOrdered)
                return out
            }
        }
        if HPAConversion.isHPA(type), type.version == "v1", !row.data.isEmpty {
            var out = row
            out.data = HPAConversion.served(try decode(row), as: type).jsonString(.compactOrdered)
            return out
        }
        if LeaseRenewal.isLease(type), !row.data.isEmpty {
            var out = try servedLeaseRow(row, type: type)
            if !keepData { out.data = "" }
            return out
        }
        guard type.cellsOnRead, row.cells.isEmpty, !row.data.isEmpty else { return row }
        var out = row
        let obj = try JSON.parse(row.data)
        out.cells = CellCodec.encode(type.row?(obj) ?? [])
        if !keepData { out.data = "" }
        return out
    }

    /// Whether reading rows of `type` as a table needs their `data` too.
    /// A lease's too: its holder shown may be one its kubelet has written back since (`LeaseRenewal`).
    func needsData(_ type: ResourceType) -> Bool { type.cellsOnRead || LeaseRenewal.isLease(type) }
}
