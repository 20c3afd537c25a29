import KubeModel
import KubeSchema

/// The patch metadata of one position in an object, read from the embedded OpenAPI schema: what
/// strategic merge patch needs to know about a field (`x-kubernetes-patch-strategy`,
/// `x-kubernetes-patch-merge-key`) and the type below it. An unknown position (no schema) merges
/// maps and replaces lists, as strategic merge does for fields without metadata.
public struct PatchSchema: Sendable {
    let index: SchemaIndex?
    let type: SchemaType?

    public init(index: SchemaIndex?, type: SchemaType?) {
        self.index = index
        self.type = type
    }

    /// No metadata anywhere below.
    public static let none = PatchSchema(index: nil, type: nil)

    /// The schema of a whole object of this apiVersion and kind (nil type when unknown).
    public static func forObject(apiVersion: String, kind: String, index: SchemaIndex = .builtin) -> PatchSchema {
        guard let def = index.definition(apiVersion: apiVersion, kind: kind) else { return .none }
        return PatchSchema(index: index, type: .ref(def.name))
    }

    /// The patch metadata of a field: its strategy, merge key and the schema of its value (for a
    /// list: of its elements).
    public struct Field {
        public var schema: PatchSchema
        public var strategies: [String]
        public var mergeKey: String
        public var listMapKeys: [String]

        public var isMerge: Bool { strategies.contains("merge") }
        public var isReplace: Bool { strategies.contains("replace") }
        public var isRetainKeys: Bool { strategies.contains("retainKeys") }
    }

    func definition(_ t: SchemaType?) -> SchemaDefinition? {
        guard let index, let t else { return nil }
        switch t {
        case .ref(let name): return index.definition(named: name)
        case .inline(let d): return d
        default: return nil
        }
    }

    /// strategicpatch's LookupPatchMetadataForStruct: a field a typed struct does not declare is an
    /// error (maps, and positions without a schema, have any key).
    public func lookup(_ key: String) throws -> Field {
        if let def = definition(type), def.type == .object, !def.properties.isEmpty, def.property(named: key) == nil {
            let goName = def.name.split(separator: ".").last.map(String.init) ?? def.name
            throw PatchError("unable to find api field in struct \(goName) for the json field \(strconvQuote(key))")
        }
        return field(key)
    }

    public func field(_ key: String) -> Field {
        let empty = Field(schema: .none, strategies: [], mergeKey: "", listMapKeys: [])
        guard let index, let type else { return empty }
        if case .map(let value) = type { return Field(schema: PatchSchema(index: index, type: value), strategies: [], mergeKey: "", listMapKeys: []) }
        guard let def = definition(type), let prop = def.property(named: key) else { return empty }
        var valueType: SchemaType = prop.type
        if case .array(let element) = prop.type { valueType = element }
        let strategies = (prop.extensions.patchStrategy ?? "").split(separator: ",").map(String.init)
        return Field(schema: PatchSchema(index: index, type: valueType), strategies: strategies,
                     mergeKey: prop.extensions.patchMergeKey ?? "", listMapKeys: prop.extensions.listMapKeys)
    }
}

/// Go's `%v` of an unstructured value, as strategic merge patch errors print maps and lists.
public func goValueString(_ v: JSONValue) -> String {
    switch v {
    case .null: return "<nil>"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return goFormatFloat(d)
    case .string(let s): return s
    case .array(let a): return "[" + a.map(goValueString).joined(separator: " ") + "]"
    case .object(let o): return "map[" + o.sortedKeys.map { "\($0):\(goValueString(o[$0]!))" }.joined(separator: " ") + "]"
    }
}
