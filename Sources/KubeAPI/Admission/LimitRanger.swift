import KubeModel
import KubeRegistry

/// The LimitRanger admission plugin on pod and claim create. As a mutating plugin (`LimitRanger`), the
/// `Container` items of the namespace's LimitRanges give containers their default requests and limits
/// (recorded in the `kubernetes.io/limit-ranger` annotation); as a validating one (`LimitRangerValidation`,
/// after the kind's validation), min, max and maxLimitRequestRatio of `Container` and `Pod` items are
/// enforced, and min and max of `PersistentVolumeClaim` items (Forbidden on violation).
struct LimitRanger: AdmissionStep {
    static let annotation = "kubernetes.io/limit-ranger"

    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        // Pods only on create (their containers cannot change); claims on every write (a resize too).
        guard r.type.group.isEmpty, (r.operation == .create && r.type.kind == "Pod") || r.type.kind == "PersistentVolumeClaim"
        else { return }
        let ns = r.object["metadata"]["namespace"].string ?? ""
        let ranges = try s.limitRanges(in: ns)
        guard !ranges.isEmpty else { return }
        r.limitRangeItems = ranges.flatMap { $0["spec"]["limits"].array ?? [] }
        if r.type.kind == "Pod" {
            Self.applyDefaults(&r.object, items: r.limitRangeItems.filter { $0["type"].string == "Container" })
        }
    }
}

/// LimitRanger's validating half: the items its mutating half found, against the object as validated.
struct LimitRangerValidation: AdmissionStep {
    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        guard !r.limitRangeItems.isEmpty else { return }
        var errs: [String] = []
        if r.type.kind == "Pod" {
            for item in r.limitRangeItems {
                switch item["type"].string {
                case "Container": errs += LimitRanger.violations(r.object["spec"], item: item)
                case "Pod": errs += LimitRanger.podViolations(r.object["spec"], item: item)
                default: break
                }
            }
        } else {
            for item in r.limitRangeItems where item["type"].string == "PersistentVolumeClaim" {
                errs += LimitRanger.claimViolations(r.object["spec"]["resources"]["requests"], item: item)
            }
        }
        if !errs.isEmpty {
            let detail = errs.count == 1 ? errs[0] : "[" + errs.joined(separator: ", ") + "]"
            throw APIError(reason: .forbidden, message: "\(r.type.qualifiedPlural) \(strconvQuote(r.name)) is forbidden: \(detail)", code: 403)
        }
    }
}

extension LimitRanger {
    /// Default requests and limits per container; the annotation lists what was set.
    static func applyDefaults(_ pod: inout JSONValue, items: [JSONValue]) {
        var limits = JSONObject(), requests = JSONObject()
        for item in items {
            for (k, v) in item["default"].object ?? JSONObject() where limits[k] == nil { limits[k] = v }
            for (k, v) in item["defaultRequest"].object ?? JSONObject() where requests[k] == nil { requests[k] = v }
            // v1 defaulting of the LimitRange: defaultRequest falls back to default, default to max.
            for (k, v) in item["max"].object ?? JSONObject() where limits[k] == nil { limits[k] = v }
            for (k, v) in limits where requests[k] == nil { requests[k] = v }
        }
        guard !limits.isEmpty || !requests.isEmpty else { return }
        var notes: [String] = []
        for (key, prefix) in [("initContainers", "init container"), ("containers", "container")] {
            guard var list = pod["spec"][key].array else { continue }
            for i in list.indices { notes += merge(&list[i], limits: limits, requests: requests, prefix: prefix) }
            pod["spec"][key] = .array(list)
        }
        if !notes.isEmpty {
            pod["metadata"]["annotations"][annotation] = .string("LimitRanger plugin set: " + notes.joined(separator: "; "))
        }
    }

    static func merge(_ c: inout JSONValue, limits: JSONObject, requests: JSONObject, prefix: String) -> [String] {
        var setLimits: [String] = [], setRequests: [String] = []
        for (k, v) in limits where c["resources"]["limits"][k].isNull {
            c["resources"]["limits"][k] = v
            setLimits.append(k)
        }
        for (k, v) in requests where c["resources"]["requests"][k].isNull {
            c["resources"]["requests"][k] = v
            setRequests.append(k)
        }
        let name = c["name"].string ?? ""
        var notes: [String] = []
        if !setRequests.isEmpty { notes.append(setRequests.sorted().joined(separator: ", ") + " request for \(prefix) \(name)") }
        if !setLimits.isEmpty { notes.append(setLimits.sorted().joined(separator: ", ") + " limit for \(prefix) \(name)") }
        return notes
    }

    /// min, max and maxLimitRequestRatio of one `Container` item, for every container.
    static func violations(_ spec: JSONValue, item: JSONValue) -> [String] {
        var errs: [String] = []
        for c in (spec["containers"].array ?? []) + (spec["initContainers"].array ?? []) {
            errs += constraints("Container", item: item, requests: quantities(c["resources"]["requests"]),
                                limits: quantities(c["resources"]["limits"]))
        }
        return errs
    }

