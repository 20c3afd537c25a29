import KubeCodec
import KubeModel
import KubeRegistry
import KubeSchema

/// `kubectl explain TYPE[.field...]`: kubectl v1.32's plaintext explain over the embedded schema, with
/// our own descriptions; plus `--depth`, `--find` and `-o json|yaml` (the schema subtree as data).
enum ExplainCommand {
    static let spec = CommandSpec(
        "explain",
        use: "explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [--output=plaintext|plaintext-openapiv2]",
        short: "Get documentation for a resource",
        flags: [
            FlagSpec("recursive", .bool, usage: "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description."),
            FlagSpec("api-version", .string, usage: "Use given api-version (group/version) of the resource."),
            FlagSpec("output", .string, default: "plaintext", usage: "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2, json, yaml).",
                     completions: ["plaintext", "plaintext-openapiv2", "json", "yaml"]),
            FlagSpec("depth", .int, usage: "With --recursive (or -o json|yaml): the number of field levels to show (0: all)."),
            FlagSpec("find", .string, usage: "List the field paths under TYPE whose name or description contains this word (case-insensitive)."),
        ],
        group: "Basic Commands (Intermediate):",
        run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        guard !inv.args.isEmpty else {
            throw CLIError.message("You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n")
        }
        guard inv.args.count == 1 else { throw CLIError.message("We accept only this format: explain RESOURCE\n") }
        let (type, fieldPath, warnings) = try resolve(inv.args[0], registry: Registry.builtin)
        for w in warnings { inv.io.err.write("Warning: \(w)\n") }
        let output = inv.flags.string("output")
        guard ["plaintext", "plaintext-openapiv2", "json", "yaml"].contains(output) else {
            throw CLIError.message("unrecognized format: \(output)")
        }
        let index = SchemaIndex.builtin
        var group = type.group
        var version = type.version
        if inv.flags.isSet("api-version") {
            let (g, v) = splitGroupVersion(inv.flags.string("api-version"))
            group = g
            version = v
        }
        let gvrText = "\(group)/\(version), Resource=\(type.plural)"
        guard index.groupVersions.contains(group.isEmpty ? version : group + "/" + version) else {
            throw CLIError.message("couldn't find resource for \"\(gvrText)\"")
        }
        guard let served = index.servedResource(group: group, version: version, plural: type.plural) else {
            throw CLIError.message("GVR (\(gvrText)) not found in OpenAPI schema")
        }
        let gvk = served.gvk
        let explainer = Explainer(index: index)
        let depth = inv.flags.int("depth")
        let find = inv.flags.string("find")
        if inv.flags.isSet("find") {
            let r = explainer.find(find, gvk: gvk, fieldPath: fieldPath)
            inv.io.out.write(r.output)
            if let e = r.error { throw CLIError.raw(e.message) }
            return
        }
        switch output {
        case "json", "yaml":
            let r = explainer.data(gvk: gvk, fieldPath: fieldPath, recursive: inv.flags.bool("recursive") || depth > 0,
                                   maxDepth: depth > 0 ? depth : nil)
            switch r {
            case .success(let v):
                inv.io.out.write(output == "json" ? v.jsonString(JSONWriteOptions(indent: 4, sortKeys: false)) + "\n"
                                 : YAMLCodec.encode(v))
            case .failure(let e):
                throw CLIError.raw(e.message)
            }
        default:
            let r = explainer.plaintext(gvk: gvk, fieldPath: fieldPath, recursive: inv.flags.bool("recursive"),
                                        maxDepth: depth > 0 ? depth : nil)
            inv.io.out.write(r.output)
            if let e = r.error { throw CLIError.raw(e.message) }
        }
    }

    /// kubectl's `SplitAndParseResourceRequestWithMatchingPrefix`: the resource is the first dotted
    /// part; when the argument starts with `plural.group` of the resolved type, the fields follow it,
    /// otherwise every part after the first is a field.
    static func resolve(_ arg: String, registry: Registry) throws -> (ResourceType, [String], [String]) {
        var text = Substring(arg)
        if text.hasSuffix(".") { text = text.dropLast() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let type: ResourceType
        let warnings: [String]
        do {
            let r = try registry.resolve(parts[0])
            type = r.type
            warnings = r.warnings
        } catch let e as UnknownResourceTypeError {
            throw CLIError.raw(e.message)
        }
        // Every served group of this resource name, in priority order (RESTMapper.ResourcesFor).
        let candidates = registry.types.filter { $0.plural == type.plural }
        for t in [type] + candidates.filter({ $0.group != type.group }) {
            let gr = t.qualifiedPlural
            if text.hasPrefix(gr) {
                let rest = text.dropFirst(gr.count)
                let fields = rest.isEmpty ? [] : rest.split(separator: ".", omittingEmptySubsequences: false).dropFirst().map(String.init)
                return (t, fields, warnings)
            }
        }
        return (type, Array(parts.dropFirst()), warnings)
    }

    static func splitGroupVersion(_ s: String) -> (String, String) {
        guard let slash = s.firstIndex(of: "/") else { return ("", s) }
        return (String(s[..<slash]), String(s[s.index(after: slash)...]))
    }
}
