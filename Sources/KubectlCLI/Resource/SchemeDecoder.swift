import KubeModel
import KubeSchema

/// kubectl's typed decoding of the documents of `-f` (a builder made `WithScheme`, as the set commands'
/// are): each document is decoded into the Go struct its apiVersion and kind name in kubectl's scheme,
/// so what that struct cannot hold is refused before anything is changed, with the Go decoder's words:
/// - anything but a map: `couldn't get version/kind; json parse error: json: cannot unmarshal ...`;
/// - an apiVersion with two slashes: `unexpected GroupVersion string: a/b/c`;
/// - no kind or apiVersion: `Object 'Kind' is missing in '{...}'`;
/// - a kind the scheme lacks: `no kind "Widget" is registered for version "example.com/v1" in scheme ...`;
/// - a value of the wrong type: `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`.
/// A List's items are decoded the same way, their errors reported without the file's name.
enum SchemeDecoder {
    struct Failure: Error { var text: String }

    static let detectorType = #"struct { APIVersion string "json:\"apiVersion,omitempty\""; Kind string "json:\"kind,omitempty\"" }"#

    /// The objects of one document (a list's items), or the error that refuses it.
    static func objects(of doc: JSONValue, source: String) throws -> [JSONValue] {
        let gvk: GroupVersionKind
        do {
            gvk = try decode(doc)
        } catch let e as Failure {
            throw CLIError.message("unable to decode \(goQuoted(source)): \(e.text)")
        }
        guard isList(gvk) else { return [doc] }
        let items = doc["items"].array ?? []
        if gvk.kind != "List" {
            // A typed list's items are the list's kind without `List`, in its version.
            var kind = gvk.kind
            kind.removeLast(4)
            return items.map { item in
                var o = item
                o["apiVersion"] = .string(doc["apiVersion"].string ?? "")
                o["kind"] = .string(kind)
                return .object(TypedOrder.reorder(o, ["apiVersion", "kind"]))
            }
        }
        // runtime.DecodeList: every item decoded, the failures together (an aggregate: no `error: `).
        var failures: [String] = []
        for item in items {
            do { _ = try decode(item) } catch let e as Failure { failures.append(e.text) }
        }
        if !failures.isEmpty { throw CLIError.raw(failures.joined(separator: "\n")) }
        return items
    }

    /// For a typed list (not `List`), whether each item came without a kind of its own; [] otherwise.
    static func kindlessItems(of doc: JSONValue) -> [Bool] {
        guard let gvk = try? decode(doc), isList(gvk), gvk.kind != "List" else { return [] }
        return (doc["items"].array ?? []).map { ($0["kind"].string ?? "").isEmpty }
    }

    static func isList(_ gvk: GroupVersionKind) -> Bool {
        (gvk.kind == "List" && gvk.group.isEmpty && gvk.version == "v1") || (gvk.kind.hasSuffix("List") && gvk.kind.count > 4
            && registered(gvk.group.isEmpty ? gvk.version : gvk.group + "/" + gvk.version, String(gvk.kind.dropLast(4))))
    }

    /// Decodes one document as kubectl's scheme does; returns its group, version and kind.
    static func decode(_ doc: JSONValue) throws -> GroupVersionKind {
        guard case .object(let o) = doc else {
            throw Failure(text: "couldn't get version/kind; json parse error: json: cannot unmarshal \(doc.goJSONTypeName) into Go value of type \(detectorType)")
        }
        for field in ["apiVersion", "kind"] {
            if let v = o[field], v.string == nil, !v.isNull {
                throw Failure(text: "couldn't get version/kind; json parse error: json: cannot unmarshal \(v.goJSONTypeName) into Go struct field .\(field) of type string")
            }
        }
        let apiVersion = o["apiVersion"]?.string ?? "", kind = o["kind"]?.string ?? ""
        let (group, version) = try parseGroupVersion(apiVersion)
        if kind.isEmpty { throw Failure(text: "Object 'Kind' is missing in '\(doc.jsonString(.compactOrdered))'") }
        if version.isEmpty { throw Failure(text: "Object 'apiVersion' is missing in '\(doc.jsonString(.compactOrdered))'") }
        let gv = group.isEmpty ? version : group + "/" + version
        guard registered(gv, kind) else {
            throw Failure(text: "no kind \(goQuoted(kind)) is registered for version \(goQuoted(gv)) in scheme \"pkg/scheme/scheme.go:28\"")
        }
        if kind == "List" && group.isEmpty, let items = o["items"], !items.isNull, items.array == nil {
            throw Failure(text: "json: cannot unmarshal \(items.goJSONTypeName) into Go struct field List.items of type []runtime.RawExtension")
        }
        if let def = definition(group: group, version: version, kind: kind),
           let e = decodeReport(doc, definition: def, index: .builtin).decodeError {
            throw Failure(text: e)
        }
        return GroupVersionKind(group: group, version: version, kind: kind)
    }

