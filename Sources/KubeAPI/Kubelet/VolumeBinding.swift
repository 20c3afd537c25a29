import KubeModel
import KubeRegistry
import KubeStore

/// The scheduler's VolumeBinding plugin: a pod waits while a claim it mounts is missing, being deleted or
/// unbound with immediate binding; claims of a `WaitForFirstConsumer` class are provisioned for the node
/// the pod is bound to.
extension ControllerManager {
    struct PodClaims {
        var blocked: String?
        /// What the plugin checks on each node.
        var volumes = VolumeFilter()
    }

    func claimsForScheduling(_ pod: JSONValue) throws -> PodClaims {
        let ns = pod["metadata"]["namespace"].string ?? "default"
        let podName = pod["metadata"]["name"].string ?? ""
        var result = PodClaims()
        var unboundImmediate = false
        for v in pod["spec"]["volumes"].array ?? [] {
            // `podHasPVCs`: a claim the pod names, or its generic ephemeral volume's `<pod>-<volume>`.
            let claimName: String
            let ephemeral = v["ephemeral"].object != nil
            if let named = v["persistentVolumeClaim"]["claimName"].string {
                claimName = named
            } else if ephemeral {
                claimName = EphemeralVolumes.claimName(pod: podName, volume: v["name"].string ?? "")
            } else {
                continue
            }
            guard let pvc = try s.find(pvcType, namespace: ns, name: claimName) else {
                result.blocked = ephemeral
                    ? "waiting for ephemeral volume controller to create the persistentvolumeclaim \(strconvQuote(claimName))"
                    : "persistentvolumeclaim \(strconvQuote(claimName)) not found"
                return result
            }
            if pvc["status"]["phase"].string == "Lost" {
                result.blocked = "persistentvolumeclaim \(strconvQuote(claimName)) bound to non-existent persistentvolume \(strconvQuote(pvc["spec"]["volumeName"].string ?? ""))"
                return result
            }
            if !pvc["metadata"]["deletionTimestamp"].isNull {
                result.blocked = "persistentvolumeclaim \(strconvQuote(claimName)) is being deleted"
                return result
            }
            if ephemeral, let refusal = EphemeralVolumes.notForPod(pvc, pod) {
                result.blocked = refusal
                return result
            }
            if pvc["status"]["phase"].string == "Bound" {
                result.volumes.bound.append(try s.find(pvType, namespace: "", name: pvc["spec"]["volumeName"].string ?? ""))
                continue
            }
            if let sc = try delayingClass(pvc) {
                result.volumes.delayed.append(try delayedClaim(pvc, storageClass: sc))
                continue
            }
            unboundImmediate = true
        }
        if unboundImmediate { result.blocked = "pod has unbound immediate PersistentVolumeClaims" }
        result.volumes.narrow()
        if let eligible = result.volumes.eligible, eligible.isEmpty, result.blocked == nil {
            result.blocked = "node(s) didn't satisfy plugin VolumeBinding"
        }
        return result
    }

    /// The class of a claim without a volume when that class binds once a pod using the claim is
    /// scheduled (`WaitForFirstConsumer`).
    func delayingClass(_ pvc: JSONValue) throws -> JSONValue? {
        guard (pvc["spec"]["volumeName"].string ?? "").isEmpty else { return nil }
        let className = pvc["spec"]["storageClassName"].string ?? ""
        guard !className.isEmpty, let sc = try s.find(scType, namespace: "", name: className),
              sc["volumeBindingMode"].string == "WaitForFirstConsumer" else { return nil }
        return sc
    }

