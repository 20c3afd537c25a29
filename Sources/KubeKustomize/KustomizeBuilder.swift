#if canImport(Glibc)
import Glibc
#endif
import KubeCodec
import KubeModel
import KubeRegistry

/// One object while kustomize works on it, with the names and namespaces it had before (name
/// references and patch targets match those too).
final class KustomizeResource {
    var object: JSONValue
    var previousNames: [String] = []
    var previousNamespaces: [String] = []
    var previousKinds: [String] = []
    /// Generated ConfigMap/Secret that gets the content hash appended to its name at the end.
    var needsHash = false
    var behavior = ""
    /// A generated object's behavior as kustomize notes it (`unspecified`, `create`, `merge`, `replace`).
    var generatorBehavior: String?
    /// Where the object came from, as buildMetadata's originAnnotations writes it (`path: x.yaml\n`).
    var origin = ""
    /// The builtin transformers that ran over the object (buildMetadata's transformerAnnotations), each as
    /// `(configuredIn, kind)`.
    var transformations: [(file: String, kind: String)] = []
    /// Removed by a strategic merge patch's `$patch: delete`.
    var deleted = false
    /// kustomize's previous ids (kind, name, namespace), stored by each transformer that may rename or move
    /// the object (namespace, prefix, suffix, hash, JSON patch) whether or not it changed anything; name
    /// references find their referrals by them.
    var prevIds: [(kind: String, name: String, namespace: String)] = []
    /// The name prefixes and suffixes applied, innermost first (kustomize's `prefixes`/`suffixes` notes):
    /// of several referrals a reference could mean, the one named like the referrer wins.
    var namePrefixes: [String] = []
    var nameSuffixes: [String] = []
    /// The referrers whose name references picked this object in the current name reference pass
    /// (kustomize's `refBy` note, shown in its multiple-referral error).
    var refBy: [String] = []
    /// The text of the file the object was read from: kyaml's errors print a node in its written style.
    var sourceText: String?

    init(_ object: JSONValue) { self.object = object }

    /// A node of the object as kyaml prints it in `node contents:` (its written style when the file
    /// still holds it unchanged; else go-yaml's block style).
    func nodeContents(_ path: [String], _ value: JSONValue) -> String {
        if let text = sourceText, let written = KyamlNodeText.find(in: text, path: path, value: value) { return written }
        if value.array != nil || value.object != nil { return YAMLCodec.encode(value) }
        return (KyamlScalar.text(value) ?? Kustomization.scalar(value)) + "\n"
    }

    var kind: String { object["kind"].string ?? "" }
    var apiVersion: String { object["apiVersion"].string ?? "" }
    var group: String { splitAPIVersion(apiVersion).group }
    var name: String {
        let s = object["metadata"]["name"].string ?? ""
        return KyamlScalar.text(s) ?? s
    }
    var namespace: String { object["metadata"]["namespace"].string ?? "" }
    var originalName: String { previousNames.first ?? name }
    var allNames: [String] { previousNames + [name] }

    func rename(_ newName: String) {
        if newName == name { return }
        previousNames.append(name)
        object["metadata"]["name"] = .string(newName)
    }

    func storePreviousId() { prevIds.append((kind, name, namespace)) }

    /// The kind the object had first (kustomize's OrgId).
    var orgKind: String { prevIds.first?.kind ?? kind }

    func setNamespace(_ ns: String) {
        if ns == namespace { return }
        previousNamespaces.append(namespace)
        object["metadata"]["namespace"] = .string(ns)
    }

    /// kustomize's id text: `Kind.version.[noGrp]/name.[noNs]`.
    var idString: String {
        let (g, v) = splitAPIVersion(apiVersion)
        return "\(kind.isEmpty ? "[noKind]" : kind).\(v.isEmpty ? "[noVer]" : v).\(g.isEmpty ? "[noGrp]" : g)/\(name.isEmpty ? "[noName]" : name).\(namespace.isEmpty ? "[noNs]" : namespace)"
    }

    /// The object with the notes kustomize keeps in its annotations while it builds (`internal.config.
    /// kubernetes.io/`: the prefixes and suffixes applied, and the previous ids, an empty namespace as
    /// `default` and a cluster-scoped kind's as `_non_namespaceable_`), as its error dumps show it.
    /// `origin`: buildMetadata asks for origin annotations (kustomize keeps them, and the transformers'
    /// notes, from the start when it does).
    func objectWithBuildNotes(origin withOrigin: Bool) -> JSONValue {
        var o = object
        if withOrigin, !origin.isEmpty { o["metadata"]["annotations"]["config.kubernetes.io/origin"] = .string(origin) }
        if !transformations.isEmpty {
            o["metadata"]["annotations"]["alpha.config.kubernetes.io/transformations"] = .string(transformationsText)
        }
        var notes = generatorNotes
        if !namePrefixes.isEmpty { notes.append(("prefixes", namePrefixes.joined(separator: ","))) }
        if !prevIds.isEmpty {
            notes.append(("previousKinds", prevIds.map(\.kind).joined(separator: ",")))
            notes.append(("previousNames", prevIds.map(\.name).joined(separator: ",")))
            notes.append(("previousNamespaces", prevIds.map { id -> String in
                if KustomizeResource.isClusterScoped(group: group, kind: id.kind) { return "_non_namespaceable_" }
                return id.namespace.isEmpty ? "default" : id.namespace
            }.joined(separator: ",")))
        }
        if !refBy.isEmpty { notes.append(("refBy", refBy.joined(separator: ","))) }
        if !nameSuffixes.isEmpty { notes.append(("suffixes", nameSuffixes.joined(separator: ","))) }
        for (key, value) in notes { o["metadata"]["annotations"]["internal.config.kubernetes.io/" + key] = .string(value) }
        return o
    }

    /// buildMetadata's `alpha.config.kubernetes.io/transformations` text.
    var transformationsText: String {
        transformations.map { "- configuredIn: \($0.file)\n  configuredBy:\n    apiVersion: builtin\n    kind: \($0.kind)\n" }.joined()
    }

    /// A generated object's notes: its behavior, and whether its name gets the content hash.
    var generatorNotes: [(String, String)] {
        guard let b = generatorBehavior else { return [] }
        return [("generatorBehavior", b)] + (needsHash ? [("needsHashSuffix", "enabled")] : [])
    }

    /// The same id as the typed Go value prints with %#v in kustomize's merge errors.
    var goResIdDump: String {
        let (g, v) = splitAPIVersion(apiVersion)
        return "resid.ResId{Gvk:resid.Gvk{Group:\(strconvQuote(g)), Version:\(strconvQuote(v)), Kind:\(strconvQuote(kind)), isClusterScoped:\(isClusterScoped)}, Name:\(strconvQuote(name)), Namespace:\(strconvQuote(namespace))}"
    }

    var isClusterScoped: Bool { KustomizeResource.isClusterScoped(group: group, kind: kind) }

    static func isClusterScoped(group: String, kind: String) -> Bool {
        if let t = Registry.builtin.type(group: group, kind: kind) { return !t.namespaced }
        return false
    }

    var effectiveNamespace: String {
        if isClusterScoped { return "_non_namespaceable_" }
        return namespace.isEmpty ? "default" : namespace
    }
}

/// `kubectl kustomize DIR`: kustomize v5.5's build for the common kustomization fields.
public struct KustomizeBuilder {
    var merger: KustomizeStrategicMerger = SimpleStrategicMerge()
    /// Deprecation notes, printed by the command on stderr.
    public var warnings: [String] = []
    /// The environment git runs with (kubectl's own, passed on to the git it runs for remote roots).
    public var environment: [String: String] = [:]
    /// Lines kustomize writes with Go's log package (kubectl prints them as klog INFO lines from log.go:245).
    public var logLines: [String] = []
    /// `--load-restrictor=LoadRestrictionsRootOnly` (the default): files a kustomization reads must be in
    /// or below its directory; other kustomization directories may be anywhere.
    public var rootOnly = true
    /// `--enable-helm`: without it a kustomization with helm charts is refused as kustomize refuses it.
    public var enableHelm = false
    /// `--enable-managedby-label` (deprecated): every object gets the managed-by label, as `buildMetadata: [managedByLabel]`.
    public var managedByLabel = false

    public init() {}

