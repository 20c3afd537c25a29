#if canImport(Glibc)
import Glibc
#endif
import KubeCodec
import KubeModel
import KubePrinters
import KubeRegistry
import KubeSchema

/// `kubectl explain TYPE[.field...]`: kubectl v1.32's plaintext explain over the embedded schema, with
/// our own descriptions, and kubectl's flags only. kubectl-local's additions (`--depth`, `--find`,
/// `-o json|yaml`, importing OpenAPI documents) are `kubectl-local schema`.
enum ExplainCommand {
    static let spec = CommandSpec(
        "explain",
        use: "explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]",
        short: "Describe the fields of a type and their meaning",
        group: "Basic Commands (Intermediate):", options: KubectlExplainOptions.self)

    /// `kubectl-local schema`: explain with kubectl-local's additions.
    static let schemaSpec = CommandSpec(
        "schema",
        use: "schema TYPE [--recursive] [--depth=N] [--find=WORD] [-o plaintext|plaintext-openapiv2|json|yaml] | schema --import=FILE | schema --remove-imports",
        short: "Explain a type with kubectl-local's additions: depth, search, the schema as data, imported OpenAPI documents (kubectl-local only)",
        example: """
            # The field paths of a Deployment that mention probes
            kubectl-local schema deployments --find=probe

            # Two levels of a Pod's fields, as YAML
            kubectl-local schema pods --recursive --depth=2 -o yaml
            """,
        group: "Other Commands:", options: ExplainOptions.self)
}

/// `kubectl explain`'s own flags: kubectl v1.32's, no more.
struct KubectlExplainOptions: FlagOptions {
    var recursive = false
    var apiVersion: String?
    var output = "plaintext"

    static var flags: [OptionFlag<Self>] {
        [.init(\.recursive, "recursive", usage: "List every nested field name at once, instead of one level of fields with their descriptions."),
         .init(\.apiVersion, "api-version", usage: "Explain the type as served in this group/version."),
         .init(\.output, "output", short: "o", default: "plaintext", usage: "How to print the schema: plaintext or plaintext-openapiv2.",
               completions: ["plaintext", "plaintext-openapiv2"])]
    }

    func run(_ inv: inout Invocation) throws {
        var full = ExplainOptions()
        full.recursive = recursive
        full.apiVersion = apiVersion
        full.output = output
        full.formats = ["plaintext", "plaintext-openapiv2"]
        try full.run(&inv)
    }
}

/// explain's options: the type and field path, the schema's form, or an import of OpenAPI documents.
struct ExplainOptions: FlagOptions {
    var recursive = false
    var apiVersion: String?
    var output = "plaintext"
    var depth = 0
    var find: String?
    var importPath: String?
    var removeImports = false
    /// The output formats accepted (`kubectl explain` has kubectl's two).
    var formats = ["plaintext", "plaintext-openapiv2", "json", "yaml"]

    static var flags: [OptionFlag<Self>] {
        [.init(\.recursive, "recursive", usage: "List every nested field name at once, instead of one level of fields with their descriptions."),
         .init(\.apiVersion, "api-version", usage: "Explain the type as served in this group/version."),
         .init(\.output, "output", short: "o", default: "plaintext", usage: "How to print the schema: plaintext, plaintext-openapiv2, json or yaml.",
               completions: ["plaintext", "plaintext-openapiv2", "json", "yaml"]),
         .init(\.depth, "depth", usage: "With --recursive (or -o json|yaml): the number of field levels to show (0: all)."),
         .init(\.find, "find", usage: "List the field paths under TYPE whose name or description contains this word (case-insensitive)."),
         .init(\.importPath, "import", usage: "Store an OpenAPI v2 (swagger.json) or v3 (/openapi/v3/apis/GROUP/VERSION) document from a cluster in the store; explain then uses it, with its descriptions, for the kinds it defines."),
         .init(\.removeImports, "remove-imports", usage: "Remove every imported OpenAPI document from the store (explain goes back to the built-in schema).")]
    }

