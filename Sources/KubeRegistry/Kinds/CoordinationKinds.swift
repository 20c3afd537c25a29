// Resources of the "coordination.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let coordinationV1: [ResourceType] = [
        .builtin(group: "coordination.k8s.io", version: "v1", kind: "Lease", plural: "leases", namespaced: true,
                 table: SimpleColumns.lease,
                 schemaName: "io.k8s.api.coordination.v1.Lease"),
    ]
}
