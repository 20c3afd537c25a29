import KubeModel

// Objects that `kubectl create <subcommand>` builds client-side, in Go struct field order.
// Each generator: `flags` (the subcommand's own flags; the common create flags are in
// `CreateCommonFlags.flags`) and `make(flags:args:argsLenAtDash:context:)`, which validates like
// kubectl (same order, same texts) and returns the object.

public enum CreateCommonFlags {
    /// Flags every `create <subcommand>` has (printing, dry-run, apply annotation, validation).
    public static let flags: [FlagSpec] = [
        FlagSpec("allow-missing-template-keys", .bool, default: "true", usage: "Ignore template errors for missing keys."),
        FlagSpec("dry-run", .string, default: "none", usage: "Only print the object: none, server or client.",
                 noOptDefault: "unchanged", completions: ["none", "server", "client"]),
        FlagSpec("field-manager", .string, default: "kubectl-create", usage: "Name recorded in metadata.managedFields as the manager of the fields written."),
        FlagSpec("output", short: "o", .string, usage: "Output format (json, yaml, name, go-template, jsonpath, ...)."),
        FlagSpec("save-config", .bool, usage: "Store the configuration in an annotation for later apply."),
        FlagSpec("show-managed-fields", .bool, usage: "Keep managedFields when printing JSON or YAML."),
        FlagSpec("template", .string, usage: "Template for -o go-template or jsonpath."),
        FlagSpec("validate", .string, default: "strict", usage: "Schema validation: strict, warn, ignore.",
                 noOptDefault: "strict"),
    ]
}

private let rbacGroup = "rbac.authorization.k8s.io"

public enum CreateNamespace {
    public static let flags: [FlagSpec] = []
    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        return Gen.obj([("kind", "Namespace"), ("apiVersion", "v1"), ("metadata", Gen.meta(name: name)),
                        ("spec", .emptyObject), ("status", .emptyObject)])
    }
}

public enum CreateServiceAccount {
    public static let flags: [FlagSpec] = []
    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        return Gen.obj([("kind", "ServiceAccount"), ("apiVersion", "v1"),
                        ("metadata", Gen.meta(name: name, namespace: context.namespace))])
    }
}

/// A container in Go field order (the fields these generators set).
func container(name: String, image: String, command: [String]? = nil, args: [String]? = nil,
               ports: JSONValue? = nil, env: JSONValue? = nil, imagePullPolicy: String? = nil,
               securityContext: JSONValue? = nil, stdin: Bool = false, stdinOnce: Bool = false, tty: Bool = false) -> JSONValue
{
    Gen.obj([
        ("name", .string(name)), ("image", .string(image)),
        ("command", command.flatMap { $0.isEmpty ? nil : Gen.strings($0) }),
        ("args", args.flatMap { $0.isEmpty ? nil : Gen.strings($0) }),
        ("ports", ports), ("env", env), ("resources", .emptyObject),
        ("imagePullPolicy", imagePullPolicy.flatMap { $0.isEmpty ? nil : .string($0) }),
        ("securityContext", securityContext),
        ("stdin", stdin ? true : nil), ("stdinOnce", stdinOnce ? true : nil), ("tty", tty ? true : nil),
    ])
}

public enum CreateDeployment {
    public static let flags: [FlagSpec] = [
        FlagSpec("image", .stringSlice, usage: "Image(s) to run; one container per image.", required: true),
        FlagSpec("port", .int, default: "-1", usage: "Container port to expose on the first container.", bits: 32),
        FlagSpec("replicas", short: "r", .int, default: "1", usage: "Number of replicas.", bits: 32),
    ]

    /// Container name from an image: last path part without tag/digest; `_`/`.` become `-` plus a random suffix.
    public static func containerName(image: String, randomSuffix: (Int) -> String) -> String {
        var name = Gen.split(image, "/").last ?? image
        if name.contains(":") { name = Gen.split(name, ":")[0] }
        if name.contains("@") { name = Gen.split(name, "@")[0] }
        if name.contains("_") || name.contains(".") {
            name = String(name.map { $0 == "_" || $0 == "." ? "-" : $0 }) + "-" + randomSuffix(5)
        }
        return name
    }

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let command = Array(args.dropFirst())
        let images = flags.strings("image")
        if images.count > 1 && !command.isEmpty {
            throw CLIError.message("cannot specify multiple --image options and command")
        }
        let port = flags.isSet("port") ? flags.int("port") : -1
        let replicas = flags.isSet("replicas") ? flags.int("replicas") : 1
        var containers: [JSONValue] = []
        for (i, image) in images.enumerated() {
            containers.append(container(name: containerName(image: image, randomSuffix: context.randomSuffix), image: image,
                                        command: command,
                                        ports: i == 0 && port >= 0 ? .array([["containerPort": .int(Int64(port))]]) : nil))
        }
        let labels = Gen.sortedMap([("app", name)])
        return Gen.obj([
            ("kind", "Deployment"), ("apiVersion", "apps/v1"),
            ("metadata", Gen.meta(name: name, namespace: context.namespace, labels: labels)),
            ("spec", Gen.obj([
                ("replicas", .int(Int64(replicas))),
                ("selector", ["matchLabels": labels]),
                ("template", Gen.obj([("metadata", Gen.obj([("creationTimestamp", .null), ("labels", labels)])),
                                      ("spec", ["containers": .array(containers)])])),
                ("strategy", .emptyObject),
            ])),
            ("status", .emptyObject),
        ])
    }
}