    func run(_ inv: inout Invocation) throws {
        if importPath != nil || removeImports {
            try ImportedSchemas.run(&inv, path: importPath, remove: removeImports)
            return
        }
        guard !inv.args.isEmpty else {
            throw CLIError.message("You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n")
        }
        guard inv.args.count == 1 else { throw CLIError.message("We accept only this format: explain RESOURCE\n") }
        let registry = inv.registry
        // An empty --api-version is no version at all.
        let apiVersion = self.apiVersion.flatMap { $0.isEmpty ? nil : $0 }
        let (type, fieldPath, warnings) = try ExplainCommand.resolve(inv.args[0], registry: registry,
                                                                     matchingPrefix: apiVersion == nil)
        for w in warnings { inv.io.err.write("Warning: \(w)\n") }
        guard formats.contains(output) else {
            throw CLIError.message("unrecognized format: \(output)")
        }
        if output == "plaintext-openapiv2" {
            try explainV2(&inv, type: type, fieldPath: fieldPath, apiVersion: apiVersion)
            return
        }
        var group = type.group
        var version = type.version
        if let apiVersion {
            // schema.ParseGroupVersion: at most one slash.
            guard apiVersion.split(separator: "/", omittingEmptySubsequences: false).count <= 2 else {
                throw CLIError.message("unexpected GroupVersion string: \(apiVersion)")
            }
            let (g, v) = ExplainCommand.splitGroupVersion(apiVersion)
            group = g
            version = v
        }
        let gvrText = "\(group)/\(version), Resource=\(type.plural)"
        // Only what the server serves counts (no alpha or beta version by default), whatever versions
        // the embedded schema has: a group/version it does not serve, then a resource not in it.
        guard registry.apiVersions.contains(group.isEmpty ? version : group + "/" + version) else {
            throw CLIError.message("couldn't find resource for \"\(gvrText)\"")
        }
        guard registry.allVersions.contains(where: { $0.group == group && $0.version == version && $0.plural == type.plural }) else {
            throw CLIError.message("GVR (\(gvrText)) not found in OpenAPI schema")
        }
        let index = try ExplainCommand.schemaIndex(inv, registry: registry, type: type, group: group, version: version)
        guard index.groupVersions.contains(group.isEmpty ? version : group + "/" + version) else {
            throw CLIError.message("couldn't find resource for \"\(gvrText)\"")
        }
        guard let served = index.servedResource(group: group, version: version, plural: type.plural) else {
            throw CLIError.message("GVR (\(gvrText)) not found in OpenAPI schema")
        }
        let gvk = served.gvk
        let explainer = Explainer(index: index)  // descriptions in the schema (CRDs, imports) win over ours
        if let find {
            let r = explainer.find(find, gvk: gvk, fieldPath: fieldPath)
            inv.io.out.write(r.output)
            if let e = r.error { throw CLIError.raw(e.message) }
            return
        }
        switch output {
        case "json", "yaml":
            let r = explainer.data(gvk: gvk, fieldPath: fieldPath, recursive: recursive || depth > 0,
                                   maxDepth: depth > 0 ? depth : nil)
            switch r {
            case .success(let v):
                inv.io.out.write(output == "json" ? v.jsonString(JSONWriteOptions(indent: 4, sortKeys: false)) + "\n"
                                 : YAMLCodec.encode(v))
            case .failure(let e):
                throw CLIError.raw(e.message)
            }
        default:
            let r = explainer.plaintext(gvk: gvk, fieldPath: fieldPath, recursive: recursive,
                                        maxDepth: depth > 0 ? depth : nil)
            inv.io.out.write(r.output)
            if let e = r.error { throw CLIError.raw(e.message) }
        }
    }
}

