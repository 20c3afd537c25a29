import KubeModel
import KubeRegistry

/// autoscaling/v1 ⇄ autoscaling/v2 HorizontalPodAutoscalers, as the API server converts them (v2 is the
/// storage version). v1 has one target, `targetCPUUtilizationPercentage`, the v2 `Resource` cpu metric
/// with an average utilization; what v1 cannot say travels in the `autoscaling.alpha.kubernetes.io/*`
/// annotations (other metrics, current metrics, conditions, behavior), in v1's metric format.
enum HPAConversion {
    static let metricsAnnotation = "autoscaling.alpha.kubernetes.io/metrics"
    static let currentMetricsAnnotation = "autoscaling.alpha.kubernetes.io/current-metrics"
    static let conditionsAnnotation = "autoscaling.alpha.kubernetes.io/conditions"
    static let behaviorAnnotation = "autoscaling.alpha.kubernetes.io/behavior"

    static func isHPA(_ type: ResourceType) -> Bool { type.group == "autoscaling" && type.kind == "HorizontalPodAutoscaler" }

    /// The object as a client of `type`'s version reads it (a stored v2 HPA read through autoscaling/v1).
    static func served(_ obj: JSONValue, as type: ResourceType) -> JSONValue {
        guard isHPA(type), type.version == "v1", obj["apiVersion"].string == "autoscaling/v2" else { return obj }
        return toV1(obj)
    }

    static func isCPUUtilization(_ m: JSONValue) -> Bool {
        m["type"].string == "Resource" && m["resource"]["name"].string == "cpu" && m["resource"]["target"]["averageUtilization"].int != nil
    }

    /// Removes an annotation and returns its text.
    static func take(_ annotations: inout JSONValue, _ key: String) -> JSONValue? {
        let v = annotations[key]
        guard !v.isNull else { return nil }
        annotations.remove([key])
        return v
    }

    // MARK: v1 → v2

