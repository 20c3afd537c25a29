import KubeModel
import KubeRegistry
import KubeStore

/// Finalizers, as the API server and the storage-protection controllers handle them: a client's delete
/// of an object that has `metadata.finalizers` only sets `deletionTimestamp` (grace 0) and the object
/// stays, `Terminating`, until an update removes the last finalizer, which deletes it. The
/// `kubernetes.io/pvc-protection` finalizer goes once no pod that is not finished uses the claim; the
/// `kubernetes.io/pv-protection` one once the volume is no longer Bound. Deletes the server makes itself
/// (garbage collection, a namespace's content) honour finalizers as a client's delete does.
extension APISession {
    static let pvcProtection = "kubernetes.io/pvc-protection"
    static let pvProtection = "kubernetes.io/pv-protection"

    static func finalizers(_ obj: JSONValue) -> [JSONValue] { obj["metadata"]["finalizers"].array ?? [] }

    /// Marks the object for deletion instead of deleting it when it has finalizers (`finalizers`: the list
    /// the delete leaves, see `finalizers(of:after:)`); nil when it has none. Every delete honours them,
    /// the client's and the server's own (garbage collection, a namespace's content, controllers). The
    /// first mark sets `deletionTimestamp` and bumps a kept `metadata.generation`, as the API server's
    /// markAsDeleting does; a later delete may only change the collector's finalizers. A pod ends as its
    /// kubelet leaves it: stopped, `deletionGracePeriodSeconds` 0, its `deletionTimestamp` the time of the delete.
    func markFinalizing(_ type: ResourceType, object old: JSONValue, stored: ObjectRow,
                        finalizers: [JSONValue]? = nil) throws -> JSONValue? {
        let list = finalizers ?? Self.finalizers(old)
        guard !list.isEmpty else { return nil }
        var obj = old
        if list != Self.finalizers(old) { obj["metadata"]["finalizers"] = .array(list) }
        let isPod = type.group.isEmpty && type.kind == "Pod"
        if let at = old["metadata"]["deletionTimestamp"].string {
            let grace = old["metadata"]["deletionGracePeriodSeconds"].int ?? 0
            if isPod && grace > 0 {
                // A pod's graceful deletion becomes its kubelet's final one (grace 0) once due; until then
                // nothing changes (not even the finalizers).
                guard let when = Timestamp(rfc3339: at), when.seconds <= now.seconds else { return old }
                obj["metadata"]["deletionTimestamp"] = .string(when.adding(seconds: -Self.goSeconds(grace)).rfc3339)
            } else if obj == old {
                return old
            }
        } else {
            obj["metadata"]["deletionTimestamp"] = .string(now.rfc3339)
            if let generation = old["metadata"]["generation"].int, generation > 0 { obj["metadata"]["generation"] = .int(generation + 1) }
        }
        obj["metadata"]["deletionGracePeriodSeconds"] = 0
        obj = Normalize.metadataOrder(obj)
        let rv = try tx.nextResourceVersion()
        obj["metadata"]["resourceVersion"] = .string(String(rv))
        try tx.update(row(for: obj, type: type, resourceVersion: rv), expectedResourceVersion: stored.resourceVersion)
        try afterWrite(type: type, object: obj, old: old)
        try releaseStorageProtection(type, obj)
        return try find(type, namespace: type.namespaced ? (obj["metadata"]["namespace"].string ?? "") : "",
                        name: obj["metadata"]["name"].string ?? "") ?? obj
    }

    /// After an update: an object being deleted whose last finalizer went is deleted now (a pod once its
    /// kubelet has stopped it: grace period 0).
    func deleteIfFinalized(_ type: ResourceType, _ obj: JSONValue) throws {
        guard !obj["metadata"]["deletionTimestamp"].isNull, Self.finalizers(obj).isEmpty else { return }
        if type.group.isEmpty && type.kind == "Pod" && obj["metadata"]["deletionGracePeriodSeconds"].int != 0 { return }
        if type.group.isEmpty && type.kind == "Namespace" {
            try finishNamespace(obj["metadata"]["name"].string ?? "")
            return
        }
        let ns = type.namespaced ? (obj["metadata"]["namespace"].string ?? "") : ""
        guard try tx.get(resource: type.storageKey, namespace: ns, name: obj["metadata"]["name"].string ?? "") != nil else { return }
        try delete(type, namespace: ns, name: obj["metadata"]["name"].string ?? "")
    }

