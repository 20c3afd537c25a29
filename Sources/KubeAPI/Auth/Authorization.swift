import KubeModel
import KubeRegistry
import KubeStore

/// A session's authorisation state: who makes its client requests, decisions already taken and the
/// bindings read for them (both dropped when an RBAC object changes).
struct AuthState {
    var user: UserInfo?
    /// > 0 while the server works on its own behalf (the authorizer's reads): nothing is authorised.
    var internalDepth = 0
    var decisions: [AuthorizationAttributes: Bool] = [:]
    var lists: [String: [JSONValue]] = [:]
}



extension APIServer {
    /// Makes every following request as `user` (`--as`): the requester (the kubeconfig's admin) must be
    /// allowed to impersonate the user, its groups and uid, as the API server's impersonation filter
    /// checks; then every request is authorised by RBAC as the impersonated user.
    public func impersonate(user: String, groups: [String], uid: String) throws {
        let requester = UserInfo.kubeadmAdmin
        try read { s in
            var checks: [AuthorizationAttributes] = []
            if let sa = UserInfo.serviceAccount(user) {
                checks.append(.init(verb: "impersonate", namespace: sa.namespace, resource: "serviceaccounts", name: sa.name))
            } else {
                checks.append(.init(verb: "impersonate", resource: "users", name: user))
            }
            checks += groups.map { .init(verb: "impersonate", resource: "groups", name: $0) }
            if !uid.isEmpty { checks.append(.init(verb: "impersonate", apiGroup: "authentication.k8s.io", resource: "uids", name: uid)) }
            for check in checks where try !RBACAuthorizer(session: s).allows(requester, check) {
                throw APIError.forbidden(check, user: requester.name)
            }
        }
        requestUser = UserInfo.impersonated(user: user, groups: groups, uid: uid)
    }

    /// Authorises every following request as kubeadm's admin (the kubeconfig's user).
    public func authorizeAsAdmin() { requestUser = .kubeadmAdmin }

    /// The user of the client's requests (kubeadm's admin unless impersonating).
    public var effectiveUser: UserInfo { requestUser ?? .kubeadmAdmin }
}

extension APISession {
    /// Authorises a client request (`verb` on `type`, a subresource, a name) for the session's user;
    /// requests the server makes itself (controllers, admission, the authorizer) are not checked.
    /// A list or watch carries its field-selector terms; one requiring `metadata.name` to equal a valid
    /// name names the request, as the API server's request info does.
    func authorize(_ verb: String, _ type: ResourceType, namespace: String?, name: String = "", subresource: String = "",
                   fields: [FieldRequirement] = []) throws
    {
        guard writeDepth == 0, auth.internalDepth == 0 else { return }
        try requireServed(verb, type, subresource: subresource)
        guard auth.user != nil else { return }
        var name = name
        if name.isEmpty, let term = fields.first(where: { $0.field == "metadata.name" && $0.op == .equals }),
           ![".", ".."].contains(term.value), !term.value.contains("/"), !term.value.contains("%")
        {
            name = term.value
        }
        var attributes = AuthorizationAttributes(verb: verb, namespace: type.namespaced ? namespace ?? "" : "",
                                                 apiGroup: type.group, resource: type.plural, subresource: subresource, name: name)
        attributes.fieldSelector = fields
        try authorize(attributes)
    }

    func authorize(_ attributes: AuthorizationAttributes) throws {
        guard let user = auth.user else { return }
        if try !allows(user, attributes) {
            throw APIError.forbidden(attributes, user: user.name, reason: try denialReason(user, attributes))
        }
    }

