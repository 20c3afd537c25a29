import KubeModel
import KubeRegistry
import KubeStore

/// ControllerRevisions for StatefulSets and DaemonSets, and the StatefulSet controller: pods
/// `<name>-<ordinal>` created in order, claims `<template>-<name>-<ordinal>`, scale down from the
/// highest ordinal, rolling updates from the highest ordinal down to the partition.
extension ControllerManager {
    /// The ControllerRevision for the owner's current template (created or renumbered as needed).
    /// Returns its name and hash.
    func ensureRevision(owner: JSONValue, kind: String) throws -> (name: String, hash: String) {
        let ns = owner["metadata"]["namespace"].string ?? ""
        let ownerName = owner["metadata"]["name"].string ?? ""
        let uid = owner["metadata"]["uid"].string ?? ""
        let template = owner["spec"]["template"]
        let data = RevisionData.of(owner: owner)
        // The name's hash is of the template as written, with the directive after it (as this store
        // has always named revisions); a revision written before `data` took the Go encoding is
        // recognised by that form.
        var hashed = template
        hashed["$patch"] = "replace"
        let earlierData: JSONValue = ["spec": ["template": hashed]]
        let hash = templateHash(earlierData)
        let crName = "\(ownerName)-\(hash)"
        var revisions: [JSONValue] = []
        // Summaries first: the owner's pods are dependents too, and only its revisions are read.
        for row in try s.tx.dependents(ofUID: uid, full: false) where row.resource == crType.storageKey {
            if let rev = try s.object(of: row) { revisions.append(rev) }
        }
        let maxRev = revisions.compactMap { $0["revision"].int }.max() ?? 0
        if let existing = revisions.first(where: { $0["data"] == data || $0["data"] == earlierData }) {
            let name = existing["metadata"]["name"].string ?? crName
            let existingHash = existing["metadata"]["labels"]["controller.kubernetes.io/hash"].string ?? hash
            if (existing["revision"].int ?? 0) < maxRev {
                var u = existing
                u["revision"] = .int(maxRev + 1)
                try s.update(u, type: crType)
            }
            return (name, existingHash)
        }
        var labels = template["metadata"]["labels"]
        labels["controller.kubernetes.io/hash"] = .string(hash)
        var cr: JSONValue = [
            "apiVersion": "apps/v1", "kind": "ControllerRevision",
            "metadata": ["name": .string(crName), "namespace": .string(ns), "labels": labels,
                         "ownerReferences": [ownerReference(owner, apiVersion: "apps/v1", kind: kind)]],
            "data": data, "revision": .int(maxRev + 1),
        ]
        // Both controllers copy the owner's annotations (`kubernetes.io/change-cause` is what
        // `rollout history` shows) when they write a revision.
        if let annotations = owner["metadata"]["annotations"].object, !annotations.isEmpty {
            cr["metadata"]["annotations"] = .object(annotations)
        }
        if try s.tx.get(resource: crType.storageKey, namespace: ns, name: crName) == nil {
            try s.create(cr, type: crType, namespace: ns)
        }
        // History limit.
        let limit = Int(owner["spec"]["revisionHistoryLimit"].int ?? 10)
        let sorted = revisions.sorted { ($0["revision"].int ?? 0) < ($1["revision"].int ?? 0) }
        if sorted.count + 1 > limit + 1 {
            for old in sorted.prefix(sorted.count - limit) {
                _ = try? s.delete(crType, namespace: ns, name: old["metadata"]["name"].string ?? "")
            }
        }
        return (crName, hash)
    }

    func ownedPods(_ owner: JSONValue) throws -> [JSONValue] {
        let uid = owner["metadata"]["uid"].string ?? ""
        var pods: [JSONValue] = []
        for row in try s.tx.dependents(ofUID: uid, full: false) where row.resource == podType.storageKey {
            guard let pod = try s.object(of: row) else { continue }
            if controllerRef(pod)?.uid == uid { pods.append(pod) }
        }
        return pods
    }

