import KubeModel

/// `spec.behavior` of an autoscaling/v2 HPA: stabilization windows per direction (scale up 0 s, scale
/// down the controller's 300 s unless set), and rate policies (Pods or Percent per period) combined by
/// `selectPolicy` (Max, Min, Disabled), over the scale events the HPA made within each policy's period.
/// Without `behavior` the controller keeps its older rules (`normalizeHPA`).
extension ControllerManager {
    struct HPARules {
        var window: Int64
        var select: String
        var policies: [(type: String, value: Int64, period: Int64)]

        init(_ v: JSONValue, defaultWindow: Int64) {
            window = v["stabilizationWindowSeconds"].int ?? defaultWindow
            select = v["selectPolicy"].string ?? "Max"
            policies = (v["policies"].array ?? []).map { ($0["type"].string ?? "", $0["value"].int ?? 0, $0["periodSeconds"].int ?? 0) }
        }

        var longestPeriod: Int64 { policies.map(\.period).max() ?? 0 }
    }

    /// A scale event the behavior policies count: when, and by how many replicas.
    struct HPAScaleEvent { var time: Int64; var change: Int64 }

    func normalizeHPAWithBehavior(_ status: inout JSONValue, rec: inout HPARecord, behavior: JSONValue,
                                  current: Int64, desired: Int64, min: Int64, max: Int64) -> Int64
    {
        let up = HPARules(behavior["scaleUp"], defaultWindow: 0)
        let down = HPARules(behavior["scaleDown"], defaultWindow: 300)
        let stabilized = stabilizeWithBehavior(&rec, up: up, down: down, current: current, desired: desired)
        if stabilized.value != desired {
            setHPACondition(&status, "AbleToScale", true, stabilized.reason, stabilized.message)
        } else {
            setHPACondition(&status, "AbleToScale", true, "ReadyForNewScale", "recommended size matches current size")
        }
        let (result, reason, message) = rateLimited(rec, up: up, down: down, current: current, desired: stabilized.value, min: min, max: max)
        setHPACondition(&status, "ScalingLimited", result != stabilized.value, reason, message)
        return result
    }

    /// The desired count held between the lowest recommendation of the scale-up window and the highest
    /// of the scale-down window; the new recommendation replaces one older than both windows.
    private func stabilizeWithBehavior(_ rec: inout HPARecord, up: HPARules, down: HPARules, current: Int64, desired: Int64)
        -> (value: Int64, reason: String, message: String)
    {
        let upCutoff = now.seconds - up.window, downCutoff = now.seconds - down.window
        var upValue = desired, downValue = desired
        var oldIndex: Int?
        for (i, r) in rec.recommendations.enumerated() {
            if r.0 > upCutoff { upValue = Swift.min(upValue, r.1) }
            if r.0 > downCutoff { downValue = Swift.max(downValue, r.1) }
            if r.0 < upCutoff && r.0 < downCutoff { oldIndex = i }
        }
        let value = Swift.min(Swift.max(current, upValue), downValue)
        if let oldIndex { rec.recommendations[oldIndex] = (now.seconds, desired) } else { rec.recommendations.append((now.seconds, desired)) }
        if desired >= current {
            return (value, "ScaleUpStabilized", "recent recommendations were lower than current one, applying the lowest recent recommendation")
        }
        return (value, "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation")
    }

    private func rateLimited(_ rec: HPARecord, up: HPARules, down: HPARules, current: Int64, desired: Int64, min: Int64, max: Int64)
        -> (Int64, String, String)
    {
        if desired > current {
            let limit = Swift.max(current, scaleUpLimit(current, rec, up))
            if max > limit {
                if desired > limit { return (limit, "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate") }
            } else if desired > max {
                return (max, "TooManyReplicas", "the desired replica count is more than the maximum replica count")
            }
        } else if desired < current {
            let limit = Swift.min(current, scaleDownLimit(current, rec, down))
            if min < limit {
                if desired < limit { return (limit, "ScaleDownLimit", "the desired replica count is decreasing faster than the maximum scale rate") }
            } else if desired < min {
                return (min, "TooFewReplicas", "the desired replica count is less than the minimum replica count")
            }
        }
        return (desired, "DesiredWithinRange", "the desired count is within the acceptable range")
    }

    private func changeInPeriod(_ period: Int64, _ events: [HPAScaleEvent]) -> Int64 {
        events.filter { $0.time > now.seconds - period }.reduce(0) { $0 + $1.change }
    }

    /// The replicas at the start of a policy's period: now, less what was added, plus what was removed within it.
    private func periodStart(_ current: Int64, _ rec: HPARecord, _ period: Int64) -> Int64 {
        current - changeInPeriod(period, rec.scaleUpEvents) + changeInPeriod(period, rec.scaleDownEvents)
    }

    private func scaleUpLimit(_ current: Int64, _ rec: HPARecord, _ rules: HPARules) -> Int64 {
        if rules.select == "Disabled" { return current }
        var result: Int64 = rules.select == "Min" ? Int64(Int32.max) : Int64(Int32.min)
        for p in rules.policies {
            let start = periodStart(current, rec, p.period)
            let proposed = p.type == "Pods" ? start + p.value : Int64((Double(start) * (1 + Double(p.value) / 100)).rounded(.up))
            result = rules.select == "Min" ? Swift.min(result, proposed) : Swift.max(result, proposed)
        }
        return result
    }

    private func scaleDownLimit(_ current: Int64, _ rec: HPARecord, _ rules: HPARules) -> Int64 {
        if rules.select == "Disabled" { return current }
        var result: Int64 = rules.select == "Min" ? Int64(Int32.min) : Int64(Int32.max)
        for p in rules.policies {
            let start = periodStart(current, rec, p.period)
            let proposed = p.type == "Pods" ? start - p.value : Int64(Double(start) * (1 - Double(p.value) / 100))
            result = rules.select == "Min" ? Swift.max(result, proposed) : Swift.min(result, proposed)
        }
        return result
    }

    /// Remembers a rescale for the rate policies, reusing an entry older than the longest period.
    func storeHPAScaleEvent(_ rec: inout HPARecord, behavior: JSONValue, from: Int64, to: Int64) {
        guard case .object = behavior else { return }
        let scalingUp = to > from
        let rules = HPARules(behavior[scalingUp ? "scaleUp" : "scaleDown"], defaultWindow: 0)
        let cutoff = now.seconds - rules.longestPeriod
        let event = HPAScaleEvent(time: now.seconds, change: scalingUp ? to - from : from - to)
        func store(_ events: inout [HPAScaleEvent]) {
            if let i = events.lastIndex(where: { $0.time < cutoff }) { events[i] = event } else { events.append(event) }
        }
        if scalingUp { store(&rec.scaleUpEvents) } else { store(&rec.scaleDownEvents) }
    }
}
