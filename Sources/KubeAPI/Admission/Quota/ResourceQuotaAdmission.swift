import KubeModel
import KubeRegistry

/// The ResourceQuota admission plugin: a create that would take a quota's usage over its hard limit
/// is Forbidden (`exceeded quota: <name>, requested: ..., used: ..., limited: ...`), and a quota on
/// cpu or memory requires every container to state them (`failed quota: <name>: must specify ...`).
/// Controllers' creates go through it too (they record FailedCreate when refused).
struct ResourceQuotaAdmission: AdmissionStep {
    static let constrained: Set<String> = ["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]

    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        guard r.operation == .create, r.type.namespaced else { return }
        let ns = r.object["metadata"]["namespace"].string ?? ""
        let quotas = try s.resourceQuotas(in: ns)
        guard !quotas.isEmpty else { return }
        let usage = QuotaUsage.usage(of: r.object, type: r.type)
        for q in quotas where QuotaUsage.scopesMatch(q, r.object, type: r.type) {
            let name = q["metadata"]["name"].string ?? ""
            let hard = Self.quantities(q["status"]["hard"].isNull ? q["spec"]["hard"] : q["status"]["hard"])
            if r.type.group.isEmpty, r.type.kind == "Pod" {
                let required = Set(hard.keys).intersection(Self.constrained)
                if let missing = Self.missing(required, r.object["spec"]) {
                    throw forbidden(r, "failed quota: \(name): must specify \(missing)")
                }
            }
            let requested = usage.filter { hard[$0.key] != nil }
            guard !requested.isEmpty else { continue }
            let used = Self.quantities(q["status"]["used"])
            let exceeded = requested.keys.filter { used[$0, default: .zero] + requested[$0]! > hard[$0]! }
            guard !exceeded.isEmpty else { continue }
            let mask = { (m: [String: Quantity]) in m.filter { exceeded.contains($0.key) } }
            var shownUsed = mask(used)
            for k in exceeded where shownUsed[k] == nil { shownUsed[k] = .zero }
            throw forbidden(r, "exceeded quota: \(name), requested: \(QuotaUsage.pretty(mask(requested))), used: \(QuotaUsage.pretty(shownUsed)), limited: \(QuotaUsage.pretty(mask(hard)))")
        }
    }

    func forbidden(_ r: AdmissionRequest, _ detail: String) -> APIError {
        APIError(reason: .forbidden, message: "\(r.type.qualifiedPlural) \(strconvQuote(r.name)) is forbidden: \(detail)", code: 403)
    }

    /// `must specify limits.cpu for: a,b; requests.memory for: a`, or nil when every container states them.
    static func missing(_ required: Set<String>, _ spec: JSONValue) -> String? {
        guard !required.isEmpty else { return nil }
        var byResource: [String: Set<String>] = [:]
        for c in (spec["containers"].array ?? []) + (spec["initContainers"].array ?? []) {
            let have = Set(QuotaUsage.containerCompute(c).keys)
            for res in required where !have.contains(res) { byResource[res, default: []].insert(c["name"].string ?? "") }
        }
        guard !byResource.isEmpty else { return nil }
        return byResource.keys.sorted(by: goStringLess)
            .map { "\($0) for: " + byResource[$0]!.sorted(by: goStringLess).joined(separator: ",") }
            .joined(separator: "; ")
    }

    static func quantities(_ v: JSONValue) -> [String: Quantity] {
        var out: [String: Quantity] = [:]
        for (k, q) in v.object ?? JSONObject() { if let p = try? Quantity.parse(json: q) { out[k] = p } }
        return out
    }
}

extension APISession {

    /// The namespace's quotas, by name (none when the namespace has none: one indexed count).
    func resourceQuotas(in ns: String) throws -> [JSONValue] {
        guard let t = quotaType, !ns.isEmpty, try tx.count(resource: t.storageKey, namespace: ns) > 0 else { return [] }
        return try list(t, namespace: ns)
    }