    func syncStatefulSet(namespace ns: String, name: String) throws {
        guard let sts = try live(stsType, ns, name) else { return }
        let rev = try ensureRevision(owner: sts, kind: "StatefulSet")
        let replicas = Int(sts["spec"]["replicas"].int ?? 1)
        let parallel = sts["spec"]["podManagementPolicy"].string == "Parallel"
        var byOrdinal: [Int: JSONValue] = [:]
        for pod in try ownedPods(sts) {
            let podName = pod["metadata"]["name"].string ?? ""
            guard podName.hasPrefix(name + "-"), let i = Int(podName.dropFirst(name.count + 1)) else { continue }
            byOrdinal[i] = pod
        }
        var changed = false
        var refused: PodCreationRefused?
        // A Terminating pod keeps its name until its kubelet has stopped it: it is replaced after it
        // goes, and an ordered StatefulSet waits for it before its next step.
        // Create missing pods in order, at most a burst per transaction (the rest after a resync).
        for i in 0..<replicas {
            if let pod = byOrdinal[i] {
                if !parallel && (terminating(pod) || (!isReady(pod) && !isTerminated(pod))) { changed = true; break }
                continue
            }
            if try creationBurstSpent(stsType, namespace: ns, name: name) { changed = true; break }
            changed = true
            do {
                byOrdinal[i] = try createStatefulPod(sts, ordinal: i, revisionName: rev.name)
            } catch let e as PodCreationRefused {
                // A refused create ends the pass (ordered, or Parallel's first slow-start batch of one);
                // the status is still written (performUpdate), then the sync is retried on back-off.
                refused = e
                break
            }
            if !parallel { break }
        }
        // Scale down from the highest ordinal.
        if !changed {
            let extra = byOrdinal.keys.filter { $0 >= replicas }.sorted(by: >)
            let going = extra.filter { byOrdinal[$0].map(terminating) ?? false }
            if !parallel && !going.isEmpty { changed = true }
            for i in (parallel ? extra : Array(extra.prefix(1))) where !changed || parallel {
                if going.contains(i) { continue }
                let podName = "\(name)-\(i)"
                try s.delete(podType, namespace: ns, name: podName)
                event(sts, reason: "SuccessfulDelete", message: "delete Pod \(podName) in StatefulSet \(name) successful",
                      component: "statefulset-controller")
                byOrdinal[i] = nil
                changed = true
            }
        }
        // Rolling update: replace the highest outdated pod at or above the partition.
        if !changed && sts["spec"]["updateStrategy"]["type"].string != "OnDelete" && !byOrdinal.values.contains(where: terminating) {
            let partition = Int(sts["spec"]["updateStrategy"]["rollingUpdate"]["partition"].int ?? 0)
            for i in byOrdinal.keys.sorted(by: >) where i < replicas && i >= partition {
                guard let pod = byOrdinal[i] else { continue }
                if pod["metadata"]["labels"]["controller-revision-hash"].string != rev.name {
                    let podName = "\(name)-\(i)"
                    try s.delete(podType, namespace: ns, name: podName)
                    event(sts, reason: "SuccessfulDelete", message: "delete Pod \(podName) in StatefulSet \(name) successful",
                          component: "statefulset-controller")
                    byOrdinal[i] = nil
                    break
                }
            }
        }
        // Status.
        guard let current = try s.find(stsType, namespace: ns, name: name) else { return }
        let pods = Array(byOrdinal.values).filter { !isTerminated($0) }
        let ready = pods.filter(isReady).count
        let settled = pods.filter { !terminating($0) }
        let updated = settled.filter { $0["metadata"]["labels"]["controller-revision-hash"].string == rev.name }.count
        var currentRevision = current["status"]["currentRevision"].string ?? rev.name
        if updated == pods.count && pods.count == replicas { currentRevision = rev.name }
        let currentCount = settled.filter { $0["metadata"]["labels"]["controller-revision-hash"].string == currentRevision }.count
        var status: JSONValue = .emptyObject
        status["availableReplicas"] = .int(Int64(ready))
        status["collisionCount"] = 0
        if currentCount > 0 { status["currentReplicas"] = .int(Int64(currentCount)) }
        status["currentRevision"] = .string(currentRevision)
        if let g = current["metadata"]["generation"].int { status["observedGeneration"] = .int(g) }
        if ready > 0 { status["readyReplicas"] = .int(Int64(ready)) }
        status["replicas"] = .int(Int64(pods.count))
        status["updateRevision"] = .string(rev.name)
        if updated > 0 { status["updatedReplicas"] = .int(Int64(updated)) }
        var u = current
        u["status"] = status
        try save(u, current, stsType)
        if let refused { throw refused }
    }

