import KubeCodec
import KubeModel

/// A parsed `kustomization.yaml`. Field names match case-insensitively, as Go's encoding/json does
/// when kustomize decodes the file (`nameprefix:` works like `namePrefix:`).
struct Kustomization {
    var namePrefix = ""
    var nameSuffix = ""
    var namespace = ""
    var commonLabels: [(String, String)] = []
    var labels: [LabelsEntry] = []
    var commonAnnotations: [(String, String)] = []
    var resources: [String] = []
    var images: [ImageEntry] = []
    var replicas: [(name: String, count: JSONValue)] = []
    var configMapGenerator: [GeneratorArgs] = []
    var secretGenerator: [GeneratorArgs] = []
    var generatorOptions = GeneratorOptions()
    var patches: [PatchEntry] = []
    var patchesStrategicMerge: [String] = []
    var patchesJson6902: [PatchEntry] = []
    /// helm chart entries: refused (kubectl-local cannot run helm), with kustomize's text without --enable-helm.
    var helmCharts: [JSONValue] = []
    var kind = ""
    var apiVersion = ""
    var components: [String] = []
    var vars: [KustomizeVar] = []
    var buildMetadata: [String] = []
    /// Files kustomize reads before building (`openapi.path`, `configurations`): they must exist.
    var openapiPath = ""
    /// `openapi.version`: kubectl's kustomize has v1.21.2 built in, and refuses it next to a `path`.
    var openapiVersion = ""
    /// `helmGlobals` (chartHome, configHome), printed with each chart's configuration.
    var helmGlobals: [(String, String)] = []
    var configurations: [String] = []
    /// `replacements` entries as written (inline, or `path:` of a file of them).
    var replacements: [JSONValue] = []
    /// `crds`: OpenAPI definition files of custom kinds. Read (they must exist); their name-reference
    /// extensions are not applied (in the sweep kubectl v1.32 left such references alone too).
    var crds: [String] = []
    /// `sortOptions`: its order ("" when not given) and the legacy order's own first and last kinds.
    var sortOrder = ""
    var orderFirst: [String]?
    var orderLast: [String]?
    /// Deprecation notes kustomize prints on stderr (`# Warning: ...`).
    var warnings: [String] = []

    struct LabelsEntry {
        var pairs: [(String, String)] = []
        var includeSelectors = false
        var includeTemplates = false
        /// `fields`: more field specs for this entry's labels.
        var fields: [FieldSpec] = []
    }

    struct ImageEntry {
        var name = ""
        var newName = ""
        var newTag = ""
        var digest = ""
    }

    struct GeneratorOptions {
        var labels: [(String, String)] = []
        var annotations: [(String, String)] = []
        var disableNameSuffixHash = false
        var immutable = false
    }

    struct GeneratorArgs {
        var name = ""
        var namespace = ""
        var behavior = ""
        var literals: [String] = []
        var files: [String] = []
        var envs: [String] = []
        var type = ""
        var options: GeneratorOptions?
    }

    struct Target {
        var group = "", version = "", kind = "", name = "", namespace = ""
        var labelSelector = "", annotationSelector = ""
    }

    struct PatchEntry {
        var path = ""
        var patch = ""
        var target: Target?
        /// `options`: a strategic merge patch may rename (`allowNameChange`) or re-kind (`allowKindChange`)
        /// the objects it targets.
        var allowNameChange = false
        var allowKindChange = false
        /// Every option as written (kustomize prints them back in its configuration texts).
        var options = JSONObject()
    }

    /// Every field kustomize v5.5's Kustomization type declares; a key that matches none is an error.
    static let knownFields = [
        "apiVersion", "kind", "metadata", "openapi", "namePrefix", "nameSuffix", "namespace", "commonLabels",
        "labels", "commonAnnotations", "patchesStrategicMerge", "patchesJson6902", "patches", "images",
        "imageTags", "replacements", "replicas", "vars", "sortOptions", "resources", "components", "crds",
        "bases", "configMapGenerator", "secretGenerator", "helmGlobals", "helmCharts",
        "helmChartInflationGenerator", "generatorOptions", "configurations", "generators", "transformers",
        "validators", "buildMetadata",
    ]
    /// Fields kustomize knows that this implementation does not carry out; using one is an error
    /// rather than a silently different result.
    static let unsupportedFields = [
        "helmChartInflationGenerator", "generators", "transformers", "validators",
    ]

