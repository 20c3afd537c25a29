import KubeModel
import KubeRegistry
import KubeStore

/// The horizontal pod autoscaler controller (autoscaling/v2; `spec.behavior` in HPABehavior.swift) over the
/// simulated metrics `top` shows (a container uses what it requests). Every 15 s it reads the target's
/// scale and its pods' CPU/memory utilization, proposes `ceil(ratio x ready pods)` outside a 0.1
/// tolerance, keeps the highest recommendation of the last 5 minutes when scaling down, limits a scale-up
/// to max(2 x current, 4), clamps to min/max and rescales the target. Syncs that fell due between two
/// commands run at their own times (the state between them is kept in the store setting `hpa/<ns>/<name>`).
extension ControllerManager {
    var hpaType: ResourceType { s.registry.type(group: "autoscaling", kind: "HorizontalPodAutoscaler")! }

    struct HPARecord {
        static let prefix = "hpa/"
        var uid: String
        var due: Int64 = 0
        var recommendations: [(Int64, Int64)] = []
        var scaleUpEvents: [HPAScaleEvent] = []
        var scaleDownEvents: [HPAScaleEvent] = []

        static func key(_ ns: String, _ name: String) -> String { prefix + ns + "/" + name }

        static func load(_ tx: StoreTransaction, _ ns: String, _ name: String, uid: String) throws -> HPARecord {
            var rec = HPARecord(uid: uid)
            guard let text = try tx.config(key(ns, name)), let v = try? JSON.parse(text), v["uid"].string == uid else { return rec }
            rec.due = v["due"].int ?? 0
            rec.recommendations = (v["recommendations"].array ?? []).map { ($0[0].int ?? 0, $0[1].int ?? 0) }
            rec.scaleUpEvents = (v["up"].array ?? []).map { HPAScaleEvent(time: $0[0].int ?? 0, change: $0[1].int ?? 0) }
            rec.scaleDownEvents = (v["down"].array ?? []).map { HPAScaleEvent(time: $0[0].int ?? 0, change: $0[1].int ?? 0) }
            return rec
        }

        func save(_ tx: StoreTransaction, _ ns: String, _ name: String) throws {
            var v: JSONValue = ["uid": .string(uid), "due": .int(due),
                                "recommendations": .array(recommendations.map { [.int($0.0), .int($0.1)] })]
            if !scaleUpEvents.isEmpty { v["up"] = .array(scaleUpEvents.map { [.int($0.time), .int($0.change)] }) }
            if !scaleDownEvents.isEmpty { v["down"] = .array(scaleDownEvents.map { [.int($0.time), .int($0.change)] }) }
            try tx.setConfig(HPARecord.key(ns, name), v.compactJSON)
        }
    }

    /// `currentReplicas` is `omitempty` in autoscaling/v2 (0 is left out; autoscaling/v1 still shows it).
    func setHPACurrentReplicas(_ status: inout JSONValue, _ current: Int64) {
        if current == 0 { status.remove(["currentReplicas"]) } else { status["currentReplicas"] = .int(current) }
    }

