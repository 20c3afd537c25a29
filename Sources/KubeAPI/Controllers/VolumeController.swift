import KubeModel
import KubeRegistry
import KubeStore

/// The persistent volume controller and a dynamic provisioner for StorageClasses: claims bind to the
/// smallest matching Available volume or to a provisioned `pvc-<uid>` one; the reclaim policy applies
/// when the claim goes.
extension ControllerManager {
    func syncPendingClaims() throws {
        for row in try s.tx.list(resource: pvcType.storageKey, namespace: nil) where !row.data.contains("\"phase\":\"Bound\"") {
            enqueue(.pvc(row.namespace, row.name))
        }
    }

    func storage(_ v: JSONValue) -> Double {
        if let q = try? Quantity.parse(json: v) { return q.doubleValue }
        return 0
    }

    func syncClaim(namespace ns: String, name: String) throws {
        guard var pvc = try live(pvcType, ns, name) else { return }
        if pvc["status"]["phase"].string == "Bound" { return }
        let original = pvc
        let className = pvc["spec"]["storageClassName"].string ?? ""
        let volumeMode = pvc["spec"]["volumeMode"].string ?? "Filesystem"
        let uid = pvc["metadata"]["uid"].string ?? ""
        var chosen: JSONValue?
        let wanted = pvc["spec"]["volumeName"].string ?? ""
        // A claim of a WaitForFirstConsumer class gets an unbound volume from the scheduler only.
        let delayBinding = try delayingClass(pvc) != nil
        for pv in try s.list(pvType, namespace: nil) {
            if !wanted.isEmpty && pv["metadata"]["name"].string != wanted { continue }
            let ref = pv["spec"]["claimRef"]
            if !ref.isNull {
                guard ref["name"].string == name && (ref["namespace"].string ?? "") == ns
                    && (ref["uid"].isNull || ref["uid"].string == uid) else { continue }
            } else if pv["status"]["phase"].string != "Available" || delayBinding { continue }
            if !claimAccepts(pvc, pv) { continue }
            let cap = storage(pv["spec"]["capacity"]["storage"])
            if chosen == nil || cap < storage(chosen!["spec"]["capacity"]["storage"]) || !ref.isNull { chosen = pv }
            if !ref.isNull { break }
        }
        if chosen == nil, !className.isEmpty, wanted.isEmpty {
            guard let sc = try s.find(scType, namespace: "", name: className) else {
                if pvc["status"]["phase"].string == "Pending", try firstClaimSync(pvc) {
                    event(pvc, type: "Warning", reason: "ProvisioningFailed",
                          message: "storageclass.storage.k8s.io \(strconvQuote(className)) not found", component: "persistentvolume-controller")
                }
                return
            }
            if sc["volumeBindingMode"].string == "WaitForFirstConsumer",
                pvc["metadata"]["annotations"]["volume.kubernetes.io/selected-node"].isNull
            {
                if try firstClaimSync(pvc) {
                    let e = try delayedClaimEvent(pvc)
                    event(pvc, reason: e.reason, message: e.message, component: "persistentvolume-controller")
                }
                return
            }
            let provisioner = sc["provisioner"].string ?? ""
            if provisioner == Self.localPathProvisioner, pvc["metadata"]["annotations"]["volume.kubernetes.io/selected-node"].isNull {
                return try provisionWithoutNode(pvc, original: original, className: className, provisioner: provisioner)
            }
            event(pvc, reason: "ExternalProvisioning",
                  message: "Waiting for a volume to be created either by the external provisioner '\(provisioner)' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
                  component: "persistentvolume-controller")
            let provComponent = "\(provisioner)_local-path-provisioner"
            event(pvc, reason: "Provisioning", message: "External provisioner is provisioning volume for claim \"\(ns)/\(name)\"",
                  component: provComponent)
            let pvName = "pvc-\(uid)"
            var spec: JSONValue = [
                "accessModes": pvc["spec"]["accessModes"],
                "capacity": ["storage": pvc["spec"]["resources"]["requests"]["storage"]],
                "claimRef": ["apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": .string(name), "namespace": .string(ns),
                             "resourceVersion": pvc["metadata"]["resourceVersion"], "uid": .string(uid)],
            ]
            let selectedNode = pvc["metadata"]["annotations"]["volume.kubernetes.io/selected-node"].string
            if provisioner == "rancher.io/local-path" {
                spec["hostPath"] = ["path": .string("/var/local-path-provisioner/\(pvName)_\(ns)_\(name)"), "type": "DirectoryOrCreate"]
            } else {
                spec["hostPath"] = ["path": .string("/tmp/\(pvName)"), "type": "DirectoryOrCreate"]
            }
            spec["persistentVolumeReclaimPolicy"] = .string(sc["reclaimPolicy"].string ?? "Delete")
            spec["storageClassName"] = .string(className)
            if provisioner == "rancher.io/local-path", let selectedNode {
                // The local-path provisioner: a Filesystem directory on the selected node, which the volume
                // names by the node's hostname label (its name when unlabelled).
                let hostname = try s.find(nodeType, namespace: "", name: selectedNode)?["metadata"]["labels"]["kubernetes.io/hostname"].string
                spec["volumeMode"] = "Filesystem"
                spec["nodeAffinity"] = ["required": ["nodeSelectorTerms": [["matchExpressions": [[
                    "key": "kubernetes.io/hostname", "operator": "In", "values": [.string(hostname ?? selectedNode)],
                ]]]]]]
            } else {
                spec["volumeMode"] = .string(volumeMode)
            }
            let pv: JSONValue = ["apiVersion": "v1", "kind": "PersistentVolume",
                                 "metadata": ["name": .string(pvName),
                                              "annotations": ["pv.kubernetes.io/provisioned-by": .string(provisioner)],
                                              "finalizers": ["kubernetes.io/pv-protection"]],
                                 "spec": spec]
            chosen = try s.find(pvType, namespace: "", name: pvName) ?? s.create(pv, type: pvType, namespace: "")
            event(pvc, reason: "ProvisioningSucceeded", message: "Successfully provisioned volume \(pvName)", component: provComponent)
            pvc["metadata"]["annotations"]["volume.beta.kubernetes.io/storage-provisioner"] = .string(provisioner)
            pvc["metadata"]["annotations"]["volume.kubernetes.io/storage-provisioner"] = .string(provisioner)
        }
        guard var pv = chosen else {
            if className.isEmpty, try firstClaimSync(pvc) {
                event(pvc, reason: "FailedBinding", message: "no persistent volumes available for this claim and no storage class is set",
                      component: "persistentvolume-controller")
            }
            return
        }
        // Bind both sides.
        let pvOriginal = pv
        let preBound = !pvOriginal["spec"]["claimRef"].isNull && pvOriginal["metadata"]["annotations"]["pv.kubernetes.io/provisioned-by"].isNull
        pv["spec"]["claimRef"] = ["apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": .string(name),
                                  "namespace": .string(ns), "resourceVersion": pvc["metadata"]["resourceVersion"], "uid": .string(uid)]
        if !preBound { pv["metadata"]["annotations"]["pv.kubernetes.io/bound-by-controller"] = "yes" }
        pv["status"]["phase"] = "Bound"
        pv["status"]["lastPhaseTransitionTime"] = .string(now.rfc3339)
        try save(pv, pvOriginal, pvType)
        pvc["spec"]["volumeName"] = pv["metadata"]["name"]
        pvc["metadata"]["annotations"]["pv.kubernetes.io/bind-completed"] = "yes"
        if wanted.isEmpty { pvc["metadata"]["annotations"]["pv.kubernetes.io/bound-by-controller"] = "yes" }
        if pvc["metadata"]["finalizers"].isNull { pvc["metadata"]["finalizers"] = ["kubernetes.io/pvc-protection"] }
        pvc["status"]["accessModes"] = pv["spec"]["accessModes"]
        pvc["status"]["capacity"] = pv["spec"]["capacity"]
        pvc["status"]["phase"] = "Bound"
        try save(pvc, original, pvcType)
    }

