// Resources of the core API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let coreV1: [KindData] = [
        KindData("Binding", "bindings", namespaced: true, verbs: ["create"], schema: "io.k8s.api.core.v1.Binding"),
        KindData("ComponentStatus", "componentstatuses", namespaced: false, shortNames: ["cs"], verbs: ["get", "list"], schema: "io.k8s.api.core.v1.ComponentStatus"),
        KindData("ConfigMap", "configmaps", namespaced: true, shortNames: ["cm"], schema: "io.k8s.api.core.v1.ConfigMap"),
        KindData("Endpoints", "endpoints", namespaced: true, shortNames: ["ep"], schema: "io.k8s.api.core.v1.Endpoints"),
        KindData("Event", "events", namespaced: true, shortNames: ["ev"], schema: "io.k8s.api.core.v1.Event"),
        KindData("LimitRange", "limitranges", namespaced: true, shortNames: ["limits"], schema: "io.k8s.api.core.v1.LimitRange"),
        KindData("Namespace", "namespaces", namespaced: false, shortNames: ["ns"], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], schema: "io.k8s.api.core.v1.Namespace"),
        KindData("Node", "nodes", namespaced: false, shortNames: ["no"], schema: "io.k8s.api.core.v1.Node"),
        KindData("PersistentVolumeClaim", "persistentvolumeclaims", namespaced: true, shortNames: ["pvc"], schema: "io.k8s.api.core.v1.PersistentVolumeClaim"),
        KindData("PersistentVolume", "persistentvolumes", namespaced: false, shortNames: ["pv"], schema: "io.k8s.api.core.v1.PersistentVolume"),
        KindData("Pod", "pods", namespaced: true, shortNames: ["po"], categories: ["all"], schema: "io.k8s.api.core.v1.Pod"),
        KindData("PodTemplate", "podtemplates", namespaced: true, schema: "io.k8s.api.core.v1.PodTemplate"),
        KindData("ReplicationController", "replicationcontrollers", namespaced: true, shortNames: ["rc"], categories: ["all"], schema: "io.k8s.api.core.v1.ReplicationController"),
        KindData("ResourceQuota", "resourcequotas", namespaced: true, shortNames: ["quota"], schema: "io.k8s.api.core.v1.ResourceQuota"),
        KindData("Secret", "secrets", namespaced: true, schema: "io.k8s.api.core.v1.Secret"),
        KindData("ServiceAccount", "serviceaccounts", namespaced: true, shortNames: ["sa"], schema: "io.k8s.api.core.v1.ServiceAccount"),
        KindData("Service", "services", namespaced: true, shortNames: ["svc"], categories: ["all"], schema: "io.k8s.api.core.v1.Service"),
    ]
}
