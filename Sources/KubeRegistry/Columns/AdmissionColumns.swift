import KubeModel

/// admissionregistration.k8s.io tables.
enum AdmissionColumns {
    static let webhookConfiguration = TablePrinter(
        columns: [.name, ColumnDefinition("Webhooks"), .age],
        row: { o in [Fmt.name(o), .text(String(Fmt.count(o["webhooks"]))), Cell.age(o)] })

    static let policy = TablePrinter(
        columns: [.name, ColumnDefinition("Validations"), ColumnDefinition("ParamKind"), .age],
        row: { o in
            let pk = o["spec"]["paramKind"]
            let paramKind: String = { if case .object = pk { return "\(Fmt.str(pk["apiVersion"]))/\(Fmt.str(pk["kind"]))" }; return "<unset>" }()
            return [Fmt.name(o), .text(String(Fmt.count(o["spec"]["validations"]))), .text(paramKind), Cell.age(o)]
        })

    static let policyBinding = TablePrinter(
        columns: [.name, ColumnDefinition("PolicyName"), ColumnDefinition("ParamRef"), .age],
        row: { o in
            var param = "<unset>"
            let pr = o["spec"]["paramRef"]
            if case .object = pr {
                let name = Fmt.str(pr["name"]), ns = Fmt.str(pr["namespace"])
                if !name.isEmpty {
                    param = ns.isEmpty ? "*/\(name)" : "\(ns)/\(name)"
                } else if case .object = pr["selector"] {
                    param = Fmt.selectorString(pr["selector"])
                }
            }
            return [Fmt.name(o), .text(Fmt.str(o["spec"]["policyName"])), .text(param), Cell.age(o)]
        })
}

/// flowcontrol.apiserver.k8s.io tables.
enum FlowControlColumns {
    static let flowSchema = TablePrinter(
        columns: [.name, ColumnDefinition("PriorityLevel"), ColumnDefinition("MatchingPrecedence"),
                  ColumnDefinition("DistinguisherMethod"), .age, ColumnDefinition("MissingPL")],
        row: { o in
            let spec = o["spec"]
            let dm = spec["distinguisherMethod"]["type"].string ?? "<none>"
            var missing = "?"
            for c in o["status"]["conditions"].array ?? [] where c["type"].string == "Dangling" {
                missing = Fmt.str(c["status"])
                break
            }
            return [Fmt.name(o), .text(Fmt.str(spec["priorityLevelConfiguration"]["name"])),
                    Fmt.intCell(spec["matchingPrecedence"]), .text(dm), Cell.age(o), .text(missing)]
        })

    static let priorityLevel = TablePrinter(
        columns: [.name, ColumnDefinition("Type"), ColumnDefinition("NominalConcurrencyShares"), ColumnDefinition("Queues"),
                  ColumnDefinition("HandSize"), ColumnDefinition("QueueLengthLimit"), .age],
        row: { o in
            let spec = o["spec"]
            var ncs = "<none>", queues = "<none>", hand = "<none>", qll = "<none>"
            let limited = spec["limited"]
            if case .object = limited {
                ncs = String(Fmt.int(limited["nominalConcurrencyShares"]))
                let q = limited["limitResponse"]["queuing"]
                if case .object = q {
                    queues = String(Fmt.int(q["queues"]))
                    hand = String(Fmt.int(q["handSize"]))
                    qll = String(Fmt.int(q["queueLengthLimit"]))
                }
            }
            return [Fmt.name(o), .text(Fmt.str(spec["type"])), .text(ncs), .text(queues), .text(hand), .text(qll), Cell.age(o)]
        })
}
