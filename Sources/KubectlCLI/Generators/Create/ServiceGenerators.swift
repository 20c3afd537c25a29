import KubeModel

/// The type of service a `create service <type>` subcommand makes.
protocol ServiceKind { static var type: ServiceType { get } }
enum ServiceType: String, Sendable { case clusterIP = "ClusterIP", nodePort = "NodePort", loadBalancer = "LoadBalancer", externalName = "ExternalName" }
enum ClusterIPService: ServiceKind { static var type: ServiceType { .clusterIP } }
enum NodePortService: ServiceKind { static var type: ServiceType { .nodePort } }
enum LoadBalancerService: ServiceKind { static var type: ServiceType { .loadBalancer } }
enum ExternalNameService: ServiceKind { static var type: ServiceType { .externalName } }

/// The `create service <type>` generators (kubectl's ignore `--save-config`).
protocol ServiceGeneratorMarker {}

struct CreateService<Kind: ServiceKind>: ObjectGenerator, ServiceGeneratorMarker {
    var clusterIP = ""
    var nodePort = 0
    var externalName = ""
    var tcp: [String] = []
    static var failure: CreateFailure { .colon("failed to create \(Kind.type.rawValue) service") }

    static var flags: [OptionFlag<Self>] {
        let tcp = OptionFlag<Self>(\.tcp, "tcp", usage: "Port pairs <port>:<targetPort>.")
        switch Kind.type {
        case .clusterIP: return [.init(\.clusterIP, "clusterip", usage: "Cluster IP to assign (None for headless)."), tcp]
        case .nodePort: return [.init(\.nodePort, "node-port", usage: "Node port to use on every node."), tcp]
        case .loadBalancer: return [tcp]
        case .externalName: return [.init(\.externalName, "external-name", usage: "External DNS name of the service.", required: true), tcp]
        }
    }

    /// `parsePorts`: `port[:targetPort]`.
    static func parsePort(_ spec: String) throws -> (Int64, JSONValue) {
        let parts = Gen.split(spec, ":")
        let p = parts[0]
        let digits = !p.isEmpty && p.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard digits, let port = UInt64(p), port <= 65535 else {
            throw CLIError.message("strconv.ParseUint: parsing \"\(p)\": \(digits ? "value out of range" : "invalid syntax")")
        }
        if parts.count == 1 { return (Int64(port), .int(Int64(port))) }
        let t = parts[1]
        if let n = Int(t) {
            if n < 1 || n > 65535 { throw CLIError.message("must be between 1 and 65535, inclusive") }
            return (Int64(port), .int(Int64(n)))
        }
        let errs = isValidPortName(t)
        if !errs.isEmpty { throw CLIError.message(errs.joined(separator: ",")) }
        return (Int64(port), .string(t))
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let type = Kind.type
        if clusterIP == "None" && type != .clusterIP {
            throw CLIError.message("ClusterIP=None can only be used with ClusterIP service type")
        }
        if clusterIP != "None" && tcp.isEmpty && type != .externalName {
            throw CLIError.message("at least one tcp port specifier must be provided")
        }
        if type == .externalName && !isDNS1123Subdomain(externalName).isEmpty {
            throw CLIError.message("invalid service external name \(externalName)")
        }
        var ports: [JSONValue] = []
        for spec in tcp {
            let (port, target) = try Self.parsePort(spec)
            ports.append(Gen.obj([("name", .string(spec.replacingAll(":", with: "-"))), ("protocol", "TCP"),
                                  ("port", .int(port)), ("targetPort", target),
                                  ("nodePort", nodePort != 0 ? .int(Int64(nodePort)) : nil)]))
        }
        let labels = Gen.sortedMap([("app", name)])
        return Gen.obj([
            ("kind", "Service"), ("apiVersion", "v1"),
            ("metadata", Gen.meta(name: name, namespace: context.namespace, labels: labels)),
            ("spec", Gen.obj([("ports", ports.isEmpty ? nil : .array(ports)), ("selector", labels),
                              ("clusterIP", clusterIP.isEmpty ? nil : .string(clusterIP)),
                              ("type", .string(type.rawValue)),
                              ("externalName", externalName.isEmpty ? nil : .string(externalName))])),
            ("status", ["loadBalancer": .emptyObject]),
        ])
    }
}

struct CreateIngress: ObjectGenerator {
    var annotation: [String] = []
    var ingressClass = ""
    var defaultBackend = ""
    var rule: [String] = []

    static var flags: [OptionFlag<Self>] {
        [.init(\.annotation, "annotation", .stringArray, usage: "Annotation to add, as key=value."),
         .init(\.ingressClass, "class", usage: "Ingress class name."),
         .init(\.defaultBackend, "default-backend", usage: "Default backend service as name:port."),
         .init(\.rule, "rule", .stringArray, usage: "Rule host/path=service:port[,tls[=secret]]; a trailing * makes a Prefix path.")]
    }

