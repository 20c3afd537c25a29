import KubeModel
import KubeRegistry
import KubeStore

/// kwok's resource lifecycle controller over the store: every write of an object that some Stage may
/// concern picks the stage that applies (kwok's weighted choice) and schedules it after its delay on the
/// timer agenda; when it falls due and still matches, its steps run (event, finalizers, delete, patches),
/// and the write that results picks the next stage. Stages come from the user's Stage objects and, for
/// objects kwok manages (nodes annotated `kwok.x-k8s.io/node: fake` and their pods), from the default
/// stages a user's stage of the same name replaces.
extension ControllerManager {
    static let stageStorageKey = "kwok.x-k8s.io/stages"

    /// The user's stages by `group/kind` (read once per transaction, again after a Stage changes).
    func userStages() throws -> [String: [Stage]] {
        if let c = stageCache { return c }
        var out: [String: [Stage]] = [:]
        if try s.tx.count(resource: Self.stageStorageKey, namespace: nil) > 0 {
            for row in try s.tx.list(resource: Self.stageStorageKey, namespace: nil) {
                guard let obj = try? JSON.parse(row.data), let st = (try? Stage.parse(obj)) ?? nil else { continue }
                out[st.group + "/" + st.kind, default: []].append(st)
            }
        }
        stageCache = out
        return out
    }

    /// The stages that apply to objects of `type`; the defaults only for objects kwok manages.
    func stages(for type: ResourceType, managed: Bool) throws -> StageSet {
        let user = try userStages()[type.group + "/" + type.kind] ?? []
        guard managed else { return StageSet(stages: user) }
        let names = Set(user.map(\.name))
        let defaults = StageDefaults.stages.filter { $0.group == type.group && $0.kind == type.kind && !names.contains($0.name) }
        return StageSet(stages: user + defaults)
    }

    /// Whether kwok manages the object: an annotated node, or a pod bound to one.
    func kwokManaged(_ type: ResourceType, _ obj: JSONValue) throws -> Bool {
        guard type.group.isEmpty else { return false }
        if type.kind == "Node" { return obj["metadata"]["annotations"][StageDefaults.managedAnnotation].string == "fake" }
        guard type.kind == "Pod", let node = obj["spec"]["nodeName"].string, !node.isEmpty else { return false }
        return try kwokManagedNode(node)
    }

    func kwokManagedNode(_ name: String) throws -> Bool {
        if let known = managedNodes[name] { return known }
        // The scheduler's view of the node (read once per transaction, or remembered across them while
        // its resource version holds) instead of another read and decode of the node.
        let managed = try nodeInfo(name)?.obj["metadata"]["annotations"][StageDefaults.managedAnnotation].string == "fake"
        managedNodes[name] = managed
        return managed
    }

    /// Whether a write of `type` may concern a stage (cheap: no store read unless stages exist).
    func stagesMayApply(_ type: ResourceType, _ obj: JSONValue) throws -> Bool {
        if try !(userStages()[type.group + "/" + type.kind] ?? []).isEmpty { return true }
        return try kwokManaged(type, obj)
    }

    /// A Stage object changed: every object of its kind is looked at again (by label when it selects by label).
    func stageChanged(_ stage: JSONValue) throws {
        stageCache = nil
        guard let st = (try? Stage.parse(stage)) ?? nil, let type = s.registry.type(group: st.group, kind: st.kind) else { return }
        let labels = (st.matchLabels ?? [:]).sorted { $0.key < $1.key }.map { KubeStore.LabelRequirement.equals($0.key, $0.value) }
        for row in try s.tx.listSummaries(resource: type.storageKey, namespace: nil, labels: labels) {
            enqueue(.stage(type.storageKey, row.namespace, row.name))
        }
    }

