import KubeModel

/// RBAC policy rules as kubectl shows them (`auth can-i --list`, role describers): every rule broken
/// down into one verb × group × resource × name, the single-resource pieces merged again per
/// group/resource/name (their verbs appended in order), sorted by the rule's Go `String()` form.
public struct PolicyRule: Sendable, Equatable {
    public var verbs: [String]
    public var apiGroups: [String]
    public var resources: [String]
    public var resourceNames: [String]
    public var nonResourceURLs: [String]

    public init(verbs: [String] = [], apiGroups: [String] = [], resources: [String] = [], resourceNames: [String] = [],
                nonResourceURLs: [String] = [])
    {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
    }

    /// A rule of a Role, ClusterRole or rules review.
    public init(_ json: JSONValue) {
        func strings(_ key: String) -> [String] { (json[key].array ?? []).compactMap(\.string) }
        self.init(verbs: strings("verbs"), apiGroups: strings("apiGroups"), resources: strings("resources"),
                  resourceNames: strings("resourceNames"), nonResourceURLs: strings("nonResourceURLs"))
    }

    /// Go's `%v` of a string slice: `[a b]`.
    public static func list(_ v: [String]) -> String { "[" + v.joined(separator: " ") + "]" }

    /// Go's `%+v` of an rbac/v1 PolicyRule.
    public var goDescription: String {
        "{Verbs:\(Self.list(verbs)) APIGroups:\(Self.list(apiGroups)) Resources:\(Self.list(resources)) "
            + "ResourceNames:\(Self.list(resourceNames)) NonResourceURLs:\(Self.list(nonResourceURLs))}"
    }

    /// The generated protobuf `String()` kubectl sorts by.
    var sortKey: String {
        "&PolicyRule{Verbs:\(Self.list(verbs)),APIGroups:\(Self.list(apiGroups)),Resources:\(Self.list(resources)),"
            + "ResourceNames:\(Self.list(resourceNames)),NonResourceURLs:\(Self.list(nonResourceURLs)),}"
    }

    /// One rule per verb, group, resource and name; non-resource URLs one per URL and verb.
    public var brokenDown: [PolicyRule] {
        var out: [PolicyRule] = []
        for group in apiGroups {
            for resource in resources {
                for verb in verbs {
                    if resourceNames.isEmpty {
                        out.append(PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource]))
                    } else {
                        out += resourceNames.map { PolicyRule(verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [$0]) }
                    }
                }
            }
        }
        for url in nonResourceURLs {
            out += verbs.map { PolicyRule(verbs: [$0], nonResourceURLs: [url]) }
        }
        return out
    }

    /// `resource.group/subresource` as kubectl's describe prints a rule's first resource.
    public var resourceColumn: String {
        guard let first = resources.first else { return "" }
        let parts = first.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        var out = String(parts[0])
        if let group = apiGroups.first, !group.isEmpty { out += "." + group }
        if parts.count == 2 { out += "/" + parts[1] }
        return out
    }

    /// The resource, non-resource URL, resource name and verb cells.
    public var cells: [String] {
        [resourceColumn, Self.list(nonResourceURLs), Self.list(resourceNames), Self.list(verbs)]
    }

    /// kubectl's BreakdownRule, CompactRules and stable sort, in that order.
    public static func compacted(_ rules: [PolicyRule]) -> [PolicyRule] {
        var other: [PolicyRule] = []
        var simple: [PolicyRule] = []
        var index: [String: Int] = [:]
        for rule in rules.flatMap(\.brokenDown) {
            guard rule.resourceNames.count <= 1, rule.nonResourceURLs.isEmpty, rule.apiGroups.count == 1, rule.resources.count == 1 else {
                other.append(rule)
                continue
            }
            let key = [rule.apiGroups[0], rule.resources[0], rule.resourceNames.isEmpty ? "" : "1", rule.resourceNames.first ?? ""]
                .joined(separator: "\u{0}")
            if let i = index[key] { simple[i].verbs += rule.verbs } else {
                index[key] = simple.count
                simple.append(rule)
            }
        }
        let all = other + simple
        return all.enumerated().sorted { a, b in
            let ka = a.element.sortKey, kb = b.element.sortKey
            return ka != kb ? ka.utf8.lexicographicallyPrecedes(kb.utf8) : a.offset < b.offset
        }.map(\.element)
    }
}
