import KubeModel

// The apiextensions API server's checks of a CRD's schemas: every version needs one; a schema must
// be structural (a type on every node unless int-or-string or preserve-unknown-fields, items on
// arrays, an object at the root, metadata restricted to name/generateName); types must be OpenAPI
// types; defaults must validate and be pruned; list and map types must be consistent; and
// x-kubernetes-validations rules must compile (see CRDRuleCompilation.swift).

enum CRDSchemaValidation {
    typealias Cause = APIError.Cause

    static let openAPITypes = ["array", "boolean", "integer", "number", "object", "string"]

    /// The field errors of every version's schema, with the paths the API server reports (a schema
    /// shared by all versions is reported under `spec.validation.openAPIV3Schema`). On update (`old`), a
    /// version whose schema did not change is not held to the per-expression cost limit (a rule the API
    /// server accepted once stays accepted whatever its cost estimate now is); the total still is.
    static func validate(spec: JSONValue, old: JSONValue? = nil) -> [Cause] {
        let versions = spec["versions"].array ?? []
        var causes: [Cause] = []
        for (i, v) in versions.enumerated() where v["schema"]["openAPIV3Schema"].isNull {
            causes.append(Cause(field: "spec.versions[\(i)].schema.openAPIV3Schema", message: "Required value: schemas are required"))
        }
        if !causes.isEmpty { return causes }
        let schemas = versions.map { $0["schema"]["openAPIV3Schema"] }
        let unchanged = old.map { unchangedVersions(spec: spec, old: $0) } ?? []
        let preexisting = old.map { PreexistingExpressions(spec: $0) } ?? PreexistingExpressions()
        if let first = schemas.first, schemas.allSatisfy({ $0 == first }) {
            // The shared schema is validated with the (internal) top-level version: the first one.
            let name = versions.first?["name"].string ?? ""
            return validate(schema: first, path: "spec.validation.openAPIV3Schema", suppressPerExpressionCost: unchanged.contains(name),
                            preexisting: preexisting)
        }
        for (i, s) in schemas.enumerated() {
            causes += validate(schema: s, path: "spec.versions[\(i)].schema.openAPIV3Schema",
                               suppressPerExpressionCost: unchanged.contains(versions[i]["name"].string ?? ""), preexisting: preexisting)
        }
        return causes
    }

    /// `findVersionsWithUnchangedSchemas`: the versions of the new spec whose schema the old spec has, equal.
    static func unchangedVersions(spec: JSONValue, old: JSONValue) -> Set<String> {
        var out: Set<String> = []
        let oldVersions = old["versions"].array ?? []
        for v in spec["versions"].array ?? [] {
            guard let name = v["name"].string, let was = oldVersions.first(where: { $0["name"].string == name }) else { continue }
            let a = v["schema"]["openAPIV3Schema"], b = was["schema"]["openAPIV3Schema"]
            if !a.isNull, !b.isNull, StorageRules.semanticallyEqual(a, b) { out.insert(name) }
        }
        return out
    }

    /// `ValidateCustomResourceDefinitionSpecUpdate`: scope and kind are fixed once the CRD is established,
    /// group and plural always.
    static func immutableFields(spec: JSONValue, old: JSONValue) -> [Cause] {
        let established = (old["status"]["conditions"].array ?? []).contains {
            $0["type"].string == "Established" && $0["status"].string == "True"
        }
        var fields: [(String, JSONValue, JSONValue)] = []
        if established {
            fields += [("spec.scope", spec["scope"], old["spec"]["scope"]), ("spec.names.kind", spec["names"]["kind"], old["spec"]["names"]["kind"])]
        }
        fields += [("spec.group", spec["group"], old["spec"]["group"]), ("spec.names.plural", spec["names"]["plural"], old["spec"]["names"]["plural"])]
        return fields.filter { $0.1 != $0.2 }.map {
            Cause(field: $0.0, message: "Invalid value: \(strconvQuote($0.1.string ?? "")): field is immutable")
        }
    }

    static func validate(schema: JSONValue, path: String, suppressPerExpressionCost: Bool = false,
                         preexisting: PreexistingExpressions = .init()) -> [Cause] {
        var causes: [Cause] = []
        if schema["nullable"].bool == true {
            causes.append(Cause(field: path + ".nullable", message: "Forbidden: nullable cannot be true at the root"))
        }
        var structural: [Cause] = []
        structuralInvariants(schema, level: .root, path: path, into: &structural)
        structural.sort { ($0.field + ": " + $0.message) < ($1.field + ": " + $1.message) }
        causes += structural
        let structuralOK = structural.isEmpty
        if structuralOK { causes += CRDDefaults.validate(schema, path: path) }
        var rules = RuleContext(root: schema, enabled: structuralOK && causes.isEmpty, suppressPerExpressionCost: suppressPerExpressionCost,
                                preexisting: preexisting)
        var schemaErrors: [Cause] = []
        openAPI(schema, path: path, isRoot: true, uncorrelatable: nil, cardinality: 1, rules: &rules, into: &schemaErrors)
        causes += schemaErrors + rules.errors
        causes += rules.totalCostErrors(path: path)
        return causes
    }

