import KubeCEL
import KubeModel

/// ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding (admissionregistration/v1), as v1.32's
/// `ValidateValidatingAdmissionPolicy`/`...Update` and `ValidateValidatingAdmissionPolicyBinding` check
/// them after the v1 defaults. A policy: its failure policy, paramKind, match constraints (with at least one
/// resource rule), match conditions, variables (CEL identifiers, composed in order), validations
/// (expression, message, messageExpression, reason) and audit annotations (key, value expression, at most
/// 20, unique keys); every expression compiled as the API server compiles it (AdmissionCEL). A binding:
/// its policy name, paramRef, match resources and validation actions.
enum AdmissionPolicyRules {
    static let failurePolicies = ["Fail", "Ignore"]
    static let matchPolicies = ["Equivalent", "Exact"]
    static let reasons = ["Forbidden", "Invalid", "RequestEntityTooLarge"]
    static let actions = ["Audit", "Deny", "Warn"]
    static let maxAuditAnnotations = 20
    static let maxValueExpressionLength = 5 * 1024

    // MARK: policy

    static func policy(_ obj: JSONValue, old: JSONValue?) -> [FieldError] {
        let spec = obj["spec"]
        var errs: [FieldError] = []
        let hasParams = spec["paramKind"].object != nil
        switch spec["failurePolicy"].string {
        case nil: errs.append(.required("spec.failurePolicy"))
        case let v? where !failurePolicies.contains(v): errs.append(.notSupported("spec.failurePolicy", .string(v), supported: failurePolicies))
        default: break
        }
        if hasParams { errs += paramKind(spec["paramKind"], path: "spec.paramKind") }
        if spec["matchConstraints"].object == nil {
            errs.append(.required("spec.matchConstraints"))
        } else {
            errs += matchResources(spec["matchConstraints"], path: "spec.matchConstraints")
            if (spec["matchConstraints"]["resourceRules"].array ?? []).isEmpty { errs.append(.required("spec.matchConstraints.resourceRules")) }
        }
        // An update that changes neither the paramKind nor the match conditions does not compile them again.
        let unchanged = old.map { $0["spec"]["paramKind"] == spec["paramKind"] && $0["spec"]["matchConditions"] == spec["matchConditions"] } ?? false
        let stored = Preexisting(old?["spec"] ?? .null)
        if !unchanged {
            errs += MatchConditionRules.validate(spec["matchConditions"], path: "spec.matchConditions", params: hasParams,
                                                 preexisting: stored.matchConditions)
        }

        let variables = spec["variables"].array ?? []
        var options = AdmissionCEL.Options(params: hasParams, variables: variables.isEmpty ? nil : ObjectType(name: "kubernetes.variables"))
        for (i, v) in variables.enumerated() {
            errs += variable(v, path: "spec.variables[\(i)]", options: options, preexisting: stored)
        }
        let validations = spec["validations"].array ?? []
        let annotations = spec["auditAnnotations"].array ?? []
        if validations.isEmpty && annotations.isEmpty {
            let detail = "validations or auditAnnotations must contain at least one item"
            return errs + [.required("spec.validations", detail), .required("spec.auditAnnotations", detail)]
        }
        for (i, v) in validations.enumerated() { errs += validation(v, path: "spec.validations[\(i)]", options: options, preexisting: stored) }
        guard spec["auditAnnotations"].array != nil else { return errs }
        if annotations.count > maxAuditAnnotations {
            errs.append(FieldError(.invalid, field: "spec.auditAnnotations", value: .raw(goAuditAnnotations(annotations)),
                                   detail: "must not have more than \(maxAuditAnnotations) auditAnnotations"))
        }
        options.authorizer = true
        var keys = Set<String>()
        let name = obj["metadata"]["name"].string ?? ""
        for (i, a) in annotations.enumerated() {
            let p = "spec.auditAnnotations[\(i)]"
            errs += auditAnnotation(a, policyName: name, path: p, options: options, preexisting: stored)
            let key = a["key"].string ?? ""
            if !keys.insert(key).inserted { errs.append(FieldError(.duplicate, field: "\(p).key", value: .string(key))) }
        }
        return errs
    }