public enum CreateConfigMap {
    public static let flags: [FlagSpec] = [
        FlagSpec("append-hash", .bool, usage: "Add a hash of the content to the name."),
        FlagSpec("from-env-file", .stringSlice, usage: "Read key=value lines from this file."),
        FlagSpec("from-file", .stringSlice, usage: "Add a file (key defaults to its name) or a directory's files."),
        FlagSpec("from-literal", .stringArray, usage: "Add a key=value pair."),
    ]

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let files = flags.strings("from-file"), literals = flags.strings("from-literal"), envs = flags.strings("from-env-file")
        if !envs.isEmpty && (!files.isEmpty || !literals.isEmpty) {
            throw CLIError.message("from-env-file cannot be combined with from-file or from-literal")
        }
        var c = DataCollector(objectName: name, isSecret: false, context: context)
        try c.addLiterals(literals)
        try c.addFiles(files)
        try c.addEnvFiles(envs)
        var finalName = name
        if flags.bool("append-hash") {
            finalName += "-" + NameHash.configMap(name: name, data: c.dataJSON ?? .emptyObject, binaryData: c.binaryJSON)
        }
        return Gen.obj([("kind", "ConfigMap"), ("apiVersion", "v1"),
                        ("metadata", Gen.meta(name: finalName, namespace: context.namespace)),
                        ("data", c.dataJSON), ("binaryData", c.binaryJSON)])
    }
}

func secretObject(name: String, namespace: String?, data: JSONValue?, type: String) -> JSONValue {
    Gen.obj([("kind", "Secret"), ("apiVersion", "v1"), ("metadata", Gen.meta(name: name, namespace: namespace)),
             ("data", data), ("type", type.isEmpty ? nil : .string(type))])
}

public enum CreateSecretGeneric {
    public static let flags: [FlagSpec] = [
        FlagSpec("append-hash", .bool, usage: "Add a hash of the content to the name."),
        FlagSpec("from-env-file", .stringSlice, usage: "Read key=value lines from this file."),
        FlagSpec("from-file", .stringSlice, usage: "Add a file (key defaults to its name) or a directory's files."),
        FlagSpec("from-literal", .stringArray, usage: "Add a key=value pair."),
        FlagSpec("type", .string, usage: "Secret type."),
    ]

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let files = flags.strings("from-file"), literals = flags.strings("from-literal"), envs = flags.strings("from-env-file")
        if !envs.isEmpty && (!files.isEmpty || !literals.isEmpty) {
            throw CLIError.message("from-env-file cannot be combined with from-file or from-literal")
        }
        var c = DataCollector(objectName: name, isSecret: true, context: context)
        try c.addLiterals(literals)
        try c.addFiles(files)
        try c.addEnvFiles(envs)
        let type = flags.string("type")
        var finalName = name
        if flags.bool("append-hash") {
            finalName += "-" + NameHash.secret(name: name, type: type, data: c.binaryJSON ?? .emptyObject)
        }
        return secretObject(name: finalName, namespace: context.namespace, data: c.binaryJSON, type: type)
    }
}

public enum CreateSecretTLS {
    public static let flags: [FlagSpec] = [
        FlagSpec("append-hash", .bool, usage: "Add a hash of the content to the name."),
        FlagSpec("cert", .string, usage: "PEM certificate file."),
        FlagSpec("key", .string, usage: "PEM private key file."),
    ]

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let certPath = flags.string("cert"), keyPath = flags.string("key")
        if certPath.isEmpty || keyPath.isEmpty { throw CLIError.message("key and cert must be specified") }
        func read(_ p: String) throws -> [UInt8] {
            switch context.files.read(p) {
            case .success(let b): return b
            case .failure(let e): throw CLIError.message("Cannot read file \(p), open \(p): \(e.text)")
            }
        }
        let cert = try read(certPath), key = try read(keyPath)
        try checkPEM(cert, wanted: { $0 == "CERTIFICATE" }, wantedName: "\"CERTIFICATE\"", what: "certificate")
        try checkPEM(key, wanted: { $0 == "PRIVATE KEY" || $0.hasSuffix(" PRIVATE KEY") }, wantedName: "\"PRIVATE KEY\"", what: "key")
        let data = Gen.sortedMap([("tls.crt", Base64.encode(cert)), ("tls.key", Base64.encode(key))])
        var finalName = name
        if flags.bool("append-hash") { finalName += "-" + NameHash.secret(name: name, type: "kubernetes.io/tls", data: data) }
        return secretObject(name: finalName, namespace: context.namespace, data: data, type: "kubernetes.io/tls")
    }

    /// The PEM-block part of Go's `tls.X509KeyPair` checks (the DER contents are not parsed).
    static func checkPEM(_ bytes: [UInt8], wanted: (String) -> Bool, wantedName: String, what: String) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        var types: [String] = []
        var rest = Substring(text)
        while let r = rest.firstRange(of: "-----BEGIN ") {
            let after = rest[r.upperBound...]
            guard let end = after.firstRange(of: "-----") else { break }
            let type = String(after[..<end.lowerBound])
            guard after.firstRange(of: "-----END \(type)-----") != nil else { break }
            types.append(type)
            rest = after[end.upperBound...]
        }
        if types.isEmpty { throw CLIError.message("tls: failed to find any PEM data in \(what) input") }
        if !types.contains(where: wanted) {
            if what == "key" {
                throw CLIError.message("tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks of the following types: [\(types.joined(separator: " "))]")
            }
            throw CLIError.message("tls: failed to find \(wantedName) PEM block in \(what) input after skipping PEM blocks of the following types: [\(types.joined(separator: " "))]")
        }
    }
}

