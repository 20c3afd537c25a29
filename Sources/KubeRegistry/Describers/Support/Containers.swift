import KubeModel

/// Resolves a `fieldRef` env var against the pod (nil in pod templates). kubectl's scheme only
/// converts `metadata.name` and `metadata.namespace` field labels; other paths resolve to "".
typealias EnvResolver = (JSONValue) -> String

func podEnvResolver(_ pod: JSONValue) -> EnvResolver {
    return { env in
        let ref = env["valueFrom"]["fieldRef"]
        let apiVersion = ref["apiVersion"].str
        guard apiVersion.split(separator: "/").count <= 2 else { return "" }
        switch ref["fieldPath"].str {
        case "metadata.name": return pod.name
        case "metadata.namespace": return pod.namespace
        default: return ""
        }
    }
}

/// `describeContainers`: the `Containers:` (or `Init Containers:`) block. `space` is "  " in pod
/// templates (names then sit at 3 spaces).
func describeContainers(_ w: DescribeWriter, label: String, containers: [JSONValue], statuses: [JSONValue],
                        resolver: EnvResolver?, space: String)
{
    var byName: [String: JSONValue] = [:]
    for s in statuses { byName[s["name"].str] = s }
    w.write(L0, "\(space)\(label):\(containers.isEmpty ? " <none>" : "")\n")
    for c in containers {
        let status = byName[c["name"].str]
        describeContainerBasicInfo(w, c, status, space: space)
        describeContainerCommand(w, c)
        if let status { describeContainerState(w, status) }
        describeResources(w, c["resources"], level: L2)
        describeContainerProbes(w, c)
        if !c["envFrom"].arr.isEmpty { describeContainerEnvFrom(w, c) }
        describeContainerEnv(w, c, resolver: resolver)
        describeContainerMounts(w, c)
    }
}

func describeContainerBasicInfo(_ w: DescribeWriter, _ c: JSONValue, _ status: JSONValue?, space: String) {
    let nameIndent = space.isEmpty ? "" : " "
    w.write(L1, "\(nameIndent)\(c["name"].str):\n")
    if let status { w.write(L2, "Container ID:\t\(status["containerID"].str)\n") }
    w.write(L2, "Image:\t\(c["image"].str)\n")
    if let status { w.write(L2, "Image ID:\t\(status["imageID"].str)\n") }
    let ports = c["ports"].arr
    let portString = ports.map { "\($0["containerPort"].i64)/\($0["protocol"].str)" }.joined(separator: ", ")
    if portString.contains(",") {
        w.write(L2, "Ports:\t\(portString)\n")
    } else {
        w.write(L2, "Port:\t\(orNone(portString))\n")
    }
    let hostPorts = ports.map { "\($0["hostPort"].i64)/\($0["protocol"].str)" }.joined(separator: ", ")
    if hostPorts.contains(",") {
        w.write(L2, "Host Ports:\t\(hostPorts)\n")
    } else {
        w.write(L2, "Host Port:\t\(orNone(hostPorts))\n")
    }
    let seccomp = c["securityContext"]["seccompProfile"]
    if case .object = seccomp {
        w.write(L2, "SeccompProfile:\t\(seccomp["type"].str)\n")
        if seccomp["type"].str == "Localhost" {
            w.write(L3, "LocalhostProfile:\t\(seccomp["localhostProfile"].str)\n")
        }
    }
}

func describeContainerCommand(_ w: DescribeWriter, _ c: JSONValue) {
    for (key, title) in [("command", "Command"), ("args", "Args")] {
        let items = c[key].arr
        if items.isEmpty { continue }
        w.write(L2, "\(title):\n")
        for item in items {
            for line in item.str.split(separator: "\n", omittingEmptySubsequences: false) {
                w.write(L3, "\(line)\n")
            }
        }
    }
}

/// Resource names in Go string order.
func sortedResourceNames(_ list: JSONValue) -> [String] {
    (list.object?.keys ?? []).sorted(by: goStringLess)
}

func quantityString(_ v: JSONValue) -> String {
    if let q = DescribeQuantity(json: v) { return q.string }
    return v.str
}

/// `Limits:` / `Requests:` with one `name:\tquantity` line per resource, sorted.
func describeResources(_ w: DescribeWriter, _ resources: JSONValue, level: Int) {
    for (key, title) in [("limits", "Limits"), ("requests", "Requests")] {
        let names = sortedResourceNames(resources[key])
        if names.isEmpty { continue }
        w.write(level, "\(title):\n")
        for n in names {
            w.write(level + 1, "\(n):\t\(quantityString(resources[key][n]))\n")
        }
    }
}