    /// The scheduler picked `node`: a delayed claim with an Available volume that allows the node gets
    /// that volume (the scheduler writes the volume's claimRef); the others name the node, and the
    /// provisioner makes a volume there. The volume controller then binds both sides.
    func bindDelayedClaims(_ claims: [DelayedClaim], node: NodeInfo) throws {
        guard !claims.isEmpty, let volumes = try delayedBindings(claims, node: node) else { return }
        for (delayed, volume) in zip(claims, volumes) {
            let claim = delayed.claim
            let ns = claim["metadata"]["namespace"].string ?? "", claimName = claim["metadata"]["name"].string ?? ""
            if var pv = volume {
                let old = pv
                pv["spec"]["claimRef"] = ["apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": .string(claimName),
                                          "namespace": .string(ns), "resourceVersion": claim["metadata"]["resourceVersion"],
                                          "uid": claim["metadata"]["uid"]]
                pv["metadata"]["annotations"]["pv.kubernetes.io/bound-by-controller"] = "yes"
                try save(pv, old, pvType)
            } else {
                guard var pvc = try s.find(pvcType, namespace: ns, name: claimName) else { continue }
                let old = pvc
                pvc["metadata"]["annotations"]["volume.kubernetes.io/selected-node"] = .string(node.name)
                try save(pvc, old, pvcType)
            }
            try syncClaim(namespace: ns, name: claimName)
        }
    }

    /// Pending pods in `ns` the kubelet is waiting on: it looks again now that a ConfigMap, Secret or
    /// Service changed there.
    func wakeWaitingPods(namespace ns: String) throws {
        for (key, value) in try s.tx.configEntries(withPrefix: KubeletRecord.prefix + ns + "/") {
            let name = String(key.dropFirst((KubeletRecord.prefix + ns + "/").count))
            if let v = try? JSON.parse(value), let uid = v["uid"].string { kubeletWake.insert(uid) }
            enqueue(.pod(ns, name))
        }
    }

    /// The kubelet comes back to a pod whose retry fell due: each due step is replayed at its own time,
    /// the last ones at `until` once a pod has retried many times.
    func kubeletRetry(namespace ns: String, name: String, until: Timestamp) throws {
        var steps = 0
        defer { setClock(nil) }
        while steps < 100 {
            guard let pod = try s.find(podType, namespace: ns, name: name), pod["metadata"]["deletionTimestamp"].isNull,
                pod["status"]["phase"].string == "Pending", let node = try s.find(nodeType, namespace: "", name: pod["spec"]["nodeName"].string ?? "")
            else { return }
            let rec = try KubeletRecord.load(s.tx, namespace: ns, name: name, uid: pod["metadata"]["uid"].string ?? "")
            guard let due = rec.due, due <= until.seconds else { return }
            steps += 1
            // Far behind (a store left idle): one retry now stands for the ones in between; but the end of
            // a start held in its postStart hook comes at its time (what follows is timed from it).
            let far = (steps == 100 || until.seconds - due > 3600) && rec.hooks.isEmpty
            setClock(far ? until : Timestamp(seconds: due))
            var p = pod
            try kubeletSync(&p, node: node, mode: .retry)
            // A container that started now may end by itself (an init container's `sleep 10`).
            try scheduleContainerTransitions(try save(p, pod, podType))
        }
    }
}

extension APIServer {
    /// The kubelet's retries that fell due since the last command (image pulls, mounts, container config).
    /// Returns whether any did.
    @discardableResult
    func runKubeletRetries() throws -> Bool {
        let now = clock.now
        let due = try read { s -> [(String, String)] in
            try s.tx.configEntries(withPrefix: KubeletRecord.prefix).compactMap { key, value in
                guard let v = try? JSON.parse(value), let d = v["due"].int, d <= now.seconds else { return nil }
                let rest = key.dropFirst(KubeletRecord.prefix.count)
                guard let slash = rest.firstIndex(of: "/") else { return nil }
                return (String(rest[..<slash]), String(rest[rest.index(after: slash)...]))
            }
        }
        guard !due.isEmpty else { return false }
        try controllerWrite { s in
            for (ns, name) in due { try s.controllers.kubeletRetry(namespace: ns, name: name, until: now) }
            try s.controllers.drain()
        }
        return true
    }
}
