import KubeModel

/// Probes and lifecycle hooks of a container (apis/core/validation v1.32): one handler type each,
/// exec commands, HTTP ports/schemes/header names, TCP and gRPC ports, non-negative timings, a
/// liveness or startup probe's `successThreshold` of 1, a probe's positive grace period.
enum ProbeRules {
    static let httpSchemes = ["HTTP", "HTTPS"]

    static func container(_ c: JSONValue, path: String, into errs: inout [FieldError]) {
        lifecycle(c["lifecycle"], path: "\(path).lifecycle", into: &errs)
        for key in ["livenessProbe", "readinessProbe", "startupProbe"] where c[key].object != nil {
            let p = "\(path).\(key)"
            probe(c[key], path: p, into: &errs)
            if key == "readinessProbe", let g = c[key]["terminationGracePeriodSeconds"].int {
                errs.append(FieldError(.invalid, field: "\(p).terminationGracePeriodSeconds", value: .int(g),
                                       detail: "must not be set for readinessProbes"))
            }
            if key != "readinessProbe", let n = c[key]["successThreshold"].int, n != 1 {
                errs.append(FieldError(.invalid, field: "\(p).successThreshold", value: .int(n), detail: "must be 1"))
            }
        }
    }

    static func probe(_ p: JSONValue, path: String, into errs: inout [FieldError]) {
        handler(p, path: path, into: &errs, lifecycle: false)
        for key in ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] {
            if let n = p[key].int, n < 0 {
                errs.append(FieldError(.invalid, field: "\(path).\(key)", value: .int(n), detail: WorkloadRules.isNegative))
            }
        }
        if let g = p["terminationGracePeriodSeconds"].int, g <= 0 {
            errs.append(FieldError(.invalid, field: "\(path).terminationGracePeriodSeconds", value: .int(g), detail: "must be greater than 0"))
        }
    }

    static func lifecycle(_ l: JSONValue, path: String, into errs: inout [FieldError]) {
        guard l.object != nil else { return }
        for key in ["postStart", "preStop"] where l[key].object != nil {
            handler(l[key], path: "\(path).\(key)", into: &errs, lifecycle: true)
        }
    }

    /// `validateHandler`: exactly one of exec, httpGet, tcpSocket, gRPC (probes) or sleep (hooks).
    static func handler(_ h: JSONValue, path: String, into errs: inout [FieldError], lifecycle: Bool) {
        var count = 0
        let kinds = lifecycle ? ["exec", "httpGet", "tcpSocket", "sleep"] : ["exec", "httpGet", "tcpSocket", "grpc"]
        for kind in kinds where h[kind].object != nil {
            if count > 0 {
                errs.append(FieldError(.forbidden, field: "\(path).\(kind)", detail: "may not specify more than 1 handler type"))
                continue
            }
            count += 1
            let p = "\(path).\(kind)"
            switch kind {
            case "exec":
                if (h[kind]["command"].array ?? []).isEmpty { errs.append(.required("\(p).command")) }
            case "httpGet": httpGet(h[kind], path: p, into: &errs)
            case "tcpSocket": portNumOrName(h[kind]["port"], path: "\(p).port", into: &errs)
            case "grpc":
                let n = h[kind]["port"].int ?? 0
                if !(1...65535).contains(n) {
                    errs.append(FieldError(.invalid, field: "\(p).port", value: .int(n), detail: PodSpecRules.portRangeMessage))
                }
            default: break
            }
        }
        if count == 0 { errs.append(FieldError(.required, field: path, detail: "must specify a handler type")) }
    }

    static func httpGet(_ g: JSONValue, path: String, into errs: inout [FieldError]) {
        if (g["path"].string ?? "").isEmpty { errs.append(.required("\(path).path")) }
        portNumOrName(g["port"], path: "\(path).port", into: &errs)
        let scheme = g["scheme"].string ?? ""
        if !httpSchemes.contains(scheme) { errs.append(.notSupported("\(path).scheme", .string(scheme), supported: httpSchemes)) }
        for header in g["httpHeaders"].array ?? [] {
            let name = header["name"].string ?? ""
            if !isHTTPHeaderName(name) {
                errs.append(.invalid("\(path).httpHeaders", name, regexError("a valid HTTP header must consist of alphanumeric characters or '-'", "[-A-Za-z0-9]+", "X-Header-Name")))
            }
        }
    }

    static func isHTTPHeaderName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }
    }

    /// `ValidatePortNumOrName`: a number in range or an IANA service name.
    static func portNumOrName(_ v: JSONValue, path: String, into errs: inout [FieldError]) {
        if let name = v.string {
            for msg in isValidPortName(name) { errs.append(.invalid(path, name, msg)) }
        } else {
            let n = v.int ?? 0
            if !(1...65535).contains(n) { errs.append(FieldError(.invalid, field: path, value: .int(n), detail: PodSpecRules.portRangeMessage)) }
        }
    }
}
