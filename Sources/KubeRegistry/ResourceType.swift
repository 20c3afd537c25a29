import KubeModel

/// One column of a `get` table: its header as the server declares it (kubectl upper-cases it) and
/// its priority (0 = always shown, 1 = only with `-o wide`).
public struct ColumnDefinition: Sendable, Equatable {
    public var name: String
    public var priority: Int
    /// `name` for the column holding the object name (the one kubectl prefixes with `kind/`), else empty.
    public var format: String
    public init(_ name: String, priority: Int = 0, format: String = "") {
        self.name = name
        self.priority = priority
        self.format = format
    }
    /// The `Name` column (format `name`).
    public static let name = ColumnDefinition("Name", format: "name")
    public static let age = ColumnDefinition("Age")
}

/// What a describer reads besides the object: related objects and events from the store.
public protocol DescribeContext {
    var now: Timestamp { get }
    /// Objects of a resource (`"pods"`, `"replicasets.apps"`), in one namespace or all (nil).
    func list(_ resource: String, namespace: String?) -> [JSONValue]
    /// Events whose involvedObject is the given object (matched by uid, else kind/namespace/name).
    func events(for object: JSONValue) -> [JSONValue]
    /// Whether describe should print the Events section (`--show-events`).
    var showEvents: Bool { get }
    /// Objects of a resource whose fields (dotted paths such as `spec.nodeName`) have these values;
    /// a store context answers from its field index.
    func list(_ resource: String, namespace: String?, fields: [(path: String, value: String)]) -> [JSONValue]
    /// `list(_:namespace:fields:)` with only the parts `keeping` names built (a store context skips the
    /// rest of each object as it reads it; the others may return whole objects).
    func list(_ resource: String, namespace: String?, fields: [(path: String, value: String)], keeping: JSONKeep) -> [JSONValue]
}

extension DescribeContext {
    public func list(_ resource: String, namespace: String?, fields: [(path: String, value: String)], keeping: JSONKeep) -> [JSONValue] {
        list(resource, namespace: namespace, fields: fields)
    }

    public func list(_ resource: String, namespace: String?, fields: [(path: String, value: String)]) -> [JSONValue] {
        list(resource, namespace: namespace).filter { obj in
            fields.allSatisfy { field in
                var v = obj
                for key in field.path.split(separator: ".") { v = v[String(key)] }
                return (v.string ?? "") == field.value
            }
        }
    }
}

/// Cells for one object, one per column definition (wide ones included). Row functions read only the
/// object, never "now": time-dependent cells are `Cell.since`.
public typealias RowFunction = @Sendable (JSONValue) -> [Cell]
public typealias DescribeFunction = @Sendable (JSONValue, DescribeContext) -> String

/// One entry of the registry: everything the commands, printers, explain and completion need to know
/// about a kind. Adding a kind means adding one of these.
public struct ResourceType: Sendable {
    public var group: String { didSet { storageKey = Self.storageKey(group, plural) } }
    public var version: String
    public var kind: String
    public var plural: String { didSet { storageKey = Self.storageKey(group, plural) } }
    public var singular: String
    public var shortNames: [String]
    public var namespaced: Bool
    public var categories: [String]
    public var verbs: [String]
    /// Table columns; nil means the API server's generic `NAME`, `CREATED AT` table.
    public var columns: [ColumnDefinition]?
    /// Cells for one object, one per entry of `columns` (wide ones included).
    public var row: RowFunction?
    public var describer: DescribeFunction?
    public var nameRule: NameRule
    /// Field selector fields beyond `metadata.name` and `metadata.namespace`, with how to read them.
    public var fieldSelectors: [String: @Sendable (JSONValue) -> String]
    /// The definition name of the kind's schema in the embedded OpenAPI data
    /// (`io.k8s.api.apps.v1.Deployment`); nil for kinds without one (custom resources without schema).
    public var schemaName: String?
    /// For a custom resource: the `openAPIV3Schema` of this version from its CustomResourceDefinition
    /// (nil for built-in kinds and for CRD versions without a schema).
    public var openAPIV3Schema: JSONValue?
    /// The `scale` subresource (`kubectl scale`, `autoscale`); nil for kinds that cannot be scaled.
    public var scale: ScaleSubresource?
    /// Where the pod spec sits in an object (`spec.template.spec`; `spec` for a Pod), for the verbs that
    /// change pod templates (`set image|env|resources|...`, `expose`); nil for kinds without one.
    public var podSpecPath: [String]?
    /// How the API server maintains `metadata.generation`.
    public var generation: GenerationRule

    public init(group: String, version: String, kind: String, plural: String, singular: String? = nil,
                shortNames: [String] = [], namespaced: Bool, categories: [String] = [],
                verbs: [String] = ResourceType.standardVerbs, columns: [ColumnDefinition]? = nil,
                row: RowFunction? = nil, describer: DescribeFunction? = nil,
                nameRule: NameRule = .dns1123Subdomain,
                fieldSelectors: [String: @Sendable (JSONValue) -> String] = [:], schemaName: String? = nil,
                scale: ScaleSubresource? = nil, podSpecPath: [String]? = nil, generation: GenerationRule = .none)
    {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.singular = singular ?? kind.lowercased()
        self.shortNames = shortNames
        self.namespaced = namespaced
        self.categories = categories
        self.verbs = verbs
        self.columns = columns
        self.row = row
        self.describer = describer
        self.nameRule = nameRule
        self.fieldSelectors = fieldSelectors
        self.schemaName = schemaName
        self.scale = scale
        self.podSpecPath = podSpecPath
        self.generation = generation
        storageKey = Self.storageKey(group, plural)
    }

