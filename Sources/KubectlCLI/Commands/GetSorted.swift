import KubeAPI
import KubeModel
import KubePrinters

/// `get TYPE --sort-by=PATH` without holding the list: one pass reads every matching row's sort key
/// (and its key in the store), the keys are sorted as kubectl sorts the objects, and the printers
/// then read the rows again by key in that order.
enum RowOrder {
    /// The rows' keys in sort order; nil when sorting fails (no object has the field, keys that do
    /// not compare): the general path then reports it as kubectl does.
    /// The keys come from the objects as stored (managedFields included), as kubectl sorts what the
    /// server sent before its printers drop managedFields.
    static func sorted(_ s: APISession, _ query: ListQuery, by reader: ObjectSorter.KeyReader) throws -> [RowKey]? {
        var rows: [RowKey] = []
        var keys: [JPValue?] = []
        do {
            try s.forEach(query, full: true) { row in
                keys.append(try reader.key(of: try JSON.parse(row.data)))
                rows.append(RowKey(namespace: row.namespace, name: row.name))
            }
            return try ObjectSorter.order(keys: keys, field: reader.field).map { rows[$0] }
        } catch is PrinterError {
            return nil
        }
    }
}