public enum CreateSecretDockerRegistry {
    public static let flags: [FlagSpec] = [
        FlagSpec("append-hash", .bool, usage: "Add a hash of the content to the name."),
        FlagSpec("docker-email", .string, usage: "Registry e-mail address."),
        FlagSpec("docker-password", .string, usage: "Registry password."),
        FlagSpec("docker-server", .string, default: "https://index.docker.io/v1/", usage: "Registry server address."),
        FlagSpec("docker-username", .string, usage: "Registry user name."),
        FlagSpec("from-file", .stringSlice, usage: "Take the config from files ([key=]path)."),
    ]

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let files = flags.strings("from-file")
        let user = flags.string("docker-username"), password = flags.string("docker-password")
        let server = flags.isSet("docker-server") ? flags.string("docker-server") : "https://index.docker.io/v1/"
        let email = flags.string("docker-email")
        if files.isEmpty && (user.isEmpty || password.isEmpty || server.isEmpty) {
            throw CLIError.message("either --from-file or the combination of --docker-username, --docker-password and --docker-server is required")
        }
        let type = "kubernetes.io/dockerconfigjson"
        let data: JSONValue
        if !files.isEmpty {
            var c = DataCollector(objectName: name, isSecret: true, context: context)
            try c.addFiles(files)
            data = c.binaryJSON ?? .emptyObject
        } else {
            let entry = Gen.obj([("username", .string(user)), ("password", .string(password)),
                                 ("email", email.isEmpty ? nil : .string(email)),
                                 ("auth", .string(Base64.encode(user + ":" + password)))])
            let config: JSONValue = ["auths": Gen.obj([(server, entry)])]
            data = Gen.sortedMap([(".dockerconfigjson", Base64.encode(config.jsonString(.compactOrdered)))])
        }
        var finalName = name
        if flags.bool("append-hash") { finalName += "-" + NameHash.secret(name: name, type: type, data: data) }
        return secretObject(name: finalName, namespace: context.namespace,
                            data: data.object?.isEmpty == true ? nil : data, type: type)
    }
}

public enum CreateService {
    public enum ServiceType: String, Sendable { case clusterIP = "ClusterIP", nodePort = "NodePort", loadBalancer = "LoadBalancer", externalName = "ExternalName" }

    public static func flags(for type: ServiceType) -> [FlagSpec] {
        let tcp = FlagSpec("tcp", .stringSlice, usage: "Port pairs <port>:<targetPort>.")
        switch type {
        case .clusterIP: return [FlagSpec("clusterip", .string, usage: "Cluster IP to assign (None for headless)."), tcp]
        case .nodePort: return [FlagSpec("node-port", .int, usage: "Node port to use on every node."), tcp]
        case .loadBalancer: return [tcp]
        case .externalName: return [FlagSpec("external-name", .string, usage: "External DNS name of the service.", required: true), tcp]
        }
    }

    /// `parsePorts`: `port[:targetPort]`.
    static func parsePort(_ spec: String) throws -> (Int64, JSONValue) {
        let parts = Gen.split(spec, ":")
        let p = parts[0]
        guard let port = UInt64(p), port <= 65535 else {
            let digits = !p.isEmpty && p.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            throw CLIError.message("strconv.ParseUint: parsing \"\(p)\": \(digits ? "value out of range" : "invalid syntax")")
        }
        if parts.count == 1 { return (Int64(port), .int(Int64(port))) }
        let t = parts[1]
        if let n = Int(t) {
            if n < 1 || n > 65535 { throw CLIError.message("must be between 1 and 65535, inclusive") }
            return (Int64(port), .int(Int64(n)))
        }
        let errs = isValidPortName(t)
        if !errs.isEmpty { throw CLIError.message(errs.joined(separator: ",")) }
        return (Int64(port), .string(t))
    }

    static func isValidPortName(_ s: String) -> [String] {
        var errs: [String] = []
        let u = Array(s.utf8)
        if u.count < 1 || u.count > 15 { errs.append("must be no more than 15 characters") }
        let lowerAlnum: (UInt8) -> Bool = { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) }
        if !u.allSatisfy({ lowerAlnum($0) || $0 == 0x2D }) {
            errs.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if s.contains("--") { errs.append("must not contain consecutive hyphens") }
        if !u.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { errs.append("must contain at least one letter (a-z)") }
        if s.hasPrefix("-") || s.hasSuffix("-") { errs.append("must not begin or end with a hyphen") }
        return errs
    }

