import KubeModel
import KubeStore

/// What the controllers remember between the transactions of one process, as an informer's cache:
/// the pods each ReplicaSet (or ReplicationController) controls, kept in step with every pod write and
/// delete the process makes, so that the batches of a large scale-up neither read nor decode the pods
/// again. It is stamped with the store's version when a write transaction of this process commits; a
/// transaction that begins at another version first replays the other processes' pod changes from the
/// store's change log (as an informer's watch), and forgets everything when the log no longer reaches
/// back to the stamp. Forgotten too when a transaction or savepoint is rolled back, or when a write
/// bypasses the controllers (restore). The version is the store's resource version with the position of its last
/// change (a delete hands out no resource version but is a change).
final class ControllerMemory {
    /// The store's resource version when this memory last matched it (nil: not known to match).
    private var validAt: Version?
    /// Whether this transaction already compared the store's version with `validAt`.
    private var checkedInTransaction = false
    /// By controller uid: the pods whose controller reference names it, by pod name.
    private var controlled: [String: [String: PodFacts]] = [:]
    /// The namespace of each remembered controller.
    private var namespaces: [String: String] = [:]
    /// The pods' storage key (the change log is read for it).
    let podResource: String
    /// A pod's controller uid (from its controller reference).
    let controllerUID: (JSONValue) -> String?

    init(podResource: String, controllerUID: @escaping (JSONValue) -> String?) {
        self.podResource = podResource
        self.controllerUID = controllerUID
    }
    /// The pods written in the current transaction as stored, by `namespace/name` (a deleted one: null),
    /// so the scheduler and kubelet need not read back the pod a controller has just created. Emptied
    /// when the transaction ends, either way.
    private var written: [String: JSONValue] = [:]

    struct Version: Equatable {
        var resourceVersion: Int64
        var lastChange: Int64

        init(_ tx: StoreTransaction) throws {
            resourceVersion = try tx.currentResourceVersion()
            lastChange = try tx.changeLogBounds().last
        }
    }

    /// A pod as its ReplicaSet looks at it.
    struct PodFacts {
        var name: String
        var labels: JSONValue
        var terminated: Bool
        var deleting: Bool
        var ready: Bool
        /// Since when the pod is ready (its Ready condition's transition), for `minReadySeconds`.
        var readySince: Int64? = nil
        var scheduled: Bool
        /// 0 Pending, 1 Unknown, 2 Running (`podsToDelete`'s order).
        var phaseRank: Int
        var created: String

        var active: Bool { !terminated && !deleting }
    }

    /// Called in a write transaction before the memory is used: forgets everything when another
    /// process (or a rolled-back transaction) may have changed the store since the last commit.
    @discardableResult
    func checked(_ tx: StoreTransaction) throws -> Bool {
        if checkedInTransaction { return true }
        checkedInTransaction = true
        let current = try Version(tx)
        if let known = validAt, known != current {
            let bounds = try tx.changeLogBounds()
            if known.lastChange < bounds.last && bounds.first <= known.lastChange + 1 {
                for change in try tx.changes(resource: podResource, after: known.lastChange) { replay(change) }
            } else if known.lastChange != bounds.last {
                controlled = [:]
            }
        } else if validAt == nil {
            controlled = [:]
        }
        validAt = nil
        return true
    }

    /// Another process's pod change, as the change log recorded it.
    private func replay(_ change: Change) {
        let ns = change.row.namespace, name = change.row.name
        for (uid, owned) in controlled where owned[name] != nil && namespaces[uid] == ns { controlled[uid]![name] = nil }
        guard change.type != .deleted, let pod = try? JSON.parse(change.row.data),
              let uid = controllerUID(pod), controlled[uid] != nil else { return }
        controlled[uid]![name] = Self.facts(pod)
    }

    /// A write transaction of this process committed at `version`: the memory matches the store.
    /// A transaction that never compared versions cannot vouch for what it kept.
    func committed(at version: Version?) {
        if !checkedInTransaction { controlled = [:] }
        written = [:]
        validAt = checkedInTransaction ? version : nil
        checkedInTransaction = false
    }