    static let kustomizationFileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// Builds the directory and returns the objects in kustomize's output order.
    public mutating func build(_ dir: String) throws -> [JSONValue] {
        if let spec = KustomizeRepoSpec(dir) {
            // A repository to build: cloned, then built as a local directory.
            return try withClone(spec, failure: { $0 }) { builder, root in
                builder.remote = nil
                return try builder.build(root)
            }
        }
        let root = KustomizeFS.absolute(dir)
        if !KustomizeFS.exists(root) {
            throw KustomizeError("must build at directory: not a valid directory: \(KustomizeFS.evalSymlinksFailure(root, shown: dir))")
        }
        if !KustomizeFS.isDirectory(root) {
            throw KustomizeError("must build at directory: '\(dir)': file is not directory")
        }
        config = TransformerConfig()
        var resources = try accumulate(root)
        try addHashes(&resources)
        try fixNameReferences(resources)
        try KustomizeVars.resolve(vars, in: resources, table: config.varReference)
        addBuildMetadata(resources)
        for r in resources { try KustomizeScalars.annotationsReadBack(&r.object) }
        let sort = topSort ?? ("", nil, nil)
        if !sort.order.isEmpty && sort.order != "legacy" && sort.order != "fifo" {
            throw KustomizeError("the field 'sortOptions.order' must be one of [fifo, legacy]")
        }
        if sort.order == "fifo" { return try resources.map { try KustomizeScalars.finished($0.object) } }
        let first = sort.first ?? KustomizeFieldSpecs.orderFirst, last = sort.last ?? KustomizeFieldSpecs.orderLast
        let sorted = resources.enumerated().sorted { a, b in
            let ka = a.element.kind, kb = b.element.kind
            let oa = KustomizeFieldSpecs.typeOrder(ka, first: first, last: last), ob = KustomizeFieldSpecs.typeOrder(kb, first: first, last: last)
            if oa != ob { return oa < ob }
            let ga = legacyGvk(a.element), gb = legacyGvk(b.element)
            if ga != gb { return ga < gb }
            let ia = legacyId(a.element), ib = legacyId(b.element)
            if ia != ib { return ia < ib }
            return a.offset < b.offset
        }
        return try sorted.map { try KustomizeScalars.finished($0.element.object) }
    }

    /// The YAML kubectl kustomize prints: documents separated by `---`.
    public static func render(_ objects: [JSONValue]) -> String {
        objects.map(KustomizeScalars.render).joined(separator: "---\n")
    }

    /// A built object as kubectl reads kustomize's output back (`create -k`): plain JSON values.
    public static func jsonObject(_ object: JSONValue) -> JSONValue {
        KustomizeScalars.plainJSON(object)
    }

    private func legacyGvk(_ r: KustomizeResource) -> String {
        let (g, v) = splitAPIVersion(r.apiVersion)
        return "\(g.isEmpty ? "~G" : g)_\(v.isEmpty ? "~V" : v)_\(r.kind.isEmpty ? "~K" : r.kind)"
    }

    private func legacyId(_ r: KustomizeResource) -> String {
        "\(r.namespace.isEmpty ? "~X" : r.namespace)|\(r.name.isEmpty ? "~N" : r.name)"
    }

    // MARK: - one kustomization level

    /// The kustomization roots above the one being built (kustomize's loader history), for its cycle check.
    private var visitedRoots: [String] = []

    /// The top kustomization's sortOptions (kustomize reads only the one it builds).
    private var topSort: (order: String, first: [String]?, last: [String]?)?
    /// The vars of every level, merged; resolved at the end of the build.
    private var vars: [KustomizeVar] = []

    /// The field specs of the kustomization being built: its own (builtin and `configurations`) merged with
    /// those of the kustomizations it includes; empty until the first is merged.
    var config = TransformerConfig()

    /// The directory being built and its buildMetadata options.
    private var topRoot = ""
    private var topBuildMetadata: [String] = []

    mutating func accumulate(_ dir: String) throws -> [KustomizeResource] {
        try accumulate(try load(dir), dir: dir)
    }

    private mutating func accumulate(_ k: Kustomization, dir: String) throws -> [KustomizeResource] {
        if topSort == nil {
            topSort = (k.sortOrder, k.orderFirst, k.orderLast)
            topRoot = dir
            topBuildMetadata = k.buildMetadata
        }
        var resources: [KustomizeResource] = []
        try build(k, dir: dir, into: &resources)
        return resources.filter { !$0.deleted }
    }

    private mutating func load(_ dir: String) throws -> Kustomization {
        guard let file = KustomizeBuilder.kustomizationFileNames.map({ dir + "/" + $0 }).first(where: KustomizeFS.isFile) else {
            throw KustomizeError("unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '\(dir)'")
        }
        let k = try Kustomization.parse(try KustomizeFS.read(file))
        let problems = k.fieldProblems
        if !problems.isEmpty {
            throw KustomizeError("Failed to read kustomization file under \(dir):\n" + problems.joined(separator: "\n"))
        }
        warnings += k.warnings
        return k
    }

    /// One kustomization's resources, components, generators and transformers, over `resources` (empty for
    /// a kustomization; the including one's objects so far for a component).
    private mutating func build(_ k: Kustomization, dir: String, into resources: inout [KustomizeResource]) throws {
        // The schema and transformer configuration files are read first; their content is not applied
        // (configurations with field specs are refused below).
        if !k.openapiVersion.isEmpty {
            if !k.openapiPath.isEmpty { throw KustomizeError("builtin version and custom schema provided, cannot use both") }
            if k.openapiVersion != "v1.21.2" { throw KustomizeError("the specified OpenAPI version is not built in") }
        }
        for entry in (k.openapiPath.isEmpty ? [] : [k.openapiPath]) + k.configurations {
            let path = KustomizeFS.join(dir, entry)
            guard KustomizeFS.isFile(path) else {
                throw KustomizeError("\(KustomizeFS.evalSymlinksFailure(path))")
            }
        }
        // A schema's keyed lists of custom kinds (its other content is not used).
        if !k.openapiPath.isEmpty, var m = merger as? SimpleStrategicMerge,
           let schema = try? YAMLCodec.decodeDocuments(try KustomizeFS.read(KustomizeFS.join(dir, k.openapiPath)), source: k.openapiPath).first {
            m.customMergeKeys = SimpleStrategicMerge.customMergeKeys(schema: schema)
            merger = m
        }
        for entry in k.resources {
            let loaded = try loadResource(entry, dir: dir)
            // A file's own objects make one map first (two with one id refused there), then join the others.
            if !KustomizeFS.isDirectory(KustomizeFS.join(dir, entry)) {
                for (i, r) in loaded.enumerated() where loaded[..<i].contains(where: { sameId($0, r) }) {
                    throw KustomizeError("accumulating resources: accumulation err='accumulating resources from '\(entry)': may not add resource with an already registered id: \(r.idString)': must build at directory: '\(KustomizeFS.join(dir, entry))': file is not directory")
                }
            }
            for r in loaded {
                if resources.contains(where: { sameId($0, r) }) {
                    let path = KustomizeFS.join(dir, entry)
                    if KustomizeFS.isDirectory(path) {
                        throw KustomizeError("accumulating resources: accumulation err='accumulating resources from '\(entry)': '\(path)' must resolve to a file': recursed merging from path '\(path)': may not add resource with an already registered id: \(r.idString)")
                    }
                    throw KustomizeError("accumulating resources: accumulation err='merging resources from '\(entry)': may not add resource with an already registered id: \(r.idString)': must build at directory: '\(KustomizeFS.join(dir, entry))': file is not directory")
                }
                resources.append(r)
            }
        }
        // This kustomization's own table joins those of its resources (kustomize v5.5's accumulateTarget:
        // resources, configurations, crds, generators, then components, then transformers).
        var files: [TransformerConfig] = []
        for entry in k.configurations {
            files.append(try TransformerConfig.parse(try KustomizeFS.read(KustomizeFS.join(dir, entry)), source: entry))
        }
        let own = try TransformerConfig.of(files)
        do { try config.merge(own) } catch let e as KustomizeError {
            throw KustomizeError("merging config \(own.goDump): \(e.message)")
        }
        for entry in k.crds {
            let path = KustomizeFS.join(dir, entry)
            guard KustomizeFS.isFile(path) else {
                throw KustomizeError("loading CRDs [\(k.crds.joined(separator: " "))]: \(KustomizeFS.evalSymlinksFailure(path))")
            }
            if let problem = KustomizeBuilder.openAPIDefinitionProblem(try KustomizeFS.read(path)) {
                throw KustomizeError("loading CRDs [\(k.crds.joined(separator: " "))]: unable to parse open API definition from '\(entry)': \(problem)")
            }
        }
        if let chart = k.helmCharts.first {
            guard enableHelm else {
                throw KustomizeError("trouble configuring builtin HelmChartInflationGenerator with config: `\n\(KustomizeBuilder.helmChartYAML(chart, globals: k.helmGlobals))`: must specify --enable-helm")
            }
            // Every chart is configured (its arguments checked) before any generator runs.
            for chart in k.helmCharts { try checkHelmChart(chart, globals: k.helmGlobals, dir: dir) }
            throw KustomizeError("kubectl-local cannot run helm to inflate chart \(strconvQuote(chart["name"].string ?? ""))")
        }
        let generatedFrom = resources.count
        try KustomizeGenerators.run(k, dir: dir, rootOnly: rootOnly, into: &resources)
        if dir != topRoot || remote != nil {
            // A base's generated objects name the base's kustomization file (and a clone's, its repository).
            let file = originPath(dir) + "/kustomization.yaml"
            for r in resources[generatedFrom...] {
                r.origin = originRepo + r.origin.replacingAll("configuredIn: kustomization.yaml", with: "configuredIn: \(file)")
            }
        }
        // Components join after this kustomization's generators, before its transformers.
        for entry in k.components {
            try accumulateComponent(entry, dir: dir, into: &resources)
        }
        try applyTransformers(k, dir: dir, &resources)
        resources.removeAll { $0.deleted }
        try KustomizeVars.merge(k.vars, into: &vars)
    }