    /// Picks the stage for one object and schedules it (or runs it now when it has no delay).
    func syncStage(storageKey: String, namespace ns: String, name: String) throws {
        guard let type = s.registry.type(storageKey: storageKey) else { return }
        let id = Timers.objectID("stage", storageKey, ns, name)
        guard let obj = try s.find(type, namespace: ns, name: name) else {
            try Timers.cancel(s.tx, id: id)
            return
        }
        let set = try stages(for: type, managed: try kwokManaged(type, obj))
        let rv = obj["metadata"]["resourceVersion"].string ?? ""
        let seed = fnv64a((obj["metadata"]["uid"].string ?? "") + "/" + rv)
        guard let stage = set.pick(obj, seed: seed) else {
            try Timers.cancel(s.tx, id: id)
            return
        }
        // The same stage already waiting keeps its time (a write in between does not postpone it).
        if let (_, payload) = try Timers.scheduled(s.tx, id: id), payload["stage"].string == stage.name { return }
        let delay = stage.delayMillis(obj, now: now, seed: fnv64a(stage.name + "/" + String(seed)))
        if delay == 0 {
            try Timers.cancel(s.tx, id: id)
            try applyStage(stage, type: type, object: obj)
            return
        }
        var due = now.seconds + (delay + 999) / 1000
        // Far behind real time, a stage that repeats on the same object stands for all its repetitions.
        if let last = lastStageApplied, last == id + "#" + stage.name, wallNow.seconds - due > 600 {
            due = wallNow.seconds - ((wallNow.seconds - due) % max(1, (delay + 999) / 1000))
        }
        try Timers.set(s.tx, id: id, due: due, payload: ["stage": .string(stage.name)])
    }

    /// A scheduled stage fell due: it runs if it still applies to the object as it is now.
    func fireStage(storageKey: String, namespace ns: String, name: String, payload: JSONValue) throws {
        guard let type = s.registry.type(storageKey: storageKey), let obj = try s.find(type, namespace: ns, name: name) else { return }
        let set = try stages(for: type, managed: try kwokManaged(type, obj))
        guard let stage = set.stages.first(where: { $0.name == payload["stage"].string }), stage.matches(obj) else {
            enqueue(.stage(storageKey, ns, name))
            return
        }
        try applyStage(stage, type: type, object: obj)
    }

    /// Runs a stage's steps on the object.
    func applyStage(_ stage: Stage, type: ResourceType, object: JSONValue) throws {
        let ns = object["metadata"]["namespace"].string ?? "", name = object["metadata"]["name"].string ?? ""
        lastStageApplied = Timers.objectID("stage", type.storageKey, ns, name) + "#" + stage.name
        let steps: [StageStep]
        do {
            steps = try stage.steps(for: object, env: StoreStageEnvironment(c: self))
        } catch {
            return  // a template that fails leaves the object as it is, as kwok does
        }
        var current = object
        for step in steps {
            switch step {
            case .event(let type, let reason, let message):
                event(current, type: type, reason: reason, message: message, component: "kwok")
            case .delete:
                _ = try s.delete(type, namespace: ns, name: name)
                return
            case .finalizers(let ops):
                let patched = try JSONPatch.apply(current, patch: ops)
                current = try save(patched, current, type)
            case .patch(let data, let subresource, let kind):
                let patched: JSONValue
                switch kind {
                case "json": patched = try JSONPatch.apply(current, patch: data)
                case "strategic":
                    patched = try StrategicMerge.apply(current, patch: data,
                                                       schema: .forObject(apiVersion: current["apiVersion"].string ?? "", kind: type.kind))
                default: patched = try JSONMergePatch.apply(current, patch: data)
                }
                var next = current
                if subresource == "status" {
                    next["status"] = patched["status"]
                } else {
                    next = patched
                    next["status"] = current["status"]
                }
                current = try save(next, current, type)
            }
        }
    }
}

/// Template answers from the store: node addresses, pod addresses from the node's pod range.
struct StoreStageEnvironment: StageEnvironment {
    let c: ControllerManager
    var now: Timestamp { c.now }

    func nodeIP(_ nodeName: String) -> String {
        if let node = try? c.s.find(c.nodeType, namespace: "", name: nodeName),
            let ip = (node["status"]["addresses"].array ?? []).first(where: { $0["type"].string == "InternalIP" })?["address"].string
        {
            return ip
        }
        return "172.18.0.\(2 + Int(fnv32a(nodeName) % 250))"
    }

    func podIP(nodeName: String, hostNetwork: Bool, uid: String, name: String, namespace: String) -> String {
        if hostNetwork { return nodeIP(nodeName) }
        if let pod = try? c.s.find(c.podType, namespace: namespace, name: name), let ip = pod["status"]["podIP"].string, !ip.isEmpty {
            return ip
        }
        guard let node = try? c.s.find(c.nodeType, namespace: "", name: nodeName) else { return "10.244.0.\(2 + Int(fnv32a(name) % 250))" }
        return c.allocatePodIP(node: node)
    }
}
