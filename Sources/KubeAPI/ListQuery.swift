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
    let fields: [FieldTerm]
    /// `metadata.name` / `metadata.namespace` terms, checked on each row.
    let rowTerms: [FieldRequirement]

    public init?(type: ResourceType, namespace: String?, labelSelector: LabelSelector?, fieldSelector: FieldSelector?) {
        var labels: [KubeStore.LabelRequirement] = []
        if let labelSelector {
            guard !labelSelector.matchesNothing, let requirements = labelSelector.storeRequirements else { return nil }
            labels = requirements
        }
        var fields: [FieldTerm] = []
        var rowTerms: [FieldRequirement] = []
        for term in fieldSelector?.requirements ?? [] {
            if term.field == "metadata.name" || term.field == "metadata.namespace" {
                rowTerms.append(term)
            } else if FieldIndex.indexes(term.field, type: type) {
                fields.append(term.op == .equals ? .equals(term.field, term.value) : .notEquals(term.field, term.value))
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

extension APISession {
    /// The rows of `query`, one at a time in key order (`data` only when `full`); memory stays flat.
    public func forEach(_ query: ListQuery, full: Bool, _ body: (ObjectRow) throws -> Void) throws {
        try authorize("list", query.type, namespace: query.namespace)
        try tx.forEach(resource: query.type.storageKey, namespace: query.namespace, labels: query.labels,
                       fields: query.fields, full: full) { row in
            if query.matches(row) { try body(row) }
        }
    }
}
