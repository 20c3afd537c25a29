// Resources of the "discovery.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let discoveryV1: [KindData] = [
        KindData("EndpointSlice", "endpointslices", namespaced: true, schema: "io.k8s.api.discovery.v1.EndpointSlice"),
    ]
}
