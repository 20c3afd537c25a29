import KubeModel
import KubeRegistry
import KubeStore

/// The deletion policies of a delete request (`propagationPolicy`) as the API server records them and
/// the garbage collector carries them out.
/// - Background: the owner goes now, its dependents after it.
/// - Orphan: the dependents lose their reference to the owner, at once, even while other finalizers
///   keep the owner.
/// - Foreground: the owner stays, with `deletionTimestamp` and the `foregroundDeletion` finalizer (after
///   its own finalizers), while the collector deletes its dependents (in the foreground themselves when
///   they have dependents of their own); a dependent another live owner keeps only loses its reference.
///   The owner goes once no dependent whose reference has `blockOwnerDeletion: true` is left (dependents
///   without it are deleted but not waited for).
/// The uids of owners waiting in the foreground are kept in the store (`gc.foreground`), so an object
/// that goes later (a pod its kubelet stops, an object whose finalizer is removed) lets its owner go.
extension APISession {
    static let foregroundDeletion = "foregroundDeletion"
    static let orphanFinalizer = "orphan"
    static let waitingKey = "gc.foreground"

    /// The finalizers an object keeps under a delete with `policy`: the collector's own two are replaced
    /// by the one the policy asks for (only Foreground keeps one: an orphaning is carried out at once).
    static func finalizers(of obj: JSONValue, after policy: PropagationPolicy) -> [JSONValue] {
        var list = finalizers(obj).filter { $0 != .string(foregroundDeletion) && $0 != .string(orphanFinalizer) }
        if policy == .foreground { list.append(.string(foregroundDeletion)) }
        return list
    }

    /// The policy the collector deletes a dependent with when it has no dependents of its own: as its
    /// finalizers ask, else Background.
    static func policy(fromFinalizers obj: JSONValue) -> PropagationPolicy {
        let list = finalizers(obj)
        if list.contains(.string(orphanFinalizer)) { return .orphan }
        if list.contains(.string(foregroundDeletion)) { return .foreground }
        return .background
    }

    /// A delete in the foreground: the owner is marked, its dependents collected; it goes now only when
    /// nothing blocks it.
    func deleteInForeground(_ type: ResourceType, _ obj: JSONValue, stored row: ObjectRow) throws -> JSONValue {
        let list = Self.finalizers(of: obj, after: .foreground)
        let marked = try markFinalizing(type, object: obj, stored: row, finalizers: list) ?? obj
        var waiting = try foregroundWaiting()
        if !waiting.contains(row.uid) {
            waiting.insert(row.uid)
            try saveForegroundWaiting(waiting)
        }
        try collectInForeground(ownerUID: row.uid)
        try foregroundOwnerMayGo(uid: row.uid)
        return marked
    }

    /// The collector's pass over an owner waiting for its dependents.
    func collectInForeground(ownerUID uid: String) throws {
        for dep in try tx.dependents(ofUID: uid, full: false) {
            guard let depType = registry.type(storageKey: dep.resource),
                  let current = try tx.get(resource: dep.resource, namespace: dep.namespace, name: dep.name),
                  current.uid == dep.uid else { continue }
            let obj = try decode(current)
            if !obj["metadata"]["deletionTimestamp"].isNull { continue }
            let refs = obj["metadata"]["ownerReferences"].array ?? []
            let others = refs.compactMap { $0["uid"].string }.filter { $0 != uid }
            if try others.contains(where: { try ownerKeepsDependents(uid: $0) }) {
                var o = obj
                o["metadata"]["ownerReferences"] = .array(refs.filter { $0["uid"].string != uid })
                try update(o, type: depType)
                continue
            }
            let own = try tx.dependents(ofUID: current.uid, full: false)
            let policy: PropagationPolicy = own.isEmpty ? Self.policy(fromFinalizers: obj) : .foreground
            try delete(depType, namespace: dep.namespace, name: dep.name, propagation: policy)
        }
    }

    /// Whether an owner keeps its dependents: it exists and is not itself waiting for them to go.
    func ownerKeepsDependents(uid: String) throws -> Bool {
        guard let row = try tx.get(uid: uid) else { return false }
        let owner = try decode(row)
        return owner["metadata"]["deletionTimestamp"].isNull || !Self.finalizers(owner).contains(.string(Self.foregroundDeletion))
    }

    /// An owner waiting in the foreground loses its `foregroundDeletion` finalizer (and so goes, unless
    /// other finalizers keep it) once no dependent that blocks it is left.
    func foregroundOwnerMayGo(uid: String) throws {
        var waiting = try foregroundWaiting()
        guard waiting.contains(uid) else { return }
        guard let row = try tx.get(uid: uid), let type = registry.type(storageKey: row.resource) else {
            waiting.remove(uid)
            try saveForegroundWaiting(waiting)
            return
        }
        let owner = try decode(row)
        let list = Self.finalizers(owner)
        if owner["metadata"]["deletionTimestamp"].isNull || !list.contains(.string(Self.foregroundDeletion)) {
            waiting.remove(uid)
            try saveForegroundWaiting(waiting)
            return
        }
        for dep in try tx.dependents(ofUID: uid) {
            let refs = try decode(dep)["metadata"]["ownerReferences"].array ?? []
            if refs.contains(where: { $0["uid"].string == uid && $0["blockOwnerDeletion"].bool == true }) { return }
        }
        waiting.remove(uid)
        try saveForegroundWaiting(waiting)
        var o = owner
        let rest = list.filter { $0 != .string(Self.foregroundDeletion) }
        if rest.isEmpty { o.remove(["metadata", "finalizers"]) } else { o["metadata"]["finalizers"] = .array(rest) }
        let written = try writeDirectly(o, type: type, old: owner, expected: row.resourceVersion)
        try deleteIfFinalized(type, written)
    }

    /// An object went, or its owner references changed: the owners it named that wait in the
    /// foreground may go now.
    func foregroundOwnersMayGo(_ refs: [JSONValue]) throws {
        guard !refs.isEmpty, !(try foregroundWaiting()).isEmpty else { return }
        for uid in refs.compactMap({ $0["uid"].string }) { try foregroundOwnerMayGo(uid: uid) }
    }

    func foregroundWaiting() throws -> Set<String> {
        if let known = waitingInForeground { return known }
        let stored = try tx.config(Self.waitingKey).map { Set($0.split(separator: ",").map(String.init)) } ?? []
        waitingInForeground = stored
        return stored
    }

    func saveForegroundWaiting(_ uids: Set<String>) throws {
        waitingInForeground = uids
        try tx.setConfig(Self.waitingKey, uids.isEmpty ? nil : uids.sorted().joined(separator: ","))
    }
}