    /// `emitEventForUnboundDelayBindingClaim`: `WaitForPodScheduled` naming the pods that use the claim
    /// and wait for a node (not terminated, no node), else `WaitForFirstConsumer`.
    func delayedClaimEvent(_ pvc: JSONValue) throws -> CountedEvent {
        let pods = try unscheduledPods(using: pvc)
        if pods.isEmpty {
            return CountedEvent(reason: "WaitForFirstConsumer", message: "waiting for first consumer to be created before binding")
        }
        let message = pods.count == 1 ? "waiting for pod \(pods[0]) to be scheduled"
            : "waiting for pods \(pods.joined(separator: ",")) to be scheduled"
        return CountedEvent(reason: "WaitForPodScheduled", message: message)
    }

    /// The pods of the claim's namespace that name it (a `persistentVolumeClaim` volume, or the generic
    /// ephemeral volume it is made for) with no node and not terminated, by name. Rows that do not
    /// mention the claim's name are not decoded, and only pods with no node are read (the field index):
    /// the cost follows the namespace's pending pods, not all of its pods.
    func unscheduledPods(using pvc: JSONValue) throws -> [String] {
        let ns = pvc["metadata"]["namespace"].string ?? "", name = pvc["metadata"]["name"].string ?? ""
        let quoted = "\"" + name + "\""
        var names: [String] = []
        for row in try s.tx.list(resource: podType.storageKey, namespace: ns, fields: [.equals("spec.nodeName", "")]) where row.data.contains(quoted) || name.hasPrefix(row.name + "-") {
            let pod = try s.decode(row)
            guard (pod["spec"]["nodeName"].string ?? "").isEmpty, !isTerminated(pod), pod["metadata"]["deletionTimestamp"].isNull else { continue }
            let podName = pod["metadata"]["name"].string ?? ""
            let uses = (pod["spec"]["volumes"].array ?? []).contains { v in
                v["persistentVolumeClaim"]["claimName"].string == name
                    || (!v["ephemeral"].isNull && podName + "-" + (v["name"].string ?? "") == name)
            }
            if uses { names.append(podName) }
        }
        return names.sorted()
    }

    /// The claim is gone: its volume is deleted or released, as its reclaim policy says.
    func reclaim(claimDeleted claim: JSONValue) throws {
        let uid = claim["metadata"]["uid"].string ?? ""
        for pv in try s.list(pvType, namespace: nil) where pv["spec"]["claimRef"]["uid"].string == uid {
            let name = pv["metadata"]["name"].string ?? ""
            var u = pv
            u["status"]["phase"] = "Released"
            u["status"]["lastPhaseTransitionTime"] = .string(now.rfc3339)
            try save(u, pv, pvType)
            // Released, the volume's pv-protection finalizer no longer holds a Delete policy's delete.
            // (A volume already being deleted goes as soon as it is Released.)
            if pv["spec"]["persistentVolumeReclaimPolicy"].string == "Delete", try s.find(pvType, namespace: "", name: name) != nil {
                try s.delete(pvType, namespace: "", name: name)
            }
        }
    }
}
