#if canImport(Glibc)
import Glibc
#endif
import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// `store export [--dir DIR]`: the objects a user made, cleaned of what a cluster assigns
/// (`ExportRules`), as one YAML stream (`kubectl apply -f`) or one file per object.
struct StoreExportOptions: StoreOptions {
    var dir = ""

    static var flags: [OptionFlag<Self>] {
        [.init(\.dir, "dir", usage: "Write DIR/NAMESPACE/RESOURCE/NAME.yaml (cluster-scoped objects under DIR/_cluster) instead of one stream on stdout.")]
    }

    func run(_ inv: inout Invocation) throws {
        let server = try inv.server()
        let seed = try server.seedKeys()
        var first = true
        var written = 0
        let out = inv.io.out
        try server.read { s in
            try s.forEachExported(seed: seed) { obj, type in
                let text = ObjectPrinter.yaml(obj)
                if dir.isEmpty {
                    out.write((first ? "" : "---\n") + text)
                    first = false
                } else {
                    try writeObjectFile(text, obj: obj, type: type)
                    written += 1
                }
            }
        }
        if !dir.isEmpty { inv.io.out.write("exported \(written) objects to \(dir)\n") }
    }

    /// DIR/NAMESPACE/RESOURCE/NAME.yaml, or DIR/_cluster/RESOURCE/NAME.yaml.
    private func writeObjectFile(_ text: String, obj: JSONValue, type: ResourceType) throws {
        let ns = type.namespaced ? (obj["metadata"]["namespace"].string ?? "default") : "_cluster"
        let name = ExportRules.fileBase(KubeconfigLocation.fileName(obj["metadata"]["name"].string ?? ""))
        let path = "\(dir)/\(ns)/\(type.qualifiedPlural)/\(name).yaml"
        try KubeconfigFile.makeParentDirectories(of: path)
        if let f = writeWholeFile(path, text) { throw CLIError.message("\(f.call) \(path): \(goErrnoText(f.errno))") }
    }
}

/// `store import -f FILE`: objects from a cluster (a `kubectl get -o yaml` List or a stream) stored
/// as they were, status and uids included (`APISession.restore`); namespaces and CRDs first, the rest
/// in export order (`ExportRules.place`).
struct StoreImportOptions: StoreOptions {
    var files: [String] = []
    var recursive = false

    static var flags: [OptionFlag<Self>] {
        [.init(\.files, "filename", short: "f", usage: "Files (YAML or JSON, Lists too) to load; - reads stdin."),
         .init(\.recursive, "recursive", short: "R", usage: "Read the directories given with -f and their subdirectories.")]
    }

    func validate(_ inv: Invocation) throws {
        if files.isEmpty { throw CLIError.usage("must specify one of -f and -k") }
    }

    func run(_ inv: inout Invocation) throws {
        let io = inv.io
        let objects = try FileSource.read(paths: files, recursive: recursive, stdin: { io.readStdin() })
        let early = objects.filter { Self.isEarly($0.object) }
        // In the order an export writes (what a quota, limit range or webhook judges goes in before it).
        let rest = objects.filter { !Self.isEarly($0.object) }.enumerated().sorted { a, b in
            let pa = ExportRules.place(a.element.object), pb = ExportRules.place(b.element.object)
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
        let server = try inv.server()
        var failures: [Error] = []
        var created = 0, replaced = 0, kept = 0
        for batch in [early, rest] where !batch.isEmpty {
            let registry = server.registry
            try server.write { s in
                var restored: [(JSONValue, ResourceType)] = []
                var gone: [String] = []
                for item in batch {
                    let obj = item.object
                    guard let type = registry.type(apiVersion: obj["apiVersion"].string ?? "", kind: obj["kind"].string ?? "") else {
                        failures.append(CLIError.message("resource mapping not found for name: \(strconvQuote(obj["metadata"]["name"].string ?? "")) namespace: \(strconvQuote(obj["metadata"]["namespace"].string ?? "")) from \(strconvQuote(item.source)): no matches for kind \(strconvQuote(obj["kind"].string ?? "")) in version \(strconvQuote(obj["apiVersion"].string ?? ""))"))
                        continue
                    }
                    do {
                        if obj["metadata"]["uid"].string?.isEmpty ?? true {
                            // A manifest (no uid: never stored by a cluster) goes in as a client creates it.
                            if try Self.createIfMissing(obj, type: type, s) { created += 1 } else { kept += 1 }
                            continue
                        }
                        switch try s.restore(obj, type: type) {
                        case .created: created += 1
                        case .replaced(let previous):
                            replaced += 1
                            gone.append(previous)
                        }
                        restored.append((obj, type))
                    } catch {
                        failures.append(error)
                    }
                }
                try s.settleRestored(restored, goneUIDs: gone)
            }
            try server.loadCustomResources(columns: .jsonPath)  // the kinds of imported CRDs
        }
        let active = try inv.activeContext()
        var summary = "imported \(created + replaced) objects into \(active.storePath) (\(created) new, \(replaced) replaced"
        summary += kept > 0 ? ", \(kept) manifests left out: their objects exist)\n" : ")\n"
        inv.io.out.write(summary)
        if !failures.isEmpty { throw CLIError.aggregate(failures) }
    }

    /// Creates `obj` through the API (admission, defaults, controllers) unless an object of that name
    /// exists (then it is left as it is: `kubectl apply` is the way to change it); true when created.
    static func createIfMissing(_ input: JSONValue, type: ResourceType, _ s: APISession) throws -> Bool {
        var obj = input
        obj.remove(["metadata", "resourceVersion"])
        let ns = type.namespaced ? (obj["metadata"]["namespace"].string ?? "default") : ""
        if try s.find(type, namespace: ns, name: obj["metadata"]["name"].string ?? "") != nil { return false }
        try s.create(obj, type: type, namespace: ns)
        return true
    }

    /// Namespaces and CRDs go in first: other objects need them.
    static func isEarly(_ obj: JSONValue) -> Bool {
        let kind = obj["kind"].string ?? "", version = obj["apiVersion"].string ?? ""
        return (kind == "Namespace" && version == "v1") || (kind == "CustomResourceDefinition" && version.hasPrefix("apiextensions.k8s.io/"))
    }
}
