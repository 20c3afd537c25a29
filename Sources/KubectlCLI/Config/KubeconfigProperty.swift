import KubeModel

/// `config set` / `config unset` paths, walked as kubectl walks them: over the fields of clientcmd's
/// internal Config type (whose user fields are `act-as`, `act-as-groups`, ... where the file says `as`,
/// `as-groups`), a map key running over as many dot-separated parts as it takes to reach a part that
/// names a field of the entry (so `clusters.10.0.0.1.server` is the cluster `10.0.0.1`), with kubectl's
/// texts for every path it cannot walk, panics included.
enum KubeconfigProperty {
    enum Kind: Equatable {
        case config, preferences, entries(Kubeconfig.Section), entry(Kubeconfig.Section)
        case string, bool, bytes, strings, pointer, objects, stringLists
    }

    struct Step: Equatable {
        var value: String
        var kind: Kind
    }

    /// The fields of a struct kind, in Go's declaration order (nil: not a struct).
    static func fields(_ kind: Kind) -> [(String, Kind)]? {
        switch kind {
        case .config:
            [("kind", .string), ("apiVersion", .string), ("preferences", .preferences), ("clusters", .entries(.clusters)),
             ("users", .entries(.users)), ("contexts", .entries(.contexts)), ("current-context", .string), ("extensions", .objects)]
        case .preferences:
            [("colors", .bool), ("extensions", .objects)]
        case .entry(.clusters):
            [("-", .string), ("server", .string), ("tls-server-name", .string), ("insecure-skip-tls-verify", .bool),
             ("certificate-authority", .string), ("certificate-authority-data", .bytes), ("proxy-url", .string),
             ("disable-compression", .bool), ("extensions", .objects)]
        case .entry(.users):
            [("-", .string), ("client-certificate", .string), ("client-certificate-data", .bytes), ("client-key", .string),
             ("client-key-data", .bytes), ("token", .string), ("tokenFile", .string), ("act-as", .string), ("act-as-uid", .string),
             ("act-as-groups", .strings), ("act-as-user-extra", .stringLists), ("username", .string), ("password", .string),
             ("auth-provider", .pointer), ("exec", .pointer), ("extensions", .objects)]
        case .entry(.contexts):
            [("-", .string), ("cluster", .string), ("user", .string), ("namespace", .string), ("extensions", .objects)]
        default:
            nil
        }
    }

    /// The field's name in the v1 file (nil: not written, LocationOfOrigin).
    static func fileKey(_ tag: String) -> String? {
        switch tag {
        case "-": nil
        case "act-as", "act-as-uid", "act-as-groups", "act-as-user-extra": String(tag.dropFirst(4))
        default: tag
        }
    }

    // MARK: - The path

    /// kubectl's newNavigationSteps.
    static func steps(_ path: String) throws -> [Step] {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var steps: [Step] = []
        var kind = Kind.config
        var i = 0
        while i < parts.count {
            switch kind {
            case .entries(let section):
                // The key runs up to the first later part that names a field of the entry.
                let value = Kind.entry(section)
                let options = Set(fields(value)!.map(\.0))
                let rest = parts[i...]
                let end = rest.dropFirst().firstIndex(where: options.contains) ?? parts.count
                steps.append(Step(value: parts[i..<end].joined(separator: "."), kind: value))
                i = end
                kind = value
            case .objects:
                throw GoPanic("reflect: Elem of invalid type runtime.Object")
            case .stringLists:
                throw CLIError.message("string is not of type struct")
            case .config, .preferences, .entry:
                guard let field = fields(kind)!.first(where: { $0.0 == parts[i] }) else {
                    throw CLIError.message("unable to parse \(path) after \(stepsText(steps)) at \(goName(kind))")
                }
                steps.append(Step(value: field.0, kind: field.1))
                i += 1
                kind = field.1
            default:
                throw CLIError.message("unable to parse one or more field values of \(path)")
            }
        }
        return steps
    }

    private static func goName(_ kind: Kind) -> String {
        switch kind {
        case .preferences: "api.Preferences"
        case .entry(.clusters): "api.Cluster"
        case .entry(.users): "api.AuthInfo"
        case .entry(.contexts): "api.Context"
        default: "api.Config"
        }
    }

