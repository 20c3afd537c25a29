import KubeModel
import KubeRegistry
import KubeSchema

/// One write request as it travels the admission chain: what the client sent (`object`), what is
/// stored (`old`, on update), and how the body came (a full object or a patch).
public struct AdmissionRequest {
    public enum Operation: Sendable { case create, update }

    public var operation: Operation
    public let type: ResourceType
    /// The object being admitted; steps mutate it in place.
    public var object: JSONValue
    /// The stored object (update only).
    public let old: JSONValue?
    public var name: String { object["metadata"]["name"].string ?? "" }
    /// Whether this request comes from a client (not from a controller inside the transaction).
    public let fromClient: Bool
    /// How the body came: a full object, or a patch (whose errors the server words differently).
    public let body: RequestBody
    /// The object as decoded, before quantities were made canonical (kept only for the kinds whose
    /// errors print a `resource.Quantity` as the decoder built it: ResourceQuota, LimitRange).
    var received: JSONValue = .null
    /// Whether decoding kept empty lists or maps that encoding/json leaves out (`policies: []`): defaulting
    /// and validation see them, the write does not (`AdmissionChain.admit` drops them after validation).
    var emptyCollectionsKept = false
    /// The ObjectMeta rules' causes (`Validation.objectMeta`), found before admission and reported by the
    /// kind's validation ahead of its own, in one Invalid error, as every ValidateX starts with ValidateObjectMeta.
    var metaCauses: [APIError.Cause] = []
    /// The items of the namespace's LimitRanges, as LimitRanger's mutating half found them (its validating
    /// half judges the object with them).
    var limitRangeItems: [JSONValue] = []
    /// The name the request gave, when the object's is generated (empty for a create by generateName).
    var requestName: String?
    /// A `--dry-run=server` request (admission policies see `request.dryRun`).
    var dryRun = false

    public init(operation: Operation, type: ResourceType, object: JSONValue, old: JSONValue?, fromClient: Bool,
                body: RequestBody = .object)
    {
        self.operation = operation
        self.type = type
        self.object = object
        self.old = old
        self.fromClient = fromClient
        self.body = body
    }

    /// The object as the update rules compare it with the stored one: apiequality.Semantic.DeepEqual takes an
    /// empty list or map for a nil one, so the empty ones decoding kept are left out (the stored object has none).
    var compared: JSONValue {
        emptyCollectionsKept ? GoZeroValues.withoutEmptyCollections(object: object) : object
    }

    /// The `(group, kind)` of the request, for steps that apply to one kind.
    var groupKind: (String, String) { (type.group, type.kind) }

    func invalid(_ causes: [APIError.Cause]) -> APIError {
        APIError.invalid(kind: type.kind, name: name, causes: causes, group: type.group)
    }
}

/// The body of a write: a whole object (create, update/replace) or a patch the server merged into the
/// stored object. Decode errors of a patch are reported against the field `patch`: a strategic merge
/// patch shows the patch as Go prints a map, a JSON or merge patch the patched object (which needs the
/// patch to tell the parts it touched from the stored ones).
public enum RequestBody: Sendable {
    case object
    case strategicPatch(JSONValue)
    case jsonPatch(JSONValue, merge: Bool)
}

/// One step of the chain (a decoder, a defaulter, an admission plugin or a validator).
protocol AdmissionStep {
    func admit(_ request: inout AdmissionRequest, _ session: APISession) throws
}

/// The API server's request pipeline for every write, in its order:
/// decode (strict) → defaulting → mutating admission → validation (create/update rules) →
/// validating admission → the write (done by `APISession`).
enum AdmissionChain {
    /// Decoding the body into the kind's type: wrong types and unknown fields (per `fieldValidation`).
    static let decoding: [AdmissionStep] = [StrictDecoding()]
    /// Defaulting as decoding into the versioned type does, then dropping fields the type lacks.
    /// (`ServiceAllocation` checks the cluster IP and node ports the client chose, before the allocators fill in the rest.)
    static let defaulting: [AdmissionStep] = [CustomResourceAdmission(), PruneUnknownFields(), DecodeDefaults(), ServiceAllocation()]
    /// Mutating admission plugins, in the API server's order (then a strategy's PrepareForCreate/Update).
    /// (`KindDefaulting` also runs the ServiceAccount, DefaultTolerationSeconds and DefaultStorageClass
    /// plugins; it comes after LimitRanger so the QoS class sees its defaults.)
    static let mutating: [AdmissionStep] = [DropDisabledFields(), LimitRanger(), KindDefaulting(), PriorityAdmission(), StorageProtection(), CSRAdmission(),
                                                   NamespaceStrategy()]
    /// The kind's validation on create and on update (field rules, immutable fields).
    static let validation: [AdmissionStep] = [SpecRules(), CustomResourceValidation(), APIWarnings()]
    /// Validating admission plugins, in the API server's order (ValidatingAdmissionPolicy before ResourceQuota).
    static let validating: [AdmissionStep] = [LimitRangerValidation(), ClaimResizeAdmission(), ValidatingPolicyAdmission(), ResourceQuotaAdmission()]

