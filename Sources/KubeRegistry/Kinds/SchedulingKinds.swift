// Resources of the "scheduling.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let schedulingV1: [KindData] = [
        KindData("PriorityClass", "priorityclasses", namespaced: false, shortNames: ["pc"], schema: "io.k8s.api.scheduling.v1.PriorityClass"),
    ]
}
