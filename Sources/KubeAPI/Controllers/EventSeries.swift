import KubeModel
import KubeRegistry
import KubeStore

/// Events the scheduler writes through events.k8s.io, as client-go's events recorder does: an occurrence
/// isomorphic to a cached one (same type, action, reason, reporting controller and instance, and
/// regarding object, its resourceVersion included) joins a series. The second occurrence writes
/// `series: {count: 2, lastObservedTime}`; later ones are counted in the recorder's cache and reach the
/// API on its 30-minute refresh, or when the series ends (no occurrence for 6 minutes, checked every
/// 6 minutes); a single event leaves the cache 6 minutes after it was recorded. The cache holds one entry
/// per pending pod (a store setting `evseries/<namespace>/<pod name>`: a pod's older keys, of older
/// resourceVersions, cannot recur); a timer writes a pending count at its time. `Scheduled` happens once.
extension ControllerManager {
    static let seriesPrefix = "evseries/"
    static let seriesRefresh: Int64 = 1800
    static let seriesFinish: Int64 = 360

    struct SeriesRecord {
        var identity: String
        var name: String
        var count: Int64
        var first: Int64
        var last: Int64
        var written: Int64
        var checked: Int64

        var json: JSONValue {
            ["id": .string(identity), "name": .string(name), "count": .int(count), "first": .int(first), "last": .int(last),
             "written": .int(written), "checked": .int(checked)]
        }

        init(identity: String, name: String, at t: Int64) {
            (self.identity, self.name, count, first, last, written, checked) = (identity, name, 1, t, t, 1, t)
        }

        init?(_ v: JSONValue) {
            guard let name = v["name"].string else { return nil }
            identity = v["id"].string ?? ""
            (self.name, count, first, last) = (name, v["count"].int ?? 1, v["first"].int ?? 0, v["last"].int ?? 0)
            (written, checked) = (v["written"].int ?? 1, v["checked"].int ?? 0)
        }
    }

    /// The scheduler's `Scheduled` / `FailedScheduling` event about `pod`.
    func schedulerEvent(_ pod: JSONValue, type: String, reason: String, action: String, message: String) {
        if muteEvents { return }
        let meta = pod["metadata"]
        let ns = meta["namespace"].string ?? "default"
        let instance = "default-scheduler-" + controlPlaneNode
        let identity = [type, action, reason, "default-scheduler", instance, meta["namespace"].string ?? "", meta["name"].string ?? "",
                        meta["uid"].string ?? "", meta["resourceVersion"].string ?? ""].joined(separator: "\u{1}")
        let hash = hex(fnv64a(identity))
        let podName = meta["name"].string ?? ""
        let key = Self.seriesPrefix + ns + "/" + podName
        let t = now.seconds
        if reason == "Scheduled" {
            _ = createSchedulerEvent(pod, type: type, reason: reason, action: action, message: message, instance: instance)
            try? s.tx.setConfig(key, nil)
            try? Timers.cancel(s.tx, id: Timers.objectID("evseries", eventType.storageKey, ns, podName))
            return
        }
        var rec = ((try? s.tx.config(key)).flatMap { $0 }).flatMap { try? JSON.parse($0) }.flatMap(SeriesRecord.init)
        if var r = rec { rec = advanceSeries(&r, namespace: ns, to: t) && r.identity == hash ? r : nil }
        guard var r = rec, let existing = try? s.tx.get(resource: eventType.storageKey, namespace: ns, name: r.name) else {
            let name = createSchedulerEvent(pod, type: type, reason: reason, action: action, message: message, instance: instance)
            try? s.tx.setConfig(key, SeriesRecord(identity: hash, name: name, at: t).json.compactJSON)
            return
        }
        r.count += 1
        r.last = t
        if r.count == 2 {
            writeSeries(existing, count: 2, last: t)
            r.written = 2
        }
        try? s.tx.setConfig(key, r.json.compactJSON)
        try? scheduleSeriesFlush(r, namespace: ns, pod: podName)
    }

    var controlPlaneNode: String { "node-1" }