    /// Why kind's authorizers (Node, then RBAC) do not allow a request, their reasons joined by lines as
    /// the union authorizer joins them: the node authorizer's for a kubelet, RBAC's errors resolving
    /// roles. Empty when they give none.
    func denialReason(_ user: UserInfo, _ attributes: AuthorizationAttributes) throws -> String {
        auth.internalDepth += 1
        defer { auth.internalDepth -= 1 }
        let reasons = [try NodeAuthorizer(session: self).decide(user, attributes)?.reason ?? "",
                       try RBACAuthorizer(session: self).denialReason(user, namespace: attributes.namespace)]
        return reasons.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Whether `user` may do what `attributes` describe (a SubjectAccessReview).
    public func allows(_ user: UserInfo, _ attributes: AuthorizationAttributes) throws -> Bool {
        if user == auth.user, let known = auth.decisions[attributes] { return known }
        // A rule without resourceNames allows every name alike: its answer for a name no object can
        // have stands for all names, so a command over many objects asks RBAC once, not per object.
        if user == auth.user, attributes.path == nil, !attributes.name.isEmpty, attributes.name != Self.anyName {
            var any = attributes
            any.name = Self.anyName
            if try allows(user, any) { return true }
        }
        auth.internalDepth += 1
        defer { auth.internalDepth -= 1 }
        // kind's authorizers in order (Node,RBAC): the node authorizer answers only for kubelets.
        let allowed = try NodeAuthorizer(session: self).decide(user, attributes)?.allowed == true
            || RBACAuthorizer(session: self).allows(user, attributes)
        if user == auth.user { auth.decisions[attributes] = allowed }
        return allowed
    }

    /// A name no object can have (object names are DNS names or paths, never a NUL).
    static let anyName = "\u{0}"

    /// The rules granted to `user` in `namespace` (a SelfSubjectRulesReview's resource and
    /// non-resource rules, in the order the authorizer finds them), as kind's `Node,RBAC` authorizers
    /// answer: the node authorizer cannot list a node's rules (the answer is then incomplete), RBAC's
    /// errors are those of bindings whose role cannot be resolved; both aggregated into the
    /// evaluation error.
    func rules(for user: UserInfo, namespace: String) throws -> (rules: [JSONValue], incomplete: Bool, evaluationError: String) {
        auth.internalDepth += 1
        defer { auth.internalDepth -= 1 }
        let rbac = try RBACAuthorizer(session: self).rules(user, namespace: namespace)
        let node = user.nodeName != nil
        let errors = (node ? ["node authorizer does not support user rule resolution"] : []) + rbac.errors
        return (rbac.rules, node, aggregateMessage(errors))
    }

    /// Objects of an RBAC type, decoded once per session.
    func cachedList(_ type: ResourceType, namespace: String?) throws -> [JSONValue] {
        let key = type.storageKey + "/" + (namespace ?? "")
        if let known = auth.lists[key] { return known }
        let objects = try tx.list(resource: type.storageKey, namespace: namespace, fields: []).map(decode)
        auth.lists[key] = objects
        return objects
    }

    /// An RBAC object changed: earlier decisions may no longer hold.
    func rbacChanged(_ type: ResourceType) {
        guard type.group == "rbac.authorization.k8s.io" else { return }
        auth.decisions = [:]
        auth.lists = [:]
    }
}

extension APIError {
    /// The API server's Forbidden status for a denied request.
    /// The API server's Forbidden status for a denied request; a non-empty `reason` (the authorizers')
    /// follows the message after a colon.
    public static func forbidden(_ a: AuthorizationAttributes, user: String, reason: String) -> APIError {
        var e = forbidden(a, user: user)
        if !reason.isEmpty { e.message += ": " + reason }
        return e
    }

    public static func forbidden(_ a: AuthorizationAttributes, user: String) -> APIError {
        guard let path = a.path else {
            let resource = a.subresource.isEmpty ? a.resource : a.resource + "/" + a.subresource
            let scope = a.namespace.isEmpty ? "at the cluster scope" : "in the namespace \(strconvQuote(a.namespace))"
            let reason = "User \(strconvQuote(user)) cannot \(a.verb) resource \(strconvQuote(resource)) in API group \(strconvQuote(a.apiGroup)) \(scope)"
            let qualified = a.apiGroup.isEmpty ? a.resource : a.resource + "." + a.apiGroup
            let head = a.name.isEmpty ? qualified : "\(qualified) \(strconvQuote(a.name))"
            return APIError(reason: .forbidden, message: "\(head) is forbidden: \(reason)", code: 403)
        }
        return APIError(reason: .forbidden, message: "forbidden: User \(strconvQuote(user)) cannot \(a.verb) path \(strconvQuote(path))",
                        code: 403)
    }
}
