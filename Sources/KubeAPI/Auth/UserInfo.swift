import KubeModel

/// Who makes a request, as the API server's authenticator (and impersonation filter) sees it.
public struct UserInfo: Sendable, Equatable {
    public var name: String
    public var uid: String
    public var groups: [String]
    /// Extra attributes, in key order.
    public var extra: [(key: String, values: [String])]

    public init(name: String, uid: String = "", groups: [String] = [], extra: [(key: String, values: [String])] = []) {
        self.name = name
        self.uid = uid
        self.groups = groups
        self.extra = extra
    }

    public static func == (a: UserInfo, b: UserInfo) -> Bool {
        a.name == b.name && a.uid == b.uid && a.groups == b.groups
            && a.extra.map(\.key) == b.extra.map(\.key) && a.extra.map(\.values) == b.extra.map(\.values)
    }

    /// The identity of a kind cluster's kubeconfig: kubeadm's admin client certificate
    /// (CN=kubernetes-admin, O=kubeadm:cluster-admins), bound to cluster-admin by kubeadm.
    public static let kubeadmAdmin = UserInfo(
        name: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"],
        extra: [("authentication.kubernetes.io/credential-id", ["X509SHA256=" + SHA256.hex(Array("kubectl-local:kubernetes-admin".utf8))])])

    /// The node a kubelet's identity names (`system:node:NAME` in group `system:nodes`, as the node
    /// identifier reads it); nil for other users.
    public var nodeName: String? {
        let prefix = "system:node:"
        guard name.hasPrefix(prefix), groups.contains("system:nodes") else { return nil }
        return String(name.dropFirst(prefix.count))
    }

    /// `system:serviceaccount:NS:NAME`, split; nil for other names.
    public var serviceAccount: (namespace: String, name: String)? { UserInfo.serviceAccount(name) }

    static func serviceAccount(_ user: String) -> (namespace: String, name: String)? {
        let prefix = "system:serviceaccount:"
        guard user.hasPrefix(prefix) else { return nil }
        let parts = user.dropFirst(prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// The user a request impersonates (`--as`, `--as-group`, `--as-uid`), as the API server's
    /// impersonation filter builds it: a service account's fixed groups unless groups are given, and
    /// `system:authenticated` added for every user but `system:anonymous`.
    public static func impersonated(user: String, groups requested: [String], uid: String) -> UserInfo {
        var groups = requested
        if requested.isEmpty, let sa = serviceAccount(user) {
            groups = ["system:serviceaccounts", "system:serviceaccounts:" + sa.namespace]
        }
        if user != "system:anonymous" {
            if !groups.contains("system:authenticated") && !groups.contains("system:unauthenticated") {
                groups.append("system:authenticated")
            }
        } else if !groups.contains("system:unauthenticated") {
            groups.append("system:unauthenticated")
        }
        return UserInfo(name: user, uid: uid, groups: groups)
    }

    /// A SelfSubjectReview's `status.userInfo`.
    public var json: JSONValue {
        var info = JSONObject()
        if !name.isEmpty { info["username"] = .string(name) }
        if !uid.isEmpty { info["uid"] = .string(uid) }
        if !groups.isEmpty { info["groups"] = .array(groups.map { .string($0) }) }
        if !extra.isEmpty {
            var e = JSONObject()
            for (k, v) in extra { e[k] = .array(v.map { .string($0) }) }
            info["extra"] = .object(e)
        }
        return .object(info)
    }
}

/// What a request asks to do, as the authorizer sees it (`authorizer.Attributes`).
public struct AuthorizationAttributes: Sendable, Hashable {
    public var verb: String
    public var namespace: String
    public var apiGroup: String
    public var resource: String
    public var subresource: String
    public var name: String
    /// Set for non-resource requests (`/healthz`); then only `verb` counts.
    public var path: String?
    /// A list's or watch's field-selector terms (AuthorizeWithSelectors, beta and on in v1.32).
    public var fieldSelector: [FieldRequirement] = []

    public init(verb: String, namespace: String = "", apiGroup: String = "", resource: String, subresource: String = "",
                name: String = "")
    {
        self.verb = verb
        self.namespace = namespace
        self.apiGroup = apiGroup
        self.resource = resource
        self.subresource = subresource
        self.name = name
        self.path = nil
    }

    public init(verb: String, path: String) {
        self.verb = verb
        self.namespace = ""
        self.apiGroup = ""
        self.resource = ""
        self.subresource = ""
        self.name = ""
        self.path = path
    }

    public var isResourceRequest: Bool { path == nil }
}
