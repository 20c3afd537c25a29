#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeStore

/// One agenda of what falls due, for everything that happens at its own time (Stages, crash-loop
/// restarts, taint evictions, deadlines, TTLs): a setting `timer/<due seconds, 12 digits>/<id>` per entry,
/// so the store's key index keeps them in time order and the next one is a single seek; beside it
/// `timerof/<id>` names the entry, so that rescheduling replaces it. `id` is `<what>/<storage key>/<ns>/<name>`.
enum Timers {
    static let prefix = "timer/"
    static let reversePrefix = "timerof/"
    /// `what` of a controller's deferred sync (the rest of a large scale-up or scale-down).
    static let resync = "resync"

    static func key(due: Int64, id: String) -> String {
        let d = String(max(0, due))
        return prefix + String(repeating: "0", count: max(0, 12 - d.count)) + d + "/" + id
    }

    /// Schedules `id` at `due` (seconds), replacing an earlier schedule of the same id.
    static func set(_ tx: StoreTransaction, id: String, due: Int64, payload: JSONValue = .emptyObject) throws {
        try cancel(tx, id: id)
        let k = key(due: due, id: id)
        try tx.setConfig(k, payload.compactJSON)
        try tx.setConfig(reversePrefix + id, k)
    }

    static func cancel(_ tx: StoreTransaction, id: String) throws {
        guard let k = try tx.config(reversePrefix + id) else { return }
        try tx.setConfig(k, nil)
        try tx.setConfig(reversePrefix + id, nil)
    }

    /// When `id` is due, with its payload, or nil.
    static func scheduled(_ tx: StoreTransaction, id: String) throws -> (due: Int64, payload: JSONValue)? {
        guard let k = try tx.config(reversePrefix + id), let v = try tx.config(k) else { return nil }
        let due = Int64(k.dropFirst(prefix.count).prefix(12)) ?? 0
        return (due, (try? JSON.parse(v)) ?? .emptyObject)
    }

    /// The earliest entry due at or before `until`: its due time, id and payload.
    static func next(_ tx: StoreTransaction, until: Int64) throws -> (due: Int64, id: String, payload: JSONValue)? {
        guard let (k, v) = try tx.firstConfigEntry(from: prefix, below: key(due: until + 1, id: "")) else { return nil }
        let rest = k.dropFirst(prefix.count)
        guard let due = Int64(rest.prefix(12)) else { return nil }
        return (due, String(rest.dropFirst(13)), (try? JSON.parse(v)) ?? .emptyObject)
    }

    static func objectID(_ what: String, _ storageKey: String, _ ns: String, _ name: String) -> String {
        "\(what)/\(storageKey)/\(ns)/\(name)"
    }

    /// Splits an id into what, storage key (`group/plural`), namespace and name.
    static func parse(_ id: String) -> (what: String, storageKey: String, namespace: String, name: String)? {
        let parts = id.split(separator: "/", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5 else { return nil }
        return (parts[0], parts[1] + "/" + parts[2], parts[3], parts[4])
    }
}

extension APIServer {
    /// A write transaction for the controllers' own work between commands: their writes are not client
    /// requests (no strict decoding, no authorization as the command's user).
    func controllerWrite<T>(_ body: (APISession) throws -> T) throws -> T {
        let outer = controllerWriting
        controllerWriting = true
        defer { controllerWriting = outer }
        return try write { s in
            s.writeDepth += 1
            defer { s.writeDepth -= 1 }
            return try body(s)
        }
    }

    /// Runs every timer that fell due since the last command, in time order, each at its own time.
    /// Bounded: at most `limit` entries per command (what repeats collapses when far behind). The work
    /// is split into transactions of about 5,000 writes at most (`ControllerManager.transactionWrites`,
    /// a short pause between them), so a store catching up on thousands of timers never holds other
    /// writers for long. A resync left by
    /// another live process is its own to finish: the loop stops there.
    func runTimers(until: Int64? = nil, limit: Int = 20_000) throws {
        let until = until ?? clock.now.seconds
        var steps = 0
        while steps < limit {
            guard let first = try read({ try Timers.next($0.tx, until: until) }), !ownedElsewhere(first.id, first.payload) else { return }
            if steps > 0 { usleep(ControllerManager.batchGapMicroseconds) }
            var deferred = false
            let more = try controllerWrite { s -> Bool in
                let c = s.controllers
                defer { c.setClock(nil) }
                // Crash-loop catch-ups' events, each pod's replayed together as the transaction ends.
                c.collectedReplays = c.collectedReplays ?? []
                defer { c.flushReplays() }
                while steps < limit, let (due, id, payload) = try Timers.next(s.tx, until: until) {
                    if ownedElsewhere(id, payload) { return false }
                    steps += 1
                    try Timers.cancel(s.tx, id: id)
                    c.setClock(Timestamp(seconds: due))
                    c.eventsPerObject = [:]
                    try c.fire(id: id, payload: payload)
                    try c.drain()
                    // Counted here: the write that ends this transaction may go on with split work itself.
                    if c.deferredWork { deferred = true; deferredPodsLeft -= max(1, c.podsCreated); return true }
                    if c.transactionOverBudget { return true }
                }
                return false
            }
            if deferred && deferredPodsLeft <= 0 { return }
            if !more { return }
        }
    }