    /// One HPA sync at `now`; returns whether it changed the target's scale or its recommendations matter.
    @discardableResult
    func syncHPA(namespace ns: String, name: String) throws -> Bool {
        guard let hpa = try live(hpaType, ns, name) else {
            try s.tx.setConfig(HPARecord.key(ns, name), nil)
            return false
        }
        var rec = try HPARecord.load(s.tx, ns, name, uid: hpa["metadata"]["uid"].string ?? "")
        rec.due = now.seconds + 15
        var h = hpa
        var status = hpa["status"]
        defer { try? rec.save(s.tx, ns, name) }
        let ref = hpa["spec"]["scaleTargetRef"]
        let gvk = GroupVersionKind.parse(apiVersion: ref["apiVersion"].string ?? "", kind: ref["kind"].string ?? "")
        guard let targetType = s.registry.type(group: gvk.group, kind: gvk.kind), let scale = targetType.scale,
            let target = try live(targetType, ns, ref["name"].string ?? "")
        else {
            let plural = s.registry.type(group: gvk.group, kind: gvk.kind)?.plural ?? (gvk.kind.lowercased() + "s")
            let group = gvk.group.isEmpty ? plural : plural + "." + gvk.group
            let msg = "\(group) \(strconvQuote(ref["name"].string ?? "")) not found"
            event(hpa, type: "Warning", reason: "FailedGetScale", message: msg, component: "horizontal-pod-autoscaler")
            setHPACondition(&status, "AbleToScale", false, "FailedGetScale", "the HPA controller was unable to get the target's current scale: \(msg)")
            h["status"] = status
            try save(h, hpa, hpaType)
            return false
        }
        setHPACondition(&status, "AbleToScale", true, "SucceededGetScale", "the HPA controller was able to get the target's current scale")
        let current = target[scale.specReplicasPath[0]][scale.specReplicasPath[1]].int ?? 1
        if rec.recommendations.isEmpty { rec.recommendations = [(now.seconds, current)] }
        let minReplicas = hpa["spec"]["minReplicas"].int ?? 1
        let maxReplicas = hpa["spec"]["maxReplicas"].int ?? 1
        var desired: Int64 = 0
        var reason = ""
        var metricStatuses: [JSONValue] = []
        if current == 0 && minReplicas != 0 {
            setHPACondition(&status, "ScalingActive", false, "ScalingDisabled", "scaling is disabled since the replica count of the target is zero")
        } else if current > maxReplicas {
            (desired, reason) = (maxReplicas, "Current number of replicas above Spec.MaxReplicas")
        } else if current < minReplicas {
            (desired, reason) = (minReplicas, "Current number of replicas below Spec.MinReplicas")
        } else {
            let computed = try hpaMetrics(hpa, target: target, current: current, status: &status)
            metricStatuses = computed.statuses
            guard let proposal = computed.replicas else {
                status["currentMetrics"] = .array(metricStatuses)
                setHPACurrentReplicas(&status, current)
                if status["desiredReplicas"].isNull { status["desiredReplicas"] = 0 }
                h["status"] = status
                try save(h, hpa, hpaType)
                return false
            }
            desired = proposal
            if desired > current { reason = "\(computed.metric) above target" }
            if desired < current { reason = "All metrics below target" }
            if case .object = hpa["spec"]["behavior"] {
                desired = normalizeHPAWithBehavior(&status, rec: &rec, behavior: hpa["spec"]["behavior"], current: current,
                                                   desired: desired, min: minReplicas, max: maxReplicas)
            } else {
                desired = normalizeHPA(&status, rec: &rec, current: current, desired: desired, min: minReplicas, max: maxReplicas)
            }
        }
        let rescale = desired != current && !(current == 0 && minReplicas != 0)
        if rescale {
            var t = target
            t[scale.specReplicasPath[0]][scale.specReplicasPath[1]] = .int(desired)
            _ = try s.update(t, type: targetType)
            setHPACondition(&status, "AbleToScale", true, "SucceededRescale", "the HPA controller was able to update the target scale to \(desired)")
            event(hpa, reason: "SuccessfulRescale", message: "New size: \(desired); reason: \(reason)", component: "horizontal-pod-autoscaler")
            status["lastScaleTime"] = .string(now.rfc3339)
            storeHPAScaleEvent(&rec, behavior: hpa["spec"]["behavior"], from: current, to: desired)
        } else {
            desired = current
        }
        if !metricStatuses.isEmpty { status["currentMetrics"] = .array(metricStatuses) }
        setHPACurrentReplicas(&status, current)
        status["desiredReplicas"] = .int(desired)
        h["status"] = status
        try save(h, hpa, hpaType)
        // Later syncs can differ while recent recommendations or scale events (windows and periods are at most an hour) count.
        let hour = now.seconds - 3600
        return rescale || Set(rec.recommendations.filter { $0.0 > hour }.map(\.1)).count > 1
            || (rec.scaleUpEvents + rec.scaleDownEvents).contains { $0.time > hour }
    }

