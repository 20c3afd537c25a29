import KubeModel

/// What clientcmd's loader refuses in a decoded kubeconfig, with its texts: a document that is not a
/// mapping, an unknown kind or version, a value of the wrong JSON type for a v1 field (Go's
/// `json: cannot unmarshal ...`, the first one in the order Go meets them: keys sorted, as YAML reaches
/// the decoder), certificate data that is not base64, and two entries of one list with the same name.
enum KubeconfigSchema {
    /// The v1 field types (`k8s.io/client-go/tools/clientcmd/api/v1`).
    indirect enum FieldType {
        case string(goName: String)
        case bool
        case bytes
        case any
        case list(FieldType, goName: String)
        case map(FieldType, goName: String)
        case object(name: String, fields: [(String, FieldType)])

        var goName: String {
            switch self {
            case .string(let n): n
            case .bool: "bool"
            case .bytes: "[]uint8"
            case .any: "runtime.RawExtension"
            case .list(_, let n), .map(_, let n): n
            case .object(let n, _): "v1." + n
            }
        }
    }

    static let str = FieldType.string(goName: "string")
    static let extensions = FieldType.list(.object(name: "NamedExtension", fields: [("name", str), ("extension", .any)]),
                                           goName: "[]v1.NamedExtension")
    static let cluster = FieldType.object(name: "Cluster", fields: [
        ("server", str), ("tls-server-name", str), ("insecure-skip-tls-verify", .bool), ("certificate-authority", str),
        ("certificate-authority-data", .bytes), ("proxy-url", str), ("disable-compression", .bool), ("extensions", extensions)])
    static let context = FieldType.object(name: "Context", fields: [
        ("cluster", str), ("user", str), ("namespace", str), ("extensions", extensions)])
    static let exec = FieldType.object(name: "ExecConfig", fields: [
        ("command", str), ("args", .list(str, goName: "[]string")),
        ("env", .list(.object(name: "ExecEnvVar", fields: [("name", str), ("value", str)]), goName: "[]v1.ExecEnvVar")),
        ("apiVersion", str), ("installHint", str), ("provideClusterInfo", .bool),
        ("interactiveMode", .string(goName: "v1.ExecInteractiveMode"))])
    static let user = FieldType.object(name: "AuthInfo", fields: [
        ("client-certificate", str), ("client-certificate-data", .bytes), ("client-key", str), ("client-key-data", .bytes),
        ("token", str), ("tokenFile", str), ("as", str), ("as-uid", str), ("as-groups", .list(str, goName: "[]string")),
        ("as-user-extra", .map(.list(str, goName: "[]string"), goName: "map[string][]string")),
        ("username", str), ("password", str),
        ("auth-provider", .object(name: "AuthProviderConfig", fields: [("name", str), ("config", .map(str, goName: "map[string]string"))])),
        ("exec", exec), ("extensions", extensions)])
    static func named(_ name: String, _ body: String, _ type: FieldType) -> FieldType {
        .list(.object(name: name, fields: [("name", str), (body, type)]), goName: "[]v1." + name)
    }
    static let config = FieldType.object(name: "Config", fields: [
        ("kind", str), ("apiVersion", str),
        ("preferences", .object(name: "Preferences", fields: [("colors", .bool), ("extensions", extensions)])),
        ("clusters", named("NamedCluster", "cluster", cluster)), ("users", named("NamedAuthInfo", "user", user)),
        ("contexts", named("NamedContext", "context", context)), ("current-context", str), ("extensions", extensions)])

    /// The loader's complaint about `doc`, or nil when it loads.
    static func problem(_ doc: JSONValue) -> String? {
        guard let top = doc.object else {
            return "couldn't get version/kind; json parse error: json: cannot unmarshal \(jsonKind(doc)) into Go value of type "
                + #"struct { APIVersion string "json:\"apiVersion,omitempty\""; Kind string "json:\"kind,omitempty\"" }"#
        }
        for key in ["apiVersion", "kind"] {
            if let v = top[key], !v.isNull, v.string == nil {
                return "couldn't get version/kind; json parse error: json: cannot unmarshal \(jsonKind(v)) into Go struct field .\(key) of type string"
            }
        }
        let kind = top["kind"]?.string ?? "", version = top["apiVersion"]?.string ?? ""
        if (!kind.isEmpty && kind != "Config") || (!version.isEmpty && version != "v1") {
            return "no kind \"\(kind.isEmpty ? "Config" : kind)\" is registered for version \"\(version.isEmpty ? "v1" : version)\" in scheme \"k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50\""
        }
        if let e = typeError(doc, config, structName: "", path: []) { return e }
        return duplicate(top)
    }

