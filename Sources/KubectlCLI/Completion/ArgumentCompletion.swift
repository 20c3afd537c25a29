#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubeRegistry

/// How a command's positional arguments complete: the completion function kubectl v1.32 registers for
/// it (`k8s.io/kubectl/pkg/util/completion`), by command path, so a command added to the table under one
/// of these names completes like kubectl's without further work.
enum ArgumentKind: Equatable {
    /// `TYPE [NAME...]` or `TYPE/NAME...`, any type that can be read (get, describe, delete, label, ...).
    case resourceTypeAndName
    /// `TYPE NAME` or `TYPE/NAME` for the types listed (scale, expose, rollout, taint, set image), one name.
    case specifiedTypes([String])
    /// `POD` or `TYPE/NAME` of a kind that runs pods (exec, attach, port-forward); `logs` then a container.
    case pods(containers: Bool)
    /// Names of one resource type (`top pod POD`, `cordon NODE`), first argument only.
    case names(String)
    /// `cp`: `NAMESPACE/`, `POD:` or a local path.
    case copy
    case fixed([String])
    /// Names of the kubeconfig's contexts, clusters or users (`use-context`, `delete-cluster`, ...).
    case kubeconfig(Kubeconfig.Section)
    /// cobra's default: no completion function, the shell completes file names.
    case files
}

enum ArgumentCompletion {
    static let scalable = ["deployment", "replicaset", "replicationcontroller", "statefulset"]
    static let rolloutKinds = ["deployment", "daemonset", "statefulset"]
    /// The `TYPE/` choices kubectl offers where a pod is expected (kinds whose objects lead to pods).
    static let resourcesWithPods = ["daemonsets", "deployments", "pods", "jobs", "replicasets", "replicationcontrollers",
                                    "services", "statefulsets"]

    static func kind(of path: [String]) -> ArgumentKind {
        switch path.joined(separator: " ") {
        case "get", "describe", "delete", "edit", "patch", "label", "annotate", "apply view-last-applied",
             "apply edit-last-applied":
            return .resourceTypeAndName
        case "scale", "autoscale": return .specifiedTypes(scalable)
        case "expose": return .specifiedTypes(["pod", "service", "replicationcontroller", "deployment", "replicaset"])
        case "rollout history", "rollout status", "rollout undo", "rollout restart": return .specifiedTypes(rolloutKinds)
        case "rollout pause", "rollout resume": return .specifiedTypes(["deployment"])
        case "taint": return .specifiedTypes(["node"])
        case "set image":
            return .specifiedTypes(["daemonsets", "deployments", "pods", "cronjobs", "replicasets", "replicationcontrollers",
                                    "statefulsets"])
        case "logs": return .pods(containers: true)
        case "exec", "attach", "port-forward": return .pods(containers: false)
        case "top pod": return .names("pod")
        case "top node", "cordon", "uncordon", "drain": return .names("node")
        case "cp": return .copy
        case "completion": return .fixed(["bash", "zsh", "fish", "powershell"])
        case "config use-context", "config set-context", "config delete-context", "config rename-context":
            return .kubeconfig(.contexts)
        case "config delete-cluster": return .kubeconfig(.clusters)
        case "config delete-user": return .kubeconfig(.users)
        default: return .files
        }
    }

    static func complete(path: [String], args: [String], typed: String, ctx: Completer.Context) -> CompletionResult {
        switch kind(of: path) {
        case .resourceTypeAndName:
            return typeAndName(args: args, typed: typed, ctx: ctx, allowed: nil)
        case .specifiedTypes(let allowed):
            return typeAndName(args: args, typed: typed, ctx: ctx, allowed: allowed)
        case .pods(let containers):
            if args.isEmpty { return podOrType(typed: typed, ctx: ctx) }
            if containers && args.count == 1 { return CompletionResult(containerNames(args[0], typed: typed, ctx: ctx), .noFileComp) }
            return CompletionResult([], .noFileComp)
        case .names(let resource):
            return CompletionResult(args.isEmpty ? names(of: resource, typed: typed, ctx: ctx) : [], .noFileComp)
        case .copy:
            return CompletionResult(args.isEmpty ? copyTargets(typed: typed, ctx: ctx) : [], .noSpace)
        case .fixed(let values):
            if !args.isEmpty { return CompletionResult([], .default) }  // cobra's ValidArgs: the first argument only
            return CompletionResult(values.filter { $0.hasPrefix(typed) }, .noFileComp)
        case .kubeconfig(let section):
            let names = ctx.kubeconfig[section].map(\.name)
            return CompletionResult(args.isEmpty ? names.filter { $0.hasPrefix(typed) } : [], .noFileComp)
        case .files:
            return CompletionResult([], .default)
        }
    }

