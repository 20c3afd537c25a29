// Resources of the "networking.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let networkingV1: [KindData] = [
        KindData("IngressClass", "ingressclasses", namespaced: false, schema: "io.k8s.api.networking.v1.IngressClass"),
        KindData("Ingress", "ingresses", namespaced: true, shortNames: ["ing"], schema: "io.k8s.api.networking.v1.Ingress"),
        KindData("NetworkPolicy", "networkpolicies", namespaced: true, shortNames: ["netpol"], schema: "io.k8s.api.networking.v1.NetworkPolicy"),
    ]
}
