import KubeModel
import KubeRegistry

/// What the kubelet checks before it can start a pod's containers: volumes it can mount (ConfigMaps and
/// Secrets that exist, with the keys the volume lists), environment references it can resolve, images it
/// can pull, and init containers that wait for a Service name to resolve.
extension ControllerManager {
    var configMapType: ResourceType { s.registry.type(group: "", kind: "ConfigMap")! }
    var secretType: ResourceType { s.registry.type(group: "", kind: "Secret")! }

    /// A source object's data keys (ConfigMap data + binaryData, Secret data + stringData), or nil when
    /// the object does not exist.
    func sourceKeys(configMap: Bool, namespace ns: String, name: String) throws -> Set<String>? {
        let type = configMap ? configMapType : secretType
        guard let obj = try s.find(type, namespace: ns, name: name) else { return nil }
        var keys = Set<String>()
        for field in configMap ? ["data", "binaryData"] : ["data", "stringData"] {
            for (k, _) in obj[field].object ?? JSONObject() { keys.insert(k) }
        }
        return keys
    }

    /// The FailedMount reasons of the pod's volumes (`(volume name, error text)`), in spec order.
    func volumeMountErrors(_ pod: JSONValue) throws -> [(String, String)] {
        let ns = pod["metadata"]["namespace"].string ?? "default"
        var errors: [(String, String)] = []
        for v in pod["spec"]["volumes"].array ?? [] {
            let name = v["name"].string ?? ""
            var sources: [(Bool, JSONValue)] = []
            if !v["configMap"].isNull { sources.append((true, v["configMap"])) }
            if !v["secret"].isNull { sources.append((false, v["secret"])) }
            for p in v["projected"]["sources"].array ?? [] {
                if !p["configMap"].isNull { sources.append((true, p["configMap"])) }
                if !p["secret"].isNull { sources.append((false, p["secret"])) }
            }
            for (isCM, src) in sources {
                if let msg = try mountError(isConfigMap: isCM, source: src, namespace: ns) {
                    errors.append((name, msg))
                    break
                }
            }
        }
        return errors
    }

    private func mountError(isConfigMap: Bool, source: JSONValue, namespace ns: String) throws -> String? {
        let objName = (isConfigMap ? source["name"].string : (source["secretName"].string ?? source["name"].string)) ?? ""
        let optional = source["optional"].bool == true
        guard let keys = try sourceKeys(configMap: isConfigMap, namespace: ns, name: objName) else {
            return optional ? nil : "\(isConfigMap ? "configmap" : "secret") \(strconvQuote(objName)) not found"
        }
        for item in source["items"].array ?? [] {
            let key = item["key"].string ?? ""
            if !keys.contains(key) && !optional {
                return isConfigMap ? "configmap references non-existent config key: \(key)"
                    : "references non-existent secret key: \(key)"
            }
        }
        return nil
    }

    /// The CreateContainerConfigError text for a container's env/envFrom references, or nil.
    func envError(_ c: JSONValue, namespace ns: String) throws -> String? {
        for from in c["envFrom"].array ?? [] {
            for (isCM, field) in [(true, "configMapRef"), (false, "secretRef")] where !from[field].isNull {
                let ref = from[field]
                let name = ref["name"].string ?? ""
                if try sourceKeys(configMap: isCM, namespace: ns, name: name) == nil, ref["optional"].bool != true {
                    return "\(isCM ? "configmap" : "secret") \(strconvQuote(name)) not found"
                }
            }
        }
        for e in c["env"].array ?? [] {
            for (isCM, field) in [(true, "configMapKeyRef"), (false, "secretKeyRef")] where !e["valueFrom"][field].isNull {
                let ref = e["valueFrom"][field]
                let name = ref["name"].string ?? "", key = ref["key"].string ?? ""
                let optional = ref["optional"].bool == true
                guard let keys = try sourceKeys(configMap: isCM, namespace: ns, name: name) else {
                    if optional { continue }
                    return "\(isCM ? "configmap" : "secret") \(strconvQuote(name)) not found"
                }
                if !keys.contains(key) && !optional {
                    return "couldn't find key \(key) in \(isCM ? "ConfigMap" : "Secret") \(ns)/\(name)"
                }
            }
        }
        return nil
    }

    /// The pull error of an image that does not exist, or nil when it pulls.
    func imagePullError(_ image: String) throws -> String? {
        let available = ImageCatalogue.names(try s.tx.config("images.available"))
        let unavailable = ImageCatalogue.names(try s.tx.config("images.unavailable"))
        if ImageCatalogue.exists(image, available: available, unavailable: unavailable) { return nil }
        let full = (try? normalizeImage(image).get()) ?? image
        if full.hasPrefix("docker.io/") {
            return "failed to pull and unpack image \(strconvQuote(full)): failed to resolve reference \(strconvQuote(full)): pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
        }
        return "rpc error: code = NotFound desc = failed to pull and unpack image \(strconvQuote(full)): failed to resolve reference \(strconvQuote(full)): \(full): not found"
    }

    /// The Service an init container's shell loop waits for (`until nslookup NAME ...`), when it does not
    /// exist yet: the loop keeps the container running until the name resolves.
    func awaitedService(_ c: JSONValue, namespace ns: String) throws -> String? {
        let words = ((c["command"].array ?? []) + (c["args"].array ?? [])).compactMap(\.string).joined(separator: " ")
        guard words.contains("until ") || words.contains("while ") else { return nil }
        let tokens = words.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" || $0 == "'" || $0 == "\"" }).map(String.init)
        for (i, t) in tokens.enumerated() where t == "nslookup" && i + 1 < tokens.count {
            let host = tokens[i + 1]
            let labels = host.split(separator: ".").map(String.init)
            guard let svc = labels.first, !svc.isEmpty, !svc.hasPrefix("$") else { continue }
            var svcNS = ns
            if labels.count > 1, !labels[1].hasPrefix("$"), labels[1] != "svc" { svcNS = labels[1] }
            if try s.find(svcType, namespace: svcNS, name: svc) == nil { return svc }
        }
        return nil
    }
}
