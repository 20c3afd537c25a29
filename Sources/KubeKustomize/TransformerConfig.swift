import KubeCodec
import KubeModel

/// kustomize's TransformerConfig: for each builtin transformer, the field specs it works on (its builtin
/// table and what `configurations` files added), in kustomize's order.
///
/// How kustomize builds and scopes it (checked against kubectl v1.32):
/// - each kustomization's own table is the builtin one merged with its `configurations` files (the files
///   first merged into an empty table, one after another: a repeated spec with another `create` in one
///   file is already a conflict);
/// - a kustomization's transformers use its own table merged with those of the kustomizations it includes
///   (`resources` directories, which come first, and components); a sibling's files do not count;
/// - merging a spec that is "already there" (same path, and an entry there whose kind, group and version
///   the new spec's non-empty ones select) keeps one, and fails when their `create` differs; a
///   `nameReference` entry merges into one of the same kind, group and version (exactly), so its own
///   specs are never compared with each other the first time it is added.
struct TransformerConfig {
    var namePrefix: [FieldSpec] = []
    var nameSuffix: [FieldSpec] = []
    var namespace: [FieldSpec] = []
    var commonLabels: [FieldSpec] = []
    /// `labels`: read and merged (conflicts included); no builtin transformer of kubectl v1.32 reads it.
    var labels: [FieldSpec] = []
    var templateLabels: [FieldSpec] = []
    var commonAnnotations: [FieldSpec] = []
    var images: [FieldSpec] = []
    var replicas: [FieldSpec] = []
    var varReference: [FieldSpec] = []
    var nameReference: [KustomizeFieldSpecs.NameReference] = []

    /// The builtin tables (kustomize v5.5's defaults).
    static let builtin: TransformerConfig = {
        var c = TransformerConfig()
        c.namePrefix = [FieldSpec("metadata/name")]
        c.nameSuffix = [FieldSpec("metadata/name")]
        c.namespace = KustomizeFieldSpecs.namespace
        c.commonLabels = KustomizeFieldSpecs.commonLabels
        c.templateLabels = KustomizeFieldSpecs.templateLabels
        c.commonAnnotations = KustomizeFieldSpecs.commonAnnotations
        c.images = KustomizeFieldSpecs.images
        c.replicas = KustomizeFieldSpecs.replicas
        c.varReference = KustomizeVars.specs
        c.nameReference = KustomizeFieldSpecs.nameReferences
        c.sortTables()
        return c
    }()

    /// The table of a kustomization: the builtin one merged with its configuration files, in order.
    static func of(_ files: [TransformerConfig]) throws -> TransformerConfig {
        if files.isEmpty { return builtin }
        var own = TransformerConfig()
        for f in files { try own.merge(f) }
        var out = builtin
        try out.merge(own)
        return out
    }

    /// One configuration file (YAML as kustomize decodes it; unknown fields are ignored), its tables sorted.
    static func parse(_ text: String, source: String) throws -> TransformerConfig {
        let doc: JSONValue
        do { doc = try YAMLCodec.decodeDocuments(text, source: source).first ?? .null } catch let e as YAMLError {
            throw KustomizeError(KustomizeBuilder.bareYAMLError(e))
        }
        if let e = GoShape.transformerConfig.firstError(doc, structName: "", path: []) {
            throw KustomizeError("error unmarshaling JSON: while decoding JSON: \(e)")
        }
        var c = TransformerConfig()
        func specs(_ key: String) -> [FieldSpec] { (doc[key].array ?? []).compactMap(fieldSpec) }
        c.namePrefix = specs("namePrefix")
        c.nameSuffix = specs("nameSuffix")
        c.namespace = specs("namespace")
        c.commonLabels = specs("commonLabels")
        c.labels = specs("labels")
        c.templateLabels = specs("templateLabels")
        c.commonAnnotations = specs("commonAnnotations")
        c.images = specs("images")
        c.replicas = specs("replicas")
        c.varReference = specs("varReference")
        for entry in doc["nameReference"].array ?? [] {
            func opt(_ key: String) -> String? { entry[key].string.flatMap { $0.isEmpty ? nil : $0 } }
            c.nameReference.append(KustomizeFieldSpecs.NameReference(
                kind: opt("kind"), group: opt("group"), version: opt("version"),
                specs: (entry["fieldSpecs"].array ?? []).compactMap(fieldSpec)))
        }
        c.sortTables()
        return c
    }

    private static func fieldSpec(_ v: JSONValue) -> FieldSpec? {
        guard let path = v["path"].string else { return nil }
        func opt(_ key: String) -> String? { v[key].string.flatMap { $0.isEmpty ? nil : $0 } }
        return FieldSpec(path, kind: opt("kind"), group: opt("group"), version: opt("version"),
                         create: v["create"].bool ?? false)
    }