    /// `validateParamKind`: apiVersion as group/version (group a DNS subdomain, version a DNS label), kind.
    static func paramKind(_ pk: JSONValue, path p: String) -> [FieldError] {
        var errs: [FieldError] = []
        let apiVersion = pk["apiVersion"].string ?? ""
        if apiVersion.isEmpty {
            errs.append(.required("\(p).apiVersion"))
        } else if apiVersion.filter({ $0 == "/" }).count > 1 {
            errs.append(.invalid("\(p).apiVersion", apiVersion, "unexpected GroupVersion string: \(apiVersion)"))
        } else {
            var group = "", version = apiVersion
            if apiVersion == "/" {
                version = ""
            } else if let slash = apiVersion.firstIndex(of: "/") {
                group = String(apiVersion[..<slash])
                version = String(apiVersion[apiVersion.index(after: slash)...])
            }
            if !group.isEmpty, case let msgs = isDNS1123Subdomain(group), !msgs.isEmpty {
                errs.append(.invalid("\(p).apiVersion", group, msgs.joined(separator: ",")))
            }
            if version.isEmpty {
                errs.append(.invalid("\(p).apiVersion", apiVersion, "version must be specified"))
            } else if case let msgs = isDNS1035Label(version), !msgs.isEmpty {
                errs.append(.invalid("\(p).apiVersion", version, msgs.joined(separator: ",")))
            }
        }
        let kind = pk["kind"].string ?? ""
        if kind.isEmpty {
            errs.append(.required("\(p).kind"))
        } else if case let msgs = isDNS1035Label(kind.lowercased()), !msgs.isEmpty {
            errs.append(.invalid("\(p).kind", kind, "may have mixed case, but should otherwise match: " + msgs.joined(separator: ",")))
        }
        return errs
    }

    /// `validateMatchResources`: match policy, both selectors (strictly), and each named rule.
    static func matchResources(_ m: JSONValue, path p: String) -> [FieldError] {
        guard m.object != nil else { return [] }
        var errs: [FieldError] = []
        switch m["matchPolicy"].string {
        case nil: errs.append(.required("\(p).matchPolicy"))
        case let v? where !matchPolicies.contains(v): errs.append(.notSupported("\(p).matchPolicy", .string(v), supported: matchPolicies))
        default: break
        }
        for selector in ["namespaceSelector", "objectSelector"] {
            if m[selector].object == nil {
                errs.append(.required("\(p).\(selector)"))
            } else {
                errs += SchedulingRules.labelSelector(m[selector], path: "\(p).\(selector)", checkValues: true)
            }
        }
        for rules in ["resourceRules", "excludeResourceRules"] {
            for (i, rule) in (m[rules].array ?? []).enumerated() {
                errs += namedRule(rule, path: "\(p).\(rules)[\(i)]")
            }
        }
        return errs
    }

    static func namedRule(_ rule: JSONValue, path p: String) -> [FieldError] {
        var errs: [FieldError] = []
        var seen = Set<String>()
        for (i, n) in (rule["resourceNames"].array ?? []).enumerated() {
            let name = n.string ?? ""
            for msg in isValidPathSegmentName(name) { errs.append(.invalid("\(p).resourceNames[\(i)]", name, msg)) }
            if !seen.insert(name).inserted { errs.append(FieldError(.duplicate, field: "\(p).resourceNames[\(i)]", value: .string(name))) }
        }
        return errs + WebhookRules.ruleWithOperations(rule, path: p)
    }

    /// `validateVariable`: a name that is a CEL identifier, an expression compiled with the variables
    /// before it; the variable joins `variables` typed by its output (dyn when it does not compile).
    static func variable(_ v: JSONValue, path p: String, options: AdmissionCEL.Options, preexisting: Preexisting = .init(.null)) -> [FieldError] {
        var errs: [FieldError] = []
        let name = v["name"].string ?? ""
        if MatchConditionRules.trimSpace(name).isEmpty {
            errs.append(.required("\(p).name", "name is not specified"))
        } else if !isCELIdentifier(name) {
            errs.append(.invalid("\(p).name", name, "name is not a valid CEL identifier"))
        }
        let expression = v["expression"].string ?? ""
        if MatchConditionRules.trimSpace(expression).isEmpty {
            errs.append(.required("\(p).expression", "expression is not specified"))
            return errs
        }
        // (v1.32 looks a variable's expression up among the old validation expressions, not its variables.)
        let (detail, type) = AdmissionCEL.compile(expression, returns: .any, options: options,
                                                  stored: preexisting.validations.contains(expression))
        options.variables?.fields[name] = AdmissionCEL.declaredType(detail == nil ? AdmissionCEL.variableType(type) : .dyn)
        if let detail { errs.append(.invalid("\(p).expression", expression, detail)) }
        return errs
    }

