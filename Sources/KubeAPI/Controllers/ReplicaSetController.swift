#if canImport(Glibc)
import Glibc
#endif
import KubeModel
import KubeRegistry
import KubeStore

/// ReplicaSets and ReplicationControllers: keep `spec.replicas` pods that match the selector, adopting
/// matching orphans and releasing pods whose labels stopped matching.
extension ControllerManager {
    func selector(of obj: JSONValue, type: ResourceType) -> LabelSelector {
        if type.kind == "ReplicationController" {
            var m: [String: String] = [:]
            let sel = obj["spec"]["selector"].stringMap.isEmpty ? obj["spec"]["template"]["metadata"]["labels"] : obj["spec"]["selector"]
            for (k, v) in sel.stringMap { m[k] = v }
            return m.isEmpty ? .nothing : LabelSelector(matchingLabels: m)
        }
        return (try? LabelSelector(from: obj["spec"]["selector"])) ?? .nothing
    }

    func apiVersion(_ type: ResourceType) -> String { type.group.isEmpty ? type.version : "\(type.group)/\(type.version)" }

    func syncReplicaSet(type: ResourceType, namespace ns: String, name: String) throws {
        // One being deleted (waiting for its pods in the foreground) keeps only its status current.
        let found = try live(type, ns, name)
        guard let rs = try found ?? s.find(type, namespace: ns, name: name) else { return }
        let deleting = found == nil
        let uid = rs["metadata"]["uid"].string ?? ""
        let sel = selector(of: rs, type: type)
        let controllerName = type.kind == "ReplicaSet" ? "replicaset-controller" : "replication-controller"
        var active = try controlledPods(rs, uid: uid, selector: sel)
        // `active` is in no particular order up to here; the adopted pods follow (see `podsToDelete`).
        let controlledCount = active.count
        // Adopt orphans that match (only when one may exist: the controller or an orphan pod changed).
        if deleting {
            // No adoption, no pods created or deleted.
        } else if adoptionPending.remove(Work.replicaSet(ns, name)) != nil || adoptionPending.remove(Work.replicationController(ns, name)) != nil {
            for row in try summaries(podType, ns, matching: sel) where row.ownerUIDs.isEmpty {
                guard var pod = try s.object(of: row), controllerRef(pod) == nil else { continue }
                if isTerminated(pod) || !pod["metadata"]["deletionTimestamp"].isNull { continue }
                pod["metadata"]["ownerReferences"] = [ownerReference(rs, apiVersion: apiVersion(type), kind: type.kind)]
                active.append(ControllerMemory.facts(try s.update(pod, type: podType)))
            }
        }
        let want = Int(rs["spec"]["replicas"].int ?? 1)
        var refused: PodCreationRefused?
        // Its pods' writes bring a controller back in the same transaction: one burst per transaction.
        let deferredKey = Timers.objectID(Timers.resync, type.storageKey, ns, name)
        if deleting || deferredSyncs.contains(deferredKey) {
            // The rest waits for the resync; only the status below follows the pods.
        } else if active.count < want, Self.templateMatches(sel, rs["spec"]["template"]) {
            let template = rs["spec"]["template"]
            // Like the controller's burstReplicas: at most 500 creations per sync; the rest in a later
            // transaction (a resync timer), so no other writer waits behind a 50,000-pod scale-up.
            let missing = want - active.count
            var created = 0
            do {
                for _ in 0..<min(missing, Self.burstReplicas) {
                    if created >= Self.minimumBatch && creationOverBudget { break }
                    created += 1
                    let pod = try createPod(owner: rs, ownerAPIVersion: apiVersion(type), ownerKind: type.kind, template: template,
                                            generateName: name + "-")
                    event(rs, reason: "SuccessfulCreate", message: "Created pod: \(pod["metadata"]["name"].string ?? "")",
                          component: controllerName)
                    active.append(ControllerMemory.facts(pod))
                }
            } catch let e as PodCreationRefused {
                refused = e
            }
            if refused == nil, created < missing { try resyncLater(type, namespace: ns, name: name) }
        } else if active.count > want {
            let excess = active.count - want
            var count = min(excess, Self.burstReplicas)
            if transactionOverBudget { count = min(count, Self.minimumBatch) }
            if count < excess { try resyncLater(type, namespace: ns, name: name) }
            // In name order, then the adopted pods as adopted: the order `podsToDelete` breaks ties by.
            let ordered = active[..<controlledCount].sorted { $0.name < $1.name } + active[controlledCount...]
            let victims = podsToDelete(ordered, count: count)
            let names = Set(victims.map(\.name))
            for podName in victims.map(\.name) {
                try s.delete(podType, namespace: ns, name: podName)
                event(rs, reason: "SuccessfulDelete", message: "Deleted pod: \(podName)", component: controllerName)
            }
            active.removeAll { names.contains($0.name) }
        }
        // Status.
        let templateLabels = rs["spec"]["template"]["metadata"]["labels"].stringMap
        var fullyLabeled = LabelsMemo()
        var ready = 0, available = 0, fully = 0  // counted, not filtered into copies of 10,000 pods' facts
        // Available: ready for `minReadySeconds`; the controller looks again when the next one is.
        let minReady = rs["spec"]["minReadySeconds"].int ?? 0
        var nextAvailable: Int64?
        for p in active {
            if p.ready {
                ready += 1
                let at = (p.readySince ?? 0) + minReady
                if minReady <= 0 || at <= now.seconds { available += 1 } else { nextAvailable = min(nextAvailable ?? at, at) }
            }
            if fullyLabeled(p.labels, { labels in templateLabels.allSatisfy { labels[$0.0].string == $0.1 } }) { fully += 1 }
        }
        var status: JSONValue = .emptyObject
        let availabilityTimer = Timers.objectID("rsavailable", type.storageKey, ns, name)
        if let nextAvailable { try Timers.set(s.tx, id: availabilityTimer, due: nextAvailable) }
        else if minReady > 0 { try Timers.cancel(s.tx, id: availabilityTimer) }
        if available > 0 { status["availableReplicas"] = .int(Int64(available)) }
        if fully > 0 { status["fullyLabeledReplicas"] = .int(Int64(fully)) }
        if let g = rs["metadata"]["generation"].int { status["observedGeneration"] = .int(g) }
        if ready > 0 { status["readyReplicas"] = .int(Int64(ready)) }
        status["replicas"] = .int(Int64(active.count))
        if let current = try s.find(type, namespace: ns, name: name) {
            // A refused create sets the ReplicaFailure condition (with the first refusal's message: one
            // already there is kept as it is); the next sync that is not refused clears it.
            if let refused {
                let prev = (current["status"]["conditions"].array ?? []).first { $0["type"].string == "ReplicaFailure" }
                status["conditions"] = [prev ?? ["lastTransitionTime": .string(now.rfc3339), "message": .string(refused.message),
                                                 "reason": "FailedCreate", "status": "True", "type": "ReplicaFailure"]]
            }
            if current["status"] != status {
                var updated = current
                updated["status"] = status
                try s.update(updated, type: type)
            }
        }
        if let refused { throw refused }
    }

