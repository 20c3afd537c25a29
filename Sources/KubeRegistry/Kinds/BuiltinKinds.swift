import KubeModel

/// One served resource as discovery describes it; `BuiltinKinds` turns these into `ResourceType`s,
/// attaching table printers, describers, field selectors and name rules.
struct KindData {
    var kind: String
    var plural: String
    var namespaced: Bool
    var shortNames: [String]
    var categories: [String]
    var verbs: [String]
    var schema: String?

    init(_ kind: String, _ plural: String, namespaced: Bool, shortNames: [String] = [], categories: [String] = [],
         verbs: [String] = ResourceType.standardVerbs, schema: String? = nil)
    {
        self.kind = kind
        self.plural = plural
        self.namespaced = namespaced
        self.shortNames = shortNames
        self.categories = categories
        self.verbs = verbs
        self.schema = schema
    }
}

/// The API groups of a default v1.32 kube-apiserver (GA versions; the beta and alpha APIs of 1.32 are
/// all off by default), in discovery order: core first, then by the aggregator's group priority
/// (ties by name). Within a group, versions are listed preferred first.
enum BuiltinKinds {
    static let groups: [(group: String, versions: [(version: String, kinds: [KindData])])] = [
        ("", [("v1", coreV1)]),
        ("apiregistration.k8s.io", [("v1", apiregistrationV1)]),
        ("apps", [("v1", appsV1)]),
        ("events.k8s.io", [("v1", eventsV1)]),
        ("authentication.k8s.io", [("v1", authenticationV1)]),
        ("authorization.k8s.io", [("v1", authorizationV1)]),
        ("autoscaling", [("v2", autoscalingV2), ("v1", autoscalingV1)]),
        ("batch", [("v1", batchV1)]),
        ("certificates.k8s.io", [("v1", certificatesV1)]),
        ("networking.k8s.io", [("v1", networkingV1)]),
        ("policy", [("v1", policyV1)]),
        ("rbac.authorization.k8s.io", [("v1", rbacAuthorizationV1)]),
        ("storage.k8s.io", [("v1", storageV1)]),
        ("admissionregistration.k8s.io", [("v1", admissionregistrationV1)]),
        ("apiextensions.k8s.io", [("v1", apiextensionsV1)]),
        ("scheduling.k8s.io", [("v1", schedulingV1)]),
        ("coordination.k8s.io", [("v1", coordinationV1)]),
        ("node.k8s.io", [("v1", nodeV1)]),
        ("discovery.k8s.io", [("v1", discoveryV1)]),
        ("flowcontrol.apiserver.k8s.io", [("v1", flowcontrolV1)]),
    ]

    static func resourceType(group: String, version: String, _ d: KindData) -> ResourceType {
        let table = TablePrinters.table(group: group, kind: d.kind)
        return ResourceType(
            group: group, version: version, kind: d.kind, plural: d.plural, singular: d.kind.lowercased(),
            shortNames: d.shortNames, namespaced: d.namespaced, categories: d.categories, verbs: d.verbs,
            columns: table?.columns, row: table?.row,
            describer: Describers.forKind(group: group, kind: d.kind),
            nameRule: NameRules.rule(group: group, kind: d.kind),
            fieldSelectors: FieldSelectors.fields(group: group, kind: d.kind),
            schemaName: d.schema)
    }
}
