import KubeModel
import KubeRegistry
import KubeStore

/// Generic ephemeral volumes (`volumes[].ephemeral.volumeClaimTemplate`): the claim of each is named
/// `<pod>-<volume>` and belongs to the pod that controls it.
enum EphemeralVolumes {
    static func claimName(pod: String, volume: String) -> String { pod + "-" + volume }

    /// Whether the pod has a generic ephemeral volume.
    static func has(_ pod: JSONValue) -> Bool {
        (pod["spec"]["volumes"].array ?? []).contains { $0["ephemeral"].object != nil }
    }

    /// `VolumeIsForPod`: nil when the claim is the pod's own (same namespace, its controller reference
    /// has the pod's uid), else why it is not.
    static func notForPod(_ pvc: JSONValue, _ pod: JSONValue) -> String? {
        let ns = pod["metadata"]["namespace"].string ?? "", claimNS = pvc["metadata"]["namespace"].string ?? ""
        let controller = (pvc["metadata"]["ownerReferences"].array ?? []).first { $0["controller"].bool == true }
        if claimNS == ns, let controller, controller["uid"] == pod["metadata"]["uid"] { return nil }
        return "PVC \(claimNS)/\(pvc["metadata"]["name"].string ?? "") was not created for pod \(ns)/\(pod["metadata"]["name"].string ?? "") (pod is not owner)"
    }
}

/// The ephemeral volume controller of kube-controller-manager: for each generic ephemeral volume of a
/// new pod it creates the claim from the template (its labels, annotations and spec), owned by the pod
/// (controller, blocking its deletion) so the garbage collector removes it with the pod. A claim of that
/// name that the pod does not control is left alone: the controller records `FailedBinding` on the pod
/// and tries again with its queue's back-off, and the scheduler keeps the pod Pending.
extension ControllerManager {
    static let ephemeralComponent = "ephemeral_volume"

    func syncEphemeralClaims(namespace ns: String, name: String) throws {
        guard let pod = try s.find(podType, namespace: ns, name: name), pod["metadata"]["deletionTimestamp"].isNull else { return }
        var created = false
        for v in pod["spec"]["volumes"].array ?? [] where v["ephemeral"].object != nil {
            let volume = v["name"].string ?? ""
            let claimName = EphemeralVolumes.claimName(pod: name, volume: volume)
            if let pvc = try s.find(pvcType, namespace: ns, name: claimName) {
                if let refusal = EphemeralVolumes.notForPod(pvc, pod) { try ephemeralRefused(pod, volume: volume, refusal) }
                continue
            }
            let template = v["ephemeral"]["volumeClaimTemplate"]
            var meta: JSONValue = ["name": .string(claimName), "namespace": .string(ns)]
            if let labels = template["metadata"]["labels"].object, !labels.isEmpty { meta["labels"] = .object(labels) }
            if let ann = template["metadata"]["annotations"].object, !ann.isEmpty { meta["annotations"] = .object(ann) }
            meta["ownerReferences"] = [ownerReference(pod, apiVersion: "v1", kind: "Pod")]
            let spec = template["spec"].object.map(JSONValue.object) ?? .emptyObject
            do {
                try s.create(["apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": meta, "spec": spec],
                             type: pvcType, namespace: ns)
            } catch let e as APIError {
                try ephemeralRefused(pod, volume: volume, "create PVC \(claimName): \(e.message)")
            }
            // The persistent volume controller sees the new claim before the scheduler tries the pod again.
            try syncClaim(namespace: ns, name: claimName)
            created = true
        }
        // The scheduler's queueing hint: a claim the pending pod waits for was created.
        if created { enqueue(.pod(ns, name)) }
    }

    /// The sync fails: the event on the pod, and a retry after the work queue's back-off.
    private func ephemeralRefused(_ pod: JSONValue, volume: String, _ message: String) throws -> Never {
        event(pod, type: "Warning", reason: "FailedBinding", message: "ephemeral volume \(volume): \(message)",
              component: Self.ephemeralComponent)
        throw PodCreationRefused(message: message)
    }

    /// A claim went: a pod whose generic ephemeral volume it would be gets its claim made (again). The
    /// pods it could be are those named by a prefix of the claim's name before a `-`.
    func ephemeralClaimDeleted(_ pvc: JSONValue) throws {
        let ns = pvc["metadata"]["namespace"].string ?? "", name = pvc["metadata"]["name"].string ?? ""
        var end = name.startIndex
        while let dash = name[end...].firstIndex(of: "-") {
            let podName = String(name[..<dash]), volume = String(name[name.index(after: dash)...])
            end = name.index(after: dash)
            guard try s.tx.resourceVersion(resource: podType.storageKey, namespace: ns, name: podName) != nil,
                  let pod = try s.find(podType, namespace: ns, name: podName) else { continue }
            if (pod["spec"]["volumes"].array ?? []).contains(where: { $0["name"].string == volume && $0["ephemeral"].object != nil }) {
                enqueue(.ephemeralClaims(ns, podName))
            }
        }
    }
}