    /// kubectl's `ResourceTypeAndNameCompletionFunc` (`allowed == nil`: every type that supports `get`,
    /// names may repeat) and `SpecifiedResourceTypeAndNameNoRepeatCompletionFunc` (only `allowed`, one name).
    static func typeAndName(args: [String], typed: String, ctx: Completer.Context, allowed: [String]?) -> CompletionResult {
        if let first = args.first, !first.contains("/") {
            // `TYPE NAME...`: names of that type not given yet.
            guard allowed == nil || args.count == 1 else { return CompletionResult([], .noFileComp) }
            let taken = Set(args.dropFirst())
            return CompletionResult(names(of: first, typed: typed, ctx: ctx).filter { !taken.contains($0) }, .noFileComp,
                                    debug: shortNameWarnings(first, ctx: ctx))
        }
        if let slash = typed.firstIndex(of: "/") {
            let typeText = String(typed[..<slash])
            let found = names(of: typeText, typed: String(typed[typed.index(after: slash)...]), ctx: ctx)
            return CompletionResult(found.map { typeText + "/" + $0 }, .noFileComp, debug: shortNameWarnings(typeText, ctx: ctx))
        }
        let types = allowed?.filter { $0.hasPrefix(typed) } ?? resourceTypes(typed: typed, registry: ctx.store.registry)
        if args.isEmpty { return CompletionResult(types, .noFileComp) }
        // After a `TYPE/NAME` argument another `TYPE/NAME` may follow: offer `TYPE/`.
        return CompletionResult(types.map { $0 + "/" }, types.isEmpty ? .noFileComp : [.noFileComp, .noSpace])
    }

    /// kubectl's `CompGetResourceList`: what `api-resources -o name --verbs=get` prints, in its order;
    /// in a comma-separated list the last element is completed.
    static func resourceTypes(typed: String, registry: Registry) -> [String] {
        var prefix = "", word = Substring(typed)
        if let comma = typed.lastIndex(of: ",") {
            prefix = String(typed[...comma])
            word = typed[typed.index(after: comma)...]
        }
        return registry.apiResources.filter { $0.verbs.contains("get") }.map(\.qualifiedPlural)
            .filter { $0.hasPrefix(word) }.map { prefix + $0 }
    }

    /// The warnings kubectl prints when listing names of an ambiguous short name (`ev`: also
    /// events.events.k8s.io), before cobra's closing line.
    static func shortNameWarnings(_ resourceText: String, ctx: Completer.Context) -> [String] {
        guard let server = ctx.store.server else { return [] }
        return resourceText.split(separator: ",").flatMap { p in
            ((try? server.registry.resolve(String(p)).warnings) ?? []).map { "Warning: " + $0 }
        }
    }

    /// kubectl's `CompGetResource`: names of the objects of `resourceText` (a type, or several joined by
    /// commas) in the request namespace, as `get` lists them, that start with `typed`. As in kubectl,
    /// `-A` does not widen it (Golden/complete/get-all-ns).
    static func names(of resourceText: String, typed: String, ctx: Completer.Context) -> [String] {
        let parts = resourceText.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard let server = ctx.store.server else { return [] }
        var types: [ResourceType] = []
        for p in parts {
            if let t = try? server.registry.resolve(p).type {
                types.append(t)
            } else if server.registry.isCategory(p) {
                types += server.registry.types(inCategory: p)
            } else {
                return []
            }
        }
        let found: [String]? = try? server.read { session in
            let namespace = try ctx.requestNamespace(session)
            return try types.flatMap { t in
                try session.names(t, namespace: t.namespaced ? namespace : nil)
            }
        }
        return (found ?? []).filter { $0.hasPrefix(typed) }
    }

