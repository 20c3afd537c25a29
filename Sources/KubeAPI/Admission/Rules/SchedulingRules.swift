import KubeModel

/// A pod's scheduling constraints (apis/core/validation v1.32): node and pod (anti-)affinity,
/// tolerations, topology spread constraints.
enum SchedulingRules {
    static let taintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]
    static let unsatisfiableActions = ["DoNotSchedule", "ScheduleAnyway"]

    static func validate(_ spec: JSONValue, path: String, into errs: inout [FieldError]) {
        var selector: [(String, String)] = []
        for (k, v) in spec["nodeSelector"].stringMap { selector.append((k, v)) }
        errs += validateLabels(selector, path: "\(path).nodeSelector")
        affinity(spec["affinity"], path: "\(path).affinity", into: &errs)
        topologySpread(spec["topologySpreadConstraints"].array ?? [], path: "\(path).topologySpreadConstraints", into: &errs)
        tolerations(spec["tolerations"].array ?? [], path: "\(path).tolerations", into: &errs)
    }

    /// `ValidateLabelName`: a qualified name.
    static func labelName(_ key: String, path: String, into errs: inout [FieldError]) {
        for msg in isQualifiedName(key) { errs.append(.invalid(path, key, msg)) }
    }

    // MARK: affinity

    static func affinity(_ a: JSONValue, path: String, into errs: inout [FieldError]) {
        guard a.object != nil else { return }
        let node = a["nodeAffinity"], np = "\(path).nodeAffinity"
        if node["requiredDuringSchedulingIgnoredDuringExecution"].object != nil {
            let sel = node["requiredDuringSchedulingIgnoredDuringExecution"], sp = "\(np).requiredDuringSchedulingIgnoredDuringExecution"
            let terms = sel["nodeSelectorTerms"].array ?? []
            if terms.isEmpty {
                errs.append(FieldError(.required, field: "\(sp).nodeSelectorTerms", detail: "must have at least one node selector term"))
            }
            for (i, t) in terms.enumerated() { nodeSelectorTerm(t, path: "\(sp).nodeSelectorTerms[\(i)]", into: &errs) }
        }
        for (i, t) in (node["preferredDuringSchedulingIgnoredDuringExecution"].array ?? []).enumerated() {
            let p = "\(np).preferredDuringSchedulingIgnoredDuringExecution[\(i)]"
            weight(t["weight"], path: "\(p).weight", into: &errs)
            nodeSelectorTerm(t["preference"], path: "\(p).preference", into: &errs)
        }
        for key in ["podAffinity", "podAntiAffinity"] where a[key].object != nil {
            let p = "\(path).\(key)"
            for (i, t) in (a[key]["requiredDuringSchedulingIgnoredDuringExecution"].array ?? []).enumerated() {
                podAffinityTerm(t, path: "\(p).requiredDuringSchedulingIgnoredDuringExecution[\(i)]", into: &errs)
            }
            for (i, t) in (a[key]["preferredDuringSchedulingIgnoredDuringExecution"].array ?? []).enumerated() {
                let wp = "\(p).preferredDuringSchedulingIgnoredDuringExecution[\(i)]"
                weight(t["weight"], path: "\(wp).weight", into: &errs)
                podAffinityTerm(t["podAffinityTerm"], path: "\(wp).podAffinityTerm", into: &errs)
            }
        }
    }

    static func weight(_ v: JSONValue, path: String, into errs: inout [FieldError]) {
        let w = v.int ?? 0
        if w <= 0 || w > 100 { errs.append(FieldError(.invalid, field: path, value: .int(w), detail: "must be in the range 1-100")) }
    }

    static func nodeSelectorTerm(_ t: JSONValue, path: String, into errs: inout [FieldError]) {
        for (i, r) in (t["matchExpressions"].array ?? []).enumerated() {
            let p = "\(path).matchExpressions[\(i)]"
            let values = r["values"].array ?? []
            switch r["operator"].string ?? "" {
            case "In", "NotIn":
                if values.isEmpty {
                    errs.append(FieldError(.required, field: "\(p).values", detail: "must be specified when `operator` is 'In' or 'NotIn'"))
                }
            case "Exists", "DoesNotExist":
                if !values.isEmpty {
                    errs.append(FieldError(.forbidden, field: "\(p).values", detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
                }
            case "Gt", "Lt":
                if values.count != 1 {
                    errs.append(FieldError(.required, field: "\(p).values", detail: "must be specified single value when `operator` is 'Lt' or 'Gt'"))
                }
            case let op:
                errs.append(.invalid("\(p).operator", op, "not a valid selector operator"))
            }
            labelName(r["key"].string ?? "", path: "\(p).key", into: &errs)
        }
    }

    static func podAffinityTerm(_ t: JSONValue, path: String, into errs: inout [FieldError]) {
        errs += labelSelector(t["labelSelector"], path: "\(path).labelSelector")
        for ns in t["namespaces"].array?.compactMap(\.string) ?? [] {
            for msg in isDNS1123Label(ns) { errs.append(.invalid("\(path).namespace", ns, msg)) }
        }
        let key = t["topologyKey"].string ?? ""
        if key.isEmpty { errs.append(FieldError(.required, field: "\(path).topologyKey", detail: "can not be empty")) }
        labelName(key, path: "\(path).topologyKey", into: &errs)
    }

    /// `ValidateLabelSelector`: operators, values per operator, keys and values.
    /// `checkValues`: the values of In/NotIn expressions must be label values (a selector validated
    /// without AllowInvalidLabelValueInSelector).
    static func labelSelector(_ s: JSONValue, path: String, checkValues: Bool = false) -> [FieldError] {
        guard s.object != nil else { return [] }
        // The labels first, then each expression (metav1 validation's ValidateLabelSelector).
        var pairs: [(String, String)] = []
        for (k, v) in s["matchLabels"].stringMap { pairs.append((k, v)) }
        var errs = validateLabels(pairs, path: "\(path).matchLabels")
        for (i, r) in (s["matchExpressions"].array ?? []).enumerated() {
            labelSelectorRequirement(r, path: "\(path).matchExpressions[\(i)]", checkValues: checkValues, into: &errs)
        }
        return errs
    }

    /// `ValidateLabelSelectorRequirement`: the values an operator needs, then the key. A review's
    /// selector (`allowUnknownOperator`) lets an operator the server does not know pass and has its
    /// values checked as label values.
    static func labelSelectorRequirement(_ r: JSONValue, path p: String, allowUnknownOperator: Bool = false, checkValues: Bool = false,
                                         into errs: inout [FieldError])
    {
        let values = r["values"].array ?? []
        switch r["operator"].string ?? "" {
        case "In", "NotIn":
            if values.isEmpty { errs.append(FieldError(.required, field: "\(p).values", detail: "must be specified when `operator` is 'In' or 'NotIn'")) }
        case "Exists", "DoesNotExist":
            if !values.isEmpty { errs.append(FieldError(.forbidden, field: "\(p).values", detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")) }
        case let op:
            if !allowUnknownOperator { errs.append(.invalid("\(p).operator", op, "not a valid selector operator")) }
        }
        labelName(r["key"].string ?? "", path: "\(p).key", into: &errs)
        guard checkValues else { return }
        for (j, v) in values.enumerated() {
            let value = v.string ?? ""
            for msg in isValidLabelValue(value) { errs.append(.invalid("\(p).values[\(j)]", value, msg)) }
        }
    }

    // MARK: topology spread

    static func topologySpread(_ list: [JSONValue], path: String, into errs: inout [FieldError]) {
        for (i, c) in list.enumerated() {
            let p = "\(path)[\(i)]"
            let skew = c["maxSkew"].int ?? 0
            if skew <= 0 { errs.append(FieldError(.invalid, field: "\(p).maxSkew", value: .int(skew), detail: "must be greater than zero")) }
            let key = c["topologyKey"].string ?? ""
            if key.isEmpty { errs.append(FieldError(.required, field: "\(p).topologyKey", detail: "can not be empty")) }
            let action = c["whenUnsatisfiable"].string ?? ""
            if !unsatisfiableActions.contains(action) {
                errs.append(.notSupported("\(p).whenUnsatisfiable", .string(action), supported: unsatisfiableActions))
            }
            if list[(i + 1)...].contains(where: { $0["topologyKey"].string ?? "" == key && $0["whenUnsatisfiable"].string ?? "" == action }) {
                errs.append(FieldError(.duplicate, field: "\(p).{topologyKey, whenUnsatisfiable}", value: .string("{\(key), \(action)}")))
            }
            if let min = c["minDomains"].int {
                if min <= 0 {
                    errs.append(FieldError(.invalid, field: "\(p).minDomains", value: .int(min), detail: "must be greater than zero"))
                } else if action != "DoNotSchedule" {
                    errs.append(FieldError(.invalid, field: "\(p).minDomains", value: .int(min),
                                           detail: "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not \(action)"))
                }
            }
            errs += labelSelector(c["labelSelector"], path: "\(p).labelSelector")
        }
    }

    // MARK: tolerations

    static func tolerations(_ list: [JSONValue], path: String, into errs: inout [FieldError]) {
        for (i, t) in list.enumerated() {
            let p = "\(path)[\(i)]"
            let key = t["key"].string ?? "", op = t["operator"].string ?? "", effect = t["effect"].string ?? ""
            if !key.isEmpty { labelName(key, path: "\(p).key", into: &errs) }
            if key.isEmpty && op != "Exists" {
                errs.append(.invalid("\(p).operator", op, "operator must be Exists when `key` is empty, which means \"match all values and all keys\""))
            }
            if !t["tolerationSeconds"].isNull && effect != "NoExecute" {
                errs.append(.invalid("\(p).effect", effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"))
            }
            switch op {
            case "Equal", "":
                for msg in isValidLabelValue(t["value"].string ?? "") { errs.append(.invalid("\(p).operator", t["value"].string ?? "", msg)) }
            case "Exists":
                if !(t["value"].string ?? "").isEmpty {
                    errs.append(FieldError(.invalid, field: "\(p).operator", value: .raw(tolerationLiteral(t)), detail: "value must be empty when `operator` is 'Exists'"))
                }
            default:
                errs.append(.notSupported("\(p).operator", .string(op), supported: ["Equal", "Exists"]))
            }
            if !effect.isEmpty, !taintEffects.contains(effect) {
                errs.append(.notSupported("\(p).effect", .string(effect), supported: taintEffects))
            }
        }
    }

    /// `core.Toleration{Key:"k", Operator:"Exists", Value:"v", Effect:"", TolerationSeconds:(*int64)(nil)}`.
    static func tolerationLiteral(_ t: JSONValue) -> String {
        let secs = t["tolerationSeconds"].int.map { _ in "(*int64)(0x0)" } ?? "(*int64)(nil)"
        return "core.Toleration{Key:\(strconvQuote(t["key"].string ?? "")), Operator:\(strconvQuote(t["operator"].string ?? "")), Value:\(strconvQuote(t["value"].string ?? "")), Effect:\(strconvQuote(t["effect"].string ?? "")), TolerationSeconds:\(secs)}"
    }
}