    /// A component: a kustomization of kind Component built over the including kustomization's objects.
    private mutating func accumulateComponent(_ entry: String, dir: String, into resources: inout [KustomizeResource]) throws {
        if let spec = KustomizeRepoSpec(entry) {
            try withClone(spec, failure: { "accumulating components: loader.New \(strconvQuote($0))" }) { builder, root in
                try builder.accumulateComponent(at: root, dir: dir, into: &resources)
            }
            return
        }
        let path = KustomizeFS.join(dir, entry)
        // kustomize makes a loader for the path first (a component is always a directory).
        guard KustomizeFS.exists(path) else {
            throw KustomizeError("accumulating components: loader.New \(strconvQuote("must build at directory: not a valid directory: \(KustomizeFS.evalSymlinksFailure(path))"))")
        }
        guard KustomizeFS.isDirectory(path) else {
            throw KustomizeError("accumulating components: loader.New \(strconvQuote("must build at directory: '\(path)': file is not directory"))")
        }
        try accumulateComponent(at: path, dir: dir, into: &resources)
    }

    private mutating func accumulateComponent(at path: String, dir: String, into resources: inout [KustomizeResource]) throws {
        func fail(_ message: String) -> KustomizeError {
            KustomizeError("accumulating components: accumulateDirectory: \(strconvQuote(message))")
        }
        let k: Kustomization
        do { k = try load(path) } catch let e as KustomizeError {
            throw fail("couldn't make target for path '\(path)': \(e.message)")
        }
        let kind = k.kind.isEmpty ? "Kustomization" : k.kind
        guard kind == "Component" else {
            throw fail("expected kind 'Component' for path '\(path)' but got '\(kind)'")
        }
        visitedRoots.append(dir)
        defer { visitedRoots.removeLast() }
        do {
            try build(k, dir: path, into: &resources)
        } catch let e as KustomizeError {
            throw fail("recursed accumulation of path '\(path)': \(e.message)")
        }
    }

    /// buildMetadata: `originAnnotations` (where each object came from) and `managedByLabel`.
    private func addBuildMetadata(_ resources: [KustomizeResource]) {
        for r in resources {
            if topBuildMetadata.contains("originAnnotations"), !r.origin.isEmpty {
                r.object["metadata"]["annotations"]["config.kubernetes.io/origin"] = .string(r.origin)
            }
            if topBuildMetadata.contains("transformerAnnotations"), !r.transformations.isEmpty {
                r.object["metadata"]["annotations"]["alpha.config.kubernetes.io/transformations"] = .string(r.transformationsText)
            }
            if managedByLabel || topBuildMetadata.contains("managedByLabel") {
                r.object["metadata"]["labels"]["app.kubernetes.io/managed-by"] = "kustomize-(devel)"  // kubectl's build has no version
            }
        }
    }

    /// `path` relative to `base` (both absolute and clean), `..` where it leaves it.
    static func relative(_ path: String, from base: String) -> String {
        let p = path.split(separator: "/"), b = base.split(separator: "/")
        var i = 0
        while i < p.count, i < b.count, p[i] == b[i] { i += 1 }
        return (Array(repeating: "..", count: b.count - i) + p[i...].map(String.init)).joined(separator: "/")
    }

    /// The HelmChartInflationGenerator's own checks of a chart's arguments (its validateArgs): a name, then
    /// each additional values file loadable under the kustomization, then the values merge mode.
    private func checkHelmChart(_ chart: JSONValue, globals: [(String, String)], dir: String) throws {
        let configuring = "trouble configuring builtin HelmChartInflationGenerator with config: `\n\(KustomizeBuilder.helmChartYAML(chart, globals: globals))`: "
        if (chart["name"].string ?? "").isEmpty { throw KustomizeError(configuring + "chart name cannot be empty") }
        for file in (chart["additionalValuesFiles"].array ?? []).compactMap(\.string) {
            let path = file.hasPrefix("/") ? file : KustomizeFS.join(dir, file)
            guard KustomizeFS.exists(path) else {
                throw KustomizeError(configuring + "could not load additionalValuesFile: " + KustomizeFS.evalSymlinksFailure(path))
            }
            if let refusal = KustomizeFS.outsideRoot(path, root: dir, restricted: rootOnly) {
                throw KustomizeError(configuring + "could not load additionalValuesFile: " + refusal)
            }
        }
        let merge = chart["valuesMerge"].string ?? ""
        if !["", "override", "replace", "merge"].contains(merge) {
            throw KustomizeError(configuring + "valuesMerge must be one of [merge override replace]")
        }
    }

    /// A chart entry as kustomize prints its generator config: the HelmChart fields in their Go order.
    static func helmChartYAML(_ chart: JSONValue, globals: [(String, String)] = []) -> String {
        let order = ["name", "version", "repo", "releaseName", "namespace", "additionalValuesFiles", "valuesFile", "valuesInline",
                     "valuesMerge", "includeCRDs", "skipHooks", "apiVersions", "kubeVersion", "nameTemplate", "skipTests", "debug"]
        var out = JSONObject()
        for (key, v) in globals { out[key] = .string(v) }
        for key in order { if let v = chart.object?[key], !v.isEmptyValue { out[key] = v } }
        for (key, v) in chart.object ?? JSONObject() where out[key] == nil && !order.contains(key) { out[key] = v }
        return YAMLCodec.encode(.object(out))
    }

    private func sameId(_ a: KustomizeResource, _ b: KustomizeResource) -> Bool {
        a.kind == b.kind && a.apiVersion == b.apiVersion && a.name == b.name && a.effectiveNamespace == b.effectiveNamespace
    }

    private mutating func loadResource(_ entry: String, dir: String) throws -> [KustomizeResource] {
        let path = KustomizeFS.join(dir, entry)
        if let remote = try loadRemoteResource(entry, dir: dir) { return remote }
        if KustomizeFS.isDirectory(path) {
            let notFile = "accumulating resources from '\(entry)': '\(path)' must resolve to a file"
            return try accumulateDirectory(path, parent: dir, wrap: { "accumulating resources: accumulation err='\(notFile)': \($0)" })
        }
        guard KustomizeFS.exists(path) else {
            let why = "\(KustomizeFS.evalSymlinksFailure(path))"
            throw KustomizeError("accumulating resources: accumulation err='accumulating resources from '\(entry)': \(why)': must build at directory: not a valid directory: \(why)")
        }
        if let refusal = KustomizeFS.outsideRoot(path, root: dir, restricted: rootOnly) {
            throw KustomizeError("accumulating resources: accumulation err='accumulating resources from '\(entry)': \(refusal)': must build at directory: '\(path)': file is not directory")
        }
        let text = try KustomizeFS.read(path)
        do {
            let objects = try KustomizeBuilder.decodeObjects(text, source: path)
            let origin = "path: \(originPath(path))\n" + originRepo
            for r in objects { r.origin = origin }
            return objects
        } catch let e as YAMLError {
            // kustomize returns a malformed file's error alone (no attempt as a directory).
            throw KustomizeError("accumulating resources: accumulating resources from '\(entry)': MalformedYAMLError: \(KustomizeBuilder.bareYAMLError(e)) in File: \(entry)")
        } catch let e as KustomizeError {
            throw KustomizeError("accumulating resources: accumulation err='accumulating resources from '\(entry)': \(e.message)': must build at directory: '\(path)': file is not directory")
        }
    }

    /// A resource kustomize fetches: an http(s) URL (read as a file first: kubectl-local never fetches, see
    /// KustomizeHTTP) or a git repository spec, cloned with git and built from its directory. Nil for a
    /// local entry (and for a repository spec that is also a local file, which kustomize reads as one).
    private mutating func loadRemoteResource(_ entry: String, dir: String) throws -> [KustomizeResource]? {
        let http = KustomizeHTTP.isHTTPURL(entry)
        let spec = KustomizeRepoSpec(entry)
        guard http || spec != nil else { return nil }
        let path = KustomizeFS.join(dir, entry)
        let fileFailure: String
        if http {
            fileFailure = KustomizeHTTP.getFailure(entry)
        } else if KustomizeFS.isFile(path) {
            return nil
        } else if KustomizeFS.isDirectory(path) {
            fileFailure = "'\(path)' must resolve to a file"
        } else {
            fileFailure = KustomizeFS.evalSymlinksFailure(path)
        }
        let prefix = "accumulating resources: accumulation err='accumulating resources from '\(entry)': \(fileFailure)': "
        guard let spec else {
            let why = KustomizeFS.evalSymlinksFailure(path)
            throw KustomizeError(prefix + "must build at directory: not a valid directory: \(why)")
        }
        return try withClone(spec, failure: { prefix + $0 }) { builder, root in
            try builder.accumulateDirectory(root, parent: dir, wrap: { prefix + $0 })
        }
    }

