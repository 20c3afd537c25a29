import KubeModel

/// `config set PROPERTY_NAME PROPERTY_VALUE`: one value by its dotted path
/// (`clusters.NAME.server`, `contexts.NAME.namespace`, `users.NAME.token`, `current-context`, ...).
struct SetPropertyOptions: FlagOptions {
    var path: [String] = []
    var name = ""
    var value = ""
    var rawBytes = false

    static var flags: [OptionFlag<Self>] {
        [.init(\.rawBytes, "set-raw-bytes", usage: "Store the value of a byte field as given, instead of reading it as base64.")]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        guard inv.args.count == 2 else { throw inv.helpThenUnexpectedArgs() }
        name = inv.args[0]
        path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        value = inv.args[1]
        // kubectl's validate, in its order.
        if value.isEmpty { throw CLIError.message("you cannot use set to unset a property") }
        if name.isEmpty { throw CLIError.message("you must specify a property") }
        // kubectl's reflective walk cannot step into a user's exec or auth-provider settings.
        if path.count > 3, path[0] == "users", ["exec", "auth-provider"].contains(path[2]) {
            throw CLIError.message("unable to parse one or more field values of \(name)")
        }
    }

    func run(_ inv: inout Invocation) throws {
        let leaf = try KubeconfigProperty.leafValue(path.last ?? "", value, rawBytes: rawBytes)
        try inv.updateKubeconfig { try KubeconfigProperty.change(&$0, path: path, name: name, to: leaf) }
        inv.io.out.write("Property \(strconvQuote(name)) set.\n")
    }
}

/// `config unset PROPERTY_NAME`.
struct UnsetPropertyOptions: FlagOptions {
    var path: [String] = []
    var name = ""

    static var flags: [OptionFlag<Self>] { [] }

    mutating func complete(_ inv: inout Invocation) throws {
        guard inv.args.count == 1 else { throw inv.helpThenUnexpectedArgs() }
        name = inv.args[0]
        path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if name.isEmpty { throw CLIError.message("you must specify a property") }
    }

    func run(_ inv: inout Invocation) throws {
        try inv.updateKubeconfig { try KubeconfigProperty.change(&$0, path: path, name: name, to: nil) }
        inv.io.out.write("Property \(strconvQuote(name)) unset.\n")
    }
}

/// Walking a dotted property path through the kubeconfig's fields (map keys are entry names).
enum KubeconfigProperty {
    /// The value a leaf field takes: booleans parsed as Go's strconv.ParseBool, byte fields as base64.
    static func leafValue(_ field: String, _ text: String, rawBytes: Bool) throws -> JSONValue {
        if KubeconfigFields.isBool(field) {
            switch text {
            case "1", "t", "T", "TRUE", "true", "True": return .bool(true)
            case "0", "f", "F", "FALSE", "false", "False": return .bool(false)
            default: throw CLIError.message("strconv.ParseBool: parsing \(strconvQuote(text)): invalid syntax")
            }
        }
        if KubeconfigFields.isBytes(field) {
            if rawBytes { return .string(base64Encode(Array(text.utf8))) }
            switch GoBase64.decode(text) {
            case .success(let bytes): return .string(base64Encode(bytes))
            case .failure(let e): throw CLIError.message("error decoding input value: illegal base64 data at input byte \(e.offset)")
            }
        }
        return .string(text)
    }

    /// Sets (`value`) or removes (nil) the property at `path`.
    static func change(_ config: inout Kubeconfig, path: [String], name: String, to value: JSONValue?) throws {
        guard let first = path.first else { throw unparsable(name) }
        switch first {
        case "current-context" where path.count == 1:
            config.currentContext = value?.string ?? ""
        case "preferences" where path.count > 1:
            try setNested(&config.preferences, Array(path.dropFirst()), value, known: KubeconfigFields.preferences, name: name)
        case "clusters", "users", "contexts":
            let section = Kubeconfig.Section(rawValue: first)!
            try changeEntry(&config, section, Array(path.dropFirst()), value, name: name)
        default:
            throw unparsable(name)
        }
    }

    private static func changeEntry(_ config: inout Kubeconfig, _ section: Kubeconfig.Section, _ rest: [String],
                                     _ value: JSONValue?, name: String) throws
    {
        if rest.isEmpty {
            guard value == nil else { throw CLIError.message("can't set a map to a value: \(name)") }
            config[section] = []
            return
        }
        if rest.count == 1 {
            guard value == nil else { throw CLIError.message("can't set a map to a value: \(name)") }
            config.remove(section, rest[0])
            return
        }
        var entry = config.entry(section, rest[0]) ?? Kubeconfig.Entry(name: rest[0], fields: JSONObject())
        if value == nil && config.entry(section, rest[0]) == nil { return }
        try setNested(&entry.fields, Array(rest.dropFirst()), value, known: KubeconfigFields.fields(section), name: name)
        config.put(section, entry)
    }

    /// Sets or removes `path` inside `object`; the first key must be one of the type's fields.
    private static func setNested(_ object: inout JSONObject, _ path: [String], _ value: JSONValue?,
                                  known: [KubeconfigFields.Field], name: String) throws
    {
        let key = path[0]
        let nestedOK = ["exec", "auth-provider", "extensions"].contains(key)
        guard known.contains(where: { $0.name == key }), path.count == 1 || nestedOK else { throw unparsable(name) }
        if path.count == 1 {
            object[key] = value
            return
        }
        var inner = object[key]?.object ?? JSONObject()
        var cursor = Array(path.dropFirst())
        if cursor.count == 1 {
            inner[cursor[0]] = value
        } else {
            var child = inner[cursor[0]]?.object ?? JSONObject()
            let leaf = cursor.removeLast()
            child[leaf] = value
            inner[cursor[0]] = child.isEmpty ? nil : .object(child)
        }
        object[key] = inner.isEmpty && value == nil ? nil : .object(inner)
    }

    private static func unparsable(_ name: String) -> Error {
        CLIError.message("unable to parse \(name) after [] at api.Config")
    }
}