extension ExplainOptions {
    /// `--output=plaintext-openapiv2`: the old template over the kind's definition; a kind the server
    /// does not serve in that version is not in its OpenAPI v2 document.
    func explainV2(_ inv: inout Invocation, type: ResourceType, fieldPath: [String], apiVersion: String?) throws {
        var gvk = GroupVersionKind(group: type.group, version: type.version, kind: type.kind)
        if let apiVersion {
            guard apiVersion.split(separator: "/", omittingEmptySubsequences: false).count <= 2 else {
                throw CLIError.message("unexpected GroupVersion string: \(apiVersion)")
            }
            let (g, v) = ExplainCommand.splitGroupVersion(apiVersion)
            gvk = GroupVersionKind(group: g, version: v, kind: type.kind)
        }
        let registry = inv.registry
        let index = try ExplainCommand.schemaIndex(inv, registry: registry, type: type, group: gvk.group, version: gvk.version)
        guard registry.allVersions.contains(where: { $0.group == gvk.group && $0.version == gvk.version && $0.kind == gvk.kind }),
              index.definition(for: gvk) != nil
        else {
            throw CLIError.message("couldn't find resource for \"\(gvk.group)/\(gvk.version), Kind=\(gvk.kind)\"")
        }
        let r = Explainer(index: index).plaintextV2(gvk: gvk, fieldPath: fieldPath, recursive: recursive)
        inv.io.out.write(r.output)
        if let e = r.error { throw CLIError.raw(e.message) }
    }
}

extension ExplainCommand {
    /// kubectl's `SplitAndParseResourceRequestWithMatchingPrefix`: the argument is read as a jsonpath
    /// (`{.ARG}`) whose first node names the resource. When the argument starts with `plural.group` of
    /// one of the resource's groups, the fields are the nodes of the rest after its first; otherwise
    /// every node after the first. Any node that is not a plain field is an error.
    /// With --api-version kubectl reads it as `SplitAndParseResourceRequest` does: every node after the
    /// first is a field, whatever group the argument names.
    static func resolve(_ arg: String, registry: Registry, matchingPrefix: Bool = true) throws -> (ResourceType, [String], [String]) {
        let nodes: [String?]
        do { nodes = try JSONPathFieldNodes.parse(arg) } catch let e as JSONPathError { throw CLIError.message(e.message) }
        guard let first = nodes.first, let resource = first else { throw CLIError.message(notFieldNode) }
        // The REST mapper's answer to an empty resource name.
        if resource.isEmpty { throw CLIError.message("a resource must be present, got: /, Resource=") }
        let type: ResourceType
        let warnings: [String]
        do {
            let r = try registry.resolve(resource)
            type = r.type
            warnings = r.warnings
        } catch let e as UnknownResourceTypeError {
            throw CLIError.raw(e.message)
        }
        guard matchingPrefix else {
            guard nodes.dropFirst().allSatisfy({ $0 != nil }) else {
                throw CLIError.message("invalid jsonpath syntax, all nodes must be field nodes")
            }
            return (type, nodes.dropFirst().compactMap { $0 }, warnings)
        }
        // Every served group of this resource name, in priority order (RESTMapper.ResourcesFor).
        let candidates = registry.types.filter { $0.plural == type.plural }
        for t in [type] + candidates.filter({ $0.group != type.group }) where arg.hasPrefix(t.qualifiedPlural) {
            let rest = String(arg.dropFirst(t.qualifiedPlural.count))
            guard !rest.isEmpty else { return (t, [], warnings) }
            do { return (t, try fields(of: Array(try JSONPathFieldNodes.parse(rest).dropFirst())), warnings) } catch let e as JSONPathError {
                throw CLIError.message(e.message)
            }
        }
        return (type, try fields(of: Array(nodes.dropFirst())), warnings)
    }

    static let notFieldNode = "invalid jsonpath syntax, first node must be field node"

    static func fields(of nodes: [String?]) throws -> [String] {
        try nodes.map { node in
            guard let name = node else { throw CLIError.message(notFieldNode) }
            return name
        }
    }

    /// The schema explain reads for a resource: an imported document that defines its kind, else
    /// the CRD's schema for a custom resource, else the embedded one.
    static func schemaIndex(_ inv: Invocation, registry: Registry, type: ResourceType, group: String, version: String) throws -> SchemaIndex {
        let versioned = registry.allVersions.first { $0.group == group && $0.version == version && $0.plural == type.plural }
        let gvk = GroupVersionKind(group: group, version: version, kind: versioned?.kind ?? type.kind)
        if let imported = try ImportedSchemas.index(inv, for: gvk, type: versioned ?? type) { return imported }
        let isCustom = type.openAPIV3Schema != nil || SchemaIndex.builtin.definition(for: type.gvk) == nil
        guard isCustom else { return .builtin }
        guard let t = versioned else { return SchemaIndex(definitions: []) }
        return SchemaIndex.customResourceForExplain(group: t.group, version: t.version, kind: t.kind, plural: t.plural,
                                                    namespaced: t.namespaced, openAPIV3Schema: t.openAPIV3Schema)
    }

