import KubeModel
import KubeRegistry

/// RBAC reconciliation (upstream's component-helpers `rbac/reconciliation`, which the API server's
/// bootstrap policy and `kubectl auth reconcile` share) of one Role, ClusterRole, RoleBinding or
/// ClusterRoleBinding against the stored one, in one API session.
public struct RBACReconciler {
    let session: APISession
    /// False for --dry-run: compute, change nothing.
    let confirm: Bool
    let removeExtraPermissions: Bool
    let removeExtraSubjects: Bool

    public init(session: APISession, confirm: Bool, removeExtraPermissions: Bool, removeExtraSubjects: Bool) {
        self.session = session
        self.confirm = confirm
        self.removeExtraPermissions = removeExtraPermissions
        self.removeExtraSubjects = removeExtraSubjects
    }

    public struct Outcome {
        public var object: JSONValue
        /// create, update or recreate; nil when nothing needs to change.
        public var operation: String?
        public var protected = false
        public var missingRules: [PolicyRule] = []
        public var extraRules: [PolicyRule] = []
        public var missingSubjects: [JSONValue] = []
        public var extraSubjects: [JSONValue] = []
    }

    public func reconcile(_ expected: JSONValue, type: ResourceType) throws -> Outcome {
        let ns = type.namespaced ? expected["metadata"]["namespace"].string ?? "" : ""
        let name = expected["metadata"]["name"].string ?? ""
        let binding = type.plural.hasSuffix("bindings")
        var outcome: Outcome
        if let existing = try session.find(type, namespace: ns, name: name) {
            outcome = binding ? reconcileBinding(existing, expected) : reconcileRole(existing, expected)
        } else {
            outcome = Outcome(object: expected, operation: "create")
            if binding { outcome.missingSubjects = expected["subjects"].array ?? [] } else { outcome.missingRules = Self.rules(expected) }
        }
        guard confirm, let operation = outcome.operation, !outcome.protected else { return outcome }
        switch operation {
        case "create":
            if type.namespaced { try ensureNamespace(ns) }
            outcome.object = try session.create(outcome.object, type: type, namespace: ns)
        case "recreate":
            try session.delete(type, namespace: ns, name: name)
            outcome.object = try session.create(outcome.object, type: type, namespace: ns)
        default:
            outcome.object = try session.update(outcome.object, type: type)
        }
        return outcome
    }