    /// A `Pod` item against the pod's requests and limits: its containers' sum, or an init
    /// container's own value where that is larger.
    static func podViolations(_ spec: JSONValue, item: JSONValue) -> [String] {
        func total(_ key: String) -> [String: Quantity] {
            var sum: [String: Quantity] = [:]
            for c in spec["containers"].array ?? [] {
                for (k, v) in quantities(c["resources"][key]) { sum[k] = sum[k].map { $0 + v } ?? v }
            }
            for c in spec["initContainers"].array ?? [] {
                for (k, v) in quantities(c["resources"][key]) where sum[k].map({ $0 < v }) ?? true { sum[k] = v }
            }
            return sum
        }
        return constraints("Pod", item: item, requests: total("requests"), limits: total("limits"))
    }

    /// A `PersistentVolumeClaim` item: min and max against the claim's requests.
    static func claimViolations(_ requests: JSONValue, item: JSONValue) -> [String] {
        let req = quantities(requests)
        var errs: [String] = []
        for (k, v) in sortedQuantities(item["min"]) {
            if let r = req[k] {
                if r < v { errs.append("minimum \(k) usage per PersistentVolumeClaim is \(v), but request is \(r)") }
            } else {
                errs.append("minimum \(k) usage per PersistentVolumeClaim is \(v).  No request is specified")
            }
        }
        for (k, v) in sortedQuantities(item["max"]) {
            if let r = req[k] {
                if v < r { errs.append("maximum \(k) usage per PersistentVolumeClaim is \(v), but request is \(r)") }
            } else {
                errs.append("maximum \(k) usage per PersistentVolumeClaim is \(v).  No request is specified")
            }
        }
        return errs
    }

    /// `minConstraint`, `maxConstraint` and `limitRequestRatioConstraint` of one item.
    static func constraints(_ type: String, item: JSONValue, requests req: [String: Quantity], limits lim: [String: Quantity]) -> [String] {
        var errs: [String] = []
        for (k, v) in sortedQuantities(item["min"]) {
            if let r = req[k] {
                if r < v { errs.append("minimum \(k) usage per \(type) is \(v), but request is \(r)") }
                else if let l = lim[k], l < v { errs.append("minimum \(k) usage per \(type) is \(v), but limit is \(l)") }
            } else {
                errs.append("minimum \(k) usage per \(type) is \(v).  No request is specified")
            }
        }
        for (k, v) in sortedQuantities(item["max"]) {
            if let l = lim[k] {
                if l > v { errs.append("maximum \(k) usage per \(type) is \(v), but limit is \(l)") }
                else if let r = req[k], r > v { errs.append("maximum \(k) usage per \(type) is \(v), but request is \(r)") }
            } else {
                errs.append("maximum \(k) usage per \(type) is \(v).  No limit is specified")
            }
        }
        for (k, v) in sortedQuantities(item["maxLimitRequestRatio"]) {
            errs += ratio(k, v, req[k], lim[k], type: type)
        }
        return errs
    }

    static func ratio(_ k: String, _ v: Quantity, _ req: Quantity?, _ lim: Quantity?, type: String = "Container") -> [String] {
        guard let req, !req.isZero else {
            return ["\(k) max limit to request ratio per \(type) is \(v), but no request is specified or request is 0"]
        }
        guard let lim, !lim.isZero else {
            return ["\(k) max limit to request ratio per \(type) is \(v), but no limit is specified or limit is 0"]
        }
        let observed = Double(lim.milliValue) / Double(req.milliValue)
        guard observed * 1000 > Double(v.milliValue) else { return [] }
        return ["\(k) max limit to request ratio per \(type) is \(v), but provided ratio is \(goFixed6(observed))"]
    }

    /// Go's `%f`.
    static func goFixed6(_ d: Double) -> String {
        let scaled = (d * 1_000_000).rounded()
        let whole = Int64(scaled / 1_000_000)
        let frac = Int64(scaled) - whole * 1_000_000
        let f = String(frac)
        return "\(whole)." + String(repeating: "0", count: 6 - f.count) + f
    }

    static func quantities(_ v: JSONValue) -> [String: Quantity] { ResourceQuotaAdmission.quantities(v) }

    static func sortedQuantities(_ v: JSONValue) -> [(String, Quantity)] {
        let q = quantities(v)
        return q.keys.sorted().map { ($0, q[$0]!) }
    }
}

extension APISession {
    /// The namespace's LimitRanges (none: one indexed count).
    func limitRanges(in ns: String) throws -> [JSONValue] {
        guard let t = registry.type(group: "", kind: "LimitRange"), !ns.isEmpty,
            try tx.count(resource: t.storageKey, namespace: ns) > 0 else { return [] }
        return try list(t, namespace: ns)
    }
}
