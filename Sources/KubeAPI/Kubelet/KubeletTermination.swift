import KubeModel
import KubeRegistry
import KubeStore

/// The kubelet's part of a graceful pod deletion. When a pod it runs is marked for deletion
/// (`deletionTimestamp`, `deletionGracePeriodSeconds` > 0), the kubelet records `Killing` events
/// (`Stopping container NAME`) for its running containers and stops them; once they have stopped, it
/// writes their terminal status and deletes the pod for good (grace 0), and the pod is gone. How long
/// the stop takes follows each container's process (`stopSeconds`): its `preStop` hook runs first, then
/// a process that handles SIGTERM (the image's own server) exits within a second, while a shell or
/// `sleep` as PID 1 ignores it and is killed when the grace period ends (exit code 137). The stop is a
/// timer on the agenda
/// (`terminate/<pods>/<ns>/<name>`), so it happens at its own time between commands. A pod on a node
/// whose kubelet is unreachable stays Terminating until the node reports again; pods on nodes kwok
/// manages are deleted by their Stages instead.
extension ControllerManager {
    func stopTimerID(_ ns: String, _ name: String) -> String { Timers.objectID("terminate", podType.storageKey, ns, name) }

    /// Seconds from the delete request until every container has stopped: for each running container
    /// its `preStop` hook (at most the grace period), then 1 second when its process stops on SIGTERM,
    /// else what is left of the grace period, at least 2 seconds (killed), unless the process ends by
    /// itself before that (a `sleep 5` that has 3 s left); the slowest container decides, at least 1
    /// second. A hook that runs out the grace period, or a grace period of 1 second, so takes 2 seconds
    /// longer than the grace period for a process that ignores SIGTERM. A grace period the runtime
    /// cannot hold (its stop timeout, Go's `time.Duration(grace) * time.Second`, wraps to zero or less:
    /// `APISession.goSeconds`) makes containerd kill at once, without SIGTERM: 0 seconds.
    static func stopSeconds(_ pod: JSONValue) -> Int64 {
        let minimumStopSeconds: Int64 = 2
        let grace = pod["metadata"]["deletionGracePeriodSeconds"].int ?? 0
        guard grace > 0 else { return 0 }
        let timeout = APISession.goSeconds(grace)
        guard timeout > 0 else { return 0 }
        let requested = deletionRequested(pod)?.seconds ?? 0
        let statuses = pod["status"]["containerStatuses"].array ?? []
        var slowest: Int64 = 1
        let initStatuses = pod["status"]["initContainerStatuses"].array ?? []
        // Running init containers (one whose turn it is, sidecars) stop the same way.
        let runningInits = (pod["spec"]["initContainers"].array ?? []).filter { c in
            initStatuses.contains { $0["name"] == c["name"] && !$0["state"]["running"].isNull }
        }
        for c in runningInits + (pod["spec"]["containers"].array ?? []) {
            let status = statuses.first { $0["name"] == c["name"] } ?? initStatuses.first { $0["name"] == c["name"] }
            // A container that is not running (waiting, or ended) has nothing to stop.
            if let status, status["state"]["running"].isNull { continue }
            // The hook runs for at most the grace period; the stop then has what is left of it, at least
            // 2 seconds (the kubelet's minimum), and a process that handles SIGTERM exits within a second.
            let hook = min(ContainerFate.preStopSeconds(c), timeout)
            var stop = hook + (ContainerFate.stopsOnSIGTERM(c) ? 1 : max(minimumStopSeconds, timeout - hook))
            if let status, let end = ownEnd(c, status) { stop = min(stop, max(0, end - requested)) }
            slowest = max(slowest, stop)
        }
        return slowest
    }

    /// When a running container's process ends by itself (its command's known fate), nil if it runs
    /// until stopped.
    static func ownEnd(_ c: JSONValue, _ status: JSONValue) -> Int64? {
        guard let fate = ContainerFate.of(c),
              let started = status["state"]["running"]["startedAt"].string.flatMap(Timestamp.init(rfc3339:)) else { return nil }
        return started.adding(seconds: max(1, fate.seconds)).seconds
    }

    /// When the deletion was asked for (the deletion timestamp less its grace period).
    static func deletionRequested(_ pod: JSONValue) -> Timestamp? {
        guard let at = pod["metadata"]["deletionTimestamp"].string.flatMap(Timestamp.init(rfc3339:)) else { return nil }
        return at.adding(seconds: -APISession.goSeconds(pod["metadata"]["deletionGracePeriodSeconds"].int ?? 0))
    }

