import KubeAPI
import KubeRegistry

/// cobra's shell-completion directives: the number after `:` on the last line of `__complete`.
public struct CompletionDirective: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let `default`: CompletionDirective = []
    public static let error = CompletionDirective(rawValue: 1)
    public static let noSpace = CompletionDirective(rawValue: 2)
    public static let noFileComp = CompletionDirective(rawValue: 4)
    public static let filterFileExt = CompletionDirective(rawValue: 8)
    public static let filterDirs = CompletionDirective(rawValue: 16)
    public static let keepOrder = CompletionDirective(rawValue: 32)

    /// cobra's debug line: `ShellCompDirectiveNoFileComp`, or several names joined by `, `.
    var names: String {
        if isEmpty { return "ShellCompDirectiveDefault" }
        let all: [(CompletionDirective, String)] = [
            (.error, "ShellCompDirectiveError"), (.noSpace, "ShellCompDirectiveNoSpace"),
            (.noFileComp, "ShellCompDirectiveNoFileComp"), (.filterFileExt, "ShellCompDirectiveFilterFileExt"),
            (.filterDirs, "ShellCompDirectiveFilterDirs"), (.keepOrder, "ShellCompDirectiveKeepOrder"),
        ]
        return all.filter { contains($0.0) }.map(\.1).joined(separator: ", ")
    }
}

/// What a TAB offers: candidates (`value` or `value\tdescription`) and a directive.
public struct CompletionResult: Equatable, Sendable {
    public var candidates: [String]
    public var directive: CompletionDirective
    /// cobra's debug lines on stderr before the directive's (`[Debug] [Error] ...`).
    public var debug: [String] = []
    public init(_ candidates: [String], _ directive: CompletionDirective, debug: [String] = []) {
        self.candidates = candidates
        self.directive = directive
        self.debug = debug
    }
    public static func == (a: CompletionResult, b: CompletionResult) -> Bool {
        a.candidates == b.candidates && a.directive.rawValue == b.directive.rawValue
    }

    /// cobra's protocol: one candidate per line, then `:<directive>`.
    public func rendered(descriptions: Bool) -> String {
        var out = ""
        for c in candidates {
            if descriptions {
                out += c
            } else if let tab = c.firstIndex(of: "\t") {
                out += c[..<tab]
            } else {
                out += c
            }
            out += "\n"
        }
        return out + ":\(directive.rawValue)\n"
    }
}

/// The hidden `__complete` entry (cobra's protocol, as kubectl's): `kubectl-local __complete get pods ""`
/// completes the last word given the words before it. Everything comes from the command table (commands,
/// flags, `FlagSpec.completions`), the registry (resource types) and the store (object names, read from
/// row summaries without decoding objects; nothing is created when there is no store).
public enum Completer {
    /// `__complete` / `__completeNoDesc`: prints the answer; always succeeds, as cobra does.
    static func run(_ words: [String], descriptions: Bool, io: IOStreams, environment: [String: String]) -> Int32 {
        // cobra's __complete takes at least the word under the cursor.
        if words.isEmpty {
            io.err.write("error: requires at least 1 arg(s), only received 0\n")
            return 1
        }
        let result = complete(words, environment: environment)
        io.out.write(result.rendered(descriptions: descriptions))
        for line in result.debug { io.err.write(line + "\n") }
        // `options` sends everything of its own to stdout, cobra's closing debug line too.
        let ending = "Completion ended with directive: \(result.directive.names)\n"
        if words.first == "options" { io.out.write(ending) } else { io.err.write(ending) }
        return 0
    }

    /// Completes the last of `words` (the word under the cursor, possibly empty).
    public static func complete(_ words: [String], environment: [String: String]) -> CompletionResult {
        complete(words, environment: environment, root: RootCommand.spec, globals: GlobalFlags.all)
    }

