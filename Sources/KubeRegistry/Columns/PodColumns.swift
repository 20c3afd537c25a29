import KubeModel

/// `kubectl get pods`: NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES.
enum PodColumns {
    static let columns: [ColumnDefinition] = [
        .name, ColumnDefinition("Ready"), ColumnDefinition("Status"), ColumnDefinition("Restarts"), .age,
        ColumnDefinition("IP", priority: 1), ColumnDefinition("Node", priority: 1),
        ColumnDefinition("Nominated Node", priority: 1), ColumnDefinition("Readiness Gates", priority: 1),
    ]
    static let printer = TablePrinter(columns: columns, row: row)

    /// The aggregate READY / STATUS / RESTARTS of a pod.
    struct Summary: Equatable {
        var ready: Int
        var total: Int
        var status: String
        var restarts: Int64
        var lastRestart: Timestamp?
    }

    static func isRestartable(_ container: JSONValue) -> Bool {
        container["restartPolicy"].string == "Always"
    }

    static func summary(_ pod: JSONValue) -> Summary {
        let spec = pod["spec"], status = pod["status"]
        var restarts: Int64 = 0
        var sidecarRestarts: Int64 = 0
        var total = (spec["containers"].array ?? []).count
        var ready = 0
        var lastRestart: Timestamp?
        var lastSidecarRestart: Timestamp?
        let phase = status["phase"].string ?? ""
        var reason = phase
        if let r = status["reason"].string, !r.isEmpty { reason = r }
        for c in status["conditions"].array ?? [] where c["type"].string == "PodScheduled" && c["reason"].string == "SchedulingGated" {
            reason = "SchedulingGated"
        }
        let initSpecs = spec["initContainers"].array ?? []
        var initByName: [String: JSONValue] = [:]
        for c in initSpecs {
            initByName[Fmt.str(c["name"])] = c
            if isRestartable(c) { total += 1 }
        }
        func later(_ a: Timestamp?, _ b: JSONValue) -> Timestamp? {
            guard let t = Fmt.timestamp(b) else { return a }
            if let a = a, !(a < t) { return a }
            return t
        }
        var initializing = false
        for (i, cs) in (status["initContainerStatuses"].array ?? []).enumerated() {
            let count = Fmt.int(cs["restartCount"])
            restarts += count
            let lastTerm = cs["lastState"]["terminated"]
            if case .object = lastTerm { lastRestart = later(lastRestart, lastTerm["finishedAt"]) }
            let restartable = initByName[Fmt.str(cs["name"])].map(isRestartable) ?? false
            if restartable {
                sidecarRestarts += count
                if case .object = lastTerm { lastSidecarRestart = later(lastSidecarRestart, lastTerm["finishedAt"]) }
            }
            let terminated = cs["state"]["terminated"], waiting = cs["state"]["waiting"]
            let isTerminated: Bool = { if case .object = terminated { return true }; return false }()
            let isWaiting: Bool = { if case .object = waiting { return true }; return false }()
            if isTerminated && Fmt.int(terminated["exitCode"]) == 0 { continue }
            if restartable && cs["started"].bool == true {
                if cs["ready"].bool == true { ready += 1 }
                continue
            }
            if isTerminated {
                let r = terminated["reason"].string ?? ""
                if r.isEmpty {
                    let sig = Fmt.int(terminated["signal"])
                    reason = sig != 0 ? "Init:Signal:\(sig)" : "Init:ExitCode:\(Fmt.int(terminated["exitCode"]))"
                } else {
                    reason = "Init:" + r
                }
            } else if isWaiting, let r = waiting["reason"].string, !r.isEmpty, r != "PodInitializing" {
                reason = "Init:" + r
            } else {
                reason = "Init:\(i)/\(initSpecs.count)"
            }
            initializing = true
            break
        }
        if !initializing || Fmt.hasCondition(pod, "Initialized") {
            restarts = sidecarRestarts
            lastRestart = lastSidecarRestart
            var hasRunning = false
            for cs in (status["containerStatuses"].array ?? []).reversed() {
                restarts += Fmt.int(cs["restartCount"])
                let lastTerm = cs["lastState"]["terminated"]
                if case .object = lastTerm { lastRestart = later(lastRestart, lastTerm["finishedAt"]) }
                let terminated = cs["state"]["terminated"], waiting = cs["state"]["waiting"]
                let isTerminated: Bool = { if case .object = terminated { return true }; return false }()
                let isRunning: Bool = { if case .object = cs["state"]["running"] { return true }; return false }()
                if let r = waiting["reason"].string, !r.isEmpty {
                    reason = r
                } else if isTerminated, let r = terminated["reason"].string, !r.isEmpty {
                    reason = r
                } else if isTerminated {
                    let sig = Fmt.int(terminated["signal"])
                    reason = sig != 0 ? "Signal:\(sig)" : "ExitCode:\(Fmt.int(terminated["exitCode"]))"
                } else if cs["ready"].bool == true && isRunning {
                    hasRunning = true
                    ready += 1
                }
            }
            if reason == "Completed" && hasRunning {
                reason = Fmt.hasCondition(pod, "Ready") ? "Running" : "NotReady"
            }
        }
        if case .string = pod["metadata"]["deletionTimestamp"] {
            if status["reason"].string == "NodeLost" {
                reason = "Unknown"
            } else if phase != "Succeeded" && phase != "Failed" {
                reason = "Terminating"
            }
        }
        return Summary(ready: ready, total: total, status: reason, restarts: restarts, lastRestart: lastRestart)
    }

    static let row: RowFunction = { pod in
        let s = summary(pod)
        let restarts: Cell
        if s.restarts != 0, let t = s.lastRestart {
            restarts = .since(t, prefix: "\(s.restarts) (", suffix: " ago)")
        } else {
            restarts = .text(String(s.restarts))
        }
        let spec = pod["spec"], status = pod["status"]
        var ip = status["podIPs"][0]["ip"].string ?? ""
        if ip.isEmpty { ip = "<none>" }
        var node = spec["nodeName"].string ?? ""
        if node.isEmpty { node = "<none>" }
        var nominated = status["nominatedNodeName"].string ?? ""
        if nominated.isEmpty { nominated = "<none>" }
        var gates = "<none>"
        let rg = spec["readinessGates"].array ?? []
        if !rg.isEmpty {
            var trueCount = 0
            for g in rg {
                for c in status["conditions"].array ?? [] where c["type"].string == g["conditionType"].string {
                    if c["status"].string == "True" { trueCount += 1 }
                    break
                }
            }
            gates = "\(trueCount)/\(rg.count)"
        }
        return [Fmt.name(pod), .text("\(s.ready)/\(s.total)"), .text(s.status), restarts, Cell.age(pod),
                .text(ip), .text(node), .text(nominated), .text(gates)]
    }
}

/// `kubectl get podtemplates`: NAME CONTAINERS IMAGES POD LABELS.
enum PodTemplateColumns {
    static let printer = TablePrinter(
        columns: [.name, ColumnDefinition("Containers"), ColumnDefinition("Images"), ColumnDefinition("Pod Labels")],
        row: { o in
            let (n, i) = Fmt.containers(o["template"]["spec"]["containers"])
            return [Fmt.name(o), n, i, .text(formatLabels(o["template"]["metadata"]["labels"]))]
        })
}
