// Resources of the "flowcontrol.apiserver.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let flowcontrolV1: [KindData] = [
        KindData("FlowSchema", "flowschemas", namespaced: false, schema: "io.k8s.api.flowcontrol.v1.FlowSchema"),
        KindData("PriorityLevelConfiguration", "prioritylevelconfigurations", namespaced: false, schema: "io.k8s.api.flowcontrol.v1.PriorityLevelConfiguration"),
    ]
}
