import KubeAPI
import KubeModel
import KubeRegistry

/// `-l`: parsed as the API server parses it; a bad selector is the server's BadRequest.
func parseLabelSelector(_ text: String) throws -> LabelSelector? {
    if text.isEmpty { return nil }
    do { return try LabelSelector.parse(text) } catch {
        throw CLIError.api(APIError.badRequest("\(error)"))
    }
}

/// The selector that filters objects read from files (`-f x -l ...`): the builder parses it itself.
func parseFileLabelSelector(_ text: String) throws -> LabelSelector? {
    if text.isEmpty { return nil }
    do { return try LabelSelector.parse(text) } catch {
        throw CLIError.message("the provided selector \(goQuoted(text)) is not valid: \(error)")
    }
}

/// A selector kubectl parses itself (top, drain's --pod-selector): its error is kubectl's own, not the server's.
func parseLabelSelectorClientSide(_ text: String) throws -> LabelSelector? {
    if text.isEmpty { return nil }
    do { return try LabelSelector.parse(text) } catch { throw CLIError.message("\(error)") }
}

func parseFieldSelector(_ text: String) throws -> FieldSelector? {
    if text.isEmpty { return nil }
    do { return try FieldSelector.parse(text) } catch {
        throw CLIError.api(APIError.badRequest("\(error)"))
    }
}

/// Filters rows by a field selector; an unsupported field is the server's BadRequest, wrapped as
/// cli-runtime wraps list errors.
func filterByFields(_ rows: [ObjectRow], _ fs: FieldSelector, type: ResourceType, labelSelector: String,
                    fieldSelectorText: String) throws -> [ObjectRow]
{
    for field in fs.requirements.map(\.field) where type.fieldValue(field, of: .emptyObject) == nil {
        throw CLIError.api(APIError.badRequest(
            "Unable to find \(goQuoted(gvrString(type))) that match label selector \(goQuoted(labelSelector)), field selector \(goQuoted(fieldSelectorText)): field label not supported: \(field)"))
    }
    return try rows.filter { row in
        let obj = try JSON.parse(row.data)
        return fs.matches { type.fieldValue($0, of: obj) }
    }
}

/// `/v1, Resource=pods`, `apps/v1, Resource=deployments`.
func gvrString(_ type: ResourceType) -> String { "\(type.group)/\(type.version), Resource=\(type.plural)" }

/// The registry entry for an object read from a file, or kubectl's mapping error.
func mapping(for o: SourcedObject, registry: Registry) throws -> ResourceType {
    let apiVersion = o.object["apiVersion"].string ?? ""
    let kind = o.object["kind"].string ?? ""
    let gvk = GroupVersionKind.parse(apiVersion: apiVersion, kind: kind)
    if let t = registry.type(for: gvk) { return t }
    let name = o.object["metadata"]["name"].string ?? ""
    let ns = o.object["metadata"]["namespace"].string ?? ""
    throw CLIError.message("resource mapping not found for name: \(goQuoted(name)) namespace: \(goQuoted(ns)) from \(goQuoted(o.source)): no matches for kind \(goQuoted(kind)) in version \(goQuoted(apiVersion))\nensure CRDs are installed first")
}

/// The store's index can answer `-l` when every requirement is one it knows (not `gt`/`lt`); nil
/// means filter in memory.
func storeRequirements(_ sel: LabelSelector?) -> [KubeAPI.LabelRequirement]? {
    guard let sel else { return [] }
    return sel.indexRequirements
}