    private func createSchedulerEvent(_ pod: JSONValue, type: String, reason: String, action: String, message: String, instance: String) -> String {
        let meta = pod["metadata"]
        let ns = meta["namespace"].string ?? "default", name = meta["name"].string ?? ""
        startEventCounter()
        eventCounter += 1_000
        let sub = eventCounter % 1_000_000_000
        let nanos = UInt64(max(0, now.seconds)) &* 1_000_000_000 &+ UInt64(sub)
        let eventName = name + "." + hex(nanos)
        let created = now.rfc3339
        let random = uuidV4()
        let eventTime = Self.microTime(now.seconds, micros: sub / 1000)
        try? eventWritten()
        if let rv = try? s.tx.nextResourceVersion() {
            // Schema v13: the event's uid names its row (`StoreTransaction.rowUID`): no uid index entry.
            let uid = (try? s.tx.rowUID(random)) ?? random
            // Its text written from the parts (`schedulerEventRow`), else from the object as before.
            if let row = schedulerEventRow(pod, name: eventName, uid: uid, resourceVersion: rv, created: created, reason: reason,
                                           message: message, type: type, eventTime: eventTime, action: action, instance: instance) {
                try? s.tx.insert(row)
            } else {
                let involved: JSONValue = ["apiVersion": "v1", "kind": "Pod", "name": .string(name), "namespace": .string(ns),
                                           "resourceVersion": meta["resourceVersion"], "uid": meta["uid"]]
                let ev: JSONValue = [
                    "apiVersion": "v1", "kind": "Event",
                    "metadata": ["name": .string(eventName), "namespace": .string(ns), "uid": .string(uid),
                                 "creationTimestamp": .string(created), "resourceVersion": .string(String(rv))],
                    "involvedObject": involved, "reason": .string(reason), "message": .string(message), "source": .emptyObject,
                    "firstTimestamp": nil, "lastTimestamp": nil, "type": .string(type), "eventTime": .string(eventTime),
                    "action": .string(action), "reportingComponent": "default-scheduler", "reportingInstance": .string(instance),
                ]
                try? s.tx.insert(s.row(for: ev, type: eventType, resourceVersion: rv))
            }
        }
        return eventName
    }

    /// RFC 3339 with microseconds, as a MicroTime is written.
    static func microTime(_ seconds: Int64, micros: Int64) -> String {
        let base = Timestamp(seconds: seconds).rfc3339
        let m = String(micros % 1_000_000)
        return String(base.dropLast()) + "." + String(repeating: "0", count: 6 - m.count) + m + "Z"
    }

    func writeSeries(_ row: ObjectRow, count: Int64, last: Int64) {
        guard var ev = try? s.decode(row) else { return }
        let micros = Int64(fnv32a(row.name + String(count)) % 1_000_000)
        ev["series"] = ["count": .int(count), "lastObservedTime": .string(Self.microTime(last, micros: micros))]
        var ordered = JSONValue.emptyObject
        for (k, v) in ev.object ?? JSONObject() where k != "series" {
            ordered[k] = v
            if k == "eventTime" { ordered["series"] = ev["series"] }
        }
        try? eventWritten()
        guard let rv = try? s.tx.nextResourceVersion() else { return }
        ordered["metadata"]["resourceVersion"] = .string(String(rv))
        try? s.tx.update(s.row(for: ordered, type: eventType, resourceVersion: rv), expectedResourceVersion: nil)
    }

    /// Plays the recorder's refresh and finish ticks up to `t`; false when the record left the cache.
    func advanceSeries(_ r: inout SeriesRecord, namespace ns: String, to t: Int64) -> Bool {
        defer { r.checked = max(r.checked, t) }
        if r.count >= 2 {
            let finish = (r.last + Self.seriesFinish) / Self.seriesFinish * Self.seriesFinish + Self.seriesFinish
            let refresh = r.checked / Self.seriesRefresh * Self.seriesRefresh + Self.seriesRefresh
            if r.count > r.written, min(finish, refresh) <= t, let row = try? s.tx.get(resource: eventType.storageKey, namespace: ns, name: r.name) {
                writeSeries(row, count: r.count, last: r.last)
                r.written = r.count
            }
            return finish > t
        }
        let finish = (r.first + Self.seriesFinish) / Self.seriesFinish * Self.seriesFinish + Self.seriesFinish
        return finish > t
    }