    static func run(_ steps: [AdmissionStep], _ request: inout AdmissionRequest, _ session: APISession) throws {
        for step in steps { try step.admit(&request, session) }
    }

    /// Everything after decoding and metadata checks, up to the write.
    static func admit(_ request: inout AdmissionRequest, _ session: APISession) throws {
        try run(defaulting, &request, session)
        let requested = request.object
        try run(mutating, &request, session)
        // The field manager sees the decoded, defaulted object (what admission plugins add is no one's), as
        // encoding/json writes it: without the empty lists and maps kept for validation.
        if request.emptyCollectionsKept {
            var encoded = GoZeroValues.withoutEmptyCollections(object: request.object)
            session.recordManagedFields(&encoded, old: request.old, type: request.type, fromClient: request.fromClient,
                                        requested: GoZeroValues.withoutEmptyCollections(object: requested))
            let fields = encoded["metadata"]["managedFields"]
            if fields.isNull { request.object.remove(["metadata", "managedFields"]) } else { request.object["metadata"]["managedFields"] = fields }
        } else {
            session.recordManagedFields(&request.object, old: request.old, type: request.type, fromClient: request.fromClient,
                                        requested: requested)
        }
        try run(validation, &request, session)
        try run(validating, &request, session)
        // Encoding the stored object leaves out the empty lists and maps decoding kept (`PruneUnknownFields`).
        if request.emptyCollectionsKept { request.object = GoZeroValues.withoutEmptyCollections(object: request.object) }
    }
}

/// Custom resources and CRDs: the apiextensions server's pruning, schema validation and CRD defaulting.
struct CustomResourceAdmission: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        try s.admitCustomResources(&r.object, type: r.type, old: r.old)
    }
}

/// Decoding into the Go type drops fields the type does not have (with Ignore/Warn they are accepted) and
/// the zero values encoding/json leaves out; empty lists and maps are kept for defaulting and validation.
struct PruneUnknownFields: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        // The controllers build their objects from stored (already pruned) ones: nothing to drop.
        guard r.fromClient else { return }
        if r.groupKind == ("", "ResourceQuota") || r.groupKind == ("", "LimitRange") { r.received = r.object }
        // Empty lists and maps stay until after validation (a Go slice or map decoded from `[]`/`{}` is not nil).
        if ClientSpecMemo.isPod(r) {
            r.emptyCollectionsKept = s.clientSpecs.prune(&r.object)
        } else {
            r.emptyCollectionsKept = Pruning.prune(&r.object, keepingEmptyCollections: true)
        }
    }
}

/// The kind's registered defaults (SetDefaults_* of every built-in group).
struct KindDefaulting: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        Defaults.apply(to: &r.object, type: r.type, session: s)
    }
}