    public static func make(type: ServiceType, flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let tcp = flags.strings("tcp")
        let clusterIP = type == .clusterIP ? flags.string("clusterip") : ""
        let externalName = type == .externalName ? flags.string("external-name") : ""
        if clusterIP == "None" && type != .clusterIP {
            throw CLIError.message("ClusterIP=None can only be used with ClusterIP service type")
        }
        if clusterIP != "None" && tcp.isEmpty && type != .externalName {
            throw CLIError.message("at least one tcp port specifier must be provided")
        }
        if type == .externalName && !Gen.isDNS1123Subdomain(externalName) {
            throw CLIError.message("invalid service external name \(externalName)")
        }
        let nodePort = type == .nodePort ? flags.int("node-port") : 0
        var ports: [JSONValue] = []
        for spec in tcp {
            let (port, target) = try parsePort(spec)
            ports.append(Gen.obj([("name", .string(spec.replacingAll(":", with: "-"))), ("protocol", "TCP"),
                                  ("port", .int(port)), ("targetPort", target),
                                  ("nodePort", nodePort != 0 ? .int(Int64(nodePort)) : nil)]))
        }
        let labels = Gen.sortedMap([("app", name)])
        return Gen.obj([
            ("kind", "Service"), ("apiVersion", "v1"),
            ("metadata", Gen.meta(name: name, namespace: context.namespace, labels: labels)),
            ("spec", Gen.obj([("ports", ports.isEmpty ? nil : .array(ports)), ("selector", labels),
                              ("clusterIP", clusterIP.isEmpty ? nil : .string(clusterIP)),
                              ("type", .string(type.rawValue)),
                              ("externalName", externalName.isEmpty ? nil : .string(externalName))])),
            ("status", ["loadBalancer": .emptyObject]),
        ])
    }
}


public enum CreateJob {
    public static let flags: [FlagSpec] = [
        FlagSpec("from", .string, usage: "Resource to copy the job from (only cronjob/NAME)."),
        FlagSpec("image", .string, usage: "Image for the container."),
    ]

    /// Splits `--from` into (resource, name) for the caller's lookup: `cronjob/x` → ("cronjob", "x").
    public static func fromReference(_ from: String) -> (resource: String, name: String)? {
        let p = Gen.splitN2(from, "/")
        return p.count == 2 ? (p[0], p[1]) : nil
    }

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let command = Array(args.dropFirst())
        let image = flags.string("image"), from = flags.string("from")
        if image.isEmpty == from.isEmpty { throw CLIError.message("either --image or --from must be specified") }
        if !command.isEmpty && !from.isEmpty { throw CLIError.message("cannot specify --from and command") }
        if !from.isEmpty {
            guard let cj = context.fromCronJob else {
                throw CLIError.message("from must be an existing cronjob")
            }
            return fromCronJob(name: name, cronJob: cj, namespace: context.namespace)
        }
        return Gen.obj([
            ("kind", "Job"), ("apiVersion", "batch/v1"),
            ("metadata", Gen.meta(name: name, namespace: context.namespace)),
            ("spec", ["template": Gen.obj([
                ("metadata", ["creationTimestamp": .null]),
                ("spec", Gen.obj([("containers", .array([container(name: name, image: image, command: command)])),
                                  ("restartPolicy", "Never")])),
            ])]),
            ("status", .emptyObject),
        ])
    }

    /// `createJobFromCronJob`: the job template's spec under a new name, owned by the CronJob.
    public static func fromCronJob(name: String, cronJob: JSONValue, namespace: String?) -> JSONValue {
        let jt = cronJob.at("spec", "jobTemplate")
        var annotations = [("cronjob.kubernetes.io/instantiate", "manual")]
        for (k, v) in jt.at("metadata", "annotations").stringMap where k != "cronjob.kubernetes.io/instantiate" {
            annotations.append((k, v))
        }
        if let v = jt.at("metadata", "annotations", "cronjob.kubernetes.io/instantiate").string { annotations[0].1 = v }
        let labels = jt.at("metadata", "labels").stringMap
        let owner = Gen.obj([("apiVersion", "batch/v1"), ("kind", "CronJob"),
                             ("name", .string(cronJob.at("metadata", "name").string ?? "")),
                             ("uid", .string(cronJob.at("metadata", "uid").string ?? "")),
                             ("controller", true)])
        return Gen.obj([
            ("kind", "Job"), ("apiVersion", "batch/v1"),
            ("metadata", Gen.meta(name: name, namespace: namespace, labels: labels.isEmpty ? nil : Gen.sortedMap(labels),
                                  annotations: Gen.sortedMap(annotations), ownerReferences: .array([owner]))),
            ("spec", TypedOrder.jobSpec(jt["spec"])),
            ("status", .emptyObject),
        ])
    }
}

public enum CreateCronJob {
    public static let flags: [FlagSpec] = [
        FlagSpec("image", .string, usage: "Image for the container.", required: true),
        FlagSpec("restart", .string, usage: "Restart policy of the job's pods (OnFailure or Never)."),
        FlagSpec("schedule", .string, usage: "Cron schedule.", required: true),
    ]

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let command = Array(args.dropFirst())
        var restart = flags.string("restart")
        if restart.isEmpty { restart = "OnFailure" }
        return Gen.obj([
            ("kind", "CronJob"), ("apiVersion", "batch/v1"),
            ("metadata", Gen.meta(name: name, namespace: context.namespace)),
            ("spec", Gen.obj([
                ("schedule", .string(flags.string("schedule"))),
                ("jobTemplate", Gen.obj([
                    ("metadata", Gen.meta(name: name)),
                    ("spec", ["template": Gen.obj([
                        ("metadata", ["creationTimestamp": .null]),
                        ("spec", Gen.obj([("containers", .array([container(name: name, image: flags.string("image"), command: command)])),
                                          ("restartPolicy", .string(restart))])),
                    ])]),
                ])),
            ])),
            ("status", .emptyObject),
        ])
    }
}

