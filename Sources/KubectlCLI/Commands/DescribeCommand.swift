import KubeAPI
import KubeModel
import KubeRegistry

/// `kubectl describe`: kubectl's human-readable detail pages, with name-prefix matching.
enum DescribeCommand {
    static let spec = CommandSpec(
        "describe",
        use: "describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)",
        short: "Show details of an object or group of objects",
        flags: CommonFlags.filenames("describe") + [
            CommonFlags.allNamespaces,
            FlagSpec("chunk-size", .int, default: "500", usage: "Fetch large lists in pages of this size. No effect offline: lists stream from the store."),
            CommonFlags.selector,
            FlagSpec("show-events", .bool, default: "true", usage: "Include the events that concern each object."),
        ],
        group: "Troubleshooting and Debugging Commands:",
        run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        let files = inv.flags.strings("filename")
        if inv.args.isEmpty && files.isEmpty {
            throw CLIError.message("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.")
        }
        let server = try inv.server()
        let namespace = try inv.namespace()
        let allNamespaces = inv.flags.bool("all-namespaces")
        let selector = try parseLabelSelector(inv.flags.string("selector"))
        var found: [(ResourceType, JSONValue)] = []
        var errors: [Error] = []
        var prefixMatched = false
        var selection: ResourceSelection? = nil
        try server.read { s in
            if !files.isEmpty {
                let objects = try FileSource.read(paths: files, recursive: inv.flags.bool("recursive"), stdin: inv.io.readStdin)
                for o in objects {
                    let type = try mapping(for: o, registry: server.registry)
                    let ns = o.object["metadata"]["namespace"].string ?? namespace
                    do { found.append((type, try s.get(type, namespace: ns, name: o.object["metadata"]["name"].string ?? ""))) } catch {
                        errors.append(error)
                    }
                }
                return
            }
            let sel = try ResourceArgs.parse(inv.args, registry: server.registry)
            selection = sel
            for w in sel.warnings { inv.warn(w) }
            for req in sel.requests {
                if req.names.isEmpty {
                    for obj in try s.list(req.type, namespace: allNamespaces ? nil : namespace) {
                        if let selector, !selector.matches(labels: obj["metadata"]["labels"]) { continue }
                        found.append((req.type, obj))
                    }
                    continue
                }
                for name in req.names {
                    if let obj = try s.find(req.type, namespace: namespace, name: name) {
                        found.append((req.type, obj))
                        continue
                    }
                    // describe falls back to every object whose name starts with the given one.
                    let matches = try s.list(req.type, namespace: namespace).filter {
                        ($0["metadata"]["name"].string ?? "").hasPrefix(name)
                    }
                    if matches.isEmpty {
                        errors.append(APIError.notFound(req.type.qualifiedPlural, name))
                    } else {
                        prefixMatched = true
                        found += matches.map { (req.type, $0) }
                    }
                }
            }
        }
        let ctx = try server.read { s in
            StoreDescribeContext(now: inv.clock.now, showEvents: inv.flags.bool("show-events"), session: s)
        }
        var first = true
        for (type, obj) in found {
            let text = try server.read { s -> String in
                ctx.session = s
                let describer = type.describer ?? Describers.generic
                return describer(obj, ctx)
            }
            if prefixMatched {
                inv.io.out.write(text + "\n")
            } else {
                if !first { inv.io.out.write("\n\n") }
                inv.io.out.write(text)
            }
            first = false
        }
        if found.isEmpty && errors.isEmpty {
            let allNamespaced = selection?.requests.allSatisfy({ $0.type.namespaced }) ?? true
            inv.io.err.write(allNamespaced && !allNamespaces ? "No resources found in \(namespace) namespace.\n" : "No resources found\n")
        }
        if !errors.isEmpty { throw CLIError.aggregate(errors) }
    }
}


/// DescribeContext over an API session.
final class StoreDescribeContext: DescribeContext {
    let now: Timestamp
    let showEvents: Bool
    var session: APISession

    init(now: Timestamp, showEvents: Bool, session: APISession) {
        self.now = now
        self.showEvents = showEvents
        self.session = session
    }

    func list(_ resource: String, namespace: String?) -> [JSONValue] {
        guard let type = try? session.registry.resolve(resource).type else { return [] }
        return (try? session.list(type, namespace: namespace)) ?? []
    }

    func list(_ resource: String, namespace: String?, fields: [(path: String, value: String)]) -> [JSONValue] {
        guard let type = try? session.registry.resolve(resource).type else { return [] }
        guard fields.allSatisfy({ session.indexesField($0.path, of: type) }) else {
            return list(resource, namespace: namespace).filter { obj in
                fields.allSatisfy { f in fieldValue(f.path, of: obj, type: type) == f.value }
            }
        }
        return (try? session.list(type, namespace: namespace, fieldValues: fields.map { ($0.path, $0.value) })) ?? []
    }

    /// The events about `object`: by its uid, or by kind and name when an event names no uid.
    func events(for object: JSONValue) -> [JSONValue] {
        let uid = object["metadata"]["uid"].string ?? ""
        let name = object["metadata"]["name"].string ?? ""
        let ns = object["metadata"]["namespace"].string
        let kind = object["kind"].string ?? ""
        let byUID = uid.isEmpty ? [] : list("events", namespace: ns ?? "default", fields: [("involvedObject.uid", uid)])
        let unnamed = list("events", namespace: ns ?? "default", fields: [("involvedObject.uid", "")]).filter { e in
            e["involvedObject"]["name"].string == name && e["involvedObject"]["kind"].string == kind
        }
        if unnamed.isEmpty { return byUID }
        return (byUID + unnamed).sorted { goStringLess($0["metadata"]["name"].string ?? "", $1["metadata"]["name"].string ?? "") }
    }
}

