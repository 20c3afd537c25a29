import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

enum ExposeCommand {
    static let spec = CommandSpec(
        "expose", use: "expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]",
        short: "Create a Service that selects the pods of an existing object",
        group: "Basic Commands (Beginner):", options: ExposeOptions.self)

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

    /// `--selector`, else the object's own selector (a Pod's labels), with the texts of kubectl's
    /// MapBasedSelectorForObject.
    static func selector(_ t: WorkTarget, key: String, gk: String, flag: String) throws -> JSONValue {
        if !flag.isEmpty { return try sortedPairs(flag) }
        let o = t.object
        func refuse(_ why: String) -> CLIError {
            .message("couldn't retrieve selectors via --selector flag or introspection: " + why)
        }
        switch key {
        case "/Pod":
            if o["metadata"]["labels"].isEmptyValue { throw refuse("the pod has no labels and cannot be exposed") }
            return o["metadata"]["labels"]
        case "/Service":
            if o["spec"]["selector"].isNull { throw refuse("the service has no pod selector set") }
            return o["spec"]["selector"]
        case "/ReplicationController":
            return o["spec"]["selector"]
        default:
            let noun = key == "apps/Deployment" ? "deployment" : "replicaset"
            let selector = o["spec"]["selector"]
            if selector["matchLabels"].isEmptyValue { throw refuse("invalid \(noun): no selectors, therefore cannot be exposed") }
            if let expressions = selector["matchExpressions"].array, !expressions.isEmpty {
                // Go's %+v of []LabelSelectorRequirement.
                let text = expressions.map { e in
                    "{Key:\(e["key"].string ?? "") Operator:\(e["operator"].string ?? "") Values:[\((e["values"].array ?? []).compactMap(\.string).joined(separator: " "))]}"
                }.joined(separator: " ")
                throw refuse("couldn't convert expressions - \"[\(text)]\" to map")
            }
            return selector["matchLabels"]
        }
    }

