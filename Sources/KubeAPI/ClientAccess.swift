import KubeModel
import KubeRegistry
import KubeStore

/// What clients (the command line) use of the store, through the API layer only: stored rows as
/// list and table responses, the label requirements a list can be filtered by, and the client
/// configuration (the current namespace, cached documents) kept beside the objects.
public typealias ObjectRow = KubeStore.ObjectRow
public typealias LabelRequirement = KubeStore.LabelRequirement
public typealias Change = KubeStore.Change
public typealias ChangeType = KubeStore.ChangeType

extension APISession {
    /// A stored row by name, or the API's NotFound error.
    public func getRow(_ type: ResourceType, namespace: String, name: String) throws -> ObjectRow {
        try authorize("get", type, namespace: namespace, name: name)
        guard let row = try tx.get(resource: type.storageKey, namespace: type.namespaced ? namespace : "", name: name) else {
            throw APIError.notFound(type.qualifiedPlural, name)
        }
        return try withCells(row, type: type)
    }

    /// The store-wide resourceVersion (bumped by every create and update): what a watch compares.
    public func currentResourceVersion() throws -> Int64 { try tx.currentResourceVersion() }

    /// The change log's entries for a type after position `seq`, in commit order (what a watch reads).
    public func changes(_ type: ResourceType, after seq: Int64, fields: [FieldRequirement] = []) throws -> [Change] {
        try authorize("watch", type, namespace: nil, fields: fields)
        return try tx.changes(resource: type.storageKey, after: seq).map { change in
            var change = change
            change.row = try withCells(change.row, type: type)
            return change
        }
    }

    /// Positions of the oldest kept and the latest change-log entries.
    public func changeLogBounds() throws -> (first: Int64, last: Int64) { try tx.changeLogBounds() }

    /// A client configuration value (`context.namespace`, cached explain documents).
    public func config(_ key: String) throws -> String? { try tx.config(key) }

    /// Sets (or, with nil, removes) a client configuration value.
    public func setConfig(_ key: String, _ value: String?) throws { try tx.setConfig(key, value) }

    /// The configuration entries whose keys start with `prefix`.
    public func configEntries(withPrefix prefix: String) throws -> [(key: String, value: String)] {
        try tx.configEntries(withPrefix: prefix)
    }
}

extension LabelSelector {
    /// The requirements the store's label index can answer for this selector; nil when one of them
    /// (`gt`, `lt`) or a selector that matches nothing has to be filtered in memory.
    public var indexRequirements: [LabelRequirement]? {
        if matchesNothing { return nil }
        return storeRequirements
    }
}

