// Resources of the "flowcontrol.apiserver.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).
// Both strategies set generation 1 on create and count spec changes.

extension BuiltinKinds {
    static let flowcontrolV1: [ResourceType] = [
        .builtin(group: "flowcontrol.apiserver.k8s.io", version: "v1", kind: "FlowSchema", plural: "flowschemas", namespaced: false,
                 table: FlowControlColumns.flowSchema,
                 nameRule: .pathSegment,
                 generation: .spec,
                 schemaName: "io.k8s.api.flowcontrol.v1.FlowSchema"),
        .builtin(group: "flowcontrol.apiserver.k8s.io", version: "v1", kind: "PriorityLevelConfiguration", plural: "prioritylevelconfigurations", namespaced: false,
                 table: FlowControlColumns.priorityLevel,
                 nameRule: .pathSegment,
                 generation: .spec,
                 schemaName: "io.k8s.api.flowcontrol.v1.PriorityLevelConfiguration"),
    ]
}