    /// `--port` (comma separated), else the Service's ports or the containers' ports; with `--protocol`
    /// and `--target-port`.
    static func ports(_ o: JSONValue, key: String, type: ResourceType?, options: ExposeOptions) throws -> [JSONValue] {
        var ports: [(port: String, proto: String, name: String)] = []
        let portFlag = options.port
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
        let protocolFlag = options.protocolName
        var portValues: [JSONValue] = []
        let targetPort = options.targetPort.isEmpty ? options.containerPort : options.targetPort
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

/// expose's options: a Service selecting the pods of each named object.
struct ExposeOptions: FlagOptions {
    var builder = ResourceBuilder()
    var printFlags = PrintFlags()
    var clusterIP = "", containerPort = "", externalIP = "", labels = "", loadBalancerIP = "", name = ""
    var overrideType = "merge", overrides = ""
    var port = "", protocolName = "", selector = "", sessionAffinity = "", targetPort = "", serviceType = ""
    var saveConfig = false
    /// Hidden and deprecated: the notice, and the command line in the service's change-cause annotation.
    var record = false
    var printer = OperationPrinter(format: nil, dryRun: .none)

    static var flags: [OptionFlag<Self>] {
        [.printing(\.printFlags, CommonFlags.output(tables: false) + [CommonFlags.dryRun]),
         .builder(\.builder, CommonFlags.filenames("expose")),
         .init(\.clusterIP, "cluster-ip", usage: "ClusterIP for the service; None makes it headless."),
         .init(\.containerPort, "container-port", usage: "Synonym for --target-port.", hidden: true),
         .init(\.externalIP, "external-ip", usage: "An external IP address to accept traffic on."),
         .fieldManager("kubectl-expose"),
         .init(\.labels, "labels", short: "l", usage: "Labels for the service (default: the target's labels)."),
         .init(\.loadBalancerIP, "load-balancer-ip", usage: "IP for a LoadBalancer service."),
         .init(\.name, "name", usage: "Name of the service (default: the target's name)."),
         .init(\.overrideType, "override-type", default: "merge", usage: "Patch type for --overrides."),
         .init(\.overrides, "overrides", usage: "Inline JSON patched into the generated object."),
         .init(\.port, "port", usage: "Port the service serves on (default: the target's ports)."),
         .init(\.protocolName, "protocol", usage: "Network protocol of the service port (TCP, UDP, SCTP)."),
         .init(\.record, CommonFlags.record),
         .init(\.saveConfig, "save-config", usage: "Accepted for compatibility; kubectl v1.32 writes no annotation here either."),
         .init(\.selector, "selector", usage: "Selector for the service (default: the target's)."),
         .init(\.sessionAffinity, "session-affinity", usage: "None or ClientIP."),
         .init(\.targetPort, "target-port", usage: "Container port (number or name) the service forwards to."),
         .init(\.serviceType, "type", usage: "ClusterIP, NodePort, LoadBalancer or ExternalName.")]
    }

    /// `--selector` is the service's selector, not a label query over the objects exposed. kubectl's
    /// Complete reads the dry-run strategy and makes the printer before Validate looks for objects.
    mutating func complete(_ inv: inout Invocation) throws {
        printer = try printFlags.toPrinter(inv)
        builder.labelSelector = ""
    }

    func validate(_ inv: Invocation) throws {
        if builder.isEmpty { throw CLIError.message(ResourceArgs.noResourcesMessage) }
    }

    func run(_ inv: inout Invocation) throws {
        let explicit = inv.namespaceExplicit
        let changeCause = record ? SetCommand.changeCause(inv) : nil
        try Workloads.createForEach(&inv, builder: builder, printer: printer,
                                    kind: ("", "Service"), operation: "exposed") { t, namespace in
            var service = try service(for: t, namespace: namespace, explicit: explicit)
            if !overrides.isEmpty { service = try RunOverrides.apply(service, overrides: overrides, type: overrideType) }
            if let changeCause { service["metadata"]["annotations"][RolloutCommand.changeCauseKey] = .string(changeCause) }
            return (service, t.namespace.isEmpty ? namespace : t.namespace)
        }
    }

    /// The Service kubectl's service generator makes for an object.
    func service(for t: WorkTarget, namespace: String, explicit: Bool) throws -> JSONValue {
        let type = t.type
        let gk = type.map { $0.group.isEmpty ? $0.kind : "\($0.kind).\($0.group)" } ?? t.kind
        let key = "\(type?.group ?? "")/\(type?.kind ?? t.kind)"
        guard ["/Pod", "/Service", "/ReplicationController", "apps/Deployment", "apps/ReplicaSet"].contains(key) else {
            throw CLIError.message("cannot expose a \(gk)")
        }
        let o = t.object
        let selector = try ExposeCommand.selector(t, key: key, gk: gk, flag: self.selector)
        let portValues = try ExposeCommand.ports(o, key: key, type: type, options: self)
        if !sessionAffinity.isEmpty && sessionAffinity != "None" && sessionAffinity != "ClientIP" {
            throw CLIError.message("unknown session affinity: \(sessionAffinity)")
        }
        var labels: JSONValue? = o["metadata"]["labels"].isEmptyValue ? nil : o["metadata"]["labels"]
        if !self.labels.isEmpty { labels = try ExposeCommand.sortedPairs(self.labels) }
        let spec = Gen.obj([
            ("ports", .array(portValues)),
            ("selector", selector),
            ("clusterIP", clusterIP.isEmpty ? nil : .string(clusterIP)),
            ("type", serviceType.isEmpty ? nil : .string(serviceType)),
            ("externalIPs", externalIP.isEmpty ? nil : .array([.string(externalIP)])),
            ("sessionAffinity", sessionAffinity.isEmpty ? nil : .string(sessionAffinity)),
            ("loadBalancerIP", serviceType == "LoadBalancer" && !loadBalancerIP.isEmpty ? .string(loadBalancerIP) : nil),
        ])
        return Gen.obj([
            ("kind", "Service"), ("apiVersion", "v1"),
            ("metadata", Gen.meta(name: name.isEmpty ? t.name : name, namespace: explicit ? namespace : nil, labels: labels)),
            ("spec", spec),
            ("status", ["loadBalancer": .emptyObject]),
        ])
    }
}
