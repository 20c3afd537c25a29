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
        if !hasSetting && e.routine && !e.alive {
            // A routine new event of a pod without a setting: it passes, its token counted from the stored events.
            full = max(full, t) + C.spamRefill
            write(&e, at: t, dropped: 0)
            return
        }
        hasSetting = true
        let k = pending.firstIndex { $0.alias == e.alias }
        if full - t > (C.spamBurst - 1) * C.spamRefill {
            guard e.alive else { return }
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
            events: events.map { $0.alive && $0.expires > b ? $0.expires - b : -1 })
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
            for o in template where b + o.offset > after { occur(o.event, at: b + o.offset) }
            i += 1
        }
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

    /// The events of `plan` (indexes into `kinds`, about `pod`'s container at `fieldPath`) as the
    /// kubelet's recorder would have left them had each occurrence come at its time (`SpamReplay`):
    /// each event written once, at its last write, and the source's bucket as the replay leaves it.
    func replayEvents(_ pod: JSONValue, kinds: [CountedEvent], plan: OccurrencePlan, host: String, fieldPath: String) {
        guard !muteEvents, !plan.isEmpty, !kinds.isEmpty else { return }
        do {
            let bodies = kinds.map {
                eventBody(pod, type: $0.type, reason: $0.reason, message: $0.message, component: "kubelet", host: host, fieldPath: fieldPath)
            }
            let ns = pod["metadata"]["namespace"].string ?? ""
            if try namespaceTerminating(ns) { return }
            let (bucket, kept) = try spamBucketNow(bodies[0])
            var tracked: [SpamReplay.Tracked] = []
            for (ev, kind) in zip(bodies, kinds) {
                let identity = Self.eventIdentity(ev)
                let alias = Self.eventAlias(ns: ns, identity: identity)
                let routine = Self.routineSpam(pod, type: kind.type, reason: kind.reason, component: "kubelet")
                let seconds = { (v: JSONValue) in v.string.flatMap(Timestamp.init(rfc3339:))?.seconds ?? 0 }
                if let (e, expired) = try storedEvent(ev, ns: ns, alias: alias, identity: identity), !expired {
                    let last = seconds(e["lastTimestamp"])
                    tracked.append(.init(alias: alias, routine: routine, alive: true, expires: try leaseEnd(writtenAt: last),
                                         count: e["count"].int ?? 1, first: seconds(e["firstTimestamp"]), written: last))
                } else {
                    tracked.append(.init(alias: alias, routine: routine, alive: false, expires: 0, count: 0, first: 0, written: 0))
                }
            }
            var replay = SpamReplay(full: bucket.full, hasSetting: kept, lease: try s.tx.config(Self.openLeaseKey).flatMap { Int64($0) },
                                    pending: bucket.pending, events: tracked)
            replay.run(plan, after: now.seconds)
            let saved = clockOverride
            defer { setClock(saved) }
            // In the order of their last writes, as the replay wrote them.
            for k in replay.events.indices.filter({ replay.events[$0].passes > 0 }).sorted(by: { replay.events[$0].written < replay.events[$1].written }) {
                let e = replay.events[k]
                setClock(Timestamp(seconds: e.written))
                event(pod, type: kinds[k].type, reason: kinds[k].reason, message: kinds[k].message, component: "kubelet", host: host,
                      fieldPath: fieldPath, decided: SpamDecision(count: e.count, first: Timestamp(seconds: e.first), fresh: e.recreations > 0))
            }
            if replay.hasSetting {
                var b = SpamBucket()
                b.full = replay.full
                b.pending = replay.pending
                try saveSpamBucket(Self.spamKey(bodies[0]), b)
            }
        } catch {}
    }

    /// When the event written last at `t` goes: the end of the lease that write fell in.
    func leaseEnd(writtenAt t: Int64) throws -> Int64 {
        guard let (key, value) = try s.tx.lastConfigEntry(from: Self.leasePrefix, below: Self.leaseKey(t + 1)),
              let lease = EventLease(key: key, value: value) else { return t + Self.eventTTL + Self.leaseReuse }
        return lease.expires
    }
}
