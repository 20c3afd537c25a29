import KubeModel
import KubeRegistry
import KubeStore

/// Events live one hour after their last write, as the API server stores them (`--event-ttl=1h`):
/// every write attaches the event to an etcd lease, and a lease granted at `g` is shared by the
/// writes of the next 60 seconds and granted for 3,600 + 60 seconds (the storage layer's lease reuse:
/// 5% of the TTL, at most 60 s), so an event goes between 60 and 61 minutes after its last write.
///
/// Here a lease is a setting `evttl/<g>` holding the first row id and resource version written under
/// it, and a timer at `g + 3,660`. The events inserted under a lease are then the id range up to the
/// next lease's first id: the timer deletes those whose resource version still falls in that lease,
/// a few thousand ids per step, and gives one that was written again later a timer of its own, at the
/// end of the lease its last write fell in. Opening the store costs nothing until a lease expires, and
/// a sweep reads only what was inserted in one minute. Deleted events go through the change log, so a
/// watch sees them go.
extension ControllerManager {
    static let eventTTL: Int64 = 3600
    static let leaseReuse: Int64 = 60
    static let leasePrefix = "evttl/"
    static let openLeaseKey = "evttl-open"
    /// Row ids one sweep step reads.
    static let sweepStep: Int64 = 4096

    struct EventLease {
        var start: Int64
        var firstID: Int64
        var firstRV: Int64
        var expires: Int64 { start + ControllerManager.eventTTL + ControllerManager.leaseReuse }
    }

    static func leaseKey(_ start: Int64) -> String {
        let d = String(max(0, start))
        return leasePrefix + String(repeating: "0", count: max(0, 12 - d.count)) + d
    }

    /// An event is about to be written (created or updated) at the controllers' `now`, or was just
    /// written (`stored`: a client's write): the lease it is attached to is the one granted in the last
    /// 60 seconds, else a new one from now.
    func eventWritten(stored: Bool = false) throws {
        let t = now.seconds
        if let g = openEventLease, t < g + Self.leaseReuse { return }
        let open = try s.tx.config(Self.openLeaseKey).flatMap { Int64($0) }
        if let g = open, t < g + Self.leaseReuse {
            openEventLease = g
            return
        }
        // The first lease of a store covers every event stored before leases were kept.
        var firstID = open == nil ? 0 : try s.tx.maxRowID() + (stored ? 0 : 1)
        if let last = try leases().last { firstID = max(firstID, last.firstID) }
        let lease = EventLease(start: t, firstID: firstID, firstRV: try s.tx.currentResourceVersion() + (stored ? 0 : 1))
        try s.tx.setConfig(Self.leaseKey(t), (["id": .int(lease.firstID), "rv": .int(lease.firstRV)] as JSONValue).compactJSON)
        try s.tx.setConfig(Self.openLeaseKey, String(t))
        try Timers.set(s.tx, id: Timers.objectID("evttl", eventType.storageKey, "", String(t)), due: lease.expires)
        openEventLease = t
    }

    /// The leases not yet swept, oldest first.
    func leases() throws -> [EventLease] {
        try s.tx.configEntries(withPrefix: Self.leasePrefix).compactMap { key, value in
            guard let start = Int64(key.dropFirst(Self.leasePrefix.count)), let v = try? JSON.parse(value),
                  let id = v["id"].int, let rv = v["rv"].int else { return nil }
            return EventLease(start: start, firstID: id, firstRV: rv)
        }
    }

    /// A lease expired: one step through the events inserted under it (the next step is due at once).
    func leaseExpired(start: Int64, payload: JSONValue) throws {
        let all = try leases()
        guard let i = all.firstIndex(where: { $0.start == start }) else { return }
        let from = payload["from"].int ?? all[i].firstID
        let end = i + 1 < all.count ? all[i + 1].firstID : Int64.max
        let upper = end - from > Self.sweepStep ? from + Self.sweepStep : end
        // Those last written under this lease (or before) go in a few statements; what is left was
        // written again under a later lease, or has a timer of its own.
        let later = i + 1 < all.count ? all[i + 1].firstRV : Int64.max
        try s.tx.deleteExpired(resource: eventType.storageKey, ids: from..<upper, belowVersion: later,
                               keepPrefix: Timers.reversePrefix + "evexpire/" + eventType.storageKey + "/")
        for (_, row) in try s.tx.summaries(resource: eventType.storageKey, ids: from..<upper) {
            try expireOrDefer(row, leases: all)
        }
        if upper < end, try upper <= s.tx.maxRowID() {
            try Timers.set(s.tx, id: Timers.objectID("evttl", eventType.storageKey, "", String(start)), due: all[i].expires,
                           payload: ["from": .int(upper)])
            return
        }
        try s.tx.setConfig(Self.leaseKey(start), nil)
        // The aggregator's memory of groups quiet since before this lease is of no more use (it forgets
        // a group after 10 minutes).
        for (key, value) in try s.tx.configEntries(withPrefix: Self.aggregatePrefix)
        where ((try? JSON.parse(value))?["t"].int ?? 0) < start {
            try s.tx.setConfig(key, nil)
        }
    }

    /// An event written again after its lease's sweep went by: its own timer fell due.
    func eventExpiryDue(namespace ns: String, name: String) throws {
        guard let row = try s.tx.get(resource: eventType.storageKey, namespace: ns, name: name) else { return }
        try expireOrDefer(row, leases: try leases())
    }

    /// An event written (in a catch-up that counts instead of replaying) as of `t`: it expires with a
    /// lease granted then, unless written again later.
    func eventExpires(namespace ns: String, name: String, at t: Int64) throws {
        try Timers.set(s.tx, id: Timers.objectID("evexpire", eventType.storageKey, ns, name),
                       due: t + Self.eventTTL + Self.leaseReuse)
    }

    /// Deletes an event whose last write's lease has expired, or sets its timer to that lease's end.
    /// One with a timer of its own still to come is left to it.
    private func expireOrDefer(_ row: ObjectRow, leases: [EventLease]) throws {
        let id = Timers.objectID("evexpire", eventType.storageKey, row.namespace, row.name)
        let own = try Timers.scheduled(s.tx, id: id)
        if let own, own.due > now.seconds { return }
        let lease = leases.last { $0.firstRV <= row.resourceVersion }
        if let lease, lease.expires > now.seconds {
            try Timers.set(s.tx, id: id, due: lease.expires)
            return
        }
        if own != nil { try Timers.cancel(s.tx, id: id) }
        try s.tx.delete(resource: row.resource, namespace: row.namespace, name: row.name)
    }
}
