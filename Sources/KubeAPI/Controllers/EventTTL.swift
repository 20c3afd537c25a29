import KubeModel
import KubeRegistry
import KubeStore

/// Events live one hour after their last write, as the API server stores them (`--event-ttl=1h`):
/// every write attaches the event to an etcd lease, and a lease granted at `g` is shared by the
/// writes of the next 60 seconds and granted for 3,600 + 60 seconds (the storage layer's lease reuse:
/// 5% of the TTL, at most 60 s), so an event goes between 60 and 61 minutes after its last write.
///
/// Here a lease is a setting `evttl/<g>` holding the first row id and resource version written under
/// it. Leases are granted in time order and resource versions only grow, so the events whose lease
/// has expired at `t` are exactly those below the first resource version of the oldest lease still
/// alive at `t` (`EventExpiry.floor`: two index seeks). Reads hide them at once, as etcd drops a key
/// the moment its lease expires (`StoreTransaction.expiry`, set for the clock of every session and of
/// the controllers as they replay what fell due); a watcher sees them go at that moment too.
///
/// Their rows go later, a bounded amount per command (`sweepExpiredEvents`): an expired lease's events
/// are the row ids up to the next lease's first id; those last written under it (or before) go in a
/// few statements, through the change log; one written again later is left to a timer of its own at
/// the end of the lease its last write fell in. Each command sweeps `sweepIDsPerCommand` ids when it
/// opens the store, and a client's write as many again as twice the events it wrote, so the backlog
/// shrinks as fast as events are made; a store left for a year opens without deleting its expired
/// events first.
extension ControllerManager {
    static let eventTTL: Int64 = 3600
    static let leaseReuse: Int64 = 60
    static let leasePrefix = "evttl/"
    /// Past every lease key (`evttl0` follows `evttl/...`).
    static let leaseEnd = "evttl0"
    static let openLeaseKey = "evttl-open"
    /// Row ids a command's opening sweep reads at most.
    static let sweepIDsPerCommand: Int64 = 256

    struct EventLease {
        var start: Int64
        var firstID: Int64
        var firstRV: Int64
        /// Where an unfinished sweep goes on.
        var from: Int64?
        var expires: Int64 { start + ControllerManager.eventTTL + ControllerManager.leaseReuse }

        init(start: Int64, firstID: Int64, firstRV: Int64) {
            (self.start, self.firstID, self.firstRV) = (start, firstID, firstRV)
        }

        init?(key: String, value: String) {
            guard let start = Int64(key.dropFirst(ControllerManager.leasePrefix.count)), let v = try? JSON.parse(value),
                  let id = v["id"].int, let rv = v["rv"].int else { return nil }
            self.init(start: start, firstID: id, firstRV: rv)
            from = v["from"].int
        }

        var value: String {
            var v: JSONValue = ["id": .int(firstID), "rv": .int(firstRV)]
            if let from { v["from"] = .int(from) }
            return v.compactJSON
        }
    }

    static func leaseKey(_ start: Int64) -> String {
        let d = String(max(0, start))
        return leasePrefix + String(repeating: "0", count: max(0, 12 - d.count)) + d
    }

    /// An event is about to be written (created or updated) at the controllers' `now`, or was just
    /// written (`stored`: a client's write): the lease it is attached to is the one granted in the last
    /// 60 seconds, else a new one from now.
    func eventWritten(stored: Bool = false) throws {
        s.eventsWritten += 1
        let t = now.seconds
        if let g = openEventLease, t < g + Self.leaseReuse { return }
        let open = try s.tx.config(Self.openLeaseKey).flatMap { Int64($0) }
        if let g = open, t < g + Self.leaseReuse {
            openEventLease = g
            return
        }
        // The first lease of a store covers every event stored before leases were kept.
        var firstID = open == nil ? 0 : try s.tx.maxRowID() + (stored ? 0 : 1)
        if let (key, value) = try s.tx.lastConfigEntry(from: Self.leasePrefix, below: Self.leaseEnd),
           let last = EventLease(key: key, value: value) { firstID = max(firstID, last.firstID) }
        let lease = EventLease(start: t, firstID: firstID, firstRV: try s.tx.currentResourceVersion() + (stored ? 0 : 1))
        try s.tx.setConfig(Self.leaseKey(t), lease.value)
        try s.tx.setConfig(Self.openLeaseKey, String(t))
        openEventLease = t
    }

