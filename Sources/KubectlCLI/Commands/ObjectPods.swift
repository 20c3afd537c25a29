import KubeAPI
import KubeModel
import KubePrinters
import KubeRegistry

/// The pods kubectl v1.32 finds for a workload or a service before `logs`, `exec`, `attach` or
/// `port-forward` (polymorphichelpers SelectorsForObject and GetFirstPod, podutils ByLogging and
/// ActivePods; source read for facts): the object's pod selector, the pods it lists, a wait for one when
/// there are none, and the two orders kubectl sorts them in.
enum ObjectPods {
    /// The pods `object` selects, in the API server's order; none: kubectl watches for one until
    /// `timeout` (nanoseconds) passes. `failure` starts the error for a kind without a pod selector
    /// (`cannot get the logs from`, `cannot attach to`).
    static func pods(of object: JSONValue, _ type: ResourceType, _ inv: Invocation, timeout: Int64, failure: String) throws -> [JSONValue] {
        let selector: LabelSelector
        do { selector = try podSelector(object, type) } catch let e as SelectorError {
            throw CLIError.message("\(failure) \(goTypeName(type)): \(e.message)")
        }
        let server = try inv.server()
        guard let podType = server.registry.type(group: "", kind: "Pod") else { return [] }
        let namespace = object["metadata"]["namespace"].string ?? ""
        var pods = try list(server, podType, namespace: namespace, selector: selector)
        if pods.isEmpty {
            var wait = ClientWait(timeoutNanoseconds: timeout)
            wait.server = server
            let appeared = try wait.until {
                pods = try list(server, podType, namespace: namespace, selector: selector)
                return !pods.isEmpty
            }
            if !appeared { throw CLIError.message("timed out waiting for the condition") }
            // v1.32's GetPodList returns the list it read before the watch (empty), and GetFirstPod
            // takes its first item.
            throw GoPanic.index(0, length: 0)
        }
        return pods
    }

    /// The pods of `namespace` that `selector` picks, in the API server's order (by name), read through
    /// the store's label index where it answers the selector.
    static func list(_ server: APIServer, _ podType: ResourceType, namespace: String, selector: LabelSelector) throws -> [JSONValue] {
        if selector.matchesNothing { return [] }
        if let labels = selector.indexRequirements {
            return try server.read { s in try s.rows(podType, namespace: namespace, labels: labels).map { try JSON.parse($0.data) } }
        }
        return try server.read { try $0.list(podType, namespace: namespace) }.filter { selector.matches(labels: $0["metadata"]["labels"]) }
    }

    /// SelectorsForObject: the pod selector of the kinds kubectl knows (the error, for others, is its own).
    static func podSelector(_ object: JSONValue, _ type: ResourceType) throws -> LabelSelector {
        let spec = object["spec"]
        switch (type.group, type.kind) {
        case ("apps", "ReplicaSet"), ("apps", "StatefulSet"), ("apps", "DaemonSet"), ("apps", "Deployment"), ("batch", "Job"):
            guard spec["selector"].object != nil else { return .nothing }
            do { return try LabelSelector(from: spec["selector"]) } catch {
                throw SelectorError("invalid label selector: \(error)")
            }
        case ("", "ReplicationController"):
            return LabelSelector(matchingLabels: Dictionary(spec["selector"].stringMap, uniquingKeysWith: { $1 }))
        case ("", "Service"):
            let selector = spec["selector"].stringMap
            if selector.isEmpty {
                throw SelectorError("invalid service '\(object["metadata"]["name"].string ?? "")': Service is defined without a selector")
            }
            return LabelSelector(matchingLabels: Dictionary(selector, uniquingKeysWith: { $1 }))
        default:
            throw SelectorError("selector for \(goTypeName(type)) not implemented")
        }
    }

    /// Go's `%T` of the object kubectl decoded: a built-in kind's typed struct, else unstructured.
    static func goTypeName(_ type: ResourceType) -> String {
        type.schemaName?.hasPrefix("io.k8s.api.") == true ? "*\(type.version).\(type.kind)" : "*unstructured.Unstructured"
    }

