// Resources of the "policy" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let policyV1: [ResourceType] = [
        .builtin(group: "policy", version: "v1", kind: "PodDisruptionBudget", plural: "poddisruptionbudgets", namespaced: true, shortNames: ["pdb"],
                 table: SimpleColumns.podDisruptionBudget,
                 describer: { describePDB($0, $1) },
                 generation: .spec,
                 schemaName: "io.k8s.api.policy.v1.PodDisruptionBudget"),
    ]
}
