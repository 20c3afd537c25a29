import KubeModel
import KubeSchema

/// Re-shapes an unstructured value the way a decode into the Go type and re-encode would:
/// known fields in struct order (unknown ones after, in their order), non-omitempty fields added.
/// Covers JobSpec → PodTemplateSpec → PodSpec → Container; deeper values keep their order.
enum TypedOrder {
    // Go field orders from the one table of them (KubeSchema's GoFieldOrder).
    static let objectMeta = GoFieldOrder.fields("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta") ?? []
    static let jobSpecOrder = GoFieldOrder.fields("io.k8s.api.batch.v1.JobSpec") ?? []
    static let podSpecOrder = GoFieldOrder.fields("io.k8s.api.core.v1.PodSpec") ?? []
    static let containerOrder = GoFieldOrder.fields("io.k8s.api.core.v1.Container") ?? []

    static func reorder(_ v: JSONValue, _ order: [String], _ transform: (String, JSONValue) -> JSONValue = { $1 }) -> JSONObject {
        guard let o = v.object else { return JSONObject() }
        var out = JSONObject()
        for k in order { if let x = o[k] { out[k] = transform(k, x) } }
        for (k, x) in o where out[k] == nil { out[k] = x }
        return out
    }

    static func meta(_ v: JSONValue) -> JSONValue {
        var o = reorder(v, objectMeta)
        if o["creationTimestamp"] == nil { o.insert("creationTimestamp", .null, at: o.index(of: "labels") ?? o.count) }
        // keep creationTimestamp in its struct slot
        return .object(reorder(.object(o), objectMeta))
    }

    static func container(_ v: JSONValue) -> JSONValue {
        var o = reorder(v, containerOrder)
        if o["resources"] == nil { o["resources"] = .emptyObject; o = reorder(.object(o), containerOrder) }
        // ResourceRequirements in its struct order.
        if let r = o["resources"], r.object != nil { o["resources"] = .object(reorder(r, ["limits", "requests", "claims"])) }
        return .object(o)
    }

    static func podSpec(_ v: JSONValue) -> JSONValue {
        var o = reorder(v, podSpecOrder) { k, x in
            // A nil slice stays null (containers has no omitempty).
            (k == "containers" || k == "initContainers") && !x.isNull ? .array((x.array ?? []).map(container)) : x
        }
        if o["containers"] == nil { o["containers"] = .null; o = reorder(.object(o), podSpecOrder) }
        return .object(o)
    }

    static func jobSpec(_ v: JSONValue) -> JSONValue {
        var o = reorder(v, jobSpecOrder) { k, x in
            guard k == "template" else { return x }
            return .object(reorder(x, ["metadata", "spec"]) { k2, y in k2 == "metadata" ? meta(y) : podSpec(y) })
        }
        if o["template"] == nil { o["template"] = ["metadata": ["creationTimestamp": .null], "spec": ["containers": .null]] }
        if o["template"]?["metadata"].isNull == true {
            var t = o["template"]!
            t["metadata"] = ["creationTimestamp": .null]
            o["template"] = .object(reorder(t, ["metadata", "spec"]))
        }
        return .object(reorder(.object(o), jobSpecOrder))
    }
}