    static func toV2(_ v1: JSONValue) -> JSONValue {
        var obj = v1
        obj["apiVersion"] = "autoscaling/v2"
        var annotations = v1["metadata"]["annotations"].object.map(JSONValue.object) ?? .emptyObject
        var spec = JSONValue.emptyObject
        for key in ["scaleTargetRef", "minReplicas", "maxReplicas"] where !v1["spec"][key].isNull { spec[key] = v1["spec"][key] }
        var metrics: [JSONValue] = []
        if let cpu = v1["spec"]["targetCPUUtilizationPercentage"].int {
            metrics.append(["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": .int(cpu)]]])
        }
        if let text = take(&annotations, metricsAnnotation)?.string, let list = (try? JSON.parse(text))?.array {
            metrics += list.map(metricToV2)
        }
        if !metrics.isEmpty { spec["metrics"] = .array(metrics) }
        if let text = take(&annotations, behaviorAnnotation)?.string, let b = try? JSON.parse(text) { spec["behavior"] = b }
        obj["spec"] = spec
        var status = JSONValue.emptyObject
        for key in ["observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas"] where !v1["status"][key].isNull {
            status[key] = v1["status"][key]
        }
        if let text = take(&annotations, currentMetricsAnnotation)?.string, let list = (try? JSON.parse(text))?.array {
            status["currentMetrics"] = .array(list.map(metricStatusToV2))
        } else if let cpu = v1["status"]["currentCPUUtilizationPercentage"].int {
            status["currentMetrics"] = [["type": "Resource", "resource": ["name": "cpu", "current": ["averageUtilization": .int(cpu)]]]]
        }
        if let text = take(&annotations, conditionsAnnotation)?.string, let list = try? JSON.parse(text) { status["conditions"] = list }
        if v1["status"].object != nil { obj["status"] = status }
        if annotations.object?.isEmpty ?? true { obj.remove(["metadata", "annotations"]) } else { obj["metadata"]["annotations"] = annotations }
        return obj
    }

    /// A v1 (annotation) metric spec in v2's form.
    static func metricToV2(_ m: JSONValue) -> JSONValue {
        let type = m["type"].string ?? ""
        var out: JSONValue = ["type": .string(type)]
        func target(_ s: JSONValue) -> JSONValue {
            if let u = s["targetAverageUtilization"].int { return ["type": "Utilization", "averageUtilization": .int(u)] }
            if !s["targetAverageValue"].isNull { return ["type": "AverageValue", "averageValue": s["targetAverageValue"]] }
            if !s["averageValue"].isNull { return ["type": "AverageValue", "averageValue": s["averageValue"]] }
            return ["type": "Value", "value": s["targetValue"]]
        }
        func metric(_ name: JSONValue, _ selector: JSONValue) -> JSONValue {
            selector.isNull ? ["name": name] : ["name": name, "selector": selector]
        }
        switch type {
        case "Resource", "ContainerResource":
            let key = type == "Resource" ? "resource" : "containerResource", s = m[key]
            var r: JSONValue = ["name": s["name"]]
            if key == "containerResource" { r["container"] = s["container"] }
            r["target"] = target(s)
            out[key] = r
        case "Pods":
            out["pods"] = ["metric": metric(m["pods"]["metricName"], m["pods"]["selector"]), "target": target(m["pods"])]
        case "Object":
            let s = m["object"]
            out["object"] = ["describedObject": s["target"], "metric": metric(s["metricName"], s["selector"]), "target": target(s)]
        case "External":
            let s = m["external"]
            out["external"] = ["metric": metric(s["metricName"], s["metricSelector"]), "target": target(s)]
        default:
            break
        }
        return out
    }

    /// A v1 (annotation) metric status in v2's form.
    static func metricStatusToV2(_ m: JSONValue) -> JSONValue {
        let type = m["type"].string ?? ""
        guard type == "Resource" || type == "ContainerResource" else { return m }
        let key = type == "Resource" ? "resource" : "containerResource", s = m[key]
        var current = JSONValue.emptyObject
        if let u = s["currentAverageUtilization"].int { current["averageUtilization"] = .int(u) }
        if !s["currentAverageValue"].isNull { current["averageValue"] = s["currentAverageValue"] }
        var r: JSONValue = ["name": s["name"]]
        if key == "containerResource" { r["container"] = s["container"] }
        r["current"] = current
        var out: JSONValue = ["type": .string(type)]
        out[key] = r
        return out
    }

    // MARK: v2 → v1

    static func toV1(_ v2: JSONValue) -> JSONValue {
        var obj = v2
        obj["apiVersion"] = "autoscaling/v1"
        var annotations = v2["metadata"]["annotations"].object.map(JSONValue.object) ?? .emptyObject
        let metrics = v2["spec"]["metrics"].array ?? []
        var spec = JSONValue.emptyObject
        for key in ["scaleTargetRef", "minReplicas", "maxReplicas"] where !v2["spec"][key].isNull { spec[key] = v2["spec"][key] }
        if let cpu = metrics.first(where: isCPUUtilization) { spec["targetCPUUtilizationPercentage"] = cpu["resource"]["target"]["averageUtilization"] }
        obj["spec"] = spec
        let others = metrics.filter { !isCPUUtilization($0) }.map(metricToV1)
        if !others.isEmpty { annotations[metricsAnnotation] = .string(JSONValue.array(others).jsonString(.compactOrdered)) }
        let current = v2["status"]["currentMetrics"].array ?? []
        if !current.isEmpty { annotations[currentMetricsAnnotation] = .string(JSONValue.array(current.map(metricStatusToV1)).jsonString(.compactOrdered)) }
        if let conditions = v2["status"]["conditions"].array, !conditions.isEmpty {
            annotations[conditionsAnnotation] = .string(JSONValue.array(conditions.map(conditionInGoOrder)).jsonString(.compactOrdered))
        }
        if v2["spec"]["behavior"].object != nil { annotations[behaviorAnnotation] = .string(behaviorInGoOrder(v2["spec"]["behavior"]).jsonString(.compactOrdered)) }
        if !(annotations.object?.isEmpty ?? true) { obj["metadata"]["annotations"] = annotations }
        // v1's status always has its two counts (they are not omitempty in v1).
        var status: JSONValue = ["currentReplicas": 0, "desiredReplicas": 0]
        for key in ["observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas"] where !v2["status"][key].isNull {
            status[key] = v2["status"][key]
        }
        if let cpu = current.first(where: { $0["type"].string == "Resource" && $0["resource"]["name"].string == "cpu" }),
           let u = cpu["resource"]["current"]["averageUtilization"].int {
            status["currentCPUUtilizationPercentage"] = .int(u)
        }
        obj["status"] = status
        return obj
    }

    /// A v2 metric spec in v1's annotation form (`targetAverageUtilization`, `targetAverageValue`, ...).
    static func metricToV1(_ m: JSONValue) -> JSONValue {
        let type = m["type"].string ?? ""
        var out: JSONValue = ["type": .string(type)]
        func targets(_ t: JSONValue, into o: inout JSONValue, value: String, average: String) {
            // Go's field order of the v1 sources: utilization, value, average value.
            if let u = t["averageUtilization"].int { o["targetAverageUtilization"] = .int(u) }
            if !t["value"].isNull { o[value] = t["value"] }
            if !t["averageValue"].isNull { o[average] = t["averageValue"] }
        }
        switch type {
        case "Resource", "ContainerResource":
            let key = type == "Resource" ? "resource" : "containerResource", s = m[key]
            var r: JSONValue = ["name": s["name"]]
            targets(s["target"], into: &r, value: "targetValue", average: "targetAverageValue")
            if key == "containerResource" { r["container"] = s["container"] }
            out[key] = r
        case "Pods":
            var r: JSONValue = ["metricName": m["pods"]["metric"]["name"]]
            targets(m["pods"]["target"], into: &r, value: "targetValue", average: "targetAverageValue")
            if !m["pods"]["metric"]["selector"].isNull { r["selector"] = m["pods"]["metric"]["selector"] }
            out["pods"] = r
        case "Object":
            let s = m["object"]
            var r: JSONValue = ["target": s["describedObject"], "metricName": s["metric"]["name"]]
            r["targetValue"] = s["target"]["value"].isNull ? "0" : s["target"]["value"]
            if !s["metric"]["selector"].isNull { r["selector"] = s["metric"]["selector"] }
            if !s["target"]["averageValue"].isNull { r["averageValue"] = s["target"]["averageValue"] }
            out["object"] = r
        case "External":
            let s = m["external"]
            var r: JSONValue = ["metricName": s["metric"]["name"]]
            if !s["metric"]["selector"].isNull { r["metricSelector"] = s["metric"]["selector"] }
            targets(s["target"], into: &r, value: "targetValue", average: "targetAverageValue")
            out["external"] = r
        default:
            break
        }
        return out
    }

    /// A v2 metric status in v1's annotation form (`currentAverageValue` is always there: "0" when unset).
    static func metricStatusToV1(_ m: JSONValue) -> JSONValue {
        let type = m["type"].string ?? ""
        guard type == "Resource" || type == "ContainerResource" else { return m }
        let key = type == "Resource" ? "resource" : "containerResource", s = m[key]
        var r: JSONValue = ["name": s["name"]]
        if let u = s["current"]["averageUtilization"].int { r["currentAverageUtilization"] = .int(u) }
        r["currentAverageValue"] = s["current"]["averageValue"].isNull ? "0" : s["current"]["averageValue"]
        if key == "containerResource" { r["container"] = s["container"] }
        var out: JSONValue = ["type": .string(type)]
        out[key] = r
        return out
    }

    static func conditionInGoOrder(_ c: JSONValue) -> JSONValue {
        var out = JSONValue.emptyObject
        for key in ["type", "status", "lastTransitionTime", "reason", "message"] where !c[key].isNull { out[key] = c[key] }
        return out
    }

    static func behaviorInGoOrder(_ b: JSONValue) -> JSONValue {
        var out = JSONValue.emptyObject
        for dir in ["scaleUp", "scaleDown"] where b[dir].object != nil {
            var rules = JSONValue.emptyObject
            for key in ["stabilizationWindowSeconds", "selectPolicy"] where !b[dir][key].isNull { rules[key] = b[dir][key] }
            if let policies = b[dir]["policies"].array {
                rules["policies"] = .array(policies.map { p in
                    var o = JSONValue.emptyObject
                    for key in ["type", "value", "periodSeconds"] where !p[key].isNull { o[key] = p[key] }
                    return o
                })
            }
            out[dir] = rules
        }
        return out
    }
}
