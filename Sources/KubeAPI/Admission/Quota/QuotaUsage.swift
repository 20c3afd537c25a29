import KubeModel
import KubeRegistry

/// What one object counts against a ResourceQuota (the quota evaluators of pkg/quota/v1/evaluator/core
/// and the generic object-count evaluator): pods count their compute requests and limits, claims
/// their storage, services their node ports and load balancers, and every object `count/<resource>`.
enum QuotaUsage {
    /// Legacy names that count objects of a core resource.
    static let legacyCounts: [String: String] = [
        "pods": "pods", "services": "services", "replicationcontrollers": "replicationcontrollers",
        "resourcequotas": "resourcequotas", "secrets": "secrets", "configmaps": "configmaps",
        "persistentvolumeclaims": "persistentvolumeclaims",
    ]

    /// `count/<plural>` or `count/<plural>.<group>`.
    static func countName(_ type: ResourceType) -> String {
        "count/" + (type.group.isEmpty ? type.plural : "\(type.plural).\(type.group)")
    }

    /// The usage `obj` adds (empty for a pod that has finished: terminal pods do not count).
    static func usage(of obj: JSONValue, type: ResourceType) -> [String: Quantity] {
        var u: [String: Quantity] = [countName(type): Quantity(1)]
        if type.group.isEmpty, let legacy = legacyCounts[type.plural] { u[legacy] = Quantity(1) }
        switch (type.group, type.kind) {
        case ("", "Pod"):
            let phase = obj["status"]["phase"].string
            if phase == "Succeeded" || phase == "Failed" { return [:] }
            for (k, v) in podCompute(obj["spec"]) { u[k] = v }
        case ("", "PersistentVolumeClaim"):
            if let q = try? Quantity.parse(json: obj["spec"]["resources"]["requests"]["storage"]) {
                u["requests.storage"] = q
                if let sc = obj["spec"]["storageClassName"].string {
                    u["\(sc).storageclass.storage.k8s.io/requests.storage"] = q
                    u["\(sc).storageclass.storage.k8s.io/persistentvolumeclaims"] = Quantity(1)
                }
            }
        case ("", "Service"):
            let svcType = obj["spec"]["type"].string ?? "ClusterIP"
            if svcType == "LoadBalancer" { u["services.loadbalancers"] = Quantity(1) }
            if svcType == "NodePort" || svcType == "LoadBalancer" {
                u["services.nodeports"] = Quantity(Int64((obj["spec"]["ports"].array ?? []).count))
            }
        default:
            break
        }
        return u
    }

    /// A pod's compute usage: the larger of the sum over containers and each init container.
    static func podCompute(_ spec: JSONValue) -> [String: Quantity] {
        var total: [String: Quantity] = [:]
        for c in spec["containers"].array ?? [] {
            for (k, v) in containerCompute(c) { total[k, default: .zero].add(v) }
        }
        for c in spec["initContainers"].array ?? [] {
            for (k, v) in containerCompute(c) where v > total[k, default: .zero] { total[k] = v }
        }
        return total
    }

    /// `podComputeUsageHelper` for one container: requests count as `requests.X` and `X`.
    static func containerCompute(_ c: JSONValue) -> [String: Quantity] {
        var u: [String: Quantity] = [:]
        let requests = c["resources"]["requests"].object ?? JSONObject()
        let limits = c["resources"]["limits"].object ?? JSONObject()
        for (k, v) in requests {
            guard let q = try? Quantity.parse(json: v) else { continue }
            u["requests.\(k)"] = q
            if k == "cpu" || k == "memory" || k == "ephemeral-storage" { u[k] = q }
        }
        for (k, v) in limits {
            guard let q = try? Quantity.parse(json: v) else { continue }
            u["limits.\(k)"] = q
        }
        return u
    }

    /// Whether a quota's scopes select `pod` (scopes only apply to pods).
    static func scopesMatch(_ quota: JSONValue, _ obj: JSONValue, type: ResourceType) -> Bool {
        var scopes = (quota["spec"]["scopes"].array ?? []).compactMap(\.string)
        for e in quota["spec"]["scopeSelector"]["matchExpressions"].array ?? [] {
            if let name = e["scopeName"].string { scopes.append(name) }
        }
        if scopes.isEmpty { return true }
        guard type.group.isEmpty, type.kind == "Pod" else { return false }
        let bestEffort = podCompute(obj["spec"]).keys.allSatisfy { !$0.hasPrefix("requests.") && !$0.hasPrefix("limits.") }
        let terminating = !obj["spec"]["activeDeadlineSeconds"].isNull
        for scope in scopes {
            switch scope {
            case "BestEffort": if !bestEffort { return false }
            case "NotBestEffort": if bestEffort { return false }
            case "Terminating": if !terminating { return false }
            case "NotTerminating": if terminating { return false }
            default: break
            }
        }
        return true
    }

    /// `prettyPrint`: `k=v` pairs sorted by name, joined by commas.
    static func pretty(_ m: [String: Quantity]) -> String {
        m.keys.sorted(by: goStringLess).map { "\($0)=\(m[$0]!)" }.joined(separator: ",")
    }
}