/// The kind's validation (required fields, per-kind rules, update rules), as one Invalid error. The
/// rules of `Rules/` apply to client requests (controllers write what the templates already passed).
struct SpecRules: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        // A client's pod create is judged by its spec alone: a spec already found valid in this
        // session (up to the token volume's random name) is valid again, as every pod of one file
        // or template is.
        let podCreate = r.fromClient && r.operation == .create && r.groupKind == ("", "Pod")
            && s.fieldManager.subresource != "ephemeralcontainers"
        let spec: JSONValue? = podCreate ? .some(SpecValidation.withoutTokenVolumeName(r.object["spec"])) : .none
        let meta = r.metaCauses
        if meta.isEmpty, let spec, let valid = s.validPodSpec, ClientSpecMemo.identical(valid, spec) { return }
        // A controller's pod create is judged as any pod's, by its spec: the pods of one template pass
        // once per session. Its template passed the same rules, except a StatefulSet's (whose pod spec
        // the API server does not check) and a spec a LimitRange's defaults changed (a default limit
        // below the template's request): those pods are refused, and their controller records it.
        if !r.fromClient && r.operation == .create && r.groupKind == ("", "Pod") && r.object["apiVersion"].string == "v1"
            && r.object["kind"].string == "Pod" {
            let spec = SpecValidation.withoutTokenVolumeName(r.object["spec"])
            if meta.isEmpty, let valid = s.validControllerPodSpec, ClientSpecMemo.identical(valid, spec) { return }
            var causes = SpecValidation.validate(r.object, old: r.old, type: r.type, session: s)
            let ruled = Self.rules(r).map { APIError.Cause(field: $0.field, message: $0.body) }
            causes.removeAll { c in ruled.contains { $0.field == c.field && $0.message == c.message } }
            causes += ruled
            if !meta.isEmpty || !causes.isEmpty { throw r.invalid(meta + causes) }
            s.validControllerPodSpec = spec
            return
        }
        var causes = SpecValidation.validate(r.object, old: r.old, type: r.type, session: s)
        // A write of pods/ephemeralcontainers changes nothing else (its own rules ran before).
        if r.fromClient && s.fieldManager.subresource != "ephemeralcontainers" {
            let ruled = Self.rules(r, subresource: s.fieldManager.subresource).map { APIError.Cause(field: $0.field, message: $0.body) }
            // A required field the schema check found is reported once, where the kind's rules place it.
            causes.removeAll { c in ruled.contains { $0.field == c.field && $0.message == c.message } }
            causes += ruled
        }
        // A custom resource's metadata causes lead its schema's (`CustomResourceValidation`).
        if causes.isEmpty, !meta.isEmpty, CustomResourceValidation.judges(r, s) { return }
        if !meta.isEmpty || !causes.isEmpty { throw r.invalid(meta + causes) }
        if let spec { s.validPodSpec = spec }
    }

    static func rules(_ r: AdmissionRequest, subresource: String = "") -> [FieldError] {
        let (group, kind) = r.groupKind
        var errs: [FieldError] = []
        // A StatefulSet's pod template is not validated as a pod spec by v1.32 (only its labels,
        // restart policy and activeDeadlineSeconds).
        if let path = r.type.podSpecPath, (group, kind) != ("apps", "StatefulSet") {
            errs += PodSpecRules.validate(r.object.at(path), path: path.joined(separator: "."))
        }
        let compared = r.old != nil && r.emptyCollectionsKept ? r.compared : r.object
        errs += WorkloadRules.validate(r.object, old: r.old, group: group, kind: kind, compared: compared)
        switch (group, kind) {
        case ("", "ConfigMap"): errs += ConfigDataRules.configMap(r.object, old: r.old)
        case ("", "Secret"): errs += ConfigDataRules.secret(r.object, old: r.old)
        case ("", "Pod"): if let old = r.old { errs += PodUpdateRules.validate(compared, old: old) }
        case ("", "Service"): errs += ServiceRules.validate(r.object)
        case ("networking.k8s.io", "Ingress"): errs += NetworkingRules.ingress(r.object)
        case ("storage.k8s.io", "StorageClass"): errs += StorageRules.storageClass(r.object, old: r.old)
        case ("", "PersistentVolume"): errs += StorageRules.persistentVolume(r.object, old: r.old, compared: compared)
        case ("", "PersistentVolumeClaim"): errs += StorageRules.persistentVolumeClaim(r.object, old: r.old, compared: compared)
        case ("networking.k8s.io", "NetworkPolicy"): errs += NetworkPolicyRules.validate(r.object)
        case ("policy", "PodDisruptionBudget"): errs += AutoscalingRules.podDisruptionBudget(r.object)
        case ("autoscaling", "HorizontalPodAutoscaler"): errs += AutoscalingRules.horizontalPodAutoscaler(r.object)
        case ("rbac.authorization.k8s.io", _): errs += RBACRules.validate(r.object, old: r.old, kind: kind)
        case ("scheduling.k8s.io", "PriorityClass"): errs += ClusterObjectRules.priorityClass(r.object)
        case ("", "ResourceQuota"):
            // A write of the status subresource is judged by ValidateResourceQuotaStatusUpdate alone.
            errs += subresource == "status" && r.old != nil ? QuotaRules.validateStatus(r.object, received: r.received)
                : QuotaRules.validate(r.object, old: r.old, received: r.received)
        case ("", "LimitRange"): errs += LimitRangeRules.validate(r.object, received: r.received)
        case ("networking.k8s.io", "IngressClass"): errs += ClusterObjectRules.ingressClass(r.object)
        case ("", "Namespace"): errs += NamespaceStrategy.validate(r.object)
        case ("node.k8s.io", "RuntimeClass"): errs += ClusterObjectRules.runtimeClass(r.object, old: r.old)
        case ("coordination.k8s.io", "Lease"): errs += ClusterObjectRules.lease(r.object)
        case ("discovery.k8s.io", "EndpointSlice"): errs += EndpointSliceRules.validate(r.object, old: r.old)
        case ("storage.k8s.io", "CSIDriver"): errs += StorageRules.csiDriver(r.object, old: r.old)
        case ("", "Endpoints"): errs += EndpointsRules.validate(r.object)
        case ("apps", "ControllerRevision"): errs += ControllerRevisionRules.validate(r.object, old: r.old)
        case ("flowcontrol.apiserver.k8s.io", "FlowSchema"): errs += FlowControlRules.flowSchema(r.object)
        case ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"): errs += FlowControlRules.priorityLevel(r.object)
        case ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"): errs += WebhookRules.validate(r.object, old: r.old, mutating: false)
        case ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"): errs += WebhookRules.validate(r.object, old: r.old, mutating: true)
        case ("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"):
            // A write of the status subresource is judged by the status rules, which this store does not model.
            if subresource != "status" { errs += AdmissionPolicyRules.policy(r.object, old: r.old) }
        case ("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"): errs += AdmissionPolicyRules.binding(r.object)
        default: break
        }
        return errs
    }
}