    /// The quota controller: keeps `status.used` current after every stored write or delete (`new` nil
    /// on delete), and computes a quota's whole status when the quota itself is created or changed.
    func quotaObjectWritten(type: ResourceType, new: JSONValue?, old: JSONValue?) throws {
        guard type.namespaced, let qt = quotaType else { return }
        let obj = new ?? old ?? .null
        let ns = obj["metadata"]["namespace"].string ?? ""
        if type.storageKey == qt.storageKey, let new, new["spec"]["hard"] != old?["spec"]["hard"] || new["status"]["used"].isNull {
            try recalculate(new, type: qt)
        }
        let quotas = try resourceQuotas(in: ns)
        guard !quotas.isEmpty else { return }
        let added = new.map { QuotaUsage.usage(of: $0, type: type) } ?? [:]
        let removed = old.map { QuotaUsage.usage(of: $0, type: type) } ?? [:]
        guard added != removed else { return }
        let selfQuota = type.storageKey == qt.storageKey ? obj["metadata"]["name"].string : nil
        for var q in quotas where q["metadata"]["name"].string != selfQuota && QuotaUsage.scopesMatch(q, obj, type: type) {
            let hard = ResourceQuotaAdmission.quantities(q["status"]["hard"])
            var used = ResourceQuotaAdmission.quantities(q["status"]["used"])
            var changed = false
            for k in Set(added.keys).union(removed.keys) where hard[k] != nil {
                var v = used[k, default: .zero]
                v.add(added[k, default: .zero])
                v.sub(removed[k, default: .zero])
                if v != used[k] { used[k] = v.sign < 0 ? .zero : v; changed = true }
            }
            guard changed else { continue }
            q["status"]["used"] = .object(JSONObject(used.map { ($0.key, JSONValue.string($0.value.description)) }.sorted { goStringLess($0.0, $1.0) }))
            try update(q, type: qt)
        }
    }

    /// A quota's status from scratch: `hard` as the spec says, `used` counted over the namespace.
    func recalculate(_ quota: JSONValue, type qt: ResourceType) throws {
        let ns = quota["metadata"]["namespace"].string ?? ""
        let hard = ResourceQuotaAdmission.quantities(quota["spec"]["hard"])
        var used: [String: Quantity] = [:]
        for k in hard.keys { used[k] = .zero }
        for t in quotaTrackedTypes(Set(hard.keys)) {
            for o in try list(t, namespace: ns) where QuotaUsage.scopesMatch(quota, o, type: t) {
                for (k, v) in QuotaUsage.usage(of: o, type: t) where hard[k] != nil { used[k, default: .zero].add(v) }
            }
        }
        var q = quota
        let sortedObject = { (m: [String: Quantity]) in
            JSONValue.object(JSONObject(m.map { ($0.key, JSONValue.string($0.value.description)) }.sorted { goStringLess($0.0, $1.0) }))
        }
        q["status"] = ["hard": sortedObject(hard), "used": sortedObject(used)]
        if q != quota { try update(q, type: qt) }
    }

    /// The kinds whose objects count toward any of `names`.
    func quotaTrackedTypes(_ names: Set<String>) -> [ResourceType] {
        registry.types.filter { t in
            guard t.namespaced else { return false }
            if names.contains(QuotaUsage.countName(t)) { return true }
            if t.group.isEmpty, let legacy = QuotaUsage.legacyCounts[t.plural], names.contains(legacy) { return true }
            switch (t.group, t.kind) {
            case ("", "Pod"): return names.contains { !$0.hasPrefix("count/") && $0 != "pods" && !$0.hasPrefix("services") && !$0.contains("storage") && !$0.contains("persistentvolumeclaims") && QuotaUsage.legacyCounts[$0] == nil }
            case ("", "Service"): return names.contains { $0.hasPrefix("services.") }
            case ("", "PersistentVolumeClaim"): return names.contains { $0.contains("storage") }
            default: return false
            }
        }
    }
}