    static let burstReplicas = 500
    /// Pods a sync creates even when the transaction has used its time (so large work always moves on).
    static let minimumBatch = 50

    /// Schedules another sync of a ReplicaSet (or ReplicationController) in a transaction of its own:
    /// the command that made the change continues with it after committing (`APIServer.finishDeferredWork`),
    /// and a process killed in between leaves it for the next one that opens the store.
    func resyncLater(_ type: ResourceType, namespace ns: String, name: String) throws {
        let id = Timers.objectID(Timers.resync, type.storageKey, ns, name)
        // The events recorded so far go with it: the spam filter counts the whole scale-up, not each batch.
        let owner = try s.find(type, namespace: ns, name: name)
        let uid = owner?["metadata"]["uid"].string ?? ""
        try Timers.set(s.tx, id: id, due: s.now.seconds,
                       payload: ["pid": .int(Int64(getpid())), "uid": .string(uid), "events": .int(Int64(eventsPerObject[uid] ?? 0))])
        deferredSyncs.insert(id)
        deferredWork = true
    }

    /// A controller only creates pods its selector will count: an empty selector, or a template whose
    /// labels the selector does not match, would create pods forever (the API server refuses both).
    static func templateMatches(_ selector: LabelSelector, _ template: JSONValue) -> Bool {
        !selector.isEmpty && selector.matches(labels: template["metadata"]["labels"])
    }