    /// The pvc-protection and pv-protection controllers: a terminating claim or volume that nothing
    /// uses any more loses its protection finalizer (and so goes).
    func releaseStorageProtection(_ type: ResourceType, _ obj: JSONValue) throws {
        guard type.group.isEmpty, !obj["metadata"]["deletionTimestamp"].isNull else { return }
        let finalizer: String
        switch type.kind {
        case "PersistentVolumeClaim":
            finalizer = Self.pvcProtection
            let ns = obj["metadata"]["namespace"].string ?? "", name = obj["metadata"]["name"].string ?? ""
            guard Self.finalizers(obj).contains(.string(finalizer)), try !claimInUse(namespace: ns, name: name, claim: obj) else { return }
        case "PersistentVolume":
            finalizer = Self.pvProtection
            guard Self.finalizers(obj).contains(.string(finalizer)), obj["status"]["phase"].string != "Bound" else { return }
        default:
            return
        }
        var u = obj
        u["metadata"]["finalizers"] = .array(Self.finalizers(obj).filter { $0 != .string(finalizer) })
        if Self.finalizers(u).isEmpty { u.remove(["metadata", "finalizers"]) }
        try update(u, type: type)
    }

    /// Whether a scheduled pod uses the claim (v1.32 pvc-protection `podUsesPVC`): a pod without a node
    /// uses nothing, since the kubelet never starts a pod whose claim is being deleted. A scheduled pod
    /// uses a claim it names, whatever its phase, until the pod is deleted; and its generic ephemeral
    /// volume's claim when the claim is the pod's own (a claim of that name the pod does not control is
    /// not its volume) and the pod is not shut down (deleted with a grace period of 0). The pod that
    /// controls an ephemeral claim is found by its owner reference, since its rows never hold the name.
    func claimInUse(namespace ns: String, name: String, claim: JSONValue) throws -> Bool {
        guard let podType = registry.type(group: "", kind: "Pod") else { return false }
        let scheduled = { (pod: JSONValue) in !(pod["spec"]["nodeName"].string ?? "").isEmpty }
        for row in try tx.list(resource: podType.storageKey, namespace: ns) where row.data.contains(name) {
            let pod = try decode(row)
            if scheduled(pod), (pod["spec"]["volumes"].array ?? []).contains(where: { $0["persistentVolumeClaim"]["claimName"].string == name }) {
                return true
            }
        }
        let shutDown = { (pod: JSONValue) in
            !pod["metadata"]["deletionTimestamp"].isNull && pod["metadata"]["deletionGracePeriodSeconds"].int == 0
        }
        for ref in claim["metadata"]["ownerReferences"].array ?? [] where ref["controller"].bool == true && ref["kind"].string == "Pod" {
            guard let podName = ref["name"].string, let row = try tx.get(resource: podType.storageKey, namespace: ns, name: podName) else { continue }
            let pod = try decode(row)
            if scheduled(pod), !shutDown(pod), EphemeralVolumes.notForPod(claim, pod) == nil, (pod["spec"]["volumes"].array ?? []).contains(where: {
                $0["ephemeral"].object != nil && EphemeralVolumes.claimName(pod: podName, volume: $0["name"].string ?? "") == name
            }) { return true }
        }
        return false
    }

    static func claimNames(of pod: JSONValue) -> [String] {
        let podName = pod["metadata"]["name"].string ?? ""
        return (pod["spec"]["volumes"].array ?? []).compactMap { v in
            if let claim = v["persistentVolumeClaim"]["claimName"].string { return claim }
            if v["ephemeral"].object != nil { return "\(podName)-\(v["name"].string ?? "")" }
            return nil
        }
    }

    /// A pod went: the terminating claims it used may go too.
    func podReleasedClaims(_ pod: JSONValue) throws {
        guard let pvcType = claimType else { return }
        let ns = pod["metadata"]["namespace"].string ?? ""
        for claim in Self.claimNames(of: pod) {
            guard let row = try tx.get(resource: pvcType.storageKey, namespace: ns, name: claim) else { continue }
            try releaseStorageProtection(pvcType, try decode(row))
        }
    }

    /// A volume that is no longer Bound, or a pod that finished, may release what it protected.
    func storageProtectionAfterWrite(type: ResourceType, object: JSONValue, old: JSONValue?) throws {
        guard type.group.isEmpty else { return }
        switch type.kind {
        case "PersistentVolume":
            if object["status"]["phase"] != old?["status"]["phase"] { try releaseStorageProtection(type, object) }
        case "Pod":
            let phase = object["status"]["phase"].string ?? ""
            if phase == "Succeeded" || phase == "Failed", old?["status"]["phase"].string != phase { try podReleasedClaims(object) }
        default:
            break
        }
    }
}
