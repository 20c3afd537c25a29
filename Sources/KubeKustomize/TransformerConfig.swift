import KubeCodec
import KubeModel

/// A kustomization's `configurations`: files of extra field specs for the builtin transformers
/// (kustomize's TransformerConfig). Each list is added to the transformer's own table; a kustomization
/// sees its own files and those of every kustomization built below it (kustomize merges a base's
/// configuration into the one including it).
struct TransformerConfig {
    var namePrefix: [FieldSpec] = []
    var nameSuffix: [FieldSpec] = []
    var namespace: [FieldSpec] = []
    var commonLabels: [FieldSpec] = []
    var templateLabels: [FieldSpec] = []
    var commonAnnotations: [FieldSpec] = []
    var images: [FieldSpec] = []
    var replicas: [FieldSpec] = []
    var varReference: [FieldSpec] = []
    var nameReference: [KustomizeFieldSpecs.NameReference] = []

    /// One configuration file (YAML as kustomize decodes it; unknown fields are ignored).
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
        c.templateLabels = specs("templateLabels")
        c.commonAnnotations = specs("commonAnnotations")
        c.images = specs("images")
        c.replicas = specs("replicas")
        c.varReference = specs("varReference")
        for entry in doc["nameReference"].array ?? [] {
            let (g, _) = splitAPIVersion(entry["apiVersion"].string ?? "")
            c.nameReference.append(KustomizeFieldSpecs.NameReference(
                kind: entry["kind"].string ?? "", group: entry["group"].string ?? g,
                specs: (entry["fieldSpecs"].array ?? []).compactMap(fieldSpec)))
        }
        return c
    }

    private static func fieldSpec(_ v: JSONValue) -> FieldSpec? {
        guard let path = v["path"].string else { return nil }
        func opt(_ key: String) -> String? { v[key].string.flatMap { $0.isEmpty ? nil : $0 } }
        return FieldSpec(path, kind: opt("kind"), group: opt("group"), version: opt("version"), create: v["create"].bool ?? false)
    }

    /// Adds `other`'s specs (a spec already there, same kind, group, version and path, is kept once; the
    /// same field with another `create` is kustomize's "conflicting fieldspecs", the builtin tables included).
    mutating func merge(_ other: TransformerConfig) throws {
        func add(_ list: inout [FieldSpec], _ more: [FieldSpec], builtin: [FieldSpec], _ name: String) throws {
            for s in more {
                if let same = (builtin + list).first(where: { $0.sameField(s) }) {
                    if same.create != s.create { throw KustomizeError("failed to merge \(name) fieldSpec: conflicting fieldspecs") }
                    continue
                }
                list.append(s)
            }
        }
        let name = [FieldSpec("metadata/name")]
        try add(&namePrefix, other.namePrefix, builtin: name, "NamePrefix")
        try add(&nameSuffix, other.nameSuffix, builtin: name, "NameSuffix")
        try add(&namespace, other.namespace, builtin: [FieldSpec("metadata/namespace", create: true)], "NameSpace")
        try add(&commonLabels, other.commonLabels, builtin: KustomizeFieldSpecs.commonLabels, "CommonLabels")
        try add(&templateLabels, other.templateLabels, builtin: KustomizeFieldSpecs.templateLabels, "TemplateLabels")
        try add(&commonAnnotations, other.commonAnnotations, builtin: KustomizeFieldSpecs.commonAnnotations, "CommonAnnotations")
        try add(&varReference, other.varReference, builtin: KustomizeVars.specs, "VarReference")
        try add(&images, other.images, builtin: [], "Images")
        try add(&replicas, other.replicas, builtin: KustomizeFieldSpecs.replicas, "Replicas")
        for ref in other.nameReference {
            let builtin = KustomizeFieldSpecs.nameReferences.first { $0.kind == ref.kind && $0.group == ref.group }?.specs ?? []
            if let i = nameReference.firstIndex(where: { $0.kind == ref.kind && $0.group == ref.group }) {
                try add(&nameReference[i].specs, ref.specs, builtin: builtin, "NameReference")
            } else {
                var fresh = KustomizeFieldSpecs.NameReference(kind: ref.kind, group: ref.group, specs: [])
                try add(&fresh.specs, ref.specs, builtin: builtin, "NameReference")
                nameReference.append(fresh)
            }
        }
    }

    /// A builtin table with these specs added.
    static func adding(_ base: [FieldSpec], _ more: [FieldSpec]) -> [FieldSpec] {
        var out = base
        for s in more where !out.contains(where: { $0.sameField(s) }) { out.append(s) }
        return out
    }

    /// The builtin name reference rules with these added (same referral kind and group: one rule).
    func nameReferences() -> [KustomizeFieldSpecs.NameReference] {
        var out = KustomizeFieldSpecs.nameReferences
        for ref in nameReference {
            if let i = out.firstIndex(where: { $0.kind == ref.kind && $0.group == ref.group }) {
                out[i].specs = TransformerConfig.adding(out[i].specs, ref.specs)
            } else {
                out.append(ref)
            }
        }
        return out
    }
}

extension FieldSpec {
    func sameField(_ o: FieldSpec) -> Bool {
        kind == o.kind && group == o.group && version == o.version && path == o.path && listSegments == o.listSegments
    }
}