// MARK: - RBAC

enum RBAC {
    static let validResourceVerbs = ["*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy",
                                     "deletecollection", "use", "bind", "escalate", "impersonate"]
    static let validNonResourceVerbs = ["*", "get", "post", "put", "delete", "patch", "head", "options"]
    /// Verbs that only apply to some resources.
    static let specialVerbs: [String: [(group: String, resource: String)]] = [
        "use": [("policy", "podsecuritypolicies"), ("extensions", "podsecuritypolicies")],
        "bind": [(rbacGroup, "roles"), (rbacGroup, "clusterroles")],
        "escalate": [(rbacGroup, "roles"), (rbacGroup, "clusterroles")],
        "impersonate": [("", "users"), ("", "serviceaccounts"), ("", "groups"), ("authentication.k8s.io", "userextras")],
    ]

    struct Resource { var resource: String; var group: String; var subresource: String }

    static func verbs(_ flags: ParsedFlags) -> [String] {
        var out: [String] = []
        for v in flags.strings("verb") {
            if v == "*" { return ["*"] }
            if !out.contains(v) { out.append(v) }
        }
        return out
    }

    static func resources(_ flags: ParsedFlags) -> [Resource] {
        var out: [Resource] = []
        for r in flags.strings("resource") {
            let sections = Gen.splitN2(r, "/")
            let parts = Gen.splitN2(sections[0], ".")
            let res = Resource(resource: parts[0], group: parts.count == 2 ? parts[1] : "",
                               subresource: sections.count == 2 ? sections[1] : "")
            if res.resource == "*" && parts.count == 1 && sections.count == 1 { return [res] }
            out.append(res)
        }
        return out
    }

    static func validateResources(_ resources: [Resource], verbs: [String], context: GeneratorContext) throws {
        for r in resources {
            if r.resource.isEmpty { throw CLIError.message("resource must be specified if apiGroup/subresource specified") }
            if r.resource == "*" { return }
            let resolved = context.resolveResource(r.resource, r.group)
            let res = resolved ?? (r.group, r.resource)
            var unresolvedAllowed = false
            for v in verbs {
                if let allowed = specialVerbs[v] {
                    guard allowed.contains(where: { $0.resource == res.resource && $0.group == res.group }) else {
                        throw CLIError.message("can not perform '\(v)' on '\(res.resource)' in group '\(res.group)'")
                    }
                    unresolvedAllowed = true
                }
            }
            if resolved == nil && !unresolvedAllowed {
                throw CLIError.raw("the server doesn't have a resource type \"\(r.resource)\"")
            }
        }
    }

    static func warnVerbs(_ verbs: [String], context: GeneratorContext) {
        for v in verbs where !validResourceVerbs.contains(v) {
            context.warnings.append("Warning: '\(v)' is not a standard resource verb")
        }
    }

    static func rules(verbs: [String], resources: [Resource], resourceNames: [String], nonResourceURLs: [String],
                      context: GeneratorContext) -> [JSONValue]
    {
        var groups: [(String, [String])] = []
        for r in resources {
            var (group, resource) = context.resolveResource(r.resource, r.group) ?? (r.group, r.resource)
            if !r.subresource.isEmpty { resource += "/" + r.subresource }
            if let i = groups.firstIndex(where: { $0.0 == group }) {
                if !groups[i].1.contains(resource) { groups[i].1.append(resource) }
            } else {
                groups.append((group, [resource]))
            }
        }
        var rules: [JSONValue] = []
        for (g, res) in groups.sorted(by: { goStringLess($0.0, $1.0) }) {
            rules.append(Gen.obj([("verbs", Gen.strings(verbs)), ("apiGroups", Gen.strings([g])), ("resources", Gen.strings(res)),
                                  ("resourceNames", resourceNames.isEmpty ? nil : Gen.strings(resourceNames))]))
        }
        if !nonResourceURLs.isEmpty {
            rules.append(Gen.obj([("verbs", Gen.strings(verbs)), ("nonResourceURLs", Gen.strings(nonResourceURLs))]))
        }
        return rules
    }

    static func subjects(_ flags: ParsedFlags) throws -> [JSONValue] {
        var s: [JSONValue] = []
        for u in flags.strings("user") {
            s.append(Gen.obj([("kind", "User"), ("apiGroup", .string(rbacGroup)), ("name", .string(u))]))
        }
        for g in flags.strings("group") {
            s.append(Gen.obj([("kind", "Group"), ("apiGroup", .string(rbacGroup)), ("name", .string(g))]))
        }
        for sa in flags.strings("serviceaccount") {
            let t = Gen.split(sa, ":")
            if t.count != 2 || t[0].isEmpty || t[1].isEmpty { throw CLIError.message("serviceaccount must be <namespace>:<name>") }
            s.append(Gen.obj([("kind", "ServiceAccount"), ("name", .string(t[1])), ("namespace", .string(t[0]))]))
        }
        return s
    }
}

