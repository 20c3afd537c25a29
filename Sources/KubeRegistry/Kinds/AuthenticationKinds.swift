// Resources of the "authentication.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let authenticationV1: [ResourceType] = [
        .builtin(group: "authentication.k8s.io", version: "v1", kind: "SelfSubjectReview", plural: "selfsubjectreviews", namespaced: false, verbs: ["create"],
                 schemaName: "io.k8s.api.authentication.v1.SelfSubjectReview"),
        .builtin(group: "authentication.k8s.io", version: "v1", kind: "TokenReview", plural: "tokenreviews", namespaced: false, verbs: ["create"],
                 schemaName: "io.k8s.api.authentication.v1.TokenReview"),
    ]
}
