import KubeModel
import KubeRegistry
import KubeStore

/// A list request the store answers from its indexes alone (labels through the label index, field
/// selectors through the field index or the row's own namespace and name), so it can be read one
/// row at a time in key order. `nil` from `init` means some term needs the objects themselves (or
/// is unsupported and must fail as the API server fails): list the old way then.
public struct ListQuery {
    public let type: ResourceType
    let namespace: String?
    let labels: [KubeStore.LabelRequirement]
    /// Field-selector terms the field index answers.
    let fields: [FieldRequirement]
    /// `metadata.name` / `metadata.namespace` terms, checked on each row.
    let rowTerms: [FieldRequirement]
    /// The rows to read, in this order (keys of rows the query matched), instead of the key order.
    public var order: [RowKey]? = nil

    public init?(type: ResourceType, namespace: String?, labelSelector: LabelSelector?, fieldSelector: FieldSelector?) {
        var labels: [KubeStore.LabelRequirement] = []
        if let labelSelector {
            guard !labelSelector.matchesNothing, let requirements = labelSelector.storeRequirements else { return nil }
            labels = requirements
        }
        var fields: [FieldRequirement] = []
        var rowTerms: [FieldRequirement] = []
        for term in fieldSelector?.requirements ?? [] {
            if term.field == "metadata.name" || term.field == "metadata.namespace" {
                rowTerms.append(term)
            } else if FieldIndex.indexes(term.field, type: type) {
                fields.append(term)
            } else {
                return nil
            }
        }
        self.type = type
        self.namespace = type.namespaced ? namespace : nil
        self.labels = labels
        self.fields = fields
        self.rowTerms = rowTerms
    }

    func matches(_ row: ObjectRow) -> Bool {
        rowTerms.allSatisfy { term in
            term.matches { $0 == "metadata.name" ? row.name : row.namespace }
        }
    }
}

/// Where a row is, within its resource: what a sorted listing keeps of each object.
public struct RowKey: Sendable {
    public var namespace: String
    public var name: String
    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }
}

extension APISession {
    /// The rows of `query` in its `order` when it has one (each read again by key: the rows were
    /// matched and authorized when the order was made), else as `forEach` gives them.
    public func rows(_ query: ListQuery, full: Bool, _ body: (ObjectRow) throws -> Void) throws {
        guard let order = query.order else { return try forEach(query, full: full, body) }
        for key in order {
            if let row = try tx.get(resource: query.type.storageKey, namespace: key.namespace, name: key.name) {
                try body(try withCells(row, type: query.type, keepData: full))
            }
        }
    }

    /// The rows of `query`, one at a time in key order (`data` only when `full`); memory stays flat.
    public func forEach(_ query: ListQuery, full: Bool, _ body: (ObjectRow) throws -> Void) throws {
        try authorize("list", query.type, namespace: query.namespace, fields: query.rowTerms + query.fields)
        // Terms on fields indexed by a later schema than the store's (a read-only user reading an old
        // store) are checked on the objects.
        let (indexed, unindexed) = split(query.fields)
        try tx.forEach(resource: query.type.storageKey, namespace: query.namespace, labels: query.labels,
                       fields: indexed, full: full || !unindexed.isEmpty || needsData(query.type)) { row in
            guard query.matches(row) else { return }
            if !unindexed.isEmpty {
                let values = FieldIndex.fields(of: try decode(row), type: query.type)
                guard unindexed.allSatisfy({ t in t.matches { f in values.first { $0.name == f }?.value } }) else { return }
            }
            try body(try withCells(row, type: query.type, keepData: full || !unindexed.isEmpty))
        }
    }

    /// Field-selector terms as store terms where this store's index has the field, and the others.
    func split(_ terms: [FieldRequirement]) -> ([FieldTerm], [FieldRequirement]) {
        var indexed: [FieldTerm] = [], unindexed: [FieldRequirement] = []
        for t in terms {
            if FieldIndex.schemaVersion(of: t.field) > tx.schemaVersion { unindexed.append(t); continue }
            indexed.append(t.op == .equals ? .equals(t.field, t.value) : .notEquals(t.field, t.value))
        }
        return (indexed, unindexed)
    }
}