    /// `validateValidation`.
    static func validation(_ v: JSONValue, path p: String, options: AdmissionCEL.Options, preexisting: Preexisting = .init(.null)) -> [FieldError] {
        var errs: [FieldError] = []
        let expression = v["expression"].string ?? ""
        if MatchConditionRules.trimSpace(expression).isEmpty {
            errs.append(.required("\(p).expression", "expression is not specified"))
        } else if let detail = AdmissionCEL.compile(expression, returns: .bool, options: options,
                                                    stored: preexisting.validations.contains(expression)).detail {
            errs.append(.invalid("\(p).expression", expression, detail))
        }
        let messageExpression = v["messageExpression"].string ?? ""
        if !messageExpression.isEmpty && MatchConditionRules.trimSpace(messageExpression).isEmpty {
            errs.append(.invalid("\(p).messageExpression", messageExpression, "must be non-empty if specified"))
        } else if !messageExpression.isEmpty {
            var o = options
            o.authorizer = false
            if let detail = AdmissionCEL.compile(messageExpression, returns: .string, options: o,
                                                 stored: preexisting.messageExpressions.contains(messageExpression)).detail {
                errs.append(.invalid("\(p).messageExpression", messageExpression, detail))
            }
        }
        let message = v["message"].string ?? ""
        let trimmed = MatchConditionRules.trimSpace(message)
        if !message.isEmpty && trimmed.isEmpty {
            errs.append(.invalid("\(p).message", message, "message must be non-empty if specified"))
        } else if trimmed.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            errs.append(.invalid("\(p).message", message, "message must not contain line breaks"))
        }
        if let reason = v["reason"].string, !reasons.contains(reason) {
            errs.append(.notSupported("\(p).reason", .string(reason), supported: reasons))
        }
        return errs
    }

    /// `validateAuditAnnotation`: `<policy name>/<key>` a qualified name; the trimmed value expression at
    /// most 5 KiB, compiled to a string or null.
    static func auditAnnotation(_ a: JSONValue, policyName: String, path p: String, options: AdmissionCEL.Options,
                                preexisting: Preexisting = .init(.null)) -> [FieldError] {
        var errs: [FieldError] = []
        let key = a["key"].string ?? ""
        if policyName.isEmpty {
            errs.append(.invalid("\(p).key", key, "requires metadata.name be non-empty"))
        } else {
            let qualified = policyName + "/" + key
            for msg in isQualifiedName(qualified) { errs.append(.invalid("\(p).key", qualified, msg)) }
        }
        let value = a["valueExpression"].string ?? ""
        let trimmed = MatchConditionRules.trimSpace(value)
        if trimmed.isEmpty {
            errs.append(.required("\(p).valueExpression", "valueExpression is not specified"))
        } else if trimmed.utf8.count > maxValueExpressionLength {
            errs.append(.required("\(p).valueExpression", "must not exceed \(maxValueExpressionLength) bytes in length"))
        } else if let detail = AdmissionCEL.compile(trimmed, returns: .stringOrNull, options: options,
                                                    stored: preexisting.auditValues.contains(value)).detail {
            errs.append(.invalid("\(p).valueExpression", value, detail))
        }
        return errs
    }

    /// `findValidatingPolicyPreexistingExpressions`: the expressions of the policy being replaced, by kind
    /// (raw texts; a match condition is looked up trimmed, the others as written).
    struct Preexisting {
        var matchConditions: Set<String> = [], validations: Set<String> = [], messageExpressions: Set<String> = []
        var auditValues: Set<String> = []

        init(_ oldSpec: JSONValue) {
            func texts(_ list: String, _ key: String) -> Set<String> {
                Set((oldSpec[list].array ?? []).compactMap { $0[key].string })
            }
            matchConditions = texts("matchConditions", "expression")
            validations = texts("validations", "expression")
            messageExpressions = texts("validations", "messageExpression").filter { !$0.isEmpty }
            auditValues = texts("auditAnnotations", "valueExpression")
        }
    }

    /// Go's `%#v` of a []admissionregistration.AuditAnnotation.
    static func goAuditAnnotations(_ list: [JSONValue]) -> String {
        let items = list.map { a in
            "admissionregistration.AuditAnnotation{Key:\(strconvQuote(a["key"].string ?? "")), ValueExpression:\(strconvQuote(a["valueExpression"].string ?? ""))}"
        }
        return "[]admissionregistration.AuditAnnotation{" + items.joined(separator: ", ") + "}"
    }

    /// `isCELIdentifier`: `[_a-zA-Z][_a-zA-Z0-9]*` and not a reserved word.
    static func isCELIdentifier(_ name: String) -> Bool {
        let reserved: Set<String> = ["true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if",
                                     "import", "let", "loop", "package", "namespace", "return", "var", "void", "while"]
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        let ok = name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
        return ok && !reserved.contains(name)
    }

    // MARK: binding

    static func binding(_ obj: JSONValue) -> [FieldError] {
        let spec = obj["spec"]
        var errs: [FieldError] = []
        let policyName = spec["policyName"].string ?? ""
        if policyName.isEmpty {
            errs.append(.required("spec.policyName"))
        } else {
            for msg in isDNS1123Subdomain(policyName) { errs.append(.invalid("spec.policyName", policyName, msg)) }
        }
        errs += paramRef(spec["paramRef"], path: "spec.paramRef")
        errs += matchResources(spec["matchResources"], path: "spec.matchResources")
        errs += validationActions(spec["validationActions"], path: "spec.validationActions")
        return errs
    }

    /// `validateParamRef`: a name (a path segment) or a selector, not both, and a parameterNotFoundAction.
    static func paramRef(_ pr: JSONValue, path p: String) -> [FieldError] {
        guard pr.object != nil else { return [] }
        var errs: [FieldError] = []
        let name = pr["name"].string ?? ""
        let hasSelector = pr["selector"].object != nil
        if !name.isEmpty {
            for msg in isValidPathSegmentName(name) { errs.append(.invalid("\(p).name", name, msg)) }
            if hasSelector { errs.append(FieldError(.forbidden, field: "\(p).name", detail: "name and selector are mutually exclusive")) }
        }
        if hasSelector {
            errs += SchedulingRules.labelSelector(pr["selector"], path: "\(p).selector", checkValues: true)
            if !name.isEmpty { errs.append(FieldError(.forbidden, field: "\(p).selector", detail: "name and selector are mutually exclusive")) }
        }
        if name.isEmpty && !hasSelector { errs.append(.required(p, "one of name or selector must be specified")) }
        let action = pr["parameterNotFoundAction"].string ?? ""
        if action.isEmpty {
            errs.append(.required("\(p).parameterNotFoundAction"))
        } else if action != "Deny" && action != "Allow" {
            errs.append(.notSupported("\(p).parameterNotFoundAction", .string(action), supported: ["Deny", "Allow"]))
        }
        return errs
    }

    /// `validateValidationActions`: each Deny, Warn or Audit, once; not both Deny and Warn; at least one.
    static func validationActions(_ value: JSONValue, path p: String) -> [FieldError] {
        let list = (value.array ?? []).map { $0.string ?? "" }
        var errs: [FieldError] = []
        var seen = Set<String>()
        for (i, a) in list.enumerated() {
            if !actions.contains(a) { errs.append(.notSupported("\(p)[\(i)]", .string(a), supported: actions)) }
            if seen.contains(a) { errs.append(FieldError(.duplicate, field: "\(p)[\(i)]", value: .string(a))) }
            seen.insert(a)
        }
        if seen.contains("Deny") && seen.contains("Warn") {
            let shown = "[]admissionregistration.ValidationAction{" + list.map(strconvQuote).joined(separator: ", ") + "}"
            errs.append(FieldError(.invalid, field: p, value: .raw(shown),
                                   detail: "must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)"))
        }
        if seen.isEmpty { errs.append(.required(p, "at least one validation action is required")) }
        return errs
    }
}
