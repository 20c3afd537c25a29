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
            case "merge", "":
                guard let patch = try? JSON.parse(overrides) else { throw CLIError.message("Invalid JSON Patch") }
                if patch.array != nil { throw CLIError.message(typeMetaParseError("array")) }
                patched = try JSONMergePatch.apply(object, patch: patch)
                try checkTypeMeta(patched, text: mergePatchOrder(patched, patch: patch))
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
        try checkTypeMeta(patched)
        guard let def = SchemaIndex.builtin.definition(apiVersion: patched["apiVersion"].string ?? "", kind: patched["kind"].string ?? "") else {
            throw CLIError.message("no kind \(goQuoted(patched["kind"].string ?? "")) is registered for version \(goQuoted(patched["apiVersion"].string ?? "")) in scheme \"pkg/scheme/scheme.go:28\"")
        }
        if let error = decodeReport(patched, definition: def, index: .builtin).decodeError {
            throw CLIError.message(error)
        }
        let typed = prunedToBuiltinType(patched)
        return typed["kind"].string == "Pod" ? withEmptyResources(typed) : TypedRoundTrip.normalize(typed)
    }

    /// The universal decoder's first look at the patched bytes: a JSON object with a kind and apiVersion.
    static func checkTypeMeta(_ patched: JSONValue, text shown: JSONValue? = nil) throws {
        guard patched.object != nil else {
            let name = patched.array != nil ? "array" : patched.string != nil ? "string" : patched.isNull ? "" : "number"
            throw CLIError.message(typeMetaParseError(name))
        }
        let text = (shown ?? patched).jsonString(.compactOrdered)
        if (patched["kind"].string ?? "").isEmpty { throw CLIError.message("Object 'Kind' is missing in '\(text)'") }
        if (patched["apiVersion"].string ?? "").isEmpty { throw CLIError.message("Object 'apiVersion' is missing in '\(text)'") }
    }

    static func typeMetaParseError(_ jsonType: String) -> String {
        "couldn't get version/kind; json parse error: json: cannot unmarshal \(jsonType) into Go value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }"
    }

    /// The key order of a JSON merge patch's result as kubectl's patch library writes it: the objects the
    /// patch reaches are re-encoded from maps (keys sorted), the parts it leaves alone keep their bytes.
    static func mergePatchOrder(_ result: JSONValue, patch: JSONValue) -> JSONValue {
        guard case .object(let r) = result, case .object(let p) = patch else { return result }
        var out = JSONObject()
        for k in r.keys.sorted(by: goStringLess) {
            let v = r[k]!
            out[k] = p[k]?.object != nil ? mergePatchOrder(v, patch: p[k]!) : v
        }
        return .object(out)
    }

    /// A Go `Container` always encodes its `resources` struct (`resources: {}` when empty), and a
    /// `PodSpec` its `containers` (`null` when an override removed them).
    static func withEmptyResources(_ pod: JSONValue) -> JSONValue {
        guard pod["kind"].string == "Pod", pod["apiVersion"].string == "v1" else { return pod }
        var out = pod
        if pod["spec"].object != nil, pod["spec"].object?["containers"] == nil { out["spec"] = TypedOrder.podSpec(pod["spec"]) }
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