    public static let standardVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    /// `podSpecPath` of the workloads that hold a pod template in `spec.template`.
    public static let templatePodSpec = ["spec", "template", "spec"]

    public var gvk: GroupVersionKind { GroupVersionKind(group: group, version: version, kind: kind) }
    public var apiVersion: String { gvk.apiVersion }

    /// `pods`, `deployments.apps`: the resource as messages name it (`deployments.apps "x" not found`).
    public var qualifiedPlural: String { group.isEmpty ? plural : "\(plural).\(group)" }
    /// `pod`, `deployment.apps`: the prefix of `-o name` and the success lines (`deployment.apps/web created`).
    public var qualifiedKind: String { group.isEmpty ? kind.lowercased() : "\(kind.lowercased()).\(group)" }
    /// The store's key for this resource's rows (`apps/deployments`, `/pods`): kept with the type, as
    /// every store access names it (joined anew, it cost a pod's deletion about 1% of its instructions).
    public private(set) var storageKey: String

    private static func storageKey(_ group: String, _ plural: String) -> String { group + "/" + plural }

    /// The value of a field-selector field of an object: `metadata.name`/`metadata.namespace` for every
    /// kind, plus the kind's own `fieldSelectors`; nil when the kind does not support the field.
    public func fieldValue(_ field: String, of object: JSONValue) -> String? {
        switch field {
        case "metadata.name": return object["metadata"]["name"].string ?? ""
        case "metadata.namespace": return object["metadata"]["namespace"].string ?? ""
        default: return fieldSelectors[field].map { $0(object) }
        }
    }
}

/// How the API server maintains an object's `metadata.generation`.
public enum GenerationRule: Sendable, Equatable {
    /// The kind has no generation.
    case none
    /// 1 on create, one more whenever `spec` changes (the built-in kinds that have a spec to observe).
    case spec
    /// 1 on create, one more whenever anything but `metadata` and `status` changes (custom resources).
    case allButMetadataAndStatus

    /// Sets `metadata.generation` of an object being created (`old == nil`) or updated from `old` (whose
    /// generation the object already carries).
    public func apply(to obj: inout JSONValue, old: JSONValue?) {
        switch self {
        case .none:
            return
        case .spec:
            guard let old else { obj["metadata"]["generation"] = .int(1); return }
            if old["spec"] != obj["spec"] { obj["metadata"]["generation"] = .int((old["metadata"]["generation"].int ?? 0) + 1) }
        case .allButMetadataAndStatus:
            guard let old else { obj["metadata"]["generation"] = .int(1); return }
            var a = obj, b = old
            for k in ["metadata", "status"] { a.remove([k]); b.remove([k]) }
            let g = old["metadata"]["generation"].int ?? 1
            obj["metadata"]["generation"] = .int(a == b ? g : g + 1)
        }
    }
}

/// Where a kind keeps what its `scale` subresource reads and writes (a CRD's `subresources.scale`).
public struct ScaleSubresource: Sendable, Equatable {
    /// The desired replica count (`spec.replicas`).
    public var specReplicasPath: [String]
    /// The observed replica count (`status.replicas`).
    public var statusReplicasPath: [String]
    /// The serialized label selector the scale reports (`status.selector`); nil when the kind has none.
    public var labelSelectorPath: [String]?

    public init(specReplicasPath: [String], statusReplicasPath: [String], labelSelectorPath: [String]? = nil) {
        self.specReplicasPath = specReplicasPath
        self.statusReplicasPath = statusReplicasPath
        self.labelSelectorPath = labelSelectorPath
    }

    /// The built-in workloads' scale: `spec.replicas`, `status.replicas`.
    public static let replicas = ScaleSubresource(specReplicasPath: ["spec", "replicas"], statusReplicasPath: ["status", "replicas"])
}

/// One table cell as a row function computes it. Cells that depend on "now" (AGE, `RESTARTS (5m ago)`,
/// job DURATION, LAST SCHEDULE) are kept as the instant they count from, so rows can be computed when an
/// object is written and stored beside it, and rendered later at any "now".
public enum Cell: Sendable, Equatable {
    case text(String)
    /// `prefix + HumanDuration(now - since) + suffix`.
    case since(Timestamp, prefix: String = "", suffix: String = "")

    public func render(now: Timestamp) -> String {
        switch self {
        case .text(let s): return s
        case .since(let t, let p, let s): return p + humanDuration(seconds: now.seconds - t.seconds) + s
        }
    }

    /// AGE cell: `.since(creationTimestamp)`, `<unknown>` when absent.
    public static func age(_ object: JSONValue) -> Cell {
        guard let s = object["metadata"]["creationTimestamp"].string, let t = Timestamp(rfc3339: s) else {
            return .text("<unknown>")
        }
        return .since(t)
    }
}
