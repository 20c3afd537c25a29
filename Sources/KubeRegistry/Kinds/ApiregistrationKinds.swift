// Resources of the "apiregistration.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let apiregistrationV1: [ResourceType] = [
        .builtin(group: "apiregistration.k8s.io", version: "v1", kind: "APIService", plural: "apiservices", namespaced: false, categories: ["api-extensions"],
                 table: APIServiceColumns.printer,
                 nameRule: .pathSegment,
                 schemaName: "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService"),
    ]
}
