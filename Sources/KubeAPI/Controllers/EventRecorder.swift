import KubeModel
import KubeRegistry
import KubeStore

/// client-go's event correlator: an event identical to one already recorded (same source, involved
/// object, type, reason and message) is not stored again; the first one's `count` goes up and its
/// `lastTimestamp` moves, which `describe` prints as `(x3 over 2m)`. The first one is found through a
/// store alias (`StoreTransaction.get(alias:)`, schema v8): a 64-bit hash of `<namespace>/<hash of what
/// makes events identical>`, the text of the store setting `event.key/...` that held it before v8.
extension ControllerManager {
    /// `repeats` occurrences at once (a catch-up counting what it does not replay): the count grows by
    /// that many; a new event starts at `first`.
    /// `routine`: one of a pod's routine kubelet events (`routineSpam`).
    /// `decided`: a catch-up's replay of the spam filter decided the write (`replayEvents`): the filter
    /// is not asked, the count and first time are the replay's, a `fresh` one is made anew.
    func record(_ ev: JSONValue, repeats: Int64 = 1, first: Timestamp? = nil, aggregate: Bool = false, routine: Bool = false,
                decided: SpamDecision? = nil) throws {
        let ns = ev["metadata"]["namespace"].string ?? ""
        // NamespaceLifecycle refuses new content in a namespace being deleted, events included.
        if try namespaceTerminating(ns) { return }
        var ev = ev
        // The message is not part of it: the same before and after the message is combined.
        let aggregateKey = aggregate ? Self.aggregateKey(ev) : ""
        let combined = try aggregate && aggregated(ev, aggregateKey: aggregateKey)
        let identity: String
        if combined {
            // Counted on the one event that stands for them all, whatever its message.
            ev["message"] = .string("(combined from similar events): " + (ev["message"].string ?? ""))
            identity = aggregateKey + "\u{1}combined"
        } else {
            identity = Self.eventIdentity(ev)
        }
        let alias = Self.eventAlias(ns: ns, identity: identity)
        // Schema v12: about a pod created in this transaction, only what this transaction recorded can
        // match (`freshPodEvents`); otherwise the alias, then the events the alias does not name.
        let fresh = !combined && isFreshPod(ev["involvedObject"])
        let stored = try storedEvent(ev, ns: ns, alias: alias, identity: identity, combined: combined ? aggregateKey : nil, fresh: fresh)
        let found = decided?.fresh == true ? nil : stored?.event
        let expired = stored?.expired ?? false
        // A pod's routine kubelet events (not `Killing`, which comes in another transaction) written
        // while the pod is fresh keep no alias: later transactions find them by the pod's name.
        let keepsAlias = !(fresh && routine && Self.mayBeWithoutAlias(ev))
        // The source's spam filter has the last word; what it drops of a stored event still counts.
        let dropped: Int64
        if decided != nil {
            dropped = 0
        } else {
            guard let d = try spamFilterPass(ev, alias: alias, existing: found != nil, repeats: repeats, routine: routine && !combined)
            else { return }
            dropped = d
        }
        if var existing = found {
            existing["count"] = .int(decided?.count ?? ((existing["count"].int ?? 1) + repeats + dropped))
            existing["message"] = ev["message"]
            existing["lastTimestamp"] = ev["lastTimestamp"]
            try eventWritten()
            let rv = try s.tx.nextResourceVersion()
            existing["metadata"]["resourceVersion"] = .string(String(rv))
            if expired {
                existing["metadata"]["uid"] = .string(try s.tx.rowUID(uuidV4()))
                existing["metadata"]["creationTimestamp"] = ev["metadata"]["creationTimestamp"]
                try s.tx.insert(s.row(for: existing, type: eventType, resourceVersion: rv), alias: alias)
                if fresh { freshPodEvents[alias] = existing["metadata"]["name"].string }
            } else {
                try s.tx.update(s.row(for: existing, type: eventType, resourceVersion: rv), expectedResourceVersion: nil)
            }
            return
        }
        if let decided {
            // Made when the replay made it.
            ev["count"] = .int(decided.count)
            ev["firstTimestamp"] = .string(decided.first.rfc3339)
            ev["metadata"]["creationTimestamp"] = .string(decided.first.rfc3339)
        } else if repeats > 1 {
            ev["count"] = .int(repeats)
            if let first { ev["firstTimestamp"] = .string(first.rfc3339) }
        }
        try eventWritten()
        // Schema v13: the event's uid names its row (`StoreTransaction.rowUID`): no uid index entry.
        if let random = ev["metadata"]["uid"].string { ev["metadata"]["uid"] = .string(try s.tx.rowUID(random)) }
        let rv = try s.tx.nextResourceVersion()
        ev["metadata"]["resourceVersion"] = .string(String(rv))
        try s.tx.insert(s.row(for: ev, type: eventType, resourceVersion: rv), alias: keepsAlias ? alias : nil)
        if fresh { freshPodEvents[alias] = ev["metadata"]["name"].string }
    }