    // MARK: structural schema

    enum Level { case root, item, field }

    static func structuralInvariants(_ s: JSONValue, level: Level, path: String, into out: inout [Cause]) {
        guard case .object = s else { return }
        let type = s["type"].string ?? ""
        if type == "array" && s["items"].isNull {
            out.append(Cause(field: path + ".items", message: "Required value: must be specified"))
        }
        if !s["items"].isNull { structuralInvariants(s["items"], level: .item, path: path + ".items", into: &out) }
        for (k, v) in s["properties"].object ?? JSONObject() {
            structuralInvariants(v, level: .field, path: path + ".properties[\(k)]", into: &out)
        }
        if !s["additionalProperties"].isNull {
            if level == .root {
                out.append(Cause(field: path + ".additionalProperties", message: "Forbidden: must not be used at the root"))
            }
            if s["additionalProperties"].object != nil {
                structuralInvariants(s["additionalProperties"], level: .field, path: path + ".additionalProperties", into: &out)
            }
        }
        let intOrString = s["x-kubernetes-int-or-string"].bool == true
        let preserve = s["x-kubernetes-preserve-unknown-fields"].bool == true
        let embedded = s["x-kubernetes-embedded-resource"].bool == true
        if intOrString && preserve {
            out.append(Cause(field: path + ".x-kubernetes-preserve-unknown-fields", message: "Invalid value: true: must be false if x-kubernetes-int-or-string is true"))
        }
        if intOrString && embedded {
            out.append(Cause(field: path + ".x-kubernetes-embedded-resource", message: "Invalid value: true: must be false if x-kubernetes-int-or-string is true"))
        }
        for junctor in ["anyOf", "allOf", "oneOf"] {
            for (i, nested) in (s[junctor].array ?? []).enumerated() where !(intOrString && junctor != "oneOf") {
                nestedValueValidation(nested, path: path + ".\(junctor)[\(i)]", into: &out)
            }
        }
        if !s["not"].isNull { nestedValueValidation(s["not"], path: path + ".not", into: &out) }
        if embedded && type != "object" {
            out.append(type.isEmpty ? Cause(field: path + ".type", message: "Required value: must be object if x-kubernetes-embedded-resource is true")
                : Cause(field: path + ".type", message: "Invalid value: \(strconvQuote(type)): must be object if x-kubernetes-embedded-resource is true"))
        } else if type.isEmpty && !intOrString && !preserve {
            let where_ = level == .root ? "at the root" : (level == .item ? "for specified array items" : "for specified object fields")
            out.append(Cause(field: path + ".type", message: "Required value: must not be empty \(where_)"))
        }
        if level == .root && !type.isEmpty && type != "object" {
            out.append(Cause(field: path + ".type", message: "Invalid value: \(strconvQuote(type)): must be object at the root"))
        }
        if level == .root || embedded {
            for key in ["kind", "apiVersion"] {
                if let p = s["properties"][key].object, (p["type"]?.string ?? "") != "string" {
                    out.append(Cause(field: path + ".properties[\(key)].type", message: "Invalid value: \(strconvQuote(p["type"]?.string ?? "")): must be string"))
                }
            }
            if case .object(var meta) = s["properties"]["metadata"] {
                _ = meta.removeValue(forKey: "type")
                if let props = meta["properties"]?.object, props.keys.allSatisfy({ $0 == "name" || $0 == "generateName" }) {
                    _ = meta.removeValue(forKey: "properties")
                }
                if !meta.isEmpty {
                    out.append(Cause(field: path + ".properties[metadata]", message: "Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified"))
                }
            }
        }
        if embedded && !preserve && s["properties"].isNull {
            out.append(Cause(field: path + ".properties", message: "Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"))
        }
    }

    /// Inside anyOf/allOf/oneOf/not only value validations are allowed.
    static func nestedValueValidation(_ s: JSONValue, path: String, into out: inout [Cause]) {
        let forbidden: [(String, String)] = [("type", "must be empty to be structural"), ("additionalProperties", "must be undefined to be structural"),
                                             ("default", "must be undefined to be structural"), ("title", "must be empty to be structural"),
                                             ("description", "must be empty to be structural"), ("nullable", "must be false to be structural"),
                                             ("x-kubernetes-preserve-unknown-fields", "must be false to be structural"),
                                             ("x-kubernetes-embedded-resource", "must be false to be structural"),
                                             ("x-kubernetes-int-or-string", "must be false to be structural")]
        for (key, message) in forbidden where !s[key].isNull && s[key] != .bool(false) && s[key] != .string("") {
            out.append(Cause(field: path + "." + key, message: "Forbidden: " + message))
        }
        if !s["properties"]["metadata"].isNull {
            out.append(Cause(field: path + ".properties[metadata]", message: "Forbidden: must not be specified in a nested context"))
        }
        if !s["items"].isNull { nestedValueValidation(s["items"], path: path + ".items", into: &out) }
        for (k, v) in s["properties"].object ?? JSONObject() where k != "metadata" {
            nestedValueValidation(v, path: path + ".properties[\(k)]", into: &out)
        }
    }
}
