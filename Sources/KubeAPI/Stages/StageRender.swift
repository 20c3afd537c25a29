import KubeCodec
import KubeModel
import KubeTemplate

/// What a Stage's templates can ask about the cluster (kwok's template functions).
protocol StageEnvironment {
    var now: Timestamp { get }
    /// The InternalIP of a node (for `NodeIPWith`), or the node being staged (`NodeIP`).
    func nodeIP(_ nodeName: String) -> String
    /// A pod's IP: its current one, or a new address of its node's pod range (the node's IP with host network).
    func podIP(nodeName: String, hostNetwork: Bool, uid: String, name: String, namespace: String) -> String
    /// Every address of a node or pod (one per IP family; the cluster is single-stack).
    func nodeIPs(_ nodeName: String) -> [String]
    func podIPs(nodeName: String, hostNetwork: Bool, uid: String, name: String, namespace: String) -> [String]
}

extension StageEnvironment {
    func nodeIPs(_ nodeName: String) -> [String] { [nodeIP(nodeName)] }
    func podIPs(nodeName: String, hostNetwork: Bool, uid: String, name: String, namespace: String) -> [String] {
        [podIP(nodeName: nodeName, hostNetwork: hostNetwork, uid: uid, name: name, namespace: namespace)]
    }
}

/// One thing a stage does, in order (kwok's steps).
enum StageStep: Equatable {
    case event(type: String, reason: String, message: String)
    /// A JSON patch of `metadata.finalizers`.
    case finalizers(JSONValue)
    case delete
    /// A patch of the object or its subresource; `type` is `json`, `merge` or `strategic`.
    case patch(data: JSONValue, subresource: String, type: String)
}

struct StageRenderError: Error { var message: String }

extension Stage {
    /// What the stage does to `obj`: its event, its finalizer changes, then deletion or its patches.
    func steps(for obj: JSONValue, env: StageEnvironment) throws -> [StageStep] {
        var out: [StageStep] = []
        if let e = event { out.append(.event(type: e.type, reason: e.reason, message: e.message)) }
        if let ops = finalizerPatch(obj["metadata"]["finalizers"].array?.compactMap(\.string) ?? []) { out.append(.finalizers(ops)) }
        if delete {
            out.append(.delete)
            return out
        }
        let isPodOrNode = group.isEmpty && (kind == "Pod" || kind == "Node")
        for p in patches {
            let rendered = try Stage.render(p.template, obj, env: env)
            switch p.type {
            case "json":
                var ops = rendered.array ?? []
                if !p.root.isEmpty {
                    for i in ops.indices { ops[i]["path"] = .string("/" + p.root + (ops[i]["path"].string ?? "")) }
                }
                out.append(.patch(data: .array(ops), subresource: p.subresource, type: "json"))
            default:
                var data = rendered
                if !p.root.isEmpty { data = .object(JSONObject([(p.root, rendered)])) }
                let type = p.type.isEmpty ? (isPodOrNode ? "strategic" : "merge") : p.type
                out.append(.patch(data: data, subresource: p.subresource, type: type))
            }
        }
        return out
    }

    /// kwok's finalizer operations as one JSON patch (nil when nothing changes).
    func finalizerPatch(_ current: [String]) -> JSONValue? {
        if finalizersEmpty {
            return current.isEmpty ? nil : [["op": "remove", "path": "/metadata/finalizers"]]
        }
        var ops: [JSONValue] = []
        var list = current
        for f in finalizersRemove {
            if let i = list.firstIndex(of: f) {
                ops.append(["op": "remove", "path": .string("/metadata/finalizers/\(i)")])
                list.remove(at: i)
            }
        }
        let added = finalizersAdd.filter { !list.contains($0) }
        if !added.isEmpty {
            if list.isEmpty && current.isEmpty {
                ops.append(["op": "add", "path": "/metadata/finalizers", "value": .array(added.map { .string($0) })])
            } else {
                for f in added { ops.append(["op": "add", "path": "/metadata/finalizers/-", "value": .string(f)]) }
            }
        }
        return ops.isEmpty ? nil : .array(ops)
    }