    /// kustomize's Merge: `other`'s specs added table by table (a spec already there is kept once, with
    /// another `create` it is "conflicting fieldspecs"), then every table sorted.
    mutating func merge(_ other: TransformerConfig) throws {
        func add(_ list: inout [FieldSpec], _ more: [FieldSpec], _ name: String) throws {
            do { list = try TransformerConfig.mergeAll(list, more) } catch {
                throw KustomizeError("failed to merge \(name) fieldSpec: conflicting fieldspecs")
            }
        }
        try add(&namePrefix, other.namePrefix, "NamePrefix")
        try add(&nameSuffix, other.nameSuffix, "NameSuffix")
        try add(&namespace, other.namespace, "NameSpace")
        try add(&commonAnnotations, other.commonAnnotations, "CommonAnnotations")
        try add(&commonLabels, other.commonLabels, "CommonLabels")
        try add(&labels, other.labels, "Labels")
        try add(&templateLabels, other.templateLabels, "TemplateLabels")
        try add(&varReference, other.varReference, "VarReference")
        for ref in other.nameReference {
            if let i = nameReference.firstIndex(where: { $0.kind == ref.kind && $0.group == ref.group && $0.version == ref.version }) {
                do { nameReference[i].specs = try TransformerConfig.mergeAll(nameReference[i].specs, ref.specs) } catch {
                    throw KustomizeError("failed to merge NameReference fieldSpec: conflicting fieldspecs")
                }
            } else {
                nameReference.append(ref)
            }
        }
        try add(&images, other.images, "Images")
        try add(&replicas, other.replicas, "Replicas")
        sortTables()
    }

    struct Conflict: Error {}

    static func mergeAll(_ list: [FieldSpec], _ more: [FieldSpec]) throws -> [FieldSpec] {
        var out = list
        for s in more {
            // The first entry there that the new spec's kind, group and version select, on the same path.
            if let same = out.first(where: { $0.path == s.path && $0.listSegments == s.listSegments && $0.isSelected(by: s) }) {
                if same.create != s.create { throw Conflict() }
                continue
            }
            out.append(s)
        }
        return out
    }

    private mutating func sortTables() {
        for kp in [\TransformerConfig.namePrefix, \.nameSuffix, \.namespace, \.commonLabels, \.labels, \.templateLabels,
                   \.commonAnnotations, \.images, \.replicas, \.varReference] as [WritableKeyPath<TransformerConfig, [FieldSpec]>] {
            self[keyPath: kp] = TransformerConfig.sorted(self[keyPath: kp]) { ($0.kind, $0.group, $0.version) }
        }
        nameReference = TransformerConfig.sorted(nameReference) { ($0.kind, $0.group, $0.version) }
    }

    /// kustomize's `sort.Sort` of a table by Gvk (kinds of its legacy order first, then by
    /// `group_version_kind` text): Go's pdqsort, so specs of one Gvk end where it leaves them.
    static func sorted<T>(_ list: [T], _ gvk: (T) -> (String?, String?, String?)) -> [T] {
        let keys = list.map { x -> (Int, String) in
            let (k, g, v) = gvk(x)
            return (KustomizeFieldSpecs.typeOrder(k ?? ""), "\(g ?? "~G")_\(v ?? "~V")_\(k ?? "~K")")
        }
        return GoSort.permutation(count: list.count) { a, b in
            keys[a].0 != keys[b].0 ? keys[a].0 < keys[b].0 : keys[a].1 < keys[b].1
        }.map { list[$0] }
    }

    /// Go's `%v` of the `*TransformerConfig` (kustomize's error when a table conflicts): each table in
    /// its field order, a spec as `Kind.Version.Group:create:path`, a name reference as its Gvk and
    /// referrers on lines of their own.
    var goDump: String {
        func table(_ specs: [FieldSpec]) -> String { "[" + specs.map(\.goString).joined(separator: " ") + "]" }
        let refs = nameReference.map { r in
            FieldSpec.gvkString(kind: r.kind, version: r.version, group: r.group) + ":  (\n" + r.specs.map { $0.goString + "\n" }.joined() + ")"
        }
        let fields = [namePrefix, nameSuffix, namespace, commonLabels, labels, templateLabels, commonAnnotations].map(table)
            + ["[" + refs.joined(separator: " ") + "]"] + [varReference, images, replicas].map(table)
        return "&{" + fields.joined(separator: " ") + "}"
    }

    /// The specs a table has beyond the builtin one.
    static func added(_ table: [FieldSpec], _ builtin: [FieldSpec]) -> [FieldSpec] {
        table.filter { s in !builtin.contains { $0.sameField(s) && $0.create == s.create } }
    }

    /// A builtin table with these specs added.
    static func adding(_ base: [FieldSpec], _ more: [FieldSpec]) -> [FieldSpec] {
        var out = base
        for s in more where !out.contains(where: { $0.sameField(s) }) { out.append(s) }
        return out
    }
}

extension FieldSpec {
    /// kustomize's `FieldSpec.String()`.
    var goString: String { FieldSpec.gvkString(kind: kind, version: version, group: group) + ":\(create):" + rawPath }

    static func gvkString(kind: String?, version: String?, group: String?) -> String {
        "\(kind ?? "[noKind]").\(version ?? "[noVer]").\(group ?? "[noGrp]")"
    }

    func sameField(_ o: FieldSpec) -> Bool {
        kind == o.kind && group == o.group && version == o.version && path == o.path && listSegments == o.listSegments
    }

    /// Whether `selector`'s non-empty kind, group and version are this spec's (kustomize's Gvk.IsSelected).
    func isSelected(by selector: FieldSpec) -> Bool {
        if let k = selector.kind, k != kind { return false }
        if let g = selector.group, g != group { return false }
        if let v = selector.version, v != version { return false }
        return true
    }
}
