import KubeModel

/// A container's resource requirements (`ValidateResourceRequirements`, v1.32): resource names
/// (standard, hugepages or fully qualified extended resources), non-negative quantities, a request no
/// larger than its limit, and extended resources and hugepages requested exactly at their limit.
/// (The API server walks Go maps, so its order among several resources varies; ours is sorted.)
enum ResourceRules {
    static let standard: Set<String> = ["cpu", "memory", "ephemeral-storage"]

    static func validate(_ resources: JSONValue, path: String, into errs: inout [FieldError]) {
        let limits = resources["limits"].object ?? JSONObject(), requests = resources["requests"].object ?? JSONObject()
        let limPath = "\(path).limits", reqPath = "\(path).requests"
        for name in limits.keys.sorted() {
            let p = "\(limPath)[\(name)]"
            resourceName(name, path: p, into: &errs)
            nonNegative(limits[name]!, path: p, into: &errs)
        }
        for name in requests.keys.sorted() {
            let p = "\(reqPath)[\(name)]"
            resourceName(name, path: p, into: &errs)
            nonNegative(requests[name]!, path: p, into: &errs)
            guard let req = try? Quantity.parse(json: requests[name]!) else { continue }
            if let l = limits[name], let lim = try? Quantity.parse(json: l) {
                if !overcommitAllowed(name), req != lim {
                    errs.append(.invalid(reqPath, "\(req)", "must be equal to \(name) limit of \(lim)"))
                } else if lim < req {
                    errs.append(.invalid(reqPath, "\(req)", "must be less than or equal to \(name) limit of \(lim)"))
                }
            } else if !overcommitAllowed(name) {
                errs.append(.required(limPath, "Limit must be set for non overcommitable resources"))
            }
        }
    }

    static func isNative(_ name: String) -> Bool { !name.contains("/") || name.contains("kubernetes.io/") }

    static func overcommitAllowed(_ name: String) -> Bool { isNative(name) && !name.hasPrefix("hugepages-") }

    /// The names `validateResourceName` accepts without a prefix (`IsStandardResourceName`).
    static let standardNames: Set<String> = [
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu",
        "limits.memory", "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets",
        "configmaps", "persistentvolumeclaims", "storage", "requests.storage", "services.nodeports", "services.loadbalancers",
    ]

    static func isQuotaHugePages(_ name: String) -> Bool { name.hasPrefix("hugepages-") || name.hasPrefix("requests.hugepages-") }

    /// `IsExtendedResourceName`: outside the kubernetes.io domain, no `requests.` prefix, and qualified as a quota name.
    static func isExtended(_ name: String) -> Bool {
        !isNative(name) && !name.hasPrefix("requests.") && isQualifiedName("requests." + name).isEmpty
    }

    /// `validateResourceName`: a qualified name, and a standard one when it has no prefix. The value is a
    /// `core.ResourceName`, which prints through its String method (unquoted).
    static func genericName(_ name: String, path: String, into errs: inout [FieldError]) {
        let qualified = isQualifiedName(name)
        for msg in qualified { errs.append(FieldError(.invalid, field: path, value: .raw(name), detail: msg)) }
        if qualified.isEmpty, !name.contains("/"), !standardNames.contains(name), !isQuotaHugePages(name) {
            errs.append(FieldError(.invalid, field: path, value: .raw(name), detail: "must be a standard resource type or fully qualified"))
        }
    }

    /// `validateContainerResourceName`: `validateResourceName`, then a standard container resource (cpu,
    /// memory, ephemeral storage, hugepages) or a well-formed extended resource.
    static func resourceName(_ name: String, path: String, into errs: inout [FieldError]) {
        genericName(name, path: path, into: &errs)
        if !name.contains("/") {
            if !standard.contains(name) && !name.hasPrefix("hugepages-") {
                errs.append(FieldError(.invalid, field: path, value: .raw(name), detail: "must be a standard resource for containers"))
            }
        } else if !isNative(name), !isExtended(name) {
            errs.append(FieldError(.invalid, field: path, value: .raw(name), detail: "doesn't follow extended resource name standard"))
        }
    }

    static func nonNegative(_ v: JSONValue, path: String, into errs: inout [FieldError]) {
        guard let q = try? Quantity.parse(json: v), q < Quantity.zero else { return }
        errs.append(.invalid(path, "\(q)", WorkloadRules.isNegative))
    }
}