    func createStatefulPod(_ sts: JSONValue, ordinal i: Int, revisionName: String) throws -> JSONValue {
        let ns = sts["metadata"]["namespace"].string ?? ""
        let name = sts["metadata"]["name"].string ?? ""
        let podName = "\(name)-\(i)"
        var claimVolumes: [JSONValue] = []
        let whenScaledDelete = sts["spec"]["persistentVolumeClaimRetentionPolicy"]["whenScaled"].string == "Delete"
        let whenDeletedDelete = sts["spec"]["persistentVolumeClaimRetentionPolicy"]["whenDeleted"].string == "Delete"
        for tmpl in sts["spec"]["volumeClaimTemplates"].array ?? [] {
            let tmplName = tmpl["metadata"]["name"].string ?? ""
            let claimName = "\(tmplName)-\(podName)"
            claimVolumes.append(["name": .string(tmplName), "persistentVolumeClaim": ["claimName": .string(claimName)]])
            if try s.tx.get(resource: pvcType.storageKey, namespace: ns, name: claimName) != nil { continue }
            var labels = tmpl["metadata"]["labels"]
            for (k, v) in sts["spec"]["selector"]["matchLabels"].stringMap { labels[k] = .string(v) }
            var meta: JSONValue = ["name": .string(claimName), "namespace": .string(ns)]
            if labels.object?.isEmpty == false { meta["labels"] = labels }
            if let ann = tmpl["metadata"]["annotations"].object, !ann.isEmpty { meta["annotations"] = .object(ann) }
            if whenDeletedDelete {
                meta["ownerReferences"] = [["apiVersion": "apps/v1", "blockOwnerDeletion": true, "controller": true,
                                            "kind": "StatefulSet", "name": .string(name), "uid": sts["metadata"]["uid"]]]
            }
            var spec = tmpl["spec"]
            if spec.isNull { spec = .emptyObject }
            try s.create(["apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": meta, "spec": spec],
                         type: pvcType, namespace: ns)
            event(sts, reason: "SuccessfulCreate", message: "create Claim \(claimName) Pod \(podName) in StatefulSet \(name) success",
                  component: "statefulset-controller")
        }
        let serviceName = sts["spec"]["serviceName"].string ?? ""
        let pod = try createPod(owner: sts, ownerAPIVersion: "apps/v1", ownerKind: "StatefulSet", template: sts["spec"]["template"],
                                name: podName,
                                extraLabels: [("apps.kubernetes.io/pod-index", String(i)),
                                              ("controller-revision-hash", revisionName),
                                              ("statefulset.kubernetes.io/pod-name", podName)]) { spec in
            spec["hostname"] = .string(podName)
            if !serviceName.isEmpty { spec["subdomain"] = .string(serviceName) }
            if !claimVolumes.isEmpty {
                let names = Set(claimVolumes.compactMap { $0["name"].string })
                var vols = (spec["volumes"].array ?? []).filter { !names.contains($0["name"].string ?? "") }
                vols = claimVolumes + vols
                spec["volumes"] = .array(vols)
            }
        }
        if whenScaledDelete {
            for v in claimVolumes {
                let claimName = v["persistentVolumeClaim"]["claimName"].string ?? ""
                if var claim = try s.find(pvcType, namespace: ns, name: claimName), claim["metadata"]["ownerReferences"].isNull {
                    claim["metadata"]["ownerReferences"] = [["apiVersion": "v1", "blockOwnerDeletion": true, "controller": false,
                                                             "kind": "Pod", "name": .string(podName), "uid": pod["metadata"]["uid"]]]
                    try s.update(claim, type: pvcType)
                }
            }
        }
        event(sts, reason: "SuccessfulCreate", message: "create Pod \(podName) in StatefulSet \(name) successful",
              component: "statefulset-controller")
        return pod
    }
}
