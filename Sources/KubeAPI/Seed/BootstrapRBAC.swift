import KubeModel

/// The RBAC objects a v1.32 API server (bootstrap policy) and kubeadm create: the user-facing roles
/// (cluster-admin, admin, edit, view and their aggregation sources), the system:* basics and the roles
/// the control-plane components and add-ons bind to (BootstrapSystemRoles.swift); the per-controller
/// `system:controller:*` roles are in ControllerRoles.swift (seed level 3).
enum BootstrapRBAC {
    typealias Rule = JSONValue
    static let bootstrapLabels: JSONValue = ["kubernetes.io/bootstrapping": "rbac-defaults"]
    static let autoupdate: JSONValue = ["rbac.authorization.kubernetes.io/autoupdate": "true"]

    static func rule(_ groups: [String], _ resources: [String], _ verbs: [String], names: [String] = []) -> Rule {
        var r: JSONValue = ["apiGroups": .array(groups.map { .string($0) })]
        if !names.isEmpty { r["resourceNames"] = .array(names.map { .string($0) }) }
        r["resources"] = .array(resources.map { .string($0) })
        r["verbs"] = .array(verbs.map { .string($0) })
        return r
    }

    static func urls(_ paths: [String], _ verbs: [String] = ["get"]) -> Rule {
        ["nonResourceURLs": .array(paths.map { .string($0) }), "verbs": .array(verbs.map { .string($0) })]
    }

    static let read = ["get", "list", "watch"]
    static let write = ["create", "delete", "deletecollection", "patch", "update"]

    static let aggregateToView: [Rule] = [
        rule([""], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers",
                    "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"], read),
        rule([""], ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status",
                    "resourcequotas", "resourcequotas/status"], read),
        rule([""], ["namespaces"], read),
        rule(["discovery.k8s.io"], ["endpointslices"], read),
        rule(["apps"], ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status",
                        "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"], read),
        rule(["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], read),
        rule(["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], read),
        rule(["extensions"], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "ingresses",
                              "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale", "replicasets/status",
                              "replicationcontrollers/scale"], read),
        rule(["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], read),
        rule(["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"], read),
    ]

    static let aggregateToEdit: [Rule] = [
        rule([""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], read),
        rule([""], ["serviceaccounts"], ["impersonate"]),
        rule([""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], write),
        rule([""], ["pods/eviction"], ["create"]),
        rule([""], ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets",
                    "serviceaccounts", "services", "services/proxy"], write),
        rule([""], ["serviceaccounts/token"], ["create"]),
        rule(["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale",
                        "statefulsets", "statefulsets/scale"], write),
        rule(["autoscaling"], ["horizontalpodautoscalers"], write),
        rule(["batch"], ["cronjobs", "jobs"], write),
        rule(["extensions"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses", "networkpolicies",
                              "replicasets", "replicasets/scale", "replicationcontrollers/scale"], write),
        rule(["policy"], ["poddisruptionbudgets"], write),
        rule(["networking.k8s.io"], ["ingresses", "networkpolicies"], write),
        rule(["coordination.k8s.io"], ["leases"], ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]),
    ]

    static let aggregateToAdmin: [Rule] = [
        rule(["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]),
        rule(["rbac.authorization.k8s.io"], ["rolebindings", "roles"], ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]),
    ]

    static func clusterRole(_ name: String, _ rules: [Rule], labels: JSONValue? = bootstrapLabels, aggregatedFrom: String? = nil,
                            bootstrap: Bool = true) -> JSONValue {
        var meta: JSONValue = ["name": .string(name)]
        if bootstrap { meta["annotations"] = autoupdate }
        if let labels { meta["labels"] = labels }
        var role: JSONValue = ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": meta]
        if let aggregatedFrom {
            role["aggregationRule"] = ["clusterRoleSelectors": [["matchLabels": [.init(stringLiteral: "rbac.authorization.k8s.io/aggregate-to-\(aggregatedFrom)"): "true"]]]]
        }
        role["rules"] = .array(rules)
        return role
    }

    static func subject(_ kind: String, _ name: String, namespace: String? = nil) -> JSONValue {
        if let namespace { return ["kind": .string(kind), "name": .string(name), "namespace": .string(namespace)] }
        return ["apiGroup": "rbac.authorization.k8s.io", "kind": .string(kind), "name": .string(name)]
    }

    static func binding(_ name: String, role: String, _ subjects: [JSONValue], namespace: String? = nil, bootstrap: Bool = true,
                        roleKind: String = "ClusterRole") -> JSONValue {
        var meta: JSONValue = ["name": .string(name)]
        if let namespace { meta["namespace"] = .string(namespace) }
        if bootstrap {
            meta["annotations"] = autoupdate
            meta["labels"] = bootstrapLabels
        }
        var b: JSONValue = ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": namespace == nil ? "ClusterRoleBinding" : "RoleBinding",
                            "metadata": meta,
                            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": .string(roleKind), "name": .string(role)]]
        if !subjects.isEmpty { b["subjects"] = .array(subjects) }
        return b
    }

    static func objects() -> [JSONValue] {
        clusterRoles() + systemComponentRoles() + clusterRoleBindings() + systemComponentBindings() + NamespacedRBAC.objects()
    }
}
