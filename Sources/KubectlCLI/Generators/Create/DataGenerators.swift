import KubeModel
import KubeAPI
import KubeKustomize

/// The data flags of `create configmap` and `create secret generic`: literals, files and env files,
/// and whether the name gets a hash of the content.
struct DataSources {
    var appendHash = false
    var fromEnvFile: [String] = []
    var fromFile: [String] = []
    var fromLiteral: [String] = []

    static var flags: [OptionFlag<Self>] {
        [.init(\.appendHash, "append-hash", usage: "Add a hash of the content to the name."),
         .init(\.fromEnvFile, "from-env-file", usage: "Read key=value lines from this file."),
         .init(\.fromFile, "from-file", usage: "Add a file (key defaults to its name) or a directory's files."),
         .init(\.fromLiteral, "from-literal", .stringArray, usage: "Add a key=value pair.")]
    }

    /// The data of object `name`, read as kubectl reads it (literals, then files, then env files).
    func collect(name: String, isSecret: Bool, context: GeneratorContext) throws -> DataCollector {
        if !fromEnvFile.isEmpty && (!fromFile.isEmpty || !fromLiteral.isEmpty) {
            throw CLIError.message("from-env-file cannot be combined with from-file or from-literal")
        }
        var c = DataCollector(objectName: name, isSecret: isSecret, context: context)
        try c.addLiterals(fromLiteral)
        try c.addFiles(fromFile)
        try c.addEnvFiles(fromEnvFile)
        return c
    }
}

struct CreateConfigMap: ObjectGenerator {
    var sources = DataSources()
    static var failure: CreateFailure { .colon("failed to create configmap") }
    static var flags: [OptionFlag<Self>] { DataSources.flags.map { $0.lifted(\.sources) } }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.requiredName(args, argsLenAtDash)
        let c = try sources.collect(name: name, isSecret: false, context: context)
        var finalName = name
        if sources.appendHash {
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

struct CreateSecretGeneric: ObjectGenerator {
    var sources = DataSources()
    var type = ""
    static var failure: CreateFailure { .noColon("failed to create secret") }
    static var flags: [OptionFlag<Self>] {
        DataSources.flags.map { $0.lifted(\.sources) } + [.init(\.type, "type", usage: "Secret type.")]
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.requiredName(args, argsLenAtDash)
        let c = try sources.collect(name: name, isSecret: true, context: context)
        var finalName = name
        if sources.appendHash {
            finalName += "-" + NameHash.secret(name: name, type: type, data: c.binaryJSON ?? .emptyObject)
        }
        return secretObject(name: finalName, namespace: context.namespace, data: c.binaryJSON, type: type)
    }
}

struct CreateSecretTLS: ObjectGenerator {
    var appendHash = false
    var cert = ""
    var key = ""
    static var failure: CreateFailure { .noColon("failed to create secret") }

    static var flags: [OptionFlag<Self>] {
        [.init(\.appendHash, "append-hash", usage: "Add a hash of the content to the name."),
         .init(\.cert, "cert", usage: "PEM certificate file."),
         .init(\.key, "key", usage: "PEM private key file.")]
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let certPath = cert, keyPath = key
        if certPath.isEmpty || keyPath.isEmpty { throw CLIError.message("key and cert must be specified") }
        func read(_ p: String) throws -> [UInt8] {
            switch context.files.read(p) {
            case .success(let b): return b
            case .failure(let e): throw CLIError.message("Cannot read file \(p), \(e.op) \(p): \(e.text)")
            }
        }
        let cert = try read(certPath), key = try read(keyPath)
        if let refusal = TLSKeyPair.refusal(certPEM: cert, keyPEM: key) { throw CLIError.message(refusal) }
        let data = Gen.sortedMap([("tls.crt", base64Encode(cert)), ("tls.key", base64Encode(key))])
        var finalName = name
        if appendHash { finalName += "-" + NameHash.secret(name: name, type: "kubernetes.io/tls", data: data) }
        return secretObject(name: finalName, namespace: context.namespace, data: data, type: "kubernetes.io/tls")
    }
}

struct CreateSecretDockerRegistry: ObjectGenerator {
    var appendHash = false
    var dockerEmail = ""
    var dockerPassword = ""
    var dockerServer: String?
    var dockerUsername = ""
    var fromFile: [String] = []
    static var failure: CreateFailure { .noColon("failed to create secret") }

    static var flags: [OptionFlag<Self>] {
        [.init(\.appendHash, "append-hash", usage: "Add a hash of the content to the name."),
         .init(\.dockerEmail, "docker-email", usage: "Registry e-mail address."),
         .init(\.dockerPassword, "docker-password", usage: "Registry password."),
         .init(\.dockerServer, "docker-server", default: "https://index.docker.io/v1/", usage: "Registry server address."),
         .init(\.dockerUsername, "docker-username", usage: "Registry user name."),
         .init(\.fromFile, "from-file", usage: "Take the config from files ([key=]path).")]
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.requiredName(args, argsLenAtDash)
        let files = fromFile, user = dockerUsername, password = dockerPassword, email = dockerEmail
        let server = dockerServer ?? "https://index.docker.io/v1/"
        if files.isEmpty && (user.isEmpty || password.isEmpty || server.isEmpty) {
            throw CLIError.message("either --from-file or the combination of --docker-username, --docker-password and --docker-server is required")
        }
        let type = "kubernetes.io/dockerconfigjson"
        let data: JSONValue
        if !files.isEmpty {
            var c = DataCollector(objectName: name, isSecret: true, context: context)
            // A path without a key is stored under `.dockerconfigjson`.
            try c.addFiles(files.map { $0.contains("=") ? $0 : ".dockerconfigjson=" + $0 })
            data = c.binaryJSON ?? .emptyObject
        } else {
            let entry = Gen.obj([("username", .string(user)), ("password", .string(password)),
                                 ("email", email.isEmpty ? nil : .string(email)),
                                 ("auth", .string(base64Encode((user + ":" + password).utf8)))])
            let config: JSONValue = ["auths": Gen.obj([(server, entry)])]
            data = Gen.sortedMap([(".dockerconfigjson", base64Encode(config.jsonString(.compactOrdered).utf8))])
        }
        var finalName = name
        if appendHash { finalName += "-" + NameHash.secret(name: name, type: type, data: data) }
        return secretObject(name: finalName, namespace: context.namespace,
                            data: data.object?.isEmpty == true ? nil : data, type: type)
    }
}
