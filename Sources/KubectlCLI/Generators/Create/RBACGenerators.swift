import KubeModel

enum RBAC {
    static let validResourceVerbs = ["*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy",
                                     "deletecollection", "use", "bind", "escalate", "impersonate"]
    static let validNonResourceVerbs = ["*", "get", "post", "put", "delete", "patch", "head", "options"]
    /// Verbs that only apply to some resources.
    static let specialVerbs: [String: [(group: String, resource: String)]] = [
        "use": [("policy", "podsecuritypolicies"), ("extensions", "podsecuritypolicies")],
        "bind": [(rbacGroup, "roles"), (rbacGroup, "clusterroles")],
        "escalate": [(rbacGroup, "roles"), (rbacGroup, "clusterroles")],
        "impersonate": [("", "users"), ("", "serviceaccounts"), ("", "groups"), ("authentication.k8s.io", "userextras")],
    ]

    struct Resource { var resource: String; var group: String; var subresource: String }

    static func verbs(_ verbs: [String]) -> [String] {
        var out: [String] = []
        for v in verbs {
            if v == "*" { return ["*"] }
            if !out.contains(v) { out.append(v) }
        }
        return out
    }

    /// The values in their first order, each once (kubectl drops repeated names and URLs).
    static func unique(_ values: [String]) -> [String] {
        var out: [String] = []
        for v in values where !out.contains(v) { out.append(v) }
        return out
    }

    static func resources(_ resources: [String]) -> [Resource] {
        var out: [Resource] = []
        for r in resources {
            let sections = Gen.splitN2(r, "/")
            let parts = Gen.splitN2(sections[0], ".")
            let res = Resource(resource: parts[0], group: parts.count == 2 ? parts[1] : "",
                               subresource: sections.count == 2 ? sections[1] : "")
            if res.resource == "*" && parts.count == 1 && sections.count == 1 { return [res] }
            out.append(res)
        }
        return out
    }

    static func validateResources(_ resources: [Resource], verbs: [String], context: GeneratorContext) throws {
        for r in resources {
            if r.resource.isEmpty { throw CLIError.message("resource must be specified if apiGroup/subresource specified") }
            if r.resource == "*" { return }
            let resolved = context.resolveResource(r.resource, r.group)
            let res = resolved ?? (r.group, r.resource)
            var unresolvedAllowed = false
            for v in verbs {
                if let allowed = specialVerbs[v] {
                    guard allowed.contains(where: { $0.resource == res.resource && $0.group == res.group }) else {
                        throw CLIError.message("can not perform '\(v)' on '\(res.resource)' in group '\(res.group)'")
                    }
                    unresolvedAllowed = true
                }
            }
            if resolved == nil && !unresolvedAllowed {
                throw CLIError.raw("the server doesn't have a resource type \"\(r.resource)\""
                                   + (r.group.isEmpty ? "" : " in group \"\(r.group)\""))
            }
        }
    }

    static func warnVerbs(_ verbs: [String], context: GeneratorContext) {
        for v in verbs where !validResourceVerbs.contains(v) {
            context.warnings.append("Warning: '\(v)' is not a standard resource verb")
        }
    }

    static func rules(verbs: [String], resources: [Resource], resourceNames: [String], nonResourceURLs: [String],
                      context: GeneratorContext) -> [JSONValue]
    {
        var groups: [(String, [String])] = []
        for r in resources {
            var (group, resource) = context.resolveResource(r.resource, r.group) ?? (r.group, r.resource)
            if !r.subresource.isEmpty { resource += "/" + r.subresource }
            if let i = groups.firstIndex(where: { $0.0 == group }) {
                if !groups[i].1.contains(resource) { groups[i].1.append(resource) }
            } else {
                groups.append((group, [resource]))
            }
        }
        var rules: [JSONValue] = []
        for (g, res) in groups.sorted(by: { goStringLess($0.0, $1.0) }) {
            rules.append(Gen.obj([("verbs", Gen.strings(verbs)), ("apiGroups", Gen.strings([g])), ("resources", Gen.strings(res)),
                                  ("resourceNames", resourceNames.isEmpty ? nil : Gen.strings(resourceNames))]))
        }
        if !nonResourceURLs.isEmpty {
            rules.append(Gen.obj([("verbs", Gen.strings(verbs)), ("nonResourceURLs", Gen.strings(nonResourceURLs))]))
        }
        return rules
    }

