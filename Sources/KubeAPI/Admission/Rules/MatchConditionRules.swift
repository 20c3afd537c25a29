import KubeCEL
import KubeModel

/// A webhook's `matchConditions` (admissionregistration/v1, v1.32 `validateMatchConditions`): at most 64,
/// each with a CEL expression and a qualified name unique in the webhook. The expression is compiled
/// as the API server compiles it, in the admission environment: `object` and `oldObject` (dyn), `request`
/// (kubernetes.AdmissionRequest) and `namespaceObject` (the Namespace type); it must compile and evaluate
/// to bool. (Expressions using `authorizer` are only parsed: the authorizer library is not implemented.)
enum MatchConditionRules {
    static func validate(_ conditions: JSONValue, path: String) -> [FieldError] {
        let list = conditions.array ?? []
        var errs: [FieldError] = []
        if list.count > 64 {
            errs.append(FieldError(.tooMany, field: path, value: .int(Int64(list.count)), detail: "must have at most 64 items"))
        }
        var names = Set<String>()
        for (i, c) in list.enumerated() {
            let p = "\(path)[\(i)]"
            let expression = trimSpace(c["expression"].string ?? "")
            if expression.isEmpty {
                errs.append(.required("\(p).expression"))
            } else if let detail = compileError(expression) {
                errs.append(.invalid("\(p).expression", expression, detail))
            }
            let name = c["name"].string ?? ""
            if name.isEmpty {
                errs.append(.required("\(p).name"))
            } else {
                for msg in isQualifiedName(name) { errs.append(.invalid("\(p).name", name, msg)) }
                if !names.insert(name).inserted { errs.append(FieldError(.duplicate, field: "\(p).name", value: .string(name))) }
            }
        }
        return errs
    }

    /// Go's strings.TrimSpace (ASCII and Unicode white space at both ends).
    static func trimSpace(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The compiler's complaint (`compilation failed: ...`, `must evaluate to bool`), or nil.
    static func compileError(_ expression: String) -> String? {
        let usesAuthorizer = (try? Parser.parse(expression)).map { _ in expression.contains("authorizer") } ?? false
        if usesAuthorizer { return nil }
        switch CELCompiler.compile(expression, variables: variables) {
        case .failure(let f):
            return "compilation failed: " + f.text
        case .success(let compiled):
            return RuleContext.isBool(compiled) ? nil : "must evaluate to bool"
        }
    }

    static let variables: [String: SchemaType] = {
        func object(_ props: [(String, JSONValue)]) -> JSONValue {
            ["type": "object", "properties": .object(JSONObject(props))]
        }
        let string: JSONValue = ["type": "string"]
        let strings: JSONValue = ["type": "array", "items": string]
        let gvk = object([("group", string), ("version", string), ("kind", string)])
        let gvr = object([("group", string), ("version", string), ("resource", string)])
        let user = object([("username", string), ("uid", string), ("groups", strings),
                           ("extra", ["type": "object", "additionalProperties": strings])])
        let request = object([("kind", gvk), ("resource", gvr), ("subResource", string), ("requestKind", gvk), ("requestResource", gvr),
                              ("requestSubResource", string), ("name", string), ("namespace", string), ("operation", string),
                              ("userInfo", user), ("dryRun", ["type": "boolean"]), ("options", ["x-kubernetes-int-or-string": true])])
        let time: JSONValue = ["type": "string", "format": "date-time"]
        let labels: JSONValue = ["type": "object", "additionalProperties": string]
        let namespace = object([
            ("metadata", object([("name", string), ("generateName", string), ("namespace", string), ("labels", labels), ("annotations", labels),
                                 ("uid", string), ("creationTimestamp", time), ("deletionGracePeriodSeconds", ["type": "integer"]),
                                 ("deletionTimestamp", time), ("generation", ["type": "integer"]), ("resourceVersion", string),
                                 ("finalizers", strings)])),
            ("spec", object([("finalizers", strings)])),
            ("status", object([("conditions", ["type": "array", "items": object([("type", string), ("status", string),
                                                                                ("lastTransitionTime", time), ("reason", string),
                                                                                ("message", string)])]),
                               ("phase", string)])),
        ])
        return ["object": .dyn(), "oldObject": .dyn(),
                "request": handWritten(SchemaType.from(schema: request, name: "kubernetes.AdmissionRequest")),
                "namespaceObject": handWritten(SchemaType.from(schema: namespace, name: "kubernetes.Namespace"))]
    }()

    /// These types are declared by hand, not from a schema: their fields keep their names (`request.namespace`),
    /// where a schema's properties named as CEL reserved words are escaped (`__namespace__`).
    static func handWritten(_ t: SchemaType) -> SchemaType {
        if case .object(let o) = t.type {
            for key in Array(o.fields.keys) {
                guard let field = o.fields[key] else { continue }
                let plain = key.hasPrefix("__") && key.hasSuffix("__") && key.count > 4 ? String(key.dropFirst(2).dropLast(2)) : key
                o.fields[key] = nil
                o.fields[plain] = handWritten(field)
            }
        }
        var out = t
        out.element = t.element.map(handWritten)
        return out
    }
}
