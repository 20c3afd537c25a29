// Resources of the "node.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let nodeV1: [ResourceType] = [
        .builtin(group: "node.k8s.io", version: "v1", kind: "RuntimeClass", plural: "runtimeclasses", namespaced: false,
                 table: SimpleColumns.runtimeClass,
                 schemaName: "io.k8s.api.node.v1.RuntimeClass"),
    ]
}
