import KubeModel
import KubeRegistry
import KubeSchema
import Synchronization

/// The shape of one position of an object as structured-merge-diff sees it, read from the embedded
/// OpenAPI schema: a struct (declared fields), a map (arbitrary keys), a list (atomic, a set, or
/// associative by key fields), a scalar, or "deduced" (no schema: maps are granular, lists atomic).
indirect enum FieldShape {
    case structure(SchemaDefinition, atomic: Bool)
    case map(SchemaType, atomic: Bool)
    case list(SchemaType, ListKind)
    case scalar
    case deduced

    /// An associative list's key fields, with the defaults its element type's schema gives them.
    enum ListKind { case atomic, set, map([String], defaults: [String: JSONValue] = [:]) }
}

/// Walks objects against their schema: the field set of a configuration (`ToFieldSet`) and the
/// fields two versions of an object differ in (`Compare`).
struct TypedFields {
    let index: SchemaIndex
    let root: FieldShape
    /// Shapes of the built-in schema are cached across requests; a CRD's schema can change.
    let cachesShapes: Bool

    init(apiVersion: String, kind: String, index: SchemaIndex = .builtin, cachesShapes: Bool = true) {
        self.index = index
        self.cachesShapes = cachesShapes
        if let def = index.definition(apiVersion: apiVersion, kind: kind) {
            root = .structure(def, atomic: false)
        } else {
            root = .deduced
        }
    }

    /// The shapes of a kind: a custom resource's from its CRD's `openAPIV3Schema` (list types, map
    /// keys, atomic maps as its `x-kubernetes-*` markers say), a built-in kind's from the embedded schema.
    init(_ type: ResourceType, apiVersion: String) {
        if let schema = type.openAPIV3Schema, schema.object != nil {
            let index = SchemaIndex.customResource(group: type.group, version: type.version, kind: type.kind, plural: type.plural,
                                                   namespaced: type.namespaced, openAPIV3Schema: schema)
            self.init(apiVersion: apiVersion, kind: type.kind, index: index, cachesShapes: false)
        } else {
            self.init(apiVersion: apiVersion, kind: type.kind)
        }
    }

    func shape(_ t: SchemaType, _ ext: SchemaExtensions? = nil) -> FieldShape {
        switch t {
        case .ref(let name):
            guard let def = index.definition(named: name) else { return .deduced }
            switch def.type {
            case .object: return .structure(def, atomic: def.extensions.mapType == "atomic" || ext?.mapType == "atomic")
            case .map(let v): return .map(v, atomic: ext?.mapType == "atomic")
            case .any: return .deduced
            case .ref, .inline, .array: return shape(def.type, ext)
            default: return .scalar
            }
        case .inline(let def): return .structure(def, atomic: def.extensions.mapType == "atomic" || ext?.mapType == "atomic")
        case .array(let el):
            let e = ext ?? SchemaExtensions()
            switch e.listType {
            case "map": return .list(el, .map(e.listMapKeys, defaults: Self.keyDefaults(el, index: index)))
            case "set": return .list(el, .set)
            case "atomic": return .list(el, .atomic)
            default:
                if e.patchStrategy?.contains("merge") == true {
                    if let k = e.patchMergeKey, !k.isEmpty { return .list(el, .map([k], defaults: Self.keyDefaults(el, index: index))) }
                    return .list(el, .set)
                }
                return .list(el, .atomic)
            }
        case .map(let v): return .map(v, atomic: ext?.mapType == "atomic")
        case .any: return .deduced
        case .object: return .deduced
        default: return .scalar
        }
    }

    /// Shapes of struct members already resolved (the built-in schema never changes).
    static let memberShapes = Mutex<[String: FieldShape]>([:])

    /// The shape of a member of a struct or map (deduced when the struct does not declare it).
    func child(_ s: FieldShape, _ key: String) -> FieldShape {
        switch s {
        case .structure(let def, _):
            let cacheKey = def.name + "\u{0}" + key
            if cachesShapes, let known = Self.memberShapes.withLock({ $0[cacheKey] }) { return known }
            guard let p = def.property(named: key) else { return .deduced }
            let resolved = shape(p.type, p.extensions)
            if cachesShapes && !def.name.isEmpty { Self.memberShapes.withLock { $0[cacheKey] = resolved } }
            return resolved
        case .map(let v, _): return shape(v)
        default: return .deduced
        }
    }

