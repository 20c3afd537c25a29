import KubeModel

// The OpenAPI-level checks of a CRD schema node (`ValidateCustomResourceDefinitionOpenAPISchema`):
// type names, forbidden keywords, list and map types, list-map keys, and the shape of each
// x-kubernetes-validations entry. Rules themselves are compiled by the RuleContext.

extension CRDSchemaValidation {
    static func openAPI(_ s: JSONValue, path: String, isRoot: Bool, uncorrelatable: String?, cardinality: UInt64?,
                        rules: inout RuleContext, into out: inout [Cause]) {
        guard case .object = s else { return }
        let before = out.count
        let type = s["type"].string ?? ""
        if !type.isEmpty && !openAPITypes.contains(type) {
            out.append(Cause(field: path + ".type", message: "Unsupported value: \(strconvQuote(type)): supported values: " + openAPITypes.map(strconvQuote).joined(separator: ", ")))
        }
        for (key, what) in [("id", "id"), ("additionalItems", "additionalItems"), ("patternProperties", "patternProperties"),
                            ("definitions", "definitions"), ("dependencies", "dependencies"), ("$ref", "$ref")] where !s[key].isNull {
            out.append(Cause(field: path + "." + key, message: "Forbidden: \(what) is not supported"))
        }
        if type == "null" {
            out.append(Cause(field: path + ".type", message: "Forbidden: type cannot be set to null, use nullable as an alternative"))
        }
        if s["items"].array != nil {
            out.append(Cause(field: path + ".items", message: "Forbidden: items must be a schema object and not an array"))
        }
        if s["uniqueItems"].bool == true {
            out.append(Cause(field: path + ".uniqueItems", message: "Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic"))
        }
        let props = s["properties"].object ?? JSONObject()
        let additional = s["additionalProperties"]
        if !additional.isNull {
            if !props.isEmpty && (additional.bool == false || additional.object != nil) {
                out.append(Cause(field: path + ".additionalProperties", message: "Forbidden: additionalProperties and properties are mutual exclusive"))
            }
            if additional.object != nil {
                let card = cardinality.flatMap { c in additional.isNull ? c : s["maxProperties"].int.map { Checkers.mul(c, UInt64(max($0, 0))) } }
                openAPI(additional, path: path + ".additionalProperties", isRoot: false, uncorrelatable: uncorrelatable,
                        cardinality: card, rules: &rules, into: &out)
            }
        }
        let mapType = s["x-kubernetes-map-type"].string
        for k in props.sortedKeys where isRoot && ["apiVersion", "kind", "metadata"].contains(k) {
            forbidDefaults(props[k]!, path: path + ".properties[\(k)]", reason: "in top-level \(k)", into: &out)
        }
        for k in props.sortedKeys {
            let child = mapType == nil || mapType == "granular" || mapType == "atomic" ? uncorrelatable : (uncorrelatable ?? path)
            openAPI(props[k]!, path: path + ".properties[\(k)]", isRoot: false, uncorrelatable: child, cardinality: cardinality,
                    rules: &rules, into: &out)
        }
        for junctor in ["allOf", "oneOf", "anyOf"] {
            for (i, nested) in (s[junctor].array ?? []).enumerated() {
                var none = RuleContext(root: nested, enabled: false)
                openAPI(nested, path: path + ".\(junctor)[\(i)]", isRoot: false, uncorrelatable: uncorrelatable, cardinality: nil, rules: &none, into: &out)
            }
        }
        let listType = s["x-kubernetes-list-type"].string
        if s["items"].object != nil {
            let child = listType == "map" ? uncorrelatable : (uncorrelatable ?? path)
            let card = cardinality.flatMap { c in s["maxItems"].int.map { Checkers.mul(c, UInt64(max($0, 0))) } }
            openAPI(s["items"], path: path + ".items", isRoot: false, uncorrelatable: child, cardinality: card, rules: &rules, into: &out)
        }
        if s["x-kubernetes-preserve-unknown-fields"].bool == false {
            out.append(Cause(field: path + ".x-kubernetes-preserve-unknown-fields", message: "Invalid value: false: must be true or undefined"))
        }
        listAndMapTypes(s, path: path, into: &out)
        ruleShapes(s, path: path, into: &out)
        if out.count == before {
            rules.compile(s, path: path, isResourceRoot: isRoot || s["x-kubernetes-embedded-resource"].bool == true,
                          uncorrelatable: uncorrelatable, cardinality: cardinality)
        }
    }

