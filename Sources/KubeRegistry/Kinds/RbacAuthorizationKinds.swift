// Resources of the "rbac.authorization.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let rbacAuthorizationV1: [ResourceType] = [
        .builtin(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRoleBinding", plural: "clusterrolebindings", namespaced: false,
                 table: RBACColumns.binding,
                 describer: { describeRoleBinding($0, $1) },
                 nameRule: .pathSegment,
                 schemaName: "io.k8s.api.rbac.v1.ClusterRoleBinding"),
        .builtin(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole", plural: "clusterroles", namespaced: false,
                 describer: { describeRole($0, $1) },
                 nameRule: .pathSegment,
                 schemaName: "io.k8s.api.rbac.v1.ClusterRole"),
        .builtin(group: "rbac.authorization.k8s.io", version: "v1", kind: "RoleBinding", plural: "rolebindings", namespaced: true,
                 table: RBACColumns.binding,
                 describer: { describeRoleBinding($0, $1) },
                 nameRule: .pathSegment,
                 schemaName: "io.k8s.api.rbac.v1.RoleBinding"),
        .builtin(group: "rbac.authorization.k8s.io", version: "v1", kind: "Role", plural: "roles", namespaced: true,
                 describer: { describeRole($0, $1) },
                 nameRule: .pathSegment,
                 schemaName: "io.k8s.api.rbac.v1.Role"),
    ]
}