    /// Go's %v of the steps: each step's type prints as the address of its type descriptor.
    private static func stepsText(_ steps: [Step]) -> String {
        "[" + steps.map { "{\($0.value) 0x2038880}" }.joined(separator: " ") + "]"
    }

    // MARK: - The change

    /// kubectl's modifyConfig: sets `value` at the path (nil: unsets it).
    static func change(_ config: inout Kubeconfig, _ steps: [Step], value: String?, rawBytes: Bool) throws {
        guard let top = steps.first else { return }
        let more = steps.count > 1
        switch top.value {
        case "current-context":
            config.currentContext = value ?? ""
        case "preferences":
            if !more {
                if value == nil { config.preferences = JSONObject(); return }
                let colors = config.preferences["colors"]?.bool == true
                throw CLIError.message(#"unable to locate path config.navigationStep{stepValue:"", stepType:reflect.Type(nil)} under {"#
                    + "\(colors) \(mapText(names(config.preferences["extensions"]?.array ?? [])))}")
            }
            try changeField(&config.preferences, steps[1], value: value, rawBytes: rawBytes)
        case "extensions":
            if value != nil { throw CLIError.message("can't set a map to a value: \(mapText(names(config.extensions)))") }
            config.extensions = []
        case "clusters", "users", "contexts":
            let section = Kubeconfig.Section(rawValue: top.value)!
            if !more {
                if value == nil { config[section] = []; return }
                throw CLIError.message("can't set a map to a value: \(mapText(config[section].map(\.name)))")
            }
            let name = steps[1].value
            if steps.count == 2 {
                if value == nil { config.remove(section, name); return }
                throw CLIError.message("can't set a map to a value: \(mapText(config[section].map(\.name)))")
            }
            var entry: Kubeconfig.Entry
            if let existing = config.entry(section, name) {
                entry = existing
            } else if value == nil {
                throw CLIError.message("current map key `\(name)` is invalid")
            } else {
                entry = Kubeconfig.Entry(name: name, fields: JSONObject())
            }
            try changeField(&entry.fields, steps[2], value: value, rawBytes: rawBytes)
            config.put(section, entry)
        default:
            break  // kind and apiVersion: the file is written as kind Config, apiVersion v1 anyway
        }
    }

    /// One field of a struct (an entry's body or the preferences).
    private static func changeField(_ object: inout JSONObject, _ step: Step, value: String?, rawBytes: Bool) throws {
        guard let key = fileKey(step.value) else { return }
        guard let value else {
            object[key] = nil
            return
        }
        switch step.kind {
        case .string:
            object[key] = value.isEmpty ? nil : .string(value)
        case .bool:
            object[key] = try parseBool(value) ? .bool(true) : nil
        case .bytes:
            let bytes: [UInt8]
            if rawBytes {
                bytes = Array(value.utf8)
            } else {
                switch GoBase64.decode(value) {
                case .success(let b): bytes = b
                case .failure(let e): throw CLIError.message("error decoding input value: illegal base64 data at input byte \(e.offset)")
                }
            }
            object[key] = bytes.isEmpty ? nil : .string(base64Encode(bytes))
        case .strings:
            throw CLIError.message("unrecognized slice type. string")
        case .pointer:
            throw GoPanic("unrecognized type: " + (object[key].map { $0.isNull ? "<nil>" : "&{}" } ?? "<nil>"))
        case .objects:
            throw CLIError.message("can't set a map to a value: \(mapText(names(object[key]?.array ?? [])))")
        case .stringLists:
            let keys = object[key]?.object?.keys ?? []
            throw CLIError.message("can't set a map to a value: map[" + keys.sorted(by: goStringLess).map { "\($0):[]" }.joined(separator: " ") + "]")
        default:
            break
        }
    }

    /// strconv.ParseBool.
    static func parseBool(_ text: String) throws -> Bool {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: throw CLIError.message("strconv.ParseBool: parsing \(strconvQuote(text)): invalid syntax")
        }
    }

    private static func names(_ list: [JSONValue]) -> [String] { list.compactMap { $0["name"].string } }

    /// Go's %v of a map of pointers: keys sorted, each value an address (a stand-in here).
    private static func mapText(_ keys: [String]) -> String {
        "map[" + keys.sorted(by: goStringLess).enumerated().map { i, k in
            "\(k):0xc000" + String(0x1a4000 + i * 0x50, radix: 16)
        }.joined(separator: " ") + "]"
    }
}
