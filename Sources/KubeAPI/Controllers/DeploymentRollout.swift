import KubeModel
import KubeRegistry
import KubeStore

/// One sync of a Deployment, as kube-controller-manager's deployment controller takes it: at most one
/// step of a rollout (scale the new ReplicaSet up, or the old ones down), counting pods as their
/// ReplicaSets' status does (available: ready for `minReadySeconds`). A rolling update keeps at most
/// `replicas + maxSurge` pods and at least `replicas - maxUnavailable` available ones, so old pods go
/// only as new ones become available; a rollout whose new pods never become ready stops there.
final class DeploymentRollout {
    unowned let c: ControllerManager
    /// The Deployment as stored when the sync began, and as this sync leaves its annotations and status.
    let stored: JSONValue
    var d: JSONValue
    var newRS: JSONValue?
    /// The old ReplicaSets, oldest first.
    var old: [JSONValue]
    let replicas: Int
    let recreate: Bool
    let paused: Bool
    /// MaxSurge and MaxUnavailable as the controller resolves them (percentages of `replicas`, surge
    /// rounded up and unavailable down; both 0 makes unavailable 1; unavailable at most `replicas`).
    let maxSurge: Int
    let maxUnavailable: Int
    /// A hash collision bumped `collisionCount`: this sync ends there.
    var stop = false

    init(_ c: ControllerManager, _ d: JSONValue, newRS: JSONValue?, old: [JSONValue]) {
        self.c = c
        stored = d
        self.d = d
        self.newRS = newRS
        self.old = old.sorted(by: DeploymentRollout.olderFirst)
        replicas = Int(d["spec"]["replicas"].int ?? 1)
        recreate = d["spec"]["strategy"]["type"].string == "Recreate"
        paused = d["spec"]["paused"].bool == true
        if recreate {
            maxSurge = 0
            maxUnavailable = 0
        } else {
            let ru = d["spec"]["strategy"]["rollingUpdate"]
            let surgeValue = ru["maxSurge"].isNull ? JSONValue.string("25%") : ru["maxSurge"]
            let unavailableValue = ru["maxUnavailable"].isNull ? JSONValue.string("25%") : ru["maxUnavailable"]
            let surge = c.scaledValue(surgeValue, total: replicas, roundUp: true)
            var unavailable = c.scaledValue(unavailableValue, total: replicas, roundUp: false)
            if surge == 0 && unavailable == 0 { unavailable = 1 }
            maxSurge = surge
            maxUnavailable = replicas == 0 ? 0 : min(unavailable, replicas)
        }
    }

    // MARK: ReplicaSets

    static func specReplicas(_ rs: JSONValue) -> Int { Int(rs["spec"]["replicas"].int ?? 0) }
    static func statusCount(_ rs: JSONValue, _ key: String) -> Int { Int(rs["status"][key].int ?? 0) }
    static func created(_ rs: JSONValue) -> String { rs["metadata"]["creationTimestamp"].string ?? "" }
    static func name(_ rs: JSONValue) -> String { rs["metadata"]["name"].string ?? "" }

    /// By creation time, then name (ReplicaSetsByCreationTimestamp).
    static func olderFirst(_ a: JSONValue, _ b: JSONValue) -> Bool {
        let ca = created(a), cb = created(b)
        return ca != cb ? ca < cb : name(a) < name(b)
    }

    var all: [JSONValue] { (newRS.map { [$0] } ?? []) + old }
    var ns: String { d["metadata"]["namespace"].string ?? "" }
    var deploymentName: String { d["metadata"]["name"].string ?? "" }

    func replaced(_ rs: JSONValue) {
        let uid = rs["metadata"]["uid"]
        if newRS?["metadata"]["uid"] == uid { newRS = rs; return }
        if let i = old.firstIndex(where: { $0["metadata"]["uid"] == uid }) { old[i] = rs }
    }

    /// Sets `replicas` (with the desired/max annotations the proportional scaler reads); the event
    /// names the operation. Returns whether the size changed.
    @discardableResult
    func scale(_ rs: JSONValue, to newScale: Int, operation: String) throws -> Bool {
        let from = Self.specReplicas(rs)
        let ann = rs["metadata"]["annotations"]
        let desired = String(replicas), maxReplicas = String(replicas + maxSurge)
        let annotationsStale = ann["deployment.kubernetes.io/desired-replicas"].string != desired
            || ann["deployment.kubernetes.io/max-replicas"].string != maxReplicas
        guard from != newScale || annotationsStale else { return false }
        var u = rs
        u["spec"]["replicas"] = .int(Int64(newScale))
        u["metadata"]["annotations"]["deployment.kubernetes.io/desired-replicas"] = .string(desired)
        u["metadata"]["annotations"]["deployment.kubernetes.io/max-replicas"] = .string(maxReplicas)
        replaced(try c.s.update(u, type: c.rsType))
        guard from != newScale else { return false }
        c.event(stored, reason: "ScalingReplicaSet", message: "Scaled \(operation) replica set \(Self.name(rs)) from \(from) to \(newScale)",
                component: "deployment-controller")
        return true
    }