/// `kubectl run NAME --image=...`: the Pod it builds (run-pod/v1 generator) and run's own checks.
extension RunOptions {
    /// A rough check of docker reference syntax (`reference.ReferenceRegexp`): lower-case path
    /// components, optional `:tag` and `@digest`, optional `host[:port]/` prefix.
    static func isValidImage(_ image: String) -> Bool {
        var rest = Substring(image)
        if let at = rest.firstIndex(of: "@") {
            let digest = rest[rest.index(after: at)...]
            let dp = digest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            if dp.count != 2 || dp[0].isEmpty || dp[1].count < 32 { return false }
            rest = rest[..<at]
        }
        var comps = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !comps.isEmpty else { return false }
        var last = comps.removeLast()
        if let colon = last.firstIndex(of: ":") {
            let tag = last[last.index(after: colon)...]
            if tag.isEmpty || tag.count > 128 || !tag.allSatisfy({ $0.isLetter || $0.isNumber || "_.-".contains($0) })
                || tag.first == "." || tag.first == "-" { return false }
            last = String(last[..<colon])
        }
        comps.append(last)
        for (i, c) in comps.enumerated() {
            if c.isEmpty { return false }
            if i == 0 && comps.count > 1 && (c.contains(".") || c.contains(":") || c == "localhost" || c.contains(where: { $0.isUppercase })) {
                continue  // registry host
            }
            let u = Array(c.utf8)
            let lowerAlnum: (UInt8) -> Bool = { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) }
            if !lowerAlnum(u.first!) || !lowerAlnum(u.last!) { return false }
            if !u.allSatisfy({ lowerAlnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }) { return false }
        }
        return true
    }

    func pod(args: [String], argsLenAtDash: Int?, context: GeneratorContext) throws -> JSONValue {
        if args.isEmpty || argsLenAtDash == 0 { throw CLIError.usage("NAME is required for run") }
        if image.isEmpty { throw CLIError.message("--image is required") }
        if !Self.isValidImage(image) { throw CLIError.message("Invalid image name \(goQuoted(image)): invalid reference format") }
        if tty && !stdin { throw CLIError.usage("-i/--stdin is required for containers with -t/--tty=true") }
        if expose && port.isEmpty {
            throw CLIError.usage("--port must be set when exposing a service")
        }
        let attach = self.attach ?? stdin
        var restart = self.restart ?? "Always"
        if restart.isEmpty { restart = attach ? "OnFailure" : "Always" }
        guard ["Always", "OnFailure", "Never"].contains(restart) else {
            throw CLIError.usage("invalid restart policy: \(restart)")
        }
        if !attach && rm { throw CLIError.usage("--rm should only be used for attached containers") }
        if attach && !(printFlags.dryRun.isEmpty || printFlags.dryRun == "none") {
            throw CLIError.usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
        }
        let pull = imagePullPolicy
        if !pull.isEmpty && !["Always", "IfNotPresent", "Never"].contains(pull) {
            throw CLIError.usage("invalid image pull policy: \(pull)")
        }
        let name = args[0]
        if name.isEmpty { throw CLIError.message("Parameter: name is required") }
        let extra = Array(args.dropFirst())
        // generator params
        let labelSpec = self.labels
        var labels: [(String, String)] = []
        if !labelSpec.isEmpty {
            for item in Gen.split(labelSpec, ",") {
                let kv = Gen.split(item, "=")
                if kv.count != 2 { throw CLIError.message("unexpected label spec: \(item)") }
                if kv[0].isEmpty { throw CLIError.message("unexpected empty label key") }
                labels.removeAll { $0.0 == kv[0] }
                labels.append((kv[0], kv[1]))
            }
        } else {
            labels = [("run", name)]
        }
        var annotations: [(String, String)] = []
        // A lone empty value (`--annotations=`, `--env=`) is as if the flag were not given.
        for a in self.annotations where self.annotations != [""] {
            let kv = Gen.splitN2(a, "=")
            if kv.count != 2 || kv[0].isEmpty { throw CLIError.message("invalid annotations format: \(a)") }
            annotations.removeAll { $0.0 == kv[0] }
            annotations.append((kv[0], kv[1]))
        }
        var env: [JSONValue] = []
        for e in self.env where self.env != [""] {
            let kv = Gen.splitN2(e, "=")
            if kv.count != 2 || kv[0].isEmpty || !isEnvVarName(kv[0]).isEmpty {
                throw CLIError.message("invalid env: \(e)")
            }
            env.append(Gen.obj([("name", .string(kv[0])), ("value", kv[1].isEmpty ? nil : .string(kv[1]))]))
        }
        var ports: JSONValue? = nil
        let portText = port
        if !portText.isEmpty {
            let port = try Gen.atoi(portText)
            // Any port given is kept, 0 and negative ones too (kubectl leaves them to the API server).
            ports = .array([["containerPort": .int(Int64(Int32(truncatingIfNeeded: port)))]])
        }
        let useCommand = command
        let c = container(name: name, image: image,
                          command: useCommand ? extra : nil, args: useCommand ? nil : extra,
                          ports: ports, env: env.isEmpty ? nil : .array(env), imagePullPolicy: pull,
                          securityContext: privileged ? ["privileged": true] : nil,
                          stdin: stdin, stdinOnce: stdin && !leaveStdinOpen, tty: tty)
        return Gen.obj([
            ("kind", "Pod"), ("apiVersion", "v1"),
            ("metadata", Gen.meta(name: name, namespace: context.namespace, labels: Gen.sortedMap(labels),
                                  annotations: annotations.isEmpty ? nil : Gen.sortedMap(annotations))),
            ("spec", Gen.obj([("containers", .array([c])), ("restartPolicy", .string(restart)), ("dnsPolicy", "ClusterFirst")])),
            ("status", .emptyObject),
        ])
    }
}