    /// Clones the repository, builds `body` with the clone's directory as a root-only loader root (origins
    /// naming the repository), and removes the clone afterwards. Clone and root errors go through `failure`.
    private mutating func withClone<T>(_ spec: KustomizeRepoSpec, failure: (String) -> String,
                                       _ body: (inout KustomizeBuilder, String) throws -> T) throws -> T {
        if spec.forcedGitProtocol {
            logLines.append("Warning: Forcing the git protocol using the 'git::' URL prefix is not supported. Kustomize currently strips this invalid prefix, but will stop doing so in a future release. Please remove the 'git::' prefix from your configuration.")
        }
        let clone: String, root: String
        do {
            clone = try KustomizeGit.clone(spec, environment: environment)
        } catch let e as KustomizeError { throw KustomizeError(failure(e.message)) }
        defer { removeTree(clone) }
        do { root = try KustomizeGit.root(of: spec, clone: clone) } catch let e as KustomizeError {
            throw KustomizeError(failure(e.message))
        }
        let (outerRemote, outerRootOnly) = (remote, rootOnly)
        remote = RemoteOrigin(root: root, path: spec.cleanedRootPath.isEmpty ? "notCloned" : spec.cleanedRootPath,
                              repo: spec.cloneSpec, ref: spec.ref)
        rootOnly = true
        defer { (remote, rootOnly) = (outerRemote, outerRootOnly) }
        return try body(&self, root)
    }

    /// Where the objects being loaded come from when they are in a clone: its directory, the path kustomize
    /// records for it (the root path in the repository, `notCloned` for its top: kustomize takes it from a
    /// spec that was never cloned), the repository and ref.
    struct RemoteOrigin {
        var root: String
        var path: String
        var repo: String
        var ref: String
    }

    private var remote: RemoteOrigin?

    /// A file's path as buildMetadata's origin records it: relative to the top kustomization, or for a
    /// clone, to the root path in the repository.
    func originPath(_ path: String) -> String {
        guard let remote else { return KustomizeBuilder.relative(path, from: topRoot) }
        let inside = KustomizeBuilder.relative(path, from: remote.root)
        return inside.isEmpty ? remote.path : remote.path + "/" + inside
    }

    /// The origin's repository lines for objects from a clone (`repo:`, `ref:`), else nothing.
    var originRepo: String {
        guard let remote else { return "" }
        return "repo: \(remote.repo)\n" + (remote.ref.isEmpty ? "" : "ref: \(remote.ref)\n")
    }

    /// What kustomize's decoding of a `crds` file into a map of OpenAPI definitions refuses: a document
    /// that is not a map, or a definition that is not an object (Go meets the keys in the order of the
    /// JSON it decodes: as written for JSON, sorted for YAML, which it turns into JSON first).
    static func openAPIDefinitionProblem(_ text: String) -> String? {
        guard let doc = try? YAMLCodec.decode(text), !doc.isNull else { return nil }
        let prefix = text.hasPrefix("{") ? "" : "error unmarshaling JSON: while decoding JSON: "
        guard let map = doc.object else {
            return prefix + "json: cannot unmarshal \(doc.goJSONTypeName) into Go value of type accumulator.nameToApiMap"
        }
        let keys = text.hasPrefix("{") ? map.keys : map.sortedKeys
        for key in keys {
            let v = map[key]!
            if v.isNull || v.object != nil { continue }
            return prefix + "json: cannot unmarshal \(v.goJSONTypeName) into Go value of type accumulator.OpenAPIDefinition"
        }
        return nil
    }

    /// A nested kustomization: kustomize's loader refuses a root that contains the current one or any
    /// visited before it (a cycle would otherwise never end), then builds it with its errors wrapped.
    private mutating func accumulateDirectory(_ path: String, parent: String, wrap: (String) -> String) throws -> [KustomizeResource] {
        for visited in [parent] + visitedRoots.reversed() where visited == path || visited.hasPrefix(path == "/" ? "/" : path + "/") {
            throw KustomizeError(wrap("cycle detected: candidate root '\(path)' contains visited root '\(visited)'"))
        }
        if !KustomizeBuilder.kustomizationFileNames.contains(where: { KustomizeFS.isFile(path + "/" + $0) }) {
            throw KustomizeError(wrap("couldn't make target for path '\(path)': unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '\(path)'"))
        }
        visitedRoots.append(parent)
        defer { visitedRoots.removeLast() }
        // A kustomization it includes is built with a table of its own, merged into this one afterwards.
        let outer = config
        config = TransformerConfig()
        // Loading it (reading, decoding, kind and apiVersion) is making its target; then building it.
        let k: Kustomization
        do { k = try load(path) } catch let e as KustomizeError {
            config = outer
            throw KustomizeError(wrap("couldn't make target for path '\(path)': \(e.message)"))
        }
        if k.kind == "Component" {
            config = outer
            throw KustomizeError(wrap("expected kind != 'Component' for path '\(path)'"))
        }
        let built: [KustomizeResource]
        do {
            built = try accumulate(k, dir: path)
        } catch let e as KustomizeError {
            throw KustomizeError(wrap("recursed accumulation of path '\(path)': \(e.message)"))
        }
        let inner = config
        config = outer
        do { try config.merge(inner) } catch let e as KustomizeError {
            throw KustomizeError(wrap("recursed merging from path '\(path)': \(e.message)"))
        }
        return built
    }

    /// A patch target's label or annotation selector; kustomize reports a bad one with `labels.Parse`'s text.
    static func selector(_ text: String) throws -> LabelSelector {
        do { return try LabelSelector.parse(text) } catch { throw KustomizeError("\(error)") }
    }

    /// go-yaml's own text of a YAML error (`yaml: line 3: ...`), without kubectl's decoding prefixes.
    static func bareYAMLError(_ e: YAMLError) -> String {
        guard let r = e.message.firstRange(of: "error converting YAML to JSON: ") else { return e.message }
        return String(e.message[r.upperBound...])
    }

    /// The objects of a resource file (multi-document, `List`s flattened).
    static func decodeObjects(_ text: String, source: String) throws -> [KustomizeResource] {
        let docs = try YAMLCodec.decodeDocuments(text, source: source, kyaml: true)
        var out: [KustomizeResource] = []
        for doc in docs {
            if doc.isNull { continue }
            guard case .object = doc else { throw KustomizeError("missing Resource metadata") }
            if (doc["kind"].string ?? "").hasSuffix("List"), doc["items"].array != nil || !doc["items"].isNull {
                // A List's items, none when `items` is not a list.
                for item in doc["items"].array ?? [] {
                    out.append(KustomizeResource(try checked(item)))
                }
            } else {
                out.append(KustomizeResource(try checked(doc)))
            }
        }
        for r in out { r.sourceText = text }
        return out
    }

    private static func checked(_ obj: JSONValue) throws -> JSONValue {
        let md = obj["metadata"]
        let dump = "{{\(obj["apiVersion"].string ?? "") \(obj["kind"].string ?? "")} {{\(md["name"].string ?? "") \(md["namespace"].string ?? "")} \(goMap(md["labels"])) \(goMap(md["annotations"]))}}"
        if (obj["kind"].string ?? "").isEmpty { throw KustomizeError("missing kind in object \(dump)") }
        // kyaml reads the name as the scalar's text: `name: 5` is the name "5", printed as the number.
        var obj = obj
        switch md["name"] {
        case .int(let i): obj["metadata"]["name"] = .string(KyamlScalar.raw(String(i)))
        case .bool(let b): obj["metadata"]["name"] = .string(KyamlScalar.raw(b ? "true" : "false"))
        case .double(let d) where d.isFinite: obj["metadata"]["name"] = .string(KyamlScalar.raw(KyamlScalar.goG(d)))
        case .string(let s) where !s.isEmpty: break
        default: throw KustomizeError("missing metadata.name in object \(dump)")
        }
        return obj
    }

    private static func goMap(_ v: JSONValue) -> String {
        let pairs = v.stringMap.sorted { goStringLess($0.0, $1.0) }
        return "map[" + pairs.map { "\($0.0):\($0.1)" }.joined(separator: " ") + "]"
    }

    // MARK: - transformers, in kustomize's order

    /// kustomize records each builtin transformer it ran on every object it ran over (one per patch,
    /// label, image, replica or JSON 6902 entry; one for all patchesStrategicMerge, one for replacements).
    private func noteTransformer(_ kind: String, dir: String, _ resources: [KustomizeResource]) {
        // kustomize notes the transformers whenever it tracks origins (either option); only
        // transformerAnnotations keeps the notes in the output.
        guard topBuildMetadata.contains("transformerAnnotations") || topBuildMetadata.contains("originAnnotations") else { return }
        let name = KustomizeBuilder.kustomizationFileNames.first { KustomizeFS.isFile(dir + "/" + $0) } ?? "kustomization.yaml"
        let file = dir == topRoot && remote == nil ? name : originPath(dir) + "/" + name
        for r in resources where !r.deleted { r.transformations.append((file, kind)) }
    }

