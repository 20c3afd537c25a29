import KubeAPI
import KubeModel
import KubeRegistry

/// `kubectl describe`: kubectl's human-readable detail pages, with name-prefix matching.
enum DescribeCommand {
    static let spec = CommandSpec(
        "describe",
        use: "describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)",
        short: "Show details of an object or group of objects",
        group: "Troubleshooting and Debugging Commands:", options: DescribeOptions.self)
}

/// describe's options: the objects (names are prefixes when no object has the exact name) and events.
struct DescribeOptions: FlagOptions {
    var builder = ResourceBuilder()
    var showEvents = true

    static var flags: [OptionFlag<Self>] {
        [.builder(\.builder, CommonFlags.filenames("describe") + [CommonFlags.allNamespaces, CommonFlags.selector]),
         .noEffectOffline([CommonFlags.chunkSize]),
         .init(\.showEvents, "show-events", default: "true", usage: "Include the events that concern each object.")]
    }

    mutating func complete(_ inv: inout Invocation) throws { builder.requireNames = false }

    func validate(_ inv: Invocation) throws {
        if builder.isEmpty {
            throw CLIError.message("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.")
        }
    }

    func run(_ inv: inout Invocation) throws {
        let result = try builder.resolve(&inv)
        let server = try inv.server()
        var found: [(ResourceType, JSONValue)] = []
        var errors: [Error] = []
        var prefixMatched = false
        var missing = false
        for r in try result.infos(&inv, fetch: .latest, keepMissing: true) {
            switch r {
            case .failure(let e): errors.append(e)
            case .success(let info):
                guard let type = info.type else { continue }
                if let obj = info.object { found.append((type, obj)); continue }
                // describe falls back to every object whose name starts with the given one, in the
                // TYPE NAME form only (kubectl: exactly two arguments; TYPE/NAME is looked up as given).
                let prefixForm = inv.args.count == 2 && !inv.args[0].contains("/")
                let matches = info.source.isEmpty && prefixForm ? try server.read { s in
                    try s.list(type, namespace: info.namespace).filter { ($0["metadata"]["name"].string ?? "").hasPrefix(info.name) }
                } : []
                if matches.isEmpty {
                    missing = true
                    // The NotFound kubectl's read gave: of the namespace when that is what is missing.
                    let noNamespace = try server.read { s in ResourceResult.namespaceMissing(type, info.namespace, session: s) }
                    errors.append(noNamespace ? APIError.notFound("namespaces", info.namespace) : APIError.notFound(type.qualifiedPlural, info.name))
                } else {
                    prefixMatched = true
                    found += matches.map { (type, $0) }
                }
            }
        }
        // Two arguments and a NotFound send kubectl to its name-prefix search with the first argument as
        // the type and the second as the prefix: with TYPE/NAME words no name has that prefix, so it
        // describes nothing and returns the first error (`describe pod/a pod/missing`).
        if missing, inv.args.count == 2, inv.args[0].contains("/") { found = [] }
        let ctx = try server.read { s in
            StoreDescribeContext(now: inv.clock.now, showEvents: showEvents, session: s)
        }
        var first = true
        for (type, obj) in found {
            if let failure = Describers.failure(obj) {
                errors.append(CLIError.message(failure))
                continue
            }
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
        // describe names the namespace unless -A, whatever the types (nodes too), unlike get.
        if found.isEmpty && errors.isEmpty {
            inv.io.err.write(result.allNamespaces ? "No resources found\n" : "No resources found in \(result.namespace) namespace.\n")
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
        // One name in one namespace: the object with that key, if any.
        if fields.count == 1, fields[0].path == "metadata.name", namespace != nil || !type.namespaced {
            return (try? session.find(type, namespace: namespace ?? "", name: fields[0].value)).flatMap { $0 }.map { [$0] } ?? []
        }
        guard fields.allSatisfy({ session.indexesField($0.path, of: type) }) else {
            return list(resource, namespace: namespace).filter { obj in
                fields.allSatisfy { f in type.fieldValue(f.path, of: obj) == f.value }
            }
        }
        return (try? session.list(type, namespace: namespace, fieldValues: fields.map { ($0.path, $0.value) })) ?? []
    }

    func list(_ resource: String, namespace: String?, fields: [(path: String, value: String)], keeping: JSONKeep) -> [JSONValue] {
        guard let type = try? session.registry.resolve(resource).type,
              fields.allSatisfy({ session.indexesField($0.path, of: type) }) else {
            return list(resource, namespace: namespace, fields: fields)
        }
        return (try? session.list(type, namespace: namespace, fieldValues: fields.map { ($0.path, $0.value) }, keeping: keeping)) ?? []
    }

    /// The events about `object` (found by its name, as the store indexes them), as kubectl's searchEvents
    /// selects them: involvedObject kind and uid equal to the object's. For a Node also those whose uid is
    /// the node's name (the kubelet's), merged as kubectl merges its two searches.
    func events(for object: JSONValue) -> [JSONValue] {
        let uid = object["metadata"]["uid"].string ?? ""
        let name = object["metadata"]["name"].string ?? ""
        let ns = object["metadata"]["namespace"].string
        let kind = object["kind"].string ?? ""
        let named = list("events", namespace: ns ?? "default", fields: [("involvedObject.name", name)]).filter {
            $0["involvedObject"]["kind"].string == kind
        }
        let byUID = named.filter { e in
            let u = e["involvedObject"]["uid"].string ?? ""
            return uid.isEmpty || u == uid
        }
        let unnamed = kind == "Node" && !uid.isEmpty ? named.filter { $0["involvedObject"]["uid"].string == name } : []
        if unnamed.isEmpty { return byUID }
        return (byUID + unnamed).sorted { goStringLess($0["metadata"]["name"].string ?? "", $1["metadata"]["name"].string ?? "") }
    }
}