    @discardableResult
    func scaleAndRecordEvent(_ rs: JSONValue, to newScale: Int) throws -> Bool {
        let from = Self.specReplicas(rs)
        if from == newScale { return false }
        try scale(rs, to: newScale, operation: from < newScale ? "up" : "down")
        return true
    }

    /// The new ReplicaSet's size for the next step (NewRSNewReplicas): Recreate at once, a rolling
    /// update up to `replicas + maxSurge` pods in all.
    func newReplicaSetReplicas(current: Int) -> Int {
        if recreate { return replicas }
        let podCount = all.reduce(0) { $0 + Self.specReplicas($1) } - (newRS == nil ? 0 : Self.specReplicas(newRS!)) + current
        let maxTotal = replicas + maxSurge
        if podCount >= maxTotal { return current }
        return current + min(maxTotal - podCount, replicas - current)
    }

    // MARK: the new ReplicaSet and revisions

    func annotations(_ base: JSONValue, revision: Int64, withReplicas: Bool) -> JSONValue {
        var ann = base
        for (k, v) in d["metadata"]["annotations"].object ?? JSONObject() where !ControllerManager.skippedAnnotations.contains(k) {
            ann[k] = v
        }
        if withReplicas {
            ann["deployment.kubernetes.io/desired-replicas"] = .string(String(replicas))
            ann["deployment.kubernetes.io/max-replicas"] = .string(String(replicas + maxSurge))
        }
        ann["deployment.kubernetes.io/revision"] = .string(String(revision))
        return ann
    }

    /// Finds or creates the new ReplicaSet (getNewReplicaSet): its revision is above every old one's
    /// (an old template made current again keeps its earlier revisions in `revision-history`), it
    /// carries the Deployment's annotations and `minReadySeconds`, and the Deployment its revision.
    func syncNewReplicaSet(create: Bool) throws {
        let maxOld = old.map(c.revision).max() ?? 0
        if let n = newRS {
            var ann = n["metadata"]["annotations"]
            let current = c.revision(n)
            var rev = current
            if current <= maxOld && !old.isEmpty {
                rev = maxOld + 1
                if current > 0 {
                    let history = ann["deployment.kubernetes.io/revision-history"].string ?? ""
                    ann["deployment.kubernetes.io/revision-history"] = .string(history.isEmpty ? String(current) : history + "," + String(current))
                }
            }
            ann = annotations(ann, revision: rev, withReplicas: false)
            var u = n
            if ann != n["metadata"]["annotations"] { u["metadata"]["annotations"] = ann }
            let minReady = d["spec"]["minReadySeconds"].int ?? 0
            if (n["spec"]["minReadySeconds"].int ?? 0) != minReady {
                if minReady == 0 { u.remove(["spec", "minReadySeconds"]) } else { u["spec"]["minReadySeconds"] = .int(minReady) }
            }
            if u != n { newRS = try c.s.update(u, type: c.rsType) }
            d["metadata"]["annotations"]["deployment.kubernetes.io/revision"] = .string(String(rev))
            if hasProgressDeadline, condition("Progressing") == nil {
                setCondition("Progressing", "True", "FoundNewReplicaSet", "Found new replica set \(strconvQuote(Self.name(n)))")
            }
            return
        }
        guard create else { return }
        let template = d["spec"]["template"]
        let collision = d["status"]["collisionCount"].int ?? 0
        let hash = templateHash(c.templateIgnoringHash(template), collisionCount: collision)
        let rsName = "\(deploymentName)-\(hash)"
        if try c.s.tx.get(resource: c.rsType.storageKey, namespace: ns, name: rsName) != nil {
            // Hash collision with a foreign ReplicaSet: bump collisionCount and retry next pass.
            var dep = stored
            dep["status"]["collisionCount"] = .int(collision + 1)
            try c.save(dep, stored, c.deployType)
            stop = true
            return
        }
        var rsTemplate = template
        rsTemplate["metadata"]["labels"]["pod-template-hash"] = .string(hash)
        var rsSelector = d["spec"]["selector"]
        rsSelector["matchLabels"]["pod-template-hash"] = .string(hash)
        var labels = template["metadata"]["labels"]
        labels["pod-template-hash"] = .string(hash)
        let count = newReplicaSetReplicas(current: 0)
        var spec: JSONValue = ["replicas": .int(Int64(count))]
        if let mrs = d["spec"]["minReadySeconds"].int { spec["minReadySeconds"] = .int(mrs) }
        spec["selector"] = rsSelector
        spec["template"] = rsTemplate
        let rs: JSONValue = [
            "apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": ["name": .string(rsName), "namespace": .string(ns), "labels": labels,
                         "annotations": annotations(.emptyObject, revision: maxOld + 1, withReplicas: true),
                         "ownerReferences": [c.ownerReference(stored, apiVersion: "apps/v1", kind: "Deployment")]],
            "spec": spec,
        ]
        do {
            newRS = try c.s.create(rs, type: c.rsType, namespace: ns)
        } catch let e as APIError where e.reason == .invalid || e.reason == .forbidden {
            try refusedReplicaSet(rsName, e)
            return
        }
        if count > 0 {
            c.event(stored, reason: "ScalingReplicaSet", message: "Scaled up replica set \(rsName) from 0 to \(count)",
                    component: "deployment-controller")
        }
        d["metadata"]["annotations"]["deployment.kubernetes.io/revision"] = .string(String(maxOld + 1))
        if hasProgressDeadline {
            setCondition("Progressing", "True", "NewReplicaSetCreated", "Created new replica set \(strconvQuote(rsName))")
        }
    }

