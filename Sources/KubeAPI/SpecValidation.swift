import KubeModel
import KubeRegistry
import KubeSchema

/// The part of the API server's type validation that learners meet most: required fields (from the
/// schema), containers without an image, workload selectors that do not match their template labels,
/// and a Service's cluster IP changing. Messages are the API server's field errors.
enum SpecValidation {
    /// `session` remembers the last spec walked for required fields, with what the walk found: a
    /// controller's status update carries the very spec its create was checked with.
    static func validate(_ obj: JSONValue, old: JSONValue?, type: ResourceType, session: APISession? = nil) -> [APIError.Cause] {
        var causes: [APIError.Cause] = []
        if let def = SchemaIndex.builtin.definition(apiVersion: obj["apiVersion"].string ?? "", kind: obj["kind"].string ?? "") {
            // Only the spec: metadata has its own rules and status is written by controllers.
            if let p = def.property(named: "spec"), obj["spec"].object != nil {
                var spec = obj["spec"]
                if (type.group, type.kind) == ("apps", "StatefulSet") { spec.remove(["template", "spec"]) }
                // The walk finds the same whatever the token volume's random name (never empty).
                let key = (type.group, type.kind) == ("", "Pod") ? withoutTokenVolumeName(spec) : spec
                if let memo = session?.requiredInSpec, memo.definition == def.name,
                   sameRequiredCauses(memo.spec, key, type: p.type) {
                    causes = memo.causes
                } else {
                    required(spec, type: p.type, path: "spec", into: &causes, depth: 0)
                    session?.requiredInSpec = (def.name, key, causes)
                }
            }
        }
        switch (type.group, type.kind) {
        case ("", "Pod"):
            containers(obj["spec"], path: "spec", into: &causes)
        case ("apps", "StatefulSet"):
            selectorMatchesTemplate(obj, into: &causes)
            templateMetadata(obj, type: type, into: &causes)
        case ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "DaemonSet"):
            selectorMatchesTemplate(obj, into: &causes)
            templateMetadata(obj, type: type, into: &causes)
            containers(obj["spec"]["template"]["spec"], path: "spec.template.spec", into: &causes)
        case ("batch", "Job"):
            // The strategy labels the template with the Job's name before validating a create.
            let labelled = old == nil ? jobWithGeneratedLabels(obj) : obj
            if obj["spec"]["template"]["metadata"]["labels"].object != nil,
               (obj["metadata"]["labels"].object ?? JSONObject()).isEmpty {
                // SetDefaults_Job gave the Job its template's label map (the same map), so the Job's own
                // labels carry them too; ValidateObjectMeta reports them first.
                causes.insert(contentsOf: Validation.labels(labelled["spec"]["template"]["metadata"]["labels"], field: "metadata.labels"), at: 0)
            }
            templateMetadata(labelled, type: type, into: &causes)
            containers(obj["spec"]["template"]["spec"], path: "spec.template.spec", into: &causes)
        case ("", "Service"):
            if let old { serviceUpdate(obj, old: old, into: &causes) }
        default:
            templateMetadata(obj, type: type, into: &causes)
        }
        return causes
    }

    /// Whether the required-field walk finds the same causes in two specs without walking them: the
    /// walk checks the definition's required fields for null or "" and goes down only into objects and
    /// lists, so specs that differ only in other scalar fields (a pod's `nodeName`, set when it is
    /// bound) give the same causes.
    static func sameRequiredCauses(_ a: JSONValue, _ b: JSONValue, type: SchemaType) -> Bool {
        let def: SchemaDefinition?
        switch type {
        case .ref(let name): def = SchemaIndex.builtin.definition(named: name)
        case .inline(let d): def = d
        default: def = nil
        }
        guard let d = def, case .object(let x) = a, case .object(let y) = b else { return a == b }
        for field in d.required {
            let u = x[field] ?? .null, v = y[field] ?? .null
            if (u.isNull || u.string == "") != (v.isNull || v.string == "") { return false }
        }
        var containers = 0
        for (k, u) in x where u.object != nil || u.array != nil {
            guard y[k] == u else { return false }
            containers += 1
        }
        for (_, v) in y where v.object != nil || v.array != nil { containers -= 1 }
        return containers == 0
    }

    /// A pod spec with the ServiceAccount plugin's token volume (`kube-api-access-` and five lowercase
    /// letters or digits, the only volume so named) and the mounts of it named `kube-api-access-`, so
    /// that specs that differ only in that random name compare equal. Otherwise the spec as it is.
    static func withoutTokenVolumeName(_ spec: JSONValue) -> JSONValue {
        let prefix = "kube-api-access-"
        guard let volumes = spec["volumes"].array else { return spec }
        var found: Int?
        for (i, v) in volumes.enumerated() where (v["name"].string ?? "").hasPrefix(prefix) {
            if found != nil { return spec }
            found = i
        }
        guard let i = found, let name = volumes[i]["name"].string else { return spec }
        let suffix = name.utf8.dropFirst(prefix.utf8.count)
        guard suffix.count == 5, suffix.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) else { return spec }
        var out = spec
        var renamed = volumes
        renamed[i]["name"] = .string(prefix)
        out["volumes"] = .array(renamed)
        for key in ["initContainers", "containers", "ephemeralContainers"] {
            guard var list = out[key].array else { continue }
            for c in list.indices {
                for field in ["volumeMounts", "volumeDevices"] {
                    guard var mounts = list[c][field].array, mounts.contains(where: { $0["name"].string == name }) else { continue }
                    for j in mounts.indices where mounts[j]["name"].string == name { mounts[j]["name"] = .string(prefix) }
                    list[c][field] = .array(mounts)
                }
            }
            out[key] = .array(list)
        }
        return out
    }

    /// `<path>: Required value` for every required field missing (or an empty string) where its parent is set.
    static func required(_ value: JSONValue, type: SchemaType, path: String, into causes: inout [APIError.Cause], depth: Int) {
        var buffer = Array(path.utf8)
        required(value, type: type, path: &buffer, into: &causes, depth: depth)
    }

    /// The walk of `required` with the path as bytes, extended and cut back in place: a path is made
    /// a string only for a field that is missing.
    private static func required(_ value: JSONValue, type: SchemaType, path: inout [UInt8], into causes: inout [APIError.Cause],
                                 depth: Int) {
        guard depth < 40 else { return }
        let mark = path.count
        defer { path.removeSubrange(mark...) }
        switch type {
        case .ref(let name):
            guard let d = SchemaIndex.builtin.definition(named: name) else { return }
            required(value, definition: d, path: &path, into: &causes, depth: depth)
        case .inline(let d):
            required(value, definition: d, path: &path, into: &causes, depth: depth)
        case .array(let t):
            for (i, item) in (value.array ?? []).enumerated() {
                path.append(UInt8(ascii: "["))
                path.append(contentsOf: String(i).utf8)
                path.append(UInt8(ascii: "]"))
                required(item, type: t, path: &path, into: &causes, depth: depth + 1)
                path.removeSubrange(mark...)
            }
        case .map(let t):
            for (k, v) in value.object ?? JSONObject() {
                path.append(UInt8(ascii: "["))
                path.append(contentsOf: k.utf8)
                path.append(UInt8(ascii: "]"))
                required(v, type: t, path: &path, into: &causes, depth: depth + 1)
                path.removeSubrange(mark...)
            }
        default:
            return
        }
    }

    private static func required(_ value: JSONValue, definition d: SchemaDefinition, path: inout [UInt8],
                                 into causes: inout [APIError.Cause], depth: Int)
    {
        guard case .object(let o) = value else { return }
        if d.extensions.preserveUnknownFields { return }
        let mark = path.count
        for field in d.required {
            let v = o[field] ?? .null
            guard v.isNull || v.string == "", !notRequired.contains("\(d.name).\(field)") else { continue }
            causes.append(.init(field: String(decoding: path, as: UTF8.self) + "." + field, message: "Required value"))
        }
        // Only objects and lists can hold required fields (scalars end the walk).
        for i in d.properties.indices {
            guard let v = o[d.properties[i].name], v.object != nil || v.array != nil else { continue }
            path.append(UInt8(ascii: "."))
            path.append(contentsOf: d.properties[i].name.utf8)
            required(v, type: d.properties[i].type, path: &path, into: &causes, depth: depth + 1)
            path.removeSubrange(mark...)
        }
    }

    /// Fields the OpenAPI document lists as required that v1.32's validation does not require (a
    /// StatefulSet without `serviceName` is accepted; the others are defaulted before validation).
    static let notRequired: Set<String> = [
        "io.k8s.api.apps.v1.StatefulSetSpec.serviceName",
        "io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern.status",
        // Checked by the kinds' own rules with the API server's words (Rules/).
        "io.k8s.api.core.v1.HTTPGetAction.port", "io.k8s.api.core.v1.TCPSocketAction.port", "io.k8s.api.core.v1.GRPCAction.port",
        "io.k8s.api.core.v1.TopologySpreadConstraint.maxSkew", "io.k8s.api.core.v1.TopologySpreadConstraint.topologyKey",
        "io.k8s.api.core.v1.TopologySpreadConstraint.whenUnsatisfiable", "io.k8s.api.core.v1.PodAffinityTerm.topologyKey",
        "io.k8s.api.core.v1.WeightedPodAffinityTerm.weight", "io.k8s.api.core.v1.PreferredSchedulingTerm.weight",
        "io.k8s.api.core.v1.NodeSelectorRequirement.key", "io.k8s.api.core.v1.NodeSelectorRequirement.operator",
        "io.k8s.api.core.v1.ServicePort.port", "io.k8s.api.networking.v1.HTTPIngressPath.pathType",
        "io.k8s.api.networking.v1.HTTPIngressPath.backend",
        "io.k8s.api.core.v1.EndpointAddress.ip", "io.k8s.api.core.v1.EndpointPort.port",
        "io.k8s.api.apps.v1.ControllerRevision.revision", "io.k8s.api.storage.v1.CSIDriver.spec",
        "io.k8s.api.discovery.v1.EndpointSlice.endpoints", "io.k8s.api.discovery.v1.Endpoint.addresses",
        "io.k8s.api.discovery.v1.ForZone.name",
        "io.k8s.api.flowcontrol.v1.FlowSchemaSpec.priorityLevelConfiguration",
        "io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationReference.name",
        "io.k8s.api.flowcontrol.v1.PolicyRulesWithSubjects.subjects", "io.k8s.api.flowcontrol.v1.Subject.kind",
        "io.k8s.api.flowcontrol.v1.ServiceAccountSubject.name", "io.k8s.api.flowcontrol.v1.ServiceAccountSubject.namespace",
        "io.k8s.api.flowcontrol.v1.UserSubject.name", "io.k8s.api.flowcontrol.v1.GroupSubject.name",
        "io.k8s.api.flowcontrol.v1.ResourcePolicyRule.verbs", "io.k8s.api.flowcontrol.v1.ResourcePolicyRule.apiGroups",
        "io.k8s.api.flowcontrol.v1.ResourcePolicyRule.resources", "io.k8s.api.flowcontrol.v1.NonResourcePolicyRule.verbs",
        "io.k8s.api.flowcontrol.v1.NonResourcePolicyRule.nonResourceURLs", "io.k8s.api.flowcontrol.v1.FlowDistinguisherMethod.type",
        "io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationSpec.type", "io.k8s.api.flowcontrol.v1.LimitResponse.type",
        "io.k8s.api.admissionregistration.v1.AuditAnnotation.key", "io.k8s.api.admissionregistration.v1.AuditAnnotation.valueExpression",
        "io.k8s.api.admissionregistration.v1.MatchCondition.name", "io.k8s.api.admissionregistration.v1.MatchCondition.expression",
        "io.k8s.api.admissionregistration.v1.Validation.expression",
        "io.k8s.api.admissionregistration.v1.Variable.name", "io.k8s.api.admissionregistration.v1.Variable.expression",
    ]

    /// Pods need containers, and every container an image.
    static func containers(_ spec: JSONValue, path: String, into causes: inout [APIError.Cause]) {
        guard spec.object != nil else { return }
        let list = spec["containers"].array ?? []
        if list.isEmpty {
            if !causes.contains(where: { $0.field == "\(path).containers" }) {
                causes.append(.init(field: "\(path).containers", message: "Required value"))
            }
            return
        }
        for (i, c) in list.enumerated() where (c["image"].string ?? "").isEmpty {
            causes.append(.init(field: "\(path).containers[\(i)].image", message: "Required value"))
        }
    }

    /// `ValidatePodTemplateSpec`'s metadata part, for every kind with a pod template (a ReplicationController,
    /// CronJob and PodTemplate too): the template's labels and annotations, reported at
    /// `<template>.labels` and `<template>.annotations` (the Go field path has no `metadata`), so the
    /// controllers never meet a template whose pods or ReplicaSets the API server would refuse.
    static func templateMetadata(_ obj: JSONValue, type: ResourceType, into causes: inout [APIError.Cause]) {
        guard let specPath = type.podSpecPath, specPath.count > 1 else { return }
        let path = Array(specPath.dropLast())
        let meta = obj.at(path)["metadata"]
        guard meta.object != nil else { return }
        let field = path.joined(separator: ".")
        causes += Validation.labels(meta["labels"], field: field + ".labels")
        causes += Validation.annotations(meta["annotations"], field: field + ".annotations")
    }

    /// A Job as the strategy's `generateSelector` leaves it for validation on create (unless
    /// `manualSelector: true`): its template labelled `batch.kubernetes.io/job-name` and `job-name` with the
    /// Job's name where the client did not set them, so a name over 63 characters fails as a label value.
    static func jobWithGeneratedLabels(_ obj: JSONValue) -> JSONValue {
        guard obj["spec"]["manualSelector"].bool != true, obj["spec"].object != nil else { return obj }
        let name = obj["metadata"]["name"].string ?? ""
        var labels = obj["spec"]["template"]["metadata"]["labels"].object ?? JSONObject()
        var changed = false
        for key in ["job-name", "batch.kubernetes.io/job-name"] where labels[key] == nil {
            labels[key] = .string(name)
            changed = true
        }
        guard changed else { return obj }
        var out = obj
        out["spec"]["template"]["metadata"]["labels"] = .object(labels)
        return out
    }

    /// `spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels``
    static func selectorMatchesTemplate(_ obj: JSONValue, into causes: inout [APIError.Cause]) {
        let selector = obj["spec"]["selector"]
        guard selector.object != nil, let sel = try? LabelSelector(from: selector), !sel.isEmpty else { return }
        let labels = obj["spec"]["template"]["metadata"]["labels"]
        var map: [String: String] = [:]
        for (k, v) in labels.stringMap { map[k] = v }
        if !sel.matches(map) {
            let shown = labels.stringMap.sorted { goStringLess($0.0, $1.0) }
                .map { "\(strconvQuote($0.0)):\(strconvQuote($0.1))" }.joined(separator: ", ")
            causes.append(.init(field: "spec.template.metadata.labels",
                                message: "Invalid value: map[string]string{\(shown)}: `selector` does not match template `labels`"))
        }
    }

    /// A Service keeps its cluster IP: `spec.clusterIPs[0]: Invalid value: []string{"10.0.0.9"}: may not change once set`.
    static func serviceUpdate(_ obj: JSONValue, old: JSONValue, into causes: inout [APIError.Cause]) {
        guard old["spec"]["type"].string != "ExternalName" else { return }
        let oldIP = old["spec"]["clusterIP"].string ?? ""
        let newIP = obj["spec"]["clusterIP"].string ?? ""
        if !oldIP.isEmpty, !newIP.isEmpty, oldIP != newIP {
            let ips = (obj["spec"]["clusterIPs"].array ?? [.string(newIP)]).compactMap(\.string)
            causes.append(.init(field: "spec.clusterIPs[0]",
                                message: "Invalid value: []string{\(ips.map(strconvQuote).joined(separator: ", "))}: may not change once set"))
        }
    }
}
