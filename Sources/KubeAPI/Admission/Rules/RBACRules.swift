import KubeModel

/// RBAC validation (apis/rbac/validation v1.32): policy rules have verbs, and resource rules API
/// groups and resources (non-resource URLs only in cluster roles, never mixed); bindings refer to a
/// Role or ClusterRole of the RBAC group with a valid name, subjects are ServiceAccounts (with a
/// namespace in cluster bindings), Users or Groups; a binding's roleRef cannot change.
enum RBACRules {
    static let group = "rbac.authorization.k8s.io"

    static func validate(_ obj: JSONValue, old: JSONValue?, kind: String) -> [FieldError] {
        switch kind {
        case "Role", "ClusterRole":
            var errs: [FieldError] = []
            for (i, r) in (obj["rules"].array ?? []).enumerated() { errs += rule(r, namespaced: kind == "Role", path: "rules[\(i)]") }
            return errs
        case "RoleBinding", "ClusterRoleBinding":
            var errs = binding(obj, cluster: kind == "ClusterRoleBinding")
            if let old, old["roleRef"] != obj["roleRef"] {
                let ref = obj["roleRef"]
                let literal = "rbac.RoleRef{APIGroup:\(strconvQuote(ref["apiGroup"].string ?? "")), Kind:\(strconvQuote(ref["kind"].string ?? "")), Name:\(strconvQuote(ref["name"].string ?? ""))}"
                errs.append(FieldError(.invalid, field: "roleRef", value: .raw(literal), detail: "cannot change roleRef"))
            }
            return errs
        default:
            return []
        }
    }

    static func rule(_ r: JSONValue, namespaced: Bool, path: String) -> [FieldError] {
        var errs: [FieldError] = []
        let count: (String) -> Int = { r[$0].array?.count ?? 0 }
        if count("verbs") == 0 { errs.append(.required("\(path).verbs", "verbs must contain at least one value")) }
        let urls = r["nonResourceURLs"].array?.compactMap(\.string) ?? []
        if !urls.isEmpty {
            if namespaced {
                errs.append(FieldError(.invalid, field: "\(path).nonResourceURLs", value: .stringList(urls), detail: "namespaced rules cannot apply to non-resource URLs"))
            }
            if count("apiGroups") > 0 || count("resources") > 0 || count("resourceNames") > 0 {
                errs.append(FieldError(.invalid, field: "\(path).nonResourceURLs", value: .stringList(urls),
                                       detail: "rules cannot apply to both regular resources and non-resource URLs"))
            }
            return errs
        }
        if count("apiGroups") == 0 { errs.append(.required("\(path).apiGroups", "resource rules must supply at least one api group")) }
        if count("resources") == 0 { errs.append(.required("\(path).resources", "resource rules must supply at least one resource")) }
        return errs
    }

    static func binding(_ obj: JSONValue, cluster: Bool) -> [FieldError] {
        var errs: [FieldError] = []
        let ref = obj["roleRef"]
        let apiGroup = ref["apiGroup"].string ?? ""
        if apiGroup != group { errs.append(.notSupported("roleRef.apiGroup", .string(apiGroup), supported: [group])) }
        let kinds = cluster ? ["ClusterRole"] : ["Role", "ClusterRole"]
        let kind = ref["kind"].string ?? ""
        if !kinds.contains(kind) { errs.append(.notSupported("roleRef.kind", .string(kind), supported: kinds)) }
        let name = ref["name"].string ?? ""
        if name.isEmpty { errs.append(.required("roleRef.name")) }
        for msg in name.isEmpty ? [] : isValidPathSegmentName(name) { errs.append(.invalid("roleRef.name", name, msg)) }
        for (i, s) in (obj["subjects"].array ?? []).enumerated() { errs += subject(s, namespaced: !cluster, path: "subjects[\(i)]") }
        return errs
    }

    static func subject(_ s: JSONValue, namespaced: Bool, path: String) -> [FieldError] {
        var errs: [FieldError] = []
        let name = s["name"].string ?? "", apiGroup = s["apiGroup"].string ?? ""
        if name.isEmpty { errs.append(.required("\(path).name")) }
        switch s["kind"].string ?? "" {
        case "ServiceAccount":
            for msg in name.isEmpty ? [] : isDNS1123Subdomain(name) { errs.append(.invalid("\(path).name", name, msg)) }
            if !apiGroup.isEmpty { errs.append(.notSupported("\(path).apiGroup", .string(apiGroup), supported: [""])) }
            if !namespaced && (s["namespace"].string ?? "").isEmpty { errs.append(.required("\(path).namespace")) }
        case "User", "Group":
            if apiGroup != group { errs.append(.notSupported("\(path).apiGroup", .string(apiGroup), supported: [group])) }
        case let kind:
            errs.append(.notSupported("\(path).kind", .string(kind), supported: ["ServiceAccount", "User", "Group"]))
        }
        return errs
    }
}