    static func complete(_ words: [String], environment: [String: String], root: CommandSpec,
                         globals: [FlagSpec]) -> CompletionResult
    {
        let toComplete = words.last ?? ""
        let before = Array(words.dropLast())

        // The command: cobra's Find over the words before the cursor.
        var chain: [CommandSpec] = [root]
        var rest = before
        while true {
            let current = chain[chain.count - 1]
            let table = FlagTable(current.flags, globals, addHelp: false)
            let commandWords = CommandLineParser.stripFlags(rest, table)
            guard let next = commandWords.first, let sub = current.subcommand(named: next) else { break }
            rest = CommandLineParser.argsMinusFirstX(rest, next, table)
            chain.append(sub)
        }
        let command = chain[chain.count - 1]
        let path = chain.dropFirst().map(\.name)
        let table = FlagTable(command.flags, globals, addHelp: true)

        // cobra's help command completes command paths.
        if chain.count == 1, CommandLineParser.stripFlags(rest, table).first == "help" {
            var node = root
            for word in CommandLineParser.stripFlags(rest, table).dropFirst() {
                guard let sub = node.subcommand(named: word) else { return CompletionResult([], .noFileComp) }
                node = sub
            }
            return CompletionResult(commandNames(node, typed: toComplete, root: node.name == root.name), .noFileComp)
        }
        // cobra's Find: words left over at the root are no command (kubectl first tries them as a plugin).
        if chain.count == 1, let first = CommandLineParser.stripFlags(rest, table).first {
            var debug = first == rest.first ? ["[Debug] Cleared global flags for plugin completion"] : []
            debug.append("[Debug] [Error] unable to find a command for arguments: [\(before.joined(separator: " "))]")
            return CompletionResult([], .default, debug: debug)
        }

        // The flags and positional arguments before the cursor; a flag still waiting for its value.
        var ctx = Context(environment: environment)
        var pendingFlag: FlagSpec? = nil
        var afterDash = false
        var i = 0
        while i < rest.count {
            let s = rest[i]
            i += 1
            if afterDash || !s.hasPrefix("-") || s == "-" {
                ctx.args.append(s)
                continue
            }
            if s == "--" { afterDash = true; continue }
            let (flag, inline) = lookup(s, table)
            guard let flag else {
                // pflag stops at a flag it does not know: no completion.
                let what = s.hasPrefix("--") ? "unknown flag: " + String(s.split(separator: "=", maxSplits: 1)[0])
                    : "unknown shorthand flag: '\(s.dropFirst().prefix(1))' in \(s)"
                return CompletionResult([], .default, debug: [
                    "[Debug] [Error] Error while parsing flags from args [\(rest.joined(separator: " "))]: \(what)"])
            }
            if let inline {
                ctx.set(flag, inline)
            } else if flag.hasNoOptDefault {
                ctx.set(flag, flag.noOptDefault!)
            } else if i < rest.count {
                ctx.set(flag, rest[i])
                i += 1
            } else {
                pendingFlag = flag
            }
        }

        // A command's own flag named like a global one (config set-context --cluster) has no completion.
        let ownFlags = Set(command.flags.map(\.name)).intersection(["namespace", "context", "cluster", "user"])
        if let pendingFlag {
            if ownFlags.contains(pendingFlag.name) { return CompletionResult([], .default) }
            return flagValues(pendingFlag, typed: toComplete, path: path, ctx: ctx)
        }
        // `--flag=VALUE` and `-f=VALUE`: the value completes (the shell keeps what is before the `=`).
        if !afterDash && toComplete.hasPrefix("-"), let eq = toComplete.firstIndex(of: "=") {
            let name = toComplete[..<eq].drop { $0 == "-" }
            let flag = toComplete.hasPrefix("--") ? table.byName(String(name))
                : name.utf8.count == 1 ? table.byShorthand(name.utf8.first!) : nil
            guard let flag else { return CompletionResult([], .noFileComp) }
            if ownFlags.contains(flag.name) { return CompletionResult([], .default) }
            return flagValues(flag, typed: String(toComplete[toComplete.index(after: eq)...]), path: path, ctx: ctx)
        }
        // cobra offers nothing once --help is given.
        if ctx.given.contains("help") { return CompletionResult([], .noFileComp) }
        if !afterDash && toComplete.hasPrefix("-") {
            // `config` declares its own --kubeconfig (inherited by its subcommands).
            let own = command.flags.map(\.name) + ["help"] + (path == ["config"] ? ["kubeconfig"] : [])
            return flagNames(table, local: chain.count == 1 ? nil : Set(own), typed: toComplete, ctx: ctx)
        }
        let subs = command.subcommands.filter { !$0.hidden }
        if !subs.isEmpty && ctx.args.isEmpty {
            return CompletionResult(commandNames(command, typed: toComplete, root: chain.count == 1), .noFileComp)
        }
        // cobra offers the required flags not given yet before the arguments.
        let required = requiredFlags(table, typed: toComplete, ctx: ctx)
        let result = ArgumentCompletion.complete(path: path, args: ctx.args, typed: toComplete, ctx: ctx)
        return CompletionResult(required + result.candidates, result.directive, debug: result.debug)
    }

