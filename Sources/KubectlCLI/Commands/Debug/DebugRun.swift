import KubeAPI
import KubeModel
import KubeRegistry

/// The debugging objects of `kubectl debug`, written as kubectl writes them: the ephemeral container
/// through `pods/ephemeralcontainers`, the copy and the node pod as new pods.
struct DebugRun {
    let o: DebugOptions
    var profile: DebugProfile { DebugProfile(name: o.profile, keep: o.keep) }

    init(options: DebugOptions) { o = options }

    func run(_ inv: inout Invocation) throws {
        // Bare names are pods (kubectl's ResourceNames("pods", ...)).
        let args = o.targetNames.map { $0.contains("/") ? $0 : "pods/" + $0 }
        let builder = ResourceBuilder.from(inv, args: args)
        let infos = try builder.resolve(&inv).infos(&inv, fetch: builder.hasFiles ? .names : .latest)
        for r in infos {
            let info = try r.get()
            guard let type = info.type, type.group.isEmpty, type.kind == "Pod" || type.kind == "Node" else {
                let gvk = info.type.map { "\($0.group)/\($0.version), Kind=\($0.kind)" } ?? ""
                throw CLIError.message("\(goQuoted(gvk)) not supported by debug")
            }
            let object = info.objectInNamespace
            let (pod, containerName) = type.kind == "Node" ? try debugNode(object, &inv)
                : !o.copyTo.isEmpty ? try debugByCopy(object, &inv) : try debugByEphemeralContainer(object, &inv)
            if o.attach && !containerName.isEmpty {
                let podName = pod["metadata"]["name"].string ?? ""
                let kept = type.kind == "Pod" && o.copyTo.isEmpty ? "the debugging container was added to the pod and stays"
                    : "the pod was created and stays"
                throw CLIError.message("cannot attach to container \(goQuoted(containerName)) of pod \(goQuoted(podName)): kubectl-local has no container runtime, so nothing runs inside pods (\(kept); see it with 'kubectl get pod \(podName) -o yaml')")
            }
        }
    }

    /// `debugger-xxxxx` (or `--container`), unused by the pod's containers.
    func containerName(for pod: JSONValue, _ inv: Invocation) -> String {
        if !o.container.isEmpty { return o.container }
        let taken = Set(["containers", "initContainers", "ephemeralContainers"].flatMap { key in
            (pod["spec"][key].array ?? []).compactMap { $0["name"].string }
        })
        var name = ""
        while name.isEmpty || taken.contains(name) { name = "debugger-" + randomSuffix() }
        if !o.quiet { inv.io.out.write("Defaulting debug container name to \(name).\n") }
        return name
    }

    /// The fields every new debugging container gets, in kubectl's order.
    func debugContainer(_ name: String) -> JSONValue {
        var c: JSONValue = ["name": .string(name)]
        if !o.args.isEmpty { c[o.argsOnly ? "args" : "command"] = .array(o.args.map { .string($0) }) }
        if !o.env.isEmpty { c["env"] = envList }
        c["image"] = .string(o.image)
        if !o.pullPolicy.isEmpty { c["imagePullPolicy"] = .string(o.pullPolicy) }
        c["resources"] = .emptyObject
        if o.interactive { c["stdin"] = true }
        c["terminationMessagePolicy"] = "File"
        if o.tty { c["tty"] = true }
        return c
    }

    var envList: JSONValue { .array(o.env.map { ["name": .string($0.0), "value": .string($0.1)] }) }

    func debugByEphemeralContainer(_ pod: JSONValue, _ inv: inout Invocation) throws -> (JSONValue, String) {
        let name = containerName(for: pod, inv)
        var ec = debugContainer(name)
        if !o.targetContainer.isEmpty { ec["targetContainerName"] = .string(o.targetContainer) }
        var copied = pod
        var list = copied["spec"]["ephemeralContainers"].array ?? []
        list.append(ec)
        copied["spec"]["ephemeralContainers"] = .array(list)
        profile.apply(&copied, container: name, style: .ephemeral)
        list = copied["spec"]["ephemeralContainers"].array ?? []
        if let custom = o.custom, let i = list.firstIndex(where: { $0["name"].string == name }) {
            list[i] = try merged(list[i], custom: custom, name: name)
        }
        let ns = pod["metadata"]["namespace"].string ?? o.namespace, podName = pod["metadata"]["name"].string ?? ""
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod") else { return (pod, name) }
        let result = try server.write { s in
            // kubectl sends a strategic merge patch: the list merges by name into the stored one.
            var merged = try s.get(podType, namespace: ns, name: podName)["spec"]["ephemeralContainers"].array ?? []
            for c in list {
                if let i = merged.firstIndex(where: { $0["name"] == c["name"] }) {
                    if !(pod["spec"]["ephemeralContainers"].array ?? []).contains(c) { merged[i] = c }
                } else {
                    merged.append(c)
                }
            }
            return try s.updateEphemeralContainers(namespace: ns, name: podName, containers: merged)
        }
        return (result, name)
    }

    func debugByCopy(_ pod: JSONValue, _ inv: inout Invocation) throws -> (JSONValue, String) {
        let (copied, name) = try podCopy(pod, inv)
        let ns = copied["metadata"]["namespace"].string ?? o.namespace
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod") else { return (copied, name) }
        let created = try server.write { try $0.create(copied, type: podType, namespace: ns) }
        if o.replace {
            // kubectl deletes the original at once (grace period 0).
            try server.write { _ = try $0.delete(podType, namespace: pod["metadata"]["namespace"].string ?? ns,
                                                 name: pod["metadata"]["name"].string ?? "", gracePeriod: 0) }
        }
        return (created, name)
    }

