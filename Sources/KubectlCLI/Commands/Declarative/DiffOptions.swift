import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// diff's options: the objects come from the resource builder (`-f`/`-k`, `-l`); for each, the live
/// object and what apply would make of it (a server-side dry run) are written as YAML for the diff
/// program. The first object that cannot be read, mapped or merged ends the command.
struct DiffOptions: FlagOptions {
    var builder = ResourceBuilder()
    var serverSide = false
    var forceConflicts = false
    var showManagedFields = false
    var prune = false
    var pruneAllowlist: [String] = []
    /// Accepted, no effect offline (README, help): objects are diffed one after another.
    var concurrency = 1

    static var flags: [OptionFlag<Self>] {
        [.init(\.builder, CommonFlags.filenames("diff") + [CommonFlags.selector]) { ResourceBuilder.from($0, args: []) },
         .fieldManager("kubectl-client-side-apply"),
         .init(\.forceConflicts, "force-conflicts", usage: "With --server-side, take over fields other managers own."),
         .init(\.concurrency, "concurrency", default: "1", usage: "Objects processed in parallel. No effect offline."),
         .init(\.prune, "prune", usage: "Include objects --prune would delete."),
         .init(\.pruneAllowlist, "prune-allowlist", .stringArray, usage: "group/version/kind types --prune may delete."),
         .init(\.serverSide, "server-side", usage: "Compute the merged object with server-side apply."),
         .init(\.showManagedFields, "show-managed-fields", usage: "Include metadata.managedFields in the diff.")]
    }

    mutating func complete(_ inv: inout Invocation) throws {
        if serverSide { inv.request.defaultFieldManager = "kubectl" }
    }

    func validate(_ inv: Invocation) throws {
        if !inv.args.isEmpty { throw CLIError.unexpectedArgs(inv.args) }
        try builder.requireFiles()
        if forceConflicts && !serverSide { throw CLIError.message("--force-conflicts only works with --server-side") }
        if prune { _ = try ApplyCommand.pruneAllowlist(pruneAllowlist) }
    }

    func run(_ inv: inout Invocation) throws {
        let server = try inv.server()
        let result = try builder.resolve(&inv)
        let live = try DiffCommand.makeTempDir("LIVE-")
        let merged = try DiffCommand.makeTempDir("MERGED-")
        defer {
            removeTree(live)
            removeTree(merged)
        }
        var visited: [ApplyCommand.Visited] = []
        var namespaces: [String] = []
        for r in try result.infos(&inv, fetch: .names) {
            let info = try r.get()
            guard let type = info.type else { continue }
            visited.append((type, info.namespace, info.name))
            if type.namespaced && !namespaces.contains(info.namespace) { namespaces.append(info.namespace) }
            let obj = info.objectInNamespace
            let current = try server.read { try $0.find(type, namespace: info.namespace, name: info.name) }
            // The would-be object: a server-side dry run of what apply would send.
            var sink = inv
            sink.io = IOStreams.buffers()
            let (after, _) = serverSide
                ? try ApplyCommand.serverSideApply(obj, type: type, namespace: info.namespace, dryRun: .server,
                                                  forceConflicts: forceConflicts, inv: &sink, server: server,
                                                  advice: false)
                : try ApplyCommand.clientSideApply(obj, type: type, namespace: info.namespace, source: info.source, dryRun: .server,
                                                   force: false, inv: &sink, server: server)
            let fileName = DiffCommand.fileName(type, namespace: info.namespace, name: info.name)
            // kubectl writes a file for each side; an object not there yet has an empty live file.
            try DiffCommand.writeFile(live + "/" + fileName, try current.map { try OutputWriter.yaml(DiffCommand.prepare($0, show: showManagedFields)) } ?? "")
            try DiffCommand.writeFile(merged + "/" + fileName, try OutputWriter.yaml(DiffCommand.prepare(after, show: showManagedFields)))
        }
        // --prune: what apply --prune would delete shows as gone (a live file without a merged one).
        if prune {
            for (type, obj) in try ApplyCommand.pruneCandidates(
                server: server, allow: ApplyCommand.pruneAllowlist(pruneAllowlist), visited: visited,
                namespaces: namespaces, selector: result.labels)
            {
                let name = DiffCommand.fileName(type, namespace: obj["metadata"]["namespace"].string ?? "",
                                                name: obj["metadata"]["name"].string ?? "")
                try DiffCommand.writeFile(live + "/" + name, try OutputWriter.yaml(DiffCommand.prepare(obj, show: showManagedFields)))
                try DiffCommand.writeFile(merged + "/" + name, "")  // what apply --prune leaves: nothing
            }
        }
        try DiffCommand.runDiffProgram(live: live, merged: merged, inv: &inv)
    }
}
