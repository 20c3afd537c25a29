import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

enum ExposeCommand {
    static let spec = CommandSpec(
        "expose", use: "expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]",
        short: "Create a Service that selects the pods of an existing object",
        flags: CommonFlags.output(tables: false) + CommonFlags.filenames("expose") + [
            FlagSpec("cluster-ip", .string, usage: "ClusterIP for the service; None makes it headless."),
            FlagSpec("container-port", .string, usage: "Synonym for --target-port.", hidden: true),
            CommonFlags.dryRun,
            FlagSpec("external-ip", .string, usage: "An external IP address to accept traffic on."),
            CommonFlags.fieldManager("kubectl-expose"),
            FlagSpec("labels", short: "l", .string, usage: "Labels for the service (default: the target's labels)."),
            FlagSpec("load-balancer-ip", .string, usage: "IP for a LoadBalancer service."),
            FlagSpec("name", .string, usage: "Name of the service (default: the target's name)."),
            FlagSpec("override-type", .string, default: "merge", usage: "Patch type for --overrides."),
            FlagSpec("overrides", .string, usage: "Inline JSON patched into the generated object."),
            FlagSpec("port", .string, usage: "Port the service serves on (default: the target's ports)."),
            FlagSpec("protocol", .string, usage: "Network protocol of the service port (TCP, UDP, SCTP)."),
            CommonFlags.record,
            FlagSpec("save-config", .bool, usage: "Record the object in the last-applied-configuration annotation, for later apply."),
            FlagSpec("selector", .string, usage: "Selector for the service (default: the target's)."),
            FlagSpec("session-affinity", .string, usage: "None or ClientIP."),
            FlagSpec("target-port", .string, usage: "Container port (number or name) the service forwards to."),
            FlagSpec("type", .string, usage: "ClusterIP, NodePort, LoadBalancer or ExternalName."),
        ],
        group: "Basic Commands (Beginner):", run: { try run(&$0) })

    static func run(_ inv: inout Invocation) throws {
        try Workloads.requireResources(inv, inv.args)
        let format = try Workloads.format(inv)
        let dryRun = try DryRun.from(inv)
        let (targets, errors) = try Workloads.collect(&inv, resources: inv.args)
        if let e = errors.first { throw e }
        let server = try inv.server()
        let namespace = try inv.namespace()
        guard let svcType = server.registry.type(group: "", kind: "Service") else { return }
        for t in targets {
            var service = try service(for: t, inv: inv, namespace: namespace)
            if !inv.flags.string("overrides").isEmpty {
                service = try RunOverrides.apply(service, overrides: inv.flags.string("overrides"),
                                                 type: inv.flags.string("override-type"))
            }
            if inv.flags.bool("save-config") { service = LastApplied.annotate(service) }
            var result = service
            if dryRun != .client {
                result = try server.write { try $0.create(service, type: svcType, namespace: t.namespace.isEmpty ? namespace : t.namespace, dryRun: dryRun == .server) }
            }
            try OperationPrinter(format: format, dryRun: dryRun, flags: inv.flags, typedJSON: dryRun == .client)
                .printNow(result, type: svcType, operation: "exposed", inv: &inv)
        }
    }

    /// The Service kubectl's service generator makes for an object.
    static func service(for t: WorkTarget, inv: Invocation, namespace: String) throws -> JSONValue {
        let type = t.type
        let gk = type.map { $0.group.isEmpty ? $0.kind : "\($0.kind).\($0.group)" } ?? t.kind
        let key = "\(type?.group ?? "")/\(type?.kind ?? t.kind)"
        guard ["/Pod", "/Service", "/ReplicationController", "apps/Deployment", "apps/ReplicaSet"].contains(key) else {
            throw CLIError.message("cannot expose a \(gk)")
        }
        let o = t.object
        let selector = try self.selector(t, key: key, gk: gk, flag: inv.flags.string("selector"))
        let portValues = try ports(o, key: key, type: type, inv: inv)
        let name = inv.flags.string("name").isEmpty ? t.name : inv.flags.string("name")
        var labels: JSONValue? = o["metadata"]["labels"].isEmptyValue ? nil : o["metadata"]["labels"]
        let labelFlag = inv.flags.string("labels")
        if !labelFlag.isEmpty { labels = try sortedPairs(labelFlag) }
        let svcTypeFlag = inv.flags.string("type")
        let lbIP = inv.flags.string("load-balancer-ip")
        let clusterIP = inv.flags.string("cluster-ip")
        let external = inv.flags.string("external-ip")
        let affinity = inv.flags.string("session-affinity")
        let spec = Gen.obj([
            ("ports", .array(portValues)),
            ("selector", selector),
            ("clusterIP", clusterIP.isEmpty ? nil : .string(clusterIP)),
            ("type", svcTypeFlag.isEmpty ? nil : .string(svcTypeFlag)),
            ("externalIPs", external.isEmpty ? nil : .array([.string(external)])),
            ("sessionAffinity", affinity.isEmpty ? nil : .string(affinity)),
            ("loadBalancerIP", svcTypeFlag == "LoadBalancer" && !lbIP.isEmpty ? .string(lbIP) : nil),
        ])
        return Gen.obj([
            ("kind", "Service"), ("apiVersion", "v1"),
            ("metadata", Gen.meta(name: name, namespace: inv.namespaceExplicit ? namespace : nil, labels: labels)),
            ("spec", spec),
            ("status", ["loadBalancer": .emptyObject]),
        ])
    }

