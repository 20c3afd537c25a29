import KubeModel
import KubeRegistry
import KubeStore

/// The HPA's replica calculator over the simulated pod metrics (`SimulatedUsage`, the rule `top` prints),
/// in milli-units.
extension ControllerManager {
    struct HPAComputed {
        var replicas: Int64?
        var metric = ""
        var statuses: [JSONValue] = []
    }

    struct HPAError: Error { var message: String }

    func hpaMetrics(_ hpa: JSONValue, target: JSONValue, current: Int64, status: inout JSONValue) throws -> HPAComputed {
        var specs = hpa["spec"]["metrics"].array ?? []
        if specs.isEmpty { specs = [["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": 80]]]] }
        let ns = hpa["metadata"]["namespace"].string ?? "default"
        let sel: LabelSelector
        if target["kind"].string == "ReplicationController" {
            sel = LabelSelector(matchingLabels: Dictionary(target["spec"]["selector"].stringMap, uniquingKeysWith: { $1 }))
        } else {
            sel = (try? LabelSelector(from: target["spec"]["selector"])) ?? .nothing
        }
        let pods = try rows(podType, ns, matching: sel).map { try s.decode($0) }
        var out = HPAComputed(statuses: Array(repeating: ["type": ""], count: specs.count))
        var invalid = 0
        var firstError = "", firstCondition: (String, String) = ("", "")
        for (i, spec) in specs.enumerated() {
            do {
                let (replicas, name, st) = try hpaMetric(spec, pods: pods, current: current, hpa: hpa)
                out.statuses[i] = st
                if out.replicas == nil || replicas > out.replicas! { out.replicas = replicas; out.metric = name }
            } catch let e as HPAMetricFailure {
                if invalid == 0 { firstError = e.wrapped; firstCondition = (e.reason, e.conditionMessage) }
                invalid += 1
            }
        }
        if invalid >= specs.count {
            setHPACondition(&status, "ScalingActive", false, firstCondition.0, firstCondition.1)
            event(hpa, type: "Warning", reason: "FailedComputeMetricsReplicas",
                  message: "invalid metrics (\(invalid) invalid out of \(specs.count)), first error is: \(firstError)", component: "horizontal-pod-autoscaler")
            out.replicas = nil
            return out
        }
        setHPACondition(&status, "ScalingActive", true, "ValidMetricFound", "the HPA was able to successfully calculate a replica count from \(out.metric)")
        return out
    }

    struct HPAMetricFailure: Error {
        var reason: String
        var conditionMessage: String
        var wrapped: String
    }

    private func hpaMetric(_ spec: JSONValue, pods: [JSONValue], current: Int64, hpa: JSONValue) throws -> (Int64, String, JSONValue) {
        let type = spec["type"].string ?? ""
        guard type == "Resource" else {
            let kind = type == "External" ? "external" : "custom"
            let err = "unable to get metric \(spec[type.lowercased()]["metric"]["name"].string ?? ""): unable to fetch metrics from \(kind) metrics API: no \(kind) metrics API (\(kind).metrics.k8s.io) registered"
            let reason = "FailedGet\(type)Metric"
            event(hpa, type: "Warning", reason: reason, message: err, component: "horizontal-pod-autoscaler")
            throw HPAMetricFailure(reason: reason, conditionMessage: "the HPA was unable to compute the replica count: \(err)",
                                   wrapped: "failed to get \(type.lowercased()) metric value: \(err)")
        }
        let res = spec["resource"]
        let name = res["name"].string ?? "cpu"
        do {
            if let value = res["target"]["averageValue"].string ?? res["target"]["averageValue"].int.map(String.init) {
                let targetMilli = (try? Quantity.parse(value))?.milliValue ?? 0
                let (replicas, raw) = try rawReplicas(pods, current: current, resource: name, targetMilli: targetMilli)
                return (replicas, "\(name) resource", ["type": "Resource", "resource": ["current": ["averageValue": .string(Quantity(milli: raw).description)],
                                                                                        "name": .string(name)]])
            }
            guard let targetUtil = res["target"]["averageUtilization"].int else {
                throw HPAError(message: "invalid resource metric source: neither a utilization target nor a value target was set")
            }
            let (replicas, util, raw) = try utilizationReplicas(pods, current: current, resource: name, target: targetUtil)
            return (replicas, "\(name) resource utilization (percentage of request)",
                    ["type": "Resource", "resource": ["current": ["averageUtilization": .int(util), "averageValue": .string(Quantity(milli: raw).description)],
                                                      "name": .string(name)]])
        } catch let e as HPAError {
            let err = "failed to get \(name) utilization: \(e.message)"
            event(hpa, type: "Warning", reason: "FailedGetResourceMetric", message: err, component: "horizontal-pod-autoscaler")
            throw HPAMetricFailure(reason: "FailedGetResourceMetric", conditionMessage: "the HPA was unable to compute the replica count: \(err)",
                                   wrapped: "failed to get \(name) resource metric value: \(err)")
        }
    }

    /// Pods as the replica calculator groups them: ready with metrics, unready, missing (no metrics), ignored.
    private func groupPods(_ pods: [JSONValue], resource: String) -> (ready: [JSONValue], unready: [JSONValue], missing: [JSONValue]) {
        var ready: [JSONValue] = [], unready: [JSONValue] = [], missing: [JSONValue] = []
        for p in pods {
            if !p["metadata"]["deletionTimestamp"].isNull || p["status"]["phase"].string == "Failed" { continue }
            if p["status"]["phase"].string == "Pending" { unready.append(p); continue }
            guard p["status"]["phase"].string == "Running" else { missing.append(p); continue }
            if resource == "cpu" {
                let cond = (p["status"]["conditions"].array ?? []).first { $0["type"].string == "Ready" }
                let start = Timestamp(rfc3339: p["status"]["startTime"].string ?? "")
                let transition = Timestamp(rfc3339: cond?["lastTransitionTime"].string ?? "")
                guard let cond, let start, let transition else { unready.append(p); continue }
                let isReady = cond["status"].string == "True"
                // Within the CPU initialisation period (5 min) a sample counts once a metric window (15 s) passed since readiness.
                let notYet = start.seconds + 300 > now.seconds ? (!isReady || now.seconds < transition.seconds + 15)
                    : (!isReady && start.seconds + 30 > transition.seconds)
                if notYet { unready.append(p); continue }
            }
            ready.append(p)
        }
        return (ready, unready, missing)
    }

    /// A replica count from a ratio, rounded up; a ratio beyond int64 (or not a number) gives Int64.max / 0.
    static func replicas(_ x: Double) -> Int64 {
        let up = x.rounded(.up)
        if up.isNaN { return 0 }
        return up >= 9.2e18 ? .max : up <= -9.2e18 ? .min : Int64(up)
    }

    private func requests(_ pods: [JSONValue], _ resource: String) throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        for p in pods {
            var sum: Int64 = 0
            for c in p["spec"]["containers"].array ?? [] {
                guard let q = try? Quantity.parse(json: c["resources"]["requests"][resource]) else {
                    throw HPAError(message: "missing request for \(resource) in container \(c["name"].string ?? "") of Pod \(p["metadata"]["name"].string ?? "")")
                }
                sum &+= q.milliValue
            }
            out[p["metadata"]["name"].string ?? ""] = sum
        }
        return out
    }

    private func usage(_ p: JSONValue, _ resource: String) -> Int64 {
        (p["spec"]["containers"].array ?? []).reduce(0) { $0 &+ SimulatedUsage.of($1, resource).milliValue }
    }

    /// `GetResourceReplicas`: utilization of requests, tolerance 0.1, unready and missing pods on the safe side.
    private func utilizationReplicas(_ pods: [JSONValue], current: Int64, resource: String, target: Int64) throws -> (Int64, Int64, Int64) {
        let live = pods.filter { $0["metadata"]["deletionTimestamp"].isNull && $0["status"]["phase"].string != "Failed" }
        if live.isEmpty { throw HPAError(message: "no pods returned by selector while calculating replica count") }
        let (ready, unready, missing) = groupPods(pods, resource: resource)
        if ready.isEmpty { throw HPAError(message: "did not receive metrics for targeted pods (pods might be unready)") }
        let req = try requests(live, resource)
        func ratio(_ metrics: [(String, Int64)]) -> (Double, Int64, Int64) {
            // int64 sums and products wrap as the controller's Go arithmetic does (absurd requests
            // such as `cpu: 1e17` must not stop the controller).
            let used = metrics.reduce(0) { $0 &+ $1.1 }
            let requested = metrics.reduce(0) { $0 &+ (req[$1.0] ?? 0) }
            let util = requested == 0 ? 0 : (used &* 100) / requested
            return (Double(util) / Double(target), util, used / Int64(max(1, metrics.count)))
        }
        var metrics = ready.map { ($0["metadata"]["name"].string ?? "", usage($0, resource)) }
        let (usageRatio, util, raw) = ratio(metrics)
        let scaleUpWithUnready = !unready.isEmpty && usageRatio > 1.0
        if !scaleUpWithUnready && missing.isEmpty {
            if abs(1.0 - usageRatio) <= 0.1 { return (current, util, raw) }
            return (Self.replicas(usageRatio * Double(ready.count)), util, raw)
        }
        for p in missing {
            let name = p["metadata"]["name"].string ?? ""
            if usageRatio < 1.0 { metrics.append((name, req[name] ?? 0)) } else if usageRatio > 1.0 { metrics.append((name, 0)) }
        }
        if scaleUpWithUnready { metrics += unready.map { ($0["metadata"]["name"].string ?? "", 0) } }
        let (newRatio, _, _) = ratio(metrics)
        if abs(1.0 - newRatio) <= 0.1 || (usageRatio < 1.0 && newRatio > 1.0) || (usageRatio > 1.0 && newRatio < 1.0) {
            return (current, util, raw)
        }
        let proposal = Self.replicas(newRatio * Double(metrics.count))
        if (newRatio < 1.0 && proposal > current) || (newRatio > 1.0 && proposal < current) { return (current, util, raw) }
        return (proposal, util, raw)
    }

    /// `GetRawResourceReplicas`: average usage against an average value target.
    private func rawReplicas(_ pods: [JSONValue], current: Int64, resource: String, targetMilli: Int64) throws -> (Int64, Int64) {
        let (ready, _, _) = groupPods(pods, resource: resource)
        if pods.isEmpty { throw HPAError(message: "no pods returned by selector while calculating replica count") }
        if ready.isEmpty { throw HPAError(message: "did not receive metrics for targeted pods (pods might be unready)") }
        let total = ready.reduce(0) { $0 &+ usage($1, resource) }
        let avg = total / Int64(ready.count)
        let ratio = Double(total) / (Double(targetMilli) * Double(ready.count))
        if abs(1.0 - ratio) <= 0.1 { return (current, avg) }
        return (Self.replicas(Double(total) / Double(targetMilli)), avg)
    }
}
