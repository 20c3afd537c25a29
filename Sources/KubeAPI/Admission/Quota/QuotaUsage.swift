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

    /// Whether a quota's scopes and scope selector select `pod` (scopes only apply to pods):
    /// BestEffort, NotBestEffort, Terminating, NotTerminating, PriorityClass (In, NotIn, Exists on the
    /// pod's class; DoesNotExist never matches, as upstream's selector always sees the key) and
    /// CrossNamespacePodAffinity.
    static func scopesMatch(_ quota: JSONValue, _ obj: JSONValue, type: ResourceType) -> Bool {
        var terms: [(name: String, op: String, values: [String])] =
            (quota["spec"]["scopes"].array ?? []).compactMap(\.string).map { ($0, "Exists", []) }
        for e in quota["spec"]["scopeSelector"]["matchExpressions"].array ?? [] {
            if let name = e["scopeName"].string {
                terms.append((name, e["operator"].string ?? "", e["values"].array?.compactMap(\.string) ?? []))
            }
        }
        if terms.isEmpty { return true }
        guard type.group.isEmpty, type.kind == "Pod" else { return false }
        let spec = obj["spec"]
        let bestEffort = podCompute(spec).keys.allSatisfy { !$0.hasPrefix("requests.") && !$0.hasPrefix("limits.") }
        let terminating = (spec["activeDeadlineSeconds"].int ?? -1) >= 0
        for term in terms {
            let matches: Bool
            switch term.name {
            case "BestEffort": matches = bestEffort
            case "NotBestEffort": matches = !bestEffort
            case "Terminating": matches = terminating
            case "NotTerminating": matches = !terminating
            case "PriorityClass":
                let cls = spec["priorityClassName"].string ?? ""
                switch term.op {
                case "Exists": matches = !cls.isEmpty
                case "In": matches = term.values.contains(cls)
                case "NotIn": matches = !term.values.contains(cls)
                default: matches = false
                }
            case "CrossNamespacePodAffinity": matches = crossNamespaceAffinity(spec["affinity"])
            default: matches = true
            }
            if !matches { return false }
        }
        return true
    }

    /// A pod (anti-)affinity term that names namespaces or selects them.
    static func crossNamespaceAffinity(_ affinity: JSONValue) -> Bool {
        for key in ["podAffinity", "podAntiAffinity"] {
            let a = affinity[key]
            let terms = (a["requiredDuringSchedulingIgnoredDuringExecution"].array ?? [])
                + (a["preferredDuringSchedulingIgnoredDuringExecution"].array ?? []).map { $0["podAffinityTerm"] }
            if terms.contains(where: { !($0["namespaces"].array ?? []).isEmpty || $0["namespaceSelector"].object != nil }) { return true }
        }
        return false
    }

    /// `prettyPrint`: `k=v` pairs sorted by name, joined by commas.
    static func pretty(_ m: [String: Quantity]) -> String {
        m.keys.sorted(by: goStringLess).map { "\($0)=\(m[$0]!)" }.joined(separator: ",")
    }
}