    /// The correlator's alias of an event with `identity` in `ns`.
    static func eventAlias(ns: String, identity: String) -> Int64 {
        Int64(bitPattern: fnv64a(ns + "/" + hex(fnv64a(identity))))
    }

    /// The stored event `ev` is counted on, and whether its lease has run out (its row still there): the
    /// one the alias names, else one stored without it. `combined`: the aggregate key of a combined
    /// event (matched by it, whatever its message); `fresh`: about a pod made in this transaction.
    /// A summary row (`StoreTransaction.summary(alias:)`) is read in full only when this transaction
    /// has not decoded the event at its stored version yet (`APISession.object(of:)`).
    func storedEvent(_ ev: JSONValue, ns: String, alias: Int64, identity: String, combined: String? = nil,
                     fresh: Bool = false) throws -> (event: JSONValue, expired: Bool)? {
        // The recorder remembers the event it wrote even when its lease has run out since (the row is
        // hidden but not yet swept): its patch then finds nothing and it creates the event again under
        // the same name, with the count and first time it remembers.
        let expiry = s.tx.expiry
        s.tx.expiry = nil
        defer { s.tx.expiry = expiry }
        func matches(_ row: ObjectRow) throws -> (event: JSONValue, expired: Bool)? {
            guard row.resource == eventType.storageKey, row.namespace == ns, let existing = try s.object(of: row) else { return nil }
            // The combined event first: its identity (which ends in its message) is not computed then.
            guard combined.map({ existing["message"].string?.hasPrefix("(combined from similar events): ") == true
                && Self.aggregateKey(existing) == $0 }) ?? false || Self.eventIdentity(existing) == identity
            else { return nil }
            return (existing, expiry.map { row.resource == $0.resource && row.resourceVersion < $0.belowVersion } ?? false)
        }
        let row = try fresh ? freshPodEvents[alias].flatMap { try s.tx.get(resource: eventType.storageKey, namespace: ns, name: $0) }
            : s.tx.summary(alias: alias)
        if let row, let found = try matches(row) { return found }
        guard !fresh && combined == nil && Self.mayBeWithoutAlias(ev), let name = ev["involvedObject"]["name"].string else { return nil }
        for row in try s.tx.list(resource: eventType.storageKey, namespace: ns, fields: [.equals("involvedObject.name", name)]) {
            if let found = try matches(row) { return found }
        }
        return nil
    }

    /// Reasons of a pod's routine kubelet events that schema v12 may store without a correlator alias.
    static let reasonsWithoutAlias: Set<String> = ["Pulling", "Pulled", "Created", "Started"]

    /// Whether a stored event with `ev`'s identity may have been written without an alias (v12): a
    /// pod's Normal kubelet event of one of `reasonsWithoutAlias`, whatever its containers.
    static func mayBeWithoutAlias(_ ev: JSONValue) -> Bool {
        ev["source"]["component"].string == "kubelet" && ev["type"].string == "Normal"
            && ev["involvedObject"]["kind"].string == "Pod" && reasonsWithoutAlias.contains(ev["reason"].string ?? "")
    }