func describeContainerState(_ w: DescribeWriter, _ status: JSONValue) {
    describeStatus(w, "State", status["state"])
    if case .object = status["lastState"]["terminated"] {
        describeStatus(w, "Last State", status["lastState"])
    }
    w.write(L2, "Ready:\t\(titleBool(status["ready"].isTrue))\n")
    w.write(L2, "Restart Count:\t\(status["restartCount"].i64)\n")
}

func describeStatus(_ w: DescribeWriter, _ name: String, _ state: JSONValue) {
    if case .object = state["running"] {
        w.write(L2, "\(name):\tRunning\n")
        w.write(L3, "Started:\t\(rfc1123(state["running"]["startedAt"]))\n")
    } else if case .object = state["waiting"] {
        w.write(L2, "\(name):\tWaiting\n")
        let reason = state["waiting"]["reason"].str
        if !reason.isEmpty { w.write(L3, "Reason:\t\(reason)\n") }
    } else if case .object = state["terminated"] {
        let t = state["terminated"]
        w.write(L2, "\(name):\tTerminated\n")
        if !t["reason"].str.isEmpty { w.write(L3, "Reason:\t\(t["reason"].str)\n") }
        if !t["message"].str.isEmpty { w.write(L3, "Message:\t\(t["message"].str)\n") }
        w.write(L3, "Exit Code:\t\(t["exitCode"].i64)\n")
        if t["signal"].i64 > 0 { w.write(L3, "Signal:\t\(t["signal"].i64)\n") }
        w.write(L3, "Started:\t\(rfc1123(t["startedAt"]))\n")
        w.write(L3, "Finished:\t\(rfc1123(t["finishedAt"]))\n")
    } else {
        w.write(L2, "\(name):\tWaiting\n")
    }
}

func describeContainerProbes(_ w: DescribeWriter, _ c: JSONValue) {
    for (key, title) in [("livenessProbe", "Liveness"), ("readinessProbe", "Readiness"), ("startupProbe", "Startup")] {
        if case .object = c[key] {
            w.write(L2, "\(title):\t\(describeProbe(c[key]))\n")
        }
    }
}

/// `DescribeProbe`: `http-get http://:8080/healthz delay=3s timeout=1s period=10s #success=1 #failure=3`.
func describeProbe(_ p: JSONValue) -> String {
    let attrs = "delay=\(p["initialDelaySeconds"].i64)s timeout=\(p["timeoutSeconds"].i64)s period=\(p["periodSeconds"].i64)s #success=\(p["successThreshold"].i64) #failure=\(p["failureThreshold"].i64)"
    if case .object = p["exec"] {
        return "exec \(goStringList(p["exec"]["command"])) \(attrs)"
    }
    if case .object = p["httpGet"] {
        let h = p["httpGet"]
        let scheme = h["scheme"].str.lowercased()
        let port = h["port"].isNull ? "" : intOrString(h["port"])
        let hostName = h["host"].str
        var host = hostName
        if !port.isEmpty {
            host = (hostName.contains(":") ? "[\(hostName)]" : hostName) + ":" + port
        }
        var url = ""
        if !scheme.isEmpty { url += scheme + ":" }
        if !scheme.isEmpty || !host.isEmpty { url += "//" + host }
        var path = h["path"].str
        if !path.isEmpty && !path.hasPrefix("/") && !host.isEmpty { path = "/" + path }
        url += escapePath(path)
        return "http-get \(url) \(attrs)"
    }
    if case .object = p["tcpSocket"] {
        let t = p["tcpSocket"]
        return "tcp-socket \(t["host"].str):\(t["port"].isNull ? "" : intOrString(t["port"])) \(attrs)"
    }
    if case .object = p["grpc"] {
        return "grpc <pod>:\(p["grpc"]["port"].i64) \(p["grpc"]["service"].str) \(attrs)"
    }
    return "unknown \(attrs)"
}

/// Go `url.URL` path escaping (encodePath mode): keeps unreserved and sub-delimiter characters.
func escapePath(_ s: String) -> String {
    var out = ""
    for b in s.utf8 {
        let c = Character(UnicodeScalar(b))
        if (c.isASCII && (c.isLetter || c.isNumber)) || "-_.~$&+,/:;=@!'()*".contains(c) {
            out.append(c)
        } else {
            let hex = Array("0123456789ABCDEF")
            out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
        }
    }
    return out
}