    /// cobra's `completeRequireFlags`: `--name` (and `-x`) of required flags not yet given that match.
    static func requiredFlags(_ table: FlagTable, typed: String, ctx: Context) -> [String] {
        var out: [String] = []
        for f in table.specs where f.required && !ctx.given.contains(f.name) {
            if ("--" + f.name).hasPrefix(typed) { out.append("--" + f.name + "\t" + f.usage) }
            if let s = f.shorthand, ("-" + String(s)).hasPrefix(typed) { out.append("-" + String(s) + "\t" + f.usage) }
        }
        return out
    }

    /// `--name`, `--name=value`, `-x`, `-xvalue`: the flag and its inline value.
    static func lookup(_ s: String, _ table: FlagTable) -> (FlagSpec?, String?) {
        if s.hasPrefix("--") {
            let body = s.dropFirst(2)
            if let eq = body.firstIndex(of: "=") {
                return (table.byName(String(body[..<eq])), String(body[body.index(after: eq)...]))
            }
            return (table.byName(String(body)), nil)
        }
        let bytes = Array(s.utf8)
        guard bytes.count >= 2, let flag = table.byShorthand(bytes[1]) else { return (nil, nil) }
        if bytes.count == 2 { return (flag, nil) }
        var value = bytes[2...]
        if value.first == UInt8(ascii: "=") { value = value.dropFirst() }
        if flag.hasNoOptDefault { return (flag, flag.noOptDefault) }
        return (flag, String(decoding: value, as: UTF8.self))
    }

    /// Subcommand names with their descriptions; the root also offers cobra's `help` command (and not
    /// kubectl-local's own `store`, which kubectl does not have).
    static func commandNames(_ command: CommandSpec, typed: String, root: Bool) -> [String] {
        var entries = command.subcommands.filter { !$0.hidden }.map { ($0.name, $0.short) }
        if root {
            entries.removeAll { kubectlLocalOnly.contains($0.0) }
            entries.append(("help", "Help about any command"))
        }
        return entries.filter { $0.0.hasPrefix(typed) }.sorted { $0.0 < $1.0 }.map { $0.0 + "\t" + $0.1 }
    }

    /// Commands and flags of kubectl-local that kubectl does not have: they work, but completion offers
    /// what kubectl offers.
    static let kubectlLocalOnly: Set<String> = ["store", "schema"]

    /// Flag names for a word starting with `-`: the required flags not yet given if any match (as cobra),
    /// else every visible flag not yet given (lists may repeat): the inherited (global) flags first, then
    /// the command's own (`local`; nil at the root, where all are its own), each sorted, as cobra lists them.
    static func flagNames(_ table: FlagTable, local: Set<String>?, typed: String, ctx: Context) -> CompletionResult {
        let required = requiredFlags(table, typed: typed, ctx: ctx)
        if !required.isEmpty { return CompletionResult(required, .noFileComp) }
        var out: [String] = []
        let visible = table.specs.filter { !$0.hidden && !kubectlLocalOnly.contains($0.name) }
        let inherited = local.map { l in visible.filter { !l.contains($0.name) } } ?? []
        let own = local.map { l in visible.filter { l.contains($0.name) } } ?? visible
        for f in inherited.sorted(by: { $0.name < $1.name }) + own.sorted(by: { $0.name < $1.name }) {
            let repeatable = f.kind == .stringArray || f.kind == .stringSlice
            if ctx.given.contains(f.name) && !repeatable { continue }
            let long = "--" + f.name
            if long.hasPrefix(typed) { out.append(long + "\t" + f.usage) }
            if let s = f.shorthand, ("-" + String(s)).hasPrefix(typed), !typed.hasPrefix("--") {
                out.append("-" + String(s) + "\t" + f.usage)
            }
        }
        return CompletionResult(out, .noFileComp)
    }

