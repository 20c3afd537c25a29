import KubeModel

/// A container's environment (`ValidateEnv`, `ValidateEnvFrom` of apis/core/validation, v1.32):
/// variable names (the relaxed rule, on by default since v1.32: printable ASCII except '='), exactly one
/// source under `valueFrom`, downward API field paths and container resources, config map and secret
/// key references, and `envFrom` prefixes and sources.
enum EnvRules {
    /// Pod fields a variable may take from the downward API (sorted as the server lists them).
    static let podFields = ["metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName",
                            "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"]
    /// Field labels the pod conversion knows (others fail converting).
    static let convertibleFields: Set<String> = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace",
                                                 "metadata.uid", "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName",
                                                 "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs",
                                                 "status.podIP", "status.podIPs", "spec.host"]
    static let containerResources = ["limits.cpu", "limits.ephemeral-storage", "limits.memory",
                                     "requests.cpu", "requests.ephemeral-storage", "requests.memory"]
    static let byteDivisors: Set<String> = ["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"]
    static let relaxedNameMessage = "a valid environment variable name must consist only of printable ASCII characters other than '='"

    static func validate(_ c: JSONValue, path: String, into errs: inout [FieldError]) {
        for (i, ev) in (c["env"].array ?? []).enumerated() {
            let p = "\(path).env[\(i)]"
            let name = ev["name"].string ?? ""
            if name.isEmpty { errs.append(.required("\(p).name")) } else if !isRelaxedEnvVarName(name) {
                errs.append(.invalid("\(p).name", name, relaxedNameMessage))
            }
            if ev["valueFrom"].object != nil { valueFrom(ev, path: "\(p).valueFrom", into: &errs) }
        }
        for (i, ef) in (c["envFrom"].array ?? []).enumerated() {
            envFrom(ef, path: "\(path).envFrom", index: i, into: &errs)
        }
    }

    static func isRelaxedEnvVarName(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F && $0 != "=" }
    }

    static func valueFrom(_ ev: JSONValue, path: String, into errs: inout [FieldError]) {
        let from = ev["valueFrom"]
        var sources = 0
        if from["fieldRef"].object != nil {
            sources += 1
            objectFieldSelector(from["fieldRef"], path: "\(path).fieldRef", into: &errs)
        }
        if from["resourceFieldRef"].object != nil {
            sources += 1
            resourceFieldSelector(from["resourceFieldRef"], path: "\(path).resourceFieldRef", into: &errs)
        }
        for key in ["configMapKeyRef", "secretKeyRef"] where from[key].object != nil {
            sources += 1
            keySelector(from[key], path: "\(path).\(key)", into: &errs)
        }
        if sources == 0 {
            errs.append(.invalid(path, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"))
        } else if !(ev["value"].string ?? "").isEmpty {
            errs.append(.invalid(path, "", "may not be specified when `value` is not empty"))
        } else if sources > 1 {
            errs.append(.invalid(path, "", "may not have more than one field specified at a time"))
        }
    }

    /// `validateObjectFieldSelector` with the env's field paths.
    static func objectFieldSelector(_ fs: JSONValue, path: String, allowed: [String] = podFields, into errs: inout [FieldError]) {
        let version = fs["apiVersion"].string ?? "", fieldPath = fs["fieldPath"].string ?? ""
        if version.isEmpty { errs.append(.required("\(path).apiVersion")); return }
        if fieldPath.isEmpty { errs.append(.required("\(path).fieldPath")); return }
        let (base, sub) = splitSubscript(fieldPath)
        var failure: String?
        if version != "v1" {
            failure = "unsupported pod version: \(version)"
        } else if sub != nil, base != "metadata.annotations" && base != "metadata.labels" {
            failure = "field label does not support subscript: \(fieldPath)"
        } else if sub == nil, !convertibleFields.contains(fieldPath) {
            failure = "field label not supported: \(fieldPath)"
        }
        if let failure {
            errs.append(.invalid("\(path).fieldPath", fieldPath, "error converting fieldPath: \(failure)"))
            return
        }
        let internalPath = fieldPath == "spec.host" ? "spec.nodeName" : fieldPath
        if let sub {
            let key = base == "metadata.annotations" ? sub.lowercased() : sub
            for msg in isQualifiedName(key) { errs.append(.invalid(path, key, msg)) }
        } else if !allowed.contains(internalPath) {
            errs.append(.notSupported("\(path).fieldPath", .string(internalPath), supported: allowed))
        }
    }

    /// `fieldpath.SplitMaybeSubscriptedPath`: `metadata.labels['key']` → (`metadata.labels`, `key`).
    static func splitSubscript(_ p: String) -> (String, String?) {
        guard p.hasSuffix("']") else { return (p, nil) }
        let b = Array(p.utf8.dropLast(2))
        guard let i = b.indices.dropLast().first(where: { b[$0] == 0x5B && b[$0 + 1] == 0x27 }), i > 0 else { return (p, nil) }
        return (String(decoding: b[..<i], as: UTF8.self), String(decoding: b[(i + 2)...], as: UTF8.self))
    }

    /// `validateContainerResourceFieldSelector` (env: no container name needed) and the divisor.
    static func resourceFieldSelector(_ fs: JSONValue, path: String, volume: Bool = false, into errs: inout [FieldError]) {
        let resource = fs["resource"].string ?? ""
        if volume && (fs["containerName"].string ?? "").isEmpty {
            errs.append(.required("\(path).containerName"))
        } else if resource.isEmpty {
            errs.append(.required("\(path).resource"))
        } else if !containerResources.contains(resource), !resource.hasPrefix("requests.hugepages-"), !resource.hasPrefix("limits.hugepages-") {
            errs.append(.notSupported("\(path).resource", .string(resource), supported: containerResources))
        }
        guard !fs["divisor"].isNull, let divisor = try? Quantity.parse(json: fs["divisor"]), divisor != Quantity.zero else { return }
        let d = "\(divisor)", dp = "\(path).divisor"
        switch resource {
        case "limits.cpu", "requests.cpu":
            if d != "1m" && d != "1" { errs.append(.invalid(dp, resource, "only divisor's values 1m and 1 are supported with the cpu resource")) }
        case "limits.memory", "requests.memory":
            if !byteDivisors.contains(d) { errs.append(.invalid(dp, resource, divisorMessage("memory"))) }
        case "limits.ephemeral-storage", "requests.ephemeral-storage":
            if !byteDivisors.contains(d) { errs.append(.invalid(dp, resource, divisorMessage("local ephemeral storage"))) }
        default: break
        }
        if resource.hasPrefix("requests.hugepages-") || resource.hasPrefix("limits.hugepages-"), !byteDivisors.contains(d) {
            errs.append(.invalid(dp, resource, divisorMessage("hugepages")))
        }
    }

    static func divisorMessage(_ what: String) -> String {
        "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the \(what) resource"
    }

    /// `validateConfigMapKeySelector` / `validateSecretKeySelector`: a DNS subdomain name (an empty one too) and a key.
    static func keySelector(_ s: JSONValue, path: String, into errs: inout [FieldError]) {
        let name = s["name"].string ?? "", key = s["key"].string ?? ""
        for msg in isDNS1123Subdomain(name) { errs.append(.invalid("\(path).name", name, msg)) }
        if key.isEmpty { errs.append(.required("\(path).key")) } else {
            for msg in isConfigMapKey(key) { errs.append(.invalid("\(path).key", key, msg)) }
        }
    }

    /// One `envFrom` entry; the one-source errors name the list itself, as the server does.
    static func envFrom(_ ef: JSONValue, path: String, index i: Int, into errs: inout [FieldError]) {
        let p = "\(path)[\(i)]"
        if let prefix = ef["prefix"].string, !prefix.isEmpty, !isRelaxedEnvVarName(prefix) {
            errs.append(.invalid("\(p).prefix", prefix, relaxedNameMessage))
        }
        var sources = 0
        for key in ["configMapRef", "secretRef"] where ef[key].object != nil {
            sources += 1
            let name = ef[key]["name"].string ?? ""
            if name.isEmpty { errs.append(.required("\(p).\(key).name")) } else {
                for msg in NameRule.dns1123Subdomain.validate(name, prefix: true) { errs.append(.invalid("\(p).\(key).name", name, msg)) }
            }
        }
        if sources == 0 {
            errs.append(.invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"))
        } else if sources > 1 {
            errs.append(.invalid(path, "", "may not have more than one field specified at a time"))
        }
    }
}
