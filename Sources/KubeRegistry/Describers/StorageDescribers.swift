import KubeModel

/// `GetAccessModesAsString`: `RWO,ROX,RWX,RWOP` in that order, each once.
func accessModesString(_ modes: JSONValue) -> String {
    let m = Set(modes.arr.map(\.str))
    var out: [String] = []
    if m.contains("ReadWriteOnce") { out.append("RWO") }
    if m.contains("ReadOnlyMany") { out.append("ROX") }
    if m.contains("ReadWriteMany") { out.append("RWX") }
    if m.contains("ReadWriteOncePod") { out.append("RWOP") }
    return out.joined(separator: ",")
}

/// Storage class of a PVC: the beta annotation, else `spec.storageClassName`.
func pvcStorageClass(_ pvc: JSONValue) -> String {
    if let a = pvc.annotations["volume.beta.kubernetes.io/storage-class"].string { return a }
    return pvc["spec"]["storageClassName"].str
}

func pvStorageClass(_ pv: JSONValue) -> String {
    if let a = pv.annotations["volume.beta.kubernetes.io/storage-class"].string { return a }
    return pv["spec"]["storageClassName"].str
}

/// `kubectl describe persistentvolume`.
func describePersistentVolume(_ pv: JSONValue, _ ctx: DescribeContext) -> String {
    let spec = pv["spec"]
    return tabbed { w in
        w.write(L0, "Name:\t\(pv.name)\n")
        printLabels(w, "Labels", pv.labels)
        printAnnotations(w, "Annotations", pv.annotations)
        w.write(L0, "Finalizers:\t\(goStringList(pv["metadata"]["finalizers"]))\n")
        w.write(L0, "StorageClass:\t\(pvStorageClass(pv))\n")
        if timestamp(pv["metadata"]["deletionTimestamp"]) != nil {
            w.write(L0, "Status:\tTerminating (lasts \(age(pv["metadata"]["deletionTimestamp"], ctx.now)))\n")
        } else {
            w.write(L0, "Status:\t\(pv["status"]["phase"].str)\n")
        }
        if case .object = spec["claimRef"] {
            w.write(L0, "Claim:\t\(spec["claimRef"]["namespace"].str)/\(spec["claimRef"]["name"].str)\n")
        } else {
            w.write(L0, "Claim:\t\n")
        }
        w.write(L0, "Reclaim Policy:\t\(spec["persistentVolumeReclaimPolicy"].str)\n")
        w.write(L0, "Access Modes:\t\(accessModesString(spec["accessModes"]))\n")
        if let m = spec["volumeMode"].string { w.write(L0, "VolumeMode:\t\(m)\n") }
        let storage = spec["capacity"]["storage"]
        w.write(L0, "Capacity:\t\(storage.isNull ? "0" : quantityString(storage))\n")
        w.write(L0, "Node Affinity:\t")
        let required = spec["nodeAffinity"]["required"]
        if case .object = required {
            w.writeLine("")
            w.write(L1, "Required Terms:\t")
            let terms = required["nodeSelectorTerms"].arr
            if terms.isEmpty {
                w.writeLine("<none>")
            } else {
                w.writeLine("")
                for (i, term) in terms.enumerated() {
                    w.write(L2, "Term \(i):\t")
                    let reqs = term["matchExpressions"].arr
                    if reqs.isEmpty { w.writeLine("<none>"); continue }
                    for (j, r) in reqs.enumerated() {
                        if j != 0 { w.write(L2, "\t") }
                        var s = "\(r["key"].str) \(r["operator"].str.lowercased())"
                        let values = r["values"].arr.map(\.str)
                        if !values.isEmpty { s += " [\(values.joined(separator: ", "))]" }
                        w.write(L0, s + "\n")
                    }
                }
            }
        } else {
            w.writeLine("<none>")
        }
        w.write(L0, "Message:\t\(pv["status"]["message"].str)\n")
        w.write(L0, "Source:\n")
        if !describeVolumeSource(w, spec, persistent: true) { w.write(L1, "<unknown>\n") }
        writeEventsIfShown(w, pv, ctx)
    }
}

/// The PVC fields shared by `describe pvc` and ephemeral volume claim templates.
func printPersistentVolumeClaim(_ w: DescribeWriter, _ pvc: JSONValue, full: Bool, now: Timestamp = Timestamp(seconds: 0)) {
    if full {
        w.write(L0, "Name:\t\(pvc.name)\n")
        w.write(L0, "Namespace:\t\(pvc.namespace)\n")
    }
    w.write(L0, "StorageClass:\t\(pvcStorageClass(pvc))\n")
    if full {
        if timestamp(pvc["metadata"]["deletionTimestamp"]) != nil {
            w.write(L0, "Status:\tTerminating (lasts \(age(pvc["metadata"]["deletionTimestamp"], now)))\n")
        } else {
            w.write(L0, "Status:\t\(pvc["status"]["phase"].str)\n")
        }
    }
    let volumeName = pvc["spec"]["volumeName"].str
    w.write(L0, "Volume:\t\(volumeName)\n")
    printLabels(w, "Labels", pvc.labels)
    printAnnotations(w, "Annotations", pvc.annotations)
    if full { w.write(L0, "Finalizers:\t\(goStringList(pvc["metadata"]["finalizers"]))\n") }
    var capacity = "", modes = ""
    if !volumeName.isEmpty {
        modes = accessModesString(pvc["status"]["accessModes"])
        let s = pvc["status"]["capacity"]["storage"]
        capacity = s.isNull ? "0" : quantityString(s)
    }
    w.write(L0, "Capacity:\t\(capacity)\n")
    w.write(L0, "Access Modes:\t\(modes)\n")
    if let m = pvc["spec"]["volumeMode"].string { w.write(L0, "VolumeMode:\t\(m)\n") }
    let ds = pvc["spec"]["dataSource"]
    if case .object = ds {
        w.write(L0, "DataSource:\n")
        if let g = ds["apiGroup"].string { w.write(L1, "APIGroup:\t\(g)\n") }
        w.write(L1, "Kind:\t\(ds["kind"].str)\n")
        w.write(L1, "Name:\t\(ds["name"].str)\n")
    }
}

