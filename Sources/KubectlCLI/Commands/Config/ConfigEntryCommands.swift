#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// `config set-cluster NAME`: adds the cluster or changes the fields given. A cluster kubectl-local
/// has not used yet gets its store on first use.
struct SetClusterOptions: CommandOptions {
    static let flags: [FlagSpec] = [
        FlagSpec("certificate-authority", .string, usage: "File of the certificate authority that signs the server's certificate."),
        FlagSpec("embed-certs", .bool, usage: "Copy the certificate authority file's contents into the kubeconfig."),
        FlagSpec("insecure-skip-tls-verify", .bool, usage: "Do not check the server's certificate."),
        FlagSpec("proxy-url", .string, usage: "Proxy through which to reach the cluster."),
        FlagSpec("server", .string, usage: "Address of the cluster's API server (local://PATH names a store file)."),
        FlagSpec("tls-server-name", .string, usage: "Name to check the server's certificate against."),
    ]

    var name: String
    var flags: ParsedFlags

    init(_ inv: inout Invocation) throws {
        for f in Self.flags { _ = inv.flags.strings(f.name) }
        flags = inv.flags
        guard inv.args.count == 1 else { throw inv.helpThenUnexpectedArgs() }
        name = inv.args[0]
    }

    func validate(_ inv: Invocation) throws {
        let ca = flags.string("certificate-authority")
        if flags.bool("insecure-skip-tls-verify") && !ca.isEmpty {
            throw CLIError.message("you cannot specify a certificate authority and insecure mode at the same time")
        }
        if flags.bool("embed-certs") && ca.isEmpty {
            throw CLIError.message("you must specify a --certificate-authority to embed")
        }
    }

    func run(_ inv: inout Invocation) throws {
        try inv.updateKubeconfig { config in
            config.put(.clusters, Kubeconfig.Entry(name: name, fields: try modified(config.entry(.clusters, name)?.fields)))
        }
        inv.io.out.write("Cluster \(strconvQuote(name)) set.\n")
    }

    private func modified(_ old: JSONObject?) throws -> JSONObject {
        var fields = old ?? JSONObject([("server", "")])
        for key in ["server", "tls-server-name", "proxy-url"] where flags.isSet(key) {
            fields[key] = .string(flags.string(key))
        }
        // kubectl v1.32 sets insecure mode to the flag's value (false unless given), so any set-cluster
        // without `--insecure-skip-tls-verify=true` turns it off.
        let insecure = flags.bool("insecure-skip-tls-verify")
        fields["insecure-skip-tls-verify"] = insecure ? .bool(true) : nil
        if insecure {
            fields["certificate-authority"] = nil
            fields["certificate-authority-data"] = nil
        }
        try setFileField(&fields, flags, flag: "certificate-authority", data: "certificate-authority-data")
        if fields["certificate-authority"] != nil || fields["certificate-authority-data"] != nil {
            fields["insecure-skip-tls-verify"] = nil
        }
        return fields
    }
}

/// A path flag with `--embed-certs`: the file's bytes in the `-data` field, or its absolute path.
func setFileField(_ fields: inout JSONObject, _ flags: ParsedFlags, flag: String, data: String) throws {
    guard flags.isSet(flag) else { return }
    let path = flags.string(flag)
    if flags.bool("embed-certs") {
        // kubectl stats the file first; a file it then cannot read (a directory) embeds nothing.
        var st = stat()
        if stat(path, &st) != 0 {
            let reason = errno == EACCES ? "permission denied" : errno == ENOTDIR ? "not a directory" : "no such file or directory"
            throw CLIError.message("could not stat \(flag) file \(path): stat \(path): \(reason)")
        }
        fields[data] = (try? readFileBytes(path)).map { .string(base64Encode($0)) }
        fields[flag] = nil
    } else {
        fields[flag] = path.isEmpty ? nil : .string(absolutePath(path))
        fields[data] = nil
    }
}

/// filepath.Abs.
func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    let cwd = String(cString: buffer)
    let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    return trimmed.isEmpty || trimmed == "." ? cwd : cwd + "/" + trimmed
}

/// `config set-credentials NAME`: certificates, token, basic auth, an auth provider or an exec plugin.
struct SetCredentialsOptions: CommandOptions {
    static let use = "set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value]"
    static let flags: [FlagSpec] = [
        FlagSpec("auth-provider", .string, usage: "Name of the authentication provider plugin."),
        FlagSpec("auth-provider-arg", .stringSlice, usage: "key=value settings of the provider; key- removes one."),
        FlagSpec("client-certificate", .string, usage: "File of the user's client certificate."),
        FlagSpec("client-key", .string, usage: "File of the user's private key."),
        FlagSpec("embed-certs", .bool, usage: "Copy the certificate and key files' contents into the kubeconfig."),
        FlagSpec("exec-api-version", .string, usage: "API version the exec plugin speaks."),
        FlagSpec("exec-arg", .stringSlice, usage: "Arguments of the exec plugin command (replace the old ones)."),
        FlagSpec("exec-command", .string, usage: "Command that prints the user's credentials."),
        FlagSpec("exec-env", .stringArray, usage: "key=value environment of the exec plugin; key- removes one."),
        FlagSpec("exec-interactive-mode", .string, usage: "Whether the exec plugin may read standard input: Never, IfAvailable or Always."),
        FlagSpec("exec-provide-cluster-info", .bool, usage: "Hand the cluster's details to the exec plugin."),
        FlagSpec("password", .string, usage: "Password for basic authentication."),
        FlagSpec("token", .string, usage: "Bearer token of the user."),
        FlagSpec("username", .string, usage: "User name for basic authentication."),
    ]

