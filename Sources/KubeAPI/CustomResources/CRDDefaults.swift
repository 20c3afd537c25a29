import KubeModel

// Schema defaults: a CRD's defaults must be valid for their schema and carry no unknown fields;
// a custom resource gets the defaults of absent fields (objects, list items, map values) before
// it is validated, as the API server applies them when decoding.

enum CRDDefaults {
    /// `ValidateDefaults`: each default is pruned and validated against its own schema.
    static func validate(_ s: JSONValue, path: String, insideMeta: Bool = false) -> [APIError.Cause] {
        guard case .object = s else { return [] }
        var out: [APIError.Cause] = []
        let value = s["default"]
        if !value.isNull && !insideMeta {
            let pruned = CustomResourceSchema.pruned(value, schema: s)
            if pruned != value, s["x-kubernetes-embedded-resource"].bool != true {
                out.append(.init(field: path + ".default", message: "Invalid value: \(CustomResourceSchema.goQuotedValue(value)): must not have unknown fields"))
            } else {
                var errs: [CustomResourceSchema.FieldError] = []
                CustomResourceSchema.validate(value, s, path: path + ".default", root: false, errors: &errs)
                out += errs.map { .init(field: $0.field, message: $0.message) }
                if errs.isEmpty {
                    // The default must also pass the rules of its own schema node (and those below it).
                    out += CustomResourceRules.validate(value, old: nil, schema: s, path: path + ".default",
                                                        isResourceRoot: s["x-kubernetes-embedded-resource"].bool == true)
                        .filter { !$0.message.contains("rule compile error") }
                }
            }
        }
        if !s["items"].isNull { out += validate(s["items"], path: path + ".items", insideMeta: insideMeta) }
        for k in (s["properties"].object ?? JSONObject()).sortedKeys {
            out += validate(s["properties"][k], path: path + ".properties[\(k)]", insideMeta: insideMeta)
        }
        return out
    }

    /// The object with the schema's defaults applied to absent fields.
    static func apply(_ value: JSONValue, schema s: JSONValue) -> JSONValue {
        switch value {
        case .object(var o):
            if let props = s["properties"].object {
                for k in props.sortedKeys {
                    let p = props[k]!
                    if o[k] == nil, !p["default"].isNull {
                        o[k] = CustomResourceSchema.pruned(p["default"], schema: p)
                    }
                }
                for k in o.keys {
                    if let p = props[k], let v = o[k] { o[k] = apply(v, schema: p) }
                }
            } else if s["additionalProperties"].object != nil {
                for k in o.keys { if let v = o[k] { o[k] = apply(v, schema: s["additionalProperties"]) } }
            }
            return .object(o)
        case .array(let items):
            guard s["items"].object != nil else { return value }
            return .array(items.map { apply($0, schema: s["items"]) })
        default:
            return value
        }
    }
}
