import KubeModel

/// `kubectl get deployments`: NAME READY UP-TO-DATE AVAILABLE AGE | CONTAINERS IMAGES SELECTOR.
enum DeploymentColumns {
    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Ready"), ColumnDefinition("Up-to-date"), ColumnDefinition("Available"), .age,
                  ColumnDefinition("Containers", priority: 1), ColumnDefinition("Images", priority: 1),
                  ColumnDefinition("Selector", priority: 1)],
        row: { o in
            let spec = o["spec"], st = o["status"]
            let desired = spec["replicas"].int ?? 1
            let (n, i) = Fmt.containers(spec["template"]["spec"]["containers"])
            let sel = formatLabelSelector(spec["selector"])
            let selector = sel == "<error>" ? "<invalid>" : (sel == "<none>" ? "" : sel)
            return [Fmt.name(o), .text("\(Fmt.int(st["readyReplicas"]))/\(desired)"), Fmt.intCell(st["updatedReplicas"]),
                    Fmt.intCell(st["availableReplicas"]), Cell.age(o), n, i, .text(selector)]
        })
}

/// `kubectl get replicasets`: NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR.
enum ReplicaSetColumns {
    static let columns: [ColumnDefinition] = [
        .name, ColumnDefinition("Desired"), ColumnDefinition("Current"), ColumnDefinition("Ready"), .age,
        ColumnDefinition("Containers", priority: 1), ColumnDefinition("Images", priority: 1),
        ColumnDefinition("Selector", priority: 1),
    ]
    static let printer = TablePrinter(columns: columns, row: { o in
        let spec = o["spec"], st = o["status"]
        let (n, i) = Fmt.containers(spec["template"]["spec"]["containers"])
        return [Fmt.name(o), .text(String(spec["replicas"].int ?? 1)), Fmt.intCell(st["replicas"]),
                Fmt.intCell(st["readyReplicas"]), Cell.age(o), n, i, .text(formatLabelSelector(spec["selector"]))]
    })
}

/// `kubectl get replicationcontrollers`: as replicasets, SELECTOR from the plain label map.
enum ReplicationControllerColumns {
    static let printer = TablePrinter(columns: ReplicaSetColumns.columns, row: { o in
        let spec = o["spec"], st = o["status"]
        let (n, i) = Fmt.containers(spec["template"]["spec"]["containers"])
        return [Fmt.name(o), .text(String(spec["replicas"].int ?? 1)), Fmt.intCell(st["replicas"]),
                Fmt.intCell(st["readyReplicas"]), Cell.age(o), n, i, .text(formatLabels(spec["selector"]))]
    })
}

/// `kubectl get statefulsets`: NAME READY AGE | CONTAINERS IMAGES.
enum StatefulSetColumns {
    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Ready"), .age,
                  ColumnDefinition("Containers", priority: 1), ColumnDefinition("Images", priority: 1)],
        row: { o in
            let spec = o["spec"]
            let (n, i) = Fmt.containers(spec["template"]["spec"]["containers"])
            return [Fmt.name(o), .text("\(Fmt.int(o["status"]["readyReplicas"]))/\(spec["replicas"].int ?? 1)"),
                    Cell.age(o), n, i]
        })
}

/// `kubectl get daemonsets`: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE | CONTAINERS IMAGES SELECTOR.
enum DaemonSetColumns {
    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Desired"), ColumnDefinition("Current"), ColumnDefinition("Ready"),
                  ColumnDefinition("Up-to-date"), ColumnDefinition("Available"), ColumnDefinition("Node Selector"), .age,
                  ColumnDefinition("Containers", priority: 1), ColumnDefinition("Images", priority: 1),
                  ColumnDefinition("Selector", priority: 1)],
        row: { o in
            let spec = o["spec"], st = o["status"]
            let (n, i) = Fmt.containers(spec["template"]["spec"]["containers"])
            return [Fmt.name(o), Fmt.intCell(st["desiredNumberScheduled"]), Fmt.intCell(st["currentNumberScheduled"]),
                    Fmt.intCell(st["numberReady"]), Fmt.intCell(st["updatedNumberScheduled"]),
                    Fmt.intCell(st["numberAvailable"]), .text(formatLabels(spec["template"]["spec"]["nodeSelector"])),
                    Cell.age(o), n, i, .text(formatLabelSelector(spec["selector"]))]
        })
}

/// `kubectl get controllerrevisions`: NAME CONTROLLER REVISION AGE.
enum ControllerRevisionColumns {
    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Controller"), ColumnDefinition("Revision"), .age],
        row: { o in
            var controller = "<none>"
            for ref in o["metadata"]["ownerReferences"].array ?? [] where ref["controller"].bool == true {
                let gvk = GroupVersionKind.parse(apiVersion: Fmt.str(ref["apiVersion"]), kind: Fmt.str(ref["kind"]))
                let gk = gvk.group.isEmpty ? gvk.kind : "\(gvk.kind).\(gvk.group)"
                controller = gk.isEmpty ? Fmt.str(ref["name"]) : gk.lowercased() + "/" + Fmt.str(ref["name"])
                break
            }
            return [Fmt.name(o), .text(controller), Fmt.intCell(o["revision"]), Cell.age(o)]
        })
}
