import KubeModel

/// The in-tree plugin volume sources (iSCSI, RBD, Azure, Ceph, Cinder, ...) of a pod volume or a
/// PersistentVolume, as kubectl's describers print them: Go's `%v` of each field, so a nil reference
/// prints `nil` and a set one its generated String() (`&LocalObjectReference{Name:x,}`).
func describePluginVolumeSource(_ w: DescribeWriter, _ v: JSONValue, persistent: Bool) -> Bool {
    for (key, print) in pluginPrinters where v[key].object != nil {
        let rows = print(v[key], persistent)
        var text = "Type:\t\(rows.type)\n"
        for (k, value) in rows.fields { text += "    \(k)\t\(value)\n" }
        w.write(L2, text)
        return true
    }
    return false
}

private typealias Rows = (type: String, fields: [(String, String)])

/// In kubectl's switch order; `persistent` picks the PersistentVolume form where it differs.
private let pluginPrinters: [(String, (JSONValue, Bool) -> Rows)] = [
    ("iscsi", { s, p in
        ("ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)", [
            ("TargetPortal:", s["targetPortal"].str), ("IQN:", s["iqn"].str), ("Lun:", String(s["lun"].i64)),
            ("ISCSIInterface", s["iscsiInterface"].str), ("FSType:", s["fsType"].str), ("ReadOnly:", goBool(s["readOnly"].isTrue)),
            ("Portals:", goList(s["portals"])), ("DiscoveryCHAPAuth:", goBool(s["chapAuthDiscovery"].isTrue)),
            ("SessionCHAPAuth:", goBool(s["chapAuthSession"].isTrue)), ("SecretRef:", goRef(s["secretRef"], persistent: p)),
            ("InitiatorName:", s["initiatorName"].string ?? "<none>"),
        ])
    }),
    ("glusterfs", { s, p in
        var rows = [("EndpointsName:", s["endpoints"].str)]
        if p { rows.append(("EndpointsNamespace:", s["endpointsNamespace"].string ?? "<unset>")) }
        return ("Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)",
                rows + [("Path:", s["path"].str), ("ReadOnly:", goBool(s["readOnly"].isTrue))])
    }),
    ("rbd", { s, p in
        ("RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", [
            ("CephMonitors:", goList(s["monitors"])), ("RBDImage:", s["image"].str), ("FSType:", s["fsType"].str),
            ("RBDPool:", s["pool"].str), ("RadosUser:", s["user"].str), ("Keyring:", s["keyring"].str),
            ("SecretRef:", goRef(s["secretRef"], persistent: p)), ("ReadOnly:", goBool(s["readOnly"].isTrue)),
        ])
    }),
    ("quobyte", { s, _ in
        ("Quobyte (a Quobyte mount on the host that shares a pod's lifetime)",
         [("Registry:", s["registry"].str), ("Volume:", s["volume"].str), ("ReadOnly:", goBool(s["readOnly"].isTrue))])
    }),
    ("azureDisk", { s, _ in
        ("AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)", [
            ("DiskName:", s["diskName"].str), ("DiskURI:", s["diskURI"].str), ("Kind: ", s["kind"].str),
            ("FSType:", s["fsType"].str), ("CachingMode:", s["cachingMode"].str), ("ReadOnly:", goBool(s["readOnly"].isTrue)),
        ])
    }),
    ("vsphereVolume", { s, _ in
        ("vSphereVolume (a Persistent Disk resource in vSphere)", [("VolumePath:", s["volumePath"].str),
            ("FSType:", s["fsType"].str), ("StoragePolicyName:", s["storagePolicyName"].str)])
    }),
    ("cinder", { s, p in
        ("Cinder (a Persistent Disk resource in OpenStack)", [("VolumeID:", s["volumeID"].str), ("FSType:", s["fsType"].str),
            ("ReadOnly:", goBool(s["readOnly"].isTrue)), ("SecretRef:", goRef(s["secretRef"], persistent: p))])
    }),
    ("photonPersistentDisk", { s, _ in
        ("PhotonPersistentDisk (a Persistent Disk resource in photon platform)", [("PdID:", s["pdID"].str), ("FSType:", s["fsType"].str)])
    }),
    ("portworxVolume", { s, _ in ("PortworxVolume (a Portworx Volume resource)", [("VolumeID:", s["volumeID"].str)]) }),
    ("scaleIO", { s, p in
        var rows = [("Gateway:", s["gateway"].str), ("System:", s["system"].str), ("Protection Domain:", s["protectionDomain"].str),
                    ("Storage Pool:", s["storagePool"].str), ("Storage Mode:", s["storageMode"].str), ("VolumeName:", s["volumeName"].str)]
        if p { rows += [("SecretName:", s["secretRef"]["name"].str), ("SecretNamespace:", s["secretRef"]["namespace"].str)] }
        return ("ScaleIO (a persistent volume backed by a block device in ScaleIO)",
                rows + [("FSType:", s["fsType"].str), ("ReadOnly:", goBool(s["readOnly"].isTrue))])
    }),
    ("cephfs", { s, p in
        ("CephFS (a CephFS mount on the host that shares a pod's lifetime)", [("Monitors:", goList(s["monitors"])),
            ("Path:", s["path"].str), ("User:", s["user"].str), ("SecretFile:", s["secretFile"].str),
            ("SecretRef:", goRef(s["secretRef"], persistent: p)), ("ReadOnly:", goBool(s["readOnly"].isTrue))])
    }),
    ("storageos", { s, _ in
        ("StorageOS (a StorageOS Persistent Disk resource)", [("VolumeName:", s["volumeName"].str),
            ("VolumeNamespace:", s["volumeNamespace"].str), ("FSType:", s["fsType"].str), ("ReadOnly:", goBool(s["readOnly"].isTrue))])
    }),
    ("azureFile", { s, p in
        var rows = [("SecretName:", s["secretName"].str)]
        if p { rows.append(("SecretNamespace:", s["secretNamespace"].str)) }
        return ("AzureFile (an Azure File Service mount on the host and bind mount to the pod)",
                rows + [("ShareName:", s["shareName"].str), ("ReadOnly:", goBool(s["readOnly"].isTrue))])
    }),
    ("flexVolume", { s, p in
        ("FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)", [
            ("Driver:", s["driver"].str), ("FSType:", s["fsType"].str), ("SecretRef:", goRef(s["secretRef"], persistent: p)),
            ("ReadOnly:", goBool(s["readOnly"].isTrue)), ("Options:", goMap(s["options"])),
        ])
    }),
    ("flocker", { s, _ in
        ("Flocker (a Flocker volume mounted by the Flocker agent)", [("DatasetName:", s["datasetName"].str), ("DatasetUUID:", s["datasetUUID"].str)])
    }),
]

/// Go's `%v` of a []string: `[a b]`.
private func goList(_ v: JSONValue) -> String { "[" + v.arr.map(\.str).joined(separator: " ") + "]" }

/// Go's `%v` of a map[string]string: `map[k:v ...]` in key order.
private func goMap(_ v: JSONValue) -> String {
    "map[" + v.stringMap.sorted { goStringLess($0.0, $1.0) }.map { "\($0.0):\($0.1)" }.joined(separator: " ") + "]"
}

/// Go's `%v` of a *LocalObjectReference (pod volumes) or *SecretReference (PersistentVolumes): the
/// generated String() methods, `nil` when unset.
private func goRef(_ v: JSONValue, persistent: Bool) -> String {
    guard v.object != nil else { return "nil" }
    if persistent { return "&SecretReference{Name:\(v["name"].str),Namespace:\(v["namespace"].str),}" }
    return "&LocalObjectReference{Name:\(v["name"].str),}"
}