public enum CreateRole {
    public static let flags: [FlagSpec] = [
        FlagSpec("resource", .stringSlice, usage: "Resources the rule applies to."),
        FlagSpec("resource-name", .stringArray, usage: "Names of the resources the rule is limited to."),
        FlagSpec("verb", .stringSlice, usage: "Verbs the rule allows."),
    ]

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let verbs = RBAC.verbs(flags), resources = RBAC.resources(flags)
        if verbs.isEmpty { throw CLIError.message("at least one verb must be specified") }
        RBAC.warnVerbs(verbs, context: context)
        if resources.isEmpty { throw CLIError.message("at least one resource must be specified") }
        try RBAC.validateResources(resources, verbs: verbs, context: context)
        let rules = RBAC.rules(verbs: verbs, resources: resources, resourceNames: flags.strings("resource-name"),
                               nonResourceURLs: [], context: context)
        return Gen.obj([("kind", "Role"), ("apiVersion", .string(rbacGroup + "/v1")),
                        ("metadata", Gen.meta(name: name, namespace: context.namespace)), ("rules", .array(rules))])
    }
}

public enum CreateClusterRole {
    public static let flags: [FlagSpec] = [
        FlagSpec("aggregation-rule", .stringSlice, default: "", usage: "Label selector (key=value,...) of cluster roles to aggregate."),
        FlagSpec("non-resource-url", .stringSlice, usage: "Non-resource URL paths the rule applies to."),
    ] + CreateRole.flags

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let verbs = RBAC.verbs(flags), resources = RBAC.resources(flags)
        let urls = flags.strings("non-resource-url"), resourceNames = flags.strings("resource-name")
        var agg: [(String, String)] = []
        for item in flags.strings("aggregation-rule") {
            let kv = Gen.splitN2(item, "=")
            if kv.count != 2 { throw CLIError.message("invalid argument \"\(item)\" for \"--aggregation-rule\" flag: \(item) must be formatted as key=value") }
            agg.removeAll { $0.0 == kv[0] }
            agg.append((kv[0], kv[1]))
        }
        let meta = Gen.meta(name: name)
        if !agg.isEmpty {
            if !urls.isEmpty || !verbs.isEmpty || !resources.isEmpty || !resourceNames.isEmpty {
                throw CLIError.message("aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames")
            }
            return Gen.obj([("kind", "ClusterRole"), ("apiVersion", .string(rbacGroup + "/v1")), ("metadata", meta),
                            ("rules", .null),
                            ("aggregationRule", ["clusterRoleSelectors": .array([["matchLabels": Gen.sortedMap(agg)]])])])
        }
        if verbs.isEmpty { throw CLIError.message("at least one verb must be specified") }
        if resources.isEmpty && urls.isEmpty { throw CLIError.message("one of resource or nonResourceURL must be specified") }
        if !resources.isEmpty {
            RBAC.warnVerbs(verbs, context: context)
            try RBAC.validateResources(resources, verbs: verbs, context: context)
        }
        if !urls.isEmpty {
            for v in verbs where !RBAC.validNonResourceVerbs.contains(v) {
                throw CLIError.message("invalid verb: '\(v)' for nonResourceURL")
            }
            for u in urls where u != "*" {
                if u.isEmpty || !u.hasPrefix("/") { throw CLIError.message("nonResourceURL should start with /") }
                if u.dropLast().contains("*") {
                    throw CLIError.message("nonResourceURL only supports wildcard matches when '*' is at the end")
                }
            }
        }
        let rules = RBAC.rules(verbs: verbs, resources: resources, resourceNames: resourceNames, nonResourceURLs: urls, context: context)
        return Gen.obj([("kind", "ClusterRole"), ("apiVersion", .string(rbacGroup + "/v1")), ("metadata", meta),
                        ("rules", .array(rules))])
    }
}

public enum CreateRoleBinding {
    public static let flags: [FlagSpec] = [
        FlagSpec("clusterrole", .string, usage: "ClusterRole to bind."),
        FlagSpec("group", .stringArray, usage: "Groups to bind."),
        FlagSpec("role", .string, usage: "Role to bind."),
        FlagSpec("serviceaccount", .stringArray, usage: "Service accounts to bind, as namespace:name."),
        FlagSpec("user", .stringArray, usage: "Users to bind."),
    ]

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let role = flags.string("role"), clusterRole = flags.string("clusterrole")
        if role.isEmpty == clusterRole.isEmpty { throw CLIError.message("exactly one of clusterrole or role must be specified") }
        let subjects = try RBAC.subjects(flags)
        let ref = Gen.obj([("apiGroup", .string(rbacGroup)), ("kind", role.isEmpty ? "ClusterRole" : "Role"),
                           ("name", .string(role.isEmpty ? clusterRole : role))])
        return Gen.obj([("kind", "RoleBinding"), ("apiVersion", .string(rbacGroup + "/v1")),
                        ("metadata", Gen.meta(name: name, namespace: context.namespace)),
                        ("subjects", subjects.isEmpty ? nil : .array(subjects)), ("roleRef", ref)])
    }
}

