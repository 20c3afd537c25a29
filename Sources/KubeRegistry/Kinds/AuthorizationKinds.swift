// Resources of the "authorization.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let authorizationV1: [KindData] = [
        KindData("LocalSubjectAccessReview", "localsubjectaccessreviews", namespaced: true, verbs: ["create"], schema: "io.k8s.api.authorization.v1.LocalSubjectAccessReview"),
        KindData("SelfSubjectAccessReview", "selfsubjectaccessreviews", namespaced: false, verbs: ["create"], schema: "io.k8s.api.authorization.v1.SelfSubjectAccessReview"),
        KindData("SelfSubjectRulesReview", "selfsubjectrulesreviews", namespaced: false, verbs: ["create"], schema: "io.k8s.api.authorization.v1.SelfSubjectRulesReview"),
        KindData("SubjectAccessReview", "subjectaccessreviews", namespaced: false, verbs: ["create"], schema: "io.k8s.api.authorization.v1.SubjectAccessReview"),
    ]
}