    /// `default` is refused anywhere under the top-level apiVersion, kind and metadata.
    static func forbidDefaults(_ s: JSONValue, path: String, reason: String, into out: inout [Cause]) {
        if !s["default"].isNull { out.append(Cause(field: path + ".default", message: "Forbidden: must not be set " + reason)) }
        for k in (s["properties"].object ?? JSONObject()).sortedKeys {
            forbidDefaults(s["properties"][k], path: path + ".properties[\(k)]", reason: reason, into: &out)
        }
        if s["items"].object != nil { forbidDefaults(s["items"], path: path + ".items", reason: reason, into: &out) }
    }

    static func listAndMapTypes(_ s: JSONValue, path: String, into out: inout [Cause]) {
        let type = s["type"].string ?? ""
        if let mapType = s["x-kubernetes-map-type"].string {
            if type != "object" {
                out.append(type.isEmpty ? Cause(field: path + ".type", message: "Required value: must be object if x-kubernetes-map-type is specified")
                    : Cause(field: path + ".type", message: "Invalid value: \(strconvQuote(type)): must be object if x-kubernetes-map-type is specified"))
            }
            if mapType != "atomic" && mapType != "granular" {
                out.append(Cause(field: path + ".x-kubernetes-map-type", message: "Unsupported value: \(strconvQuote(mapType)): supported values: \"atomic\", \"granular\""))
            }
        }
        let listType = s["x-kubernetes-list-type"].string
        let items = s["items"]
        if listType != nil, type != "array" {
            out.append(type.isEmpty ? Cause(field: path + ".type", message: "Required value: must be array if x-kubernetes-list-type is specified")
                : Cause(field: path + ".type", message: "Invalid value: \(strconvQuote(type)): must be array if x-kubernetes-list-type is specified"))
        } else if listType == "set", items.object != nil {
            let itemType = items["type"].string ?? ""
            if itemType == "array", let lt = items["x-kubernetes-list-type"].string, lt != "atomic" {
                out.append(Cause(field: path + ".items.x-kubernetes-list-type", message: "Invalid value: \(strconvQuote(lt)): must be atomic as item of a list with x-kubernetes-list-type=set"))
            } else if itemType == "object", items["x-kubernetes-map-type"].string != "atomic" {
                let shown = "\"set\""
                out.append(Cause(field: path + ".items.x-kubernetes-map-type", message: "Invalid value: \(shown): must be atomic as item of a list with x-kubernetes-list-type=set"))
            }
        }
        if let listType, !["atomic", "set", "map"].contains(listType) {
            out.append(Cause(field: path + ".x-kubernetes-list-type", message: "Unsupported value: \(strconvQuote(listType)): supported values: \"atomic\", \"set\", \"map\""))
        }
        let keys = (s["x-kubernetes-list-map-keys"].array ?? []).compactMap(\.string)
        let keysText = "[]string{" + keys.map(strconvQuote).joined(separator: ", ") + "}"
        if !keys.isEmpty {
            if listType == nil {
                out.append(Cause(field: path + ".x-kubernetes-list-type", message: "Required value: must be map if x-kubernetes-list-map-keys is non-empty"))
            } else if listType != "map" {
                out.append(Cause(field: path + ".x-kubernetes-list-type", message: "Invalid value: \(strconvQuote(listType!)): must be map if x-kubernetes-list-map-keys is non-empty"))
            }
        }
        guard listType == "map" else {
            if listType == "set", items["nullable"].bool == true {
                out.append(Cause(field: path + ".items.nullable", message: "Forbidden: cannot be nullable when x-kubernetes-list-type is set"))
            }
            return
        }
        listMapKeys(s, keys: keys, keysText: keysText, path: path, into: &out)
    }

