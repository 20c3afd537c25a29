import KubeModel

// Validation of a custom resource on create and update, in the API server's order: the schema
// (types, required, bounds), list types after defaulting, then the x-kubernetes-validations rules.
// The rules do not run when the schema found a blocking error (a wrong type, a missing required
// field, an unsupported enum value, too long, too many): the server says so instead, as CEL cannot
// run on mistyped data. On update the schema and rule checks ratchet (CustomResourceRatcheting), and
// list types are checked only when the old object passed them.

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
        var causes = CustomResourceSchema.validate(obj, schema: schema, old: old).map { APIError.Cause(field: $0.field, message: $0.message) }
        if old.map({ CustomResourceListTypes.validate($0, schema: schema).isEmpty }) ?? true {
            causes += CustomResourceListTypes.validate(obj, schema: schema)
        }
        var warnings: [String] = []
        if CustomResourceValidation.hasRules(schema) {
            if causes.contains(where: { CustomResourceValidation.isBlocking($0.message) }) {
                causes.append(.init(field: "<nil>", message: "Invalid value: \"null\": " + CustomResourceValidation.notChecked))
            } else {
                let (failed, ratcheted) = CustomResourceRules.validateRatcheting(obj, old: old, schema: schema)
                causes += failed
                warnings = ratcheted
            }
        }
        // (The warnings travel with the response, a refusal's too.)
        for w in warnings { warn(w) }
        if !causes.isEmpty {
            throw APIError.invalid(kind: kind, name: obj["metadata"]["name"].string ?? "", causes: causes)
        }
    }
}

extension CustomResourceValidation {
    static let notChecked = "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"

    /// `hasBlockingErr`: a type, required, enum, maxLength or maxItems error.
    static func isBlocking(_ message: String) -> Bool {
        message.hasPrefix("Required value") || message.hasPrefix("Unsupported value:") || message.hasPrefix("Too long:")
            || message.hasPrefix("Too many:") || message.contains(" in body must be of type ")
    }

    /// Whether any node of the schema has x-kubernetes-validations (else the server has no rule validator).
    static func hasRules(_ s: JSONValue) -> Bool {
        guard case .object(let o) = s else { return false }
        if !(o["x-kubernetes-validations"]?.array ?? []).isEmpty { return true }
        if (o["properties"]?.object ?? JSONObject()).contains(where: { hasRules($0.1) }) { return true }
        return hasRules(o["items"] ?? .null) || hasRules(o["additionalProperties"] ?? .null)
    }
}
