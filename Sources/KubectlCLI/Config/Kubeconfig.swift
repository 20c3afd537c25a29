import KubeModel

/// A kubeconfig document (clientcmd's `Config`): named clusters, users and contexts, the current
/// context and preferences. Entries keep their fields as JSON; `json()` writes them in the order and
/// with the empty-value rules of kubectl's v1 types, so `config view` prints what kubectl prints.
struct Kubeconfig: Equatable {
    struct Entry: Equatable {
        var name: String
        var fields: JSONObject
    }

    enum Section: String, CaseIterable {
        case clusters, users, contexts
        /// The key of an entry's body (`- name: x` + `cluster:`).
        var bodyKey: String {
            switch self {
            case .clusters: "cluster"
            case .users: "user"
            case .contexts: "context"
            }
        }
    }

    var preferences = JSONObject()
    var clusters: [Entry] = []
    var users: [Entry] = []
    var contexts: [Entry] = []
    var currentContext = ""
    var extensions: [JSONValue] = []

    subscript(section: Section) -> [Entry] {
        get {
            switch section {
            case .clusters: clusters
            case .users: users
            case .contexts: contexts
            }
        }
        set {
            switch section {
            case .clusters: clusters = newValue
            case .users: users = newValue
            case .contexts: contexts = newValue
            }
        }
    }

    func entry(_ section: Section, _ name: String) -> Entry? { self[section].first { $0.name == name } }

    /// Sets (or adds, at the end) the entry `name` of `section`.
    mutating func put(_ section: Section, _ entry: Entry) {
        if let i = self[section].firstIndex(where: { $0.name == entry.name }) {
            self[section][i] = entry
        } else {
            self[section].append(entry)
        }
    }

    /// Removes the entry `name`; false when there was none.
    @discardableResult
    mutating func remove(_ section: Section, _ name: String) -> Bool {
        guard let i = self[section].firstIndex(where: { $0.name == name }) else { return false }
        self[section].remove(at: i)
        return true
    }

    func context(_ name: String) -> JSONObject? { entry(.contexts, name)?.fields }

    // MARK: - Reading and writing the v1 document

    /// Reads a decoded kubeconfig document (YAML or JSON); fields kubectl does not know are dropped,
    /// as its decoder drops them.
    init(document: JSONValue) {
        preferences = document["preferences"].object ?? JSONObject()
        Self.normalizeExtensions(&preferences)
        currentContext = document["current-context"].string ?? ""
        extensions = Self.normalizedExtensions(document["extensions"].array ?? [])
        for section in Section.allCases {
            for item in document[section.rawValue].array ?? [] {
                // An entry without a name is the entry named "" (clientcmd's map key).
                var fields = item[section.bodyKey].object ?? JSONObject()
                Self.normalizeExtensions(&fields)
                put(section, Entry(name: item["name"].string ?? "", fields: fields))
            }
        }
    }

    /// clientcmd keeps extensions in a map of objects decoded from JSON whose keys Go sorted: they come
    /// back sorted by name, each value's keys sorted at every depth, a missing value as null (a null
    /// value is replaced by a later one of the same name; two values are refused by KubeconfigSchema).
    static func normalizedExtensions(_ items: [JSONValue]) -> [JSONValue] {
        var byName: [String: JSONValue] = [:]
        for item in items {
            let name = item["name"].string ?? ""
            if byName[name].map({ !$0.isNull }) ?? false { continue }
            byName[name] = item["extension"]
        }
        return byName.keys.sorted(by: goStringLess).map { name in
            .object(JSONObject([("name", .string(name)), ("extension", sortedDeep(byName[name]!))]))
        }
    }

    private static func normalizeExtensions(_ fields: inout JSONObject) {
        guard let items = fields["extensions"]?.array else { return }
        let normalized = normalizedExtensions(items)
        if normalized.isEmpty { _ = fields.removeValue(forKey: "extensions") } else { fields["extensions"] = .array(normalized) }
    }

