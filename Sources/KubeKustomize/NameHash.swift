import KubeModel

/// kustomize/kubectl `hash.ConfigMapHash`/`SecretHash` suffix: first 10 hex digits of the sha256 of
/// the encoded object, with `0 1 3 a e` replaced so the result never looks like a word or number.
public enum NameHash {
    static func encode(_ hex: String) -> String {
        String(hex.prefix(10).map { c -> Character in
            switch c {
            case "0": return "g"
            case "1": return "h"
            case "3": return "k"
            case "a": return "m"
            case "e": return "t"
            default: return c
            }
        })
    }

    public static func configMap(name: String, data: JSONValue?, binaryData: JSONValue?) -> String {
        var m = JSONObject()
        m["data"] = data ?? .null
        m["kind"] = "ConfigMap"
        m["name"] = .string(name)
        if let b = binaryData { m["binaryData"] = b }
        return encode(SHA256.hex(Array(JSONValue.object(m).jsonString(.compact).utf8)))
    }

    public static func secret(name: String, type: String, data: JSONValue?) -> String {
        var m = JSONObject()
        m["data"] = data ?? .null
        m["kind"] = "Secret"
        m["name"] = .string(name)
        m["type"] = .string(type)
        return encode(SHA256.hex(Array(JSONValue.object(m).jsonString(.compact).utf8)))
    }
}
