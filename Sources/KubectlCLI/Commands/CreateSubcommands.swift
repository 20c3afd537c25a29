import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl create <kind>`: each subcommand builds its object with a generator (Generators/), then
/// prints it (`--dry-run=client`) or creates it in the store like `create -f` does.
enum CreateSubcommands {
    static func sub<G: ObjectGenerator>(_ name: String, aliases: [String] = [], use: String, short: String, _: G.Type) -> CommandSpec {
        CommandSpec(name, aliases: aliases, use: use, short: short, options: CreateObjectOptions<G>.self)
    }

    static let all: [CommandSpec] = [
        sub("clusterrole", use: "clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]",
            short: "Create a ClusterRole", CreateClusterRole.self),
        sub("clusterrolebinding", use: "clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]",
            short: "Bind a cluster role to users, groups or service accounts", CreateClusterRoleBinding.self),
        sub("configmap", aliases: ["cm"], use: "configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]",
            short: "Make a config map out of files, directories or literals", CreateConfigMap.self),
        sub("cronjob", aliases: ["cj"], use: "cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags]",
            short: "Create a cron job", CreateCronJob.self),
        sub("deployment", aliases: ["deploy"], use: "deployment NAME --image=image -- [COMMAND] [args...]",
            short: "Create a deployment", CreateDeployment.self),
        sub("ingress", aliases: ["ing"], use: "ingress NAME --rule=host/path=service:port[,tls[=secret]] ",
            short: "Create an ingress", CreateIngress.self),
        sub("job", use: "job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]", short: "Create a job", CreateJob.self),
        sub("namespace", aliases: ["ns"], use: "namespace NAME [--dry-run=server|client|none]", short: "Create a namespace", CreateNamespace.self),
        sub("poddisruptionbudget", aliases: ["pdb"], use: "poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]",
            short: "Create a pod disruption budget", CreatePodDisruptionBudget.self),
        sub("priorityclass", aliases: ["pc"], use: "priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]",
            short: "Create a priority class", CreatePriorityClass.self),
        sub("quota", aliases: ["resourcequota"], use: "quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]",
            short: "Create a quota", CreateQuota.self),
        sub("role", use: "role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none]",
            short: "Create a role with a single rule", CreateRole.self),
        sub("rolebinding", use: "rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]",
            short: "Bind a role or cluster role within one namespace", CreateRoleBinding.self),
        CommandSpec("secret", use: "secret (docker-registry | generic | tls)", short: "Create a secret with a subcommand",
                    subcommands: [
                        sub("docker-registry", use: "docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]",
                            short: "Create a secret for a Docker registry", CreateSecretDockerRegistry.self),
                        sub("generic", use: "generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]",
                            short: "Make an opaque secret out of files, directories or literals", CreateSecretGeneric.self),
                        sub("tls", use: "tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]",
                            short: "Create a kubernetes.io/tls secret from a key pair", CreateSecretTLS.self),
                    ]),
        CommandSpec("service", aliases: ["svc"], use: "service [flags]",
                    short: "Create a service with a subcommand",
                    subcommands: [
                        service("clusterip", ClusterIPService.self, use: "clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]"),
                        service("externalname", ExternalNameService.self, use: "externalname NAME --external-name external.name [--dry-run=server|client|none]"),
                        service("loadbalancer", LoadBalancerService.self, use: "loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]"),
                        service("nodeport", NodePortService.self, use: "nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]"),
                    ]),
        sub("serviceaccount", aliases: ["sa"], use: "serviceaccount NAME [--dry-run=server|client|none]",
            short: "Create a service account", CreateServiceAccount.self),
    ]

    static func service<K: ServiceKind>(_ name: String, _: K.Type, use: String) -> CommandSpec {
        sub(name, use: use, short: "Create a service of type \(K.type.rawValue)", CreateService<K>.self)
    }
}

/// The options of `create <kind>`: the generator's own flags, and the printing, dry-run, validation and
/// apply-annotation flags every such subcommand has.
struct CreateObjectOptions<G: ObjectGenerator>: FlagOptions {
    var generator = G()
    var printFlags = PrintFlags()
    var saveConfig = false
    var validate = ""

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.generatorPrinting),
         .fieldManager("kubectl-create"),
         .init(\.saveConfig, "save-config", usage: "Store the configuration in an annotation for later apply."),
         .validation(\.validate, FlagSpec("validate", .string, default: "strict", usage: "Schema validation: strict, warn, ignore.", noOptDefault: "strict"))]
            + G.flags.map { $0.lifted(\.generator) }
    }

    func run(_ inv: inout Invocation) throws {
        // kubectl's Complete order: the NAME, the dry-run strategy, then the printer.
        _ = try Gen.name(inv.args, inv.argsLenAtDash)
        let dryRun = try DryRun.parse(printFlags.dryRun, inv)
        let format = try printFlags.format()
        let validation = try ValidationMode.from(inv)
        let registry = inv.registry
        let context = GeneratorContext(
            namespace: inv.namespaceExplicit ? inv.flags.string("namespace") : nil,
            environment: inv.environment,
            resolveResource: { resource, group in
                guard let t = registry.resolve(resource: resource, group: group) else { return nil }
                return (t.group, t.plural)
            })
        let retrievalError = try generator.prefetch(&inv, context: context)
        var obj: JSONValue
        do { obj = try generator.make(args: inv.args, argsLenAtDash: inv.argsLenAtDash, context: context) } catch {
            // kubectl validates the flags before it fetches the CronJob.
            if let retrievalError, case CLIError.message(let m) = error, m == "from must be an existing cronjob" {
                throw retrievalError
            }
            throw error
        }
        for w in context.warnings { inv.io.err.write(w.hasPrefix("Warning: ") ? w + "\n" : "Warning: \(w)\n") }
        // `create service <type>` declares --save-config but never writes the annotation.
        if saveConfig && !(G.self is any ServiceGeneratorMarker.Type) { obj = LastApplied.annotate(obj, typed: true) }
        let source = SourcedObject(source: "", object: obj)
        let printer = OperationPrinter(format: format, dryRun: dryRun, showManagedFields: printFlags.showManagedFields)
        if dryRun == .client {
            let type = try mapping(for: source, registry: registry)
            // Client-built objects print in Go struct field order for JSON (kubectl does not sort them).
            printer.typedJSON = true
            try printer.printNow(obj, type: type, operation: "created", inv: &inv)
            return
        }
        let item = ResourceBuilder.info(for: source, registry: registry, namespace: try inv.namespace(),
                                        explicit: inv.namespaceExplicit)
        try CreateCommand.createAll([item], inv: &inv, printer: printer, validation: validation, saveConfig: false,
                                    errorWrapper: G.failure.wrapper)
    }
}