    /// schema.ParseGroupVersion.
    static func parseGroupVersion(_ s: String) throws -> (String, String) {
        if s.isEmpty || s == "/" { return ("", "") }
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return ("", s)
        case 2: return (String(parts[0]), String(parts[1]))
        default: throw Failure(text: "unexpected GroupVersion string: \(s)")
        }
    }

    /// The struct of a kind: its own version's schema, or (for versions the API server no longer
    /// serves, such as extensions/v1beta1 Deployments) the same kind's in the group's served version.
    static func definition(group: String, version: String, kind: String) -> SchemaDefinition? {
        let index = SchemaIndex.builtin
        if let d = index.definition(group: group, version: version, kind: kind) { return d }
        let groups = group == "extensions" ? ["apps", "networking.k8s.io", group] : [group]
        for g in groups {
            for v in ["v1", "v2", "v1beta1", "v1beta2", "v1alpha1"] {
                if let d = index.definition(group: g, version: v, kind: kind) { return d }
            }
        }
        return nil
    }

    static func registered(_ groupVersion: String, _ kind: String) -> Bool {
        if commonKinds.contains(kind) { return kinds[groupVersion] != nil }
        guard let known = kinds[groupVersion] else { return false }
        if known.contains(kind) { return true }
        return kind.hasSuffix("List") && known.contains(String(kind.dropLast(4)) + "+")
    }

    /// Kinds every group version of the scheme has (metav1's options and watch events, discovery).
    static let commonKinds: Set<String> = ["DeleteOptions", "WatchEvent", "ListOptions", "GetOptions", "CreateOptions",
                                           "UpdateOptions", "PatchOptions", "Status", "APIResourceList", "APIGroup", "APIVersions"]

    /// kubectl v1.32's scheme (k8s.io/kubectl/pkg/scheme), read from the binary's answers: the kinds of
    /// each group version; `+` marks a kind whose `...List` is registered too.
    static let kinds: [String: Set<String>] = table.mapValues { Set($0.split(separator: " ").flatMap { k in
        k.hasSuffix("+") ? [String(k), String(k.dropLast())] : [String(k)] }) }

    private static let table: [String: String] = [
        "admissionregistration.k8s.io/v1": "MutatingWebhookConfiguration+ ValidatingAdmissionPolicy+ ValidatingAdmissionPolicyBinding+ ValidatingWebhookConfiguration+",
        "admissionregistration.k8s.io/v1alpha1": "MutatingAdmissionPolicy+ MutatingAdmissionPolicyBinding+ ValidatingAdmissionPolicy+ ValidatingAdmissionPolicyBinding+",
        "admissionregistration.k8s.io/v1beta1": "MutatingWebhookConfiguration+ ValidatingAdmissionPolicy+ ValidatingAdmissionPolicyBinding+ ValidatingWebhookConfiguration+",
        "apps/v1": "ControllerRevision+ DaemonSet+ Deployment+ ReplicaSet+ StatefulSet+",
        "apps/v1beta1": "ControllerRevision+ Deployment+ StatefulSet+",
        "apps/v1beta2": "ControllerRevision+ DaemonSet+ Deployment+ ReplicaSet+ StatefulSet+",
        "authentication.k8s.io/v1": "SelfSubjectReview TokenRequest TokenReview",
        "authentication.k8s.io/v1alpha1": "SelfSubjectReview",
        "authentication.k8s.io/v1beta1": "SelfSubjectReview TokenReview",
        "authorization.k8s.io/v1": "LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview SubjectAccessReview",
        "authorization.k8s.io/v1beta1": "LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview SubjectAccessReview",
        "autoscaling/v1": "HorizontalPodAutoscaler+ Scale",
        "autoscaling/v2": "HorizontalPodAutoscaler+",
        "autoscaling/v2beta1": "HorizontalPodAutoscaler+",
        "autoscaling/v2beta2": "HorizontalPodAutoscaler+",
        "batch/v1": "CronJob+ Job+",
        "batch/v1beta1": "CronJob+",
        "certificates.k8s.io/v1": "CertificateSigningRequest+",
        "certificates.k8s.io/v1alpha1": "ClusterTrustBundle+",
        "certificates.k8s.io/v1beta1": "CertificateSigningRequest+",
        "coordination.k8s.io/v1": "Lease+",
        "coordination.k8s.io/v1alpha2": "LeaseCandidate+",
        "coordination.k8s.io/v1beta1": "Lease+",
        "discovery.k8s.io/v1": "EndpointSlice+",
        "discovery.k8s.io/v1beta1": "EndpointSlice+",
        "events.k8s.io/v1": "Event+",
        "events.k8s.io/v1beta1": "Event+",
        "extensions/v1beta1": "DaemonSet+ Deployment+ Ingress+ NetworkPolicy+ ReplicaSet+ Scale",
        "flowcontrol.apiserver.k8s.io/v1": "FlowSchema+ PriorityLevelConfiguration+",
        "flowcontrol.apiserver.k8s.io/v1beta1": "FlowSchema+ PriorityLevelConfiguration+",
        "flowcontrol.apiserver.k8s.io/v1beta2": "FlowSchema+ PriorityLevelConfiguration+",
        "flowcontrol.apiserver.k8s.io/v1beta3": "FlowSchema+ PriorityLevelConfiguration+",
        "internal.apiserver.k8s.io/v1alpha1": "StorageVersion+",
        "networking.k8s.io/v1": "Ingress+ IngressClass+ NetworkPolicy+",
        "networking.k8s.io/v1alpha1": "IPAddress+ ServiceCIDR+",
        "networking.k8s.io/v1beta1": "IPAddress+ Ingress+ IngressClass+ ServiceCIDR+",
        "node.k8s.io/v1": "RuntimeClass+",
        "node.k8s.io/v1alpha1": "RuntimeClass+",
        "node.k8s.io/v1beta1": "RuntimeClass+",
        "policy/v1": "Eviction PodDisruptionBudget+",
        "policy/v1beta1": "Eviction PodDisruptionBudget+",
        "rbac.authorization.k8s.io/v1": "ClusterRole+ ClusterRoleBinding+ Role+ RoleBinding+",
        "rbac.authorization.k8s.io/v1alpha1": "ClusterRole+ ClusterRoleBinding+ Role+ RoleBinding+",
        "rbac.authorization.k8s.io/v1beta1": "ClusterRole+ ClusterRoleBinding+ Role+ RoleBinding+",
        "resource.k8s.io/v1alpha3": "DeviceClass+ ResourceClaim+ ResourceClaimTemplate+ ResourceSlice+",
        "resource.k8s.io/v1beta1": "DeviceClass+ ResourceClaim+ ResourceClaimTemplate+ ResourceSlice+",
        "scheduling.k8s.io/v1": "PriorityClass+",
        "scheduling.k8s.io/v1alpha1": "PriorityClass+",
        "scheduling.k8s.io/v1beta1": "PriorityClass+",
        "storage.k8s.io/v1": "CSIDriver+ CSINode+ CSIStorageCapacity+ StorageClass+ VolumeAttachment+",
        "storage.k8s.io/v1alpha1": "CSIStorageCapacity+ VolumeAttachment+ VolumeAttributesClass+",
        "storage.k8s.io/v1beta1": "CSIDriver+ CSINode+ CSIStorageCapacity+ StorageClass+ VolumeAttachment+ VolumeAttributesClass+",
        "storagemigration.k8s.io/v1alpha1": "StorageVersionMigration+",
        "v1": "APIResourceList Binding ComponentStatus+ ConfigMap+ Endpoints+ Event+ LimitRange+ List Namespace+ Node+ NodeProxyOptions PersistentVolume+ PersistentVolumeClaim+ Pod+ PodExecOptions PodLogOptions PodTemplate+ RangeAllocation ReplicationController+ ResourceQuota+ Secret+ SerializedReference Service+ ServiceAccount+ Status",
    ]
}
