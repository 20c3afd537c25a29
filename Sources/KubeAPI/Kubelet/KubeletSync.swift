import KubeModel
import KubeRegistry
import KubeStore

/// The kubelet's pod sync for a pod bound to a node whose containers are not all up: mount volumes, run
/// the init containers in order, pull images and create containers, reporting each step as the kubelet
/// does (container states, pod conditions, events). A step that fails is retried later (see
/// `KubeletRecord`): image pulls back off 10 s, 20 s, ... up to 300 s, mounts up to 2m2s.
extension ControllerManager {
    enum KubeletMode { case initial, retry, wake }

    /// One sync pass over the pod's status at `now`.
    func kubeletSync(_ p: inout JSONValue, node: JSONValue, mode: KubeletMode) throws {
        let ns = p["metadata"]["namespace"].string ?? "default", name = p["metadata"]["name"].string ?? ""
        var rec = try KubeletRecord.load(s.tx, namespace: ns, name: name, uid: p["metadata"]["uid"].string ?? "")
        rec.due = nil
        var status = p["status"]
        let hostIP = (node["status"]["addresses"].array ?? []).first { $0["type"].string == "InternalIP" }?["address"].string ?? ""
        status["hostIP"] = .string(hostIP)
        status["hostIPs"] = [["ip": .string(hostIP)]]
        if status["qosClass"].isNull { status["qosClass"] = .string(Defaults.qosClass(p["spec"])) }
        if status["startTime"].isNull { status["startTime"] = .string(now.rfc3339) }
        let mountErrors = try volumeMountErrors(p)
        if !mountErrors.isEmpty {
            mountFailed(p, status: &status, errors: mountErrors, rec: &rec, quiet: mode == .wake, node: node)
        } else {
            rec.mountAttempts = 0
            rec.mountSince = nil
            rec.mountErrors = nil
            if status["podIP"].isNull || (status["podIP"].string ?? "").isEmpty {
                let podIP = rec.podIP ?? (p["spec"]["hostNetwork"].bool == true ? hostIP : allocatePodIP(node: node))
                status["podIP"] = .string(podIP)
                status["podIPs"] = [["ip": .string(podIP)]]
            }
            try runContainers(p, status: &status, rec: &rec, mode: mode, node: node)
            rec.podIP = nil
            if !rec.hooks.isEmpty {
                // The first sync is held in a postStart hook: its status was written before the pod's
                // sandbox was made (no IP, PodReadyToStartContainers False); the IP is kept for later.
                rec.podIP = status["podIP"].string
                _ = status.remove(["podIP"])
                _ = status.remove(["podIPs"])
                status["conditions"] = .array((status["conditions"].array ?? []).map { c in
                    var c = c
                    if c["type"].string == "PodReadyToStartContainers" { c["status"] = "False" }
                    return c
                })
            }
        }
        keepTransitionTimes(&status, old: p["status"])
        p["status"] = status
        try rec.save(s.tx, namespace: ns, name: name, waiting: status["phase"].string == "Pending")
    }

    /// Volumes that cannot be mounted: no sandbox, containers wait in ContainerCreating.
    private func mountFailed(_ p: JSONValue, status: inout JSONValue, errors: [(String, String)], rec: inout KubeletRecord,
                             quiet: Bool, node: JSONValue) {
        let nodeName = node["metadata"]["name"].string ?? ""
        let first = rec.mountSince == nil
        if rec.mountSince == nil { rec.mountSince = now.seconds }
        let text = errors.map { $0.0 + ": " + $0.1 }.joined(separator: "\n")
        let changed = text != rec.mountErrors
        rec.mountErrors = text
        if !quiet || first || changed {
            for (vol, msg) in errors {
                event(p, type: "Warning", reason: "FailedMount", message: "MountVolume.SetUp failed for volume \(strconvQuote(vol)) : \(msg)",
                      component: "kubelet", host: nodeName)
            }
            // The pod worker gives up waiting after two minutes and says which volumes are missing.
            if let since = rec.mountSince, now.seconds - since >= 122, rec.mountAttempts % 2 == 0 {
                let names = errors.map(\.0).joined(separator: " ")
                event(p, type: "Warning", reason: "FailedMount",
                      message: "Unable to attach or mount volumes: unmounted volumes=[\(names)], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition",
                      component: "kubelet", host: nodeName)
            }
            rec.mountAttempts += 1
        }
        let delays: [Int64] = [1, 1, 2, 4, 8, 16, 32, 64]
        let step = Int(rec.mountAttempts) - 1
        rec.due = now.seconds + (step < delays.count ? delays[max(0, step)] : 122)
        let inits = (p["spec"]["initContainers"].array ?? []).map { waitingStatus($0, reason: "PodInitializing", message: nil) }
        let mains = (p["spec"]["containers"].array ?? []).map { waitingStatus($0, reason: "ContainerCreating", message: nil) }
        status["containerStatuses"] = .array(mains.sorted { ($0["name"].string ?? "") < ($1["name"].string ?? "") })
        if !inits.isEmpty { status["initContainerStatuses"] = .array(inits) }
        let initNames = (p["spec"]["initContainers"].array ?? []).compactMap { $0["name"].string }
        let mainNames = sidecarsUnready(p, inits) + (p["spec"]["containers"].array ?? []).compactMap { $0["name"].string }
        status["conditions"] = podConditions(sandbox: false, incompleteInits: initNames, unready: mainNames)
        status["phase"] = "Pending"
        _ = status.remove(["podIP"])
        _ = status.remove(["podIPs"])
    }

