import KubeModel

// Validation of a custom resource on create and update, in the API server's order: the schema
// (types, required, bounds), list types after defaulting, then the x-kubernetes-validations rules
// (skipped when the object already has schema errors, as CEL cannot run on mistyped data).

/// The admission chain's validation step for custom resources (after pruning and defaulting).
struct CustomResourceValidation: AdmissionStep {
    /// Whether this step validates the request's object (a custom resource with a schema).
    static func judges(_ r: AdmissionRequest, _ s: APISession) -> Bool {
        !s.isCRD(r.type) && s.isCustomResource(r.type) && r.type.openAPIV3Schema != nil
    }

    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        guard Self.judges(r, s), let schema = r.type.openAPIV3Schema else { return }
        do {
            try s.validateCustomResource(r.object, old: r.old, schema: schema, kind: r.type.kind)
        } catch let error as APIError where !r.metaCauses.isEmpty {
            throw r.invalid(r.metaCauses + error.causes)
        }
        if !r.metaCauses.isEmpty { throw r.invalid(r.metaCauses) }
    }
}

extension APISession {
    func validateCustomResource(_ obj: JSONValue, old: JSONValue?, schema: JSONValue, kind: String) throws {
        var causes = CustomResourceSchema.validate(obj, schema: schema).map { APIError.Cause(field: $0.field, message: $0.message) }
        causes += CustomResourceListTypes.validate(obj, schema: schema)
        if causes.isEmpty {
            causes += CustomResourceRules.validate(obj, old: old, schema: schema)
        }
        if !causes.isEmpty {
            throw APIError.invalid(kind: kind, name: obj["metadata"]["name"].string ?? "", causes: causes)
        }
    }
}