    private func applyTransformers(_ k: Kustomization, dir: String, _ resources: inout [KustomizeResource]) throws {
        // patchesStrategicMerge
        for (i, entry) in k.patchesStrategicMerge.enumerated() {
            let text: String
            if !entry.contains("\n") && !entry.contains(":") {
                text = try readPatchFile(entry, dir: dir, config: "paths:\n- \(entry)\n", transformer: "PatchStrategicMergeTransformer")
            } else {
                text = entry
            }
            _ = i
            let patches: [JSONValue]
            do { patches = try YAMLCodec.decodeDocuments(text, source: entry, kyaml: true) } catch let e as YAMLError where text != entry {
                throw KustomizeError("trouble configuring builtin PatchStrategicMergeTransformer with config: `\npaths:\n- \(entry)\n`: MalformedYAMLError: \(KustomizeBuilder.bareYAMLError(e)) in File: \(entry)")
            }
            for patch in patches where patch.object != nil {
                try applyStrategic(patch, target: nil, resources: resources.filter { !$0.deleted }, legacy: true)
            }
        }
        if !k.patchesStrategicMerge.isEmpty { noteTransformer("PatchStrategicMergeTransformer", dir: dir, resources) }
        // kustomize configures every transformer (reading patch files) before it runs any.
        let patchTexts = try k.patches.map { try configurePatch($0, dir: dir) }
        let jsonPatchTexts = try k.patchesJson6902.map { try configureJSON6902($0, dir: dir) }
        // patches
        for (p, text) in zip(k.patches, patchTexts) {
            try applyPatchEntry(p, text: text, dir: dir, resources: resources.filter { !$0.deleted }, legacyJSON: false)
            noteTransformer("PatchTransformer", dir: dir, resources)
        }
        resources.removeAll { $0.deleted }
        if !k.namespace.isEmpty {
            var before: [ObjectIdentifier: (String, String, String)] = [:]
            for r in resources { before[ObjectIdentifier(r)] = (r.kind, r.name, r.namespace) }
            for r in resources {
                r.storePreviousId()
                applyNamespace(k.namespace, r)
            }
            try checkNamespaceConflicts(resources, before: before)
            // The table's other fields (APIService and conversion webhook services, configurations' own);
            // an object's metadata.namespace and a Namespace's name are set above.
            let table = config.namespace.filter { s in
                s.path != ["metadata", "namespace"] && !(s.path == ["metadata", "name"] && s.kind == "Namespace")
            }
            for r in resources {
                for spec in table { spec.apply(to: &r.object) { $0 = .string(k.namespace) } }
            }
            noteTransformer("NamespaceTransformer", dir: dir, resources)
        }
        // The prefix, then the suffix, over every field of its table that selects the object (by its original
        // kind); `metadata/name` renames it (kustomize never renames a Namespace, a CRD or an
        // apiregistration.k8s.io APIService).
        for (affix, isPrefix) in [(k.namePrefix, true), (k.nameSuffix, false)] where !affix.isEmpty {
            let table = isPrefix ? config.namePrefix : config.nameSuffix
            for r in resources where !["Namespace", "CustomResourceDefinition"].contains(r.orgKind)
                && !(r.orgKind == "APIService" && r.group == "apiregistration.k8s.io") {
                for spec in table where spec.selects(kind: r.orgKind, apiVersion: r.apiVersion) && spec.applies(to: r.object) {
                    if spec.path == ["metadata", "name"] && spec.listSegments.isEmpty {
                        r.storePreviousId()
                        if isPrefix { r.namePrefixes.append(affix) } else { r.nameSuffixes.append(affix) }
                        r.rename(isPrefix ? affix + r.name : r.name + affix)
                        continue
                    }
                    spec.apply(to: &r.object) { value in
                        switch value {
                        case .string(let s):
                            let text = KyamlScalar.text(s) ?? s
                            value = .string(isPrefix ? affix + text : text + affix)
                        case .null: value = .string(affix)  // created
                        default: break
                        }
                    }
                }
            }
            noteTransformer(isPrefix ? "PrefixTransformer" : "SuffixTransformer", dir: dir, resources)
        }
        // One LabelTransformer per `labels` entry, then the commonLabels one (there whenever either field is).
        for l in k.labels {
            // The entry's own fields, with the table merged in (kustomize's FsSlice.MergeAll: a conflict fails).
            var all = l.fields
            do {
                if l.includeSelectors {
                    all = try TransformerConfig.mergeAll(all, config.commonLabels)
                } else {
                    if l.includeTemplates {
                        do { all = try TransformerConfig.mergeAll(all, config.templateLabels) } catch {
                            throw KustomizeError("failed to merge template fieldSpec: conflicting fieldspecs")
                        }
                    }
                    all = try TransformerConfig.mergeAll(all, [FieldSpec("metadata/labels", create: true)])
                }
            } catch is TransformerConfig.Conflict {
                throw KustomizeError("failed to merge labels: conflicting fieldspecs")
            }
            if !l.pairs.isEmpty { for r in resources { try addPairs(l.pairs, r, specs: all) } }
            noteTransformer("LabelTransformer", dir: dir, resources)
        }
        if !k.commonLabels.isEmpty || !k.labels.isEmpty {
            for r in resources where !k.commonLabels.isEmpty { try addPairs(k.commonLabels, r, specs: config.commonLabels) }
            noteTransformer("LabelTransformer", dir: dir, resources)
        }
        if !k.commonAnnotations.isEmpty {
            for r in resources { try addPairs(k.commonAnnotations, r, specs: config.commonAnnotations) }
            noteTransformer("AnnotationsTransformer", dir: dir, resources)
        }
        for (p, text) in zip(k.patchesJson6902, jsonPatchTexts) {
            try applyPatchEntry(p, text: text, dir: dir, resources: resources, legacyJSON: true)
            noteTransformer("PatchJson6902Transformer", dir: dir, resources)
        }
        for rep in k.replicas {
            // Each entry must name an object of a kind with replicas (by any name it had).
            var found = false
            let replicaSpecs = config.replicas
            for spec in replicaSpecs {
                for r in resources where r.allNames.contains(rep.name) && spec.applies(to: r.object) {
                    found = true
                    spec.apply(to: &r.object) { $0 = rep.count }
                }
            }
            if !found {
                let gvks = replicaSpecs.map { "\($0.kind ?? "~K").[noVer].[noGrp]" }
                throw KustomizeError("resource with name \(rep.name) does not match a config with the following GVK [\(gvks.joined(separator: " "))]")
            }
            noteTransformer("ReplicaCountTransformer", dir: dir, resources)
        }
        if !k.images.isEmpty {
            let images = KustomizeImages(k.images)
            for r in resources {
                try images.apply(to: &r.object)
                // The image transformer creates nothing (a spec's `create` aside).
                for var spec in TransformerConfig.added(config.images, KustomizeFieldSpecs.images) {
                    spec.create = false
                    try spec.apply(to: &r.object) { if let v = $0.string { $0 = .string(try images.update(v)) } }
                }
            }
            for _ in k.images { noteTransformer("ImageTagTransformer", dir: dir, resources) }
        }
        let current = resources
        let replacements = try KustomizeReplacements.entries(k, dir: dir, read: { try KustomizeFS.read(KustomizeFS.join(dir, $0)) })
        for rep in replacements {
            try KustomizeReplacements.apply(rep, to: current, select: { try self.select($0, current) })
        }
        if !replacements.isEmpty { noteTransformer("ReplacementTransformer", dir: dir, resources) }
    }

    /// Two objects the namespace made one id: kustomize's error dumps both with the ids they had.
    private func checkNamespaceConflicts(_ resources: [KustomizeResource], before: [ObjectIdentifier: (String, String, String)]) throws {
        for (i, a) in resources.enumerated() {
            let clashes = resources[(i + 1)...].filter { sameId($0, a) }
            guard !clashes.isEmpty else { continue }
            let dumps = ([a] + clashes).map { r -> String in
                var o = r.object
                let (kind, name, ns) = before[ObjectIdentifier(r)] ?? (r.kind, r.name, r.namespace)
                for (key, value) in r.generatorNotes { o["metadata"]["annotations"]["internal.config.kubernetes.io/" + key] = .string(value) }
                o["metadata"]["annotations"]["internal.config.kubernetes.io/previousKinds"] = .string(kind)
                o["metadata"]["annotations"]["internal.config.kubernetes.io/previousNames"] = .string(name)
                o["metadata"]["annotations"]["internal.config.kubernetes.io/previousNamespaces"] = .string(KustomizeBuilder.effective(ns))
                return o.jsonString(.compact)
            }
            throw KustomizeError("namespace transformation produces ID conflict: [\(dumps.joined(separator: " "))]")
        }
    }

    private func applyNamespace(_ ns: String, _ r: KustomizeResource) {
        if r.kind == "Namespace" {
            r.rename(ns)
        } else if !r.isClusterScoped {
            r.setNamespace(ns)
        }
        if r.kind == "RoleBinding" || r.kind == "ClusterRoleBinding", var subjects = r.object["subjects"].array {
            for i in subjects.indices where subjects[i]["name"].string == "default" {
                subjects[i]["namespace"] = .string(ns)
            }
            r.object["subjects"] = .array(subjects)
        }
    }

