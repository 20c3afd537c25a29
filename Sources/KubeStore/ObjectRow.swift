/// One stored object: its key, the small columns a table listing needs, and the whole object.
/// The store treats every string as opaque except `labels` (a JSON object of string values,
/// indexed for `LabelRequirement` queries) and `ownerUIDs` (indexed for `dependents(ofUID:)`).
public struct ObjectRow: Sendable, Equatable {
    /// Storage key of the resource, e.g. "apps/deployments" or "/pods".
    public var resource: String
    /// "" for cluster-scoped objects.
    public var namespace: String
    public var name: String
    public var uid: String
    public var resourceVersion: Int64
    /// Compact JSON of metadata.labels, "{}" when none.
    public var labels: String
    /// uids from metadata.ownerReferences, in order.
    public var ownerUIDs: [String]
    /// Encoded table cells, opaque to the store.
    public var cells: String
    /// The whole object as compact JSON; "" in rows returned by the summary queries.
    public var data: String
    /// Indexed fields (name, value) written with the row (`FieldTerm` queries them). Reads
    /// leave this empty: the index answers queries, it is not read back.
    public var fields: [IndexedField]

    public init(resource: String, namespace: String, name: String, uid: String, resourceVersion: Int64,
                labels: String = "{}", ownerUIDs: [String] = [], cells: String = "", data: String,
                fields: [IndexedField] = []) {
        self.resource = resource
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.labels = labels
        self.ownerUIDs = ownerUIDs
        self.cells = cells
        self.data = data
        self.fields = fields
    }
}

/// One indexed field of a row. A name starting with `#` is also counted per value
/// (`StoreTransaction.fieldCounts`).
public struct IndexedField: Sendable, Equatable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One term of a field selector, evaluated by the store's field index.
public enum FieldTerm: Sendable, Equatable, Hashable {
    case equals(String, String)
    case notEquals(String, String)

    var parameters: [String] {
        switch self {
        case .equals(let k, let v), .notEquals(let k, let v): return [k, v]
        }
    }
}

/// One term of a label selector, evaluated by the store's label index.
/// As in Kubernetes, `notEquals`, `notIn` and `doesNotExist` match objects without the key.
public enum LabelRequirement: Sendable, Equatable, Hashable {
    case equals(String, String)
    case notEquals(String, String)
    case `in`(String, [String])
    case notIn(String, [String])
    case exists(String)
    case doesNotExist(String)

    /// Bound parameters, in the order of `SQL.labelCondition`'s placeholders.
    var parameters: [String] {
        switch self {
        case .equals(let k, let v), .notEquals(let k, let v): return [k, v]
        case .in(let k, let vs), .notIn(let k, let vs): return [k] + vs
        case .exists(let k), .doesNotExist(let k): return [k]
        }
    }
}

/// What happened to an object (a watch event's type).
public enum ChangeType: String, Sendable {
    case added = "ADDED", modified = "MODIFIED", deleted = "DELETED"
}

/// One entry of the change log: its position, what happened and the object as written (for a delete:
/// as it was last stored).
public struct Change: Sendable, Equatable {
    public var seq: Int64
    public var type: ChangeType
    public var row: ObjectRow
}