    /// The copy: name, namespace, labels and annotations of the original and its spec (without
    /// ephemeral containers; unbound unless --same-node), images changed, the debugging container
    /// added or an existing one changed, then the profile and --custom.
    func podCopy(_ pod: JSONValue, _ inv: Invocation) throws -> (JSONValue, String) {
        var meta: JSONValue = ["name": .string(o.copyTo), "namespace": pod["metadata"]["namespace"]]
        if !pod["metadata"]["labels"].isNull { meta["labels"] = pod["metadata"]["labels"] }
        if !pod["metadata"]["annotations"].isNull { meta["annotations"] = pod["metadata"]["annotations"] }
        var spec = pod["spec"]
        spec.remove(["ephemeralContainers"])
        if o.shareProcessesChanged { spec["shareProcessNamespace"] = .bool(o.shareProcesses) }
        if !o.sameNode { spec.remove(["nodeName"]) }
        if var list = spec["containers"].array {
            let all = o.setImages.last { $0.0 == "*" }?.1 ?? ""
            for i in list.indices {
                let image = o.setImages.last { $0.0 == list[i]["name"].string }?.1 ?? all
                if !image.isEmpty { list[i]["image"] = .string(image) }
            }
            spec["containers"] = .array(list)
        }
        var copied: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec]
        var name = o.container
        var location = existing(copied, name)
        if location == nil {
            if o.image.isEmpty {
                if !o.setImages.isEmpty { return (copied, "") }
                throw CLIError.message("you must specify image when creating new container")
            }
            if name.isEmpty { name = containerName(for: copied, inv) }
            let list = (copied["spec"]["containers"].array ?? []) + [["name": .string(name), "terminationMessagePolicy": "File"]]
            copied["spec"]["containers"] = .array(list)
            location = ("containers", list.count - 1)
        }
        let (key, index) = location!
        var c = copied["spec"][key][index]
        if !o.args.isEmpty {
            if o.argsOnly { c["args"] = .array(o.args.map { .string($0) }) } else {
                c["command"] = .array(o.args.map { .string($0) })
                c.remove(["args"])
            }
        }
        if !o.env.isEmpty { c["env"] = envList }
        if !o.image.isEmpty { c["image"] = .string(o.image) }
        if !o.pullPolicy.isEmpty { c["imagePullPolicy"] = .string(o.pullPolicy) }
        if o.interactive { c["stdin"] = true } else { c.remove(["stdin"]) }
        if o.tty { c["tty"] = true } else { c.remove(["tty"]) }
        var list = copied["spec"][key].array ?? []
        list[index] = c
        copied["spec"][key] = .array(list)
        profile.apply(&copied, container: c["name"].string ?? name, style: .podCopy)
        if let custom = o.custom { try applyCustom(&copied, custom: custom, name: name) }
        return (copied, name)
    }

    /// Where the container of that name is (containers first, then init containers).
    func existing(_ pod: JSONValue, _ name: String) -> (String, Int)? {
        for key in ["containers", "initContainers"] {
            if let i = (pod["spec"][key].array ?? []).firstIndex(where: { $0["name"].string == name }) { return (key, i) }
        }
        return nil
    }

    func debugNode(_ node: JSONValue, _ inv: inout Invocation) throws -> (JSONValue, String) {
        let nodeName = node["metadata"]["name"].string ?? ""
        let name = o.container.isEmpty ? "debugger" : o.container
        let podName = "node-debugger-\(nodeName)-\(randomSuffix())"
        if !o.quiet { inv.io.out.write("Creating debugging pod \(podName) with container \(name) on node \(nodeName).\n") }
        let c = debugContainer(name)
        var pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(podName)],
                              "spec": ["containers": .array([c]), "nodeName": .string(nodeName), "restartPolicy": "Never",
                                       "tolerations": [["operator": "Exists"]]]]
        profile.apply(&pod, container: name, style: .node)
        if let custom = o.custom { try applyCustom(&pod, custom: custom, name: name) }
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod") else { return (pod, name) }
        let created = try server.write { try $0.create(pod, type: podType, namespace: o.namespace) }
        return (created, name)
    }

    /// `--custom` merged (strategic merge, as a container) into the pod's container of that name.
    func applyCustom(_ pod: inout JSONValue, custom: JSONValue, name: String) throws {
        guard var list = pod["spec"]["containers"].array, let i = list.firstIndex(where: { $0["name"].string == name }) else {
            throw CLIError.message("unable to find the \(name) container in the pod \(pod["metadata"]["name"].string ?? "")")
        }
        list[i] = try merged(list[i], custom: custom, name: name)
        pod["spec"]["containers"] = .array(list)
    }

    func merged(_ container: JSONValue, custom: JSONValue, name: String) throws -> JSONValue {
        var patch = custom
        patch["name"] = .string(name)
        let schema = PatchSchema.forObject(apiVersion: "v1", kind: "Pod").field("spec").schema.field("containers").schema
        do { return try StrategicMerge.apply(container, patch: patch, schema: schema) } catch {
            throw CLIError.message("error creating three way patch to add debug container: \(error)")
        }
    }
}
