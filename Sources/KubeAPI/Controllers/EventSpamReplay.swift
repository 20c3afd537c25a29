import KubeModel
import KubeStore

/// The recorder's correlator and spam filter (`EventRecorder`, `EventSpamFilter`) over occurrences a
/// catch-up counts instead of replaying: each occurrence meets the source's token bucket at its own
/// time, in memory, as a replay writing them one by one would (one token per occurrence, an
/// occurrence dropped of a stored event counted on its next write, one of an event not stored lost,
/// an event whose last write is past its lease gone, so its next pass makes it anew). A catch-up then
/// writes each event once, as the last write of that replay left it (`ControllerManager.replayEvents`).
///
/// Leases are worked out as `eventWritten` grants them (a write 60 s or more after the open lease
/// opens a new one; an event goes when the lease of its last write ends, 3,660 s after it began).
///
/// A crash loop's steady state repeats a cycle (a run, its back-off's retries, the restart): what
/// decides the next cycle (the bucket, the open lease, each event's lease end and dropped
/// occurrences, relative to the cycle's start) repeats too, within a few hundred cycles (the bucket
/// moves 300 s a token, the cycle its own length), so whole repeats are skipped: counts grow by what
/// one repeat added, times by its length. A year of a crash loop costs what a day does.
struct SpamReplay {
    struct Tracked {
        let alias: Int64
        /// One of a pod's routine kubelet events (`ControllerManager.routineSpam`).
        let routine: Bool
        /// Stored and its lease not ended (at the last occurrence looked at).
        var alive: Bool
        /// When the lease of its last write ends.
        var expires: Int64
        var count: Int64
        var first: Int64
        /// Its last write.
        var written: Int64
        /// Writes in this replay, and how many of them made it anew.
        var passes: Int64 = 0
        var recreations: Int64 = 0
        /// Stored with its lease ended (its row not swept yet): the recorder still has its count, and its
        /// next write carries it on under its name, as `record` writes such an event again.
        var remembered = false
    }

    var full: Int64
    /// Whether the bucket is kept as a setting (else routine new events pass without it).
    var hasSetting: Bool
    var lease: Int64?
    var pending: [(alias: Int64, count: Int64)]
    var events: [Tracked]

    typealias C = ControllerManager

    /// One occurrence of event `i` at `t`.
    mutating func occur(_ i: Int, at t: Int64) {
        var e = events[i]
        defer { events[i] = e }
        if e.alive && t >= e.expires { e.alive = false }
        if !hasSetting && e.routine && !e.alive && !e.remembered {
            // A routine new event of a pod without a setting: it passes, its token counted from the stored events.
            full = max(full, t) + C.spamRefill
            write(&e, at: t, dropped: 0)
            return
        }
        hasSetting = true
        let k = pending.firstIndex { $0.alias == e.alias }
        if full - t > (C.spamBurst - 1) * C.spamRefill {
            guard e.alive || e.remembered else { return }
            if let k { pending[k].count += 1 } else if pending.count < C.spamPendingLimit { pending.append((e.alias, 1)) }
            return
        }
        full = max(full, t) + C.spamRefill
        let dropped = k.map { pending.remove(at: $0).count } ?? 0
        write(&e, at: t, dropped: dropped)
    }

    private mutating func write(_ e: inout Tracked, at t: Int64, dropped: Int64) {
        if e.alive {
            e.count += 1 + dropped
        } else if e.remembered {
            e.count += 1 + dropped
            e.alive = true
            e.remembered = false
        } else {
            e.count = 1
            e.first = t
            e.alive = true
            e.recreations += 1
        }
        e.written = t
        e.passes += 1
        if lease.map({ t >= $0 + C.leaseReuse }) ?? true { lease = t }
        e.expires = (lease ?? t) + C.eventTTL + C.leaseReuse
    }

    /// What decides the cycles after `b`.
    private struct Key: Hashable {
        var full: Int64, lease: Int64, hasSetting: Bool
        var pending: [Int64], events: [Int64]
    }

    private func key(at b: Int64) -> Key {
        Key(full: max(full - b, 0), lease: lease.map { max($0 - b, -C.leaseReuse - 1) } ?? Int64.min, hasSetting: hasSetting,
            pending: pending.flatMap { [$0.alias, $0.count] },
            events: events.map { $0.alive && $0.expires > b ? $0.expires - b : $0.remembered ? -2 : -1 })
    }

