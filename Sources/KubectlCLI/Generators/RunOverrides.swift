import KubeAPI
import KubeModel
import KubeSchema

/// `run --overrides` with `--override-type`: the generated object is patched as kubectl patches it
/// (JSON merge patch, JSON patch or strategic merge patch), then decoded into its Go type, which
/// drops unknown fields and rejects values of the wrong type.
enum RunOverrides {
    static func apply(_ object: JSONValue, overrides: String, type: String) throws -> JSONValue {
        let patched: JSONValue
        do {
            switch type {
            case "merge":
                guard let patch = try? JSON.parse(overrides) else { throw CLIError.message("Invalid JSON Patch") }
                patched = try JSONMergePatch.apply(object, patch: patch)
            case "json":
                let patch: JSONValue
                do { patch = try JSON.parse(overrides) } catch let e as JSONParseError { throw CLIError.message(e.message) }
                patched = try JSONPatch.apply(object, patch: patch)
            case "strategic":
                guard let patch = try? JSON.parse(overrides) else { throw CLIError.message("invalid JSON document") }
                if patch.object == nil { throw CLIError.message("invalid JSON document") }
                let schema = PatchSchema.forObject(apiVersion: object["apiVersion"].string ?? "", kind: object["kind"].string ?? "")
                patched = try StrategicMerge.apply(object, patch: patch, schema: schema)
            default:
                throw CLIError.message("invalid override type: \(type)")
            }
        } catch let e as PatchError {
            throw CLIError.message(e.message)
        }
        if let def = SchemaIndex.builtin.definition(apiVersion: patched["apiVersion"].string ?? "", kind: patched["kind"].string ?? ""),
           let error = decodeReport(patched, definition: def, index: .builtin).decodeError
        {
            throw CLIError.message(error)
        }
        return withEmptyResources(prunedToBuiltinType(patched))
    }

    /// A Go `Container` always encodes its `resources` struct (`resources: {}` when empty).
    static func withEmptyResources(_ pod: JSONValue) -> JSONValue {
        guard pod["kind"].string == "Pod", pod["apiVersion"].string == "v1" else { return pod }
        var out = pod
        for key in ["initContainers", "containers"] {
            guard let list = pod["spec"][key].array else { continue }
            out["spec"][key] = .array(list.map { c in
                var c = c
                if case .object = c, c["resources"].isNull { c["resources"] = .emptyObject }
                return c
            })
        }
        return out
    }
}
