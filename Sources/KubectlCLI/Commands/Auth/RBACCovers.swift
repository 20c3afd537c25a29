import KubeRegistry

/// RBAC's `Covers`: which pieces of `servant` rules the `owner` rules do not grant (kubectl auth
/// reconcile reports and adds them), each piece one verb × group × resource × name.
extension PolicyRule {
    static func uncovered(_ servant: [PolicyRule], by owner: [PolicyRule]) -> [PolicyRule] {
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

    /// Go's `%+v` of an rbac/v1 PolicyRule.
    var goDescription: String {
        "{Verbs:\(Self.list(verbs)) APIGroups:\(Self.list(apiGroups)) Resources:\(Self.list(resources)) "
            + "ResourceNames:\(Self.list(resourceNames)) NonResourceURLs:\(Self.list(nonResourceURLs))}"
    }
}