    /// kubectl's `doPodResourceCompletion`: pod names and the `TYPE/` of kinds that run pods, or
    /// `TYPE/NAME` once a slash is typed.
    static func podOrType(typed: String, ctx: Completer.Context) -> CompletionResult {
        if let slash = typed.firstIndex(of: "/") {
            let typeText = String(typed[..<slash])
            let found = names(of: typeText, typed: String(typed[typed.index(after: slash)...]), ctx: ctx)
            return CompletionResult(found.map { typeText + "/" + $0 }, .noFileComp)
        }
        let pods = names(of: "pod", typed: typed, ctx: ctx)
        // Only `TYPE/` to offer: no space after the slash.
        let directive: CompletionDirective = pods.isEmpty ? [.noFileComp, .noSpace] : .noFileComp
        return CompletionResult(pods + resourcesWithPods.filter { $0.hasPrefix(typed) }.map { $0 + "/" }, directive)
    }

    /// kubectl's `CompGetContainers`: the init containers, then the containers, of a pod named `POD` or `pod/POD`.
    static func containerNames(_ podArgument: String, typed: String, ctx: Completer.Context) -> [String] {
        var name = podArgument
        if let slash = podArgument.firstIndex(of: "/") {
            guard ["po", "pod", "pods"].contains(podArgument[..<slash]) else { return [] }
            name = String(podArgument[podArgument.index(after: slash)...])
        }
        guard let server = ctx.store.server, let podType = server.registry.type(group: "", kind: "Pod") else { return [] }
        let pod: JSONValue? = try? server.read { session in
            try session.find(podType, namespace: try ctx.requestNamespace(session), name: name)
        }
        guard let spec = pod?["spec"] else { return [] }
        let all = (spec["initContainers"].array ?? []) + (spec["containers"].array ?? [])
        return all.compactMap { $0["name"].string }.filter { $0.hasPrefix(typed) }
    }

    /// kubectl's `cp` completion: `NAMESPACE/`, `POD:` (or `NAMESPACE/POD:`), and a hint that a local path
    /// works too; nothing for what already looks like a path or a remote file.
    static func copyTargets(typed: String, ctx: Completer.Context) -> [String] {
        if let first = typed.first, "/.~".contains(first) { return [] }
        if typed.contains(":") { return [] }
        if let slash = typed.firstIndex(of: "/") {
            var scoped = ctx
            scoped.values["namespace"] = String(typed[..<slash])
            let prefix = String(typed[...slash])
            return names(of: "pod", typed: "", ctx: scoped).map { prefix + $0 + ":" }.filter { $0.hasPrefix(typed) }
        }
        var comps = names(of: "namespace", typed: typed, ctx: ctx).map { $0 + "/" }
        comps += names(of: "pod", typed: typed, ctx: ctx).map { $0 + ":" }
        if typed.isEmpty { return comps + ["./", "/"] }
        if !comps.isEmpty { comps += localFiles(prefix: typed) }
        return comps
    }

    /// Entries of the working directory starting with `prefix`, directories with a trailing `/`, by name.
    static func localFiles(prefix: String) -> [String] {
        guard let dir = opendir(".") else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != "..", name.hasPrefix(prefix) else { continue }
            var st = stat()
            let isDir = stat(name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            out.append(isDir ? name + "/" : name)
        }
        return out.sorted(by: goStringLess)
    }
}

/// What completion reads from the store, through the API layer: opened on first use and only when the
/// store exists (completion never creates or seeds one); the registry includes the store's CRD kinds.
final class CompletionStore {
    let path: String
    private var opened = false
    private var cached: APIServer?

    init(path: String) { self.path = path }

    var server: APIServer? {
        if !opened {
            opened = true
            cached = APIServer.openExisting(path: path, clock: Clock(now: Clock.system()))
        }
        return cached
    }

    var registry: Registry { server?.registry ?? .builtin }
}
