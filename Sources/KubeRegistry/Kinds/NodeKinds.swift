// Resources of the "node.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let nodeV1: [KindData] = [
        KindData("RuntimeClass", "runtimeclasses", namespaced: false, schema: "io.k8s.api.node.v1.RuntimeClass"),
    ]
}
