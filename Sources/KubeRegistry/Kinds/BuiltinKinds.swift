import KubeModel

/// The API groups of a default v1.32 kube-apiserver (GA versions; the beta and alpha APIs of 1.32 are
/// all off by default), in discovery order: core first, then by the aggregator's group priority
/// (ties by name). Within a group, versions are listed preferred first. Each kind's entry (names, scope,
/// table, describer, rules) is in the file of its group.
enum BuiltinKinds {
    static let groups: [(group: String, versions: [(version: String, kinds: [ResourceType])])] = [
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
}

extension ResourceType {
    /// A built-in kind's entry: discovery's facts (plural, scope, short names, categories, verbs; the
    /// singular is the lower-cased kind) and what the API server and kubectl attach to the kind.
    static func builtin(group: String, version: String, kind: String, plural: String, namespaced: Bool,
                        shortNames: [String] = [], categories: [String] = [], verbs: [String] = standardVerbs,
                        table: TablePrinter? = nil, describer: DescribeFunction? = nil,
                        nameRule: NameRule = .dns1123Subdomain,
                        fieldSelectors: [String: @Sendable (JSONValue) -> String] = [:],
                        scale: ScaleSubresource? = nil, podSpecPath: [String]? = nil, generation: GenerationRule = .none,
                        schemaName: String) -> ResourceType
    {
        ResourceType(group: group, version: version, kind: kind, plural: plural, singular: kind.lowercased(),
                     shortNames: shortNames, namespaced: namespaced, categories: categories, verbs: verbs,
                     columns: table?.columns, row: table?.row, describer: describer, nameRule: nameRule,
                     fieldSelectors: fieldSelectors, schemaName: schemaName, scale: scale, podSpecPath: podSpecPath,
                     generation: generation)
    }
}
