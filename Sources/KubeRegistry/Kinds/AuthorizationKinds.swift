// Resources of the "authorization.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let authorizationV1: [ResourceType] = [
        .builtin(group: "authorization.k8s.io", version: "v1", kind: "LocalSubjectAccessReview", plural: "localsubjectaccessreviews", namespaced: true, verbs: ["create"],
                 schemaName: "io.k8s.api.authorization.v1.LocalSubjectAccessReview"),
        .builtin(group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectAccessReview", plural: "selfsubjectaccessreviews", namespaced: false, verbs: ["create"],
                 schemaName: "io.k8s.api.authorization.v1.SelfSubjectAccessReview"),
        .builtin(group: "authorization.k8s.io", version: "v1", kind: "SelfSubjectRulesReview", plural: "selfsubjectrulesreviews", namespaced: false, verbs: ["create"],
                 schemaName: "io.k8s.api.authorization.v1.SelfSubjectRulesReview"),
        .builtin(group: "authorization.k8s.io", version: "v1", kind: "SubjectAccessReview", plural: "subjectaccessreviews", namespaced: false, verbs: ["create"],
                 schemaName: "io.k8s.api.authorization.v1.SubjectAccessReview"),
    ]
}
