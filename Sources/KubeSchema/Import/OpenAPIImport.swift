// Schemas the user brings: an OpenAPI v2 document (`kubectl get --raw /openapi/v2`, swagger.json) or a
// v3 one (`kubectl get --raw /openapi/v3/apis/apps/v1`) from a real cluster, converted to the schema
// model so explain can use it instead of the embedded structure (descriptions included: they are the
// user's). Also: the index explain uses for a custom resource.
import KubeModel

/// Why a document could not be imported.
public struct OpenAPIImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The definitions of an OpenAPI v2 or v3 document.
public struct OpenAPIDocument: Sendable {
    /// `2` (swagger `definitions`) or `3` (`components.schemas`).
    public var openAPIVersion: Int
    public var definitions: [SchemaDefinition]

    /// The kinds the document defines (from `x-kubernetes-group-version-kind`).
    public var kinds: [GroupVersionKind] {
        var seen = Set<String>()
        var out: [GroupVersionKind] = []
        for d in definitions {
            for k in d.gvks where seen.insert(k.group + "/" + k.version + "/" + k.kind).inserted { out.append(k) }
        }
        return out
    }

    public init(openAPIVersion: Int, definitions: [SchemaDefinition]) {
        self.openAPIVersion = openAPIVersion
        self.definitions = definitions
    }

    /// Parses a document's JSON text.
    public init(json text: String) throws {
        let doc: JSONValue
        do { doc = try JSON.parse(text) } catch {
            throw OpenAPIImportError("not a JSON OpenAPI document: \(error)")
        }
        try self.init(doc)
    }

    public init(_ doc: JSONValue) throws {
        let schemas: JSONObject
        if let s = doc["components"]["schemas"].object {
            openAPIVersion = 3
            schemas = s
        } else if let s = doc["definitions"].object {
            openAPIVersion = 2
            schemas = s
        } else {
            throw OpenAPIImportError("not an OpenAPI document: neither \"components.schemas\" (v3) nor \"definitions\" (v2) found")
        }
        definitions = schemas.map { name, schema in openAPIDefinition(name: name, schema) }
    }

    /// An index over the document's definitions; references it does not define are taken from `fallback`.
    public func index(fallback: SchemaIndex = .builtin) -> SchemaIndex {
        SchemaIndex.closedOver(definitions, fallback: fallback)
    }
}

extension SchemaIndex {
    /// An in-memory index of `definitions` plus every definition they refer to (transitively) that only
    /// `fallback` has.
    public static func closedOver(_ definitions: [SchemaDefinition], fallback: SchemaIndex,
                                  servedResources: [ServedResource] = [], groupVersions: [String] = []) -> SchemaIndex
    {
        var all: [String: SchemaDefinition] = [:]
        for d in definitions { all[d.name] = d }
        var pending = definitions.flatMap { refs(in: $0) }
        while let name = pending.popLast() {
            if all[name] != nil { continue }
            guard let d = fallback.definition(named: name) else { continue }
            all[name] = d
            pending += refs(in: d)
        }
        return SchemaIndex(definitions: Array(all.values), servedResources: servedResources, groupVersions: groupVersions)
    }

    /// The index explain uses for one version of a custom resource: its CRD schema (with the CRD's
    /// descriptions), the standard `apiVersion`, `kind` and `metadata` fields the API server adds to a
    /// CRD's published schema (with our descriptions), and ObjectMeta's definitions from `base`.
    public static func customResourceForExplain(group: String, version: String, kind: String, plural: String,
                                                namespaced: Bool, openAPIV3Schema schema: JSONValue?,
                                                base: SchemaIndex = .builtin) -> SchemaIndex
    {
        let crd = customResource(group: group, version: version, kind: kind, plural: plural, namespaced: namespaced,
                                 openAPIV3Schema: withEmbeddedResourceFields(
                                     schema ?? ["type": "object", "x-kubernetes-preserve-unknown-fields": true]))
        guard var def = crd.definition(for: GroupVersionKind(group: group, version: version, kind: kind)) else { return crd }
        // The standard fields every published CRD schema gets (our own wording).
        let objectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
        let standard: [(String, SchemaType, String)] = [
            ("apiVersion", .string(format: nil),
             "The group and version of the schema this object is written in (\"\(group)/\(version)\" here). Clients send it; the server checks it and serves the object in the version asked for."),
            ("kind", .string(format: nil),
             "The type of this object (\"\(kind)\"), in CamelCase. Clients send it; the server checks it against the resource the request is for."),
            ("metadata", .ref(objectMeta),
             "Identity and bookkeeping data of the object: name, namespace, labels and annotations set by users, and the uid, resourceVersion, generation and timestamps set by the server."),
        ]
        // The API server sets these three whatever the CRD's schema says of them (type and description).
        for (name, type, text) in standard {
            if let i = def.properties.firstIndex(where: { $0.name == name }) {
                def.properties[i].type = type
                def.properties[i].description = text
            } else {
                def.properties.append(SchemaProperty(name: name, type: type, description: text))
            }
        }
        return closedOver([def], fallback: base, servedResources: crd.servedResources, groupVersions: crd.groupVersions)
    }

