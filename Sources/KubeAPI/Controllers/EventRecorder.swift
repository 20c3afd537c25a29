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
    func record(_ ev: JSONValue, repeats: Int64 = 1, first: Timestamp? = nil) throws {
        let ns = ev["metadata"]["namespace"].string ?? ""
        // NamespaceLifecycle refuses new content in a namespace being deleted, events included.
        if try namespaceTerminating(ns) { return }
        let identity = Self.eventIdentity(ev)
        let alias = Int64(bitPattern: fnv64a(ns + "/" + hex(fnv64a(identity))))
        if let row = try s.tx.get(alias: alias), row.resource == eventType.storageKey, row.namespace == ns,
           case var existing = try s.decode(row), Self.eventIdentity(existing) == identity
        {
            existing["count"] = .int((existing["count"].int ?? 1) + repeats)
            existing["lastTimestamp"] = ev["lastTimestamp"]
            try eventWritten()
            let rv = try s.tx.nextResourceVersion()
            existing["metadata"]["resourceVersion"] = .string(String(rv))
            try s.tx.update(s.row(for: existing, type: eventType, resourceVersion: rv), expectedResourceVersion: nil)
            return
        }
        var ev = ev
        if repeats > 1 {
            ev["count"] = .int(repeats)
            if let first { ev["firstTimestamp"] = .string(first.rfc3339) }
        }
        try eventWritten()
        let rv = try s.tx.nextResourceVersion()
        ev["metadata"]["resourceVersion"] = .string(String(rv))
        try s.tx.insert(s.row(for: ev, type: eventType, resourceVersion: rv), alias: alias)
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
}
