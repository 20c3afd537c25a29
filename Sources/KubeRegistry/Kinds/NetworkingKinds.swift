// Resources of the "networking.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let networkingV1: [ResourceType] = [
        .builtin(group: "networking.k8s.io", version: "v1", kind: "IngressClass", plural: "ingressclasses", namespaced: false,
                 table: IngressColumns.ingressClass,
                 describer: { describeIngressClass($0, $1) },
                 generation: .spec,
                 schemaName: "io.k8s.api.networking.v1.IngressClass"),
        .builtin(group: "networking.k8s.io", version: "v1", kind: "Ingress", plural: "ingresses", namespaced: true, shortNames: ["ing"],
                 table: IngressColumns.ingress,
                 describer: { describeIngress($0, $1) },
                 generation: .spec,
                 schemaName: "io.k8s.api.networking.v1.Ingress"),
        .builtin(group: "networking.k8s.io", version: "v1", kind: "NetworkPolicy", plural: "networkpolicies", namespaced: true, shortNames: ["netpol"],
                 table: SimpleColumns.networkPolicy,
                 describer: { describeNetworkPolicy($0, $1) },
                 generation: .spec,
                 schemaName: "io.k8s.api.networking.v1.NetworkPolicy"),
    ]
}