    /// Whether the pod's node is there and its kubelet reports (Ready is not Unknown).
    /// The node is the scheduler's view of it (`nodeInfo`: read once per transaction, forgotten when a
    /// node is written), not another read of the store per pod.
    func kubeletReachable(_ pod: JSONValue) throws -> Bool {
        guard let nodeName = pod["spec"]["nodeName"].string, !nodeName.isEmpty,
              let node = try nodeInfo(nodeName)?.obj else { return false }
        return !(node["status"]["conditions"].array ?? []).contains { $0["type"].string == "Ready" && $0["status"].string == "Unknown" }
    }

    /// A pod marked for deletion: its kubelet starts stopping it (events, the stop on the agenda). A pod
    /// bound to a node that no longer exists has no kubelet: the pod garbage collector deletes it at once.
    func kubeletTerminating(_ pod: JSONValue) throws {
        if let nodeName = pod["spec"]["nodeName"].string, !nodeName.isEmpty, try nodeInfo(nodeName) == nil,
           (pod["metadata"]["deletionGracePeriodSeconds"].int ?? 0) > 0 {
            _ = try s.delete(podType, namespace: pod["metadata"]["namespace"].string ?? "", name: pod["metadata"]["name"].string ?? "",
                             gracePeriod: 0)
            return
        }
        // Deleted at once (grace 0) but kept by a finalizer: its kubelet stops the containers now.
        if (pod["metadata"]["deletionGracePeriodSeconds"].int ?? 0) == 0, !APISession.finalizers(pod).isEmpty, !isTerminated(pod),
           let nodeName = pod["spec"]["nodeName"].string, !nodeName.isEmpty, try !kwokManagedNode(nodeName), try kubeletReachable(pod) {
            for st in pod["status"]["containerStatuses"].array ?? [] where !st["state"]["running"].isNull {
                let cname = st["name"].string ?? ""
                event(pod, reason: "Killing", message: "Stopping container \(cname)", component: "kubelet", host: nodeName,
                      fieldPath: "spec.containers{\(cname)}")
            }
            var stopped = pod
            stoppedStatus(&stopped)
            try save(stopped, pod, podType)
            return
        }
        guard (pod["metadata"]["deletionGracePeriodSeconds"].int ?? 0) > 0, let requested = Self.deletionRequested(pod),
              let nodeName = pod["spec"]["nodeName"].string, !nodeName.isEmpty, try !kwokManagedNode(nodeName),
              try kubeletReachable(pod) else { return }
        let ns = pod["metadata"]["namespace"].string ?? "", name = pod["metadata"]["name"].string ?? ""
        let id = stopTimerID(ns, name)
        let due = requested.adding(seconds: Self.stopSeconds(pod)).seconds
        let scheduled = try Timers.scheduled(s.tx, id: id)
        if let scheduled, scheduled.due <= due { return }
        if scheduled == nil {
            for (specKey, statusKey, isInit) in [("initContainers", "initContainerStatuses", true), ("containers", "containerStatuses", false)] {
                let running = Set((pod["status"][statusKey].array ?? []).filter { !$0["state"]["running"].isNull }.compactMap { $0["name"].string })
                for c in pod["spec"][specKey].array ?? [] {
                    guard let cname = c["name"].string, running.contains(cname) else { continue }
                    event(pod, reason: "Killing", message: "Stopping container \(cname)", component: "kubelet", host: nodeName,
                          fieldPath: Self.fieldPath(cname, isInit: isInit))
                }
            }
            try preStopHooksStarted(pod, host: nodeName)
        }
        let awaited = s.awaitedPod.map { $0.namespace == ns && $0.name == name && due <= now.seconds + $0.withinSeconds } ?? false
        if due <= now.seconds || awaited {
            try Timers.cancel(s.tx, id: id)
            try kubeletStopDue(namespace: ns, name: name)
        } else {
            try Timers.set(s.tx, id: id, due: due)
        }
    }

    /// The pod's containers have stopped: its kubelet deletes it for good (unless the node went
    /// unreachable meanwhile: then it stays until the node reports again).
    func kubeletStopDue(namespace ns: String, name: String) throws {
        guard var pod = try s.find(podType, namespace: ns, name: name), !pod["metadata"]["deletionTimestamp"].isNull,
              (pod["metadata"]["deletionGracePeriodSeconds"].int ?? 0) > 0, try kubeletReachable(pod) else { return }
        // The kubelet writes the stopped containers and terminal phase, then deletes the pod with grace 0.
        // A finalizer keeps the pod after that delete, with its stopped containers; without one the pod
        // goes at once, its last two states seen only by watchers (`removeStoppedPod`).
        try preStopBeforeStop(pod)
        let old = pod
        stoppedStatus(&pod)
        if !APISession.finalizers(pod).isEmpty {
            pod = try save(pod, old, podType)
            _ = try s.delete(podType, namespace: ns, name: name, gracePeriod: 0)
        } else {
            pod = try s.removeStoppedPod(podType, stopped: pod, old: old)
        }
        // A Recreate rollout waits for its old pods to go: the Deployment of the pod's ReplicaSet looks again.
        if let owner = controllerRef(pod), owner.kind == "ReplicaSet", let rs = try s.find(rsType, namespace: ns, name: owner.name),
           let d = controllerRef(rs), d.kind == "Deployment" {
            enqueue(.deployment(ns, d.name))
        }
    }
}

