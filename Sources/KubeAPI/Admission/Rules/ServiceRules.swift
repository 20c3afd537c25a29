import KubeCEL
import KubeModel

/// Service validation (apis/core/validation v1.32) beyond the cluster IP: ports (required unless
/// headless or ExternalName, names, numbers, protocols, target ports, duplicates), the type and
/// session affinity enums and the client IP timeout, node ports only where a type allows them, an
/// ExternalName's name, the external traffic policy.
enum ServiceRules {
    static let types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]
    static let affinities = ["ClientIP", "None"]
    static let trafficPolicies = ["Cluster", "Local"]
    static let maxClientIPTimeout = 86400

    static func validate(_ svc: JSONValue) -> [FieldError] {
        let spec = svc["spec"]
        guard spec.object != nil else { return [] }
        var errs: [FieldError] = []
        let type = spec["type"].string ?? ""
        let headless = spec["clusterIP"].string == "None"
        let ports = spec["ports"].array ?? []
        if ports.isEmpty && !headless && type != "ExternalName" { errs.append(.required("spec.ports")) }
        switch type {
        case "LoadBalancer", "NodePort":
            if headless { errs.append(.invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for \(type) services")) }
        case "ExternalName":
            if !(spec["clusterIPs"].array ?? []).isEmpty || !(spec["clusterIP"].string ?? "").isEmpty {
                errs.append(FieldError(.forbidden, field: "spec.clusterIPs", detail: "may not be set for ExternalName services"))
            }
            var cname = spec["externalName"].string ?? ""
            if cname.hasSuffix(".") { cname.removeLast() }
            if cname.isEmpty { errs.append(.required("spec.externalName")) }
            for msg in cname.isEmpty ? [] : isDNS1123Subdomain(cname) { errs.append(.invalid("spec.externalName", cname, msg)) }
        default: break
        }
        var names: Set<String> = []
        for (i, p) in ports.enumerated() { port(p, path: "spec.ports[\(i)]", requireName: ports.count > 1, names: &names, into: &errs) }
        var selector: [(String, String)] = []
        for (k, v) in spec["selector"].stringMap { selector.append((k, v)) }
        errs += validateLabels(selector, path: "spec.selector")
        sessionAffinity(spec, into: &errs)
        if type.isEmpty { errs.append(.required("spec.type")) } else if !types.contains(type) {
            errs.append(.notSupported("spec.type", .string(type), supported: types))
        }
        if type == "ClusterIP" {
            for (i, p) in ports.enumerated() where (p["nodePort"].int ?? 0) != 0 {
                errs.append(FieldError(.forbidden, field: "spec.ports[\(i)].nodePort", detail: "may not be used when `type` is 'ClusterIP'"))
            }
        }
        duplicates(ports, into: &errs)
        if type != "ExternalName" { clusterIPs(spec, into: &errs) }
        trafficPolicy(spec, type: type, into: &errs)
        return errs
    }

    static let ipMessage = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"

    /// `ValidateServiceClusterIPsRelatedFields`: clusterIP and clusterIPs agree, families and the
    /// family policy are known, the IPs are valid, at most one per family, each of its family.
    static func clusterIPs(_ spec: JSONValue, into errs: inout [FieldError]) {
        let ip = spec["clusterIP"].string ?? "", ips = (spec["clusterIPs"].array ?? []).compactMap(\.string)
        let families = (spec["ipFamilies"].array ?? []).compactMap(\.string)
        let list = FieldError.BadValue.stringList(ips)
        if !ip.isEmpty {
            if ips.isEmpty { errs.append(.required("spec.clusterIPs")) } else if ips[0] != ip {
                errs.append(FieldError(.invalid, field: "spec.clusterIPs", value: list, detail: "first value must match `clusterIP`"))
            }
        } else if !ips.isEmpty {
            errs.append(FieldError(.invalid, field: "spec.clusterIPs", value: list, detail: "must be empty when `clusterIP` is not specified"))
        }
        var seen: Set<String> = []
        for (i, f) in families.enumerated() {
            if f != "IPv4" && f != "IPv6" { errs.append(.notSupported("spec.ipFamilies[\(i)]", .string(f), supported: ["IPv4", "IPv6"])) }
            if !seen.insert(f).inserted { errs.append(FieldError(.duplicate, field: "spec.ipFamilies[\(i)]", value: .string(f))) }
        }
        let policies = ["PreferDualStack", "RequireDualStack", "SingleStack"]
        if let policy = spec["ipFamilyPolicy"].string, !policies.contains(policy) {
            errs.append(.notSupported("spec.ipFamilyPolicy", .string(policy), supported: policies))
        }
        var invalid = false
        for (i, v) in ips.enumerated() {
            if i == 0 && v == "None" {
                if ips.count > 1 {
                    invalid = true
                    errs.append(FieldError(.invalid, field: "spec.clusterIPs", value: list, detail: "'None' must be the first and only value"))
                }
                continue
            }
            if SloppyIP.parse(v) == nil {
                invalid = true
                errs.append(.invalid("spec.clusterIPs[\(i)]", v, ipMessage))
            }
        }
        if ips.count > 2 { errs.append(FieldError(.invalid, field: "spec.clusterIPs", value: list, detail: "may only hold up to 2 values")) }
        if invalid { return }
        let isV6: (String) -> Bool = { (SloppyIP.parse($0)?.count ?? 4) == 16 && !$0.contains(".") }
        if ips.count > 1, ips.count != 2 || isV6(ips[0]) == isV6(ips[1]) {
            errs.append(FieldError(.invalid, field: "spec.clusterIPs", value: list, detail: "may specify no more than one IP for each IP family"))
        }
        guard !(ips.count == 1 && ips[0] == "None") else { return }
        for (i, v) in ips.enumerated() where i < families.count {
            if families[i] == "IPv4" && isV6(v) {
                errs.append(.invalid("spec.clusterIPs[\(i)]", v, "expected an IPv4 value as indicated by `ipFamilies[\(i)]`"))
            }
            if families[i] == "IPv6" && !isV6(v) {
                errs.append(.invalid("spec.clusterIPs[\(i)]", v, "expected an IPv6 value as indicated by `ipFamilies[\(i)]`"))
            }
        }
    }

    static func port(_ p: JSONValue, path: String, requireName: Bool, names: inout Set<String>, into errs: inout [FieldError]) {
        let name = p["name"].string ?? ""
        if requireName && name.isEmpty {
            errs.append(.required("\(path).name"))
        } else if !name.isEmpty {
            for msg in isDNS1123Label(name) { errs.append(.invalid("\(path).name", name, msg)) }
            if !names.insert(name).inserted { errs.append(FieldError(.duplicate, field: "\(path).name", value: .string(name))) }
        }
        let number = p["port"].int ?? 0
        if !(1...65535).contains(number) {
            errs.append(FieldError(.invalid, field: "\(path).port", value: .int(number), detail: PodSpecRules.portRangeMessage))
        }
        let proto = p["protocol"].string ?? ""
        if proto.isEmpty { errs.append(.required("\(path).protocol")) } else if !PodSpecRules.protocols.contains(proto) {
            errs.append(.notSupported("\(path).protocol", .string(proto), supported: PodSpecRules.protocols))
        }
        ProbeRules.portNumOrName(p["targetPort"], path: "\(path).targetPort", into: &errs)
    }

    static func sessionAffinity(_ spec: JSONValue, into errs: inout [FieldError]) {
        let affinity = spec["sessionAffinity"].string ?? ""
        if affinity.isEmpty { errs.append(.required("spec.sessionAffinity")); return }
        guard affinities.contains(affinity) else {
            errs.append(.notSupported("spec.sessionAffinity", .string(affinity), supported: affinities))
            return
        }
        let config = spec["sessionAffinityConfig"], path = "spec.sessionAffinityConfig"
        if affinity == "None" {
            if config.object != nil { errs.append(FieldError(.forbidden, field: path, detail: "must not be set when session affinity is None")) }
            return
        }
        let why = "when session affinity type is ClientIP"
        guard config.object != nil else { errs.append(.required(path, why)); return }
        guard config["clientIP"].object != nil else { errs.append(.required("\(path).clientIP", why)); return }
        guard let timeout = config["clientIP"]["timeoutSeconds"].int else { errs.append(.required("\(path).clientIP.timeoutSeconds", why)); return }
        if timeout <= 0 || timeout > maxClientIPTimeout {
            errs.append(FieldError(.invalid, field: "\(path).clientIP.timeoutSeconds", value: .int(timeout),
                                   detail: "must be greater than 0 and less than \(maxClientIPTimeout)"))
        }
    }

    /// Node ports and (protocol, port) pairs appear once.
    static func duplicates(_ ports: [JSONValue], into errs: inout [FieldError]) {
        var nodePorts: Set<String> = [], pairs: Set<String> = []
        for (i, p) in ports.enumerated() {
            let proto = p["protocol"].string ?? "", node = p["nodePort"].int ?? 0
            if node != 0, !nodePorts.insert("\(proto)/\(node)").inserted {
                errs.append(FieldError(.duplicate, field: "spec.ports[\(i)].nodePort", value: .int(node)))
            }
        }
        for (i, p) in ports.enumerated() {
            let proto = p["protocol"].string ?? "", number = p["port"].int ?? 0
            if !pairs.insert("\(proto)/\(number)").inserted {
                let literal = "core.ServicePort{Name:\"\", Protocol:\(strconvQuote(proto)), AppProtocol:(*string)(nil), Port:\(number), TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}"
                errs.append(FieldError(.duplicate, field: "spec.ports[\(i)]", value: .raw(literal)))
            }
        }
    }

    static func trafficPolicy(_ spec: JSONValue, type: String, into errs: inout [FieldError]) {
        let external = type == "LoadBalancer" || type == "NodePort" || (type == "ClusterIP" && !(spec["externalIPs"].array ?? []).isEmpty)
        let policy = spec["externalTrafficPolicy"].string ?? ""
        if !external {
            if !policy.isEmpty { errs.append(.invalid("spec.externalTrafficPolicy", policy, "may only be set for externally-accessible services")) }
        } else if policy.isEmpty {
            errs.append(.required("spec.externalTrafficPolicy"))
        } else if !trafficPolicies.contains(policy) {
            errs.append(.notSupported("spec.externalTrafficPolicy", .string(policy), supported: trafficPolicies))
        }
        let health = spec["healthCheckNodePort"].int ?? 0
        if health != 0 && !(type == "LoadBalancer" && policy == "Local") {
            errs.append(FieldError(.invalid, field: "spec.healthCheckNodePort", value: .int(health),
                                   detail: "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"))
        }
    }
}

/// The Service REST storage's allocators: a cluster IP the client chose must be free; a node port it
/// chose must be in 30000-32767 and free.
struct ServiceAllocation: AdmissionStep {
    static let nodePorts = 30000...32767
    /// kind's service subnet (the seeded kube-apiserver's `--service-cluster-ip-range`).
    static let serviceRange = "10.96.0.0/16"

    /// `NormalizeClusterIPs` on update: a changed `clusterIP` beside an unchanged `clusterIPs` replaces
    /// the list (so validation reports the new address, once).
    static func normalizeClusterIPs(_ obj: inout JSONValue, old: JSONValue) {
        let ip = obj["spec"]["clusterIP"].string ?? ""
        guard !ip.isEmpty, ip != (old["spec"]["clusterIP"].string ?? ""),
              obj["spec"]["clusterIPs"] == old["spec"]["clusterIPs"] else { return }
        obj["spec"]["clusterIPs"] = [.string(ip)]
    }

    /// The bitmap allocator's range: the network without its network and broadcast addresses.
    static func inServiceRange(_ ip: [UInt8]) -> Bool {
        guard ip[0] == 10, ip[1] == 96 else { return false }
        return !(ip[2] == 0 && ip[3] == 0) && !(ip[2] == 255 && ip[3] == 255)
    }

    /// `initIPFamilyFields` on this single-stack IPv4 cluster, before any address is allocated: the family
    /// fields pre-validated alone (`ValidateServiceClusterIPsRelatedFields`), then a policy or family the
    /// cluster cannot give (an IPv6 family or address, RequireDualStack) refused, except for a headless
    /// service without a selector (which may name both families).
    static func ipFamilyErrors(_ spec: JSONValue, old: JSONValue?) -> [FieldError] {
        guard spec["type"].string != "ExternalName" else { return [] }
        var spec = spec
        // `normalizeClusterIPs` on create: a lone clusterIP fills clusterIPs.
        let single = spec["clusterIP"].string ?? ""
        if old == nil, !single.isEmpty, spec["clusterIPs"].array?.isEmpty ?? true { spec["clusterIPs"] = [.string(single)] }
        let ips = (spec["clusterIPs"].array ?? []).compactMap(\.string)
        let selectorless = spec["selector"].object?.isEmpty ?? true
        let headlessSelectorless = single == "None" && selectorless
        let policy = spec["ipFamilyPolicy"].string ?? old?["spec"]["ipFamilyPolicy"].string
            ?? (headlessSelectorless ? "RequireDualStack" : "SingleStack")
        spec["ipFamilyPolicy"] = .string(policy)
        var errs: [FieldError] = []
        ServiceRules.clusterIPs(spec, into: &errs)
        if !errs.isEmpty { return errs }
        var families = (spec["ipFamilies"].array ?? []).compactMap(\.string)
        if policy == "SingleStack" {
            if ips.count == 2 {
                errs.append(.invalid("spec.ipFamilyPolicy", policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"))
            }
            if families.count == 2 {
                errs.append(.invalid("spec.ipFamilyPolicy", policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"))
            }
        }
        for (i, ip) in ips.enumerated() {
            if ip == "None" { break }
            guard i >= families.count else { continue }
            if (SloppyIP.parse(ip)?.count ?? 4) == 16 && !ip.contains(".") {
                errs.append(FieldError(.invalid, field: "spec.clusterIPs[\(i)]", value: .stringList(ips), detail: "IPv6 is not configured on this cluster"))
            } else {
                families.append("IPv4")
            }
        }
        if !errs.isEmpty || headlessSelectorless { return errs }
        if policy == "RequireDualStack" {
            errs.append(.invalid("spec.ipFamilyPolicy", policy, "this cluster is not configured for dual-stack services"))
        }
        for (i, family) in families.enumerated() where family != "IPv4" {
            errs.append(.invalid("spec.ipFamilies[\(i)]", family, "not configured on this cluster"))
        }
        return errs
    }

    func admit(_ r: inout AdmissionRequest, _ s: APISession) throws {
        guard r.fromClient, r.groupKind == ("", "Service") else { return }
        if let old = r.old { Self.normalizeClusterIPs(&r.object, old: old) }
        let familyErrors = Self.ipFamilyErrors(r.object["spec"], old: r.old)
        if !familyErrors.isEmpty { throw r.invalid(familyErrors.map { APIError.Cause(field: $0.field, message: $0.body) }) }
        let spec = r.object["spec"], ns = r.object["metadata"]["namespace"].string ?? "", name = r.name
        var errs: [FieldError] = []
        var others: [JSONValue]?
        func services() throws -> [JSONValue] {
            if let others { return others }
            let list = try s.list(r.type, namespace: nil).filter {
                !($0["metadata"]["namespace"].string == ns && $0["metadata"]["name"].string == name)
            }
            others = list
            return list
        }
        let ip = spec["clusterIP"].string ?? ""
        if r.old == nil, !ip.isEmpty, ip != "None", SloppyIP.parse(ip) != nil {
            // The server has copied clusterIP into an empty clusterIPs by now.
            let given = (spec["clusterIPs"].array ?? []).compactMap(\.string), ips = given.isEmpty ? [ip] : given
            var failure: String?
            if let bytes = SloppyIP.parse(ip), bytes.count == 4, !Self.inServiceRange(bytes) {
                let shown = bytes.map(String.init).joined(separator: ".")
                failure = "the provided IP (\(shown)) is not in the valid range. The range of valid IPs is \(Self.serviceRange)"
            } else if try services().contains(where: { $0["spec"]["clusterIP"].string == ip }) {
                failure = "provided IP is already allocated"
            }
            if let failure {
                errs.append(FieldError(.invalid, field: "spec.clusterIPs", value: .stringList(ips), detail: "failed to allocate IP \(ip): \(failure)"))
            }
        }
        let oldPorts = Set((r.old?["spec"]["ports"].array ?? []).compactMap { $0["nodePort"].int })
        for (i, p) in (spec["ports"].array ?? []).enumerated() {
            guard let port = p["nodePort"].int, port != 0, !oldPorts.contains(port) else { continue }
            let path = "spec.ports[\(i)].nodePort"
            if !Self.nodePorts.contains(Int(port)) {
                errs.append(FieldError(.invalid, field: path, value: .int(port),
                                       detail: "provided port is not in the valid range. The range of valid ports is 30000-32767"))
            } else if try services().contains(where: { svc in (svc["spec"]["ports"].array ?? []).contains { $0["nodePort"].int == port } }) {
                errs.append(FieldError(.invalid, field: path, value: .int(port), detail: "provided port is already allocated"))
            }
        }
        if !errs.isEmpty { throw r.invalid(errs.map { APIError.Cause(field: $0.field, message: $0.body) }) }
    }
}
