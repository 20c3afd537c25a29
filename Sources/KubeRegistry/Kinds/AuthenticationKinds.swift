// Resources of the "authentication.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let authenticationV1: [KindData] = [
        KindData("SelfSubjectReview", "selfsubjectreviews", namespaced: false, verbs: ["create"], schema: "io.k8s.api.authentication.v1.SelfSubjectReview"),
        KindData("TokenReview", "tokenreviews", namespaced: false, verbs: ["create"], schema: "io.k8s.api.authentication.v1.TokenReview"),
    ]
}