    private func addPairs(_ pairs: [(String, String)], _ r: KustomizeResource, specs: [FieldSpec]) throws {
        // kustomize sets the keys in sorted order, an empty one first: kyaml's FieldSetter without a name
        // sets the node itself, which must then be a scalar (a map found or created there is an error).
        let id = r.idString
        if let empty = pairs.first(where: { $0.0.isEmpty }) {
            for spec in specs {
                try spec.apply(to: &r.object) { value in
                    let kind: String
                    switch value {
                    case .object(let o): kind = o.isEmpty ? "" : "MappingNode"
                    case .null: kind = ""
                    case .array: kind = "SequenceNode"
                    default:
                        value = .string(empty.1)  // a scalar there is replaced by the value
                        return
                    }
                    let contents = kind.isEmpty ? "{}\n" : r.nodeContents(spec.path, value)
                    throw KustomizeError("considering field '\(spec.rawPath)' of object \(id): wrong node kind: expected ScalarNode but got \(kind.isEmpty ? "MappingNode" : kind): node contents:\n\(contents)")
                }
            }
        }
        let pairs = pairs.filter { !$0.0.isEmpty }
        if pairs.isEmpty { return }
        for spec in specs {
            try spec.apply(to: &r.object) { value in
                var o = value.object ?? JSONObject()
                // A null in any spelling (`~`, `Null`, empty) is no node: kyaml creates the map.
                let null = value.isNull || KyamlScalar.text(value).map { KyamlScalar.resolve($0) == .json(.null) } == true
                if value.object == nil && !null {
                    // kyaml's FieldSetter needs a map there; it prints the node as written.
                    let contents = r.nodeContents(spec.path, value)
                    throw KustomizeError("considering field '\(spec.rawPath)' of object \(id): wrong node kind: expected MappingNode but got \(value.array != nil ? "SequenceNode" : "ScalarNode"): node contents:\n\(contents)")
                }
                for (k, v) in pairs { o[KustomizeScalars.key(k)] = .string(v) }
                value = .object(o)
            }
        }
    }

    private func readPatchFile(_ path: String, dir: String, config: String, transformer: String = "PatchTransformer") throws -> String {
        let full = KustomizeFS.join(dir, path)
        let configuring = "trouble configuring builtin \(transformer) with config: `\n\(config)`: "
        let failure = transformer == "PatchTransformer" ? configuring + "failed to get the patch file from path(\(path)): " : configuring
        guard KustomizeFS.isFile(full) else {
            throw KustomizeError(failure + "\(KustomizeFS.evalSymlinksFailure(full))")
        }
        if let refusal = KustomizeFS.outsideRoot(full, root: dir, restricted: rootOnly) {
            // patchesStrategicMerge reports the loader's refusal alone.
            throw KustomizeError((transformer == "PatchTransformer" ? failure : configuring) + refusal)
        }
        return try KustomizeFS.read(full)
    }

    /// The YAML kustomize prints for a patch transformer's configuration: the entry's fields (JSON 6902's
    /// inline patch is `jsonOp`), keys sorted, empty ones left out.
    static func transformerConfig(_ p: Kustomization.PatchEntry, legacyJSON: Bool) -> String {
        var config = JSONObject()
        if !legacyJSON, !p.options.isEmpty {
            config["options"] = .object(JSONObject(p.options.sortedKeys.map { ($0, p.options[$0]!) }))
        }
        if !p.patch.isEmpty { config[legacyJSON ? "jsonOp" : "patch"] = .string(p.patch) }
        if !p.path.isEmpty { config["path"] = .string(p.path) }
        if let t = p.target {
            let fields = [("annotationSelector", t.annotationSelector), ("group", t.group), ("kind", t.kind),
                          ("labelSelector", t.labelSelector), ("name", t.name), ("namespace", t.namespace), ("version", t.version)]
            config["target"] = .object(JSONObject(fields.filter { !$0.1.isEmpty }.map { ($0.0, .string($0.1)) }))
        }
        let sorted = JSONObject(config.sortedKeys.map { ($0, config[$0]!) })
        return sorted.isEmpty ? "{}\n" : YAMLCodec.encode(.object(sorted))
    }

    /// A `patches` entry's configuration (PatchTransformer's Config): one of patch and path, the file read.
    private func configurePatch(_ p: Kustomization.PatchEntry, dir: String) throws -> String {
        let config = KustomizeBuilder.transformerConfig(p, legacyJSON: false)
        let prefix = "trouble configuring builtin PatchTransformer with config: `\n\(config)`: "
        let patch = goTrimSpace(p.patch)
        if patch.isEmpty && p.path.isEmpty { throw KustomizeError(prefix + "must specify one of patch and path in\n" + config) }
        if !patch.isEmpty && !p.path.isEmpty { throw KustomizeError(prefix + "patch and path can't be set at the same time\n" + config) }
        let text = p.path.isEmpty ? p.patch : try readPatchFile(p.path, dir: dir, config: config)
        // The patch must read as strategic merge objects or as JSON patch operations, not both, not neither.
        let smDocs = try? YAMLCodec.decodeDocuments(text, source: p.path, kyaml: true)
        var shown = p
        shown.patch = p.path.isEmpty ? goTrimSpace(text) : ""
        // As JSON patch kustomize reads only the first YAML document (sigs.k8s.io/yaml): an empty one
        // (`---` then `---`) is the JSON `null`, no operations and no error.
        if !text.hasPrefix("["), ((try? YAMLCodec.decode(text)) ?? .object(JSONObject())).isNull {
            if smDocs != nil {
                throw KustomizeError(prefix + "illegally qualifies as both an SM and JSON patch: \(KustomizeBuilder.patchConfig(shown))")
            }
            return "[]"  // the objects fail to read as kyaml reads them: a JSON patch of no operations
        }
        if let docs = smDocs {
            if docs.count == 1, docs[0].array?.isEmpty == true {
                throw KustomizeError(prefix + "illegally qualifies as both an SM and JSON patch: \(KustomizeBuilder.patchConfig(shown))")
            }
            if docs.first?.array == nil, docs.contains(where: { !$0.isNull && $0.object == nil && $0.array == nil }) {
                throw KustomizeError(prefix + "unable to parse SM or JSON patch from \(KustomizeBuilder.patchConfig(shown))")
            }
        }
        return text
    }

    /// A `patchesJson6902` entry's configuration: a target with a name, one of path and patch, a file
    /// that is not empty, operations that are not none.
    private func configureJSON6902(_ p: Kustomization.PatchEntry, dir: String) throws -> String {
        let config = KustomizeBuilder.transformerConfig(p, legacyJSON: true)
        func fail(_ message: String) -> KustomizeError {
            KustomizeError("trouble configuring builtin PatchJson6902Transformer with config: `\n\(config)`: " + message)
        }
        // (kustomize panics on an entry without a target; that is left to the patch's own checks.)
        guard p.target != nil else { return p.patch }
        if p.target?.name.isEmpty == true { throw fail("must specify the target name") }
        if p.path.isEmpty && p.patch.isEmpty { throw fail("empty file path and empty jsonOp") }
        var text = p.patch
        if !p.path.isEmpty {
            if !p.patch.isEmpty { throw fail("must specify a file path or jsonOp, not both") }
            text = try readPatchFile(p.path, dir: dir, config: config, transformer: "PatchJson6902Transformer")
            if text.isEmpty { throw fail("patch file '\(p.path)' empty seems to be empty") }
        }
        if text.hasPrefix("["), let ops = (try? YAMLCodec.decodeDocuments(text, source: p.path))?.first?.array, ops.isEmpty {
            throw fail("patch appears to be empty; file=\(p.path), JsonOp=\(text)")
        }
        return text
    }

    private func applyPatchEntry(_ p: Kustomization.PatchEntry, text: String, dir: String, resources: [KustomizeResource],
                                 legacyJSON: Bool) throws {
        var docs = try YAMLCodec.decodeDocuments(text, source: p.path, kyaml: true)
        // A JSON 6902 patch is decoded as sigs.k8s.io/yaml does (YAML 1.1: `value: y` is true).
        if docs.first?.array != nil || legacyJSON { docs = try YAMLCodec.decodeDocuments(text, source: p.path) }
        if legacyJSON || docs.first?.array != nil {
            guard let ops = docs.first?.array else {
                if legacyJSON, !p.path.isEmpty, let first = docs.first {
                    // kustomize decodes the file into a JSON patch and fails with Go's text.
                    var trimmed = Substring(text)
                    while let last = trimmed.last, last == "\n" || last == " " { trimmed = trimmed.dropLast() }
                    throw KustomizeError("trouble configuring builtin PatchJson6902Transformer with config: `\n\(KustomizeBuilder.transformerConfig(p, legacyJSON: true))`: decoding \(strconvQuote(String(trimmed))): json: cannot unmarshal \(first.goJSONTypeName) into Go value of type jsonpatch.Patch")
                }
                throw KustomizeError("unable to parse SM or JSON patch from [\(text)]")
            }
            guard let target = p.target else {
                throw KustomizeError("must specify a target for JSON patch \(KustomizeBuilder.patchConfig(p))")
            }
            for r in try select(target, resources) {
                r.storePreviousId()
                let (name, kind) = (r.name, r.kind)
                // kustomize's objects carry internal annotations while it builds, so a patch may add to
                // /metadata/annotations of an object that has none.
                var doc = try KustomizeScalars.toJSON(r.object)
                let hadAnnotations = !doc["metadata"]["annotations"].isNull
                if !hadAnnotations, doc["metadata"].object != nil { doc["metadata"]["annotations"] = .emptyObject }
                doc = try KustomizeJSONPatch.apply(ops, to: doc)
                KustomizeScalars.annotationsFromJSON(&doc)
                if !hadAnnotations, doc["metadata"]["annotations"].object?.isEmpty == true {
                    doc["metadata"]["annotations"] = .null
                    if case .object(var md) = doc["metadata"] { md["annotations"] = nil; doc["metadata"] = .object(md) }
                }
                r.object = doc
                // kubectl v1.32 keeps a new name and kind whatever the options say; the old ones still
                // identify the object (later patches, name references).
                if r.kind != kind { r.previousKinds.append(kind) }
                if r.name != name {
                    let newName = r.name
                    r.object["metadata"]["name"] = .string(name)
                    r.rename(newName)
                }
            }
            return
        }
        let patches = docs.filter { $0.object != nil }
        if patches.count > 1, p.target != nil {
            throw KustomizeError("Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set `patches.target` field: \(KustomizeBuilder.patchConfig(p))")
        }
        for patch in patches {
            try applyStrategic(patch, target: p.target, resources: resources, legacy: false,
                               allowNameChange: p.allowNameChange, allowKindChange: p.allowKindChange)
        }
    }