/// Warnings the API server attaches to an accepted write (printed by kubectl as `Warning: ...`).
struct APIWarnings: AdmissionStep {
    /// The custom resource strategy's warnings: each finalizer the write adds (sorted) whose name has no
    /// `/` and is not a standard one (apiextensions `validateKubeFinalizerName`, v1.32's text).
    static func customResourceFinalizers(_ r: AdmissionRequest) -> [String] {
        let before = Set((r.old?["metadata"]["finalizers"].array ?? []).compactMap(\.string))
        let added = Set((r.object["metadata"]["finalizers"].array ?? []).compactMap(\.string)).subtracting(before)
        return added.sorted(by: goStringLess).compactMap { name in
            guard !name.contains("/"), !["orphan", "foregroundDeletion", "kubernetes"].contains(name) else { return nil }
            return "metadata.finalizers: \(strconvQuote(name)): prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers"
        }
    }

    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        guard r.fromClient else { return }
        if r.operation == .create, let w = Self.nameWarning(r) { s.warn(w) }
        // The built-in kinds' status strategies warn about nothing.
        if s.fieldManager.subresource == "status", Registry.builtin.type(storageKey: r.type.storageKey) != nil { return }
        for w in Self.warnings(r) { s.warn(w) }
    }

    /// The workload strategies' first warning on create (v1.27+): a name that is not a DNS label ends up in
    /// pod hostnames (`IsDNS1123Label`'s messages, as Go prints a []string).
    static func nameWarning(_ r: AdmissionRequest) -> String? {
        let what: String
        switch r.groupKind {
        case ("", "Pod"): what = "the Pod's hostname"
        case ("apps", "Deployment"), ("apps", "ReplicaSet"), ("", "ReplicationController"), ("batch", "Job"), ("batch", "CronJob"):
            what = "Pod names and hostnames"
        default: return nil
        }
        let msgs = isDNS1123Label(r.name)
        guard !msgs.isEmpty else { return nil }
        return "metadata.name: this is used in \(what), which can result in surprising behavior; a DNS label is recommended: [\(msgs.joined(separator: " "))]"
    }

    /// A pod warns on create only; a pod template when it is created or its spec changes (the
    /// generation moves); volumes and claims on every write.
    static func warnings(_ r: AdmissionRequest) -> [String] {
        if Registry.builtin.type(storageKey: r.type.storageKey) == nil { return customResourceFinalizers(r) }
        switch (r.type.group, r.type.kind) {
        case ("", "PersistentVolume"): return APIWarningRules.persistentVolume(r.object)
        case ("", "PersistentVolumeClaim"): return APIWarningRules.persistentVolumeClaim(r.object)
        case ("", "Service"): return ServiceWarnings.warnings(r.object)
        default: break
        }
        guard let path = r.type.podSpecPath else { return [] }
        if path == ["spec"] {
            return r.operation == .create ? APIWarningRules.podTemplate(r.object, prefix: "") : []
        }
        // A StatefulSet's claim templates warn on every write, after its pod template's warnings.
        let claims = r.groupKind == ("apps", "StatefulSet") ? APIWarningRules.claimTemplates(r.object, update: r.old != nil) : []
        // A template warns when the generation moves (apiequality.Semantic.DeepEqual of the specs).
        let compared = r.old != nil && r.emptyCollectionsKept ? r.compared : r.object
        if let old = r.old, old["spec"] == compared["spec"], old["template"] == compared["template"] { return claims }
        let templatePath = Array(path.dropLast())
        return APIWarningRules.podTemplate(r.object.at(templatePath), prefix: templatePath.joined(separator: ".") + ".") + claims
    }
}