    /// A transaction or savepoint was rolled back, or objects were written behind the controllers' back.
    func forget() {
        nodes = [:]
        controlled = [:]
        namespaces = [:]
        written = [:]
        validAt = nil
        checkedInTransaction = false
    }

    /// Nodes as the scheduler last read them, with the resource version each was read at. A committed
    /// resource version names one content for good, so an entry is used again (`ControllerManager.nodeInfo`)
    /// only while the node's row still has that version; forgotten with everything else on a rollback
    /// (which may hand a version out again).
    private var nodes: [String: (resourceVersion: Int64, info: ControllerManager.NodeInfo)] = [:]

    func node(_ name: String) -> (resourceVersion: Int64, info: ControllerManager.NodeInfo)? { nodes[name] }

    func rememberNode(_ name: String, resourceVersion: Int64, _ info: ControllerManager.NodeInfo) {
        if nodes.count >= 65_536 { nodes = [:] }
        nodes[name] = (resourceVersion, info)
    }

    /// The pods controlled by `uid`, when known.
    func pods(controlledBy uid: String) -> [String: PodFacts]? { controlled[uid] }

    func remember(_ pods: [String: PodFacts], controlledBy uid: String, namespace: String) {
        controlled[uid] = pods
        namespaces[uid] = namespace
    }

    /// Keeps the remembered sets in step with a pod write (`new` nil: deleted).
    func podChanged(_ tx: StoreTransaction, old: JSONValue?, new: JSONValue?) throws {
        // JSON null is not a pod (a `nil` literal may have become one).
        let old = old.flatMap { $0.isNull ? nil : $0 }, new = new.flatMap { $0.isNull ? nil : $0 }
        let name = (new ?? old)?["metadata"]["name"].string ?? ""
        if written.count >= Self.writtenLimit { written = [:] }
        written[((new ?? old)?["metadata"]["namespace"].string ?? "") + "/" + name] = new ?? .null
        if controlled.isEmpty { return }
        try checked(tx)
        if let old, let uid = controllerUID(old) { controlled[uid]?[name] = nil }
        if let new, let uid = controllerUID(new), controlled[uid] != nil { controlled[uid]![name] = Self.facts(new) }
    }

    static let writtenLimit = 4096

    /// The pod as this transaction last wrote it: `.some(nil)` when it deleted it, nil when it did not write it.
    func writtenPod(namespace ns: String, name: String) -> JSONValue?? {
        guard let pod = written[ns + "/" + name] else { return nil }
        // Spelled out: JSONValue takes `nil` literals, so `pod.isNull ? nil : pod` would hand out JSON null.
        if pod.isNull { return .some(JSONValue?.none) }
        return .some(.some(pod))
    }

    /// A controller was deleted: its pods need not be remembered.
    func ownerDeleted(uid: String) {
        controlled[uid] = nil
        namespaces[uid] = nil
    }

    static func facts(_ pod: JSONValue) -> PodFacts {
        let phase = pod["status"]["phase"].string ?? "Pending"
        let readyCondition = (pod["status"]["conditions"].array ?? []).first { $0["type"].string == "Ready" && $0["status"].string == "True" }
        let ready = readyCondition != nil
        return PodFacts(name: pod["metadata"]["name"].string ?? "", labels: pod["metadata"]["labels"],
                        terminated: phase == "Succeeded" || phase == "Failed",
                        deleting: !pod["metadata"]["deletionTimestamp"].isNull, ready: ready,
                        readySince: readyCondition?["lastTransitionTime"].string.flatMap(Timestamp.init(rfc3339:))?.seconds,
                        scheduled: !(pod["spec"]["nodeName"].string ?? "").isEmpty,
                        phaseRank: ["Pending": 0, "Unknown": 1, "Running": 2][phase] ?? 0,
                        created: pod["metadata"]["creationTimestamp"].string ?? "")
    }
}
