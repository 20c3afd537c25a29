import KubeModel
import KubeSchema
import KubeRegistry
import KubeStore

/// Deployments: one ReplicaSet per pod template (`<deployment>-<pod-template-hash>`), revisions,
/// rollouts and history cleanup. A sync takes one step as kube-controller-manager's does (a rolling
/// update scales the new ReplicaSet up or the old ones down within maxSurge/maxUnavailable, counting
/// only available pods; `DeploymentRollout`), and the ReplicaSets' status changes bring the next one:
/// at once when pods are ready at once, or when probes, `minReadySeconds` and the clock let them.
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
        let want = templateIgnoringHash(d["spec"]["template"])
        let newRS = all.first { templateIgnoringHash($0["spec"]["template"]) == want }
        let r = DeploymentRollout(self, d, newRS: newRS, old: all.filter { $0["metadata"]["uid"] != newRS?["metadata"]["uid"] })
        r.checkPausedConditions()
        if r.paused || r.isScalingEvent() {
            // Paused, or `replicas` changed: every active ReplicaSet is scaled in proportion.
            try r.syncNewReplicaSet(create: false)
            try r.scaleProportionally()
            if r.paused { try r.cleanup() }
            try r.writeStatus(rollout: false)
        } else if r.recreate {
            try r.syncNewReplicaSet(create: false)
            // The new pods start only once every old one is gone (Terminating ones included).
            if try !r.scaleDownOldForRecreate(), try !oldPodsRemain(r.old, newRS: r.newRS) {
                if r.newRS == nil {
                    try r.syncNewReplicaSet(create: true)
                    if r.stop { return }
                }
                if let n = r.newRS { try r.scaleAndRecordEvent(n, to: r.replicas) }
                if r.complete(r.d["status"]) { try r.cleanup() }
            }
            try r.writeStatus(rollout: true)
        } else {
            try r.syncNewReplicaSet(create: true)
            if r.stop { return }
            if try !r.reconcileNewReplicaSet(), try !r.reconcileOldReplicaSets(), r.complete(r.d["status"]) {
                try r.cleanup()
            }
            try r.writeStatus(rollout: true)
        }
    }

    /// Whether pods of the old ReplicaSets are still there and not finished (Recreate waits for them).
    func oldPodsRemain(_ old: [JSONValue], newRS: JSONValue? = nil) throws -> Bool {
        if old.contains(where: { ($0["status"]["replicas"].int ?? 0) > 0 }) { return true }
        for rs in old where rs["metadata"]["uid"] != newRS?["metadata"]["uid"] {
            for row in try s.tx.dependents(ofUID: rs["metadata"]["uid"].string ?? "", full: false) where row.resource == podType.storageKey {
                if let pod = try s.object(of: row), !isTerminated(pod) { return true }
            }
        }
        return false
    }
}
