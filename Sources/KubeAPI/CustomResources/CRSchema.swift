import KubeModel

/// The API server's treatment of a custom resource against its structural `openAPIV3Schema`:
/// unknown fields are pruned (and reported by strict field validation) unless
/// `x-kubernetes-preserve-unknown-fields` is set; values are validated (type, required, enum,
/// bounds, lengths, item counts) with the apiextensions validator's messages.
public enum CustomResourceSchema {
    // MARK: pruning

    /// The object with unknown fields removed. At the root (and in embedded resources) `apiVersion`,
    /// `kind` and `metadata` are kept.
    public static func pruned(_ object: JSONValue, schema: JSONValue) -> JSONValue {
        var paths: [String] = []
        return prune(object, schema, root: true, path: "", paths: &paths)
    }

    /// The paths of the fields pruning would remove, sorted (`spec.foo`, `spec.items[0].bar`): the
    /// server's strict-decoding `unknown field "<path>"` errors for custom resources.
    public static func unknownFields(_ object: JSONValue, schema: JSONValue) -> [String] {
        var paths: [String] = []
        _ = prune(object, schema, root: true, path: "", paths: &paths)
        return paths.sorted(by: goStringLess)
    }

    static func prune(_ value: JSONValue, _ schema: JSONValue, root: Bool, path: String, paths: inout [String]) -> JSONValue {
        if schema["x-kubernetes-preserve-unknown-fields"].bool == true && schema["properties"].isNull
            && schema["additionalProperties"].isNull && schema["items"].isNull
        {
            return value
        }
        switch value {
        case .object(let o):
            let embedded = root || schema["x-kubernetes-embedded-resource"].bool == true
            let preserve = schema["x-kubernetes-preserve-unknown-fields"].bool == true
            let props = schema["properties"].object
            let additional = schema["additionalProperties"]
            var out = JSONObject()
            for (k, v) in o {
                let childPath = path.isEmpty ? k : path + "." + k
                if embedded && (k == "apiVersion" || k == "kind" || k == "metadata") {
                    if let p = props?[k], k != "metadata" {
                        out.appendUnchecked(k, prune(v, p, root: false, path: childPath, paths: &paths))
                    } else {
                        out.appendUnchecked(k, v)
                    }
                    continue
                }
                if let p = props?[k] {
                    out.appendUnchecked(k, prune(v, p, root: false, path: childPath, paths: &paths))
                } else if case .object = additional {
                    out.appendUnchecked(k, prune(v, additional, root: false, path: childPath, paths: &paths))
                } else if additional.bool == true || preserve {
                    out.appendUnchecked(k, v)
                } else {
                    paths.append(childPath)
                }
            }
            return .object(out)
        case .array(let items):
            let itemSchema = schema["items"]
            guard !itemSchema.isNull else { return value }
            return .array(items.enumerated().map { i, v in
                prune(v, itemSchema, root: false, path: path + "[\(i)]", paths: &paths)
            })
        default:
            return value
        }
    }

    // MARK: validation

    /// One field error: `spec.replicas` and `Invalid value: "string": spec.replicas in body must be of type integer: "string"`.
    public struct FieldError: Sendable, Equatable {
        public var field: String
        public var message: String
    }

    /// Validation errors of the object's content (metadata excluded) against the schema; on update
    /// (`old`), errors inside a part equal to its old value are ratcheted away (CustomResourceRatcheting).
    public static func validate(_ object: JSONValue, schema: JSONValue, old: JSONValue? = nil) -> [FieldError] {
        var errors: [FieldError] = []
        validate(object, schema, path: "", root: true, old: old, errors: &errors)
        return errors
    }

    /// `old`: the correlated old value, nil when there is none.
    static func validate(_ value: JSONValue, _ schema: JSONValue, path: String, root: Bool, old: JSONValue? = nil,
                         errors: inout [FieldError]) {
        guard let old else { return check(value, schema, path: path, root: root, old: nil, errors: &errors) }
        var mine: [FieldError] = []
        check(value, schema, path: path, root: root, old: old, errors: &mine)
        if mine.isEmpty || CustomResourceRatcheting.equal(value, old, schema: schema) { return }
        errors += mine
    }

