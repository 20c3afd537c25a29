import KubeModel

/// ConfigMap and Secret validation (v1.32): keys are config keys, the data is at most 1 MiB, an
/// `immutable: true` object keeps its data, and a Secret keeps its type.
enum ConfigDataRules {
    static let maxSize = 1024 * 1024
    static let immutableMessage = "field is immutable when `immutable` is set"

    static func configMap(_ obj: JSONValue, old: JSONValue?) -> [FieldError] {
        var errs: [FieldError] = []
        if let old, old["immutable"].bool == true {
            if obj["immutable"].bool != true { errs.append(FieldError(.forbidden, field: "immutable", detail: immutableMessage)) }
            if obj["data"] != old["data"] { errs.append(FieldError(.forbidden, field: "data", detail: immutableMessage)) }
            if obj["binaryData"] != old["binaryData"] {
                errs.append(FieldError(.forbidden, field: "binaryData", detail: immutableMessage))
            }
        }
        var total = 0
        let binary = obj["binaryData"].object
        for (key, value) in obj["data"].object ?? JSONObject() {
            for msg in isConfigMapKey(key) { errs.append(.invalid("data[\(key)]", key, msg)) }
            if binary?[key] != nil { errs.append(.invalid("data[\(key)]", key, "duplicate of key present in binaryData")) }
            total += value.string?.utf8.count ?? 0
        }
        for (key, value) in binary ?? JSONObject() {
            for msg in isConfigMapKey(key) { errs.append(.invalid("binaryData[\(key)]", key, msg)) }
            total += decodedLength(value.string ?? "")
        }
        if total > maxSize { errs.append(.tooLong("", maxLength: maxSize)) }
        return errs
    }

    static func secret(_ obj: JSONValue, old: JSONValue?) -> [FieldError] {
        var errs: [FieldError] = []
        if let old {
            if obj["type"] != old["type"] {
                errs.append(.invalid("type", obj["type"].string ?? "", "field is immutable"))
            }
            if old["immutable"].bool == true {
                if obj["immutable"].bool != true { errs.append(FieldError(.forbidden, field: "immutable", detail: immutableMessage)) }
                if obj["data"] != old["data"] { errs.append(FieldError(.forbidden, field: "data", detail: immutableMessage)) }
            }
        }
        var total = 0
        for (key, value) in obj["data"].object ?? JSONObject() {
            for msg in isConfigMapKey(key) { errs.append(.invalid("data[\(key)]", key, msg)) }
            total += decodedLength(value.string ?? "")
        }
        if total > maxSize { errs.append(.tooLong("data", maxLength: maxSize)) }
        errs += secretTypeKeys(obj)
        return errs
    }

    /// `ValidateSecret`'s per-type keys: the docker config, basic-auth, ssh-auth and TLS keys, a service
    /// account token's annotation. (The docker config's JSON itself is not parsed here.)
    static func secretTypeKeys(_ obj: JSONValue) -> [FieldError] {
        let data = obj["data"].object ?? JSONObject()
        func has(_ key: String) -> Bool { data[key] != nil }
        switch obj["type"].string ?? "" {
        case "kubernetes.io/service-account-token":
            let name = obj["metadata"]["annotations"]["kubernetes.io/service-account.name"].string ?? ""
            return name.isEmpty ? [.required("metadata.annotations[kubernetes.io/service-account.name]")] : []
        case "kubernetes.io/dockercfg": return has(".dockercfg") ? [] : [.required("data[.dockercfg]")]
        case "kubernetes.io/dockerconfigjson": return has(".dockerconfigjson") ? [] : [.required("data[.dockerconfigjson]")]
        case "kubernetes.io/basic-auth":
            return has("username") || has("password") ? [] : [.required("data[username]"), .required("data[password]")]
        case "kubernetes.io/ssh-auth":
            return decodedLength(data["ssh-privatekey"]?.string ?? "") > 0 ? [] : [.required("data[ssh-privatekey]")]
        case "kubernetes.io/tls":
            return (has("tls.crt") ? [] : [.required("data[tls.crt]")]) + (has("tls.key") ? [] : [.required("data[tls.key]")])
        default: return []
        }
    }

    /// Bytes a base64 value decodes to.
    static func decodedLength(_ b64: String) -> Int {
        let n = b64.utf8.count
        let pad = b64.utf8.reversed().prefix(2).filter { $0 == 0x3D }.count
        return n / 4 * 3 - pad
    }
}