    /// A series with a count the API has not seen yet: written at the recorder's next tick.
    func scheduleSeriesFlush(_ r: SeriesRecord, namespace ns: String, pod: String) throws {
        let id = Timers.objectID("evseries", eventType.storageKey, ns, pod)
        guard r.count > r.written else { return try Timers.cancel(s.tx, id: id) }
        let finish = (r.last + Self.seriesFinish) / Self.seriesFinish * Self.seriesFinish + Self.seriesFinish
        let refresh = r.checked / Self.seriesRefresh * Self.seriesRefresh + Self.seriesRefresh
        try Timers.set(s.tx, id: id, due: min(finish, refresh))
    }

    func seriesFlushDue(namespace ns: String, pod: String) throws {
        let key = Self.seriesPrefix + ns + "/" + pod
        guard let text = try s.tx.config(key), let v = try? JSON.parse(text), var r = SeriesRecord(v) else { return }
        let alive = advanceSeries(&r, namespace: ns, to: now.seconds)
        if !alive {
            try s.tx.setConfig(key, nil)
            return
        }
        try s.tx.setConfig(key, r.json.compactJSON)
        try scheduleSeriesFlush(r, namespace: ns, pod: pod)
    }
}

/// The scheduler's retries of a pod it could not place: an unschedulable pod is tried again when it has
/// waited 5 minutes, at the queue's next 30-second flush (a `FailedScheduling` occurrence each time).
/// Far behind real time, the retries up to the last ten minutes are counted into the series, not replayed.
extension ControllerManager {
    static func nextSchedulingRetry(after t: Int64) -> Int64 { (t + 300) / 30 * 30 + 30 }

    func schedulingRetryTimer(namespace ns: String, name: String, at t: Int64?) throws {
        let id = Timers.objectID("schedretry", podType.storageKey, ns, name)
        if let t { try Timers.set(s.tx, id: id, due: t) } else { try Timers.cancel(s.tx, id: id) }
    }

    func schedulingRetryDue(namespace ns: String, name: String) throws {
        guard let pod = try s.find(podType, namespace: ns, name: name), pod["metadata"]["deletionTimestamp"].isNull,
            (pod["spec"]["nodeName"].string ?? "").isEmpty, !isTerminated(pod)
        else {
            try s.tx.setConfig(Self.seriesPrefix + ns + "/" + name, nil)
            try Timers.cancel(s.tx, id: Timers.objectID("evseries", eventType.storageKey, ns, name))
            return
        }
        schedulerRetrying = true
        defer { schedulerRetrying = false }
        try syncPod(namespace: ns, name: name)
        try fastForwardRetries(namespace: ns, name: name)
    }

    /// Counts the retries between now and ten minutes before real time into the pod's series.
    private func fastForwardRetries(namespace ns: String, name: String) throws {
        let horizon = wallNow.seconds - 600
        let key = Self.seriesPrefix + ns + "/" + name
        guard horizon - now.seconds > 900, let (due, _) = try Timers.scheduled(s.tx, id: Timers.objectID("schedretry", podType.storageKey, ns, name)),
            let text = try s.tx.config(key), let v = try? JSON.parse(text), var r = SeriesRecord(v), r.count >= 2 else { return }
        let period: Int64 = 330
        let n = (horizon - due) / period + 1
        let last = due + (n - 1) * period
        let tick = last / Self.seriesRefresh * Self.seriesRefresh
        if tick >= due, let row = try s.tx.get(resource: eventType.storageKey, namespace: ns, name: r.name) {
            let k = (tick - due) / period + 1
            writeSeries(row, count: r.count + k, last: due + (k - 1) * period)
            r.written = r.count + k
            // That write is the refresh at `tick`: the event lives an hour from then.
            try eventExpires(namespace: ns, name: r.name, at: tick)
        }
        r.count += n
        r.last = last
        r.checked = last
        try s.tx.setConfig(key, r.json.compactJSON)
        try scheduleSeriesFlush(r, namespace: ns, pod: name)
        try schedulingRetryTimer(namespace: ns, name: name, at: last + period)
    }
}