    /// v1.32's rule check, `^([\w*\-.]*)(/.*)=([\w\-]+):([\w\-]+)`, found anywhere from the start (the
    /// optional `,tls[=secret]` part and the end of the text are not checked).
    static func ruleMatches(_ rule: String) -> Bool {
        let u = Array(rule.utf8)
        func word(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F || c == 0x2D }
        var i = 0
        while i < u.count, word(u[i]) || u[i] == 0x2A || u[i] == 0x2E { i += 1 }
        guard i < u.count, u[i] == 0x2F else { return false }
        // `/.*` then `=`: any later `=` before a newline may end the path.
        var k = i + 1
        while k < u.count, u[k] != 0x0A {
            if u[k] == 0x3D {
                var j = k + 1
                let nameStart = j
                while j < u.count, word(u[j]) { j += 1 }
                if j > nameStart, j + 1 < u.count, u[j] == 0x3A, word(u[j + 1]) { return true }
            }
            k += 1
        }
        return false
    }

    /// `intstr.Parse` of the port: a number (0 is omitted, as `number` is omitempty) or a name.
    static func backend(_ service: String) throws -> JSONValue {
        let parts = Gen.split(service, ":")
        guard parts.count > 1 else { throw GoPanic.index(1, length: parts.count) }
        let port: JSONValue
        if let n = Int32(parts[1]) {
            port = n == 0 ? .emptyObject : ["number": .int(Int64(n))]
        } else {
            port = parts[1].isEmpty ? .emptyObject : ["name": .string(parts[1])]
        }
        return ["service": Gen.obj([("name", .string(parts[0])), ("port", port)])]
    }

    func make(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        let name = try Gen.name(args, argsLenAtDash)
        let rules = rule, annotations = annotation, cls = ingressClass
        if defaultBackend.isEmpty && rules.isEmpty {
            throw CLIError.message("not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)")
        }
        for r in rules where !Self.ruleMatches(r) {
            throw CLIError.message("rule \(r) is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]")
        }
        var ann: [(String, String)] = []
        for a in annotations {
            let kv = Gen.splitN2(a, "=")
            if kv.count != 2 { throw CLIError.message("annotation \(a) is invalid and should be in format key=[value]") }
            ann.removeAll { $0.0 == kv[0] }
            ann.append((kv[0], kv[1]))
        }
        if !defaultBackend.isEmpty && Gen.split(defaultBackend, ":").count != 2 {
            throw CLIError.message("default-backend should be in format servicename:serviceport")
        }
        // TLS entries
        var tls: [(hosts: [String], secret: String)] = []
        var seenHosts: Set<String> = []
        for r in rules {
            let parts = Gen.split(r, ",")
            guard parts.count == 2 else { continue }
            let host = Gen.splitN2(r, "/")[0]
            let sn = Gen.split(parts[1], "=")
            let secret = sn.count > 1 ? sn[1] : ""
            if seenHosts.contains(host) { continue }
            if let i = tls.firstIndex(where: { $0.secret == secret }) {
                tls[i].hosts.append(host)
                seenHosts.insert(host)
                continue
            }
            let hosts = host.isEmpty ? [] : [host]
            if !secret.isEmpty || !hosts.isEmpty { tls.append((hosts, secret)) }
            seenHosts.insert(host)
        }
        // Rules grouped by host
        var ruleList: [(host: String, paths: [JSONValue])] = []
        for r in rules {
            let noTLS = Gen.split(r, ",")[0]
            let hs = Gen.splitN2(noTLS, "/")
            guard hs.count == 2 else { throw GoPanic.index(1, length: 1) }
            let host = hs[0]
            let ps = Gen.split(hs[1], "=")
            guard ps.count > 1 else { throw GoPanic.index(1, length: ps.count) }
            var path = "/" + ps[0]
            var pathType = "Exact"
            if path.hasSuffix("*") { pathType = "Prefix"; path.removeLast() }
            let p = Gen.obj([("path", .string(path)), ("pathType", .string(pathType)), ("backend", try Self.backend(ps[1]))])
            if let i = ruleList.firstIndex(where: { $0.host == host }) { ruleList[i].paths.append(p) } else { ruleList.append((host, [p])) }
        }
        let spec = Gen.obj([
            ("ingressClassName", cls.isEmpty ? nil : .string(cls)),
            ("defaultBackend", defaultBackend.isEmpty ? nil : try Self.backend(defaultBackend)),
            ("tls", tls.isEmpty ? nil : .array(tls.map { Gen.obj([("hosts", $0.hosts.isEmpty ? nil : Gen.strings($0.hosts)),
                                                                  ("secretName", $0.secret.isEmpty ? nil : .string($0.secret))]) })),
            ("rules", ruleList.isEmpty ? nil : .array(ruleList.map {
                Gen.obj([("host", $0.host.isEmpty ? nil : .string($0.host)), ("http", ["paths": .array($0.paths)])])
            })),
        ])
        return Gen.obj([("kind", "Ingress"), ("apiVersion", "networking.k8s.io/v1"),
                        ("metadata", Gen.meta(name: name, namespace: context.namespace, annotations: ann.isEmpty ? nil : Gen.sortedMap(ann))),
                        ("spec", spec), ("status", ["loadBalancer": .emptyObject])])
    }
}
