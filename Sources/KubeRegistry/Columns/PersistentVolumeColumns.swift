import KubeModel

/// `kubectl get pv` and `kubectl get pvc`.
enum PersistentVolumeColumns {
    static let pv = TablePrinter(
        columns: [.name, ColumnDefinition("Capacity"), ColumnDefinition("Access Modes"), ColumnDefinition("Reclaim Policy"),
                  ColumnDefinition("Status"), ColumnDefinition("Claim"), ColumnDefinition("StorageClass"),
                  ColumnDefinition("VolumeAttributesClass"), ColumnDefinition("Reason"), .age,
                  ColumnDefinition("VolumeMode", priority: 1)],
        row: { o in
            let spec = o["spec"]
            var claim = ""
            if case .object = spec["claimRef"] {
                claim = "\(Fmt.str(spec["claimRef"]["namespace"]))/\(Fmt.str(spec["claimRef"]["name"]))"
            }
            var phase = Fmt.str(o["status"]["phase"])
            if case .string = o["metadata"]["deletionTimestamp"] { phase = "Terminating" }
            var storageClass = Fmt.str(spec["storageClassName"])
            if let a = o["metadata"]["annotations"]["volume.beta.kubernetes.io/storage-class"].string { storageClass = a }
            return [Fmt.name(o), .text(Fmt.quantity(spec["capacity"]["storage"])), .text(Fmt.accessModes(spec["accessModes"])),
                    .text(Fmt.str(spec["persistentVolumeReclaimPolicy"])), .text(phase), .text(claim), .text(storageClass),
                    .text(spec["volumeAttributesClassName"].string ?? "<unset>"), .text(Fmt.str(o["status"]["reason"])),
                    Cell.age(o), .text(spec["volumeMode"].string ?? "<unset>")]
        })

    static let pvc = TablePrinter(
        columns: [.name, ColumnDefinition("Status"), ColumnDefinition("Volume"), ColumnDefinition("Capacity"),
                  ColumnDefinition("Access Modes"), ColumnDefinition("StorageClass"), ColumnDefinition("VolumeAttributesClass"),
                  .age, ColumnDefinition("VolumeMode", priority: 1)],
        row: { o in
            let spec = o["spec"]
            var phase = Fmt.str(o["status"]["phase"])
            if case .string = o["metadata"]["deletionTimestamp"] { phase = "Terminating" }
            let volume = Fmt.str(spec["volumeName"])
            var capacity = "", modes = ""
            if !volume.isEmpty {
                modes = Fmt.accessModes(o["status"]["accessModes"])
                capacity = Fmt.quantity(o["status"]["capacity"]["storage"])
            }
            var storageClass = Fmt.str(spec["storageClassName"])
            if let a = o["metadata"]["annotations"]["volume.beta.kubernetes.io/storage-class"].string { storageClass = a }
            return [Fmt.name(o), .text(phase), .text(volume), .text(capacity), .text(modes), .text(storageClass),
                    .text(spec["volumeAttributesClassName"].string ?? "<unset>"), Cell.age(o),
                    .text(spec["volumeMode"].string ?? "<unset>")]
        })
}
