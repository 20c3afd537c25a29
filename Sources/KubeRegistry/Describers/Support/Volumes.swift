import KubeModel

/// `Volumes:` block of a pod or pod template (`space` is "  " in templates).
func describeVolumes(_ w: DescribeWriter, _ volumes: [JSONValue], space: String) {
    if volumes.isEmpty {
        w.write(L0, "\(space)Volumes:\t<none>\n")
        return
    }
    w.write(L0, "\(space)Volumes:\n")
    let nameIndent = space.isEmpty ? "" : " "
    for v in volumes {
        w.write(L1, "\(nameIndent)\(v["name"].str):\n")
        if !describeVolumeSource(w, v, persistent: false) {
            w.write(L1, "<unknown>\n")
        }
    }
}

/// One `Type:` block at level 2, continuation lines written with literal 4-space prefixes as
/// kubectl's multi-line format strings do.
private func block(_ w: DescribeWriter, _ type: String, _ rows: [(String, String)]) {
    var text = "Type:\t\(type)\n"
    for (k, v) in rows { text += "    \(k):\t\(v)\n" }
    w.write(L2, text)
}

private func present(_ v: JSONValue) -> Bool { if case .object = v { return true }; return false }

/// Writes the description of a volume source (pod volume or PV spec); false when unknown.
func describeVolumeSource(_ w: DescribeWriter, _ v: JSONValue, persistent: Bool) -> Bool {
    if present(v["hostPath"]) {
        let h = v["hostPath"]
        block(w, "HostPath (bare host directory volume)", [("Path", h["path"].str),
            ("HostPathType", h["type"].isNull ? "<none>" : h["type"].str)])
    } else if present(v["emptyDir"]) {
        let e = v["emptyDir"]
        var size = "<unset>"
        if let q = DescribeQuantity(json: e["sizeLimit"]), q.sign > 0 { size = q.string }
        block(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [("Medium", e["medium"].str), ("SizeLimit", size)])
    } else if present(v["gcePersistentDisk"]) {
        let g = v["gcePersistentDisk"]
        block(w, "GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)", [("PDName", g["pdName"].str),
            ("FSType", g["fsType"].str), ("Partition", String(g["partition"].i64)), ("ReadOnly", goBool(g["readOnly"].isTrue))])
    } else if present(v["awsElasticBlockStore"]) {
        let a = v["awsElasticBlockStore"]
        block(w, "AWSElasticBlockStore (a Persistent Disk resource in AWS)", [("VolumeID", a["volumeID"].str),
            ("FSType", a["fsType"].str), ("Partition", String(a["partition"].i64)), ("ReadOnly", goBool(a["readOnly"].isTrue))])
    } else if present(v["gitRepo"]) {
        let g = v["gitRepo"]
        block(w, "GitRepo (a volume that is pulled from git when the pod is created)", [("Repository", g["repository"].str), ("Revision", g["revision"].str)])
    } else if present(v["secret"]) {
        let s = v["secret"]
        block(w, "Secret (a volume populated by a Secret)", [("SecretName", s["secretName"].str), ("Optional", goBool(s["optional"].isTrue))])
    } else if present(v["configMap"]) {
        let c = v["configMap"]
        block(w, "ConfigMap (a volume populated by a ConfigMap)", [("Name", c["name"].str), ("Optional", goBool(c["optional"].isTrue))])
    } else if present(v["nfs"]) {
        let n = v["nfs"]
        block(w, "NFS (an NFS mount that lasts the lifetime of a pod)", [("Server", n["server"].str), ("Path", n["path"].str), ("ReadOnly", goBool(n["readOnly"].isTrue))])
    } else if present(v["persistentVolumeClaim"]) {
        let c = v["persistentVolumeClaim"]
        block(w, "PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)", [("ClaimName", c["claimName"].str), ("ReadOnly", goBool(c["readOnly"].isTrue))])
    } else if present(v["ephemeral"]) {
        w.write(L2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n")
        let t = v["ephemeral"]["volumeClaimTemplate"]
        if present(t) {
            var pvc = JSONValue.emptyObject
            pvc["metadata"] = t["metadata"]
            pvc["spec"] = t["spec"]
            w.nested(L2) { printPersistentVolumeClaim(w, pvc, full: false) }
        }
    } else if present(v["downwardAPI"]) {
        w.write(L2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n")
        for item in v["downwardAPI"]["items"].arr {
            if present(item["fieldRef"]) { w.write(L3, "\(item["fieldRef"]["fieldPath"].str) -> \(item["path"].str)\n") }
            if present(item["resourceFieldRef"]) { w.write(L3, "\(item["resourceFieldRef"]["resource"].str) -> \(item["path"].str)\n") }
        }
    } else if present(v["projected"]) {
        w.write(L2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n")
        for source in v["projected"]["sources"].arr {
            if present(source["secret"]) {
                w.write(L2, "SecretName:\t\(source["secret"]["name"].str)\n    SecretOptionalName:\t\(goValue(source["secret"]["optional"]))\n")
            } else if present(source["downwardAPI"]) {
                w.write(L2, "DownwardAPI:\ttrue\n")
            } else if present(source["configMap"]) {
                w.write(L2, "ConfigMapName:\t\(source["configMap"]["name"].str)\n    ConfigMapOptional:\t\(goValue(source["configMap"]["optional"]))\n")
            } else if present(source["serviceAccountToken"]) {
                w.write(L2, "TokenExpirationSeconds:\t\(source["serviceAccountToken"]["expirationSeconds"].i64)\n")
            }
        }
    } else if present(v["csi"]) {
        let c = v["csi"]
        if persistent {
            block(w, "CSI (a Container Storage Interface (CSI) volume source)", [("Driver", c["driver"].str), ("FSType", c["fsType"].str),
                ("VolumeHandle", c["volumeHandle"].str), ("ReadOnly", goBool(c["readOnly"].isTrue))])
        } else {
            block(w, "CSI (a Container Storage Interface (CSI) volume source)", [("Driver", c["driver"].str), ("FSType", c["fsType"].str),
                ("ReadOnly", goBool(c["readOnly"].isTrue))])
        }
        printCSIAttributes(w, c["volumeAttributes"])
    } else if present(v["local"]) {
        block(w, "LocalVolume (a persistent volume backed by local storage on a node)", [("Path", v["local"]["path"].str)])
    } else if present(v["image"]) {
        block(w, "Image (a container image or OCI artifact)", [("Reference", v["image"]["reference"].str), ("PullPolicy", v["image"]["pullPolicy"].str)])
    } else if present(v["fc"]) {
        let f = v["fc"]
        block(w, "FC (a Fibre Channel disk)", [("TargetWWNs", f["targetWWNs"].arr.map(\.str).joined(separator: ", ")),
            ("LUN", f["lun"].int.map { String($0) } ?? "<none>"), ("FSType", f["fsType"].str), ("ReadOnly", goBool(f["readOnly"].isTrue))])
    } else {
        return describePluginVolumeSource(w, v, persistent: persistent)
    }
    return true
}

/// `VolumeAttributes:` of a CSI source, reproducing kubectl's level-2 writes for each item.
private func printCSIAttributes(_ w: DescribeWriter, _ attrs: JSONValue) {
    w.write(L2, "VolumeAttributes:\t")
    let pairs = attrs.stringMap.sorted { goStringLess($0.0, $1.0) }
    if pairs.isEmpty {
        w.writeLine("<none>")
        return
    }
    for (i, (k, v)) in pairs.enumerated() {
        if i != 0 {
            w.write(L2, "")
            w.write(L2, "\t")
        }
        let line = "\(k)=\(v)"
        w.write(L2, line.utf8.count > maxAnnotationLen ? shorten(line, maxAnnotationLen) + "\n" : line + "\n")
    }
}
