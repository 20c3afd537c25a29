// Resources of the "events.k8s.io" API group as a default v1.32 kube-apiserver serves them
// (plural, kind, scope and verbs from the served OpenAPI paths; short names and categories from discovery).

extension BuiltinKinds {
    static let eventsV1: [ResourceType] = [
        .builtin(group: "events.k8s.io", version: "v1", kind: "Event", plural: "events", namespaced: true, shortNames: ["ev"],
                 schemaName: "io.k8s.api.events.v1.Event"),
    ]
}