    static func check(_ value: JSONValue, _ schema: JSONValue, path: String, root: Bool, old: JSONValue?, errors: inout [FieldError]) {
        if value.isNull {
            if schema["nullable"].bool == true || root { return }
            if !schema["type"].isNull {
                errors.append(FieldError(field: path, message: "Invalid value: \"null\": \(path) in body must be of type \(schema["type"].string ?? ""): \"null\""))
            }
            return
        }
        if schema["x-kubernetes-int-or-string"].bool == true {
            switch value {
            case .int, .string: break
            case .double(let d) where d == d.rounded(): break
            default:
                errors.append(FieldError(field: path, message: "Invalid value: \"\(typeName(value))\": \(path) in body must be of type integer,string: \"\(typeName(value))\""))
            }
            return
        }
        if let type = schema["type"].string, !matches(value, type) {
            errors.append(FieldError(field: path, message: "Invalid value: \"\(typeName(value))\": \(path) in body must be of type \(type): \"\(typeName(value))\""))
            return
        }
        if let allowed = schema["enum"].array, !allowed.isEmpty, !allowed.contains(where: { equal($0, value) }) {
            let list = allowed.map(goQuotedValue).joined(separator: ", ")
            errors.append(FieldError(field: path, message: "Unsupported value: \(goQuotedValue(value)): supported values: \(list)"))
        }
        switch value {
        case .int, .double:
            let d = value.double ?? 0
            if let min = schema["minimum"].double {
                let exclusive = schema["exclusiveMinimum"].bool == true
                if exclusive ? d <= min : d < min {
                    errors.append(FieldError(field: path, message: "Invalid value: \(numberText(value)): \(path) in body should be greater than \(exclusive ? "" : "or equal to ")\(numberText(schema["minimum"]))"))
                }
            }
            if let max = schema["maximum"].double {
                let exclusive = schema["exclusiveMaximum"].bool == true
                if exclusive ? d >= max : d > max {
                    errors.append(FieldError(field: path, message: "Invalid value: \(numberText(value)): \(path) in body should be less than \(exclusive ? "" : "or equal to ")\(numberText(schema["maximum"]))"))
                }
            }
        case .string(let s):
            let n = s.unicodeScalars.count
            if let min = schema["minLength"].int, n < min {
                errors.append(FieldError(field: path, message: "Invalid value: \(goQuotedValue(value)): \(path) in body should be at least \(min) chars long"))
            }
            if let max = schema["maxLength"].int, n > max {
                errors.append(FieldError(field: path, message: "Too long: may not be more than \(max) bytes"))
            } else if let pattern = schema["pattern"].string, !(schema["minLength"].int.map { n < $0 } ?? false),
                      !Self.patternMatches(pattern, s) {
                // kube-openapi checks the pattern (Go's regexp, unanchored) after the lengths.
                errors.append(FieldError(field: path, message: "Invalid value: \(goQuotedValue(value)): \(path) in body should match '\(pattern)'"))
            }
        case .array(let items):
            if let max = schema["maxItems"].int, items.count > max {
                errors.append(FieldError(field: path, message: "Too many: \(items.count): must have at most \(max) items"))
            }
            if let min = schema["minItems"].int, items.count < min {
                errors.append(FieldError(field: path, message: "Invalid value: \(items.count): \(path) in body should have at least \(min) items"))
            }
            let itemSchema = schema["items"]
            if !itemSchema.isNull {
                for (i, v) in items.enumerated() {
                    validate(v, itemSchema, path: path + "[\(i)]", root: false,
                             old: CustomResourceRatcheting.item(old, v, schema: schema), errors: &errors)
                }
            }
        case .object(let o):
            for r in (schema["required"].array ?? []).compactMap(\.string) where o[r] == nil {
                errors.append(FieldError(field: path.isEmpty ? r : path + "." + r, message: "Required value"))
            }
            let props = schema["properties"].object
            let additional = schema["additionalProperties"]
            for k in o.sortedKeys {
                if root && (k == "metadata" || k == "apiVersion" || k == "kind") { continue }
                let v = o[k]!
                let childPath = path.isEmpty ? k : path + "." + k
                let was = root && (k == "apiVersion" || k == "kind") ? nil : CustomResourceRatcheting.child(old, value, key: k, schema: schema)
                if let p = props?[k] {
                    validate(v, p, path: childPath, root: false, old: was, errors: &errors)
                } else if case .object = additional {
                    validate(v, additional, path: childPath, root: false, old: was, errors: &errors)
                }
            }
        default:
            break
        }
    }

    /// Whether `s` matches the schema's `pattern`, in linear time (Go's RE2 semantics); a pattern
    /// the matcher does not take is tried with Swift's engine, one that compiles in neither is not checked.
    static func patternMatches(_ pattern: String, _ s: String) -> Bool {
        if let re = try? LinearRegex(pattern) { return re.matches(s) }
        guard let re = try? Regex(pattern) else { return true }
        return (try? re.firstMatch(in: s)) != nil
    }

    static func matches(_ v: JSONValue, _ type: String) -> Bool {
        switch (type, v) {
        case ("string", .string), ("boolean", .bool), ("array", .array), ("object", .object): return true
        case ("integer", .int): return true
        case ("integer", .double(let d)): return d == d.rounded()
        case ("number", .int), ("number", .double): return true
        default: return false
        }
    }

    /// The JSON type name the validator reports.
    static func typeName(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double(let d): return d == d.rounded() ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.double, let y = b.double { return x == y }
        return a == b
    }

    static func numberText(_ v: JSONValue) -> String {
        if let i = v.int { return String(i) }
        if let d = v.double { return "\(d)" }
        return ""
    }

    /// A value as field errors print it (`%#v`-like: strings quoted, numbers bare).
    static func goQuotedValue(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return strconvQuote(s)
        case .int, .double: return numberText(v)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        default: return v.compactJSON
        }
    }
}
