import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `kubectl create <kind>`: each subcommand builds its object with a generator (Generators/), then
/// prints it (`--dry-run=client`) or creates it in the store like `create -f` does.
enum CreateSubcommands {
    typealias Make = @Sendable (ParsedFlags, [String], Int?, GeneratorContext) throws -> JSONValue

    /// How a subcommand reports a failed create (kubectl wraps some server errors).
    enum Wrap { case none, colon(String), noColon(String) }

    static func sub(_ name: String, aliases: [String] = [], use: String, short: String, flags: [FlagSpec],
                    wrap: Wrap, make: @escaping Make) -> CommandSpec
    {
        CommandSpec(name, aliases: aliases, use: use, short: short, flags: flags + CreateCommonFlags.flags,
                    run: { try run(&$0, wrap: wrap, make: make) })
    }

    static let all: [CommandSpec] = [
        sub("clusterrole", use: "clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]",
            short: "Create a ClusterRole", flags: CreateClusterRole.flags, wrap: .none,
            make: { try CreateClusterRole.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("clusterrolebinding", use: "clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]",
            short: "Create a cluster role binding for a cluster role", flags: CreateClusterRoleBinding.flags, wrap: .none,
            make: { try CreateClusterRoleBinding.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("configmap", aliases: ["cm"], use: "configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]",
            short: "Create a config map from files, directories or literal values", flags: CreateConfigMap.flags,
            wrap: .colon("failed to create configmap"),
            make: { try CreateConfigMap.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("cronjob", aliases: ["cj"], use: "cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]",
            short: "Create a cron job", flags: CreateCronJob.flags, wrap: .colon("failed to create cronjob"),
            make: { try CreateCronJob.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("deployment", aliases: ["deploy"], use: "deployment NAME --image=image -- [COMMAND] [args...]",
            short: "Create a deployment", flags: CreateDeployment.flags, wrap: .colon("failed to create deployment"),
            make: { try CreateDeployment.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("ingress", aliases: ["ing"], use: "ingress NAME --rule=host/path=service:port[,tls[=secret]]",
            short: "Create an ingress", flags: CreateIngress.flags, wrap: .none,
            make: { try CreateIngress.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("job", use: "job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]",
            short: "Create a job", flags: CreateJob.flags, wrap: .colon("failed to create job"),
            make: { try CreateJob.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("namespace", aliases: ["ns"], use: "namespace NAME [--dry-run=server|client|none]",
            short: "Create a namespace", flags: CreateNamespace.flags, wrap: .none,
            make: { try CreateNamespace.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("poddisruptionbudget", aliases: ["pdb"], use: "poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]",
            short: "Create a pod disruption budget", flags: CreatePodDisruptionBudget.flags, wrap: .none,
            make: { try CreatePodDisruptionBudget.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("priorityclass", aliases: ["pc"], use: "priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]",
            short: "Create a priority class", flags: CreatePriorityClass.flags, wrap: .none,
            make: { try CreatePriorityClass.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("quota", aliases: ["resourcequota"], use: "quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]",
            short: "Create a quota", flags: CreateQuota.flags, wrap: .none,
            make: { try CreateQuota.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("role", use: "role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none]",
            short: "Create a role with a single rule", flags: CreateRole.flags, wrap: .none,
            make: { try CreateRole.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        sub("rolebinding", use: "rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]",
            short: "Create a role binding for a role or cluster role", flags: CreateRoleBinding.flags, wrap: .none,
            make: { try CreateRoleBinding.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
        CommandSpec("secret", use: "secret (docker-registry | generic | tls)", short: "Create a secret with a subcommand",
                    subcommands: [
                        sub("docker-registry", use: "docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]",
                            short: "Create a secret for a Docker registry", flags: CreateSecretDockerRegistry.flags,
                            wrap: .noColon("failed to create secret"),
                            make: { try CreateSecretDockerRegistry.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
                        sub("generic", use: "generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]",
                            short: "Create a secret from files, directories or literal values", flags: CreateSecretGeneric.flags,
                            wrap: .noColon("failed to create secret"),
                            make: { try CreateSecretGeneric.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
                        sub("tls", use: "tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]",
                            short: "Create a kubernetes.io/tls secret from a key pair", flags: CreateSecretTLS.flags, wrap: .noColon("failed to create secret"),
                            make: { try CreateSecretTLS.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
                    ]),
        CommandSpec("service", aliases: ["svc"], use: "service [flags]",
                    short: "Create a service with a subcommand",
                    subcommands: [
                        service("clusterip", .clusterIP, use: "clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]"),
                        service("externalname", .externalName, use: "externalname NAME --external-name external.name [--dry-run=server|client|none]"),
                        service("loadbalancer", .loadBalancer, use: "loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]"),
                        service("nodeport", .nodePort, use: "nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]"),
                    ]),
        sub("serviceaccount", aliases: ["sa"], use: "serviceaccount NAME [--dry-run=server|client|none]",
            short: "Create a service account", flags: CreateServiceAccount.flags, wrap: .colon("failed to create serviceaccount"),
            make: { try CreateServiceAccount.make(flags: $0, args: $1, argsLenAtDash: $2, context: $3) }),
    ]

    static func service(_ name: String, _ type: CreateService.ServiceType, use: String) -> CommandSpec {
        sub(name, use: use, short: "Create a service of type \(type.rawValue)", flags: CreateService.flags(for: type),
            wrap: .colon("failed to create \(type.rawValue) service"),
            make: { try CreateService.make(type: type, flags: $0, args: $1, argsLenAtDash: $2, context: $3) })
    }

    static func run(_ inv: inout Invocation, wrap: Wrap, make: Make) throws {
        let format = try objectFormat(inv)
        let dryRun = try DryRun.from(inv)
        let validation = try ValidationMode.from(inv)
        let registry = inv.registry
        let context = GeneratorContext(
            namespace: inv.namespaceExplicit ? inv.flags.string("namespace") : nil,
            environment: inv.environment,
            resolveResource: { resource, group in
                let text = group.isEmpty ? resource : "\(resource).\(group)"
                guard let t = try? registry.resolve(text).type else { return nil }
                return (t.group, t.plural)
            })
        var retrievalError: Error? = nil
        if inv.commandPath.last == "job", let from = nonEmpty(inv.flags.string("from")) {
            let parts = from.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2, ["cronjob", "cronjobs", "cj", "cronjob.batch", "cronjobs.batch"].contains(parts[0].lowercased()) {
                let ns = try inv.namespace()
                let type = try registry.resolve("cronjobs.batch").type
                do {
                    context.fromCronJob = try inv.server().read { try $0.get(type, namespace: ns, name: parts[1]) }
                } catch let e as APIError {
                    retrievalError = CLIError.message("failed to retrieve CronJob: \(e.message)")
                }
            }
        }
        var obj: JSONValue
        do { obj = try make(inv.flags, inv.args, inv.argsLenAtDash, context) } catch {
            // kubectl validates the flags before it fetches the CronJob.
            if let retrievalError, case CLIError.message(let m) = error, m == "from must be an existing cronjob" {
                throw retrievalError
            }
            throw error
        }
        for w in context.warnings { inv.io.err.write(w.hasPrefix("Warning: ") ? w + "\n" : "Warning: \(w)\n") }
        if inv.flags.bool("save-config") { obj = LastApplied.annotate(obj) }
        let source = SourcedObject(source: "", object: obj)
        let wrapper: ((Error) -> Error)? = {
            switch wrap {
            case .none: return nil
            case .colon(let prefix): return { e in wrapError(e, prefix + ": ") }
            case .noColon(let prefix): return { e in wrapError(e, prefix + " ") }
            }
        }()
        if dryRun == .client {
            let type = try mapping(for: source, registry: registry)
            // Client-built objects print in Go struct field order for JSON (kubectl does not sort them).
            try OperationPrinter(format: format, dryRun: dryRun, flags: inv.flags, typedJSON: true)
                .printNow(obj, type: type, operation: "created", inv: &inv)
            return
        }
        let item = ResourceBuilder.info(for: source, registry: registry, namespace: try inv.namespace(),
                                        explicit: inv.namespaceExplicit)
        try CreateCommand.createAll([item], inv: &inv, printer: OperationPrinter(format: format, dryRun: dryRun, flags: inv.flags),
                                    validation: validation, saveConfig: false, errorWrapper: wrapper)
    }

    /// `failed to create deployment: deployments.apps "web" already exists` (the API error's message,
    /// prefixed; rendered with `error: `).
    static func wrapError(_ error: Error, _ prefix: String) -> Error {
        if let e = error as? APIError { return CLIError.message(prefix + e.message) }
        if case CLIError.api(let e) = error { return CLIError.message(prefix + e.message) }
        return error
    }
}