    /// A patch entry's path or inline text as kustomize's errors print them: `[path: "p.yaml"]`.
    static func patchConfig(_ p: Kustomization.PatchEntry) -> String {
        var parts: [String] = []
        if !p.path.isEmpty { parts.append("path: \(strconvQuote(p.path))") }
        if !p.patch.isEmpty { parts.append("patch: \(strconvQuote(p.patch))") }
        return "[" + parts.joined(separator: " ") + "]"
    }

    private func applyStrategic(_ patch: JSONValue, target: Kustomization.Target?, resources: [KustomizeResource], legacy: Bool,
                                allowNameChange: Bool = false, allowKindChange: Bool = false) throws {
        let targets: [KustomizeResource]
        if let target {
            targets = try select(target, resources)
        } else {
            let probe = KustomizeResource(patch)
            let name = probe.name
            targets = resources.filter { r in
                (r.kind == probe.kind || r.previousKinds.contains(probe.kind)) && r.apiVersion == probe.apiVersion && r.allNames.contains(name)
                    && (probe.namespace.isEmpty || r.namespace == probe.namespace || r.previousNamespaces.contains(probe.namespace))
            }
            if targets.count != 1 {
                let id = probe.idString
                let why = "no matches for Id \(id); failed to find unique target for patch \(id)"
                // patchesStrategicMerge reports the lookup alone; a `patches` entry names the patch.
                throw KustomizeError(legacy ? why : "no resource matches strategic merge patch \"\(id)\": \(why)")
            }
        }
        for r in targets {
            var p = patch
            if target != nil {
                // The patch applies to each target under the target's own identity (its own name and kind
                // where the options allow them to change).
                if !allowNameChange || (p["metadata"]["name"].string ?? "").isEmpty { p["metadata"]["name"] = .string(r.name) }
                if !r.namespace.isEmpty { p["metadata"]["namespace"] = .string(r.namespace) }
                if !allowKindChange || (p["kind"].string ?? "").isEmpty { p["kind"] = .string(r.kind) }
                p["apiVersion"] = .string(r.apiVersion)
            }
            if allowNameChange || allowKindChange { r.storePreviousId() }
            let name = r.name
            // A patch with a target, and a patchesStrategicMerge file, merges its labels and annotations
            // into a copy of itself as strings first (kustomize's CopyMergeMetaDataFieldsFrom).
            if legacy || target != nil { KustomizeScalars.metadataAsText(&p, fields: ["labels", "annotations"]) }
            p = KustomizeScalars.nullsDeep(p)
            let merged = try merger.merge(r.object, patch: p)
            if merged.isNull { r.deleted = true; continue }  // `$patch: delete` of the whole object
            let (kind, apiVersion) = (r.kind, r.apiVersion)
            let (newName, newKind) = (merged["metadata"]["name"].string ?? name, merged["kind"].string ?? kind)
            r.object = merged
            r.object["metadata"]["name"] = .string(name)
            r.object["kind"] = .string(kind)
            r.object["apiVersion"] = .string(apiVersion)
            if allowKindChange && newKind != kind {
                r.previousKinds.append(kind)
                r.object["kind"] = .string(newKind)
            }
            if allowNameChange && newName != name { r.rename(newName) }
        }
    }

    private func select(_ t: Kustomization.Target, _ resources: [KustomizeResource]) throws -> [KustomizeResource] {
        let labelSel = try t.labelSelector.isEmpty ? nil : KustomizeBuilder.selector(t.labelSelector)
        let annotationSel = try t.annotationSelector.isEmpty ? nil : KustomizeBuilder.selector(t.annotationSelector)
        let nameRe = t.name.isEmpty ? nil : try GoRegex("^(?:" + t.name + ")$")
        let nsRe = t.namespace.isEmpty ? nil : try GoRegex("^(?:" + t.namespace + ")$")
        // Group, version and kind are anchored regular expressions too.
        let groupRe = t.group.isEmpty ? nil : try GoRegex("^(?:" + t.group + ")$")
        let versionRe = t.version.isEmpty ? nil : try GoRegex("^(?:" + t.version + ")$")
        let kindRe = t.kind.isEmpty ? nil : try GoRegex("^(?:" + t.kind + ")$")
        return resources.filter { r in
            let (g, v) = splitAPIVersion(r.apiVersion)
            if let re = groupRe, !re.matches(g) { return false }
            if let re = versionRe, !re.matches(v) { return false }
            if let re = kindRe, !re.matches(r.kind) { return false }
            if let re = nameRe, !re.matches(r.name), !re.matches(r.originalName) { return false }
            if let re = nsRe, !re.matches(r.namespace), !re.matches(r.previousNamespaces.first ?? r.namespace) { return false }
            if let sel = labelSel, !sel.matches(KustomizeScalars.strings(r.object, "labels")) { return false }
            if let sel = annotationSel, !sel.matches(KustomizeScalars.strings(r.object, "annotations")) { return false }
            return true
        }
    }

    // MARK: - hashes and name references (once, at the end)

    /// kustomize hashes the kind and content (the name is left empty in its hash input).
    private func addHashes(_ resources: inout [KustomizeResource]) throws {
        for r in resources where r.needsHash {
            let hash: String
            if r.kind == "ConfigMap" {
                hash = NameHash.configMap(name: "", data: r.object["data"].isNull ? .string("") : r.object["data"],
                                          binaryData: r.object["binaryData"].object?.isEmpty == false ? Optional(r.object["binaryData"]) : Optional.none)
            } else {
                hash = NameHash.secret(name: "", type: r.object["type"].string ?? "",
                                       data: r.object["data"].isNull ? .string("") : r.object["data"])
            }
            r.storePreviousId()
            r.rename(r.name + "-" + hash)
        }
    }

    /// kustomize's name reference transformer: for each rule, each of its referrer specs and each object
    /// whose original kind the spec selects, the field is looked up (never created) in that object; a name
    /// there (a string, each string of a list, or the `name` of a map with its `namespace`) is replaced by
    /// the current name of the one object it meant (`selectReferral`).
    private func fixNameReferences(_ resources: [KustomizeResource]) throws {
        for r in resources { r.refBy = [] }
        defer { for r in resources { r.refBy = [] } }
        var work: [(referrer: KustomizeResource, spec: FieldSpec, rule: KustomizeFieldSpecs.NameReference)] = []
        for rule in config.nameReference {
            for spec in rule.specs {
                let selector = KustomizeFieldSpecs.NameReference(kind: spec.kind, group: spec.group, version: spec.version, specs: [])
                for r in resources where selector.selects(kind: r.orgKind, apiVersion: r.apiVersion) {
                    work.append((r, spec, rule))
                }
            }
        }
        // Each referrer's fields in rule order (kustomize runs one referrer's filters together).
        var order: [ObjectIdentifier] = []
        var byReferrer: [ObjectIdentifier: [(FieldSpec, KustomizeFieldSpecs.NameReference)]] = [:]
        for w in work {
            let id = ObjectIdentifier(w.referrer)
            if byReferrer[id] == nil { order.append(id) }
            byReferrer[id, default: []].append((w.spec, w.rule))
        }
        let objects = Dictionary(resources.map { (ObjectIdentifier($0), $0) }, uniquingKeysWith: { a, _ in a })
        for id in order {
            guard let referrer = objects[id] else { continue }
            let candidates = couldBeReferenced(by: referrer, resources)
            for (spec, rule) in byReferrer[id] ?? [] {
                var obj = referrer.object
                let path = spec.path.joined(separator: "/")
                do {
                    try KustomizeBuilder.walkReferences(&obj, spec.path[...]) { value in
                        try setReference(&value, rule: rule, path: path, referrer: referrer, candidates: candidates)
                    }
                } catch let e as KustomizeError {
                    // The name reference filter, then its field walk, name the field and the referrer.
                    let id = referrer.idString
                    throw KustomizeError("updating name reference in '\(path)' field of '\(id)': considering field '\(path)' of object \(id): \(e.message)")
                }
                referrer.object = obj
            }
        }
    }