    var name: String
    var flags: ParsedFlags

    init(_ inv: inout Invocation) throws {
        for f in Self.flags { _ = inv.flags.strings(f.name) }
        flags = inv.flags
        guard inv.args.count == 1 else { throw inv.helpThenUnexpectedArgs(lowercase: true) }
        name = inv.args[0]
    }

    func validate(_ inv: Invocation) throws {
        let basic = !flags.string("username").isEmpty || !flags.string("password").isEmpty
        if !flags.string("token").isEmpty && basic {
            throw CLIError.message("you cannot specify more than one authentication method at the same time: --token, --username/--password")
        }
    }

    func run(_ inv: inout Invocation) throws {
        try inv.updateKubeconfig { config in
            config.put(.users, Kubeconfig.Entry(name: name, fields: try modified(config.entry(.users, name)?.fields)))
        }
        inv.io.out.write("User \(strconvQuote(name)) set.\n")
    }

    private func modified(_ old: JSONObject?) throws -> JSONObject {
        var user = old ?? JSONObject()
        try setFileField(&user, flags, flag: "client-certificate", data: "client-certificate-data")
        try setFileField(&user, flags, flag: "client-key", data: "client-key-data")
        // After the files' checks, as kubectl validates.
        if flags.isSet("exec-interactive-mode") && !["IfAvailable", "Never", "Always"].contains(flags.string("exec-interactive-mode")) {
            throw CLIError.message("invalid interactive mode type, can be only IfAvailable, Never, Always")
        }
        let token = flags.isSet("token"), basic = flags.isSet("username") || flags.isSet("password")
        if token { user["token"] = .string(flags.string("token")) }
        for key in ["username", "password"] where flags.isSet(key) { user[key] = .string(flags.string(key)) }
        if token || basic {
            if !token { user["token"] = nil }
            if !basic { user["username"] = nil; user["password"] = nil }
        }
        applyAuthProvider(&user)
        applyExec(&user)
        return user
    }

    private func applyAuthProvider(_ user: inout JSONObject) {
        var provider = user["auth-provider"]?.object
        if flags.isSet("auth-provider") {
            let name = flags.string("auth-provider")
            if provider?["name"]?.string != name { provider = JSONObject([("name", .string(name))]) }
        }
        let args = flags.strings("auth-provider-arg")
        if !args.isEmpty, provider != nil {
            var config = provider?["config"]?.object ?? JSONObject()
            Self.applyPairs(args, to: &config)
            provider?["config"] = config.isEmpty ? nil : .object(config)
        }
        if let provider { user["auth-provider"] = .object(provider) }
    }

    private func applyExec(_ user: inout JSONObject) {
        var exec = user["exec"]?.object
        if flags.isSet("exec-command") {
            if exec == nil { exec = JSONObject([("command", "")]) }
            exec?["command"] = .string(flags.string("exec-command"))
        }
        guard var e = exec else { return }
        if flags.isSet("exec-api-version") { e["apiVersion"] = .string(flags.string("exec-api-version")) }
        if flags.isSet("exec-arg") { e["args"] = .array(flags.strings("exec-arg").map { .string($0) }) }
        if flags.isSet("exec-interactive-mode") { e["interactiveMode"] = .string(flags.string("exec-interactive-mode")) }
        if flags.isSet("exec-provide-cluster-info") { e["provideClusterInfo"] = .bool(flags.bool("exec-provide-cluster-info")) }
        let env = flags.strings("exec-env")
        if !env.isEmpty {
            var list = e["env"]?.array ?? []
            for item in env {
                if item.hasSuffix("-"), !item.contains("=") {
                    list.removeAll { $0["name"].string == String(item.dropLast()) }
                    continue
                }
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let pair: JSONValue = .object(JSONObject([("name", .string(parts[0])), ("value", .string(parts.count > 1 ? parts[1] : ""))]))
                if let i = list.firstIndex(where: { $0["name"].string == parts[0] }) { list[i] = pair } else { list.append(pair) }
            }
            e["env"] = .array(list)  // removing the last one leaves `env: []`, as kubectl writes it
        }
        user["exec"] = .object(e)
    }

    /// `key=value` sets, `key-` removes.
    static func applyPairs(_ items: [String], to map: inout JSONObject) {
        for item in items {
            if item.hasSuffix("-"), !item.contains("=") {
                map[String(item.dropLast())] = nil
            } else {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                map[parts[0]] = .string(parts.count > 1 ? parts[1] : "")
            }
        }
    }
}