    /// What the API server's OpenAPI builder does to every `x-kubernetes-embedded-resource` object of a
    /// CRD schema (at any depth, through lists and maps): it gets `apiVersion`, `kind` (strings) and
    /// `metadata` (ObjectMeta) fields, replacing any the schema has, and `kind` and `apiVersion` are required.
    static func withEmbeddedResourceFields(_ s: JSONValue) -> JSONValue {
        guard var o = s.object else { return s }
        if var props = o["properties"]?.object {
            for (k, v) in props { props[k] = withEmbeddedResourceFields(v) }
            o["properties"] = .object(props)
        }
        for k in ["items", "additionalProperties"] {
            if let v = o[k], v.object != nil { o[k] = withEmbeddedResourceFields(v) }
        }
        guard o["x-kubernetes-embedded-resource"]?.bool == true else { return .object(o) }
        var props = o["properties"]?.object ?? JSONObject()
        props["apiVersion"] = ["type": "string", "description": "The group and version of the embedded object's schema."]
        props["kind"] = ["type": "string", "description": "The type of the embedded object, in CamelCase."]
        props["metadata"] = ["$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
                             "description": "The embedded object's name, namespace, labels, annotations and the rest of its metadata."]
        o["properties"] = .object(props)
        var required = (o["required"]?.array ?? []).compactMap(\.string)
        for r in ["kind", "apiVersion"] where !required.contains(r) { required.append(r) }
        o["required"] = .array(required.map { .string($0) })
        return .object(o)
    }

    static func refs(in d: SchemaDefinition) -> [String] {
        var out: [String] = []
        func visit(_ t: SchemaType) {
            switch t {
            case .ref(let n): out.append(n)
            case .array(let i), .map(let i): visit(i)
            case .inline(let d): d.properties.forEach { visit($0.type) }
            default: break
            }
        }
        visit(d.type)
        d.properties.forEach { visit($0.type) }
        return out
    }
}

// MARK: - conversion

/// `#/components/schemas/io.k8s.api.core.v1.Pod` or `#/definitions/...` → the definition name.
func refName(_ ref: String) -> String {
    for prefix in ["#/components/schemas/", "#/definitions/"] where ref.hasPrefix(prefix) {
        return String(ref.dropFirst(prefix.count))
    }
    return ref
}

func openAPIDefinition(name: String, _ s: JSONValue) -> SchemaDefinition {
    var d = SchemaDefinition(name: name, type: .object)
    d.description = s["description"].string ?? ""
    d.required = (s["required"].array ?? []).compactMap(\.string)
    d.enumValues = s["enum"].array ?? []
    d.extensions = openAPIExtensions(s)
    d.gvks = (s["x-kubernetes-group-version-kind"].array ?? []).map {
        GroupVersionKind(group: $0["group"].string ?? "", version: $0["version"].string ?? "", kind: $0["kind"].string ?? "")
    }
    if let props = s["properties"].object {
        for (k, v) in props {
            var p = SchemaProperty(name: k, type: openAPIType(v), extensions: openAPIExtensions(v),
                                   enumValues: v["enum"].array ?? [], description: v["description"].string ?? "")
            if case .inline(var inner) = p.type {
                inner.description = ""
                p.type = .inline(inner)
            }
            d.properties.append(p)
        }
    } else {
        let t = openAPIType(s, definitionName: name)
        if case .inline = t {} else { d.type = t }
    }
    return d
}

func openAPIExtensions(_ s: JSONValue) -> SchemaExtensions {
    var e = SchemaExtensions()
    e.patchMergeKey = s["x-kubernetes-patch-merge-key"].string
    e.patchStrategy = s["x-kubernetes-patch-strategy"].string
    e.listType = s["x-kubernetes-list-type"].string
    e.listMapKeys = (s["x-kubernetes-list-map-keys"].array ?? []).compactMap(\.string)
    e.mapType = s["x-kubernetes-map-type"].string
    e.preserveUnknownFields = s["x-kubernetes-preserve-unknown-fields"].bool ?? false
    e.embeddedResource = s["x-kubernetes-embedded-resource"].bool ?? false
    e.intOrString = s["x-kubernetes-int-or-string"].bool ?? false
    return e
}

/// The type of a schema (a property, `items`, `additionalProperties`, or a scalar definition).
func openAPIType(_ s: JSONValue, definitionName: String = "") -> SchemaType {
    if let ref = s["$ref"].string { return .ref(refName(ref)) }
    if let all = s["allOf"].array, all.count == 1, let ref = all[0]["$ref"].string { return .ref(refName(ref)) }
    if s["x-kubernetes-int-or-string"].bool == true || s["format"].string == "int-or-string" { return .intOrString }
    if definitionName.hasSuffix(".Quantity") { return .quantity }
    switch s["type"].string {
    case "string": return .string(format: s["format"].string)
    case "integer": return .integer(format: s["format"].string)
    case "number": return .number(format: s["format"].string)
    case "boolean": return .boolean
    case "array": return .array(s["items"].isNull ? .any(preserveUnknownFields: false) : openAPIType(s["items"]))
    case "object":
        if s["properties"].object == nil {
            if case .object = s["additionalProperties"] { return .map(openAPIType(s["additionalProperties"])) }
            return .any(preserveUnknownFields: s["x-kubernetes-preserve-unknown-fields"].bool ?? false)
        }
        return .inline(openAPIDefinition(name: "", s))
    default:
        if s["properties"].object != nil { return .inline(openAPIDefinition(name: "", s)) }
        return .any(preserveUnknownFields: s["x-kubernetes-preserve-unknown-fields"].bool ?? false)
    }
}
