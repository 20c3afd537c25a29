import KubeModel
import KubeStore

/// client-go's `EventSourceObjectSpamFilter` (tools/record): each source (component and host) may
/// record 25 events about one object (kind, namespace, name, uid, apiVersion) at once, and one more
/// for every 5 minutes since (a token bucket: burst 25, 1/300 per second, full when first used).
/// The recorder asks it after the aggregator and the de-duplicator have seen the event, so an
/// occurrence it drops still counts: the next one written about the same event carries its count.
///
/// A bucket is kept as the time it will be full again (the generic cell rate form of a token bucket:
/// an event passes when that time is at most 24 refills ahead, and moves it one refill on), in a
/// setting `evspam/<hash of the source and object>`: `<time>` alone, or with the occurrences dropped
/// per event as `<time> <event alias>:<count>...`. A bucket full again says nothing a missing one
/// would not: the opening sweep drops those (`sweepSpamBuckets`).
///
/// A pod's routine kubelet events keep no setting. A single-container pod's kubelet writes at most six
/// distinct such events (`Pulling`, both `Pulled`, `Created`, `Started`, `Killing`), each a new event
/// (none stored with its identity, so at most one per hour each: a stored event lasts an hour), and
/// six refills are half an hour: such events can never meet an empty bucket, whenever they come. So
/// they pass without a read or a write, and a pod's bucket without a setting is what its stored events
/// from that source make it: one token taken at each one's `lastTimestamp` (`derivedSpamBucket`).
/// That is exact: since the setting last went (full), only such events passed; those older than the
/// hour an event stays are at most 12 per 2 hours (24 per 3 ...), whose tokens are back by now. Every
/// other event (a repeat, a warning, a controller's, a pod with more containers) keeps its setting.
extension ControllerManager {
    static let spamPrefix = "evspam/"
    static let spamBurst: Int64 = 25
    /// Seconds per token (qps 1/300).
    static let spamRefill: Int64 = 300
    /// Events whose dropped occurrences one bucket remembers.
    static let spamPendingLimit = 16

    struct SpamBucket {
        /// When the bucket is full again (seconds); in the past: full.
        var full: Int64 = 0
        /// Occurrences dropped, by the alias of the event they belong to.
        var pending: [(alias: Int64, count: Int64)] = []

        init() {}

        init?(_ text: String) {
            let parts = text.split(separator: " ")
            guard let first = parts.first, let full = Int64(first) else { return nil }
            self.full = full
            for p in parts.dropFirst() {
                let kv = p.split(separator: ":")
                if kv.count == 2, let a = Int64(kv[0]), let n = Int64(kv[1]) { pending.append((a, n)) }
            }
        }

        var text: String { ([String(full)] + pending.map { "\($0.alias):\($0.count)" }).joined(separator: " ") }
    }

    static func spamKey(_ ev: JSONValue) -> String {
        let io = ev["involvedObject"]
        return spamKey(component: ev["source"]["component"].string ?? "", host: ev["source"]["host"].string ?? "",
                       kind: io["kind"].string ?? "", namespace: io["namespace"].string ?? "", name: io["name"].string ?? "",
                       uid: io["uid"].string ?? "", apiVersion: io["apiVersion"].string ?? "")
    }

    static func spamKey(component: String, host: String, kind: String, namespace: String, name: String, uid: String,
                        apiVersion: String) -> String {
        let text = [component, host, kind, namespace, name, uid, apiVersion].joined(separator: "\u{1}")
        let h = hex(fnv64a(text))
        return spamPrefix + String(repeating: "0", count: 16 - h.count) + h
    }

    static let routineKubeletReasons: Set<String> = ["Pulling", "Pulled", "Created", "Started", "Killing"]

    /// Whether an event about `obj` is one of a pod's routine kubelet events (see above): a pod with one
    /// container, whose six such events take 6 refills, at most half the hour an event stays.
    static func routineSpam(_ obj: JSONValue, type: String, reason: String, component: String) -> Bool {
        guard component == "kubelet", type == "Normal", routineKubeletReasons.contains(reason), obj["kind"].string == "Pod"
        else { return false }
        let spec = obj["spec"]
        let containers = (spec["containers"].array?.count ?? 0) + (spec["initContainers"].array?.count ?? 0)
            + (spec["ephemeralContainers"].array?.count ?? 0)
        return Int64(containers) * 6 * spamRefill * 2 <= eventTTL
    }

