import KubeModel

/// The namespace strategy's part of a client write (registry/core/namespace, v1.32): on create the status
/// is `{phase: Active}` whatever the client sent and `kubernetes` is added to `spec.finalizers` when it is
/// not there (after the client's own); on update `spec.finalizers` and the status stay as stored (only
/// the namespace controller and the finalize subresource change them).
struct NamespaceStrategy: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        guard r.groupKind == ("", "Namespace"), r.fromClient else { return }
        if let old = r.old {
            guard s.fieldManager.subresource != "status" else { return }
            if old["spec"]["finalizers"].isNull { r.object.remove(["spec", "finalizers"]) } else { r.object["spec"]["finalizers"] = old["spec"]["finalizers"] }
            if r.object["spec"].object?.isEmpty == true, old["spec"].isNull { r.object.remove(["spec"]) }
            if old["status"].isNull { r.object.remove(["status"]) } else { r.object["status"] = old["status"] }
            return
        }
        r.object["status"] = ["phase": "Active"]
        var finalizers = r.object["spec"]["finalizers"].array ?? []
        if !finalizers.contains(.string(Self.kubernetes)) { finalizers.append(.string(Self.kubernetes)) }
        r.object["spec"]["finalizers"] = .array(finalizers)
    }

    static let kubernetes = "kubernetes"

    /// `ValidateNamespace`'s spec part: every `spec.finalizers` name qualified, and one without '/' a
    /// standard one (reported at `spec.finalizers`, without an index).
    static func validate(_ ns: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        for name in (ns["spec"]["finalizers"].array ?? []).compactMap(\.string) {
            for msg in isQualifiedName(name) { errs.append(.invalid("spec.finalizers", name, msg)) }
            if !name.contains("/"), !["kubernetes", "orphan", "foregroundDeletion"].contains(name) {
                errs.append(.invalid("spec.finalizers", name, "name is neither a standard finalizer name nor is it fully qualified"))
            }
        }
        return errs
    }
}