    /// Deletes the events of expired leases, oldest lease first, reading at most `budget` row ids;
    /// returns how many it read. Those last written under a lease (or before) go in a few statements;
    /// one written again later is deleted if that lease has expired too, else given a timer at its end.
    @discardableResult
    func sweepExpiredEvents(budget: Int64) throws -> Int64 {
        let t = now.seconds
        let floor = try EventExpiry.floor(s.tx, at: t)
        let saved = s.tx.expiry
        s.tx.expiry = nil
        defer { s.tx.expiry = saved }
        let cut = Self.leaseKey(t - Self.eventTTL - Self.leaseReuse + 1)
        var left = budget
        var lastSwept: Int64?
        while left > 0, let (key, value) = try s.tx.firstConfigEntry(from: Self.leasePrefix, below: cut),
              var lease = EventLease(key: key, value: value) {
            let next = try s.tx.firstConfigEntry(from: key + "\u{1}", below: Self.leaseEnd).flatMap { EventLease(key: $0.key, value: $0.value) }
            let from = lease.from ?? lease.firstID
            let stop = next?.firstID ?? Int64.max
            let upper = stop - from > left ? from + left : stop
            try s.tx.deleteExpired(resource: eventType.storageKey, ids: from..<upper, belowVersion: next?.firstRV ?? Int64.max,
                                   keepPrefix: Timers.reversePrefix + "evexpire/" + eventType.storageKey + "/")
            for (_, row) in try s.tx.summaries(resource: eventType.storageKey, ids: from..<upper) {
                try expireOrDefer(row, floor: floor, at: t)
            }
            left -= min(left, max(1, upper - from))
            if upper < stop, try upper <= s.tx.maxRowID() {
                lease.from = upper
                try s.tx.setConfig(key, lease.value)
                break
            }
            try s.tx.setConfig(key, nil)
            lastSwept = lease.start
        }
        // The aggregator's memory of groups quiet since before the last lease swept is of no more use
        // (it forgets a group after 10 minutes).
        if let start = lastSwept {
            for (key, value) in try s.tx.configEntries(withPrefix: Self.aggregatePrefix)
            where ((try? JSON.parse(value))?["t"].int ?? 0) < start {
                try s.tx.setConfig(key, nil)
            }
        }
        return budget - left
    }

    /// An event's own timer fell due: its write counted as of then (`eventExpires`) is made at that
    /// time, or its lease (it was written again after its first lease's sweep) has ended.
    func eventExpiryDue(namespace ns: String, name: String, payload: JSONValue) throws {
        let saved = s.tx.expiry
        s.tx.expiry = nil
        defer { s.tx.expiry = saved }
        guard let row = try s.tx.get(resource: eventType.storageKey, namespace: ns, name: name) else { return }
        if payload["touch"].bool == true {
            // The same event written again: only its resource version (and so its lease) changes.
            var ev = try s.decode(row)
            try eventWritten()
            let rv = try s.tx.nextResourceVersion()
            ev["metadata"]["resourceVersion"] = .string(String(rv))
            try s.tx.update(s.row(for: ev, type: eventType, resourceVersion: rv), expectedResourceVersion: nil)
            return
        }
        try expireOrDefer(row, floor: try EventExpiry.floor(s.tx, at: now.seconds), at: now.seconds)
    }

    /// An event written (in a catch-up that counts instead of replaying) as of `t`: that write is
    /// made again at `t`, so it lives under the lease granted then.
    func eventExpires(namespace ns: String, name: String, at t: Int64) throws {
        try Timers.set(s.tx, id: Timers.objectID("evexpire", eventType.storageKey, ns, name), due: t, payload: ["touch": true])
    }

