import KubeModel
import KubeRegistry

/// The RBAC authorizer over the store's Roles, ClusterRoles and their bindings, with the rule
/// semantics of Kubernetes' RBAC authorizer: ClusterRoleBindings first, then the RoleBindings of the
/// request's namespace; the first rule that allows ends the search.
struct RBACAuthorizer {
    let session: APISession

    private var rbac: (String) -> ResourceType? { { session.registry.type(group: "rbac.authorization.k8s.io", plural: $0) } }

    /// The ClusterRoleBindings that grant cluster-admin in a kind cluster (kubeadm's admin group,
    /// system:masters): tried first by name, since most requests come from their subjects.
    static let adminBindings = ["kubeadm:cluster-admins", "cluster-admin"]

    /// Whether `user` may do what `attributes` describe.
    func allows(_ user: UserInfo, _ attributes: AuthorizationAttributes) throws -> Bool {
        // A request is allowed when any rule of any binding allows it, so one binding that does is
        // the answer without reading the others (kubeadm's admin: two rows instead of every binding).
        if try allowedByAdminBinding(user, attributes) { return true }
        var allowed = false
        try visitRules(user, namespace: attributes.namespace) { rule in
            if RBACRule.allows(rule, attributes) { allowed = true }
            return !allowed
        }
        return allowed
    }

    private func allowedByAdminBinding(_ user: UserInfo, _ attributes: AuthorizationAttributes) throws -> Bool {
        guard let crbType = rbac("clusterrolebindings") else { return false }
        for name in Self.adminBindings {
            guard let binding = try session.find(crbType, namespace: "", name: name),
                  RBACRule.appliesTo(user, binding["subjects"].array ?? [], namespace: "") else { continue }
            if try roleRules(binding["roleRef"], namespace: "").rules.contains(where: { RBACRule.allows($0, attributes) }) {
                return true
            }
        }
        return false
    }

    /// Every rule that applies to `user` in `namespace` (cluster-wide ones first), as a
    /// SelfSubjectRulesReview lists them, and the errors met resolving the bindings' roles.
    func rules(_ user: UserInfo, namespace: String) throws -> (rules: [JSONValue], errors: [String]) {
        var out: [JSONValue] = [], errors: [String] = []
        try visitRules(user, namespace: namespace, failed: { errors.append($0) }) { out.append($0); return true }
        return (out, errors)
    }

    /// RBAC's reason for not allowing a request: `RBAC: ` and the errors met resolving the roles of the
    /// bindings that apply to `user` (a denial visits them all); empty when there were none.
    func denialReason(_ user: UserInfo, namespace: String) throws -> String {
        var errors: [String] = []
        try visitRules(user, namespace: namespace, failed: { errors.append($0) }) { _ in true }
        return errors.isEmpty ? "" : "RBAC: " + aggregateMessage(errors)
    }

    /// RBAC's reason for allowing the request (`RBAC: allowed by ClusterRoleBinding "b" of ClusterRole "r" to
    /// Group "g"`, from the first binding in the authorizer's order whose role allows it), nil when none does.
    func allowingReason(_ user: UserInfo, _ attributes: AuthorizationAttributes) throws -> String? {
        guard let crbType = rbac("clusterrolebindings"), let rbType = rbac("rolebindings") else { return nil }
        func subject(_ binding: JSONValue, namespace: String) -> JSONValue? {
            (binding["subjects"].array ?? []).first { RBACRule.appliesTo(user, [$0], namespace: namespace) }
        }
        func describe(_ s: JSONValue, namespace: String) -> String {
            let kind = s["kind"].string ?? "", name = s["name"].string ?? ""
            guard kind == "ServiceAccount" else { return "\(kind) \(strconvQuote(name))" }
            let ns = (s["namespace"].string ?? "").isEmpty ? namespace : s["namespace"].string ?? ""
            return "\(kind) \(strconvQuote(name + "/" + ns))"
        }
        for binding in try session.cachedList(crbType, namespace: nil) {
            guard let s = subject(binding, namespace: "") else { continue }
            if try roleRules(binding["roleRef"], namespace: "").rules.contains(where: { RBACRule.allows($0, attributes) }) {
                let ref = binding["roleRef"]
                return "RBAC: allowed by ClusterRoleBinding \(strconvQuote(binding["metadata"]["name"].string ?? "")) of "
                    + "\(ref["kind"].string ?? "") \(strconvQuote(ref["name"].string ?? "")) to \(describe(s, namespace: ""))"
            }
        }
        let namespace = attributes.namespace
        guard !namespace.isEmpty else { return nil }
        for binding in try session.cachedList(rbType, namespace: namespace) {
            guard let s = subject(binding, namespace: namespace) else { continue }
            if try roleRules(binding["roleRef"], namespace: namespace).rules.contains(where: { RBACRule.allows($0, attributes) }) {
                let ref = binding["roleRef"]
                return "RBAC: allowed by RoleBinding \(strconvQuote((binding["metadata"]["name"].string ?? "") + "/" + namespace)) of "
                    + "\(ref["kind"].string ?? "") \(strconvQuote(ref["name"].string ?? "")) to \(describe(s, namespace: namespace))"
            }
        }
        return nil
    }

