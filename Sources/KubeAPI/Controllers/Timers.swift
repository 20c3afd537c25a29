import KubeModel
import KubeStore

/// One agenda of what falls due, for everything that happens at its own time (Stages, crash-loop
/// restarts, taint evictions, deadlines, TTLs): a setting `timer/<due seconds, 12 digits>/<id>` per entry,
/// so the store's key index keeps them in time order and the next one is a single seek; beside it
/// `timerof/<id>` names the entry, so that rescheduling replaces it. `id` is `<what>/<storage key>/<ns>/<name>`.
enum Timers {
    static let prefix = "timer/"
    static let reversePrefix = "timerof/"

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
    /// Runs every timer that fell due since the last command, in time order, each at its own time.
    /// Bounded: at most `limit` entries per command (what repeats collapses when far behind).
    func runTimers(limit: Int = 20_000) throws {
        let until = clock.now.seconds
        guard try read({ try Timers.next($0.tx, until: until) }) != nil else { return }
        try write { s in
            let c = s.controllers
            defer { c.setClock(nil) }
            var steps = 0
            while steps < limit, let (due, id, payload) = try Timers.next(s.tx, until: until) {
                steps += 1
                try Timers.cancel(s.tx, id: id)
                c.setClock(Timestamp(seconds: due))
                c.eventsPerObject = [:]
                try c.fire(id: id, payload: payload)
                try c.drain()
            }
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
        case "progress": enqueue(.deployment(ns, name))
        case "poddeadline": try podDeadlineDue(namespace: ns, name: name)
        case "jobdeadline": try jobDeadlineDue(namespace: ns, name: name)
        case "jobttl": try jobTTLDue(namespace: ns, name: name)
        case ControllerManager.retryPrefix: retryDue(storageKey: storageKey, namespace: ns, name: name, payload: payload)
        default: break
        }
    }

    /// The clock time of real now (not the replay's), for collapsing what repeats.
    var wallNow: Timestamp { s.clock.now }
}
