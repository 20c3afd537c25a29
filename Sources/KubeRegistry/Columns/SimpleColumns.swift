import KubeModel

/// Small tables: namespaces, secrets, service accounts, config maps, component statuses, network policies,
/// PDBs, leases, priority classes, runtime classes.
enum SimpleColumns {
    static let namespace = TablePrinter(
        columns: [.name, ColumnDefinition("Status"), .age],
        row: { o in [Fmt.name(o), .text(Fmt.str(o["status"]["phase"])), Cell.age(o)] })

    static let secret = TablePrinter(
        columns: [.name, ColumnDefinition("Type"), ColumnDefinition("Data"), .age],
        row: { o in [Fmt.name(o), .text(Fmt.str(o["type"])), .text(String(Fmt.count(o["data"]))), Cell.age(o)] })

    static let serviceAccount = TablePrinter(
        columns: [.name, ColumnDefinition("Secrets"), .age],
        row: { o in [Fmt.name(o), .text(String(Fmt.count(o["secrets"]))), Cell.age(o)] })

    static let configMap = TablePrinter(
        columns: [.name, ColumnDefinition("Data"), .age],
        row: { o in [Fmt.name(o), .text(String(Fmt.count(o["data"]) + Fmt.count(o["binaryData"]))), Cell.age(o)] })

    static let componentStatus = TablePrinter(
        columns: [.name, ColumnDefinition("Status"), ColumnDefinition("Message"), ColumnDefinition("Error")],
        row: { o in
            var status = "Unknown", message = "", error = ""
            for c in o["conditions"].array ?? [] where c["type"].string == "Healthy" {
                status = c["status"].string == "True" ? "Healthy" : "Unhealthy"
                message = Fmt.str(c["message"])
                error = Fmt.str(c["error"])
                break
            }
            return [Fmt.name(o), .text(status), .text(message), .text(error)]
        })

    static let networkPolicy = TablePrinter(
        columns: [.name, ColumnDefinition("Pod-Selector"), .age],
        row: { o in [Fmt.name(o), .text(formatLabelSelector(o["spec"]["podSelector"])), Cell.age(o)] })

    static let podDisruptionBudget = TablePrinter(
        columns: [.name, ColumnDefinition("Min Available"), ColumnDefinition("Max Unavailable"),
                  ColumnDefinition("Allowed Disruptions"), .age],
        row: { o in
            let spec = o["spec"]
            let minA = spec["minAvailable"].isNull ? "N/A" : Fmt.str(spec["minAvailable"])
            let maxU = spec["maxUnavailable"].isNull ? "N/A" : Fmt.str(spec["maxUnavailable"])
            return [Fmt.name(o), .text(minA), .text(maxU), Fmt.intCell(o["status"]["disruptionsAllowed"]), Cell.age(o)]
        })

    static let lease = TablePrinter(
        columns: [.name, ColumnDefinition("Holder"), .age],
        row: { o in [Fmt.name(o), .text(Fmt.str(o["spec"]["holderIdentity"])), Cell.age(o)] })

    static let priorityClass = TablePrinter(
        columns: [.name, ColumnDefinition("Value"), ColumnDefinition("Global-Default"), .age,
                  ColumnDefinition("PreemptionPolicy")],
        row: { o in
            [Fmt.name(o), Fmt.intCell(o["value"]), .text(Fmt.bool(o["globalDefault"])), Cell.age(o),
             .text(Fmt.str(o["preemptionPolicy"]))]
        })

    static let runtimeClass = TablePrinter(
        columns: [.name, ColumnDefinition("Handler"), .age],
        row: { o in [Fmt.name(o), .text(Fmt.str(o["handler"])), Cell.age(o)] })
}