    /// Renders a template over the object and reads the result as YAML.
    static func render(_ text: String, _ obj: JSONValue, env: StageEnvironment) throws -> JSONValue {
        let trimmed = text.trimmingWhitespace
        let out: String
        do {
            let tpl = try GoTemplate.parse(trimmed, name: "_", functions: functions(obj, env: env))
            out = try tpl.execute(obj)
        } catch let e as GoTemplateError {
            throw StageRenderError(message: e.message)
        }
        do {
            return try YAMLCodec.decode(out)
        } catch {
            throw StageRenderError(message: "\(error): \(out)")
        }
    }

    /// kwok's template functions (and the few sprig ones its stages use).
    static func functions(_ obj: JSONValue, env: StageEnvironment) -> [String: GoTemplateFunction] {
        let str: (JSONValue) -> String = { $0.string ?? ($0.isNull ? "" : $0.compactJSON) }
        let nodeName = obj["kind"].string == "Node" ? obj["metadata"]["name"].string ?? "" : obj["spec"]["nodeName"].string ?? ""
        let podIPsWith: ([JSONValue]) -> [String] = { a in
            env.podIPs(nodeName: str(a.first ?? .null), hostNetwork: (a.count > 1 ? a[1].bool : nil) ?? false,
                       uid: a.count > 2 ? str(a[2]) : "", name: a.count > 3 ? str(a[3]) : "", namespace: a.count > 4 ? str(a[4]) : "")
        }
        return [
            "Quote": GoTemplateFunction { a in
                let v = a.first ?? .null
                if case .string = v { return .string(v.compactJSON) }
                return .string(strconvQuote(v.compactJSON))
            },
            "Now": GoTemplateFunction { _ in .string(env.now.rfc3339) },
            "StartTime": GoTemplateFunction { _ in .string(env.now.rfc3339) },
            "Version": GoTemplateFunction { _ in .string(StageDefaults.kwokVersion) },
            "YAML": GoTemplateFunction { a in
                var text = YAMLCodec.encode(a.first ?? .null)
                if text.hasSuffix("\n") { text.removeLast() }
                if a.count > 1, let n = a[1].int, n > 0 {
                    let pad = String(repeating: " ", count: Int(n) * 2)
                    text = ("\n" + text).replacingAll("\n", with: "\n" + pad)
                }
                return .string(text)
            },
            "NodeConditions": GoTemplateFunction { _ in StageDefaults.nodeConditions },
            "NodeName": GoTemplateFunction { _ in .string(nodeName) },
            "NodeIP": GoTemplateFunction { _ in .string(env.nodeIP(nodeName)) },
            "NodePort": GoTemplateFunction { _ in 10250 },
            "NodeIPWith": GoTemplateFunction { a in .string(env.nodeIP(str(a.first ?? .null))) },
            "NodeIPsWith": GoTemplateFunction { a in .array(env.nodeIPs(str(a.first ?? .null)).map { .string($0) }) },
            "PodIP": GoTemplateFunction { _ in
                .string(env.podIP(nodeName: nodeName, hostNetwork: obj["spec"]["hostNetwork"].bool ?? false,
                                  uid: obj["metadata"]["uid"].string ?? "", name: obj["metadata"]["name"].string ?? "",
                                  namespace: obj["metadata"]["namespace"].string ?? ""))
            },
            "PodIPWith": GoTemplateFunction { a in .string(podIPsWith(a).first ?? "") },
            "PodIPsWith": GoTemplateFunction { a in .array(podIPsWith(a).map { .string($0) }) },
            "dict": GoTemplateFunction { a in
                var o = JSONObject()
                var i = 0
                while i < a.count {
                    o[str(a[i])] = i + 1 < a.count ? a[i + 1] : .string("")
                    i += 2
                }
                return .object(o)
            },
            "list": GoTemplateFunction { a in .array(a) },
        ]
    }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = Array(unicodeScalars)
        let ws: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !ws($0) }), let last = scalars.lastIndex(where: { !ws($0) }) else { return "" }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[first...last])
        return out
    }
}