    /// Pods to remove when scaling down: unscheduled before scheduled, pending before running, not ready
    /// before ready, newest first (the later in `pods` first among equals).
    func podsToDelete(_ pods: [ControllerMemory.PodFacts], count: Int) -> [ControllerMemory.PodFacts] {
        func rank(_ p: ControllerMemory.PodFacts) -> (Int, Int, Int) { (p.scheduled ? 1 : 0, p.phaseRank, p.ready ? 1 : 0) }
        let sorted = pods.enumerated().sorted { a, b in
            let ra = rank(a.element), rb = rank(b.element)
            if ra != rb { return ra < rb }
            if a.element.created != b.element.created { return a.element.created > b.element.created }
            return a.offset > b.offset
        }
        return sorted.prefix(count).map(\.element)
    }

    /// The active pods `rs` controls whose labels its selector matches, in no particular order (a
    /// scale-up only counts them: sorting 10,000 names at every sync of a large scale-up cost a quarter
    /// of it): from the controllers' memory when it holds them, else read (and remembered). Pods whose
    /// labels stopped matching are released, in name order.
    func controlledPods(_ rs: JSONValue, uid: String, selector sel: LabelSelector) throws -> [ControllerMemory.PodFacts] {
        var controlled: [String: ControllerMemory.PodFacts]
        if let memory = s.memory, try memory.checked(s.tx), let known = memory.pods(controlledBy: uid) {
            controlled = known
        } else {
            controlled = [:]
            for row in try s.tx.dependents(ofUID: uid) where row.resource == podType.storageKey {
                let pod = try s.decode(row)
                if controllerRef(pod)?.uid == uid { controlled[row.name] = ControllerMemory.facts(pod) }
            }
            s.memory?.remember(controlled, controlledBy: uid, namespace: rs["metadata"]["namespace"].string ?? "")
        }
        var active: [ControllerMemory.PodFacts] = []
        active.reserveCapacity(controlled.count)
        var released: [String] = []
        var matching = LabelsMemo()
        for facts in controlled.values {
            if !matching(facts.labels, sel.matches(labels:)) {
                released.append(facts.name)
            } else if facts.active {
                active.append(facts)
            }
        }
        for name in released.sorted() {
            // Release: the pod no longer belongs to this controller.
            guard var pod = try s.find(podType, namespace: rs["metadata"]["namespace"].string ?? "", name: name) else { continue }
            let refs = (pod["metadata"]["ownerReferences"].array ?? []).filter { $0["uid"].string != uid }
            if refs.isEmpty { pod.remove(["metadata", "ownerReferences"]) } else { pod["metadata"]["ownerReferences"] = .array(refs) }
            try s.update(pod, type: podType)
        }
        return active
    }

    /// Summary rows (no data) of `type` in `ns` whose labels `sel` matches.
    func summaries(_ type: ResourceType, _ ns: String, matching sel: LabelSelector) throws -> [ObjectRow] {
        if sel.matchesNothing { return [] }
        if let reqs = sel.storeRequirements {
            return try s.tx.listSummaries(resource: type.storageKey, namespace: ns, labels: reqs)
        }
        return try s.tx.listSummaries(resource: type.storageKey, namespace: ns).filter { row in
            sel.matches(labels: (try? JSON.parse(row.labels)) ?? .null)
        }
    }

    /// An orphan pod appeared or changed in `ns`: controllers whose selector matches may adopt it.
    func adoptOrphans(namespace ns: String) throws {
        for type in [rsType, rcType] {
            for row in try s.tx.listSummaries(resource: type.storageKey, namespace: ns) {
                let w: Work = type.kind == "ReplicaSet" ? .replicaSet(ns, row.name) : .replicationController(ns, row.name)
                // One waiting for its retry after a refused create looks only when an orphan is its own.
                if try awaitingRetry(type, namespace: ns, name: row.name), let rs = try s.find(type, namespace: ns, name: row.name),
                   try !summaries(podType, ns, matching: selector(of: rs, type: type)).contains(where: { $0.ownerUIDs.isEmpty }) {
                    continue
                }
                adoptionPending.insert(w)
                enqueue(w)
            }
        }
    }
}

/// A test of pods' labels asked once for a run of pods with equal labels (the pods of one template
/// share theirs, so a sync over 10,000 of them asks once, not 10,000 times).
struct LabelsMemo {
    private var last: (labels: JSONValue, answer: Bool)?

    mutating func callAsFunction(_ labels: JSONValue, _ test: (JSONValue) -> Bool) -> Bool {
        if let last, last.labels == labels { return last.answer }
        let answer = test(labels)
        last = (labels, answer)
        return answer
    }
}