    static func splitGroupVersion(_ s: String) -> (String, String) {
        guard let slash = s.firstIndex(of: "/") else { return ("", s) }
        return (String(s[..<slash]), String(s[s.index(after: slash)...]))
    }
}

/// OpenAPI documents imported with `kubectl-local schema --import FILE`, kept in the store's settings: the document
/// under `schema.import/<id>` and the kinds it defines (`group/version/Kind` lines) under
/// `schema.import-kinds/<id>`, where the id is the group/version of a v3 document or `openapi-v2`.
enum ImportedSchemas {
    static let documentPrefix = "schema.import/"
    static let kindsPrefix = "schema.import-kinds/"

    static func run(_ inv: inout Invocation, path: String?, remove: Bool) throws {
        let server = try inv.server()
        if remove {
            let n = try server.write { s -> Int in
                let entries = try s.configEntries(withPrefix: kindsPrefix)
                for e in entries {
                    let id = String(e.key.dropFirst(kindsPrefix.count))
                    try s.setConfig(e.key, nil)
                    try s.setConfig(documentPrefix + id, nil)
                }
                return entries.count
            }
            inv.io.out.write("removed \(n) imported OpenAPI document\(n == 1 ? "" : "s")\n")
        }
        guard let path else { return }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CLIError.message("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        let text = String(decoding: readAll(fd: fd), as: UTF8.self)
        close(fd)
        let doc: OpenAPIDocument
        do { doc = try OpenAPIDocument(json: text) } catch let e as OpenAPIImportError {
            throw CLIError.message("\(path): \(e.message)")
        }
        let kinds = doc.kinds
        guard !kinds.isEmpty else {
            throw CLIError.message("\(path): the document defines no kind (no x-kubernetes-group-version-kind)")
        }
        let groupVersions = Array(Set(kinds.map { $0.group.isEmpty ? $0.version : $0.group + "/" + $0.version })).sorted()
        let id = doc.openAPIVersion == 2 ? "openapi-v2" : groupVersions.joined(separator: ",")
        let lines = kinds.map { "\($0.group)/\($0.version)/\($0.kind)" }.joined(separator: "\n")
        try server.write { s in
            try s.setConfig(documentPrefix + id, text)
            try s.setConfig(kindsPrefix + id, lines)
        }
        inv.io.out.write("imported OpenAPI v\(doc.openAPIVersion) document \(path): \(kinds.count) kind\(kinds.count == 1 ? "" : "s") in \(groupVersions.joined(separator: ", "))\n")
    }

    /// The index of the imported document defining `gvk` (v3 documents before the v2 one), if any.
    static func index(_ inv: Invocation, for gvk: GroupVersionKind, type: ResourceType) throws -> SchemaIndex? {
        guard access(inv.storePath, F_OK) == 0 else { return nil }
        let key = "\(gvk.group)/\(gvk.version)/\(gvk.kind)"
        let server = try inv.server()
        let text: String? = try server.read { s in
            let entries = try s.configEntries(withPrefix: kindsPrefix)
                .sorted { ($0.key.hasSuffix("/openapi-v2") ? 1 : 0) < ($1.key.hasSuffix("/openapi-v2") ? 1 : 0) }
            for e in entries where e.value.split(separator: "\n").contains(Substring(key)) {
                return try s.config(documentPrefix + e.key.dropFirst(kindsPrefix.count))
            }
            return nil
        }
        guard let text, let doc = try? OpenAPIDocument(json: text) else { return nil }
        let served = ServedResource(group: gvk.group, version: gvk.version, kind: gvk.kind, plural: type.plural,
                                    namespaced: type.namespaced, verbs: type.verbs)
        let gv = gvk.group.isEmpty ? gvk.version : gvk.group + "/" + gvk.version
        return SchemaIndex.closedOver(doc.definitions, fallback: .builtin, servedResources: [served], groupVersions: [gv])
    }
}