    /// Deletes an event whose last write's lease has expired at `t` (below `floor`), or sets its timer
    /// to that lease's end. One with a timer of its own still to come is left to it.
    private func expireOrDefer(_ row: ObjectRow, floor: Int64?, at t: Int64) throws {
        let id = Timers.objectID("evexpire", eventType.storageKey, row.namespace, row.name)
        let own = try Timers.scheduled(s.tx, id: id)
        if let own, own.due > t { return }
        if floor == nil || row.resourceVersion >= floor! {
            // Alive: its lease is the last live one granted at or before its write.
            var lease: EventLease?
            var from = Self.leaseKey(t - Self.eventTTL - Self.leaseReuse + 1)
            while let (key, value) = try s.tx.firstConfigEntry(from: from, below: Self.leaseEnd), let l = EventLease(key: key, value: value),
                  l.firstRV <= row.resourceVersion || lease == nil {
                lease = l
                from = key + "\u{1}"
            }
            try Timers.set(s.tx, id: id, due: lease?.expires ?? t + Self.eventTTL + Self.leaseReuse)
            return
        }
        if own != nil { try Timers.cancel(s.tx, id: id) }
        try s.tx.delete(resource: row.resource, namespace: row.namespace, name: row.name)
    }
}

/// Which events have expired at a given time (see `ControllerManager`'s event TTL above).
public enum EventExpiry {
    static let resource = "/events"

    /// The resource version below which every event has expired at `t` (those last written under a
    /// lease that ended by `t`), or nil when none has.
    static func floor(_ tx: StoreTransaction, at t: Int64) throws -> Int64? {
        typealias C = ControllerManager
        guard let (first, _) = try tx.firstConfigEntry(from: C.leasePrefix, below: C.leaseEnd) else { return nil }
        let cut = C.leaseKey(t - C.eventTTL - C.leaseReuse + 1)
        // The oldest lease alive covers everything before it (what was swept, and a store's events
        // from before leases were kept).
        if first >= cut { return nil }
        if let (key, value) = try tx.firstConfigEntry(from: cut, below: C.leaseEnd), let live = C.EventLease(key: key, value: value) {
            return live.firstRV
        }
        return try tx.currentResourceVersion() + 1
    }

    /// Whether a lease has expired at `t` (its events are there to sweep).
    static func sweepDue(_ tx: StoreTransaction, at t: Int64) throws -> Bool {
        typealias C = ControllerManager
        return try tx.firstConfigEntry(from: C.leasePrefix, below: C.leaseKey(t - C.eventTTL - C.leaseReuse + 1)) != nil
    }
}

extension APISession {
    /// Hides the events whose lease has expired at `t` from this session's reads.
    func applyEventExpiry(at t: Int64) {
        guard let floor = try? EventExpiry.floor(tx, at: t) else {
            tx.expiry = nil
            return
        }
        tx.expiry = (EventExpiry.resource, floor)
    }

    /// The resource version below which objects of `type` have expired at `t` (events whose lease has
    /// run out), or nil: a watcher reports them DELETED when their lease expires.
    public func expiredBelow(_ type: ResourceType, at t: Int64) -> Int64? {
        guard type.storageKey == EventExpiry.resource, let floor = try? EventExpiry.floor(tx, at: t) else { return nil }
        return floor
    }
}

extension APIServer {
    /// Sweeps a command's share of expired events when it opens the store (`sweepIDsPerCommand`), and
    /// of the spam filter's buckets that are full again.
    func sweepExpiredEventsOnOpen() throws {
        guard try read({ try EventExpiry.sweepDue($0.tx, at: clock.now.seconds) }) else { return }
        try controllerWrite { s in
            try s.controllers.sweepExpiredEvents(budget: ControllerManager.sweepIDsPerCommand)
            try s.controllers.sweepSpamBuckets(limit: 64)
        }
    }
}