    /// The `--user`, `--group` and `--serviceaccount` flags of the binding generators.
    struct Subjects {
        var users: [String] = []
        var groups: [String] = []
        var serviceAccounts: [String] = []

        static var flags: [OptionFlag<Self>] {
            [.init(\.groups, "group", .stringArray, usage: "Groups to bind."),
             .init(\.serviceAccounts, "serviceaccount", .stringArray, usage: "Service accounts to bind, as namespace:name."),
             .init(\.users, "user", .stringArray, usage: "Users to bind.")]
        }
    }

    static func subjects(_ subjects: Subjects) throws -> [JSONValue] {
        var s: [JSONValue] = []
        for u in subjects.users {
            s.append(Gen.obj([("kind", "User"), ("apiGroup", .string(rbacGroup)), ("name", .string(u))]))
        }
        for g in subjects.groups {
            s.append(Gen.obj([("kind", "Group"), ("apiGroup", .string(rbacGroup)), ("name", .string(g))]))
        }
        for sa in subjects.serviceAccounts {
            let t = Gen.split(sa, ":")
            if t.count != 2 || t[0].isEmpty || t[1].isEmpty { throw CLIError.message("serviceaccount must be <namespace>:<name>") }
            s.append(Gen.obj([("kind", "ServiceAccount"), ("name", .string(t[1])), ("namespace", .string(t[0]))]))
        }
        return s
    }
}

struct CreateRole: ObjectGenerator {
    var resource: [String] = []
    var resourceName: [String] = []
    var verb: [String] = []

    static var flags: [OptionFlag<Self>] {
        [.init(\.resource, "resource", usage: "Resources the rule applies to."),
         .init(\.resourceName, "resource-name", .stringArray, usage: "Names of the resources the rule is limited to."),
         .init(\.verb, "verb", usage: "Verbs the rule allows.")]
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.requiredName(args, argsLenAtDash)
        let verbs = RBAC.verbs(verb), resources = RBAC.resources(resource)
        if verbs.isEmpty { throw CLIError.message("at least one verb must be specified") }
        RBAC.warnVerbs(verbs, context: context)
        if resources.isEmpty { throw CLIError.message("at least one resource must be specified") }
        try RBAC.validateResources(resources, verbs: verbs, context: context)
        let rules = RBAC.rules(verbs: verbs, resources: resources, resourceNames: RBAC.unique(resourceName),
                               nonResourceURLs: [], context: context)
        return Gen.obj([("kind", "Role"), ("apiVersion", .string(rbacGroup + "/v1")),
                        ("metadata", Gen.meta(name: name, namespace: context.namespace)), ("rules", .array(rules))])
    }
}

struct CreateClusterRole: ObjectGenerator {
    var aggregationRule: [String] = []
    var nonResourceURL: [String] = []
    var resource: [String] = []
    var resourceName: [String] = []
    var verb: [String] = []

