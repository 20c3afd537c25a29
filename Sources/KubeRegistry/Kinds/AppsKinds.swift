// Resources of the "apps" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let appsV1: [ResourceType] = [
        .builtin(group: "apps", version: "v1", kind: "ControllerRevision", plural: "controllerrevisions", namespaced: true,
                 table: ControllerRevisionColumns.printer,
                 schemaName: "io.k8s.api.apps.v1.ControllerRevision"),
        .builtin(group: "apps", version: "v1", kind: "DaemonSet", plural: "daemonsets", namespaced: true, shortNames: ["ds"], categories: ["all"],
                 table: DaemonSetColumns.printer,
                 describer: { describeDaemonSet($0, $1) },
                 podSpecPath: ResourceType.templatePodSpec,
                 generation: .spec,
                 schemaName: "io.k8s.api.apps.v1.DaemonSet"),
        .builtin(group: "apps", version: "v1", kind: "Deployment", plural: "deployments", namespaced: true, shortNames: ["deploy"], categories: ["all"],
                 table: DeploymentColumns.printer,
                 describer: { describeDeployment($0, $1) },
                 scale: .replicas,
                 podSpecPath: ResourceType.templatePodSpec,
                 generation: .spec,
                 schemaName: "io.k8s.api.apps.v1.Deployment"),
        .builtin(group: "apps", version: "v1", kind: "ReplicaSet", plural: "replicasets", namespaced: true, shortNames: ["rs"], categories: ["all"],
                 table: ReplicaSetColumns.printer,
                 describer: { describeReplicaSet($0, $1) },
                 fieldSelectors: ["status.replicas": { String(Fmt.int($0["status"]["replicas"])) }],
                 scale: .replicas,
                 podSpecPath: ResourceType.templatePodSpec,
                 generation: .spec,
                 schemaName: "io.k8s.api.apps.v1.ReplicaSet"),
        .builtin(group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", namespaced: true, shortNames: ["sts"], categories: ["all"],
                 table: StatefulSetColumns.printer,
                 describer: { describeStatefulSet($0, $1) },
                 scale: .replicas,
                 podSpecPath: ResourceType.templatePodSpec,
                 generation: .spec,
                 schemaName: "io.k8s.api.apps.v1.StatefulSet"),
    ]
}