    /// `a=b,c=d` as a sorted map (`--selector`, `--labels`).
    static func sortedPairs(_ text: String) throws -> JSONValue {
        var pairs: [(String, String)] = []
        for item in text.split(separator: ",") {
            let kv = item.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { throw CLIError.message("unexpected label spec: \(item)") }
            pairs.append((String(kv[0]), String(kv[1])))
        }
        return Gen.sortedMap(pairs)
    }

    /// `--selector`, else the object's own selector (a Pod's labels).
    static func selector(_ t: WorkTarget, key: String, gk: String, flag: String) throws -> JSONValue {
        if !flag.isEmpty { return try sortedPairs(flag) }
        let o = t.object
        let selector: JSONValue
        switch key {
        case "/Pod": selector = o["metadata"]["labels"]
        case "/Service", "/ReplicationController": selector = o["spec"]["selector"]
        default:
            if !(o["spec"]["selector"]["matchExpressions"].array ?? []).isEmpty {
                throw CLIError.message("couldn't convert expressions - \"\(o["spec"]["selector"].compactJSON)\" to map: the selector has expressions that cannot be represented as a map")
            }
            selector = o["spec"]["selector"]["matchLabels"]
        }
        if selector.isEmptyValue {
            throw CLIError.message("couldn't retrieve selectors via --selector flag or introspection: the \(gk) \(goQuoted(t.name)) has no selector")
        }
        return selector
    }

    /// `--port` (comma separated), else the Service's ports or the containers' ports; with `--protocol`
    /// and `--target-port`.
    static func ports(_ o: JSONValue, key: String, type: ResourceType?, inv: Invocation) throws -> [JSONValue] {
        var ports: [(port: String, proto: String, name: String)] = []
        let portFlag = inv.flags.string("port")
        if !portFlag.isEmpty {
            for p in portFlag.split(separator: ",") { ports.append((String(p), "", "")) }
        } else if key == "/Service" {
            for p in o["spec"]["ports"].array ?? [] {
                ports.append((String(p["port"].int ?? 0), p["protocol"].string ?? "", p["name"].string ?? ""))
            }
        } else {
            let podSpec = o.at(Workloads.podSpecPath(o, type: type) ?? [])
            for c in podSpec["containers"].array ?? [] {
                for p in c["ports"].array ?? [] {
                    ports.append((String(p["containerPort"].int ?? 0), p["protocol"].string ?? "", p["name"].string ?? ""))
                }
            }
        }
        if ports.isEmpty { throw CLIError.message("couldn't find port via --port flag or introspection") }
        let protocolFlag = inv.flags.string("protocol")
        var portValues: [JSONValue] = []
        var targetPort = inv.flags.string("target-port")
        if targetPort.isEmpty { targetPort = inv.flags.string("container-port") }
        for (i, p) in ports.enumerated() {
            guard let n = Int64(p.port) else {
                throw CLIError.message("strconv.Atoi: parsing \(goQuoted(p.port)): invalid syntax")
            }
            let name: String? = ports.count > 1 ? "port-\(i + 1)" : nil
            let proto = !protocolFlag.isEmpty ? protocolFlag : (p.proto.isEmpty ? "TCP" : p.proto)
            let tp: JSONValue = targetPort.isEmpty ? .int(n) : (Int64(targetPort).map { .int($0) } ?? .string(targetPort))
            portValues.append(Gen.obj([("name", name.map { .string($0) }), ("protocol", .string(proto)),
                                       ("port", .int(n)), ("targetPort", tp)]))
        }
        return portValues
    }
}