    /// kustomize's EnforceFields: a kind other than Kustomization or Component, an apiVersion other
    /// than the kind's.
    var fieldProblems: [String] {
        var problems: [String] = []
        let kind = kind.isEmpty ? "Kustomization" : kind
        if kind != "Kustomization" && kind != "Component" { problems.append("kind should be Kustomization or Component") }
        let required = kind == "Component" ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1"
        if !apiVersion.isEmpty && apiVersion != required { problems.append("apiVersion for \(kind) should be \(required)") }
        return problems
    }

    static func parse(_ text: String) throws -> Kustomization {
        let doc: JSONValue
        do { doc = try YAMLCodec.decode(text) } catch let e as YAMLError {
            throw KustomizeError("invalid Kustomization: \(KustomizeBuilder.bareYAMLError(e))")
        }
        guard case .object(let raw) = doc else {
            if doc.isNull { throw KustomizeError("kustomization.yaml is empty") }
            throw KustomizeError("invalid Kustomization: json: cannot unmarshal \(doc.goJSONTypeName) into Go value of type types.Kustomization")
        }
        // Only a kind and an apiVersion (or nothing) is an empty kustomization.
        if raw.keys.allSatisfy({ ["kind", "apiversion"].contains($0.lowercased()) }) {
            throw KustomizeError("kustomization.yaml is empty")
        }
        // Go decodes the kustomization into its types: the first value that does not fit is the error.
        if let e = GoShape.kustomization.firstError(doc, structName: "", path: []) {
            throw KustomizeError("invalid Kustomization: \(e)")
        }
        // A chart's string fields (the shape leaves charts open).
        for chart in raw["helmCharts"]?.array ?? [] {
            for field in ["name", "version", "repo", "releaseName", "namespace", "nameTemplate", "valuesFile", "kubeVersion"] {
                guard let v = chart.object?[field], v.string == nil, !v.isNull else { continue }
                throw KustomizeError("invalid Kustomization: json: cannot unmarshal \(v.goJSONTypeName) into Go struct field HelmChart.helmCharts.\(field) of type string")
            }
        }
        // Canonical field name -> value, matching keys case-insensitively.
        var fields: [String: JSONValue] = [:]
        for (key, value) in raw {
            guard let canonical = knownFields.first(where: { $0 == key }) ?? knownFields.first(where: { $0.lowercased() == key.lowercased() })
            else { continue }
            fields[canonical] = value
        }
        for f in unsupportedFields {
            if let v = fields[f], !v.isEmptyValue {
                throw KustomizeError("kustomization field \(strconvQuote(f)) is not supported by kubectl-local")
            }
        }
        var k = Kustomization()
        k.namePrefix = fields["namePrefix"]?.string ?? ""
        k.nameSuffix = fields["nameSuffix"]?.string ?? ""
        k.namespace = fields["namespace"]?.string ?? ""
        k.commonLabels = stringPairs(fields["commonLabels"])
        k.commonAnnotations = stringPairs(fields["commonAnnotations"])
        k.resources = strings(fields["resources"])
        if let bases = fields["bases"], !bases.isEmptyValue {
            k.resources += strings(bases)
        }
        for l in fields["labels"]?.array ?? [] {
            var e = LabelsEntry()
            e.pairs = stringPairs(member(l, "pairs"))
            e.includeSelectors = member(l, "includeSelectors").bool ?? false
            e.includeTemplates = member(l, "includeTemplates").bool ?? false
            for f in member(l, "fields").array ?? [] {
                guard let path = member(f, "path").string else { continue }
                func opt(_ key: String) -> String? { member(f, key).string.flatMap { $0.isEmpty ? nil : $0 } }
                e.fields.append(FieldSpec(path, kind: opt("kind"), group: opt("group"), version: opt("version"),
                                          create: member(f, "create").bool ?? false))
            }
            k.labels.append(e)
        }
        // imageTags (deprecated) are images after the images.
        for i in (fields["images"]?.array ?? []) + (fields["imageTags"]?.array ?? []) {
            k.images.append(ImageEntry(name: scalar(member(i, "name")), newName: scalar(member(i, "newName")),
                                       newTag: scalar(member(i, "newTag")), digest: scalar(member(i, "digest"))))
        }
        for r in fields["replicas"]?.array ?? [] {
            k.replicas.append((scalar(member(r, "name")), member(r, "count")))
        }
        k.configMapGenerator = (fields["configMapGenerator"]?.array ?? []).map(generatorArgs)
        k.secretGenerator = (fields["secretGenerator"]?.array ?? []).map(generatorArgs)
        if let o = fields["generatorOptions"] { k.generatorOptions = generatorOptions(o) }
        k.patches = (fields["patches"]?.array ?? []).map(patchEntry)
        k.patchesJson6902 = (fields["patchesJson6902"]?.array ?? []).map(patchEntry)
        k.patchesStrategicMerge = strings(fields["patchesStrategicMerge"])
        k.helmCharts = fields["helmCharts"]?.array ?? []
        k.kind = fields["kind"]?.string ?? ""
        k.apiVersion = fields["apiVersion"]?.string ?? ""
        k.components = strings(fields["components"])
        k.vars = (fields["vars"]?.array ?? []).map(KustomizeVar.init)
        k.buildMetadata = strings(fields["buildMetadata"])
        k.openapiPath = scalar(member(fields["openapi"] ?? .null, "path"))
        k.openapiVersion = scalar(member(fields["openapi"] ?? .null, "version"))
        for key in ["chartHome", "configHome"] {
            let v = scalar(member(fields["helmGlobals"] ?? .null, key))
            if !v.isEmpty { k.helmGlobals.append((key, v)) }
        }
        k.configurations = strings(fields["configurations"])
        k.replacements = fields["replacements"]?.array ?? []
        k.crds = strings(fields["crds"])
        if let so = fields["sortOptions"], !so.isNull {
            k.sortOrder = scalar(member(so, "order"))
            let legacy = member(so, "legacySortOptions")
            if !legacy.isNull {
                k.orderFirst = strings(member(legacy, "orderFirst"))
                k.orderLast = strings(member(legacy, "orderLast"))
            }
        }

        // kustomize's deprecation notes, in the order its `FixKustomization` checks them.
        func deprecated(_ field: String, _ instead: String) {
            if let v = fields[field], !v.isEmptyValue {
                k.warnings.append("# Warning: '\(field)' is deprecated. Please use '\(instead)' instead. Run 'kustomize edit fix' to update your Kustomization automatically.")
            }
        }
        deprecated("bases", "resources")
        deprecated("commonLabels", "labels")
        deprecated("imageTags", "images")
        deprecated("patchesJson6902", "patches")
        deprecated("patchesStrategicMerge", "patches")
        if let v = fields["vars"], !v.isEmptyValue { k.warnings.append(KustomizeVars.warning) }
        return k
    }

