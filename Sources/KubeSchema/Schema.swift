// The schema model: the structure of API types (fields, their types, list/map/patch extensions),
// compiled from the upstream v1.32 OpenAPI v3 documents by Scripts/gen-schema.py and embedded in
// the binary (Generated/BuiltinSchemaData.swift). Descriptions are ours to write: the model has a
// slot for one per definition and per field, empty for the built-in data.
import KubeModel

extension GroupVersionKind {
    /// Parses the `group:version:Kind` form of the schema text.
    init?(colonSeparated s: Substring) {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        self.init(group: String(parts[0]), version: String(parts[1]), kind: String(parts[2]))
    }
}

/// The type of a definition, field, list item or map value.
public indirect enum SchemaType: Sendable, Equatable {
    case string(format: String?)
    case integer(format: String?)
    case number(format: String?)
    case boolean
    /// A reference to a named definition.
    case ref(String)
    /// The definition itself is an object whose fields are its `properties` (only as a definition's type).
    case object
    /// An anonymous object type with its own fields (CRD schemas; not used by the built-in data).
    case inline(SchemaDefinition)
    case array(SchemaType)
    /// An object with arbitrary keys (`additionalProperties`) whose values have this type.
    case map(SchemaType)
    case intOrString
    /// `resource.Quantity`: a string or number in quantity syntax.
    case quantity
    /// Any JSON value (`RawExtension`, `FieldsV1`, `JSON`, untyped schemas, preserve-unknown-fields).
    case any(preserveUnknownFields: Bool)
}

/// The `x-kubernetes-*` extensions kept from the OpenAPI documents.
public struct SchemaExtensions: Sendable, Equatable {
    public var patchMergeKey: String?
    public var patchStrategy: String?
    public var listType: String?
    public var listMapKeys: [String] = []
    public var mapType: String?
    public var preserveUnknownFields = false
    public var embeddedResource = false
    public var intOrString = false

    public init() {}

    public var isEmpty: Bool { self == SchemaExtensions() }
}

/// One field of an object definition.
public struct SchemaProperty: Sendable, Equatable {
    public var name: String
    public var type: SchemaType
    public var extensions: SchemaExtensions
    public var enumValues: [JSONValue]
    /// Our own description text (empty in the built-in data).
    public var description: String

    public init(name: String, type: SchemaType, extensions: SchemaExtensions = SchemaExtensions(),
                enumValues: [JSONValue] = [], description: String = "") {
        self.name = name
        self.type = type
        self.extensions = extensions
        self.enumValues = enumValues
        self.description = description
    }
}

/// A named schema (`components.schemas` entry) or an anonymous inline object schema.
public struct SchemaDefinition: Sendable, Equatable {
    /// The full OpenAPI name, e.g. `io.k8s.api.apps.v1.Deployment` (empty for inline objects).
    public var name: String
    /// `.object` for structs; other types for named scalars (`Time` is `.string("date-time")`).
    public var type: SchemaType
    /// Fields in upstream order.
    public var properties: [SchemaProperty]
    public var required: [String]
    public var enumValues: [JSONValue]
    public var gvks: [GroupVersionKind]
    public var extensions: SchemaExtensions
    /// Our own description text (empty in the built-in data).
    public var description: String

    public init(name: String, type: SchemaType = .object, properties: [SchemaProperty] = [], required: [String] = [],
                enumValues: [JSONValue] = [], gvks: [GroupVersionKind] = [],
                extensions: SchemaExtensions = SchemaExtensions(), description: String = "") {
        self.name = name
        self.type = type
        self.properties = properties
        self.required = required
        self.enumValues = enumValues
        self.gvks = gvks
        self.extensions = extensions
        self.description = description
    }

    public func property(named n: String) -> SchemaProperty? {
        for p in properties where p.name == n { return p }
        return nil
    }

    public func isRequired(_ field: String) -> Bool { required.contains(field) }

    /// The last dot-separated component of the name: the Go type name (`Deployment`).
    public var shortName: String {
        // The names are ASCII: the last "." byte with ASCII bytes around it is the last "." character
        // (no grapheme cluster joins it), found without walking characters back from the end.
        let utf8 = name.utf8
        if let dot = utf8.lastIndex(of: UInt8(ascii: ".")) {
            let after = utf8.index(after: dot)
            if (dot == utf8.startIndex || utf8[utf8.index(before: dot)] < 0x80) && (after == utf8.endIndex || utf8[after] < 0x80) {
                return String(decoding: utf8[after...], as: UTF8.self)
            }
        } else {
            return name
        }
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[name.index(after: dot)...])
    }

    /// The Go type as `reflect.Type.String()` prints it: package name and type (`v1.DeploymentSpec`).
    public var goTypeName: String {
        let parts = name.split(separator: ".")
        guard parts.count >= 2 else { return name }
        return parts[parts.count - 2] + "." + parts[parts.count - 1]
    }
}

/// A resource the API serves (from the OpenAPI `paths`), as discovery lists it.
public struct ServedResource: Sendable, Equatable {
    public var group: String
    public var version: String
    /// The kind of the objects stored under this resource.
    public var kind: String
    public var plural: String
    public var namespaced: Bool
    /// Sorted discovery verbs: create, delete, deletecollection, get, list, patch, update, watch.
    public var verbs: [String]
    public var subresources: [ServedSubresource]

    public init(group: String, version: String, kind: String, plural: String, namespaced: Bool, verbs: [String],
                subresources: [ServedSubresource] = []) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.namespaced = namespaced
        self.verbs = verbs
        self.subresources = subresources
    }

    public var groupVersion: String { group.isEmpty ? version : group + "/" + version }
    public var gvk: GroupVersionKind { GroupVersionKind(group: group, version: version, kind: kind) }
}

/// A subresource such as `status`, `scale`, `log` or `eviction`.
public struct ServedSubresource: Sendable, Equatable {
    /// The subresource name (`status`).
    public var name: String
    /// The kind sent to or returned by the subresource, when the documents name one (`autoscaling/v1 Scale`).
    public var kind: GroupVersionKind?
    public var verbs: [String]

    public init(name: String, kind: GroupVersionKind?, verbs: [String]) {
        self.name = name
        self.kind = kind
        self.verbs = verbs
    }
}