    /// Calls `visit` with each rule granted to `user`; stops when it returns false. `failed` hears the
    /// error of each applying binding whose role cannot be resolved, in the order the bindings are met.
    private func visitRules(_ user: UserInfo, namespace: String, failed: (String) -> Void = { _ in },
                            _ visit: (JSONValue) throws -> Bool) throws {
        guard let crbType = rbac("clusterrolebindings"), let rbType = rbac("rolebindings") else { return }
        for binding in try session.cachedList(crbType, namespace: nil)
        where RBACRule.appliesTo(user, binding["subjects"].array ?? [], namespace: "") {
            let role = try roleRules(binding["roleRef"], namespace: "")
            if let error = role.error { failed(error) }
            for rule in role.rules where try !visit(rule) { return }
        }
        guard !namespace.isEmpty else { return }
        for binding in try session.cachedList(rbType, namespace: namespace)
        where RBACRule.appliesTo(user, binding["subjects"].array ?? [], namespace: namespace) {
            let role = try roleRules(binding["roleRef"], namespace: namespace)
            if let error = role.error { failed(error) }
            for rule in role.rules where try !visit(rule) { return }
        }
    }

    /// The rules of the role a binding refers to, or the rule resolver's error for a role that does not
    /// exist (its informer lister's NotFound, which names the resource in the singular) or a kind RBAC
    /// does not know.
    private func roleRules(_ ref: JSONValue, namespace: String) throws -> (rules: [JSONValue], error: String?) {
        let name = ref["name"].string ?? ""
        let kind = ref["kind"].string ?? ""
        let found: JSONValue?
        switch kind {
        case "ClusterRole":
            found = try rbac("clusterroles").flatMap { try session.find($0, namespace: "", name: name) }
        case "Role":
            found = namespace.isEmpty ? nil : try rbac("roles").flatMap { try session.find($0, namespace: namespace, name: name) }
        default:
            return ([], "unsupported role reference kind: \(strconvQuote(kind))")
        }
        guard let found else { return ([], "\(kind.lowercased()).rbac.authorization.k8s.io \(strconvQuote(name)) not found") }
        return (found["rules"].array ?? [], nil)
    }
}

/// RBAC's matching rules for subjects and policy rules.
enum RBACRule {
    /// Whether one of a binding's subjects is `user` (a ServiceAccount subject without a namespace takes
    /// the binding's).
    static func appliesTo(_ user: UserInfo, _ subjects: [JSONValue], namespace: String) -> Bool {
        subjects.contains { subject in
            let name = subject["name"].string ?? ""
            switch subject["kind"].string {
            case "User": return user.name == name
            case "Group": return user.groups.contains(name)
            case "ServiceAccount":
                let ns = subject["namespace"].string.flatMap { $0.isEmpty ? nil : $0 } ?? namespace
                return !ns.isEmpty && user.name == "system:serviceaccount:\(ns):\(name)"
            default: return false
            }
        }
    }

    static func allows(_ rule: JSONValue, _ a: AuthorizationAttributes) -> Bool {
        let verbs = strings(rule["verbs"])
        guard verbs.contains("*") || verbs.contains(a.verb) else { return false }
        guard let path = a.path else {
            let groups = strings(rule["apiGroups"])
            guard groups.contains("*") || groups.contains(a.apiGroup) else { return false }
            guard resourceMatches(strings(rule["resources"]), a) else { return false }
            let names = strings(rule["resourceNames"])
            return names.isEmpty || names.contains(a.name)
        }
        return strings(rule["nonResourceURLs"]).contains { url in
            url == "*" || url == path || (url.hasSuffix("*") && path.hasPrefix(String(url.reversed().drop(while: { $0 == "*" }).reversed())))
        }
    }

    /// `*`, the exact `resource[/subresource]`, or `*/subresource`.
    static func resourceMatches(_ resources: [String], _ a: AuthorizationAttributes) -> Bool {
        let combined = a.subresource.isEmpty ? a.resource : a.resource + "/" + a.subresource
        return resources.contains { r in
            r == "*" || r == combined || (!a.subresource.isEmpty && r == "*/" + a.subresource)
        }
    }

    static func strings(_ v: JSONValue) -> [String] { (v.array ?? []).compactMap(\.string) }
}
