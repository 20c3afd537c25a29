import KubeModel
import KubeSchema
import KubeRegistry

/// A JSON or merge patch that removes `kind` or `apiVersion`, as the patch handler's decode of the
/// patched JSON meets it:
/// - a custom resource decodes as unstructured, which needs a kind (`Object 'Kind' is missing in '...'`)
///   and takes a missing apiVersion from the request;
/// - a built-in kind takes a missing kind from the type it decodes into;
/// - a built-in object without apiVersion is decoded straight into the internal type (the serializer
///   defaults the group and version to the `into` object's, `__internal`), whose fields have no JSON
///   names: every top-level key but `kind` is an unknown field (a strict decoding error, or warnings),
///   and the object's empty name then fails the handler's name check (`the name of the object () does
///   not match the name on the URL (web)`).
enum PatchTypeMeta {
    static func check(_ r: inout AdmissionRequest, level: FieldValidation, session s: APISession) throws {
        let kindMissing = (r.object["kind"].string ?? "").isEmpty
        let versionMissing = (r.object["apiVersion"].string ?? "").isEmpty
        guard kindMissing || versionMissing else { return }
        let builtin = Registry.builtin.type(storageKey: r.type.storageKey) != nil
        if !builtin, kindMissing {
            let shown = r.object.compactJSON
            throw PatchDecoding.invalid(shown, "Object 'Kind' is missing in '\(shown)'")
        }
        if builtin, versionMissing {
            // encoding/json reads the keys in the patched document's order: its top level is sorted.
            let unknown = (r.object.object?.keys ?? []).filter { $0 != "kind" && $0 != "apiVersion" }.sorted(by: goStringLess)
                .map { "unknown field \(strconvQuote($0))" }
            switch level {
            case .strict:
                if !unknown.isEmpty {
                    var shown = r.object.compactJSON
                    if case .jsonPatch(let patch, let merge) = r.body {
                        shown = PatchedObjectText.text(old: r.old ?? .null, patched: r.object, patch: patch, merge: merge, builtin: true)
                    }
                    throw PatchDecoding.invalid(shown, "strict decoding error: " + unknown.joined(separator: ", "))
                }
            case .warn:
                for w in unknown { s.warn(w) }
            case .ignore:
                break
            }
            let name = r.old?["metadata"]["name"].string ?? r.name
            throw APIError.badRequest("the name of the object () does not match the name on the URL (\(name))")
        }
        restore(&r)
    }

    /// A strategic merge patch's result is converted into the versioned type, which takes both from the
    /// request; so does a JSON patch without kind. The stored object keeps its type.
    static func restore(_ r: inout AdmissionRequest) {
        let kindMissing = (r.object["kind"].string ?? "").isEmpty
        let versionMissing = (r.object["apiVersion"].string ?? "").isEmpty
        guard kindMissing || versionMissing, r.object.object != nil else { return }
        let apiVersion = r.type.group.isEmpty ? r.type.version : r.type.group + "/" + r.type.version
        var restored = JSONObject()
        restored["apiVersion"] = .string(versionMissing ? (r.old?["apiVersion"].string ?? apiVersion) : r.object["apiVersion"].string ?? apiVersion)
        restored["kind"] = .string(r.type.kind)
        for (k, v) in r.object.object ?? JSONObject() where k != "apiVersion" && k != "kind" { restored[k] = v }
        r.object = .object(restored)
    }
}