    /// `n` cycles of `template` (offsets from each cycle's start with the event, in time order) from
    /// `start`, one every `cycle` seconds; occurrences at or before `after` are left out.
    mutating func run(_ template: [(offset: Int64, event: Int)], start: Int64, cycle: Int64, count n: Int64, after: Int64) {
        var seen: [Key: Int64] = [:]
        var snapshots: [Int64: SpamReplay] = [:]
        var looking = true
        var i: Int64 = 0
        while i < n {
            var b = start + i * cycle
            if looking, b > after {
                let k = key(at: b)
                if let j = seen[k], let then = snapshots[j] {
                    let p = i - j, m = (n - i) / p
                    if m > 0 {
                        skip(m, periodsFrom: then, shift: m * p * cycle)
                        i += m * p
                        b = start + i * cycle
                    }
                    looking = false
                    if i >= n { break }
                } else if seen.count < Self.cyclesKept {
                    seen[k] = i
                    snapshots[i] = self
                } else {
                    looking = false
                }
            }
            if b > after {
                let k = droppedCycles(template, from: b, cycle: cycle, upTo: n - i)
                if k > 1 {
                    i += k
                    continue
                }
            }
            for o in template where b + o.offset > after { occur(o.event, at: b + o.offset) }
            i += 1
        }
    }

    /// Cycles from `b` (at most `limit`) whose every occurrence the empty bucket drops while no stored
    /// event's lease ends: counted at once (each stored event's dropped occurrences wait for its next
    /// write, the others are lost). Returns how many.
    private mutating func droppedCycles(_ template: [(offset: Int64, event: Int)], from b: Int64, cycle: Int64, upTo limit: Int64) -> Int64 {
        guard hasSetting, let last = template.last?.offset else { return 0 }
        let opens = full - (C.spamBurst - 1) * C.spamRefill
        var ends = opens
        for e in events where e.alive && e.expires < ends { ends = e.expires }
        guard ends > b + last else { return 0 }
        let k = min(limit, (ends - 1 - last - b) / cycle + 1)
        guard k > 1 else { return k }
        for o in template where events[o.event].alive || events[o.event].remembered {
            let alias = events[o.event].alias
            if let j = pending.firstIndex(where: { $0.alias == alias }) {
                pending[j].count += k
            } else if pending.count < C.spamPendingLimit {
                pending.append((alias, k))
            }
        }
        return k
    }

    /// The most cycles looked at for a repeat (it comes within a few hundred).
    static let cyclesKept = 4096

    /// Repeats `m` times what happened since `then` (the state at an identical point), `shift` seconds in all.
    private mutating func skip(_ m: Int64, periodsFrom then: SpamReplay, shift: Int64) {
        for k in events.indices {
            let old = then.events[k]
            if events[k].recreations == old.recreations {
                events[k].count += m * (events[k].count - old.count)
            } else {
                events[k].first += shift
            }
            if events[k].written != old.written {
                events[k].written += shift
                events[k].expires += shift
            }
            events[k].passes += m * (events[k].passes - old.passes)
            events[k].recreations += m * (events[k].recreations - old.recreations)
        }
        full += shift
        lease = lease.map { $0 + shift }
    }
}

extension SpamReplay {
    mutating func run(_ plan: OccurrencePlan, after: Int64) {
        for o in plan.before where o.at > after { occur(o.event, at: o.at) }
        if let c = plan.cycle { run(c.template, start: c.start, cycle: c.length, count: c.count, after: after) }
        for o in plan.after where o.at > after { occur(o.event, at: o.at) }
    }
}

/// Occurrences a catch-up counted (indexes of the events it names), in time order: explicit ones, and
/// a cycle repeated between them.
struct OccurrencePlan {
    var before: [(at: Int64, event: Int)] = []
    var cycle: (template: [(offset: Int64, event: Int)], start: Int64, length: Int64, count: Int64)?
    var after: [(at: Int64, event: Int)] = []

    var isEmpty: Bool { before.isEmpty && cycle == nil && after.isEmpty }

    /// How many occurrences it holds.
    var size: Int64 { Int64(before.count + after.count) + (cycle.map { $0.count * Int64($0.template.count) } ?? 0) }

    /// Every occurrence, in time order.
    var expanded: [(at: Int64, event: Int)] {
        var out = before
        if let c = cycle {
            for i in 0..<c.count { out += c.template.map { (c.start + i * c.length + $0.offset, $0.event) } }
        }
        return out + after
    }

    mutating func add(_ t: Int64, _ event: Int) {
        if cycle == nil { before.append((t, event)) } else { after.append((t, event)) }
    }

    /// Occurrences every `step` seconds from `first` through `last`.
    mutating func add(every step: Int64, from first: Int64, through last: Int64, _ event: Int) {
        var t = first
        while t <= last {
            add(t, event)
            t += step
        }
    }
}

