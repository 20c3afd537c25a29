// Resources of the "policy" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let policyV1: [KindData] = [
        KindData("PodDisruptionBudget", "poddisruptionbudgets", namespaced: true, shortNames: ["pdb"], schema: "io.k8s.api.policy.v1.PodDisruptionBudget"),
    ]
}