    /// Init containers in order, then the app containers.
    private func runContainers(_ p: JSONValue, status: inout JSONValue, rec: inout KubeletRecord, mode: KubeletMode,
                               node: JSONValue) throws {
        let ns = p["metadata"]["namespace"].string ?? "default"
        var ctx = ContainerContext(pod: p, node: node, namespace: ns, mode: mode)
        // The probes reach the pod at its IP.
        ctx.pod["status"]["podIP"] = status["podIP"]
        var inits: [JSONValue] = []
        var incomplete: [String] = []
        let previousInits = byName(status["initContainerStatuses"])
        for c in p["spec"]["initContainers"].array ?? [] {
            let cname = c["name"].string ?? ""
            if !incomplete.isEmpty {
                // Not started yet: incomplete, a sidecar too (it counts once it has started).
                inits.append(waitingStatus(c, reason: "PodInitializing", message: nil))
                incomplete.append(cname)
                continue
            }
            let st = try startContainer(c, previous: previousInits[cname], isInit: true, ctx: &ctx, rec: &rec)
            inits.append(st)
            // A sidecar is done once it runs and its startup probe (if any) has succeeded: the next
            // init container waits for that (computeInitContainerActions).
            let done = (!st["state"]["terminated"].isNull && !restartPending(c, st, pod: p))
                || (PodSpecs.isSidecar(c) && !st["state"]["running"].isNull && st["started"].bool != false)
            if !done { incomplete.append(cname) }
        }
        if !inits.isEmpty { status["initContainerStatuses"] = .array(inits) }
        var mains: [JSONValue] = []
        // Sidecars count in ContainersReady, first (the kubelet lists init containers before the others).
        var unready = sidecarsUnready(p, inits)
        let previous = byName(status["containerStatuses"])
        let specs = byName(p["spec"]["containers"])
        for c in p["spec"]["containers"].array ?? [] {
            let cname = c["name"].string ?? ""
            let st = incomplete.isEmpty
                ? try startContainer(c, previous: previous[cname], isInit: false, ctx: &ctx, rec: &rec)
                : waitingStatus(c, reason: "PodInitializing", message: nil)
            mains.append(st)
        }
        if !rec.hooks.isEmpty {
            // A postStart hook holds the whole sync: every container it started shows as when the sync
            // began (ContainerCreating) until the sync returns, after the hooks of all it started.
            for (i, c) in (p["spec"]["containers"].array ?? []).enumerated() {
                let cname = c["name"].string ?? ""
                guard rec.hooks[cname] == nil, mains[i]["state"]["running"]["startedAt"].string == now.rfc3339 else { continue }
                rec.hooks[cname] = mains[i]
                mains[i] = waitingStatus(c, reason: "ContainerCreating", message: nil)
            }
            ctx.retry(at: heldSyncEnd(rec, pod: p))
        }
        unready += mains.filter { $0["ready"].bool != true }.compactMap { $0["name"].string }
        status["containerStatuses"] = .array(mains.sorted { ($0["name"].string ?? "") < ($1["name"].string ?? "") })
        rec.due = ctx.due
        let allCompleted = incomplete.isEmpty && !mains.isEmpty && mains.allSatisfy {
            $0["state"]["terminated"]["exitCode"].int == 0 && !restartPending(specs[$0["name"].string ?? ""] ?? .null, $0, pod: p)
        }
        if allCompleted {
            status["conditions"] = [condition("PodReadyToStartContainers", false), condition("Initialized", true, reason: "PodCompleted"),
                                    condition("Ready", false, reason: "PodCompleted"),
                                    condition("ContainersReady", false, reason: "PodCompleted"), condition("PodScheduled", true)]
            status["phase"] = "Succeeded"
            return
        }
        if incomplete.isEmpty, !mains.isEmpty, mains.allSatisfy({ !$0["state"]["terminated"].isNull && !restartPending(specs[$0["name"].string ?? ""] ?? .null, $0, pod: p) }) {
            // Every container ended for good (one killed by its postStart hook under `Never`): done.
            var done = p
            done["status"] = status
            settlePhase(&done, policy: p["spec"]["restartPolicy"].string ?? "Always")
            status = done["status"]
            return
        }
        status["conditions"] = podConditions(sandbox: true, incompleteInits: incomplete, unready: unready)
        // An exit the kubelet restarts keeps the pod Running (getPhase counts it as stopped, not waiting).
        let running = incomplete.isEmpty && mains.contains {
            !$0["state"]["running"].isNull || restartPending(specs[$0["name"].string ?? ""] ?? .null, $0, pod: p)
                || ["CrashLoopBackOff", "PostStartHookError"].contains($0["state"]["waiting"]["reason"].string)
        }
        status["phase"] = running ? "Running" : "Pending"
    }

