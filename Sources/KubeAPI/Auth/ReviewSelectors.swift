import KubeModel

/// The field and label selectors of an access review's `resourceAttributes` (authorization.k8s.io/v1
/// since v1.31; the AuthorizeWithSelectors gate is beta and on in v1.32, so the server keeps, checks
/// and uses them): each is a raw selector or parsed requirements, never both.
extension APISession {
    /// `validateResourceAttributes`: the field selector's errors, then the label selector's. Operators
    /// the server does not know pass (a newer client may send them; a requirement can only narrow).
    static func selectorAttributeErrors(_ ra: JSONValue) -> [FieldError] {
        var errs: [FieldError] = []
        for key in ["fieldSelector", "labelSelector"] where ra[key].object != nil {
            let selector = ra[key], path = "spec.resourceAttributes." + key
            let raw = selector["rawSelector"].string ?? ""
            let requirements = selector["requirements"].array ?? []
            if !raw.isEmpty, !requirements.isEmpty {
                errs.append(.invalid(path + ".rawSelector", raw, "may not specified at the same time as requirements"))
            }
            if raw.isEmpty, requirements.isEmpty {
                errs.append(.required(path + ".requirements", "when \(path) is specified, requirements or rawSelector is required"))
            }
            for (i, r) in requirements.enumerated() {
                let p = "\(path).requirements[\(i)]"
                if key == "labelSelector" {
                    SchedulingRules.labelSelectorRequirement(r, path: p, allowUnknownOperator: true, checkValues: true, into: &errs)
                    continue
                }
                if (r["key"].string ?? "").isEmpty { errs.append(.required(p + ".key", "must be specified")) }
                let values = r["values"].array ?? []
                switch r["operator"].string ?? "" {
                case "In", "NotIn":
                    if values.isEmpty {
                        errs.append(FieldError(.required, field: p + ".values", detail: "must be specified when `operator` is 'In' or 'NotIn'"))
                    }
                case "Exists", "DoesNotExist":
                    if !values.isEmpty {
                        errs.append(FieldError(.forbidden, field: p + ".values", detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
                    }
                default:
                    break
                }
            }
        }
        return errs
    }

    /// The field-selector terms a review's request carries to the authorizers (`ResourceAttributesFrom`):
    /// the raw selector parsed as a list's `fieldSelector` is, or the requirements as one-value `=`
    /// (In) and `!=` (NotIn) terms. A selector that does not parse, or a requirement with several
    /// values or another operator, leaves the request unlimited (no terms).
    static func reviewFieldSelector(_ selector: JSONValue) -> [FieldRequirement] {
        guard selector.object != nil else { return [] }
        if let raw = selector["rawSelector"].string, !raw.isEmpty {
            return (try? FieldSelector.parse(raw))?.requirements ?? []
        }
        var terms: [FieldRequirement] = []
        for r in selector["requirements"].array ?? [] {
            let values = (r["values"].array ?? []).map { $0.string ?? "" }
            guard values.count == 1 else { return [] }
            switch r["operator"].string ?? "" {
            case "In": terms.append(FieldRequirement(field: r["key"].string ?? "", op: .equals, value: values[0]))
            case "NotIn": terms.append(FieldRequirement(field: r["key"].string ?? "", op: .notEquals, value: values[0]))
            default: return []
            }
        }
        return terms
    }
}