extension APISession {
    /// A client waits for a deletion (kubectl delete's `--wait`): the kubelets finish stopping the pods
    /// the object waits for whose stop falls within `withinSeconds` (as time passes while kubectl waits),
    /// in the order they fall due. Returns whether the object (with this uid) is gone.
    public func finishDeletion(_ type: ResourceType, namespace: String, name: String, uid: String,
                               withinSeconds: Int64) throws -> Bool {
        // Stopped already (`deleteAwaiting`): nothing to look up.
        if uid.isEmpty { return true }
        let c = controllers
        let ns = type.namespaced ? namespace : ""
        writeDepth += 1
        defer { writeDepth -= 1 }
        for _ in 0..<100 {
            guard let obj = try find(type, namespace: ns, name: name), obj["metadata"]["uid"].string == uid else { return true }
            let limit = now.seconds + max(0, withinSeconds)
            var due: [(Int64, String, String)] = []
            for pod in try podsBlocking(type, obj) {
                let pns = pod["metadata"]["namespace"].string ?? "", pname = pod["metadata"]["name"].string ?? ""
                guard let t = try Timers.scheduled(tx, id: c.stopTimerID(pns, pname)), t.due <= limit,
                      try c.kubeletReachable(pod) else { continue }
                due.append((t.due, pns, pname))
            }
            if due.isEmpty { return false }
            for (_, pns, pname) in due.sorted(by: { $0.0 < $1.0 }) {
                try Timers.cancel(tx, id: c.stopTimerID(pns, pname))
                try c.kubeletStopDue(namespace: pns, name: pname)
            }
            try c.drain()
        }
        return try find(type, namespace: ns, name: name)?["metadata"]["uid"].string != uid
    }

    /// Whether a kubelet has a stop on the agenda for a pod the object's deletion waits for, so that a
    /// client waiting in real time sees the object go when that falls due (false once it is gone).
    public func stopScheduled(_ type: ResourceType, namespace: String, name: String, uid: String) throws -> Bool {
        if uid.isEmpty { return false }
        let ns = type.namespaced ? namespace : ""
        writeDepth += 1
        defer { writeDepth -= 1 }
        guard let obj = try find(type, namespace: ns, name: name), obj["metadata"]["uid"].string == uid else { return false }
        let c = controllers
        for pod in try podsBlocking(type, obj) {
            let id = c.stopTimerID(pod["metadata"]["namespace"].string ?? "", pod["metadata"]["name"].string ?? "")
            if try Timers.scheduled(tx, id: id) != nil { return true }
        }
        return false
    }

    /// A client's delete it then waits for (kubectl delete): a pod whose kubelet can stop it within
    /// `withinSeconds` is stopped and gone in this same request, the pod's Terminating state recorded on
    /// the way. Returns the object as the delete returned it and the uid to wait for ("" once gone).
    public func deleteAwaiting(_ type: ResourceType, namespace: String, name: String, propagation: PropagationPolicy,
                               gracePeriod: Int64?, withinSeconds: Int64) throws -> (object: JSONValue, uid: String) {
        let isPod = type.group.isEmpty && type.kind == "Pod"
        if isPod { awaitedPod = (namespace, name, withinSeconds) }
        defer { if isPod { awaitedPod = nil } }
        let obj = try delete(type, namespace: namespace, name: name, propagation: propagation, gracePeriod: gracePeriod)
        let uid = obj["metadata"]["uid"].string ?? ""
        // The wait's own reads are not the client's requests (kubectl ignores a wait it may not make).
        writeDepth += 1
        defer { writeDepth -= 1 }
        guard let now = try find(type, namespace: type.namespaced ? namespace : "", name: name), now["metadata"]["uid"].string == uid else {
            return (obj, "")
        }
        return (obj, uid)
    }