    /// The field walk of a name reference (never creating): each list crossed on the way prefixes an error
    /// found below it with the path still to walk, as kustomize's field spec filter does.
    static func walkReferences(_ v: inout JSONValue, _ path: ArraySlice<String>,
                               _ visit: (inout JSONValue) throws -> Void) throws {
        guard let seg = path.first else { try visit(&v); return }
        switch v {
        case .array(var items):
            v = .null
            do {
                for i in items.indices { try walkReferences(&items[i], path, visit) }
            } catch let e as KustomizeError {
                throw KustomizeError("visit traversal on path: [\(path.joined(separator: " "))]: \(e.message)")
            }
            v = .array(items)
        case .object(var o):
            guard let child = o[seg], !child.isNull else { return }
            var c = child
            v = .null
            try walkReferences(&c, path.dropFirst(), visit)
            o[seg] = c
            v = .object(o)
        default:
            return
        }
    }

    /// The objects a referrer may name (kustomize's SubsetThatCouldBeReferencedByResource): all of them for a
    /// cluster-scoped referrer; else the cluster-scoped ones, those of its namespace, and for a RoleBinding
    /// those of its ServiceAccount subjects' namespaces.
    private func couldBeReferenced(by referrer: KustomizeResource, _ resources: [KustomizeResource]) -> [KustomizeResource] {
        if referrer.isClusterScoped { return resources }
        var subjectNamespaces: Set<String> = []
        if referrer.kind == "RoleBinding" {
            for s in referrer.object["subjects"].array ?? [] where s["kind"].string == "ServiceAccount" {
                if let ns = s["namespace"].string { subjectNamespaces.insert(ns) }
            }
        }
        return resources.filter { t in
            t.isClusterScoped || t.effectiveNamespace == referrer.effectiveNamespace || subjectNamespaces.contains(t.namespace)
        }
    }

    private func setReference(_ value: inout JSONValue, rule: KustomizeFieldSpecs.NameReference, path: String,
                              referrer: KustomizeResource, candidates: [KustomizeResource]) throws {
        switch value {
        case .string(let s):
            let old = KyamlScalar.text(s) ?? s
            guard let referral = try selectReferral(old, candidates, rule: rule, path: path, referrer: referrer, sameNamespace: false),
                  referral.name != old else { return }
            value = .string(referral.name)
        case .array(var items):
            for i in items.indices where items[i].string != nil || items[i].object != nil {
                try setReference(&items[i], rule: rule, path: path, referrer: referrer, candidates: candidates)
            }
            value = .array(items)
        case .object(let o):
            guard let nameValue = o["name"] else { throw KustomizeError("path config error; no 'name' field in node") }
            var pool = candidates
            if let nsValue = o["namespace"] {
                let ns = nsValue.string.map { KyamlScalar.text($0) ?? $0 } ?? ""
                let byOriginal = candidates.filter { c in
                    !c.isClusterScoped && KustomizeBuilder.effective(c.prevIds.first?.namespace ?? c.namespace) == ns
                }
                pool = byOriginal.isEmpty ? candidates.filter { !$0.isClusterScoped && $0.effectiveNamespace == ns } : byOriginal
            }
            let old = nameValue.string.map { KyamlScalar.text($0) ?? $0 } ?? ""
            guard let referral = try selectReferral(old, pool, rule: rule, path: path, referrer: referrer, sameNamespace: true)
            else { return }
            if referral.name == old && referral.namespace.isEmpty { return }
            value["name"] = .string(referral.name)
            if !referral.namespace.isEmpty { value["namespace"] = .string(referral.namespace) }
        default:
            return
        }
    }

    static func effective(_ namespace: String) -> String { namespace.isEmpty ? "default" : namespace }

    /// kustomize's selectReferral: the candidates once named `old` as an object of the rule's kind (of the
    /// roleRef's kind and group for a roleRef), in the referrer's namespace unless either is cluster-scoped
    /// or the candidate is a ServiceAccount; of several, those with the referrer's prefixes and suffixes;
    /// several that agree on the name (and namespace) give the first; others are an error.
    private func selectReferral(_ old: String, _ candidates: [KustomizeResource], rule: KustomizeFieldSpecs.NameReference,
                                path: String, referrer: KustomizeResource, sameNamespace: Bool) throws -> KustomizeResource? {
        let picked = try pickReferral(old, candidates, rule: rule, path: path, referrer: referrer, sameNamespace: sameNamespace)
        picked?.refBy.append(referrer.idString)
        return picked
    }

    private func pickReferral(_ old: String, _ candidates: [KustomizeResource], rule: KustomizeFieldSpecs.NameReference,
                              path: String, referrer: KustomizeResource, sameNamespace: Bool) throws -> KustomizeResource? {
        var c = candidates.filter { r in r.prevIds.contains { $0.name == old } }
        c = c.filter { r in r.prevIds.contains { rule.selects(kind: $0.kind, apiVersion: r.apiVersion) } }
        if path.hasSuffix("roleRef/name"), let group = referrer.object["roleRef"]["apiGroup"].string,
           let kind = referrer.object["roleRef"]["kind"].string {
            let roleRef = KustomizeFieldSpecs.NameReference(kind: kind.isEmpty ? nil : kind, group: group.isEmpty ? nil : group, specs: [])
            c = c.filter { r in r.prevIds.contains { roleRef.selects(kind: $0.kind, apiVersion: r.apiVersion) } }
        }
        if !referrer.isClusterScoped {
            c = c.filter { $0.isClusterScoped || $0.kind == "ServiceAccount" || $0.effectiveNamespace == referrer.effectiveNamespace }
        }
        if c.count == 1 { return c[0] }
        c = c.filter {
            KustomizeBuilder.sameEnding($0.namePrefixes, referrer.namePrefixes) && KustomizeBuilder.sameEnding($0.nameSuffixes, referrer.nameSuffixes)
        }
        if c.count == 1 { return c[0] }
        guard let first = c.first else { return nil }
        if c.allSatisfy({ $0.name == first.name && (!sameNamespace || $0.namespace == first.namespace) }) { return first }
        // kustomize's error carries the referrer and each candidate as it holds them then: YAML with its
        // build notes (prefixes, suffixes, previous ids) among the annotations.
        let withOrigin = topBuildMetadata.contains("originAnnotations")
        var details = "\n**** Too many possible referral targets to referrer:\n\(YAMLCodec.encode(referrer.objectWithBuildNotes(origin: withOrigin)))\n"
        for (i, r) in c.enumerated() {
            details += "--- possible referral \(i):\n\(YAMLCodec.encode(r.objectWithBuildNotes(origin: withOrigin)))\n"
        }
        throw KustomizeError("found multiple possible referrals: \(c.map(\.idString).joined(separator: ", "))\n\(details)")
    }

    /// Whether one list ends the other (both empty counts; one empty and not the other does not).
    static func sameEnding(_ a: [String], _ b: [String]) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.isEmpty { return long.isEmpty }
        return Array(long.suffix(short.count)) == short
    }
}

/// The file system as kustomize's loader sees it (absolute, cleaned paths).
public enum KustomizeFS {
    static func absolute(_ path: String) -> String { absolutePath(path) }

    static func join(_ dir: String, _ entry: String) -> String { joinPath(dir, entry) }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// CleanedAbs's error for a path that does not exist: the path, then lstat's of the first component
    /// missing (Go's EvalSymlinks stops there).
    /// `shown` is the path as the caller gave it (kustomize names that one, and lstat's absolute path).
    static func evalSymlinksFailure(_ path: String, shown: String? = nil) -> String {
        var prefix = path.hasPrefix("/") ? "" : "."
        var missing = path
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if !exists(prefix) { missing = prefix; break }
        }
        return "evalsymlink failure on '\(shown ?? path)' : lstat \(missing): no such file or directory"
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// kustomize's root-only loader: a file must be in or below the kustomization's directory (both with
    /// symlinks resolved). The refusal, or nil when it is inside or the restriction is off.
    static func outsideRoot(_ path: String, root: String, restricted: Bool) -> String? {
        guard restricted else { return nil }
        let file = realPath(path), dir = realPath(root)
        if file == dir || file.hasPrefix(dir == "/" ? "/" : dir + "/") { return nil }
        return "security; file '\(file)' is not in or below '\(dir)'"
    }

    static func realPath(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    static func isFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFDIR
    }

    static func read(_ path: String) throws -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw KustomizeError("open \(path): no such file or directory") }
        defer { close(fd) }
        return readAll(fd: fd)
    }
}

extension KustomizeFS {
    public static func write(_ path: String, _ text: String) throws {
        if let f = writeWholeFile(path, text) { throw KustomizeError("\(f.call) \(path): \(goErrnoText(f.errno))") }
    }
}
