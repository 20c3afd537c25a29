// Resources of the "apps" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let appsV1: [KindData] = [
        KindData("ControllerRevision", "controllerrevisions", namespaced: true, schema: "io.k8s.api.apps.v1.ControllerRevision"),
        KindData("DaemonSet", "daemonsets", namespaced: true, shortNames: ["ds"], categories: ["all"], schema: "io.k8s.api.apps.v1.DaemonSet"),
        KindData("Deployment", "deployments", namespaced: true, shortNames: ["deploy"], categories: ["all"], schema: "io.k8s.api.apps.v1.Deployment"),
        KindData("ReplicaSet", "replicasets", namespaced: true, shortNames: ["rs"], categories: ["all"], schema: "io.k8s.api.apps.v1.ReplicaSet"),
        KindData("StatefulSet", "statefulsets", namespaced: true, shortNames: ["sts"], categories: ["all"], schema: "io.k8s.api.apps.v1.StatefulSet"),
    ]
}