/// How a catch-up writes an event its replay decided: the count, first and last time the replay's last
/// write gave it, made anew (`fresh`) when the replay made it (again) rather than updating it.
struct SpamDecision {
    var count: Int64
    var first: Timestamp
    var fresh: Bool
}

extension ControllerManager {
    /// A kubelet event about a container that a catch-up counts.
    struct CountedEvent {
        var type = "Normal"
        var reason: String
        var message: String
    }

    /// The events of one container a catch-up counted: `plan`'s occurrences (indexes into `kinds`, about
    /// `pod`'s container at `fieldPath`) after `after`. Another source's (a controller's events about
    /// another object, `pod`) names its `component` and no field path or host.
    struct ReplayPart {
        var pod: JSONValue
        var kinds: [CountedEvent]
        var plan: OccurrencePlan
        var fieldPath: String?
        var host: String?
        var after: Int64
        var component = "kubelet"
    }

    /// The most occurrences of several containers of one pod interleaved (a day of two crash loops);
    /// beyond, each container's are replayed after the other's.
    static let mergedReplayLimit: Int64 = 100_000

    /// Replays `part` with the others of its pod when timers are being run (`collectingReplays`): one
    /// bucket for them all.
    func queueReplay(_ part: ReplayPart) {
        if collectedReplays != nil { collectedReplays?.append(part) } else { replayEvents([part]) }
    }

    /// A kubelet event about a pod whose catch-up is queued joins its replay (its time among the
    /// counted ones'). Returns whether it did.
    func joinReplay(_ obj: JSONValue, type: String, reason: String, message: String, component: String, host: String?,
                    fieldPath: String?) -> Bool {
        guard component == "kubelet", let parts = collectedReplays, !parts.isEmpty, let host, let fieldPath,
              case .string(let uid) = obj["metadata"]["uid"], parts.contains(where: { $0.pod["metadata"]["uid"].string == uid })
        else { return false }
        var plan = OccurrencePlan()
        plan.add(now.seconds, 0)
        collectedReplays?.append(ReplayPart(pod: obj, kinds: [CountedEvent(type: type, reason: reason, message: message)], plan: plan,
                                            fieldPath: fieldPath, host: host, after: now.seconds - 1))
        return true
    }

    /// Runs `body`, then replays what it queued, each pod's parts together (within an outer call's, at its end).
    func collectingReplays(_ body: () throws -> Void) rethrows {
        if collectedReplays != nil { return try body() }
        collectedReplays = []
        defer { flushReplays() }
        try body()
    }

    /// Replays what was queued, each pod's parts together, and stops collecting.
    func flushReplays() {
        let parts = collectedReplays ?? []
        collectedReplays = nil
        var order: [String] = [], byPod: [String: [ReplayPart]] = [:]
        for part in parts {
            let uid = part.pod["metadata"]["uid"].string ?? ""
            if byPod[uid] == nil { order.append(uid) }
            byPod[uid, default: []].append(part)
        }
        // Written in time order across pods, as the replay would have (each write's lease is the one open then).
        var writes: [ReplayWrite] = []
        for uid in order { writes += replayWrites(byPod[uid] ?? []) }
        runWrites(writes)
    }

    /// One event write a replay decided (`at`: its time), or the bucket it leaves (`at`: nil, last).
    typealias ReplayWrite = (at: Int64?, write: () throws -> Void)

    func runWrites(_ writes: [ReplayWrite]) {
        let saved = clockOverride
        defer { setClock(saved) }
        for w in writes.enumerated().sorted(by: { ($0.element.at ?? Int64.max, $0.offset) < ($1.element.at ?? Int64.max, $1.offset) }) {
            if let at = w.element.at { setClock(Timestamp(seconds: at)) }
            try? w.element.write()
        }
    }

    func replayEvents(_ parts: [ReplayPart]) { runWrites(replayWrites(parts)) }