    /// Split-off controller work one command carries out before it returns, in bursts of 500 pods: 20
    /// bursts, 10,000 pods (a burst ends early in a transaction that has written much already; the
    /// budget counts the pods).
    /// The rest waits, due, for the next command, as a cluster keeps working after kubectl returns.
    /// A `replicas: 2147483647` typo costs each command a bounded amount of work instead of hanging it.
    public static let deferredBatchesPerCommand = 20

    /// A resync timer whose process is still running (it finishes its own work).
    func ownedElsewhere(_ id: String, _ payload: JSONValue) -> Bool {
        guard id.hasPrefix(Timers.resync + "/"), let pid = payload["pid"].int, pid != Int64(getpid()) else { return false }
        return kill(pid_t(pid), 0) == 0 || errno == EPERM
    }

    /// Whether a controller left work for another transaction that this process may do (its own, or
    /// a killed process's).
    func hasDeferredWork() throws -> Bool {
        try read { s in
            let from = Timers.reversePrefix + Timers.resync + "/"
            guard let (key, _) = try s.tx.firstConfigEntry(from: from, below: Timers.reversePrefix + Timers.resync + "0") else { return false }
            let id = String(key.dropFirst(Timers.reversePrefix.count))
            guard let (due, payload) = try Timers.scheduled(s.tx, id: id) else { return false }
            return due <= clock.now.seconds && !ownedElsewhere(id, payload)
        }
    }

    /// Carries out the work controllers split off, one transaction per batch, letting other writers in
    /// between (each waits at most one batch, well under a second). Bounded like the timer loop.
    public func finishDeferredWork() throws {
        guard !store.isReadOnly else { return }
        let outermost = !inWrite
        inWrite = true
        defer { if outermost { inWrite = false } }
        var rounds = 0
        while rounds < 10_000, deferredPodsLeft > 0, try hasDeferredWork() {
            rounds += 1
            usleep(ControllerManager.batchGapMicroseconds)
            try runTimers()
        }
    }
}

extension ControllerManager {
    /// A timer fell due: hand it to its controller.
    func fire(id: String, payload: JSONValue) throws {
        guard let (what, storageKey, ns, name) = Timers.parse(id) else { return }
        switch what {
        case "stage": try fireStage(storageKey: storageKey, namespace: ns, name: name, payload: payload)
        case "kubelet": try containerTransitionsDue(namespace: ns, name: name)
        case "evict": try evictionDue(namespace: ns, name: name)
        case "terminate": try kubeletStopDue(namespace: ns, name: name)
        case "prestop": try preStopDue(namespace: ns, name: name, payload: payload)
        case "progress": enqueue(.deployment(ns, name))
        // A ReplicaSet's pod has been ready for `minReadySeconds`: it counts as available now.
        case "rsavailable":
            if storageKey == rcType.storageKey { enqueue(.replicationController(ns, name)) } else { enqueue(.replicaSet(ns, name)) }
        case Timers.resync:
            if let uid = payload["uid"].string, let n = payload["events"].int { eventsPerObject[uid] = Int(n) }
            switch storageKey {
            case rsType.storageKey: enqueue(.replicaSet(ns, name))
            case rcType.storageKey: enqueue(.replicationController(ns, name))
            case stsType.storageKey: enqueue(.statefulSet(ns, name))
            case jobType.storageKey: enqueue(.job(ns, name))
            default: break
            }
        case Self.claimSyncTimer: try claimSyncDue(namespace: ns, name: name, due: now.seconds, payload: payload)
        case Self.provisionRetryTimer: try provisionRetryDue(namespace: ns, name: name, due: now.seconds, payload: payload)
        case "poddeadline": try podDeadlineDue(namespace: ns, name: name)
        case "jobdeadline": try jobDeadlineDue(namespace: ns, name: name)
        case "jobttl": try jobTTLDue(namespace: ns, name: name)
        case "jobbackoff": enqueue(.job(ns, name))
        case "schedretry": try schedulingRetryDue(namespace: ns, name: name)
        case "evseries": try seriesFlushDue(namespace: ns, pod: name)
        // A lease's timer (stores from before leases were swept by each command): nothing to do.
        case "evttl": break
        case "evexpire": try eventExpiryDue(namespace: ns, name: name, payload: payload)
        case ControllerManager.apfEnsureTimer: enqueue(.apfEnsure)
        case APISession.nodeLeaseTimer: try s.nodeLeaseRenewalDue(node: name)
        case ControllerManager.retryPrefix: retryDue(storageKey: storageKey, namespace: ns, name: name, payload: payload)
        default: break
        }
    }

    /// The clock time of real now (not the replay's), for collapsing what repeats.
    var wallNow: Timestamp { s.clock.now }
}
