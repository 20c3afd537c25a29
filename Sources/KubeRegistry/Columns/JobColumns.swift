import KubeModel

/// `kubectl get jobs`: NAME STATUS COMPLETIONS DURATION AGE | CONTAINERS IMAGES SELECTOR.
enum JobColumns {
    static func status(_ o: JSONValue) -> String {
        if Fmt.hasCondition(o, "Complete") { return "Complete" }
        if Fmt.hasCondition(o, "Failed") { return "Failed" }
        if case .string = o["metadata"]["deletionTimestamp"] { return "Terminating" }
        if Fmt.hasCondition(o, "Suspended") { return "Suspended" }
        if Fmt.hasCondition(o, "FailureTarget") { return "FailureTarget" }
        return "Running"
    }

    static func completions(_ o: JSONValue) -> String {
        let succeeded = Fmt.int(o["status"]["succeeded"])
        if let c = o["spec"]["completions"].int { return "\(succeeded)/\(c)" }
        let parallelism = o["spec"]["parallelism"].int ?? 0
        return parallelism > 1 ? "\(succeeded)/1 of \(parallelism)" : "\(succeeded)/1"
    }

    static func duration(_ o: JSONValue) -> Cell {
        guard let start = Fmt.timestamp(o["status"]["startTime"]) else { return .text("") }
        guard let end = Fmt.timestamp(o["status"]["completionTime"]) else { return .since(start) }
        return .text(humanDuration(seconds: end.seconds - start.seconds))
    }

    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Status"), ColumnDefinition("Completions"), ColumnDefinition("Duration"), .age,
                  ColumnDefinition("Containers", priority: 1), ColumnDefinition("Images", priority: 1),
                  ColumnDefinition("Selector", priority: 1)],
        row: { o in
            let (n, i) = Fmt.containers(o["spec"]["template"]["spec"]["containers"])
            return [Fmt.name(o), .text(status(o)), .text(completions(o)), duration(o), Cell.age(o), n, i,
                    .text(formatLabelSelector(o["spec"]["selector"]))]
        })
}

/// `kubectl get cronjobs`: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE | CONTAINERS IMAGES SELECTOR.
enum CronJobColumns {
    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Schedule"), ColumnDefinition("Timezone"), ColumnDefinition("Suspend"),
                  ColumnDefinition("Active"), ColumnDefinition("Last Schedule"), .age,
                  ColumnDefinition("Containers", priority: 1), ColumnDefinition("Images", priority: 1),
                  ColumnDefinition("Selector", priority: 1)],
        row: { o in
            let spec = o["spec"]
            let last: Cell = Fmt.timestamp(o["status"]["lastScheduleTime"]).map { .since($0) } ?? .text("<none>")
            let suspend: String
            switch spec["suspend"] {
            case .bool(let b): suspend = b ? "True" : "False"
            default: suspend = "<unset>"
            }
            let tz = spec["timeZone"].string ?? "<none>"
            let jobSpec = spec["jobTemplate"]["spec"]
            let (n, i) = Fmt.containers(jobSpec["template"]["spec"]["containers"])
            return [Fmt.name(o), .text(Fmt.str(spec["schedule"])), .text(tz), .text(suspend),
                    .text(String(Fmt.count(o["status"]["active"]))), last, Cell.age(o), n, i,
                    .text(formatLabelSelector(jobSpec["selector"]))]
        })
}

/// `kubectl get hpa`: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE.
enum HorizontalPodAutoscalerColumns {
    static func metrics(_ o: JSONValue) -> String {
        var specs = o["spec"]["metrics"].array ?? []
        var statuses = o["status"]["currentMetrics"].array ?? []
        // autoscaling/v1 objects carry a single CPU utilization target.
        if specs.isEmpty, let cpu = o["spec"]["targetCPUUtilizationPercentage"].int {
            specs = [["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": .int(cpu)]]]]
            if let cur = o["status"]["currentCPUUtilizationPercentage"].int {
                statuses = [["type": "Resource", "resource": ["name": "cpu", "current": ["averageUtilization": .int(cur)]]]]
            }
        }
        if specs.isEmpty { return "<none>" }
        var list: [String] = []
        for (i, spec) in specs.enumerated() {
            let status: JSONValue = i < statuses.count ? statuses[i] : .null
            func present(_ v: JSONValue) -> Bool { if case .object = v { return true }; return false }
            switch spec["type"].string ?? "" {
            case "External":
                let ext = spec["external"], cur = status["external"]
                if !ext["target"]["averageValue"].isNull {
                    let c = present(cur) && !cur["current"]["averageValue"].isNull ? Fmt.quantity(cur["current"]["averageValue"]) : "<unknown>"
                    list.append("\(c)/\(Fmt.quantity(ext["target"]["averageValue"])) (avg)")
                } else {
                    let c = present(cur) ? Fmt.quantity(cur["current"]["value"]) : "<unknown>"
                    list.append("\(c)/\(Fmt.quantity(ext["target"]["value"]))")
                }
            case "Pods":
                let cur = status["pods"]
                let c = present(cur) ? Fmt.quantity(cur["current"]["averageValue"]) : "<unknown>"
                list.append("\(c)/\(Fmt.quantity(spec["pods"]["target"]["averageValue"]))")
            case "Object":
                let obj = spec["object"], cur = status["object"]
                if !obj["target"]["averageValue"].isNull {
                    let c = present(cur) && !cur["current"]["averageValue"].isNull ? Fmt.quantity(cur["current"]["averageValue"]) : "<unknown>"
                    list.append("\(c)/\(Fmt.quantity(obj["target"]["averageValue"])) (avg)")
                } else {
                    let c = present(cur) ? Fmt.quantity(cur["current"]["value"]) : "<unknown>"
                    list.append("\(c)/\(Fmt.quantity(obj["target"]["value"]))")
                }
            case "Resource", "ContainerResource":
                let key = spec["type"].string == "Resource" ? "resource" : "containerResource"
                let res = spec[key], cur = status[key]
                let name = Fmt.str(res["name"])
                if !res["target"]["averageValue"].isNull {
                    let c = present(cur) ? Fmt.quantity(cur["current"]["averageValue"]) : "<unknown>"
                    list.append("\(name): \(c)/\(Fmt.quantity(res["target"]["averageValue"]))")
                } else {
                    var c = "<unknown>"
                    if present(cur), let u = cur["current"]["averageUtilization"].int { c = "\(u)%" }
                    var t = "<auto>"
                    if let u = res["target"]["averageUtilization"].int { t = "\(u)%" }
                    list.append("\(name): \(c)/\(t)")
                }
            default:
                list.append("<unknown type>")
            }
        }
        if list.count > 2 {
            return list.prefix(2).joined(separator: ", ") + " + \(list.count - 2) more..."
        }
        return list.joined(separator: ", ")
    }

    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Reference"), ColumnDefinition("Targets"), ColumnDefinition("MinPods"),
                  ColumnDefinition("MaxPods"), ColumnDefinition("Replicas"), .age],
        row: { o in
            let spec = o["spec"]
            let ref = "\(Fmt.str(spec["scaleTargetRef"]["kind"]))/\(Fmt.str(spec["scaleTargetRef"]["name"]))"
            let minPods = spec["minReplicas"].int.map { String($0) } ?? "<unset>"
            return [Fmt.name(o), .text(ref), .text(metrics(o)), .text(minPods), Fmt.intCell(spec["maxReplicas"]),
                    Fmt.intCell(o["status"]["currentReplicas"]), Cell.age(o)]
        })
}