    /// Asks the spam filter about an occurrence of the event with `alias` at `now`: nil when it drops
    /// it (one of an event already stored, `existing`, is remembered: `repeats` of them), else how
    /// many occurrences of that event it dropped before (the write counts them too). A `routine` new
    /// event of a pod whose bucket has no setting passes without reading or writing one.
    func spamFilterPass(_ ev: JSONValue, alias: Int64, existing: Bool, repeats: Int64, routine: Bool = false) throws -> Int64? {
        let key = Self.spamKey(ev)
        let stored = try spamRowMayExist(key) ? try s.tx.config(key).flatMap { spamBucket(key: key, text: $0) } : nil
        if stored == nil && routine && !existing && repeats == 1 { return 0 }
        var bucket = try stored ?? derivedSpamBucket(ev)
        let t = now.seconds
        let i = bucket.pending.firstIndex { $0.alias == alias }
        if bucket.full - t > (Self.spamBurst - 1) * Self.spamRefill {
            guard existing else { return nil }
            if let i {
                bucket.pending[i].count += repeats
            } else if bucket.pending.count < Self.spamPendingLimit {
                bucket.pending.append((alias, repeats))
            }
            try saveSpamBucket(key, bucket)
            return nil
        }
        bucket.full = max(bucket.full, t) + Self.spamRefill
        let dropped = i.map { bucket.pending.remove(at: $0).count } ?? 0
        try saveSpamBucket(key, bucket)
        return existing ? dropped : 0
    }

    /// The bucket of `ev`'s source and object as `spamFilterPass` finds it, and whether it is kept as a setting.
    func spamBucketNow(_ ev: JSONValue) throws -> (SpamBucket, kept: Bool) {
        let key = Self.spamKey(ev)
        if try spamRowMayExist(key), let text = try s.tx.config(key), let b = spamBucket(key: key, text: text) { return (b, true) }
        return (try derivedSpamBucket(ev), false)
    }

    /// The most bucket settings a transaction reads at once to know which exist.
    static let spamRowsKept = 4096

    /// Whether the setting `key` may exist: false only when it surely does not.
    func spamRowMayExist(_ key: String) throws -> Bool {
        if spamRowsTx !== s.tx {
            spamRowsTx = s.tx
            let keys = try s.tx.configKeys(from: Self.spamPrefix, below: "evspam0", limit: Self.spamRowsKept)
            spamRows = keys.count < Self.spamRowsKept ? Set(keys) : nil
        }
        return spamRows?.contains(key) ?? true
    }

    /// The bucket of a source and object without a setting: full, or for a pod, one token taken at the
    /// last time of each event stored about it from that source (see above).
    private func derivedSpamBucket(_ ev: JSONValue) throws -> SpamBucket {
        var bucket = SpamBucket()
        let io = ev["involvedObject"]
        guard io["kind"].string == "Pod", let name = io["name"].string else { return bucket }
        let ns = io["namespace"].string ?? ""
        var times: [Int64] = []
        for row in try s.tx.list(resource: eventType.storageKey, namespace: ns, fields: [.equals("involvedObject.name", name)]) {
            let e = try s.decode(row)
            let o = e["involvedObject"]
            guard o["kind"] == io["kind"], o["uid"] == io["uid"], o["apiVersion"] == io["apiVersion"],
                  e["source"]["component"] == ev["source"]["component"], e["source"]["host"] == ev["source"]["host"],
                  let last = e["lastTimestamp"].string.flatMap(Timestamp.init(rfc3339:))?.seconds
            else { continue }
            times.append(last)
        }
        for t in times.sorted() { bucket.full = max(bucket.full, t) + Self.spamRefill }
        return bucket
    }

    func saveSpamBucket(_ key: String, _ b: SpamBucket) throws {
        let text = b.text
        try s.tx.setConfig(key, text)
        spamRows?.insert(key)
        spamBucketMemo = (key, text, b)
    }

    /// The bucket a setting's text holds (`spamBucketMemo` when it is the text last read or written).
    private func spamBucket(key: String, text: String) -> SpamBucket? {
        if let memo = spamBucketMemo, memo.key == key, memo.text == text { return memo.bucket }
        guard let bucket = SpamBucket(text) else { return nil }
        spamBucketMemo = (key, text, bucket)
        return bucket
    }

    static let spamCursorKey = "evspam-cursor"

    /// Drops up to `limit` buckets that are full again at `now`, going on from where the last call
    /// stopped (and from the first once past the last), so buckets of objects gone quiet do not stay.
    func sweepSpamBuckets(limit: Int) throws {
        let t = now.seconds
        let start = try s.tx.config(Self.spamCursorKey)
        var from = start ?? Self.spamPrefix
        var n = 0
        while n < limit, let (key, value) = try s.tx.firstConfigEntry(from: from, below: "evspam0") {
            n += 1
            from = key + "\u{1}"
            guard let b = SpamBucket(value) else { continue }
            // Dropped occurrences are kept as long as their event could still be there.
            if b.full <= t && (b.pending.isEmpty || b.full + Self.eventTTL + Self.leaseReuse <= t) {
                try s.tx.setConfig(key, nil)
            }
        }
        let next = n < limit ? nil : from
        if next != start { try s.tx.setConfig(Self.spamCursorKey, next) }
    }
}