    /// The events of `parts` (one pod's containers) as the kubelet's recorder would have left them had
    /// each occurrence come at its time (`SpamReplay`): each event written once, at its last write, and
    /// the source's bucket as the replay leaves it.
    func replayWrites(_ parts: [ReplayPart]) -> [ReplayWrite] {
        let parts = parts.filter { !$0.plan.isEmpty && !$0.kinds.isEmpty }
        guard !muteEvents, let head = parts.first else { return [] }
        if parts.count > 1, parts.reduce(0, { $0 + $1.plan.size }) > Self.mergedReplayLimit {
            return parts.flatMap { replayWrites([$0]) }
        }
        // The store as the replay starts: its events' leases, the bucket they make.
        let saved = clockOverride
        defer { setClock(saved) }
        setClock(Timestamp(seconds: parts.map(\.after).min() ?? head.after))
        do {
            let ns = head.pod["metadata"]["namespace"].string ?? ""
            if try namespaceTerminating(ns) { return [] }
            var owner: [(part: Int, kind: Int)] = []
            var bodies: [JSONValue] = []
            for (k, part) in parts.enumerated() {
                for (j, kind) in part.kinds.enumerated() {
                    owner.append((k, j))
                    bodies.append(eventBody(part.pod, type: kind.type, reason: kind.reason, message: kind.message, component: part.component,
                                            host: part.host, fieldPath: part.fieldPath))
                }
            }
            let (bucket, kept) = try spamBucketNow(bodies[0])
            var tracked: [SpamReplay.Tracked] = []
            // Parts name the same event more than once (a container's and a joined occurrence): one each.
            var index: [Int] = [], byAlias: [Int64: Int] = [:], first: [Int] = []
            for (n, (ev, o)) in zip(bodies, owner).enumerated() {
                let kind = parts[o.part].kinds[o.kind]
                let identity = Self.eventIdentity(ev)
                let alias = Self.eventAlias(ns: ns, identity: identity)
                if let k = byAlias[alias] {
                    index.append(k)
                    continue
                }
                byAlias[alias] = tracked.count
                index.append(tracked.count)
                first.append(n)
                let routine = Self.routineSpam(head.pod, type: kind.type, reason: kind.reason, component: head.component)
                let seconds = { (v: JSONValue) in v.string.flatMap(Timestamp.init(rfc3339:))?.seconds ?? 0 }
                if let (e, expired) = try storedEvent(ev, ns: ns, alias: alias, identity: identity) {
                    let last = seconds(e["lastTimestamp"])
                    var t = SpamReplay.Tracked(alias: alias, routine: routine, alive: !expired, expires: try leaseEnd(writtenAt: last),
                                               count: e["count"].int ?? 1, first: seconds(e["firstTimestamp"]), written: last)
                    t.remembered = expired
                    tracked.append(t)
                } else {
                    tracked.append(.init(alias: alias, routine: routine, alive: false, expires: 0, count: 0, first: 0, written: 0))
                }
            }
            // The lease open as the replay starts (other pods' replays may have granted later ones since).
            let start = parts.map(\.after).min() ?? head.after
            let lease = try s.tx.lastConfigEntry(from: Self.leasePrefix, below: Self.leaseKey(start + 1)).flatMap { EventLease(key: $0.key, value: $0.value)?.start }
            var replay = SpamReplay(full: bucket.full, hasSetting: kept, lease: lease, pending: bucket.pending, events: tracked)
            if parts.count == 1, index == Array(index.indices) {
                replay.run(head.plan, after: head.after)
            } else {
                // Interleaved in time; within a second, in the order the pod's containers move.
                var all: [(at: Int64, part: Int, seq: Int, event: Int)] = []
                var base = 0
                for (k, part) in parts.enumerated() {
                    for (j, o) in part.plan.expanded.enumerated() where o.at > part.after { all.append((o.at, k, j, index[base + o.event])) }
                    base += part.kinds.count
                }
                all.sort { ($0.at, $0.part, $0.seq) < ($1.at, $1.part, $1.seq) }
                for o in all { replay.occur(o.event, at: o.at) }
            }
            // Each event at its last write.
            var writes: [ReplayWrite] = []
            for k in replay.events.indices where replay.events[k].passes > 0 {
                let e = replay.events[k], o = owner[first[k]], part = parts[o.part], kind = part.kinds[o.kind]
                writes.append((e.written, { [self] in
                    event(part.pod, type: kind.type, reason: kind.reason, message: kind.message, component: part.component, host: part.host,
                          fieldPath: part.fieldPath, decided: SpamDecision(count: e.count, first: Timestamp(seconds: e.first), fresh: e.recreations > 0))
                }))
            }
            if replay.hasSetting {
                var b = SpamBucket()
                b.full = replay.full
                b.pending = replay.pending
                let key = Self.spamKey(bodies[0])
                writes.append((nil, { [self] in try saveSpamBucket(key, b) }))
            }
            return writes
        } catch {
            return []
        }
    }

    /// When the event written last at `t` goes: the end of the lease that write fell in.
    func leaseEnd(writtenAt t: Int64) throws -> Int64 {
        guard let (key, value) = try s.tx.lastConfigEntry(from: Self.leasePrefix, below: Self.leaseKey(t + 1)),
              let lease = EventLease(key: key, value: value) else { return t + Self.eventTTL + Self.leaseReuse }
        return lease.expires
    }
}
