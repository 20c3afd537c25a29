#if canImport(Glibc)
import Glibc
#endif
import KubeModel

/// `config set-cluster NAME`: adds the cluster or changes the fields given. A cluster kubectl-local
/// has not used yet gets its store on first use.
struct SetClusterOptions: FlagOptions {
    var name = ""
    var certificateAuthority: String?
    var embedCerts = false
    var insecureSkipTLSVerify: Bool?
    var proxyURL: String?
    var server: String?
    var tlsServerName: String?

    static var flags: [OptionFlag<Self>] {
        [.init(\.certificateAuthority, "certificate-authority", usage: "File of the certificate authority that signs the server's certificate."),
         .init(\.embedCerts, "embed-certs", usage: "Copy the certificate authority file's contents into the kubeconfig."),
         .init(\.insecureSkipTLSVerify, "insecure-skip-tls-verify", usage: "Do not check the server's certificate."),
         .init(\.proxyURL, "proxy-url", usage: "Proxy through which to reach the cluster."),
         .init(\.server, "server", usage: "Address of the cluster's API server (local://PATH names a store file)."),
         .init(\.tlsServerName, "tls-server-name", usage: "Name to check the server's certificate against.")]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        guard inv.args.count == 1 else { throw inv.helpThenUnexpectedArgs() }
        name = inv.args[0]
    }

    func validate(_ inv: Invocation) throws {
        if name.isEmpty { throw CLIError.message("you must specify a non-empty cluster name") }
        let ca = certificateAuthority ?? ""
        if insecureSkipTLSVerify == true && !ca.isEmpty {
            throw CLIError.message("you cannot specify a certificate authority and insecure mode at the same time")
        }
        if embedCerts && ca.isEmpty {
            throw CLIError.message("you must specify a --certificate-authority to embed")
        }
    }

    func run(_ inv: inout Invocation) throws {
        let base = KubeconfigPaths.base(of: inv.kubeconfigLocation.path)
        try inv.updateKubeconfig { config in
            let old = config.entry(.clusters, name)?.fields
            var fields = try modified(old)
            if fields != old { KubeconfigPaths.relativize(&fields, ["certificate-authority"], base: base) }
            config.put(.clusters, Kubeconfig.Entry(name: name, fields: fields))
        }
        inv.io.out.write("Cluster \(strconvQuote(name)) set.\n")
    }

    private func modified(_ old: JSONObject?) throws -> JSONObject {
        var fields = old ?? JSONObject([("server", "")])
        // A new --server drops the old tls-server-name (kept only when the flag gives it again).
        if server != nil { fields["tls-server-name"] = nil }
        for (key, value) in [("server", server), ("tls-server-name", tlsServerName), ("proxy-url", proxyURL)] {
            if let value { fields[key] = .string(value) }
        }
        // kubectl v1.32 sets insecure mode to the flag's value (false unless given), so any set-cluster
        // without `--insecure-skip-tls-verify=true` turns it off.
        let insecure = insecureSkipTLSVerify ?? false
        fields["insecure-skip-tls-verify"] = insecure ? .bool(true) : nil
        if insecure {
            fields["certificate-authority"] = nil
            fields["certificate-authority-data"] = nil
        }
        try setFileField(&fields, certificateAuthority, embed: embedCerts, flag: "certificate-authority", data: "certificate-authority-data")
        if fields["certificate-authority"] != nil || fields["certificate-authority-data"] != nil {
            fields["insecure-skip-tls-verify"] = nil
        }
        return fields
    }
}

