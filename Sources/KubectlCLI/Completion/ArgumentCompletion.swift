#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubeRegistry

/// What the positional arguments of a command are, by kubectl's command names, so a command added to
/// the table under one of these names completes like kubectl's without further work.
enum ArgumentKind {
    /// `TYPE [NAME...]` or `TYPE/NAME...` (get, describe, delete, label, ...).
    case resources
    /// Resource types only (explain).
    case types
    /// Names of one resource type (`logs POD`, `cordon NODE`).
    case names(String)
    case fixed([String])
    /// A name the user invents (`create deployment NAME`): nothing to offer.
    case none
    /// cobra's default: file names.
    case files
}

enum ArgumentCompletion {
    static func kind(of path: [String]) -> ArgumentKind {
        let key = path.joined(separator: " ")
        switch key {
        case "get", "describe", "delete", "edit", "patch", "label", "annotate", "wait", "scale", "autoscale", "expose",
             "taint", "events":
            return .resources
        case "explain": return .types
        case "logs", "exec", "attach", "port-forward", "top pod": return .names("pods")
        case "cordon", "uncordon", "drain", "top node": return .names("nodes")
        case "completion": return .fixed(["bash", "zsh", "fish", "powershell"])
        case "config use-context", "config set-context", "config delete-context", "config rename-context":
            return .fixed([ConfigCommand.contextName])
        case "run", "options", "version", "api-resources", "api-versions": return .none
        default: break
        }
        if path.first == "rollout" || path.first == "set" { return .resources }
        if path.first == "create" && path.count > 1 { return .none }
        if path.first == "config" { return .none }
        return .files
    }

    static func complete(path: [String], args: [String], typed: String, ctx: Completer.Context) -> CompletionResult {
        switch kind(of: path) {
        case .resources:
            if args.isEmpty {
                if let slash = typed.firstIndex(of: "/") {
                    let typeText = String(typed[..<slash])
                    let names = StoreNames.names(of: typeText, ctx: ctx).map { typeText + "/" + $0 }
                    return CompletionResult(names.filter { $0.hasPrefix(typed) }, .noFileComp)
                }
                return CompletionResult(resourceTypes(typed: typed), .noFileComp)
            }
            let first = args[0]
            if first.contains("/") || first.contains(",") { return CompletionResult([], .noFileComp) }
            let taken = Set(args.dropFirst())
            let names = StoreNames.names(of: first, ctx: ctx).filter { $0.hasPrefix(typed) && !taken.contains($0) }
            return CompletionResult(names, .noFileComp)
        case .types:
            return CompletionResult(args.isEmpty ? resourceTypes(typed: typed) : [], .noFileComp)
        case .names(let resource):
            if !args.isEmpty { return CompletionResult([], .noFileComp) }
            return CompletionResult(StoreNames.names(of: resource, ctx: ctx).filter { $0.hasPrefix(typed) }, .noFileComp)
        case .fixed(let values):
            return CompletionResult(args.isEmpty ? values.filter { $0.hasPrefix(typed) } : [], .noFileComp)
        case .none:
            return CompletionResult([], .noFileComp)
        case .files:
            return CompletionResult([], .default)
        }
    }

    /// Resource types: plural names (qualified with the group when another group uses the same plural),
    /// described by their kind; with a typed prefix, singular and short names that match too.
    static func resourceTypes(typed: String, registry: Registry = .builtin) -> [String] {
        var seenPlural = Set<String>()
        var out: [String] = []
        var seen = Set<String>()
        func add(_ word: String, _ description: String) {
            if word.hasPrefix(typed), seen.insert(word).inserted { out.append(word + "\t" + description) }
        }
        for t in registry.types {
            let plural = seenPlural.insert(t.plural).inserted ? t.plural : t.plural + "." + t.group
            add(plural, t.kind)
        }
        if !typed.isEmpty {
            for t in registry.types {
                add(t.singular, t.kind)
                for s in t.shortNames { add(s, t.kind) }
            }
        }
        return out
    }
}

/// Object names read from the store, for completion only: never creates or seeds a store.
enum StoreNames {
    static func names(of resourceText: String, ctx: Completer.Context) -> [String] {
        guard let type = try? Registry.builtin.resolve(resourceText).type else { return [] }
        let path = ctx.storePath
        guard access(path, F_OK) == 0,
              let server = try? APIServer.openExisting(path: path, registry: .builtin, clock: Clock(now: Clock.system())) else { return [] }
        let result: [String]? = try? server.read { s in
            var namespace: String? = nil
            if type.namespaced && !ctx.allNamespaces {
                if let ns = ctx.values["namespace"], !ns.isEmpty {
                    namespace = ns
                } else if let ns = try s.config("context.namespace"), !ns.isEmpty {
                    namespace = ns
                } else {
                    namespace = "default"
                }
            }
            var seen = Set<String>()
            return try s.listSummaries(type, namespace: namespace)
                .map(\.name).filter { seen.insert($0).inserted }
        }
        return result ?? []
    }
}
