import KubeModel
import KubeRegistry

/// `PUT /api/v1/namespaces/NAME/finalize` (what `kubectl replace --raw .../finalize -f ns.json` sends), as
/// v1.32's namespace registry answers it: the body is a Namespace named as the URL; its `spec.finalizers`
/// (names checked as `ValidateNamespaceFinalizeUpdate` does) and labels, annotations and metadata
/// finalizers replace the stored ones, the status stays the server's; a stale `resourceVersion` is a
/// conflict. A Terminating namespace left with no finalizers at all is deleted by the update
/// (`ShouldDeleteNamespaceDuringUpdate`) whatever it still holds, and the answer is the namespace as it was
/// stored before; otherwise the answer is the updated namespace.
extension APISession {
    public func finalizeNamespace(_ name: String, body: JSONValue) throws -> JSONValue {
        guard let nsType = registry.type(group: "", kind: "Namespace") else { throw APIError.notFound("namespaces", name) }
        try authorize("update", nsType, namespace: nil, name: name, subresource: "finalize")
        guard body.object != nil, (body["kind"].string ?? "Namespace") == "Namespace",
              (body["apiVersion"].string ?? "v1") == "v1" else {
            throw APIError.badRequest("the object provided is unrecognized (must be of type Namespace)")
        }
        let bodyName = body["metadata"]["name"].string ?? ""
        if bodyName != name {
            throw APIError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        guard let (row, stored) = try storedRow(nsType, namespace: "", name: name) else { throw APIError.notFound("namespaces", name) }
        if let rv = body["metadata"]["resourceVersion"].string, !rv.isEmpty, rv != String(row.resourceVersion) {
            throw APIError.conflict("namespaces", name, "the object has been modified; please apply your changes to the latest version and try again")
        }
        var causes: [APIError.Cause] = []
        for (i, f) in (body["spec"]["finalizers"].array ?? []).enumerated() {
            let value = f.string ?? "", path = "spec.finalizers[\(i)]"
            var msgs = isQualifiedName(value)
            if !value.contains("/"), !["kubernetes", "orphan", "foregroundDeletion"].contains(value) {
                msgs.append("name is neither a standard finalizer name nor is it fully qualified")
            }
            causes += msgs.map { APIError.Cause(field: path, message: FieldError.invalid(path, value, $0).body) }
        }
        if !causes.isEmpty { throw APIError.invalid(kind: "Namespace", name: name, causes: causes) }
        var updated = stored
        for key in ["labels", "annotations", "finalizers"] {
            if body["metadata"][key].isNull { updated.remove(["metadata", key]) } else { updated["metadata"][key] = body["metadata"][key] }
        }
        if (body["spec"]["finalizers"].array ?? []).isEmpty {
            updated.remove(["spec", "finalizers"])
        } else {
            updated["spec"]["finalizers"] = body["spec"]["finalizers"]
        }
        if updated["spec"].object?.isEmpty ?? true { updated["spec"] = .emptyObject }
        if !updated["metadata"]["deletionTimestamp"].isNull, updated["spec"]["finalizers"].isNull,
           (updated["metadata"]["finalizers"].array ?? []).isEmpty {
            try tx.delete(resource: nsType.storageKey, namespace: "", name: name)
            try afterDelete(type: nsType, object: stored)
            return stored
        }
        if updated == stored { return stored }
        return try writeDirectly(Normalize.metadataOrder(updated), type: nsType, old: stored, expected: row.resourceVersion)
    }
}
