import KubeModel

/// The Go types kustomize decodes a kustomization into, and the first error Go's encoding/json reports
/// when the file's values do not fit them. kustomize turns the YAML into JSON first (sigs.k8s.io/yaml:
/// every object's keys sorted), then decodes with unknown fields refused; the decoder goes on after a
/// mismatch and reports the first one met, so the walk below visits keys in sorted order.
indirect enum GoShape {
    case string(String)          // a string, or a named string type ("types.SortOrder")
    case bool
    case int(String)             // "int64", "int"
    case stringList(String)      // "[]string", "[]types.PatchStrategicMerge" (element name after the comma)
    case stringMap(String)       // "map[string]string", "map[string]bool": value type
    case structure(String, [(String, GoShape)])
    case list(String, GoShape)   // Go type name of the slice, element shape
    case any

    static let str = GoShape.string("string")

    /// The Go type name printed in an error for this shape.
    var typeName: String {
        switch self {
        case .string(let n): return n
        case .bool: return "bool"
        case .int(let n): return n
        case .stringList(let n): return n
        case .stringMap(let v): return "map[string]\(v)"
        case .structure(let n, _): return n.contains(".") ? n : "types.\(n)"
        case .list(let n, _): return n
        case .any: return "interface {}"
        }
    }

    static let resId: [(String, GoShape)] = [("group", str), ("version", str), ("kind", str), ("name", str), ("namespace", str)]
    static let selector = GoShape.structure("Selector", resId + [("labelSelector", str), ("annotationSelector", str)])
    static let patch = GoShape.structure("Patch", [("path", str), ("patch", str), ("target", selector), ("options", .stringMap("bool"))])
    static let generatorOptions = GoShape.structure("GeneratorOptions", [
        ("labels", .stringMap("string")), ("annotations", .stringMap("string")), ("disableNameSuffixHash", .bool),
        ("immutable", .bool),
    ])
    static let generatorArgs: [(String, GoShape)] = [
        ("namespace", str), ("name", str), ("behavior", str), ("literals", .stringList("[]string")),
        ("files", .stringList("[]string")), ("envs", .stringList("[]string")), ("env", str), ("options", generatorOptions),
    ]
    static let fieldSpec = GoShape.structure("FieldSpec", resId + [("path", str), ("create", .bool)])
    static let fieldOptions = GoShape.structure("FieldOptions", [
        ("delimiter", str), ("index", .int("int")), ("encoding", str), ("create", .bool),
    ])
    static let replacement = GoShape.structure("ReplacementField", [
        ("source", .structure("SourceSelector", resId + [("fieldPath", str), ("options", fieldOptions)])),
        ("targets", .list("[]*types.TargetSelector", .structure("TargetSelector", [
            ("select", selector), ("reject", .list("[]*types.Selector", selector)),
            ("fieldPaths", .stringList("[]string")), ("options", fieldOptions),
        ]))),
        ("path", str),
    ])
    /// A `configurations` file (kustomize's builtinconfig.TransformerConfig).
    static let transformerConfig: GoShape = {
        let fs = GoShape.list("types.FsSlice", fieldSpec)
        return .structure("builtinconfig.TransformerConfig", [
            ("namePrefix", fs), ("nameSuffix", fs), ("namespace", fs), ("commonLabels", fs), ("labels", fs), ("templateLabels", fs),
            ("commonAnnotations", fs),
            ("nameReference", .list("builtinconfig.nbrSlice", .structure("builtinconfig.NameBackReferences",
                                                                          [("group", str), ("version", str), ("kind", str), ("fieldSpecs", fs)]))),
            ("varReference", fs), ("images", fs), ("replicas", fs),
        ])
    }()

    static let kustomization = GoShape.structure("Kustomization", [
        ("kind", str), ("apiVersion", str),
        ("metadata", .structure("ObjectMeta", [("name", str), ("namespace", str), ("labels", .stringMap("string")),
                                              ("annotations", .stringMap("string"))])),
        ("openapi", .stringMap("string")), ("namePrefix", str), ("nameSuffix", str), ("namespace", str),
        ("commonLabels", .stringMap("string")),
        ("labels", .list("[]types.Label", .structure("Label", [
            ("pairs", .stringMap("string")), ("includeSelectors", .bool), ("includeTemplates", .bool),
            ("fields", .list("[]types.FieldSpec", fieldSpec)),
        ]))),
        ("commonAnnotations", .stringMap("string")),
        ("patchesStrategicMerge", .stringList("[]types.PatchStrategicMerge,types.PatchStrategicMerge")),
        ("patchesJson6902", .list("[]types.Patch", patch)), ("patches", .list("[]types.Patch", patch)),
        ("images", .list("[]types.Image", .structure("Image", [
            ("name", str), ("newName", str), ("tagSuffix", str), ("newTag", str), ("digest", str),
        ]))),
        ("imageTags", .list("[]types.Image", .structure("Image", [
            ("name", str), ("newName", str), ("tagSuffix", str), ("newTag", str), ("digest", str),
        ]))),
        ("replacements", .list("[]types.ReplacementField", replacement)),
        ("replicas", .list("[]types.Replica", .structure("Replica", [("name", str), ("count", .int("int64"))]))),
        ("vars", .list("[]types.Var", .structure("Var", [
            ("name", str),
            ("objref", .structure("Target", resId + [("apiVersion", str)])),
            ("fieldref", .structure("FieldSelector", [("fieldPath", str)])),
        ]))),
        ("sortOptions", .structure("SortOptions", [
            ("order", .string("types.SortOrder")),
            ("legacySortOptions", .structure("LegacySortOptions", [
                ("orderFirst", .stringList("[]string")), ("orderLast", .stringList("[]string")),
            ])),
        ])),
        ("resources", .stringList("[]string")), ("components", .stringList("[]string")), ("crds", .stringList("[]string")),
        ("bases", .stringList("[]string")),
        ("configMapGenerator", .list("[]types.ConfigMapArgs", .structure("ConfigMapArgs", generatorArgs))),
        ("secretGenerator", .list("[]types.SecretArgs", .structure("SecretArgs", generatorArgs + [("type", str)]))),
        ("helmGlobals", .any), ("helmCharts", .any), ("helmChartInflationGenerator", .any),
        ("generatorOptions", generatorOptions),
        ("configurations", .stringList("[]string")), ("generators", .stringList("[]string")),
        ("transformers", .stringList("[]string")), ("validators", .stringList("[]string")),
        ("buildMetadata", .stringList("[]string")),
    ])

    /// The first error Go reports decoding `value` into this shape (nil when it fits). `structName` and
    /// `path` are the innermost struct's name and the field names from the root, as Go prints them.
    func firstError(_ value: JSONValue, structName: String, path: [String]) -> String? {
        if value.isNull { return nil }
        func mismatch(_ word: String? = nil, type: String? = nil) -> String {
            let field = structName.isEmpty ? "" : " into Go struct field \(structName).\(path.joined(separator: "."))"
            let into = structName.isEmpty ? " into Go value" : field
            return "json: cannot unmarshal \(word ?? value.goJSONTypeName)\(into) of type \(type ?? typeName)"
        }
        switch self {
        case .any:
            return nil
        case .string:
            if value.string == nil { return mismatch() }
        case .bool:
            if value.bool == nil { return mismatch() }
        case .int:
            switch value {
            case .int: return nil
            case .double(let d): return mismatch("number \(goFormatFloat(d))")
            default: return mismatch()
            }
        case .stringList(let names):
            let parts = names.split(separator: ",").map(String.init)
            guard let items = value.array else { return mismatch(type: parts[0]) }
            let elem = parts.count > 1 ? parts[1] : "string"
            for item in items where !item.isNull && item.string == nil { return mismatch(item.goJSONTypeName, type: elem) }
        case .stringMap(let valueType):
            guard let o = value.object else { return mismatch() }
            for (_, v) in o.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) where !v.isNull {
                let ok = valueType == "bool" ? v.bool != nil : v.string != nil
                if !ok { return mismatch(v.goJSONTypeName, type: valueType) }
            }
        case .list(_, let elem):
            guard let items = value.array else { return mismatch() }
            for item in items {
                if let e = elem.firstError(item, structName: structName, path: path) { return e }
            }
        case .structure(let name, let fields):
            guard let o = value.object else { return mismatch() }
            let bare = name.split(separator: ".").last.map(String.init) ?? name
            for (key, v) in o.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
                let field = fields.first(where: { $0.0 == key }) ?? fields.first(where: { $0.0.lowercased() == key.lowercased() })
                guard let (fname, shape) = field else { return "json: unknown field \(strconvQuote(key))" }
                if let e = shape.firstError(v, structName: bare, path: path + [fname]) { return e }
            }
        }
        return nil
    }
}
