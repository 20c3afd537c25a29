// Resources of the "rbac.authorization.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let rbacAuthorizationV1: [KindData] = [
        KindData("ClusterRoleBinding", "clusterrolebindings", namespaced: false, schema: "io.k8s.api.rbac.v1.ClusterRoleBinding"),
        KindData("ClusterRole", "clusterroles", namespaced: false, schema: "io.k8s.api.rbac.v1.ClusterRole"),
        KindData("RoleBinding", "rolebindings", namespaced: true, schema: "io.k8s.api.rbac.v1.RoleBinding"),
        KindData("Role", "roles", namespaced: true, schema: "io.k8s.api.rbac.v1.Role"),
    ]
}