    // MARK: helpers

    /// A struct field of a nested kustomize type, matched case-insensitively.
    static func member(_ v: JSONValue, _ name: String) -> JSONValue {
        guard case .object(let o) = v else { return .null }
        if let exact = o[name] { return exact }
        for (key, value) in o where key.lowercased() == name.lowercased() { return value }
        return .null
    }

    static func scalar(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return goFormatFloat(d)
        case .bool(let b): return b ? "true" : "false"
        default: return ""
        }
    }

    static func strings(_ v: JSONValue?) -> [String] {
        (v?.array ?? []).map(scalar)
    }

    static func stringPairs(_ v: JSONValue?) -> [(String, String)] {
        guard case .object(let o)? = v else { return [] }
        return o.map { ($0, scalar($1)) }
    }

    static func generatorOptions(_ v: JSONValue) -> GeneratorOptions {
        GeneratorOptions(labels: stringPairs(member(v, "labels")), annotations: stringPairs(member(v, "annotations")),
                         disableNameSuffixHash: member(v, "disableNameSuffixHash").bool ?? false,
                         immutable: member(v, "immutable").bool ?? false)
    }

    static func generatorArgs(_ v: JSONValue) -> GeneratorArgs {
        var g = GeneratorArgs()
        g.name = scalar(member(v, "name"))
        g.namespace = scalar(member(v, "namespace"))
        g.behavior = scalar(member(v, "behavior"))
        g.literals = strings(member(v, "literals"))
        g.files = strings(member(v, "files"))
        g.envs = strings(member(v, "envs"))
        let env = scalar(member(v, "env"))
        if !env.isEmpty { g.envs.append(env) }
        g.type = scalar(member(v, "type"))
        let o = member(v, "options")
        if !o.isNull { g.options = generatorOptions(o) }
        return g
    }

    static func patchEntry(_ v: JSONValue) -> PatchEntry {
        var p = PatchEntry()
        p.path = scalar(member(v, "path"))
        p.patch = scalar(member(v, "patch"))
        let o = member(v, "options")
        p.allowNameChange = member(o, "allowNameChange").bool ?? false
        p.allowKindChange = member(o, "allowKindChange").bool ?? false
        p.options = o.object ?? JSONObject()
        let t = member(v, "target")
        if case .object = t {
            p.target = Target(group: scalar(member(t, "group")), version: scalar(member(t, "version")),
                              kind: scalar(member(t, "kind")), name: scalar(member(t, "name")),
                              namespace: scalar(member(t, "namespace")),
                              labelSelector: scalar(member(t, "labelSelector")),
                              annotationSelector: scalar(member(t, "annotationSelector")))
        }
        return p
    }
}