/// A path flag with `--embed-certs` (nil: not given): the file's bytes in the `-data` field, or its absolute path.
func setFileField(_ fields: inout JSONObject, _ path: String?, embed: Bool, flag: String, data: String) throws {
    guard let path else { return }
    if embed {
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

/// `config set-credentials NAME`: certificates, token, basic auth, an auth provider or an exec plugin.
struct SetCredentialsOptions: FlagOptions {
    static let use = "set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value]"

    var name = ""
    var authProvider: String?
    var authProviderArgs: [String] = []
    var clientCertificate: String?
    var clientKey: String?
    var embedCerts = false
    var execAPIVersion: String?
    var execArgs: [String]?
    var execCommand: String?
    var execEnv: [String] = []
    var execInteractiveMode: String?
    var execProvideClusterInfo: Bool?
    var password: String?
    var token: String?
    var username: String?

    static var flags: [OptionFlag<Self>] {
        [.init(\.authProvider, "auth-provider", usage: "Name of the authentication provider plugin."),
         .init(\.authProviderArgs, "auth-provider-arg", usage: "key=value settings of the provider; key- removes one."),
         .init(\.clientCertificate, "client-certificate", usage: "File of the user's client certificate."),
         .init(\.clientKey, "client-key", usage: "File of the user's private key."),
         .init(\.embedCerts, "embed-certs", usage: "Copy the certificate and key files' contents into the kubeconfig."),
         .init(\.execAPIVersion, "exec-api-version", usage: "API version the exec plugin speaks."),
         .init(\.execArgs, "exec-arg", usage: "Arguments of the exec plugin command (replace the old ones)."),
         .init(\.execCommand, "exec-command", usage: "Command that prints the user's credentials."),
         .init(\.execEnv, "exec-env", .stringArray, usage: "key=value environment of the exec plugin; key- removes one."),
         .init(\.execInteractiveMode, "exec-interactive-mode", usage: "Whether the exec plugin may read standard input: Never, IfAvailable or Always."),
         .init(\.execProvideClusterInfo, "exec-provide-cluster-info", usage: "Hand the cluster's details to the exec plugin."),
         .init(\.password, "password", usage: "Password for basic authentication."),
         .init(\.token, "token", usage: "Bearer token of the user."),
         .init(\.username, "username", usage: "User name for basic authentication.")]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        guard inv.args.count == 1 else { throw inv.helpThenUnexpectedArgs(lowercase: true) }
        // cmdutil.ParsePairs with removal: `key=value` or `key-`, a non-empty key; every bad one listed.
        for (flag, items) in [("auth-provider-arg", authProviderArgs), ("exec-env", execEnv)] {
            let bad = items.filter { item in
                if let eq = item.firstIndex(of: "=") { return eq == item.startIndex }
                return !(item.hasSuffix("-") && item.count > 1)
            }
            if !bad.isEmpty { throw inv.helpThen("invalid \(flag) format: \(bad.joined(separator: ", "))") }
        }
        name = inv.args[0]
    }

    func validate(_ inv: Invocation) throws {
        if name.isEmpty { throw CLIError.message("you must specify a non-empty user name") }
        let basic = !(username ?? "").isEmpty || !(password ?? "").isEmpty
        if !(token ?? "").isEmpty && basic {
            throw CLIError.message("you cannot specify more than one authentication method at the same time: --token, --username/--password")
        }
        if embedCerts && (clientCertificate ?? "").isEmpty && (clientKey ?? "").isEmpty {
            throw CLIError.message("you must specify a --client-certificate or --client-key to embed")
        }
    }

    func run(_ inv: inout Invocation) throws {
        let base = KubeconfigPaths.base(of: inv.kubeconfigLocation.path)
        try inv.updateKubeconfig { config in
            let old = config.entry(.users, name)?.fields
            var fields = try modified(old)
            if fields != old { KubeconfigPaths.relativize(&fields, ["client-certificate", "client-key", "tokenFile"], base: base) }
            config.put(.users, Kubeconfig.Entry(name: name, fields: fields))
        }
        inv.io.out.write("User \(strconvQuote(name)) set.\n")
    }

    private func modified(_ old: JSONObject?) throws -> JSONObject {
        var user = old ?? JSONObject()
        try setFileField(&user, clientCertificate, embed: embedCerts, flag: "client-certificate", data: "client-certificate-data")
        try setFileField(&user, clientKey, embed: embedCerts, flag: "client-key", data: "client-key-data")
        // After the files' checks, as kubectl validates.
        if let mode = execInteractiveMode, !["IfAvailable", "Never", "Always"].contains(mode) {
            throw CLIError.message("invalid interactive mode type, can be only IfAvailable, Never, Always")
        }
        let basic = username != nil || password != nil
        if let token { user["token"] = .string(token) }
        if let username { user["username"] = .string(username) }
        if let password { user["password"] = .string(password) }
        if token != nil || basic {
            if token == nil { user["token"] = nil }
            if !basic { user["username"] = nil; user["password"] = nil }
        }
        applyAuthProvider(&user)
        applyExec(&user)
        return user
    }

    private func applyAuthProvider(_ user: inout JSONObject) {
        var provider = user["auth-provider"]?.object
        if let name = authProvider, provider?["name"]?.string != name { provider = JSONObject([("name", .string(name))]) }
        // kubectl gives any auth provider of the user a config map (`config: {}` when empty).
        if provider != nil {
            var config = provider?["config"]?.object ?? JSONObject()
            Self.applyPairs(authProviderArgs, to: &config)
            provider?["config"] = .object(config)
        }
        if let provider { user["auth-provider"] = .object(provider) }
    }

    private func applyExec(_ user: inout JSONObject) {
        var exec = user["exec"]?.object
        if let execCommand {
            // A new command drops the old arguments.
            if exec == nil { exec = JSONObject([("command", "")]) } else { exec?["args"] = nil }
            exec?["command"] = .string(execCommand)
        }
        guard var e = exec else { return }
        if let execAPIVersion { e["apiVersion"] = .string(execAPIVersion) }
        // An empty --exec-arg is an empty list: the old arguments stay.
        if let execArgs, !execArgs.isEmpty { e["args"] = .array(execArgs.map { .string($0) }) }
        if let execInteractiveMode { e["interactiveMode"] = .string(execInteractiveMode) }
        if let execProvideClusterInfo { e["provideClusterInfo"] = .bool(execProvideClusterInfo) }
        if !execEnv.isEmpty {
            var list = e["env"]?.array ?? []
            for item in execEnv {
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
