import KubeModel

/// `matchConditions` of a webhook or a ValidatingAdmissionPolicy (admissionregistration/v1, v1.32
/// `validateMatchConditions`): at most 64, each with a CEL expression and a qualified name unique in the
/// list. The trimmed expression is compiled in the admission environment (AdmissionCEL: object,
/// oldObject, request, namespaceObject, authorizer; params only for a policy with a paramKind; never
/// variables) and must evaluate to bool.
enum MatchConditionRules {
    /// `preexisting`: the expressions of the object being replaced; the trimmed expression found among
    /// them compiles against everything the server has, any other against the compatibility version.
    static func validate(_ conditions: JSONValue, path: String, params: Bool = false, preexisting: Set<String> = []) -> [FieldError] {
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
            } else if let detail = AdmissionCEL.compile(expression, returns: .bool, options: .init(params: params),
                                                        stored: preexisting.contains(expression)).detail {
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
}
