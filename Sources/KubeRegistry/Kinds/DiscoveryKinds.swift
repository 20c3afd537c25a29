// Resources of the "discovery.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let discoveryV1: [ResourceType] = [
        .builtin(group: "discovery.k8s.io", version: "v1", kind: "EndpointSlice", plural: "endpointslices", namespaced: true,
                 table: EndpointsColumns.endpointSlice,
                 describer: { describeEndpointSlice($0, $1) },
                 schemaName: "io.k8s.api.discovery.v1.EndpointSlice"),
    ]
}