    private static func sortedDeep(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o): .object(JSONObject(o.sortedKeys.map { ($0, sortedDeep(o[$0]!)) }))
        case .array(let a): .array(a.map(sortedDeep))
        default: value
        }
    }

    init() {}

    /// The v1 document with kubectl's field order (`-o json`); YAML output sorts the keys anyway.
    func json() -> JSONValue {
        var doc = JSONObject([("kind", "Config"), ("apiVersion", "v1"),
                              ("preferences", .object(KubeconfigFields.ordered(preferences, KubeconfigFields.preferences)))])
        for section in Section.allCases {
            // kubectl keeps entries in maps: written sorted by name.
            let entries = self[section].sorted { goStringLess($0.name, $1.name) }
            doc[section.rawValue] = entries.isEmpty ? .null : .array(entries.map { entry in
                .object(JSONObject([("name", .string(entry.name)),
                                    (section.bodyKey, .object(KubeconfigFields.body(entry.fields, section)))]))
            })
        }
        doc["current-context"] = .string(currentContext)
        if !extensions.isEmpty { doc["extensions"] = .array(extensions) }
        return .object(doc)
    }
}

/// The v1 field lists of kubeconfig entries (`k8s.io/client-go/tools/clientcmd/api/v1`): order, and
/// which fields are written even when empty.
enum KubeconfigFields {
    /// (name, always written)
    typealias Field = (name: String, required: Bool)

    static let cluster: [Field] = [("server", true), ("tls-server-name", false), ("insecure-skip-tls-verify", false),
                                   ("certificate-authority", false), ("certificate-authority-data", false),
                                   ("proxy-url", false), ("disable-compression", false), ("extensions", false)]
    static let context: [Field] = [("cluster", true), ("user", true), ("namespace", false), ("extensions", false)]
    static let user: [Field] = [("client-certificate", false), ("client-certificate-data", false), ("client-key", false),
                                ("client-key-data", false), ("token", false), ("tokenFile", false), ("as", false),
                                ("as-uid", false), ("as-groups", false), ("as-user-extra", false), ("username", false),
                                ("password", false), ("auth-provider", false), ("exec", false), ("extensions", false)]
    static let preferences: [Field] = [("colors", false), ("extensions", false)]
    static let exec: [Field] = [("command", true), ("args", true), ("env", true), ("apiVersion", false),
                                ("installHint", false), ("provideClusterInfo", true), ("interactiveMode", false)]
    static let authProvider: [Field] = [("name", true), ("config", true)]

    static func fields(_ section: Kubeconfig.Section) -> [Field] {
        switch section {
        case .clusters: cluster
        case .users: user
        case .contexts: context
        }
    }

    /// An entry body in v1 order; known fields only; nested exec / auth-provider ordered too.
    static func body(_ fields: JSONObject, _ section: Kubeconfig.Section) -> JSONObject {
        var out = ordered(fields, Self.fields(section))
        if let exec = out["exec"]?.object {
            var e = ordered(exec, Self.exec)
            // An env var always has both fields (neither is omitempty).
            if let env = e["env"]?.array {
                e["env"] = .array(env.map { v in
                    .object(JSONObject([("name", v["name"].string.map { .string($0) } ?? ""), ("value", v["value"].string.map { .string($0) } ?? "")]))
                })
            }
            out["exec"] = .object(e)
        }
        if let ap = out["auth-provider"]?.object { out["auth-provider"] = .object(ordered(ap, authProvider)) }
        return out
    }

    /// `fields` in the order of `list`: required ones always (empty string when missing), optional ones
    /// only when set to a non-empty value (Go's omitempty).
    static func ordered(_ fields: JSONObject, _ list: [Field]) -> JSONObject {
        var out = JSONObject()
        for field in list {
            let value = fields[field.name]
            if let value, !isEmpty(value) {
                out[field.name] = value
            } else if field.required {
                out[field.name] = value ?? defaultValue(field.name)
            }
        }
        return out
    }

    static func defaultValue(_ name: String) -> JSONValue {
        switch name {
        case "provideClusterInfo": .bool(false)
        case "env", "args", "config": .null
        default: .string("")
        }
    }

    static func isEmpty(_ v: JSONValue) -> Bool {
        switch v {
        case .null: true
        case .string(let s): s.isEmpty
        case .bool(let b): !b
        case .array(let a): a.isEmpty
        case .object(let o): o.isEmpty
        default: false
        }
    }
}