func describeContainerEnvFrom(_ w: DescribeWriter, _ c: JSONValue) {
    let items = c["envFrom"].arr
    w.write(L2, "Environment Variables from:\(items.isEmpty ? "\t<none>" : "")\n")
    for e in items {
        var from = "", name = "", optional = false
        if case .object = e["configMapRef"] {
            from = "ConfigMap"
            name = e["configMapRef"]["name"].str
            optional = e["configMapRef"]["optional"].isTrue
        } else if case .object = e["secretRef"] {
            from = "Secret"
            name = e["secretRef"]["name"].str
            optional = e["secretRef"]["optional"].isTrue
        }
        let prefix = e["prefix"].str
        if prefix.isEmpty {
            w.write(L3, "\(name)\t\(from)\tOptional: \(goBool(optional))\n")
        } else {
            w.write(L3, "\(name)\t\(from) with prefix '\(prefix)'\tOptional: \(goBool(optional))\n")
        }
    }
}

func describeContainerEnv(_ w: DescribeWriter, _ c: JSONValue, resolver: EnvResolver?) {
    let env = c["env"].arr
    w.write(L2, "Environment:\(env.isEmpty ? "\t<none>" : "")\n")
    for e in env {
        let name = e["name"].str
        let from = e["valueFrom"]
        guard case .object = from else {
            for (i, line) in e["value"].str.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                w.write(L3, i == 0 ? "\(name):\t\(line)\n" : "\t\(line)\n")
            }
            continue
        }
        if case .object = from["fieldRef"] {
            let value = resolver?(e) ?? ""
            w.write(L3, "\(name):\t\(value) (\(from["fieldRef"]["apiVersion"].str):\(from["fieldRef"]["fieldPath"].str))\n")
        } else if case .object = from["resourceFieldRef"] {
            let ref = from["resourceFieldRef"]
            let resource = ref["resource"].str
            var value = containerResourceValue(ref, c) ?? ""
            if value == "0" && (resource == "limits.cpu" || resource == "limits.memory") { value = "node allocatable" }
            w.write(L3, "\(name):\t\(value) (\(resource))\n")
        } else if case .object = from["secretKeyRef"] {
            let r = from["secretKeyRef"]
            w.write(L3, "\(name):\t<set to the key '\(r["key"].str)' in secret '\(r["name"].str)'>\tOptional: \(goBool(r["optional"].isTrue))\n")
        } else if case .object = from["configMapKeyRef"] {
            let r = from["configMapKeyRef"]
            w.write(L3, "\(name):\t<set to the key '\(r["key"].str)' of config map '\(r["name"].str)'>\tOptional: \(goBool(r["optional"].isTrue))\n")
        }
    }
}

/// `resourcehelper.ExtractContainerResourceValue`: the container's limit/request divided by the
/// divisor (default 1), rounded up.
func containerResourceValue(_ ref: JSONValue, _ c: JSONValue) -> String? {
    var divisor = DescribeQuantity(json: ref["divisor"]) ?? .zero
    if divisor.isZero { divisor = DescribeQuantity("1")! }
    let resource = ref["resource"].str
    let parts = resource.split(separator: ".", maxSplits: 1).map(String.init)
    guard parts.count == 2, parts[0] == "limits" || parts[0] == "requests" else { return nil }
    let q = DescribeQuantity(json: c["resources"][parts[0]][parts[1]]) ?? .zero
    switch parts[1] {
    case "cpu":
        let d = Double(divisor.milliValue)
        return String(Int64((Double(q.milliValue) / d).rounded(.up)))
    case "memory", "ephemeral-storage":
        return String(Int64((Double(q.value) / Double(divisor.value)).rounded(.up)))
    default:
        guard parts[0] == "requests", parts[1].hasPrefix("hugepages-") else { return nil }
        return String(Int64((Double(q.value) / Double(divisor.value)).rounded(.up)))
    }
}

func describeContainerMounts(_ w: DescribeWriter, _ c: JSONValue) {
    let mounts = sortedByKey(c["volumeMounts"].arr) { $0["mountPath"].str }
    let none = mounts.isEmpty ? "\t<none>" : ""
    w.write(L2, "Mounts:\(none)\n")
    for m in mounts {
        var flags = [m["readOnly"].isTrue ? "ro" : "rw"]
        let sub = m["subPath"].str
        if !sub.isEmpty { flags.append("path=\(strconvQuote(sub))") }
        w.write(L3, "\(m["mountPath"].str) from \(m["name"].str) (\(flags.joined(separator: ",")))\n")
    }
    let devices = sortedByKey(c["volumeDevices"].arr) { $0["devicePath"].str }
    if !devices.isEmpty {
        w.write(L2, "Devices:\(none)\n")
        for d in devices { w.write(L3, "\(d["devicePath"].str) from \(d["name"].str)\n") }
    }
}
