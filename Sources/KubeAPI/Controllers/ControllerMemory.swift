import KubeModel
import KubeStore

/// What the controllers remember between the transactions of one process, as an informer's cache:
/// the pods each ReplicaSet (or ReplicationController) controls, kept in step with every pod write and
/// delete the process makes, so that the batches of a large scale-up neither read nor decode the pods
/// again. It is trusted only while no other process wrote: it is stamped with the store's resource
/// version when a write transaction of this process commits, and forgotten when a transaction begins
/// at any other version, when a transaction or savepoint is rolled back, or when a write bypasses the
/// controllers (restore). The version is the store's resource version with the position of its last
/// change (a delete hands out no resource version but is a change).
final class ControllerMemory {
    /// The store's resource version when this memory last matched it (nil: not known to match).
    private var validAt: Version?
    /// Whether this transaction already compared the store's version with `validAt`.
    private var checkedInTransaction = false
    /// By controller uid: the pods whose controller reference names it, by pod name.
    private var controlled: [String: [String: PodFacts]] = [:]

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
        if validAt != current { controlled = [:] }
        validAt = nil
        return true
    }

    /// A write transaction of this process committed at `version`: the memory matches the store.
    /// A transaction that never compared versions cannot vouch for what it kept.
    func committed(at version: Version?) {
        if !checkedInTransaction { controlled = [:] }
        validAt = checkedInTransaction ? version : nil
        checkedInTransaction = false
    }

    /// A transaction or savepoint was rolled back, or objects were written behind the controllers' back.
    func forget() {
        controlled = [:]
        validAt = nil
        checkedInTransaction = false
    }

    /// The pods controlled by `uid`, when known.
    func pods(controlledBy uid: String) -> [String: PodFacts]? { controlled[uid] }

    func remember(_ pods: [String: PodFacts], controlledBy uid: String) { controlled[uid] = pods }

    /// Keeps the remembered sets in step with a pod write (`new` nil: deleted).
    func podChanged(_ tx: StoreTransaction, old: JSONValue?, new: JSONValue?, controllerUID: (JSONValue) -> String?) throws {
        if controlled.isEmpty { return }
        try checked(tx)
        // JSON null is not a pod (a `nil` literal may have become one).
        let old = old.flatMap { $0.isNull ? nil : $0 }, new = new.flatMap { $0.isNull ? nil : $0 }
        let name = (new ?? old)?["metadata"]["name"].string ?? ""
        if let old, let uid = controllerUID(old) { controlled[uid]?[name] = nil }
        if let new, let uid = controllerUID(new), controlled[uid] != nil { controlled[uid]![name] = Self.facts(new) }
    }

    /// A controller was deleted: its pods need not be remembered.
    func ownerDeleted(uid: String) { controlled[uid] = nil }

    static func facts(_ pod: JSONValue) -> PodFacts {
        let phase = pod["status"]["phase"].string ?? "Pending"
        let ready = (pod["status"]["conditions"].array ?? []).contains { $0["type"].string == "Ready" && $0["status"].string == "True" }
        return PodFacts(name: pod["metadata"]["name"].string ?? "", labels: pod["metadata"]["labels"],
                        terminated: phase == "Succeeded" || phase == "Failed",
                        deleting: !pod["metadata"]["deletionTimestamp"].isNull, ready: ready,
                        scheduled: !(pod["spec"]["nodeName"].string ?? "").isEmpty,
                        phaseRank: ["Pending": 0, "Unknown": 1, "Running": 2][phase] ?? 0,
                        created: pod["metadata"]["creationTimestamp"].string ?? "")
    }
}
