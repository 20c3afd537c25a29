// Resources of the "autoscaling" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let autoscalingV2: [KindData] = [
        KindData("HorizontalPodAutoscaler", "horizontalpodautoscalers", namespaced: true, shortNames: ["hpa"], categories: ["all"], schema: "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler"),
    ]
    static let autoscalingV1: [KindData] = [
        KindData("HorizontalPodAutoscaler", "horizontalpodautoscalers", namespaced: true, shortNames: ["hpa"], categories: ["all"], schema: "io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler"),
    ]
}
