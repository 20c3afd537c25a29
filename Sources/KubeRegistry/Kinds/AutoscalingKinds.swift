// Resources of the "autoscaling" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let autoscalingV2: [ResourceType] = [
        .builtin(group: "autoscaling", version: "v2", kind: "HorizontalPodAutoscaler", plural: "horizontalpodautoscalers", namespaced: true, shortNames: ["hpa"], categories: ["all"],
                 table: HorizontalPodAutoscalerColumns.printer,
                 describer: { describeHPA($0, $1) },
                 generation: .spec,
                 schemaName: "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler"),
    ]
    static let autoscalingV1: [ResourceType] = [
        .builtin(group: "autoscaling", version: "v1", kind: "HorizontalPodAutoscaler", plural: "horizontalpodautoscalers", namespaced: true, shortNames: ["hpa"], categories: ["all"],
                 table: HorizontalPodAutoscalerColumns.printer,
                 describer: { describeHPA($0, $1) },
                 generation: .spec,
                 schemaName: "io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler"),
    ]
}
