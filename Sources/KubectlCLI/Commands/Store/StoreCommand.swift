#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel

/// `kubectl-local store`: kubectl-local's own commands for the store of the context in use (not
/// kubectl's): what it holds, starting over, and moving objects to and from a real cluster.
enum StoreCommand {
    static let spec = CommandSpec(
        "store", use: "store SUBCOMMAND",
        short: "Inspect, reset, export or import the store of the current context (kubectl-local only)",
        long: """
            Commands of kubectl-local itself, for the store behind the context in use (see kubectl config).

             export writes the objects you made as manifests a real cluster accepts; import loads a kubectl get -o yaml dump taken from a cluster.
            """,
        subcommands: [
            CommandSpec("export", use: "export [--dir=DIR]", short: "Write the objects you made as manifests for a real cluster",
                        example: """
                            # Everything you made, as one YAML stream for kubectl apply -f
                            kubectl-local store export > cluster.yaml
                            """,
                        options: StoreExportOptions.self),
            CommandSpec("import", use: "import -f FILENAME", short: "Load objects as a cluster keeps them (kubectl get -o yaml)",
                        example: """
                            # Load what a real cluster holds, status and uids included
                            kubectl get all,cm,secrets -A -o yaml | kubectl-local store import -f -
                            """,
                        options: StoreImportOptions.self),
            CommandSpec("info", use: "info", short: "Show the store's file, schema version, size and objects per kind",
                        options: StoreInfoOptions.self),
            CommandSpec("reset", use: "reset --yes", short: "Start the store over as a fresh cluster",
                        options: StoreResetOptions.self),
        ],
        group: "Other Commands:")


    /// The store's file and the files SQLite keeps beside it.
    static func files(_ path: String) -> [String] { [path, path + "-wal", path + "-shm"] }

    static func size(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }
}

/// The store commands take flags only.
protocol StoreOptions: FlagOptions {}

extension StoreOptions {
    mutating func complete(_ inv: inout Invocation) throws {
        if !inv.args.isEmpty { throw CLIError.usage("unexpected arguments: \(inv.args.joined(separator: " "))") }
    }
}

/// `store info`.
struct StoreInfoOptions: StoreOptions {
    static var flags: [OptionFlag<Self>] { [] }

    func run(_ inv: inout Invocation) throws {
        let active = try inv.activeContext()
        let server = try inv.server()
        var counts: [(String, Int)] = []
        try server.read { s in
            for type in server.registry.types {
                let n = try s.count(type)
                if n > 0 { counts.append((type.qualifiedPlural, n)) }
            }
        }
        let bytes = StoreCommand.files(active.storePath).compactMap(StoreCommand.size).reduce(0, +)
        var tw = TabWriter(minWidth: 0, padding: 1)
        tw.writeRow(["Store:", active.storePath])
        tw.writeRow(["Context:", active.contextName.isEmpty ? "<none>" : active.contextName])
        tw.writeRow(["Cluster:", active.clusterName.isEmpty ? KubeconfigLocation.defaultName : active.clusterName])
        tw.writeRow(["Kubeconfig:", inv.kubeconfigLocation.path])
        tw.writeRow(["Schema version:", String(server.schemaVersion)])
        tw.writeRow(["Size:", "\(bytes) bytes"])
        tw.writeRow(["Objects:", String(counts.reduce(0) { $0 + $1.1 })])
        var table = TabWriter.table()
        table.writeRow(["RESOURCE", "COUNT"])
        for (name, n) in counts.sorted(by: { goStringLess($0.0, $1.0) }) { table.writeRow([name, String(n)]) }
        inv.io.out.write(tw.flush() + "\n" + table.flush())
    }
}

/// `store reset --yes`: the store file is removed and created again, seeded as a fresh cluster.
struct StoreResetOptions: StoreOptions {
    var confirmed = false

    static var flags: [OptionFlag<Self>] { [.init(\.confirmed, "yes", usage: "Confirm: delete every object of the store.")] }

    func run(_ inv: inout Invocation) throws {
        let active = try inv.activeContext()
        guard confirmed else {
            throw CLIError.message("store reset deletes every object of \(active.storePath); run it again with --yes to go ahead")
        }
        _ = try inv.server()  // refuses a file that is not a kubectl-local store
        inv.services.server = nil
        inv.services.serverPath = nil
        for file in StoreCommand.files(active.storePath) where unlink(file) != 0 && errno != ENOENT {
            throw CLIError.message("cannot remove \(file): \(goErrnoText(errno))")
        }
        _ = try inv.server()
        inv.io.out.write("store \(active.storePath) reset to a fresh cluster\n")
    }
}