    func element(_ s: FieldShape) -> FieldShape {
        if case .list(let el, _) = s { return shape(el) }
        return .deduced
    }

    /// The defaults structured-merge-diff reads for missing key fields of a list item: v1.32's OpenAPI v3
    /// gives every key field of a built-in list-map one (`""` for strings, `0` for the ports' numbers,
    /// `TCP` for their protocol), except the four in `keysWithoutDefault`.
    static func keyDefaults(_ element: SchemaType, index: SchemaIndex = .builtin) -> [String: JSONValue] {
        guard case .ref(let name) = element, index === SchemaIndex.builtin, let def = index.definition(named: name) else { return [:] }
        var out: [String: JSONValue] = [:]
        for p in def.properties where !keysWithoutDefault.contains(name + "." + p.name) {
            switch p.type {
            case .string: out[p.name] = .string(p.name == "protocol" && portTypes.contains(name) ? "TCP" : "")
            case .integer: out[p.name] = .int(0)
            default: break
            }
        }
        return out
    }

    static let keysWithoutDefault: Set<String> = [
        "io.k8s.api.flowcontrol.v1.FlowSchemaCondition.type", "io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationCondition.type",
        "io.k8s.api.apiserverinternal.v1alpha1.ServerStorageVersion.apiServerID", "io.k8s.api.core.v1.ObjectReference.name",
    ]

    static let portTypes: Set<String> = ["io.k8s.api.core.v1.ContainerPort", "io.k8s.api.core.v1.ServicePort",
                                          "io.k8s.api.core.v1.EndpointPort", "io.k8s.api.discovery.v1.EndpointPort"]

    /// The path element of a list item.
    func itemElement(_ kind: FieldShape.ListKind, _ item: JSONValue, at i: Int) -> PathElement {
        switch kind {
        case .map(let keys, let defaults): return PathElement.key(of: item, fields: keys, defaults: defaults)
        case .set: return .value(item.compactJSON)
        case .atomic: return .index(i)
        }
    }

    // MARK: ToFieldSet

    /// The fields a configuration sets (what an applier owns after applying it).
    func fieldSet(of config: JSONValue) -> FieldSet {
        var set = FieldSet()
        var stripped = config
        ManagedFieldsBook.strip(&stripped)
        // Metadata that held only stripped keys leaves nothing behind (smd's Difference drops empty nodes).
        if config["metadata"].object?.isEmpty == false, stripped["metadata"].object?.isEmpty == true { stripped.remove(["metadata"]) }
        toFieldSet(stripped, root, [], &set)
        return set
    }

    func toFieldSet(_ v: JSONValue, _ s: FieldShape, _ path: [PathElement], _ set: inout FieldSet) {
        if v.isNull { set.insert(path); return }
        switch s {
        case .scalar: set.insert(path)
        case .list(_, .atomic), .structure(_, atomic: true), .map(_, atomic: true): set.insert(path)
        case .list(_, let kind):
            let el = element(s)
            for (i, item) in (v.array ?? []).enumerated() {
                let p = path + [itemElement(kind, item, at: i)]
                if case .set = kind { set.insert(p); continue }
                toFieldSet(item, el, p, &set)
                set.insert(p)
            }
        case .structure(let def, _):
            guard case .object(let o) = v else { set.insert(path); return }
            for (k, c) in o {
                let p = path + [.field(k)]
                toFieldSet(c, child(s, k), p, &set)
                if c.isNull || c.object?.isEmpty == true || def.property(named: k) == nil { set.insert(p) }
            }
        case .map, .deduced:
            switch v {
            case .object(let o):
                for (k, c) in o {
                    let p = path + [.field(k)]
                    toFieldSet(c, child(s, k), p, &set)
                    set.insert(p)
                }
            default: set.insert(path)
            }
        }
    }
}