    /// The sidecars (restartable init containers) whose status is not ready, in spec order.
    func sidecarsUnready(_ pod: JSONValue, _ initStatuses: [JSONValue]) -> [String] {
        (pod["spec"]["initContainers"].array ?? []).filter(PodSpecs.isSidecar).compactMap { c -> String? in
            let name = c["name"].string ?? ""
            return initStatuses.first(where: { $0["name"].string == name })?["ready"].bool == true ? nil : name
        }
    }

    func podConditions(sandbox: Bool, incompleteInits: [String], unready: [String]) -> JSONValue {
        let initialized = incompleteInits.isEmpty
            ? condition("Initialized", true)
            : condition("Initialized", false, reason: "ContainersNotInitialized",
                        message: "containers with incomplete status: [\(incompleteInits.joined(separator: " "))]")
        let msg = "containers with unready status: [\(unready.joined(separator: " "))]"
        let ready = unready.isEmpty ? condition("Ready", true) : condition("Ready", false, reason: "ContainersNotReady", message: msg)
        let cready = unready.isEmpty ? condition("ContainersReady", true)
            : condition("ContainersReady", false, reason: "ContainersNotReady", message: msg)
        return [condition("PodReadyToStartContainers", sandbox), initialized, ready, cready, condition("PodScheduled", true)]
    }

    /// Conditions whose status did not change keep their transition time.
    func keepTransitionTimes(_ status: inout JSONValue, old: JSONValue) {
        guard var conds = status["conditions"].array else { return }
        let before = old["conditions"].array ?? []
        for i in conds.indices {
            if let o = before.first(where: { $0["type"] == conds[i]["type"] }), o["status"] == conds[i]["status"] {
                conds[i]["lastTransitionTime"] = o["lastTransitionTime"]
            }
        }
        status["conditions"] = .array(conds)
    }

    func byName(_ statuses: JSONValue) -> [String: JSONValue] {
        var m: [String: JSONValue] = [:]
        for st in statuses.array ?? [] { m[st["name"].string ?? ""] = st }
        return m
    }

    /// A container that has not started: the image as written, no image ID.
    func waitingStatus(_ c: JSONValue, reason: String, message: String?) -> JSONValue {
        var waiting: JSONValue = ["reason": .string(reason)]
        if let message { waiting["message"] = .string(message) }
        var st: JSONValue = ["image": c["image"], "imageID": "", "lastState": .emptyObject, "name": c["name"], "ready": false,
                             "restartCount": 0, "started": false, "state": ["waiting": waiting]]
        let mounts = containerMounts(c)
        if !mounts.isEmpty { st["volumeMounts"] = .array(mounts) }
        return st
    }

    func containerMounts(_ c: JSONValue) -> [JSONValue] {
        (c["volumeMounts"].array ?? []).map { m -> JSONValue in
            var o: JSONValue = ["mountPath": m["mountPath"], "name": m["name"]]
            if m["readOnly"].bool == true {
                o["readOnly"] = true
                o["recursiveReadOnly"] = "Disabled"
            }
            return o
        }
    }
}

/// Pod spec facts shared by the kubelet and the printers' rules.
enum PodSpecs {
    /// A sidecar: an init container with `restartPolicy: Always`.
    static func isSidecar(_ c: JSONValue) -> Bool { c["restartPolicy"].string == "Always" }
}
