import KubeModel

/// `kubectl describe role` / `clusterrole`: the rules broken down to one group, resource, verb and
/// resource name each, then merged back per (group, resource, resource name) with their verbs, and
/// sorted by the Go text of each rule (verbs first), as kubectl's describer prints them.
func describeRole(_ role: JSONValue, _ ctx: DescribeContext) -> String {
    let rules = compactRules(role["rules"].arr.flatMap(breakdownRule))
        .sorted { goStringLess($0.sortKey, $1.sortKey) }
    return tabbed { w in
        w.write(L0, "Name:\t\(role.name)\n")
        printLabels(w, "Labels", role.labels)
        printAnnotations(w, "Annotations", role.annotations)
        w.write(L0, "PolicyRule:\n")
        w.write(L1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n")
        w.write(L1, "---------\t-----------------\t--------------\t-----\n")
        for r in rules {
            w.write(L1, "\(r.combinedResource)\t\(goList(r.nonResourceURLs))\t\(goList(r.resourceNames))\t\(goList(r.verbs))\n")
        }
    }
}

/// One policy rule as typed lists.
struct SimpleRule {
    var apiGroups: [String] = []
    var resources: [String] = []
    var resourceNames: [String] = []
    var nonResourceURLs: [String] = []
    var verbs: [String] = []

    /// The rule's generated Go `String()`, which kubectl sorts by.
    var sortKey: String {
        "&PolicyRule{Verbs:\(goList(verbs)),APIGroups:\(goList(apiGroups)),Resources:\(goList(resources)),"
            + "ResourceNames:\(goList(resourceNames)),NonResourceURLs:\(goList(nonResourceURLs)),}"
    }

    /// `resource.group/subresource` (no group for the core group).
    var combinedResource: String {
        guard let first = resources.first else { return "" }
        let parts = first.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        var out = String(parts[0])
        if let g = apiGroups.first, !g.isEmpty { out += "." + g }
        if parts.count == 2 { out += "/" + parts[1] }
        return out
    }
}

private func goList(_ items: [String]) -> String { "[" + items.joined(separator: " ") + "]" }

/// One rule per group × resource × verb (× resource name), then one per non-resource URL × verb.
private func breakdownRule(_ rule: JSONValue) -> [SimpleRule] {
    let strings: (String) -> [String] = { key in rule[key].arr.map { $0.str } }
    let groups = strings("apiGroups"), resources = strings("resources"), verbs = strings("verbs")
    let names = strings("resourceNames"), urls = strings("nonResourceURLs")
    var out: [SimpleRule] = []
    for g in groups {
        for r in resources {
            for v in verbs {
                if names.isEmpty {
                    out.append(SimpleRule(apiGroups: [g], resources: [r], verbs: [v]))
                } else {
                    out += names.map { SimpleRule(apiGroups: [g], resources: [r], resourceNames: [$0], verbs: [v]) }
                }
            }
        }
    }
    for u in urls {
        out += verbs.map { SimpleRule(nonResourceURLs: [u], verbs: [$0]) }
    }
    return out
}

/// Resource rules that differ only by verb become one rule with the verbs in first-seen order.
private func compactRules(_ rules: [SimpleRule]) -> [SimpleRule] {
    var compacted: [SimpleRule] = []
    var merged: [SimpleRule] = []
    var index: [String: Int] = [:]
    for rule in rules {
        guard rule.nonResourceURLs.isEmpty, let g = rule.apiGroups.first, let r = rule.resources.first else {
            compacted.append(rule)
            continue
        }
        let key = "\(g)\u{0}\(r)\u{0}\(rule.resourceNames.isEmpty ? "-" : "+" + rule.resourceNames[0])"
        if let i = index[key] {
            for v in rule.verbs where !merged[i].verbs.contains(v) { merged[i].verbs.append(v) }
        } else {
            index[key] = merged.count
            merged.append(rule)
        }
    }
    return compacted + merged
}

/// `kubectl describe rolebinding` / `clusterrolebinding` (no events).
func describeRoleBinding(_ b: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(b.name)\n")
        printLabels(w, "Labels", b.labels)
        printAnnotations(w, "Annotations", b.annotations)
        w.write(L0, "Role:\n")
        w.write(L1, "Kind:\t\(b["roleRef"]["kind"].str)\n")
        w.write(L1, "Name:\t\(b["roleRef"]["name"].str)\n")
        w.write(L0, "Subjects:\n")
        w.write(L1, "Kind\tName\tNamespace\n")
        w.write(L1, "----\t----\t---------\n")
        for s in b["subjects"].arr { w.write(L1, "\(s["kind"].str)\t\(s["name"].str)\t\(s["namespace"].str)\n") }
    }
}