    /// getNewReplicaSet when the API server refuses the new ReplicaSet (a quota on ReplicaSets, or a
    /// Deployment named so long that `<name>-<hash>` passes 253 characters): a Warning event
    /// `ReplicaSetCreateError` and, with a progress deadline, Progressing False for the same reason,
    /// written at once; the sync ends there (the command that wrote the Deployment succeeds) and is
    /// retried on the controller's back-off (`retryRefused`), each retry another event.
    func refusedReplicaSet(_ rsName: String, _ e: APIError) throws {
        let message = "Failed to create new replica set \(strconvQuote(rsName)): \(e.message)"
        if hasProgressDeadline {
            setCondition("Progressing", "False", "ReplicaSetCreateError", message)
            if let current = try c.s.find(c.deployType, namespace: ns, name: deploymentName) {
                var u = current
                u["status"]["conditions"] = d["status"]["conditions"]
                try c.save(u, current, c.deployType)
            }
        }
        c.event(stored, type: "Warning", reason: "ReplicaSetCreateError", message: message, component: "deployment-controller")
        stop = true
        throw ControllerManager.PodCreationRefused(message: e.message)
    }

    // MARK: steps

    /// Scales the new ReplicaSet toward `replicas` within maxSurge (reconcileNewReplicaSet).
    func reconcileNewReplicaSet() throws -> Bool {
        guard let n = newRS else { return false }
        let current = Self.specReplicas(n)
        if current == replicas { return false }
        if current > replicas { return try scaleAndRecordEvent(n, to: replicas) }
        return try scaleAndRecordEvent(n, to: newReplicaSetReplicas(current: current))
    }

    /// Scales old ReplicaSets down as far as maxUnavailable allows, their unavailable pods first
    /// (reconcileOldReplicaSets).
    func reconcileOldReplicaSets() throws -> Bool {
        let oldCount = old.reduce(0) { $0 + Self.specReplicas($1) }
        if oldCount == 0 { return false }
        let allCount = all.reduce(0) { $0 + Self.specReplicas($1) }
        let minAvailable = replicas - maxUnavailable
        let newUnavailable = newRS.map { Self.specReplicas($0) - Self.statusCount($0, "availableReplicas") } ?? 0
        let maxScaledDown = allCount - minAvailable - newUnavailable
        if maxScaledDown <= 0 { return false }
        // Unhealthy old pods first: removing them lowers no availability.
        var cleaned = 0
        for rs in old where cleaned < maxScaledDown {
            let size = Self.specReplicas(rs), available = Self.statusCount(rs, "availableReplicas")
            if size == 0 || size == available { continue }
            let cut = min(maxScaledDown - cleaned, size - available)
            try scaleAndRecordEvent(rs, to: size - cut)
            cleaned += cut
        }
        // Then available ones, while more than `replicas - maxUnavailable` stay available.
        let availableCount = all.reduce(0) { $0 + Self.statusCount($1, "availableReplicas") }
        var scaledDown = 0
        if availableCount > minAvailable {
            let target = availableCount - minAvailable
            for rs in old where scaledDown < target {
                let size = Self.specReplicas(rs)
                if size == 0 { continue }
                let cut = min(size, target - scaledDown)
                try scaleAndRecordEvent(rs, to: size - cut)
                scaledDown += cut
            }
        }
        return cleaned + scaledDown > 0
    }

    /// Recreate: every old ReplicaSet to 0 first.
    func scaleDownOldForRecreate() throws -> Bool {
        var scaled = false
        for rs in old where Self.specReplicas(rs) > 0 {
            if try scaleAndRecordEvent(rs, to: 0) { scaled = true }
        }
        return scaled
    }

