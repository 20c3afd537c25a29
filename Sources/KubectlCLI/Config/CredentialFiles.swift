import KubeModel

/// The part of clientcmd's `ConfirmUsable` about credentials: at most one of a token and basic auth, and
/// the files: the client certificate, its key and the
/// certificate authority that the context's user and cluster name (in the kubeconfig, relative paths
/// read from its directory, or by `--client-certificate`, `--client-key`, `--certificate-authority`)
/// must open, and may not be given both as a file and inline. kubectl checks this before it makes any
/// request, client-side dry runs included; one finding reads `error: ...`, several are listed under
/// `Error in configuration:`. Only opening is checked: the PEM contents matter to kubectl only for an
/// https server, and there is none.
enum CredentialFiles {
    static func confirmUsable(_ config: Kubeconfig, _ active: ActiveContext, kubeconfigPath: String,
                              flags: ParsedFlags) throws
    {
        let base = absolutePath(kubeconfigPath).split(separator: "/").dropLast().joined(separator: "/")
        func path(_ fields: JSONObject?, _ key: String) -> String {
            guard let p = fields?[key]?.string, !p.isEmpty else { return "" }
            return p.hasPrefix("/") ? p : joinPath("/" + base, p)
        }
        func inline(_ fields: JSONObject?, _ key: String) -> Bool { !(fields?[key].map(KubeconfigFields.isEmpty) ?? true) }
        func flag(_ name: String) -> String? {
            guard flags.declares(name), !flags.ownNames.contains(name), flags.isSet(name) else { return nil }
            let v = flags.string(name)
            return v.isEmpty ? nil : v
        }
        let user = config.entry(.users, active.userName)?.fields, cluster = config.entry(.clusters, active.clusterName)?.fields
        let cert = flag("client-certificate") ?? path(user, "client-certificate")
        let key = flag("client-key") ?? path(user, "client-key")
        let certData = inline(user, "client-certificate-data"), keyData = inline(user, "client-key-data")
        var ca = path(cluster, "certificate-authority"), caData = inline(cluster, "certificate-authority-data")
        // A CA or --insecure-skip-tls-verify on the command line replaces the kubeconfig's CA settings.
        let insecure = flags.declares("insecure-skip-tls-verify") && flags.bool("insecure-skip-tls-verify")
        if let flagCA = flag("certificate-authority") { ca = flagCA; caData = false } else if insecure { ca = ""; caData = false }

        let u = active.userName, c = active.clusterName
        var errors: [String] = []
        if !cert.isEmpty || certData {
            if !cert.isEmpty && certData { errors.append("client-cert-data and client-cert are both specified for \(u). client-cert-data will override.") }
            if !key.isEmpty && keyData { errors.append("client-key-data and client-key are both specified for \(u); client-key-data will override") }
            if key.isEmpty && !keyData { errors.append("client-key-data or client-key must be specified for \(u) to use the clientCert authentication method.") }
            if !cert.isEmpty, let why = openFailure(cert) { errors.append("unable to read client-cert \(cert) for \(u) due to \(why)") }
            if !key.isEmpty, let why = openFailure(key) { errors.append("unable to read client-key \(key) for \(u) due to \(why)") }
        }
        // Token and basic auth are two ways to say who one is: one at a time.
        var methods: [String] = []
        if !(flag("token") ?? user?["token"]?.string ?? "").isEmpty { methods.append("token") }
        if !(flag("username") ?? user?["username"]?.string ?? "").isEmpty || !(flag("password") ?? user?["password"]?.string ?? "").isEmpty {
            methods.append("basicAuth")
        }
        if methods.count > 1 {
            errors.append("more than one authentication method found for \(u); found [\(methods.joined(separator: " "))], only one is allowed")
        }
        if !ca.isEmpty && caData { errors.append("certificate-authority-data and certificate-authority are both specified for \(c). certificate-authority-data will override.") }
        if !ca.isEmpty, let why = openFailure(ca) { errors.append("unable to read certificate-authority \(ca) for \(c) due to \(why)") }
        if errors.count == 1 { throw CLIError.message(errors[0]) }
        if errors.count > 1 { throw CLIError.raw("Error in configuration: \n" + errors.map { "* " + $0 }.joined(separator: "\n")) }
    }
}