    /// What the two orders compare of a pod.
    struct Key {
        var assigned: Bool, node: String, phase: String, ready: Bool, readySince: Int64?, restarts: Int64, created: Int64?

        init(_ pod: JSONValue) {
            let status = pod["status"]
            let readyCondition = (status["conditions"].array ?? []).first { $0["type"].string == "Ready" && $0["status"].string == "True" }
            func time(_ v: JSONValue) -> Int64? { v.string.flatMap { Timestamp(rfc3339: $0)?.seconds } }
            node = pod["spec"]["nodeName"].string ?? ""
            assigned = !node.isEmpty
            phase = status["phase"].string ?? ""
            ready = readyCondition != nil
            readySince = readyCondition.flatMap { time($0["lastTransitionTime"]) }
            restarts = max(0, (status["containerStatuses"].array ?? []).map { $0["restartCount"].int ?? 0 }.max() ?? 0)
            created = time(pod["metadata"]["creationTimestamp"])
        }
    }

    /// afterOrZero: t1 after t2, a zero time counting as after any other.
    static func afterOrZero(_ t1: Int64?, _ t2: Int64?) -> Bool {
        guard let t1, let t2 else { return t1 == nil }
        return t1 > t2
    }

    /// The pods sorted by `less` as Go's sort.Sort sorts them (GoSort: ties stay where pdqsort leaves them).
    static func sorted(_ pods: [JSONValue], _ less: @escaping (Key, Key) -> Bool) -> [JSONValue] {
        let keys = pods.map(Key.init)
        return GoSort.permutation(count: pods.count) { less(keys[$0], keys[$1]) }.map { pods[$0] }
    }

    /// kubectl logs' ByLogging order: scheduled before unscheduled; Running, then Unknown, then Pending
    /// (any other phase counts as Running); ready before not ready; ready longer before shorter; more
    /// restarts before fewer; older before newer.
    static func sortedForLogging(_ pods: [JSONValue]) -> [JSONValue] {
        sorted(pods) { a, b in
            if a.node != b.node && (!a.assigned || !b.assigned) { return a.assigned }
            let rank = ["Unknown": 1, "Pending": 2]
            if rank[a.phase] ?? 0 != rank[b.phase] ?? 0 { return rank[a.phase] ?? 0 < rank[b.phase] ?? 0 }
            if a.ready != b.ready { return a.ready }
            if a.ready && b.ready && a.readySince != b.readySince { return afterOrZero(b.readySince, a.readySince) }
            if a.restarts != b.restarts { return a.restarts > b.restarts }
            if a.created != b.created { return afterOrZero(b.created, a.created) }
            return false
        }
    }

    /// exec, attach and port-forward's order, ActivePods reversed: scheduled before unscheduled;
    /// Running, then Unknown, then Pending (any other phase counts as Pending); ready before not ready;
    /// ready longer before shorter; fewer restarts before more; older before newer.
    static func sortedForAttaching(_ pods: [JSONValue]) -> [JSONValue] {
        // ActivePods.Less(j, i): sort.Reverse swaps the arguments.
        sorted(pods) { b, a in
            if a.node != b.node && (!a.assigned || !b.assigned) { return !a.assigned }
            let rank = ["Unknown": 1, "Running": 2]
            if rank[a.phase] ?? 0 != rank[b.phase] ?? 0 { return rank[a.phase] ?? 0 < rank[b.phase] ?? 0 }
            if a.ready != b.ready { return !a.ready }
            if a.ready && b.ready && a.readySince != b.readySince { return afterOrZero(a.readySince, b.readySince) }
            if a.restarts != b.restarts { return a.restarts > b.restarts }
            if a.created != b.created { return afterOrZero(a.created, b.created) }
            return false
        }
    }

    /// AttachablePodForObject: a pod itself, else the first of its selector's pods in exec's order.
    static func attachablePod(_ object: JSONValue, _ type: ResourceType, _ inv: Invocation, timeout: Int64) throws -> JSONValue {
        if type.group.isEmpty && type.kind == "Pod" { return object }
        return sortedForAttaching(try pods(of: object, type, inv, timeout: timeout, failure: "cannot attach to"))[0]
    }
}