    /// The stabilised, rate-limited and clamped replica count (the controller's rules without `behavior`).
    private func normalizeHPA(_ status: inout JSONValue, rec: inout HPARecord, current: Int64, desired: Int64, min: Int64, max: Int64) -> Int64 {
        let cutoff = now.seconds - 300
        var stabilized = desired
        var replaced = false
        for i in rec.recommendations.indices {
            if rec.recommendations[i].0 < cutoff {
                if !replaced { rec.recommendations[i] = (now.seconds, desired); replaced = true }
            } else if rec.recommendations[i].1 > stabilized {
                stabilized = rec.recommendations[i].1
            }
        }
        if !replaced { rec.recommendations.append((now.seconds, desired)) }
        rec.recommendations.removeAll { $0.0 < cutoff }
        if stabilized != desired {
            setHPACondition(&status, "AbleToScale", true, "ScaleDownStabilized",
                            "recent recommendations were higher than current one, applying the highest recent recommendation")
        } else {
            setHPACondition(&status, "AbleToScale", true, "ReadyForNewScale", "recommended size matches current size")
        }
        let scaleUpLimit = Swift.max(2 * current, 4)
        var maxAllowed = max
        var condition = ("TooManyReplicas", "the desired replica count is more than the maximum replica count")
        if max > scaleUpLimit {
            maxAllowed = scaleUpLimit
            condition = ("ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate")
        }
        if stabilized < min {
            setHPACondition(&status, "ScalingLimited", true, "TooFewReplicas", "the desired replica count is less than the minimum replica count")
            return min
        }
        if stabilized > maxAllowed {
            setHPACondition(&status, "ScalingLimited", true, condition.0, condition.1)
            return maxAllowed
        }
        setHPACondition(&status, "ScalingLimited", false, "DesiredWithinRange", "the desired count is within the acceptable range")
        return stabilized
    }

    /// Sets a condition, keeping its transition time when the status did not change.
    func setHPACondition(_ status: inout JSONValue, _ type: String, _ value: Bool, _ reason: String, _ message: String) {
        var conds = status["conditions"].array ?? []
        let c: JSONValue = ["lastTransitionTime": .string(now.rfc3339), "message": .string(message), "reason": .string(reason),
                            "status": .string(value ? "True" : "False"), "type": .string(type)]
        if let i = conds.firstIndex(where: { $0["type"].string == type }) {
            var updated = c
            if conds[i]["status"] == c["status"] { updated["lastTransitionTime"] = conds[i]["lastTransitionTime"] }
            conds[i] = updated
        } else {
            conds.append(c)
        }
        status["conditions"] = .array(conds)
    }
}

extension ControllerManager {
    /// A new HPA, or one whose spec changed, is synced 15 s later (the controller's resync delay).
    func scheduleHPA(namespace ns: String, name: String) throws {
        guard let hpa = try live(hpaType, ns, name) else {
            try s.tx.setConfig(HPARecord.key(ns, name), nil)
            return
        }
        var rec = try HPARecord.load(s.tx, ns, name, uid: hpa["metadata"]["uid"].string ?? "")
        rec.due = rec.due == 0 ? now.seconds + 15 : min(rec.due, now.seconds + 15)
        try rec.save(s.tx, ns, name)
    }

    /// The syncs of one HPA that fell due up to `until`, each at its own time; once a sync changes
    /// nothing, the rest collapse into one at the last due time.
    func replayHPA(namespace ns: String, name: String, until: Timestamp) throws {
        defer { setClock(nil) }
        for _ in 0..<200 {
            guard let hpa = try live(hpaType, ns, name) else { return }
            let rec = try HPARecord.load(s.tx, ns, name, uid: hpa["metadata"]["uid"].string ?? "")
            guard rec.due > 0, rec.due <= until.seconds else { return }
            setClock(Timestamp(seconds: rec.due))
            let changed = try syncHPA(namespace: ns, name: name)
            try drain()
            if !changed {
                var last = try HPARecord.load(s.tx, ns, name, uid: hpa["metadata"]["uid"].string ?? "")
                let skipped = (until.seconds - last.due) / 15
                if skipped > 0 {
                    last.due += skipped * 15
                    try last.save(s.tx, ns, name)
                }
            }
        }
    }
}

extension APIServer {
    /// HPA syncs that fell due since the last command.
    func runHPASyncs() throws {
        let now = clock.now
        let due = try read { s -> [(String, String)] in
            try s.tx.configEntries(withPrefix: ControllerManager.HPARecord.prefix).compactMap { key, value in
                guard let v = try? JSON.parse(value), let d = v["due"].int, d > 0, d <= now.seconds else { return nil }
                let rest = key.dropFirst(ControllerManager.HPARecord.prefix.count)
                guard let slash = rest.firstIndex(of: "/") else { return nil }
                return (String(rest[..<slash]), String(rest[rest.index(after: slash)...]))
            }
        }
        guard !due.isEmpty else { return }
        try controllerWrite { s in
            for (ns, name) in due { try s.controllers.replayHPA(namespace: ns, name: name, until: now) }
            try s.controllers.drain()
        }
    }
}
