import KubeModel

/// storage.k8s.io tables: storage classes, volume attachments, CSI nodes, drivers and capacities.
enum StorageColumns {
    static func isDefaultClass(_ o: JSONValue) -> Bool {
        let a = o["metadata"]["annotations"]
        return a["storageclass.kubernetes.io/is-default-class"].string == "true"
            || a["storageclass.beta.kubernetes.io/is-default-class"].string == "true"
    }

    static let storageClass = TablePrinter(
        columns: [.name, ColumnDefinition("Provisioner"), ColumnDefinition("ReclaimPolicy"),
                  ColumnDefinition("VolumeBindingMode"), ColumnDefinition("AllowVolumeExpansion"), .age],
        row: { o in
            var name = o["metadata"]["name"].string ?? ""
            if isDefaultClass(o) { name += " (default)" }
            return [.text(name), .text(Fmt.str(o["provisioner"])), .text(o["reclaimPolicy"].string ?? "Delete"),
                    .text(o["volumeBindingMode"].string ?? "Immediate"), .text(Fmt.bool(o["allowVolumeExpansion"])),
                    Cell.age(o)]
        })

    static let volumeAttachment = TablePrinter(
        columns: [.name, ColumnDefinition("Attacher", format: "name"), ColumnDefinition("PV"), ColumnDefinition("Node"),
                  ColumnDefinition("Attached"), .age],
        row: { o in
            let spec = o["spec"]
            return [Fmt.name(o), .text(Fmt.str(spec["attacher"])), .text(Fmt.str(spec["source"]["persistentVolumeName"])),
                    .text(Fmt.str(spec["nodeName"])), .text(Fmt.bool(o["status"]["attached"])), Cell.age(o)]
        })

    static let csiNode = TablePrinter(
        columns: [.name, ColumnDefinition("Drivers"), .age],
        row: { o in [Fmt.name(o), .text(String(Fmt.count(o["spec"]["drivers"]))), Cell.age(o)] })

    static let csiDriver = TablePrinter(
        columns: [.name, ColumnDefinition("AttachRequired"), ColumnDefinition("PodInfoOnMount"),
                  ColumnDefinition("StorageCapacity"), ColumnDefinition("TokenRequests"),
                  ColumnDefinition("RequiresRepublish"), ColumnDefinition("Modes"), .age],
        row: { o in
            let spec = o["spec"]
            var tokens = "<unset>"
            if let t = spec["tokenRequests"].array { tokens = t.map { Fmt.str($0["audience"]) }.joined(separator: ",") }
            var modes = (spec["volumeLifecycleModes"].array ?? []).map(Fmt.str).joined(separator: ",")
            if modes.isEmpty { modes = "<none>" }
            return [Fmt.name(o), .text(Fmt.bool(spec["attachRequired"], default: true)), .text(Fmt.bool(spec["podInfoOnMount"])),
                    .text(Fmt.bool(spec["storageCapacity"])), .text(tokens), .text(Fmt.bool(spec["requiresRepublish"])),
                    .text(modes), Cell.age(o)]
        })

    static let csiStorageCapacity = TablePrinter(
        columns: [.name, ColumnDefinition("StorageClassName"), ColumnDefinition("Capacity")],
        row: { o in
            [Fmt.name(o), .text(Fmt.str(o["storageClassName"])),
             .text(o["capacity"].isNull ? "<unset>" : Fmt.quantity(o["capacity"]))]
        })
}