    /// The checks of a `map` list's items and keys.
    static func listMapKeys(_ s: JSONValue, keys: [String], keysText: String, path: String, into out: inout [Cause]) {
        let items = s["items"]
        if keys.isEmpty {
            out.append(Cause(field: path + ".x-kubernetes-list-map-keys", message: "Required value: must not be empty if x-kubernetes-list-type is map"))
        }
        if items.isNull {
            out.append(Cause(field: path + ".items", message: "Required value: must have a schema if x-kubernetes-list-type is map"))
            return
        }
        let itemType = items["type"].string ?? ""
        if itemType != "object" {
            out.append(Cause(field: path + ".items.type", message: "Invalid value: \(strconvQuote(itemType)): must be object if parent array's x-kubernetes-list-type is map"))
            return
        }
        var seen: Set<String> = []
        for k in keys {
            if let p = items["properties"][k].object {
                let t = p["type"]?.string ?? ""
                if t == "array" || t == "object" {
                    out.append(Cause(field: path + ".items.properties[\(k)].type", message: "Invalid value: \"object\": must be a scalar type if parent array's x-kubernetes-list-type is map"))
                }
            } else {
                out.append(Cause(field: path + ".x-kubernetes-list-map-keys", message: "Invalid value: \(keysText): entries must all be names of item properties"))
            }
            if !seen.insert(k).inserted {
                out.append(Cause(field: path + ".x-kubernetes-list-map-keys", message: "Invalid value: \(keysText): must not contain duplicate entries"))
            }
        }
        if items["nullable"].bool == true {
            out.append(Cause(field: path + ".items.nullable", message: "Forbidden: cannot be nullable when x-kubernetes-list-type is map"))
        }
        let required = Set((items["required"].array ?? []).compactMap(\.string))
        for k in keys {
            guard let p = items["properties"][k].object else { continue }
            if !required.contains(k) && p["default"] == nil {
                out.append(Cause(field: path + ".items.properties[\(k)].default", message: "Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"))
            }
            if p["nullable"]?.bool == true {
                out.append(Cause(field: path + ".items.properties[\(k)].nullable", message: "Forbidden: this property is in x-kubernetes-list-map-keys, so it cannot be nullable"))
            }
        }
    }

    /// The shape of each x-kubernetes-validations entry (before any rule is compiled).
    static func ruleShapes(_ s: JSONValue, path: String, into out: inout [Cause]) {
        for (i, rule) in (s["x-kubernetes-validations"].array ?? []).enumerated() {
            let p = path + ".x-kubernetes-validations[\(i)]"
            let text = rule["rule"].string ?? "", message = rule["message"].string ?? ""
            let trimmedRule = trim(text), trimmedMessage = trim(message)
            if trimmedRule.isEmpty {
                out.append(Cause(field: p + ".rule", message: "Required value: rule is not specified"))
            } else if !message.isEmpty && trimmedMessage.isEmpty {
                out.append(Cause(field: p + ".message", message: "Invalid value: \(strconvQuote(message)): message must be non-empty if specified"))
            } else if trimmedMessage.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                out.append(Cause(field: p + ".message", message: "Invalid value: \(strconvQuote(message)): message must not contain line breaks"))
            } else if trimmedRule.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) && trimmedMessage.isEmpty {
                out.append(Cause(field: p + ".message", message: "Required value: message must be specified if rule contains line breaks"))
            }
            if let me = rule["messageExpression"].string, !me.isEmpty, trim(me).isEmpty {
                out.append(Cause(field: p + ".messageExpression", message: "Required value: messageExpression must be non-empty if specified"))
            }
            let reasons = ["FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"]
            if let reason = rule["reason"].string, !reasons.contains(reason) {
                out.append(Cause(field: p + ".reason", message: "Unsupported value: \(strconvQuote(reason)): supported values: " + reasons.map(strconvQuote).joined(separator: ", ")))
            }
            if let fp = rule["fieldPath"].string, !fp.isEmpty {
                if trim(fp).isEmpty {
                    out.append(Cause(field: p + ".fieldPath", message: "Invalid value: \(strconvQuote(fp)): fieldPath must be non-empty if specified"))
                }
                if fp.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                    out.append(Cause(field: p + ".fieldPath", message: "Invalid value: \(strconvQuote(fp)): fieldPath must not contain line breaks"))
                }
                if RuleFieldPath.resolve(fp, schema: s) == nil {
                    out.append(Cause(field: p + ".fieldPath", message: "Invalid value: \(strconvQuote(fp)): fieldPath must be a valid path"))
                }
            }
        }
    }

    static func trim(_ s: String) -> String {
        var u = Substring(s)
        while let f = u.first, f.isWhitespace { u = u.dropFirst() }
        while let l = u.last, l.isWhitespace { u = u.dropLast() }
        return String(u)
    }
}

enum Checkers {
    static func mul(_ a: UInt64, _ b: UInt64) -> UInt64 { let (r, o) = a.multipliedReportingOverflow(by: b); return o ? .max : r }
}