    /// Values of one flag, for the flags kubectl v1.32 registers a completion for (the global
    /// namespace, context, cluster and user; get's --output and --subresource; exec's --container; file
    /// flags); any other flag gets cobra's default (no candidates, the shell's file names).
    static func flagValues(_ flag: FlagSpec, typed: String, path: [String], ctx: Context) -> CompletionResult {
        func offer(_ values: [String], _ directive: CompletionDirective = .noFileComp) -> CompletionResult {
            CompletionResult(values.filter { $0.hasPrefix(typed) }, directive)
        }
        switch (path, flag.name) {
        case (["get"], "output"):
            return offer(CommonFlags.outputFormats + ["custom-columns", "custom-columns-file", "wide"])
        case (["get"], "subresource"):
            return offer(["status", "scale", "resize"])
        case (["exec"], "container"):
            guard let pod = ctx.args.first else { return CompletionResult([], .noFileComp) }
            return CompletionResult(ArgumentCompletion.containerNames(pod, typed: typed, ctx: ctx), .noFileComp)
        default:
            break
        }
        switch flag.name {
        case "namespace":
            return offer(ArgumentCompletion.names(of: "namespaces", typed: "", ctx: ctx))
        case "context":
            return offer(ctx.kubeconfig.contexts.map(\.name))
        case "cluster":
            return offer(ctx.kubeconfig.clusters.map(\.name))
        case "user":
            return offer(ctx.kubeconfig.users.map(\.name))
        case "filename":
            return CompletionResult(["json", "yaml", "yml"], .filterFileExt)
        default:
            return CompletionResult([], .default)
        }
    }

    /// What the words before the cursor set, for the store queries.
    struct Context {
        var environment: [String: String]
        var values: [String: String] = [:]
        var given: Set<String> = []
        var args: [String] = []
        /// The store (through the API), opened when first asked (after the flags, `--store` included, are read).
        private(set) var store: CompletionStore

        /// The kubeconfig (the file, or the home store's default document; never written here).
        private(set) var kubeconfig: Kubeconfig
        private var active: ActiveContext?
        /// No kubeconfig file yet: the namespace may still be the one older versions kept in the store.
        private var legacyNamespace = false

        init(environment: [String: String]) {
            self.environment = environment
            kubeconfig = Kubeconfig()
            store = CompletionStore(path: "")
            reselect()
        }

        mutating func set(_ flag: FlagSpec, _ value: String) {
            values[flag.name] = value
            given.insert(flag.name)
            if ActiveContext.selectorFlags.contains(flag.name) { reselect() }
        }

        /// As `Invocation.activeContext()`: the kubeconfig and the store of the selected cluster.
        private mutating func reselect() {
            var selection: [String: String] = [:]
            for name in ActiveContext.selectorFlags { selection[name] = values[name] }
            let location = KubeconfigLocation(flagValues: selection, environment: environment)
            let file = (try? KubeconfigFile.read(location.path)) ?? nil
            legacyNamespace = file == nil && !location.explicit
            kubeconfig = file ?? (location.explicit ? Kubeconfig() : location.defaultConfig(namespace: nil))
            active = try? ActiveContext.resolve(kubeconfig, location: location, flagValues: selection)
            store = CompletionStore(path: active?.storePath ?? location.homeStore)
        }

        /// The request namespace: `-n`, else the current context's, else `default`.
        func requestNamespace(_ session: APISession) throws -> String {
            if let ns = values["namespace"], !ns.isEmpty { return ns }
            if let ns = active?.namespace, !ns.isEmpty { return ns }
            return legacyNamespace ? try session.contextNamespace() ?? "default" : "default"
        }
    }
}