    static var flags: [OptionFlag<Self>] {
        [.init(\.aggregationRule, FlagSpec("aggregation-rule", .stringArray, default: "", usage: "Label selector (key=value,...) of cluster roles to aggregate.",
                                           syntax: .mapStringString)),
         .init(\.nonResourceURL, "non-resource-url", usage: "Non-resource URL paths the rule applies to."),
         .init(\.resource, "resource", usage: "Resources the rule applies to."),
         .init(\.resourceName, "resource-name", .stringArray, usage: "Names of the resources the rule is limited to."),
         .init(\.verb, "verb", usage: "Verbs the rule allows.")]
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.requiredName(args, argsLenAtDash)
        let verbs = RBAC.verbs(verb), resources = RBAC.resources(resource)
        let urls = RBAC.unique(nonResourceURL), resourceNames = RBAC.unique(resourceName)
        var agg: [(String, String)] = []
        for (k, v) in aggregationRule.flatMap({ FlagSyntax.mapPairs($0) ?? [] }) {
            agg.removeAll { $0.0 == k }
            agg.append((k, v))
        }
        let meta = Gen.meta(name: name)
        if !agg.isEmpty {
            if !urls.isEmpty || !verbs.isEmpty || !resources.isEmpty || !resourceNames.isEmpty {
                throw CLIError.message("aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames")
            }
            return Gen.obj([("kind", "ClusterRole"), ("apiVersion", .string(rbacGroup + "/v1")), ("metadata", meta),
                            ("rules", .null),
                            ("aggregationRule", ["clusterRoleSelectors": .array([["matchLabels": Gen.sortedMap(agg)]])])])
        }
        if verbs.isEmpty { throw CLIError.message("at least one verb must be specified") }
        if resources.isEmpty && urls.isEmpty { throw CLIError.message("one of resource or nonResourceURL must be specified") }
        if !resources.isEmpty {
            RBAC.warnVerbs(verbs, context: context)
            try RBAC.validateResources(resources, verbs: verbs, context: context)
        }
        if !urls.isEmpty {
            for v in verbs where !RBAC.validNonResourceVerbs.contains(v) {
                throw CLIError.message("invalid verb: '\(v)' for nonResourceURL")
            }
            for u in urls where u != "*" {
                if u.isEmpty || !u.hasPrefix("/") { throw CLIError.message("nonResourceURL should start with /") }
                if u.dropLast().contains("*") {
                    throw CLIError.message("nonResourceURL only supports wildcard matches when '*' is at the end")
                }
            }
        }
        let rules = RBAC.rules(verbs: verbs, resources: resources, resourceNames: resourceNames, nonResourceURLs: urls, context: context)
        return Gen.obj([("kind", "ClusterRole"), ("apiVersion", .string(rbacGroup + "/v1")), ("metadata", meta),
                        ("rules", .array(rules))])
    }
}

struct CreateRoleBinding: ObjectGenerator {
    var clusterRole = ""
    var role = ""
    var subjects = RBAC.Subjects()

    static var flags: [OptionFlag<Self>] {
        [.init(\.clusterRole, "clusterrole", usage: "ClusterRole to bind."),
         .init(\.role, "role", usage: "Role to bind.")] + RBAC.Subjects.flags.map { $0.lifted(\.subjects) }
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.requiredName(args, argsLenAtDash)
        if role.isEmpty == clusterRole.isEmpty { throw CLIError.message("exactly one of clusterrole or role must be specified") }
        let subjects = try RBAC.subjects(self.subjects)
        let ref = Gen.obj([("apiGroup", .string(rbacGroup)), ("kind", role.isEmpty ? "ClusterRole" : "Role"),
                           ("name", .string(role.isEmpty ? clusterRole : role))])
        return Gen.obj([("kind", "RoleBinding"), ("apiVersion", .string(rbacGroup + "/v1")),
                        ("metadata", Gen.meta(name: name, namespace: context.namespace)),
                        ("subjects", subjects.isEmpty ? nil : .array(subjects)), ("roleRef", ref)])
    }
}

struct CreateClusterRoleBinding: ObjectGenerator {
    var clusterRole = ""
    var subjects = RBAC.Subjects()

    static var flags: [OptionFlag<Self>] {
        [.init(\.clusterRole, "clusterrole", usage: "ClusterRole to bind.", required: true)] + RBAC.Subjects.flags.map { $0.lifted(\.subjects) }
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let subjects = try RBAC.subjects(self.subjects)
        let ref = Gen.obj([("apiGroup", .string(rbacGroup)), ("kind", "ClusterRole"), ("name", .string(clusterRole))])
        return Gen.obj([("kind", "ClusterRoleBinding"), ("apiVersion", .string(rbacGroup + "/v1")),
                        ("metadata", Gen.meta(name: name)),
                        ("subjects", subjects.isEmpty ? nil : .array(subjects)), ("roleRef", ref)])
    }
}