    private static func jsonKind(_ v: JSONValue) -> String {
        switch v {
        case .null: "null"
        case .bool: "bool"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Go's first UnmarshalTypeError (or base64 error) decoding `value` as `type`; `structName` and
    /// `path` name the struct field being decoded.
    private static func typeError(_ value: JSONValue, _ type: FieldType, structName: String, path: [String]) -> String? {
        if value.isNull { return nil }
        func mismatch() -> String {
            "json: cannot unmarshal \(jsonKind(value)) into Go struct field \(structName).\(path.joined(separator: ".")) of type \(type.goName)"
        }
        switch type {
        case .any:
            return nil
        case .string:
            return value.string == nil ? mismatch() : nil
        case .bool:
            if case .bool = value { return nil }
            return mismatch()
        case .bytes:
            guard let s = value.string else { return mismatch() }
            if case .failure(let e) = GoBase64.decode(s) { return "illegal base64 data at input byte \(e.offset)" }
            return nil
        case .list(let element, _):
            guard let items = value.array else { return mismatch() }
            for item in items {
                if let e = typeError(item, element, structName: structName, path: path) { return e }
            }
            return nil
        case .map(let element, _):
            guard let object = value.object else { return mismatch() }
            for key in object.sortedKeys {
                if let e = typeError(object[key]!, element, structName: structName, path: path) { return e }
            }
            return nil
        case .object(let name, let fields):
            guard let object = value.object else { return mismatch() }
            for key in object.sortedKeys {
                guard let field = fields.first(where: { $0.0 == key }) else { continue }
                if let e = typeError(object[key]!, field.1, structName: name, path: path + [key]) { return e }
            }
            return nil
        }
    }

    /// clientcmd's v1 → internal conversion refuses two entries with one name, in its order:
    /// preferences' extensions, then clusters, users and contexts (each entry's extensions before its
    /// name), then the top level's extensions; the list printed as Go's %v does.
    private static func duplicate(_ top: JSONObject) -> String? {
        if let e = extensionDuplicate(top["preferences"]?["extensions"].array) { return e }
        let sections: [(String, String, String, String, (JSONObject) -> String)] = [
            ("clusters", "cluster", "NamedCluster", "map[string]*api.Cluster", clusterText),
            ("users", "user", "NamedAuthInfo", "map[string]*api.AuthInfo", userText),
            ("contexts", "context", "NamedContext", "map[string]*api.Context", contextText)]
        for (key, body, goName, mapName, text) in sections {
            let items = top[key]?.array ?? []
            var seen = Set<String>()
            for item in items {
                if let e = extensionDuplicate(item[body]["extensions"].array) { return e }
                let name = item["name"].string ?? ""
                if seen.insert(name).inserted { continue }
                let list = items.map { "{\($0["name"].string ?? "") {\(text($0[body].object ?? JSONObject()))}}" }
                return "error converting *[]\(goName) into *\(mapName): duplicate name \"\(name)\" in list: [\(list.joined(separator: " "))]"
            }
        }
        return extensionDuplicate(top["extensions"]?.array)
    }

    /// A second extension of one name is refused unless the first one's value was null (Go keeps nil).
    private static func extensionDuplicate(_ items: [JSONValue]?) -> String? {
        guard let items else { return nil }
        var holds: [String: Bool] = [:]
        for item in items {
            let name = item["name"].string ?? ""
            if holds[name] == true {
                return "error converting *[]NamedExtension into *map[string]runtime.Object: duplicate name \"\(name)\" in list: \(extensionsText(items))"
            }
            holds[name] = !rawExtension(item["extension"]).isEmpty
        }
        return nil
    }

    /// A RawExtension's bytes: the value as compact JSON with sorted keys (sigs.k8s.io/yaml's
    /// conversion), none for null.
    private static func rawExtension(_ value: JSONValue?) -> [UInt8] {
        guard let value, !value.isNull else { return [] }
        return Array(value.compactJSON.utf8)
    }

    private static func s(_ o: JSONObject, _ k: String) -> String { o[k]?.string ?? "" }
    private static func b(_ o: JSONObject, _ k: String) -> String { o[k]?.bool == true ? "true" : "false" }
    private static func bytes(_ o: JSONObject, _ k: String) -> String {
        let decoded = o[k]?.string.flatMap { try? GoBase64.decode($0).get() } ?? []
        return "[" + decoded.map(String.init).joined(separator: " ") + "]"
    }
    private static func strings(_ o: JSONObject, _ k: String) -> String {
        "[" + (o[k]?.array ?? []).map { $0.string ?? "" }.joined(separator: " ") + "]"
    }
    private static func extensionsText(_ o: JSONObject) -> String { extensionsText(o["extensions"]?.array ?? []) }
    private static func extensionsText(_ items: [JSONValue]) -> String {
        "[" + items.map { item in
            "{\(item["name"].string ?? "") {[" + rawExtension(item["extension"]).map(String.init).joined(separator: " ") + "] <nil>}}"
        }.joined(separator: " ") + "]"
    }
    private static func clusterText(_ c: JSONObject) -> String {
        [s(c, "server"), s(c, "tls-server-name"), b(c, "insecure-skip-tls-verify"), s(c, "certificate-authority"),
         bytes(c, "certificate-authority-data"), s(c, "proxy-url"), b(c, "disable-compression"), extensionsText(c)].joined(separator: " ")
    }
    private static func contextText(_ c: JSONObject) -> String {
        [s(c, "cluster"), s(c, "user"), s(c, "namespace"), extensionsText(c)].joined(separator: " ")
    }
    private static func userText(_ u: JSONObject) -> String {
        // Pointers print as addresses in Go; a fixed stand-in here.
        let pointer = { (k: String) in u[k].map { $0.isNull ? "<nil>" : "0xc000010000" } ?? "<nil>" }
        let extra = (u["as-user-extra"]?.object).map { o in
            "map[" + o.sortedKeys.map { "\($0):" + strings(o, $0) }.joined(separator: " ") + "]"
        } ?? "map[]"
        return [s(u, "client-certificate"), bytes(u, "client-certificate-data"), s(u, "client-key"), bytes(u, "client-key-data"),
                s(u, "token"), s(u, "tokenFile"), s(u, "as"), s(u, "as-uid"), strings(u, "as-groups"), extra,
                s(u, "username"), s(u, "password"), pointer("auth-provider"), pointer("exec"), extensionsText(u)].joined(separator: " ")
    }
}
