import KubeModel
import KubeSchema
import KubeRegistry
import KubeStore

/// Deployments: one ReplicaSet per pod template (`<deployment>-<pod-template-hash>`), revisions,
/// rollouts (RollingUpdate and Recreate, settled at once with the events of each step), history
/// cleanup and status.
extension ControllerManager {
    static let skippedAnnotations: Set<String> = [
        "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision",
        "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
        "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ]

    func revision(_ rs: JSONValue) -> Int64 {
        Int64(rs["metadata"]["annotations"]["deployment.kubernetes.io/revision"].string ?? "") ?? 0
    }

    /// The template without the `pod-template-hash` label (EqualIgnoreHash).
    func templateIgnoringHash(_ t: JSONValue) -> JSONValue {
        // Compared as Go compares the typed templates: zero values written out or not are the same
        // (a store written before templates carried `creationTimestamp: null`, or before zero values
        // `omitempty` leaves out were dropped, rolls nothing out).
        let type = SchemaType.ref("io.k8s.api.core.v1.PodTemplateSpec")
        var t = GoZeroValues.filled(GoZeroValues.withoutLeftOut(t, type: type), type: type)
        t.remove(["metadata", "labels", "pod-template-hash"])
        if t["metadata"]["labels"].object?.isEmpty == true { t.remove(["metadata", "labels"]) }
        return t
    }

    /// `intstr` percentages or integers against `total`.
    func scaledValue(_ v: JSONValue, total: Int, roundUp: Bool) -> Int {
        if let i = v.int { return Int(i) }
        if let s = v.string, s.hasSuffix("%"), let p = Int(s.dropLast()) {
            let x = p * total
            return roundUp ? (x + 99) / 100 : x / 100
        }
        return 0
    }

    func syncDeployment(namespace ns: String, name: String) throws {
        guard let d = try live(deployType, ns, name) else { return }
        let uid = d["metadata"]["uid"].string ?? ""
        let sel = (try? LabelSelector(from: d["spec"]["selector"])) ?? .nothing
        var all: [JSONValue] = []
        for row in try s.tx.dependents(ofUID: uid) where row.resource == rsType.storageKey {
            let rs = try s.decode(row)
            if controllerRef(rs)?.uid == uid && rs["metadata"]["deletionTimestamp"].isNull { all.append(rs) }
        }
        // Adopt orphan ReplicaSets that match.
        for row in try rows(rsType, ns, matching: sel) where row.ownerUIDs.isEmpty {
            var rs = try s.decode(row)
            rs["metadata"]["ownerReferences"] = [ownerReference(d, apiVersion: "apps/v1", kind: "Deployment")]
            all.append(try s.update(rs, type: rsType))
        }
        let template = d["spec"]["template"]
        let replicas = Int(d["spec"]["replicas"].int ?? 1)
        let paused = d["spec"]["paused"].bool == true
        let recreate = d["spec"]["strategy"]["type"].string == "Recreate"
        let surge = recreate ? 0 : scaledValue(d["spec"]["strategy"]["rollingUpdate"]["maxSurge"], total: replicas, roundUp: true)
        var unavailable = recreate ? 0 : scaledValue(d["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"], total: replicas, roundUp: false)
        if !recreate && surge == 0 && unavailable == 0 { unavailable = 1 }
        var newRS = all.first { templateIgnoringHash($0["spec"]["template"]) == templateIgnoringHash(template) }
        var old = all.filter { $0["metadata"]["uid"] != newRS?["metadata"]["uid"] }
        let maxOld = old.map(revision).max() ?? 0
        var createdNew = false
        var deploymentChanged = false
        var dep = d

        func rsAnnotations(_ base: JSONValue, revision: Int64) -> JSONValue {
            var ann = base
            for (k, v) in d["metadata"]["annotations"].object ?? JSONObject() where !ControllerManager.skippedAnnotations.contains(k) {
                ann[k] = v
            }
            ann["deployment.kubernetes.io/desired-replicas"] = .string(String(replicas))
            ann["deployment.kubernetes.io/max-replicas"] = .string(String(replicas + surge))
            ann["deployment.kubernetes.io/revision"] = .string(String(revision))
            return ann
        }

        if newRS == nil && !paused {
            let collision = d["status"]["collisionCount"].int ?? 0
            let hash = templateHash(templateIgnoringHash(template), collisionCount: collision)
            let rsName = "\(name)-\(hash)"
            var rsTemplate = template
            rsTemplate["metadata"]["labels"]["pod-template-hash"] = .string(hash)
            var rsSelector = d["spec"]["selector"]
            rsSelector["matchLabels"]["pod-template-hash"] = .string(hash)
            var labels = template["metadata"]["labels"]
            labels["pod-template-hash"] = .string(hash)
            var spec: JSONValue = ["replicas": 0]
            if let mrs = d["spec"]["minReadySeconds"].int { spec["minReadySeconds"] = .int(mrs) }
            spec["selector"] = rsSelector
            spec["template"] = rsTemplate
            let rs: JSONValue = [
                "apiVersion": "apps/v1", "kind": "ReplicaSet",
                "metadata": ["name": .string(rsName), "namespace": .string(ns), "labels": labels,
                             "annotations": rsAnnotations(.emptyObject, revision: maxOld + 1),
                             "ownerReferences": [ownerReference(d, apiVersion: "apps/v1", kind: "Deployment")]],
                "spec": spec,
            ]
            if try s.tx.get(resource: rsType.storageKey, namespace: ns, name: rsName) != nil {
                // Hash collision with a foreign ReplicaSet: bump collisionCount and retry next pass.
                dep["status"]["collisionCount"] = .int(collision + 1)
                try save(dep, d, deployType)
                return
            }
            newRS = try s.create(rs, type: rsType, namespace: ns)
            createdNew = true
        }

        if var nrs = newRS {
            // Revision bookkeeping (an old template made current again gets the next revision).
            var ann = nrs["metadata"]["annotations"]
            let current = revision(nrs)
            var rev = current
            if current <= maxOld && !old.isEmpty {
                rev = maxOld + 1
                if current > 0 {
                    let history = ann["deployment.kubernetes.io/revision-history"].string ?? ""
                    ann["deployment.kubernetes.io/revision-history"] = .string(history.isEmpty ? String(current) : history + "," + String(current))
                }
            }
            if !paused { ann = rsAnnotations(ann, revision: rev) }
            if ann != nrs["metadata"]["annotations"] {
                var u = nrs
                u["metadata"]["annotations"] = ann
                nrs = try s.update(u, type: rsType)
                newRS = nrs
            }
            if dep["metadata"]["annotations"]["deployment.kubernetes.io/revision"].string != String(rev) {
                dep["metadata"]["annotations"]["deployment.kubernetes.io/revision"] = .string(String(rev))
                deploymentChanged = true
            }
        }

        // Scaling: new ReplicaSet to `replicas`, old ones to 0, with the events of each rollout step.
        if let nrs = newRS, !paused {
            var newCount = Int(nrs["spec"]["replicas"].int ?? 0)
            old.sort { ($0["metadata"]["creationTimestamp"].string ?? "", revision($0)) < ($1["metadata"]["creationTimestamp"].string ?? "", revision($1)) }
            var oldCounts = old.map { Int($0["spec"]["replicas"].int ?? 0) }
            let newName = nrs["metadata"]["name"].string ?? ""
            func scaleEvent(_ rsName: String, _ from: Int, _ to: Int) {
                let op = to > from ? "up" : "down"
                event(d, reason: "ScalingReplicaSet", message: "Scaled \(op) replica set \(rsName) from \(from) to \(to)",
                      component: "deployment-controller")
            }
            func scaleDownOld(by amount: Int) {
                var left = amount
                for i in oldCounts.indices where left > 0 && oldCounts[i] > 0 {
                    let cut = min(left, oldCounts[i])
                    scaleEvent(old[i]["metadata"]["name"].string ?? "", oldCounts[i], oldCounts[i] - cut)
                    oldCounts[i] -= cut
                    left -= cut
                }
            }
            var guardSteps = 0
            if recreate {
                if oldCounts.reduce(0, +) > 0 { scaleDownOld(by: oldCounts.reduce(0, +)) }
                // The new pods start only once every old one is gone (Terminating ones included).
                if newCount != replicas, try !oldPodsRemain(old) { scaleEvent(newName, newCount, replicas); newCount = replicas }
            } else {
                while guardSteps < 10_000 {
                    guardSteps += 1
                    let oldTotal = oldCounts.reduce(0, +)
                    if oldTotal == 0 {
                        if newCount != replicas { scaleEvent(newName, newCount, replicas); newCount = replicas }
                        break
                    }
                    var progressed = false
                    if newCount > replicas {
                        scaleEvent(newName, newCount, replicas); newCount = replicas; progressed = true
                    } else if newCount < replicas {
                        let target = min(replicas, replicas + surge - oldTotal)
                        if target > newCount { scaleEvent(newName, newCount, target); newCount = target; progressed = true }
                    }
                    let minAvailable = replicas - unavailable
                    let canCut = newCount + oldTotal - minAvailable
                    if canCut > 0 { scaleDownOld(by: min(canCut, oldTotal)); progressed = true }
                    if !progressed {
                        // Cannot progress within the limits (e.g. maxSurge 0 with no headroom): finish anyway.
                        scaleDownOld(by: oldTotal)
                    }
                }
            }
            for (i, rs) in old.enumerated() where Int(rs["spec"]["replicas"].int ?? 0) != oldCounts[i] {
                var u = rs
                u["spec"]["replicas"] = .int(Int64(oldCounts[i]))
                u["metadata"]["annotations"]["deployment.kubernetes.io/desired-replicas"] = .string(String(replicas))
                u["metadata"]["annotations"]["deployment.kubernetes.io/max-replicas"] = .string(String(replicas + surge))
                old[i] = try s.update(u, type: rsType)
            }
            if Int(nrs["spec"]["replicas"].int ?? 0) != newCount {
                var u = nrs
                u["spec"]["replicas"] = .int(Int64(newCount))
                newRS = try s.update(u, type: rsType)
            }
        }

        // History cleanup: old ReplicaSets with no pods beyond revisionHistoryLimit, oldest first.
        let limit = Int(d["spec"]["revisionHistoryLimit"].int ?? 10)
        let idle = old.filter { ($0["spec"]["replicas"].int ?? 0) == 0 && ($0["status"]["replicas"].int ?? 0) == 0 }
            .sorted { revision($0) < revision($1) }
        if idle.count > limit {
            for rs in idle.prefix(idle.count - limit) {
                let rsName = rs["metadata"]["name"].string ?? ""
                if try s.tx.get(resource: rsType.storageKey, namespace: ns, name: rsName) != nil {
                    try s.delete(rsType, namespace: ns, name: rsName)
                }
                old.removeAll { $0["metadata"]["name"].string == rsName }
            }
        }

        // Status from the ReplicaSets' own status.
        let fresh = try ([newRS].compactMap { $0 } + old).compactMap {
            try s.find(rsType, namespace: ns, name: $0["metadata"]["name"].string ?? "")
        }
        func sum(_ key: String) -> Int { fresh.reduce(0) { $0 + Int($1["status"][key].int ?? 0) } }
        let total = sum("replicas")
        let updated = newRS.flatMap { n in fresh.first { $0["metadata"]["uid"] == n["metadata"]["uid"] } }
        let updatedCount = Int(updated?["status"]["replicas"].int ?? 0)
        let ready = sum("readyReplicas")
        let available = sum("availableReplicas")
        var status: JSONValue = .emptyObject
        if available > 0 { status["availableReplicas"] = .int(Int64(available)) }
        if let cc = d["status"]["collisionCount"].int { status["collisionCount"] = .int(cc) }
        let oldConds = d["status"]["conditions"].array ?? []
        func cond(_ type: String, _ st: String, _ reason: String, _ message: String) -> JSONValue {
            let prev = oldConds.first { $0["type"].string == type }
            let same = prev?["status"].string == st
            let sameAll = same && prev?["reason"].string == reason && prev?["message"].string == message
            let t = JSONValue.string(now.rfc3339)
            return ["lastTransitionTime": same ? (prev?["lastTransitionTime"] ?? t) : t,
                    "lastUpdateTime": sameAll ? (prev?["lastUpdateTime"] ?? t) : t,
                    "message": .string(message), "reason": .string(reason), "status": .string(st), "type": .string(type)]
        }
        let minAvailable = replicas - unavailable
        let availableCond = available >= minAvailable
            ? cond("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.")
            : cond("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.")
        let rsName = updated?["metadata"]["name"].string ?? newRS?["metadata"]["name"].string ?? ""
        let progressing: JSONValue
        if paused {
            progressing = cond("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused")
        } else if updatedCount == replicas && total == replicas && available >= replicas && ready >= replicas {
            progressing = cond("Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet \"\(rsName)\" has successfully progressed.")
        } else if createdNew {
            progressing = cond("Progressing", "True", "NewReplicaSetCreated", "Created new replica set \"\(rsName)\"")
        } else if oldConds.first(where: { $0["type"].string == "Progressing" })?["reason"].string == "DeploymentPaused" {
            progressing = cond("Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed")
        } else {
            progressing = cond("Progressing", "True", "ReplicaSetUpdated", "ReplicaSet \"\(rsName)\" is progressing.")
        }
        var conditions = [availableCond, try progressDeadline(d, progressing, ready: ready, available: available,
                                                              updated: updatedCount, rsName: rsName)]
        // A ReplicaSet's ReplicaFailure (a refused pod create) becomes the Deployment's, as the controller copies it.
        let failure = fresh.lazy.compactMap { rs in
            (rs["status"]["conditions"].array ?? []).first { $0["type"].string == "ReplicaFailure" }
        }.first
        if let failure {
            conditions.append(cond("ReplicaFailure", failure["status"].string ?? "True", failure["reason"].string ?? "",
                                   failure["message"].string ?? ""))
        }
        status["conditions"] = .array(conditions)
        if let g = d["metadata"]["generation"].int { status["observedGeneration"] = .int(g) }
        if ready > 0 { status["readyReplicas"] = .int(Int64(ready)) }
        if total > 0 { status["replicas"] = .int(Int64(total)) }
        if replicas - available > 0 { status["unavailableReplicas"] = .int(Int64(replicas - available)) }
        if updatedCount > 0 { status["updatedReplicas"] = .int(Int64(updatedCount)) }
        if dep["status"] != status {
            dep["status"] = status
            deploymentChanged = true
        }
        if deploymentChanged, let current = try s.find(deployType, namespace: ns, name: name) {
            var u = current
            u["metadata"]["annotations"] = dep["metadata"]["annotations"]
            u["status"] = dep["status"]
            try save(u, current, deployType)
        }
    }

    /// Whether pods of the old ReplicaSets are still there and not finished (Recreate waits for them).
    func oldPodsRemain(_ old: [JSONValue]) throws -> Bool {
        for rs in old {
            for row in try s.tx.dependents(ofUID: rs["metadata"]["uid"].string ?? "", full: false) where row.resource == podType.storageKey {
                if let pod = try s.object(of: row), !isTerminated(pod) { return true }
            }
        }
        return false
    }
}
