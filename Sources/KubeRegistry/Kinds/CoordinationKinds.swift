// Resources of the "coordination.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let coordinationV1: [KindData] = [
        KindData("Lease", "leases", namespaced: true, schema: "io.k8s.api.coordination.v1.Lease"),
    ]
}