    private func ensureNamespace(_ ns: String) throws {
        guard let nsType = session.registry.type(group: "", plural: "namespaces"),
              try session.find(nsType, namespace: "", name: ns) == nil else { return }
        try session.create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(ns)]], type: nsType, namespace: "")
    }

    static func rules(_ role: JSONValue) -> [PolicyRule] { (role["rules"].array ?? []).map { PolicyRule($0) } }

    /// Labels and annotations: the stored values win, the expected ones are added.
    private func mergeMetadata(_ result: inout Outcome, _ existing: JSONValue, _ expected: JSONValue) {
        for key in ["annotations", "labels"] {
            var merged = expected["metadata"][key].object ?? JSONObject()
            for (k, v) in existing["metadata"][key].object ?? JSONObject() { merged[k] = v }
            let value: JSONValue = merged.isEmpty && existing["metadata"][key].isNull ? .null : .object(merged)
            if value != existing["metadata"][key] {
                result.object["metadata"][key] = value
                result.operation = "update"
            }
        }
    }

    private func reconcileRole(_ existing: JSONValue, _ expected: JSONValue) -> Outcome {
        var result = Outcome(object: existing)
        result.protected = existing["metadata"]["annotations"]["rbac.authorization.kubernetes.io/autoupdate"].string == "false"
        mergeMetadata(&result, existing, expected)
        let have = Self.rules(existing), want = Self.rules(expected)
        if expected["aggregationRule"].isNull || existing["aggregationRule"].isNull {
            result.extraRules = PolicyRule.uncovered(have, by: want)
        }
        result.missingRules = PolicyRule.uncovered(want, by: have)
        if !removeExtraPermissions && !result.missingRules.isEmpty {
            result.object["rules"] = .array((existing["rules"].array ?? []) + result.missingRules.map(\.json))
            result.operation = "update"
        } else if removeExtraPermissions && !(result.missingRules.isEmpty && result.extraRules.isEmpty) {
            result.object["rules"] = expected["rules"].isNull ? .array([]) : expected["rules"]
            result.operation = "update"
        }
        let haveSelectors = existing["aggregationRule"]["clusterRoleSelectors"].array ?? []
        let wantSelectors = expected["aggregationRule"]["clusterRoleSelectors"].array ?? []
        let missing = wantSelectors.filter { !haveSelectors.contains($0) }
        let extra = haveSelectors.filter { !wantSelectors.contains($0) }
        if !removeExtraPermissions && !missing.isEmpty {
            result.object["aggregationRule"] = ["clusterRoleSelectors": .array(haveSelectors + missing)]
            result.operation = "update"
        } else if removeExtraPermissions && !(missing.isEmpty && extra.isEmpty) {
            result.object["aggregationRule"] = expected["aggregationRule"]
            result.operation = "update"
        }
        return result
    }

    private func reconcileBinding(_ existing: JSONValue, _ expected: JSONValue) -> Outcome {
        let protected = existing["metadata"]["annotations"]["rbac.authorization.kubernetes.io/autoupdate"].string == "false"
        if Self.roleRef(existing) != Self.roleRef(expected) {
            return Outcome(object: expected, operation: "recreate", protected: protected)
        }
        var result = Outcome(object: existing, protected: protected)
        mergeMetadata(&result, existing, expected)
        let have = existing["subjects"].array ?? [], want = expected["subjects"].array ?? []
        result.missingSubjects = want.filter { w in !have.contains { Self.sameSubject($0, w) } }
        result.extraSubjects = have.filter { h in !want.contains { Self.sameSubject($0, h) } }
        if !removeExtraSubjects && !result.missingSubjects.isEmpty {
            result.object["subjects"] = .array(have + result.missingSubjects)
            result.operation = "update"
        } else if removeExtraSubjects && !(result.missingSubjects.isEmpty && result.extraSubjects.isEmpty) {
            result.object["subjects"] = .array(want)
            result.operation = "update"
        }
        return result
    }

    static func roleRef(_ b: JSONValue) -> [String] {
        ["apiGroup", "kind", "name"].map { b["roleRef"][$0].string ?? "" }
    }

    static func sameSubject(_ a: JSONValue, _ b: JSONValue) -> Bool {
        ["kind", "apiGroup", "name", "namespace"].allSatisfy { (a[$0].string ?? "") == (b[$0].string ?? "") }
    }

    /// Go's `%+v` of an rbac/v1 Subject.
    public static func goSubject(_ s: JSONValue) -> String {
        "{Kind:\(s["kind"].string ?? "") APIGroup:\(s["apiGroup"].string ?? "") Name:\(s["name"].string ?? "") Namespace:\(s["namespace"].string ?? "")}"
    }
}

extension PolicyRule {
    /// The rule as an object of a Role's `rules`.
    var json: JSONValue {
        var o = JSONObject()
        func put(_ key: String, _ v: [String]) { if !v.isEmpty { o[key] = .array(v.map { .string($0) }) } }
        put("apiGroups", apiGroups)
        put("nonResourceURLs", nonResourceURLs)
        put("resourceNames", resourceNames)
        put("resources", resources)
        o["verbs"] = .array(verbs.map { .string($0) })
        return .object(o)
    }
}

/// RBAC's `Covers`: which pieces of `servant` rules the `owner` rules do not grant (kubectl auth
/// reconcile reports and adds them), each piece one verb × group × resource × name.
extension PolicyRule {
    public static func uncovered(_ servant: [PolicyRule], by owner: [PolicyRule]) -> [PolicyRule] {
        servant.flatMap(\.brokenDown).filter { sub in !owner.contains { $0.covers(sub) } }
    }

    func covers(_ sub: PolicyRule) -> Bool {
        func hasAll(_ set: [String], _ items: [String]) -> Bool { items.allSatisfy(set.contains) }
        let verbs = verbs.contains("*") || hasAll(verbs, sub.verbs)
        let groups = apiGroups.contains("*") || hasAll(apiGroups, sub.apiGroups)
        let names = resourceNames.isEmpty || (!sub.resourceNames.isEmpty && hasAll(resourceNames, sub.resourceNames))
        return verbs && groups && names && resourcesCover(sub.resources) && urlsCover(sub.nonResourceURLs)
    }

    private func resourcesCover(_ wanted: [String]) -> Bool {
        if resources.contains("*") { return true }
        return wanted.allSatisfy { path in
            if resources.contains(path) { return true }
            guard let slash = path.firstIndex(of: "/") else { return false }
            return resources.contains("*" + path[slash...])
        }
    }

    private func urlsCover(_ wanted: [String]) -> Bool {
        wanted.allSatisfy { path in
            nonResourceURLs.contains { owner in
                var prefix = Substring(owner)
                while prefix.hasSuffix("*") { prefix = prefix.dropLast() }
                return owner == path || (owner.hasSuffix("*") && path.hasPrefix(prefix))
            }
        }
    }
}
