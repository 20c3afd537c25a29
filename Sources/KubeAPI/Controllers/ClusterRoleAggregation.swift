import KubeModel
import KubeRegistry

/// The cluster-role aggregation controller of kube-controller-manager: a ClusterRole with an
/// `aggregationRule` gets the rules of every other ClusterRole its selectors match (in name order,
/// each distinct rule once); it runs whenever a ClusterRole changes.
extension ControllerManager {
    func aggregateClusterRoles() throws {
        guard let type = s.registry.type(group: "rbac.authorization.k8s.io", plural: "clusterroles") else { return }
        let roles = try s.tx.list(resource: type.storageKey, namespace: nil, fields: []).map(s.decode)
        for role in roles where !role["aggregationRule"].isNull {
            let rules = aggregatedRules(of: role, from: roles)
            if role["rules"] == .array(rules) { continue }
            var updated = role
            updated["rules"] = .array(rules)
            try s.update(updated, type: type)
            // The update ran this controller again for the roles that aggregate this one.
            return
        }
    }

    func aggregatedRules(of role: JSONValue, from roles: [JSONValue]) -> [JSONValue] {
        let name = role["metadata"]["name"].string ?? ""
        var rules: [JSONValue] = []
        for term in role["aggregationRule"]["clusterRoleSelectors"].array ?? [] {
            guard let selector = try? LabelSelector(from: term) else { continue }
            for other in roles where other["metadata"]["name"].string != name && selector.matches(labels: other["metadata"]["labels"]) {
                for rule in other["rules"].array ?? [] where !rules.contains(rule) { rules.append(rule) }
            }
        }
        return rules
    }
}
