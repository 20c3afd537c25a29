import KubeModel
import KubeRegistry

/// A JSON or merge patch that removes `kind` or `apiVersion`, as the patch handler's decode of the
/// patched JSON meets it:
/// - a custom resource decodes as unstructured, which needs a kind (`Object 'Kind' is missing in '...'`)
///   and takes a missing apiVersion from the request;
/// - a built-in kind takes a missing kind from the type it decodes into. (Without apiVersion v1.32 decodes
///   into the internal type, with outcomes we have not been able to check against a server: here both are
///   taken from the request, so the stored object always keeps its type.)
enum PatchTypeMeta {
    static func check(_ r: inout AdmissionRequest) throws {
        let kindMissing = (r.object["kind"].string ?? "").isEmpty
        let versionMissing = (r.object["apiVersion"].string ?? "").isEmpty
        guard kindMissing || versionMissing else { return }
        let shown = r.object.compactJSON
        let builtin = Registry.builtin.type(storageKey: r.type.storageKey) != nil
        if !builtin, kindMissing {
            throw PatchDecoding.invalid(shown, "Object 'Kind' is missing in '\(shown)'")
        }
        let apiVersion = r.type.group.isEmpty ? r.type.version : r.type.group + "/" + r.type.version
        var restored = JSONObject()
        restored["apiVersion"] = .string(versionMissing ? (r.old?["apiVersion"].string ?? apiVersion) : r.object["apiVersion"].string ?? apiVersion)
        restored["kind"] = .string(kindMissing ? r.type.kind : r.object["kind"].string ?? r.type.kind)
        for (k, v) in r.object.object ?? JSONObject() where k != "apiVersion" && k != "kind" { restored[k] = v }
        r.object = .object(restored)
    }
}
