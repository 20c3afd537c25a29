import KubeModel
import KubeRegistry
import KubeSchema

/// Loading objects as another cluster kept them (`kubectl-local store import`): the object is stored
/// with its uid (when no other object has it), creationTimestamp, generation and status, bypassing
/// admission, which already ran on the cluster it comes from. Only the resourceVersion is this store's.
extension APISession {
    /// `replaced` names the uid the replaced object had.
    public enum RestoreOutcome: Sendable { case created, replaced(previousUID: String) }

    /// Stores `input` (replacing an object of the same name); controllers are not run here: call
    /// `settleRestored` once every object of the batch is in.
    @discardableResult
    public func restore(_ input: JSONValue, type: ResourceType) throws -> RestoreOutcome {
        memory?.forget()  // written behind the controllers' back
        controllers.endpointsFullSync = true
        priorityClasses = nil
        var obj = input
        let name = obj["metadata"]["name"].string ?? ""
        guard !name.isEmpty else {
            throw APIError.invalid(kind: type.kind, name: "", causes: [.init(field: "metadata.name", message: "Required value: name is required")])
        }
        let namespace = type.namespaced ? (obj["metadata"]["namespace"].string ?? "default") : ""
        if type.namespaced {
            obj["metadata"]["namespace"] = .string(namespace)
            if let nsType = registry.type(group: "", kind: "Namespace"),
               try tx.get(resource: nsType.storageKey, namespace: "", name: namespace) == nil
            {
                try create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(namespace)]],
                           type: nsType, namespace: "")
            }
        } else {
            obj.remove(["metadata", "namespace"])
        }
        let existing = try tx.get(resource: type.storageKey, namespace: namespace, name: name)
        var uid = obj["metadata"]["uid"].string ?? ""
        let holder = uid.isEmpty ? nil : try tx.get(uid: uid)
        let taken = holder.map { $0.resource != type.storageKey || $0.namespace != namespace || $0.name != name } ?? false
        if uid.isEmpty || taken {
            uid = existing?.uid ?? uuidV4()
        }
        obj["metadata"]["uid"] = .string(uid)
        if obj["metadata"]["creationTimestamp"].string?.isEmpty ?? true {
            obj["metadata"]["creationTimestamp"] = .string(now.rfc3339)
        }
        for key in ["managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"] {
            obj.remove(["metadata", key])
        }
        if obj["metadata"]["generation"].isNull { type.generation.apply(to: &obj, old: nil) }
        // As the API server serves it: with the zero values Go always writes, without those omitempty leaves out.
        obj = GoZeroValues.filled(object: GoZeroValues.withoutLeftOut(object: obj))
        obj = Normalize.metadataOrder(obj)
        let rv = try tx.nextResourceVersion()
        obj["metadata"]["resourceVersion"] = .string(String(rv))
        let row = row(for: obj, type: type, resourceVersion: rv)
        if let existing {
            try tx.update(row, expectedResourceVersion: existing.resourceVersion)
            return .replaced(previousUID: existing.uid)
        }
        try tx.insert(row)
        return .created
    }

    /// After a batch of `restore`s: the controllers look at each restored object once, so what the
    /// dump did not carry (a Deployment's ReplicaSet, a namespace's default ServiceAccount) appears.
    /// `goneUIDs`: uids of objects the batch replaced with another uid; the garbage collector deletes
    /// what they owned and nothing of the batch replaced (a fresh store's coredns pods, when a dump
    /// brings its own coredns ReplicaSet and pods).
    public func settleRestored(_ objects: [(JSONValue, ResourceType)], goneUIDs: [String] = []) throws {
        for uid in goneUIDs where try tx.get(uid: uid) == nil { try deleteDependents(of: uid) }
        for (obj, type) in objects { try collectIfOwnersAbsent(obj, type: type) }
        for (obj, type) in objects {
            let ns = type.namespaced ? (obj["metadata"]["namespace"].string ?? "default") : ""
            guard let row = try tx.get(resource: type.storageKey, namespace: ns, name: obj["metadata"]["name"].string ?? "") else {
                continue
            }
            let stored = try decode(row)
            if type.group.isEmpty && type.kind == "Namespace" { try namespaceCreated(row.name) }
            try quotaObjectWritten(type: type, new: stored, old: nil)
            try controllers.objectWritten(type: type, object: stored, old: nil)
        }
    }

    /// The garbage collector's view of a restored object's owners: an owner reference is dangling when
    /// no object of that kind and name exists (in the object's namespace for a namespaced owner) or the
    /// one that exists has another uid. With no live owner left the object is deleted (its finalizers
    /// choosing orphan or foreground, else in the background); with some, the dangling references are
    /// removed. Owners of kinds this store does not know are left alone, as the collector only retries
    /// them. A mirror pod of a node that exists is the kubelet's: it makes it again under its node.
    func collectIfOwnersAbsent(_ restored: JSONValue, type: ResourceType) throws {
        let ns = type.namespaced ? (restored["metadata"]["namespace"].string ?? "default") : ""
        guard let row = try tx.get(resource: type.storageKey, namespace: ns, name: restored["metadata"]["name"].string ?? "") else { return }
        var obj = try decode(row)
        guard obj["metadata"]["deletionTimestamp"].isNull, let refs = obj["metadata"]["ownerReferences"].array, !refs.isEmpty else { return }
        let mirror = type.group.isEmpty && type.kind == "Pod" && !obj["metadata"]["annotations"]["kubernetes.io/config.mirror"].isNull
        var kept: [JSONValue] = [], dangling = 0, changed = false
        for var ref in refs {
            guard let ownerType = registry.type(apiVersion: ref["apiVersion"].string ?? "", kind: ref["kind"].string ?? ""),
                  ownerType.namespaced == false || !ns.isEmpty
            else { kept.append(ref); continue }
            let owner = try tx.get(resource: ownerType.storageKey, namespace: ownerType.namespaced ? ns : "", name: ref["name"].string ?? "")
            if let owner, owner.uid == ref["uid"].string { kept.append(ref); continue }
            if mirror, let owner, ownerType.group.isEmpty, ownerType.kind == "Node" {
                ref["uid"] = .string(owner.uid)
                kept.append(ref)
                changed = true
                continue
            }
            dangling += 1
        }
        if kept.isEmpty {
            let finalizers = obj["metadata"]["finalizers"].array?.compactMap(\.string) ?? []
            let policy: PropagationPolicy = finalizers.contains("orphan") ? .orphan
                : finalizers.contains("foregroundDeletion") ? .foreground : .background
            try delete(type, namespace: ns, name: row.name, propagation: policy)
        } else if dangling > 0 || changed {
            obj["metadata"]["ownerReferences"] = .array(kept)
            try update(obj, type: type)
        }
    }
}