    /// A pod this session created in its transaction under a new uid (`podCreated`): no event about it
    /// can be stored but the ones this session recorded, which `freshPodEvents` names.
    func isFreshPod(_ involved: JSONValue) -> Bool {
        guard involved["kind"].string == "Pod", let uid = involved["uid"].string, freshPodsTx === s.tx else { return false }
        return freshPods.contains(uid)
    }

    /// A pod was created under a uid made for it in this transaction (`APISession.create`).
    func podCreated(uid: String) {
        if freshPodsTx !== s.tx {
            freshPodsTx = s.tx
            freshPods = []
            freshPodEvents = [:]
        }
        freshPods.insert(uid)
    }

    /// Whether `ns` is being deleted (remembered per transaction until a namespace is written).
    func namespaceTerminating(_ ns: String) throws -> Bool {
        if let known = terminatingNamespaces[ns] { return known }
        let terminating = try s.tx.get(resource: nsType.storageKey, namespace: "", name: ns).map {
            try !s.decode($0)["metadata"]["deletionTimestamp"].isNull
        } ?? false
        terminatingNamespaces[ns] = terminating
        return terminating
    }

    /// What makes two events the same for the correlator (its alias is a hash of this).
    static func eventIdentity(_ ev: JSONValue) -> String {
        let io = ev["involvedObject"]
        return [ev["source"]["component"].string ?? "", ev["source"]["host"].string ?? "", io["kind"].string ?? "",
                io["namespace"].string ?? "", io["name"].string ?? "", io["uid"].string ?? "",
                io["apiVersion"].string ?? "", io["fieldPath"].string ?? "", ev["type"].string ?? "",
                ev["reason"].string ?? "", ev["message"].string ?? ""].joined(separator: "\u{1}")
    }

    /// What makes events "similar" for client-go's aggregator: the event's identity less its message.
    static func aggregateKey(_ ev: JSONValue) -> String {
        let io = ev["involvedObject"]
        return [ev["source"]["component"].string ?? "", ev["source"]["host"].string ?? "", io["kind"].string ?? "",
                io["namespace"].string ?? "", io["name"].string ?? "", io["uid"].string ?? "", io["apiVersion"].string ?? "",
                ev["type"].string ?? "", ev["reason"].string ?? "", ev["reportingComponent"].string ?? "",
                ev["reportingInstance"].string ?? ""].joined(separator: "\u{1}")
    }

    static let aggregatePrefix = "evagg/"
    /// Similar events with this many different messages within 10 minutes are combined into one.
    static let aggregateMaxEvents = 10
    static let aggregateInterval: Int64 = 600

    /// client-go's event aggregator: similar events (same source, object, type and reason) with 10
    /// different messages, each within 10 minutes of the one before, are from then on recorded as one
    /// event, `(combined from similar events): <latest message>`, whose count grows. The recorder's
    /// memory of each group (the messages seen, when the last was) is a setting
    /// `evagg/<namespace>/<hash of the group>`. Returns whether `ev` goes to the combined event.
    /// `aggregateKey`: `Self.aggregateKey(ev)`.
    func aggregated(_ ev: JSONValue, aggregateKey: String) throws -> Bool {
        let key = Self.aggregatePrefix + (ev["metadata"]["namespace"].string ?? "") + "/" + hex(fnv64a(aggregateKey))
        let text = try s.tx.config(key)
        var messages: [String]
        let last: Int64?
        if let memo = aggregateMemo, memo.key == key, memo.text == text {
            (messages, last) = (memo.messages, memo.time)
        } else {
            let record = text.flatMap { try? JSON.parse($0) } ?? .null
            (messages, last) = ((record["m"].array ?? []).compactMap(\.string), record["t"].int)
        }
        let t = now.seconds
        if let last, t - last > Self.aggregateInterval { messages = [] }
        let message = hex(fnv64a(ev["message"].string ?? ""))
        if !messages.contains(message) { messages.append(message) }
        let combine = messages.count >= Self.aggregateMaxEvents
        // The set never grows past the limit: one (any) leaves once it is reached.
        if combine { messages.removeFirst() }
        let written = (["m": .array(messages.map { .string($0) }), "t": .int(t)] as JSONValue).compactJSON
        try s.tx.setConfig(key, written)
        aggregateMemo = (key, written, messages, t)
        return combine
    }
}