public enum CreateClusterRoleBinding {
    public static let flags: [FlagSpec] = [
        FlagSpec("clusterrole", .string, usage: "ClusterRole to bind.", required: true),
        FlagSpec("group", .stringArray, usage: "Groups to bind."),
        FlagSpec("serviceaccount", .stringArray, usage: "Service accounts to bind, as namespace:name."),
        FlagSpec("user", .stringArray, usage: "Users to bind."),
    ]

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let subjects = try RBAC.subjects(flags)
        let ref = Gen.obj([("apiGroup", .string(rbacGroup)), ("kind", "ClusterRole"), ("name", .string(flags.string("clusterrole")))])
        return Gen.obj([("kind", "ClusterRoleBinding"), ("apiVersion", .string(rbacGroup + "/v1")),
                        ("metadata", Gen.meta(name: name)),
                        ("subjects", subjects.isEmpty ? nil : .array(subjects)), ("roleRef", ref)])
    }
}

// MARK: - quota, priorityclass, pdb, ingress

public enum CreateQuota {
    public static let flags: [FlagSpec] = [
        FlagSpec("hard", .string, usage: "Hard limits as resource=quantity pairs, comma separated."),
        FlagSpec("scopes", .string, usage: "Quota scopes, comma separated."),
    ]

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        var hard: [(String, String)] = []
        let spec = flags.string("hard")
        if !spec.isEmpty {
            for statement in Gen.split(spec, ",") {
                let parts = Gen.split(statement, "=")
                if parts.count != 2 {
                    throw CLIError.message("Invalid argument syntax \(statement), expected <resource>=<value>")
                }
                let q = try Quantity.canonical(parts[1])
                hard.removeAll { $0.0 == parts[0] }
                hard.append((parts[0], q))
            }
        }
        let scopesText = flags.string("scopes")
        let scopes = scopesText.isEmpty ? [] : Gen.split(scopesText, ",")
        return Gen.obj([("kind", "ResourceQuota"), ("apiVersion", "v1"),
                        ("metadata", Gen.meta(name: name, namespace: context.namespace)),
                        ("spec", Gen.obj([("hard", hard.isEmpty ? nil : Gen.sortedMap(hard)),
                                          ("scopes", scopes.isEmpty ? nil : Gen.strings(scopes))])),
                        ("status", .emptyObject)])
    }
}

public enum CreatePriorityClass {
    public static let flags: [FlagSpec] = [
        FlagSpec("description", .string, usage: "Human-readable description."),
        FlagSpec("global-default", .bool, usage: "Make this the cluster's default priority class."),
        FlagSpec("preemption-policy", .string, default: "PreemptLowerPriority", usage: "Preemption policy of pods in this class."),
        FlagSpec("value", .int, usage: "Priority value.", bits: 32),
    ]

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let description = flags.string("description")
        let policy = flags.isSet("preemption-policy") ? flags.string("preemption-policy") : "PreemptLowerPriority"
        return Gen.obj([("kind", "PriorityClass"), ("apiVersion", "scheduling.k8s.io/v1"),
                        ("metadata", Gen.meta(name: name)),
                        ("value", .int(Int64(flags.int("value")))),
                        ("globalDefault", flags.bool("global-default") ? true : nil),
                        ("description", description.isEmpty ? nil : .string(description)),
                        ("preemptionPolicy", .string(policy))])
    }
}

public enum CreatePodDisruptionBudget {
    public static let flags: [FlagSpec] = [
        FlagSpec("max-unavailable", .string, usage: "Most pods that may be unavailable (number or percent)."),
        FlagSpec("min-available", .string, usage: "Fewest pods that must stay available (number or percent)."),
        FlagSpec("selector", .string, usage: "Label selector of the pods."),
    ]

    static func isCount(_ s: String) -> Bool {
        var u = Array(s.utf8)
        if u.last == 0x25 { u.removeLast() }
        return !u.isEmpty && u.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let selector = flags.string("selector"), minA = flags.string("min-available"), maxU = flags.string("max-unavailable")
        if selector.isEmpty { throw CLIError.message("a selector must be specified") }
        if minA.isEmpty && maxU.isEmpty { throw CLIError.message("one of min-available or max-unavailable must be specified") }
        if !minA.isEmpty && !maxU.isEmpty { throw CLIError.message("min-available and max-unavailable cannot be both specified") }
        if !minA.isEmpty && !isCount(minA) { throw CLIError.message("invalid format specified for min-available") }
        if !maxU.isEmpty && !isCount(maxU) { throw CLIError.message("invalid format specified for max-unavailable") }
        let sel = try SelectorParser.labelSelector(selector)
        return Gen.obj([
            ("kind", "PodDisruptionBudget"), ("apiVersion", "policy/v1"),
            ("metadata", Gen.meta(name: name, namespace: context.namespace)),
            ("spec", Gen.obj([("minAvailable", minA.isEmpty ? nil : Gen.intOrString(minA)), ("selector", sel),
                              ("maxUnavailable", maxU.isEmpty ? nil : Gen.intOrString(maxU))])),
            ("status", Gen.obj([("disruptionsAllowed", 0), ("currentHealthy", 0), ("desiredHealthy", 0), ("expectedPods", 0)])),
        ])
    }
}

public enum CreateIngress {
    public static let flags: [FlagSpec] = [
        FlagSpec("annotation", .stringArray, usage: "Annotation to add, as key=value."),
        FlagSpec("class", .string, usage: "Ingress class name."),
        FlagSpec("default-backend", .string, usage: "Default backend service as name:port."),
        FlagSpec("rule", .stringArray, usage: "Rule host/path=service:port[,tls[=secret]]; a trailing * makes a Prefix path."),
    ]