    /// Whether an active ReplicaSet was sized for another `replicas` (isScalingEvent).
    func isScalingEvent() -> Bool {
        all.contains { rs in
            guard Self.specReplicas(rs) > 0, let desired = Int(rs["metadata"]["annotations"]["deployment.kubernetes.io/desired-replicas"].string ?? "")
            else { return false }
            return desired != replicas
        }
    }

    /// A scaling event or a paused Deployment (`scale`): one active ReplicaSet takes `replicas`; else
    /// a rolling update's active ReplicaSets share the change in proportion to their sizes.
    func scaleProportionally() throws {
        let active = all.filter { Self.specReplicas($0) > 0 }
        if active.count <= 1 {
            let target = active.first ?? newRS ?? old.last
            if let target, Self.specReplicas(target) != replicas { try scaleAndRecordEvent(target, to: replicas) }
            return
        }
        if let n = newRS, Self.specReplicas(n) == replicas,
           Int(n["metadata"]["annotations"]["deployment.kubernetes.io/desired-replicas"].string ?? "") == replicas,
           Self.statusCount(n, "availableReplicas") == replicas {
            for rs in old where Self.specReplicas(rs) > 0 { try scaleAndRecordEvent(rs, to: 0) }
            return
        }
        guard !recreate else { return }
        let current = active.reduce(0) { $0 + Self.specReplicas($1) }
        let allowed = replicas > 0 ? replicas + maxSurge : 0
        let toAdd = allowed - current
        // Larger first; among equals the newer first when growing, the older first when shrinking.
        let ordered = active.sorted { a, b in
            let sa = Self.specReplicas(a), sb = Self.specReplicas(b)
            if sa != sb { return sa > sb }
            return toAdd > 0 ? Self.olderFirst(b, a) : Self.olderFirst(a, b)
        }
        var sizes = ordered.map(Self.specReplicas)
        if toAdd != 0 {
            var added = 0
            for (i, rs) in ordered.enumerated() {
                let p = proportion(rs, toAdd: toAdd, added: added)
                sizes[i] += p
                added += p
            }
            sizes[0] = max(0, sizes[0] + toAdd - added)
        }
        let operation = toAdd > 0 ? "up" : toAdd < 0 ? "down" : ""
        for (i, rs) in ordered.enumerated() {
            let fresh = all.first { $0["metadata"]["uid"] == rs["metadata"]["uid"] } ?? rs
            try scale(fresh, to: sizes[i], operation: operation)
        }
    }

    /// A ReplicaSet's share of `toAdd` (GetReplicaSetProportion): its size scaled from the Deployment's
    /// size it was made for (`max-replicas`) to the present one, bounded by what is left to add.
    func proportion(_ rs: JSONValue, toAdd: Int, added: Int) -> Int {
        let size = Self.specReplicas(rs)
        if size == 0 || toAdd == 0 || toAdd == added { return 0 }
        var fraction = 0
        if replicas == 0 {
            fraction = -size
        } else {
            var before = Int(rs["metadata"]["annotations"]["deployment.kubernetes.io/max-replicas"].string ?? "") ?? 0
            if before == 0 { before = Int(d["status"]["replicas"].int ?? 0) }
            if before != 0 {
                // Rounded half away from zero (math.Round).
                let num = Double(size * (replicas + maxSurge)) / Double(before)
                fraction = Int(num.rounded(.toNearestOrAwayFromZero)) - size
            }
        }
        let allowed = toAdd - added
        return toAdd > 0 ? min(fraction, allowed) : max(fraction, allowed)
    }

    /// Old ReplicaSets without pods beyond `revisionHistoryLimit`, lowest revision first (cleanupDeployment).
    func cleanup() throws {
        guard let limit = d["spec"]["revisionHistoryLimit"].int, limit < Int64(Int32.max) else { return }
        let cleanable = old.filter { $0["metadata"]["deletionTimestamp"].isNull }
            .sorted { c.revision($0) != c.revision($1) ? c.revision($0) < c.revision($1) : Self.olderFirst($0, $1) }
        let diff = cleanable.count - Int(limit)
        guard diff > 0 else { return }
        for rs in cleanable.prefix(diff) {
            if Self.statusCount(rs, "replicas") != 0 || Self.specReplicas(rs) != 0 { continue }
            if (rs["metadata"]["generation"].int ?? 0) > (rs["status"]["observedGeneration"].int ?? 0) { continue }
            let rsName = Self.name(rs)
            if try c.s.tx.get(resource: c.rsType.storageKey, namespace: ns, name: rsName) != nil {
                try c.s.delete(c.rsType, namespace: ns, name: rsName)
            }
            old.removeAll { Self.name($0) == rsName }
        }
    }
}