    /// The Terminating pods an object's deletion waits for: the pod itself, a namespace's pods, or the
    /// pods among its dependents (a foreground deletion).
    func podsBlocking(_ type: ResourceType, _ obj: JSONValue) throws -> [JSONValue] {
        guard let podType = registry.type(group: "", kind: "Pod") else { return [] }
        if type.group.isEmpty && type.kind == "Pod" { return [obj] }
        if type.group.isEmpty && type.kind == "Namespace" {
            return try list(podType, namespace: obj["metadata"]["name"].string ?? "").filter { !$0["metadata"]["deletionTimestamp"].isNull }
        }
        var pods: [JSONValue] = [], seen: Set<String> = [], queue = [obj["metadata"]["uid"].string ?? ""]
        while let uid = queue.popLast(), pods.count < 100_000 {
            for row in try tx.dependents(ofUID: uid) where seen.insert(row.uid).inserted {
                if row.resource == podType.storageKey {
                    let pod = try decode(row)
                    if !pod["metadata"]["deletionTimestamp"].isNull { pods.append(pod) }
                } else {
                    queue.append(row.uid)
                }
            }
        }
        return pods
    }
}

extension ControllerManager {
    /// The status the kubelet reports once it has stopped a deleted pod's containers (v1.27+: deleted
    /// pods end in a terminal phase, whatever the restart policy). A running container whose process
    /// ended by itself meanwhile exits as its command does (`ContainerFate`, at its own time); otherwise it
    /// exits 0 when its process stops on SIGTERM (the image's own server), 137 (killed) when it ignores it
    /// (a shell or `sleep` as PID 1: `ContainerFate.stopsOnSIGTERM`) or when the runtime kills at once
    /// (`stopSeconds` 0 for a grace period it cannot hold); one that never started is
    /// `ContainerStatusUnknown` (137). All exited 0: Succeeded; else Failed.
    func stoppedStatus(_ pod: inout JSONValue) {
        let specs = Dictionary((pod["spec"]["containers"].array ?? []).map { ($0["name"].string ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let t = JSONValue.string(now.rfc3339)
        let grace = pod["metadata"]["deletionGracePeriodSeconds"].int ?? 0
        let killedAtOnce = grace > 0 && APISession.goSeconds(grace) <= 0
        var statuses = pod["status"]["containerStatuses"].array ?? []
        for i in statuses.indices where statuses[i]["state"]["terminated"].isNull {
            let running = statuses[i]["state"]["running"]
            if running.isNull {
                statuses[i]["state"] = ["terminated": ["exitCode": 137, "finishedAt": nil, "message":
                    "The container could not be located when the pod was terminated", "reason": "ContainerStatusUnknown", "startedAt": nil]]
            } else {
                let c = specs[statuses[i]["name"].string ?? ""] ?? .null
                var code: Int64 = killedAtOnce || !ContainerFate.stopsOnSIGTERM(c) ? 137 : 0
                var finished = t
                if !killedAtOnce, let end = Self.ownEnd(c, statuses[i]), end <= now.seconds, let fate = ContainerFate.of(c) {
                    code = fate.exitCode
                    finished = .string(Timestamp(seconds: end).rfc3339)
                }
                statuses[i]["state"] = ["terminated": ["containerID": statuses[i]["containerID"], "exitCode": .int(code),
                                                       "finishedAt": finished, "reason": .string(code == 0 ? "Completed" : "Error"),
                                                       "startedAt": running["startedAt"]]]
            }
            statuses[i]["ready"] = false
            statuses[i]["started"] = false
        }
        pod["status"]["containerStatuses"] = .array(statuses)
        // A running init container (its turn, or a sidecar) is stopped as the others are.
        let initSpecs = Dictionary((pod["spec"]["initContainers"].array ?? []).map { ($0["name"].string ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        if var inits = pod["status"]["initContainerStatuses"].array {
            for i in inits.indices where !inits[i]["state"]["running"].isNull {
                let c = initSpecs[inits[i]["name"].string ?? ""] ?? .null
                var code: Int64 = killedAtOnce || !ContainerFate.stopsOnSIGTERM(c) ? 137 : 0
                var finished = t
                if !killedAtOnce, let end = Self.ownEnd(c, inits[i]), end <= now.seconds, let fate = ContainerFate.of(c) {
                    code = fate.exitCode
                    finished = .string(Timestamp(seconds: end).rfc3339)
                }
                inits[i]["state"] = ["terminated": ["containerID": inits[i]["containerID"], "exitCode": .int(code), "finishedAt": finished,
                                                    "reason": .string(code == 0 ? "Completed" : "Error"),
                                                    "startedAt": inits[i]["state"]["running"]["startedAt"]]]
                inits[i]["ready"] = false
                inits[i]["started"] = false
            }
            pod["status"]["initContainerStatuses"] = .array(inits)
        }
        let old = pod["status"]
        settlePhase(&pod, policy: pod["spec"]["restartPolicy"].string ?? "Always")
        keepTransitionTimes(&pod["status"], old: old)
    }
}
