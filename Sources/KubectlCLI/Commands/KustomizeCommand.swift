import KubeKustomize
import KubeModel

/// `kubectl kustomize DIR`: prints the objects the kustomization builds, as kubectl's built-in
/// kustomize v5.5 does.
enum KustomizeCommand {
    static let spec = CommandSpec(
        "kustomize",
        use: "kustomize DIR [flags]",
        short: "Render the objects a kustomization directory describes",
        group: "Advanced Commands:", options: KustomizeOptions.self)
}

/// kustomize's options: the output file and the load restrictor; the function and helm flags mean nothing
/// offline.
struct KustomizeOptions: FlagOptions {
    var output = ""
    var loadRestrictor = "LoadRestrictionsRootOnly"
    var enableHelm = false
    var reorder = "legacy"
    var managedByLabel = false

    static var flags: [OptionFlag<Self>] {
        [.init(\.output, "output", short: "o", usage: "Write the built objects to this file instead of standard output."),
         .init(\.loadRestrictor, "load-restrictor", default: "LoadRestrictionsRootOnly",
               usage: "LoadRestrictionsRootOnly keeps the files a kustomization reads inside its own directory; LoadRestrictionsNone lifts that."),
         .init(\.enableHelm, "enable-helm", usage: "Allow the helm chart inflator (kubectl-local cannot run helm and refuses charts)."),
         .init(\.reorder, "reorder", default: "legacy", usage: "Output order: legacy or none.", hidden: true,
               deprecated: "use the new 'sortOptions' field in kustomization.yaml instead."),
         .init(\.managedByLabel, "enable-managedby-label", usage: "Add the app.kubernetes.io/managed-by label to every object.", hidden: true,
               deprecated: "The flag `enable-managedby-label` has been deprecated. Use the `managedByLabel` option in the `buildMetadata` field instead."),
         .noEffectOffline([
            FlagSpec("as-current-user", .bool, usage: "Run function containers as the current user. No effect offline."),
            FlagSpec("enable-alpha-plugins", .bool, usage: "Allow alpha plugins (functions). No effect offline."),
            FlagSpec("env", short: "e", .stringArray, usage: "Environment variables for function containers. No effect offline."),
            FlagSpec("helm-api-versions", .stringArray, usage: "API versions helm may assume. No effect offline."),
            FlagSpec("helm-command", .string, default: "helm", usage: "The helm program to run. No effect offline."),
            FlagSpec("helm-debug", .bool, usage: "Verbose helm output. No effect offline."),
            FlagSpec("helm-kube-version", .string, usage: "Kubernetes version helm may assume. No effect offline."),
            FlagSpec("mount", .stringArray, usage: "Storage mounts for function containers. No effect offline."),
            FlagSpec("network", .bool, usage: "Give function containers network access. No effect offline."),
            FlagSpec("network-name", .string, default: "bridge", usage: "Docker network for function containers. No effect offline."),
         ])]
    }

    /// kustomize's Validate: one directory, a known restrictor (empty means the default).
    func validate(_ inv: Invocation) throws {
        if inv.args.count > 1 { throw CLIError.message("specify one path to kustomization.yaml") }
        if !["LoadRestrictionsRootOnly", "LoadRestrictionsNone", ""].contains(loadRestrictor) {
            throw CLIError.message("illegal flag value --load-restrictor \(loadRestrictor); legal values: [LoadRestrictionsRootOnly LoadRestrictionsNone]")
        }
        if !["legacy", "none"].contains(reorder) {
            throw CLIError.message("illegal flag value --reorder \(reorder); legal values: [legacy none]")
        }
    }

    func run(_ inv: inout Invocation) throws {
        let dir = inv.args.first ?? "."
        if dir.isEmpty { throw CLIError.message("must build at directory: directory path cannot be empty") }
        var builder = KustomizeBuilder()
        builder.managedByLabel = managedByLabel
        builder.rootOnly = loadRestrictor != "LoadRestrictionsNone"
        builder.enableHelm = enableHelm
        builder.environment = inv.environment
        let objects: [JSONValue]
        do {
            objects = try builder.build(dir)
        } catch {
            for w in KustomizeSource.messages(of: builder, now: inv.clock.now) { inv.io.err.write(w + "\n") }
            throw error
        }
        for w in KustomizeSource.messages(of: builder, now: inv.clock.now) { inv.io.err.write(w + "\n") }
        let text = KustomizeBuilder.render(objects)
        if output.isEmpty {
            inv.io.out.write(text)
        } else {
            try KustomizeFS.write(output, text)
        }
    }
}
