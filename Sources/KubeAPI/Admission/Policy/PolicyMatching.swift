import KubeModel
import KubeRegistry

/// A request as admission policies see it (the API server's admission attributes).
struct PolicyAttributes {
    /// `CREATE`, `UPDATE` or `DELETE`.
    var operation: String
    var type: ResourceType
    /// The version the request was made in (the object's apiVersion; the type's for a delete).
    var version: String
    var subresource: String
    /// The request namespace: a Namespace object's own name for a request about a namespace.
    var namespace: String
    /// The name the request gives (empty for a create by generateName).
    var name: String
    /// The new object (null on delete) and the stored one (null on create).
    var object: JSONValue
    var oldObject: JSONValue
    var dryRun: Bool

    var group: String { type.group }
    var resource: String { type.plural }
    var isNamespaceObject: Bool { type.group.isEmpty && type.plural == "namespaces" }
    /// The name a refusal names: the request's, else the object's (generated) name.
    var refusedName: String {
        if !name.isEmpty { return name }
        let o = object.isNull ? oldObject : object
        return o["metadata"]["name"].string ?? o["metadata"]["generateName"].string ?? "Unknown"
    }
}

/// Which requests a policy's `matchConstraints` or a binding's `matchResources` select (v1.32
/// `matching.Matcher.Matches`): the namespace selector, the object selector, then the excluded and the
/// included resource rules; `matchPolicy: Equivalent` also tries the other versions of the resource.
enum PolicyMatching {
    static func matches(_ m: JSONValue, _ a: PolicyAttributes, isBinding: Bool, session s: APISession) throws -> Bool {
        guard try namespaceMatches(m["namespaceSelector"], a, session: s) else { return false }
        guard objectMatches(m["objectSelector"], a) else { return false }
        let equivalent = m["matchPolicy"].string != "Exact"
        if rulesMatch(m["excludeResourceRules"].array ?? [], a, equivalent: equivalent, session: s) { return false }
        if isBinding && m["resourceRules"].array == nil { return true }
        return rulesMatch(m["resourceRules"].array ?? [], a, equivalent: equivalent, session: s)
    }

    /// A cluster-scoped request other than a namespace's always matches; a namespace is matched by its own
    /// labels on create and update, else by the stored namespace's.
    static func namespaceMatches(_ selector: JSONValue, _ a: PolicyAttributes, session s: APISession) throws -> Bool {
        if a.namespace.isEmpty && !a.isNamespaceObject { return true }
        guard let sel = try? LabelSelector(from: selector.isNull ? [:] : selector) else { return false }
        if sel.isEmpty { return true }
        let labels: JSONValue
        if a.isNamespaceObject && a.subresource.isEmpty && (a.operation == "CREATE" || a.operation == "UPDATE") {
            labels = a.object["metadata"]["labels"]
        } else {
            labels = try s.namespaceObject(a.namespace)?["metadata"]["labels"] ?? .null
        }
        return sel.matches(labels: labels)
    }

    /// The object's or the stored object's labels match.
    static func objectMatches(_ selector: JSONValue, _ a: PolicyAttributes) -> Bool {
        guard let sel = try? LabelSelector(from: selector.isNull ? [:] : selector) else { return false }
        if sel.isEmpty { return true }
        return [a.object, a.oldObject].contains { !$0.isNull && sel.matches(labels: $0["metadata"]["labels"]) }
    }

    static func rulesMatch(_ rules: [JSONValue], _ a: PolicyAttributes, equivalent: Bool, session s: APISession) -> Bool {
        if rules.contains(where: { ruleMatches($0, a, version: a.version) }) { return true }
        // Another version can only help a rule that matches but for the version (the registry is read then).
        guard equivalent, rules.contains(where: { ruleMatches($0, a, version: nil) }) else { return false }
        let others = equivalentVersions(a, registry: s.registry)
        return others.contains { v in rules.contains { ruleMatches($0, a, version: v) } }
    }

    /// The other versions the same group and resource are served in.
    static func equivalentVersions(_ a: PolicyAttributes, registry: Registry) -> [String] {
        var versions = registry.types.filter { $0.group == a.group && $0.plural == a.resource }.map(\.version)
        if a.group == "autoscaling" && a.resource == "horizontalpodautoscalers" { versions += ["v1", "v2"] }
        var seen: Set<String> = [a.version]
        return versions.filter { seen.insert($0).inserted }
    }

    /// One `NamedRuleWithOperations` (webhook `rules.Matcher` plus resourceNames).
    /// (A nil `version` leaves the rule's apiVersions out.)
    static func ruleMatches(_ r: JSONValue, _ a: PolicyAttributes, version: String?) -> Bool {
        func has(_ key: String, _ value: String) -> Bool {
            let list = (r[key].array ?? []).compactMap(\.string)
            return list.contains("*") || list.contains(value)
        }
        guard has("operations", a.operation), has("apiGroups", a.group), version.map({ has("apiVersions", $0) }) ?? true else { return false }
        guard resourceMatches((r["resources"].array ?? []).compactMap(\.string), a) else { return false }
        guard scopeMatches(r["scope"].string, a) else { return false }
        let names = (r["resourceNames"].array ?? []).compactMap(\.string)
        return names.isEmpty || names.contains(a.name)
    }

    /// `resource` or `resource/subresource`, either part `*`; without a `/` the request has no subresource.
    static func resourceMatches(_ resources: [String], _ a: PolicyAttributes) -> Bool {
        resources.contains { r in
            let parts = r.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let res = parts[0], sub = parts.count > 1 ? parts[1] : ""
            return (res == "*" || res == a.resource) && (sub == "*" || sub == a.subresource)
        }
    }

    /// `*` (or none) matches all; `Cluster` cluster-scoped requests and namespaces; `Namespaced` the rest.
    static func scopeMatches(_ scope: String?, _ a: PolicyAttributes) -> Bool {
        switch scope {
        case nil, "*": return true
        case "Namespaced": return !a.isNamespaceObject && !a.namespace.isEmpty
        case "Cluster": return a.isNamespaceObject || a.namespace.isEmpty
        default: return false
        }
    }
}

extension APISession {
    /// The stored namespace (nil when there is none).
    func namespaceObject(_ name: String) throws -> JSONValue? {
        guard !name.isEmpty, let t = registry.type(group: "", kind: "Namespace") else { return nil }
        return try stored(t, namespace: "", name: name)?.object
    }
}