/// `kubectl describe persistentvolumeclaim`: with the pods that use it.
func describePersistentVolumeClaim(_ pvc: JSONValue, _ ctx: DescribeContext) -> String {
    let nsPods = ctx.list("pods", namespace: pvc.namespace)
    var users: [JSONValue] = []
    for pod in nsPods {
        for v in pod["spec"]["volumes"].arr where v["persistentVolumeClaim"]["claimName"].string == pvc.name {
            users.append(pod)
        }
    }
    for ref in pvc["metadata"]["ownerReferences"].arr where ref["kind"].str == "Pod" {
        guard let owner = nsPods.first(where: { $0.uid == ref["uid"].str }) else { continue }
        if !users.contains(where: { $0.uid == owner.uid }) { users.append(owner) }
    }
    let usedBy = sortedByKey(users) { $0.name }
    return tabbed { w in
        printPersistentVolumeClaim(w, pvc, full: true, now: ctx.now)
        w.write(L0, "Used By:\t")
        if usedBy.isEmpty {
            w.writeLine("<none>")
        } else {
            for (i, p) in usedBy.enumerated() {
                if i != 0 { w.write(L0, "\t") }
                w.write(L0, "\(p.name)\n")
            }
        }
        let conditions = pvc["status"]["conditions"].arr
        if !conditions.isEmpty {
            w.write(L0, "Conditions:\n")
            w.write(L1, "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n")
            w.write(L1, "----\t------\t-----------------\t------------------\t------\t-------\n")
            for c in conditions {
                w.write(L1, "\(c["type"].str) \t\(c["status"].str) \t\(rfc1123(c["lastProbeTime"])) \t\(rfc1123(c["lastTransitionTime"])) \t\(c["reason"].str) \t\(c["message"].str)\n")
            }
        }
        writeEventsIfShown(w, pvc, ctx)
    }
}

/// `kubectl describe storageclass`.
func describeStorageClass(_ sc: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(sc.name)\n")
        let isDefault = sc.annotations["storageclass.kubernetes.io/is-default-class"].string == "true"
            || sc.annotations["storageclass.beta.kubernetes.io/is-default-class"].string == "true"
        w.write(L0, "IsDefaultClass:\t\(isDefault ? "Yes" : "No")\n")
        w.write(L0, "Annotations:\t\(formatLabels(sc.annotations))\n")
        w.write(L0, "Provisioner:\t\(sc["provisioner"].str)\n")
        w.write(L0, "Parameters:\t\(formatLabels(sc["parameters"]))\n")
        w.write(L0, "AllowVolumeExpansion:\t\(titleBoolPtr(sc["allowVolumeExpansion"]))\n")
        let opts = sc["mountOptions"].arr
        if opts.isEmpty {
            w.write(L0, "MountOptions:\t<none>\n")
        } else {
            w.write(L0, "MountOptions:\n")
            for o in opts { w.write(L1, "\(o.str)\n") }
        }
        if let p = sc["reclaimPolicy"].string { w.write(L0, "ReclaimPolicy:\t\(p)\n") }
        if let m = sc["volumeBindingMode"].string { w.write(L0, "VolumeBindingMode:\t\(m)\n") }
        if case .array(let topologies) = sc["allowedTopologies"] {
            w.write(L0, "AllowedTopologies:\t")
            if topologies.isEmpty {
                w.writeLine("<none>")
            } else {
                w.writeLine("")
                for (i, term) in topologies.enumerated() {
                    w.write(L1, "Term \(i):\t")
                    let reqs = term["matchLabelExpressions"].arr
                    if reqs.isEmpty { w.writeLine("<none>"); continue }
                    for (j, r) in reqs.enumerated() {
                        if j != 0 { w.write(L1, "\t") }
                        var s = "\(r["key"].str) in"
                        let values = r["values"].arr.map(\.str)
                        if !values.isEmpty { s += " [\(values.joined(separator: ", "))]" }
                        w.write(L0, s + "\n")
                    }
                }
            }
        }
        writeEventsIfShown(w, sc, ctx)
    }
}


/// `kubectl describe csinode`: each driver's node ID, allocatable volume count and topology keys.
func describeCSINode(_ csi: JSONValue, _ ctx: DescribeContext) -> String {
    tabbed { w in
        w.write(L0, "Name:\t\(csi.name)\n")
        printLabels(w, "Labels", csi.labels)
        printAnnotations(w, "Annotations", csi.annotations)
        w.write(L0, "CreationTimestamp:\t\(rfc1123(csi["metadata"]["creationTimestamp"]))\n")
        w.write(L0, "Spec:\n")
        if case .array(let drivers) = csi["spec"]["drivers"] {
            w.write(L1, "Drivers:\n")
            for d in drivers {
                w.write(L2, "\(d["name"].str):\n")
                w.write(L3, "Node ID:\t\(d["nodeID"].str)\n")
                if let count = d["allocatable"]["count"].int {
                    w.write(L3, "Allocatables:\n")
                    w.write(L4, "Count:\t\(count)\n")
                }
                if case .array = d["topologyKeys"] {
                    w.write(L3, "Topology Keys:\t\(goStringList(d["topologyKeys"]))\n")
                }
            }
        }
        writeEventsIfShown(w, csi, ctx)
    }
}
