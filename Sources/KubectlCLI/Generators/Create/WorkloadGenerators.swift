import KubeAPI
import KubeModel

/// A container in Go field order (the fields these generators set).
func container(name: String, image: String, command: [String]? = nil, args: [String]? = nil,
               ports: JSONValue? = nil, env: JSONValue? = nil, imagePullPolicy: String? = nil,
               securityContext: JSONValue? = nil, stdin: Bool = false, stdinOnce: Bool = false, tty: Bool = false) -> JSONValue
{
    Gen.obj([
        ("name", .string(name)), ("image", image.isEmpty ? nil : .string(image)),
        ("command", command.flatMap { $0.isEmpty ? nil : Gen.strings($0) }),
        ("args", args.flatMap { $0.isEmpty ? nil : Gen.strings($0) }),
        ("ports", ports), ("env", env), ("resources", .emptyObject),
        ("imagePullPolicy", imagePullPolicy.flatMap { $0.isEmpty ? nil : .string($0) }),
        ("securityContext", securityContext),
        ("stdin", stdin ? true : nil), ("stdinOnce", stdinOnce ? true : nil), ("tty", tty ? true : nil),
    ])
}

struct CreateDeployment: ObjectGenerator {
    var images: [String] = []
    var port: Int?
    var replicas: Int?
    static var failure: CreateFailure { .colon("failed to create deployment") }

    static var flags: [OptionFlag<Self>] {
        [.init(\.images, "image", usage: "Image(s) to run; one container per image.", required: true),
         .init(\.port, "port", default: "-1", usage: "Container port to expose on the first container.", bits: 32),
         .init(\.replicas, "replicas", short: "r", default: "1", usage: "Number of replicas.", bits: 32)]
    }

    /// Container name from an image: last path part without tag/digest; `_`/`.` become `-` plus a random suffix.
    static func containerName(image: String, randomSuffix: (Int) -> String) -> String {
        var name = Gen.split(image, "/").last ?? image
        if name.contains(":") { name = Gen.split(name, ":")[0] }
        if name.contains("@") { name = Gen.split(name, "@")[0] }
        if name.contains("_") || name.contains(".") {
            name = String(name.map { $0 == "_" || $0 == "." ? "-" : $0 }) + "-" + randomSuffix(5)
        }
        return name
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let command = Array(args.dropFirst())
        if images.count > 1 && !command.isEmpty {
            throw CLIError.message("cannot specify multiple --image options and command")
        }
        let port = self.port ?? -1
        let replicas = self.replicas ?? 1
        var containers: [JSONValue] = []
        for (i, image) in images.enumerated() {
            containers.append(container(name: Self.containerName(image: image, randomSuffix: context.randomSuffix), image: image,
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

struct CreateJob: ObjectGenerator {
    var from = ""
    var image = ""
    static var failure: CreateFailure { .colon("failed to create job") }

    static var flags: [OptionFlag<Self>] {
        [.init(\.from, "from", usage: "Resource to copy the job from (only cronjob/NAME)."),
         .init(\.image, "image", usage: "Image for the container.")]
    }

    /// `--from=TYPE/NAME`: the object, read as kubectl's resource builder reads it (any type, short
    /// names too), before the flags are checked; its error (unknown type, not found, not a CronJob) is
    /// reported only when the flags are right.
    func prefetch(_ inv: inout Invocation, context: GeneratorContext) throws -> Error? {
        guard !from.isEmpty else { return nil }
        do {
            var builder = ResourceBuilder()
            builder.args = [from]
            let infos = try builder.resolve(&inv).infos(&inv, fetch: .latest)
            if let failure = infos.first(where: { if case .failure = $0 { return true } else { return false } }),
               case .failure(let e) = failure { return e }
            guard infos.count == 1, case .success(let info) = infos[0], let object = info.object else {
                return CLIError.message("from must be an existing cronjob")
            }
            guard info.type?.group == "batch", info.type?.kind == "CronJob" else {
                let goType = info.type.map { $0.openAPIV3Schema == nil ? "*\($0.version).\($0.kind)" : "*unstructured.Unstructured" }
                return CLIError.message("unknown object type \(goType ?? "*unstructured.Unstructured")")
            }
            context.fromCronJob = object
            return nil
        } catch {
            return error
        }
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let command = Array(args.dropFirst())
        if image.isEmpty == from.isEmpty { throw CLIError.message("either --image or --from must be specified") }
        if !command.isEmpty && !from.isEmpty { throw CLIError.message("cannot specify --from and command") }
        if !from.isEmpty {
            guard let cj = context.fromCronJob else {
                throw CLIError.message("from must be an existing cronjob")
            }
            return Self.fromCronJob(name: name, cronJob: cj, namespace: context.namespace)
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
    static func fromCronJob(name: String, cronJob: JSONValue, namespace: String?) -> JSONValue {
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

struct CreateCronJob: ObjectGenerator {
    var image = ""
    var restart = ""
    var schedule = ""
    static var failure: CreateFailure { .colon("failed to create cronjob") }

    static var flags: [OptionFlag<Self>] {
        [.init(\.image, "image", usage: "Image for the container.", required: true),
         .init(\.restart, "restart", usage: "Restart policy of the job's pods (OnFailure or Never)."),
         .init(\.schedule, "schedule", usage: "Cron schedule.", required: true)]
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let command = Array(args.dropFirst())
        var restart = self.restart
        if restart.isEmpty { restart = "OnFailure" }
        return Gen.obj([
            ("kind", "CronJob"), ("apiVersion", "batch/v1"),
            ("metadata", Gen.meta(name: name, namespace: context.namespace)),
            ("spec", Gen.obj([
                ("schedule", .string(schedule)),
                ("jobTemplate", Gen.obj([
                    ("metadata", Gen.meta(name: name)),
                    ("spec", ["template": Gen.obj([
                        ("metadata", ["creationTimestamp": .null]),
                        ("spec", Gen.obj([("containers", .array([container(name: name, image: image, command: command)])),
                                          ("restartPolicy", .string(restart))])),
                    ])]),
                ])),
            ])),
            ("status", .emptyObject),
        ])
    }
}
