import KubeModel

/// Ingress validation (apis/networking/validation v1.32): rules or a default backend, host names
/// (DNS subdomains or wildcards, not IPs), paths per path type, backends naming a service and one
/// port, TLS hosts, the class name.
enum NetworkingRules {
    static let pathTypes = ["Exact", "ImplementationSpecific", "Prefix"]
    static let invalidPathSequences = ["//", "/./", "/../", "%2f", "%2F"]
    static let invalidPathSuffixes = ["/..", "/."]
    static let wildcardMessage = "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character"

    static func ingress(_ obj: JSONValue) -> [FieldError] {
        let spec = obj["spec"]
        guard spec.object != nil else { return [] }
        var errs: [FieldError] = []
        let rules = spec["rules"].array ?? []
        if rules.isEmpty && spec["defaultBackend"].object == nil {
            errs.append(FieldError(.invalid, field: "spec", value: .raw("[]networking.IngressRule(nil)"),
                                   detail: "either `defaultBackend` or `rules` must be specified"))
        }
        if spec["defaultBackend"].object != nil { backend(spec["defaultBackend"], path: "spec.defaultBackend", into: &errs) }
        for (i, r) in rules.enumerated() { rule(r, path: "spec.rules[\(i)]", into: &errs) }
        for (i, tls) in (spec["tls"].array ?? []).enumerated() {
            for (j, host) in (tls["hosts"].array?.compactMap(\.string) ?? []).enumerated() {
                for msg in hostMessages(host) { errs.append(.invalid("spec.tls[\(i)].hosts[\(j)]", host, msg)) }
            }
        }
        if let cls = spec["ingressClassName"].string {
            for msg in isDNS1123Subdomain(cls) { errs.append(.invalid("spec.ingressClassName", cls, msg)) }
        }
        return errs
    }

    static func hostMessages(_ host: String) -> [String] {
        if host.contains("*") {
            guard host.hasPrefix("*.") else { return [regexError(wildcardMessage, "\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", "*.example.com")] }
            return isDNS1123Subdomain(String(host.dropFirst(2))).isEmpty ? []
                : [regexError(wildcardMessage, "\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", "*.example.com")]
        }
        return isDNS1123Subdomain(host)
    }

    static func isIP(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) { return true }
        return s.contains(":") && s.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }

    static func rule(_ r: JSONValue, path: String, into errs: inout [FieldError]) {
        if let host = r["host"].string, !host.isEmpty {
            if isIP(host) { errs.append(.invalid("\(path).host", host, "must be a DNS name, not an IP address")) }
            for msg in hostMessages(host) { errs.append(.invalid("\(path).host", host, msg)) }
        }
        guard r["http"].object != nil else { return }
        let paths = r["http"]["paths"].array ?? []
        if paths.isEmpty { errs.append(.required("\(path).http.paths")) }
        for (i, p) in paths.enumerated() { httpPath(p, path: "\(path).http.paths[\(i)]", into: &errs) }
    }

    static func httpPath(_ p: JSONValue, path: String, into errs: inout [FieldError]) {
        guard let type = p["pathType"].string else {
            errs.append(FieldError(.required, field: "\(path).pathType", detail: "pathType must be specified"))
            return
        }
        let value = p["path"].string ?? ""
        switch type {
        case "Exact", "Prefix":
            if !value.hasPrefix("/") { errs.append(.invalid("\(path).path", value, "must be an absolute path")) }
            if !value.isEmpty {
                for seq in invalidPathSequences where value.contains(seq) { errs.append(.invalid("\(path).path", value, "must not contain '\(seq)'")) }
                for suffix in invalidPathSuffixes where value.hasSuffix(suffix) { errs.append(.invalid("\(path).path", value, "cannot end with '\(suffix)'")) }
            }
        case "ImplementationSpecific":
            if !value.isEmpty, !value.hasPrefix("/") { errs.append(.invalid("\(path).path", value, "must be an absolute path")) }
        default:
            errs.append(.notSupported("\(path).pathType", .string(type), supported: pathTypes))
        }
        backend(p["backend"], path: "\(path).backend", into: &errs)
    }

    static func backend(_ b: JSONValue, path: String, into errs: inout [FieldError]) {
        let hasResource = b["resource"].object != nil, hasService = b["service"].object != nil
        if hasResource && hasService {
            errs.append(.invalid(path, "", "cannot set both resource and service backends"))
            return
        }
        if hasResource { return }
        guard hasService else {
            errs.append(.invalid(path, "", "resource or service backend is required"))
            return
        }
        let name = b["service"]["name"].string ?? ""
        if name.isEmpty { errs.append(.required("\(path).service.name")) }
        for msg in name.isEmpty ? [] : isDNS1035Label(name) { errs.append(.invalid("\(path).service.name", name, msg)) }
        let portName = b["service"]["port"]["name"].string ?? "", number = b["service"]["port"]["number"].int ?? 0
        if !portName.isEmpty && number != 0 {
            errs.append(.invalid(path, "", "cannot set both port name & port number"))
        } else if !portName.isEmpty {
            for msg in isValidPortName(portName) { errs.append(.invalid("\(path).service.port.name", portName, msg)) }
        } else if number != 0 {
            if !(1...65535).contains(number) {
                errs.append(FieldError(.invalid, field: "\(path).service.port.number", value: .int(number), detail: PodSpecRules.portRangeMessage))
            }
        } else {
            errs.append(FieldError(.required, field: path, detail: "port name or number is required"))
        }
    }
}
