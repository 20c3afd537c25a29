import KubeModel
import KubeRegistry

/// The `pods/ephemeralcontainers` subresource (what `kubectl debug` patches): only the pod's
/// `spec.ephemeralContainers` change; existing ones stay as they are, new ones are checked with the
/// API server's rules for ephemeral containers (v1.32 `validateEphemeralContainers`).
extension APISession {
    /// Replaces the pod's ephemeral containers with `containers` (the stored ones first, unchanged,
    /// then the new ones); everything else in the request is the stored pod's, as the subresource's
    /// strategy keeps it. Returns the updated pod.
    @discardableResult
    public func updateEphemeralContainers(namespace: String, name: String, containers: [JSONValue]) throws -> JSONValue {
        guard let podType = registry.type(group: "", kind: "Pod") else { throw APIError.notFound("pods", name) }
        try authorize("patch", podType, namespace: namespace, name: name, subresource: "ephemeralcontainers")
        let old = try get(podType, namespace: namespace, name: name)
        let errs = EphemeralContainerRules.validate(containers, pod: old)
        if !errs.isEmpty {
            throw APIError.invalid(kind: "Pod", name: name, causes: errs.map { APIError.Cause(field: $0.field, message: $0.body) })
        }
        var updated = old
        updated["spec"]["ephemeralContainers"] = .array(containers)
        let saved = fieldManager
        fieldManager.subresource = "ephemeralcontainers"
        defer { fieldManager = saved }
        return try update(updated, type: podType, verb: "patch", subresource: "ephemeralcontainers")
    }
}

enum EphemeralContainerRules {
    /// Fields an ephemeral container may not set (the API server's list, in its order).
    static let forbidden = ["lifecycle", "livenessProbe", "ports", "readinessProbe", "resources", "resizePolicy",
                            "startupProbe", "restartPolicy"]

    static func validate(_ containers: [JSONValue], pod: JSONValue) -> [FieldError] {
        let path = "spec.ephemeralContainers"
        var errs: [FieldError] = []
        let existing = pod["spec"]["ephemeralContainers"].array ?? []
        for (i, c) in existing.enumerated() {
            let n = c["name"].string ?? ""
            if i >= containers.count || containers[i]["name"] != c["name"] {
                errs.append(FieldError(.forbidden, field: path, detail: "existing ephemeral containers \(strconvQuote(n)) may not be removed"))
            } else if containers[i] != c {
                errs.append(FieldError(.forbidden, field: path, detail: "existing ephemeral containers \(strconvQuote(n)) may not be changed"))
            }
        }
        if !errs.isEmpty { return errs }
        var names: Set<String> = []
        var targets: Set<String> = []
        for key in ["containers", "initContainers"] {
            for c in pod["spec"][key].array ?? [] { if let n = c["name"].string { names.insert(n); targets.insert(n) } }
        }
        for c in existing { if let n = c["name"].string { names.insert(n) } }
        for (i, c) in containers.enumerated() where i >= existing.count {
            let p = "\(path)[\(i)]"
            let n = c["name"].string ?? ""
            if n.isEmpty {
                errs.append(.required("\(p).name"))
            } else {
                for msg in isDNS1123Label(n) { errs.append(.invalid("\(p).name", n, msg)) }
                if !names.insert(n).inserted { errs.append(FieldError(.duplicate, field: "\(p).name", value: .string(n))) }
            }
            if (c["image"].string ?? "").isEmpty { errs.append(.required("\(p).image")) }
            for key in forbidden where !c[key].isNull && c[key] != .emptyObject && c[key] != .array([]) {
                errs.append(FieldError(.forbidden, field: "\(p).\(key)", detail: "cannot be set for an Ephemeral Container"))
            }
            if let t = c["targetContainerName"].string, !t.isEmpty, !targets.contains(t) {
                errs.append(FieldError(.notFound, field: "\(p).targetContainerName", value: .string(t)))
            }
            if let policy = c["imagePullPolicy"].string, !PodSpecRules.pullPolicies.contains(policy) {
                errs.append(.notSupported("\(p).imagePullPolicy", .string(policy), supported: PodSpecRules.pullPolicies))
            }
        }
        return errs
    }
}
