// Resources of the "scheduling.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let schedulingV1: [ResourceType] = [
        .builtin(group: "scheduling.k8s.io", version: "v1", kind: "PriorityClass", plural: "priorityclasses", namespaced: false, shortNames: ["pc"],
                 table: SimpleColumns.priorityClass,
                 describer: { describePriorityClass($0, $1) },
                 schemaName: "io.k8s.api.scheduling.v1.PriorityClass"),
    ]
}