    /// `^([\w*\-.]*)(/[^,=\n]*)=([\w\-]+):([\w\-]+)(,tls=?([\w\-]+)?)?$`
    static func ruleMatches(_ rule: String) -> Bool {
        let u = Array(rule.utf8)
        var i = 0
        func word(_ c: UInt8) -> Bool { Gen.isAlnum(c) || c == 0x5F }
        while i < u.count, word(u[i]) || u[i] == 0x2A || u[i] == 0x2D || u[i] == 0x2E { i += 1 }
        guard i < u.count, u[i] == 0x2F else { return false }
        // path: / then [^,=\n]* (greedy; the next char must be '=')
        i += 1
        while i < u.count, u[i] != 0x2C, u[i] != 0x3D, u[i] != 0x0A { i += 1 }
        guard i < u.count, u[i] == 0x3D else { return false }
        i += 1
        var start = i
        while i < u.count, word(u[i]) || u[i] == 0x2D { i += 1 }
        guard i > start, i < u.count, u[i] == 0x3A else { return false }
        i += 1
        start = i
        while i < u.count, word(u[i]) || u[i] == 0x2D { i += 1 }
        guard i > start else { return false }
        if i == u.count { return true }
        let rest = String(decoding: u[i...], as: UTF8.self)
        guard rest.hasPrefix(",tls") else { return false }
        var t = Array(rest.utf8.dropFirst(4))
        if t.first == 0x3D { t.removeFirst() }
        return t.allSatisfy { word($0) || $0 == 0x2D }
    }

    static func backend(_ service: String) -> JSONValue {
        let parts = Gen.split(service, ":")
        let port: JSONValue
        if let n = Int32(parts[1]) { port = ["number": .int(Int64(n))] } else { port = ["name": .string(parts[1])] }
        return ["service": Gen.obj([("name", .string(parts[0])), ("port", port)])]
    }

    public static func make(flags: ParsedFlags, args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let rules = flags.strings("rule"), annotations = flags.strings("annotation")
        let defaultBackend = flags.string("default-backend"), cls = flags.string("class")
        if defaultBackend.isEmpty && rules.isEmpty {
            throw CLIError.message("not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)")
        }
        for r in rules where !ruleMatches(r) {
            throw CLIError.message("rule \(r) is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]")
        }
        var ann: [(String, String)] = []
        for a in annotations {
            let kv = Gen.splitN2(a, "=")
            if kv.count != 2 { throw CLIError.message("annotation \(a) is invalid and should be in format key=[value]") }
            ann.removeAll { $0.0 == kv[0] }
            ann.append((kv[0], kv[1]))
        }
        if !defaultBackend.isEmpty && Gen.split(defaultBackend, ":").count != 2 {
            throw CLIError.message("default-backend should be in format servicename:serviceport")
        }
        // TLS entries
        var tls: [(hosts: [String], secret: String)] = []
        var seenHosts: Set<String> = []
        for r in rules {
            let parts = Gen.split(r, ",")
            guard parts.count == 2 else { continue }
            let host = Gen.splitN2(r, "/")[0]
            let sn = Gen.split(parts[1], "=")
            let secret = sn.count > 1 ? sn[1] : ""
            if seenHosts.contains(host) { continue }
            if let i = tls.firstIndex(where: { $0.secret == secret }) {
                tls[i].hosts.append(host)
                seenHosts.insert(host)
                continue
            }
            let hosts = host.isEmpty ? [] : [host]
            if !secret.isEmpty || !hosts.isEmpty { tls.append((hosts, secret)) }
            seenHosts.insert(host)
        }
        // Rules grouped by host
        var ruleList: [(host: String, paths: [JSONValue])] = []
        for r in rules {
            let noTLS = Gen.split(r, ",")[0]
            let hs = Gen.splitN2(noTLS, "/")
            let host = hs[0]
            let ps = Gen.split(hs[1], "=")
            var path = "/" + ps[0]
            var pathType = "Exact"
            if path.hasSuffix("*") { pathType = "Prefix"; path.removeLast() }
            let p = Gen.obj([("path", .string(path)), ("pathType", .string(pathType)), ("backend", backend(ps[1]))])
            if let i = ruleList.firstIndex(where: { $0.host == host }) { ruleList[i].paths.append(p) } else { ruleList.append((host, [p])) }
        }
        let spec = Gen.obj([
            ("ingressClassName", cls.isEmpty ? nil : .string(cls)),
            ("defaultBackend", defaultBackend.isEmpty ? nil : backend(defaultBackend)),
            ("tls", tls.isEmpty ? nil : .array(tls.map { Gen.obj([("hosts", $0.hosts.isEmpty ? nil : Gen.strings($0.hosts)),
                                                                  ("secretName", $0.secret.isEmpty ? nil : .string($0.secret))]) })),
            ("rules", ruleList.isEmpty ? nil : .array(ruleList.map {
                Gen.obj([("host", $0.host.isEmpty ? nil : .string($0.host)), ("http", ["paths": .array($0.paths)])])
            })),
        ])
        return Gen.obj([("kind", "Ingress"), ("apiVersion", "networking.k8s.io/v1"),
                        ("metadata", Gen.meta(name: name, namespace: context.namespace, annotations: ann.isEmpty ? nil : Gen.sortedMap(ann))),
                        ("spec", spec), ("status", ["loadBalancer": .emptyObject])])
    }
}
