import KubeModel

/// API Priority and Fairness as a v1.32 API server configures itself at start-up (the apiserver's
/// flowcontrol bootstrap defaults): the mandatory `exempt` and `catch-all` priority levels and flow
/// schemas, and the suggested ones, each marked for automatic update. A flow schema's status says its
/// priority level exists (the configuration controller's `Dangling` condition).
enum FlowControlBootstrap {
    static let apiVersion = "flowcontrol.apiserver.k8s.io/v1"
    static let autoUpdate = "apf.kubernetes.io/autoupdate-spec"
    /// The field manager that writes them on a cluster.
    static let manager = "api-priority-and-fairness-config-producer-v1"
    /// The manager of a flow schema's status (the configuration controller that reads them).
    static let statusManager = "api-priority-and-fairness-config-consumer-v1"

    static func objects(now: Timestamp) -> [JSONValue] {
        priorityLevels() + flowSchemas(now: now)
    }

    static func metadata(_ name: String) -> JSONValue {
        ["name": .string(name), "annotations": [autoUpdate: "true"]]
    }

    /// A Limited level: its nominal shares and lendable percent, queuing (queues, hand size, queue length
    /// limit) or, without it, rejecting what exceeds the level.
    static func limited(_ name: String, shares: Int64, lendable: Int64, queuing: (Int64, Int64, Int64)?) -> JSONValue {
        var response: JSONValue = ["type": "Reject"]
        if let (queues, hand, length) = queuing {
            response = ["type": "Queue", "queuing": ["queues": .int(queues), "handSize": .int(hand), "queueLengthLimit": .int(length)]]
        }
        return ["apiVersion": .string(apiVersion), "kind": "PriorityLevelConfiguration", "metadata": metadata(name),
                "spec": ["type": "Limited",
                         "limited": ["nominalConcurrencyShares": .int(shares), "lendablePercent": .int(lendable),
                                     "limitResponse": response]]]
    }

    static func priorityLevels() -> [JSONValue] {
        [
            ["apiVersion": .string(apiVersion), "kind": "PriorityLevelConfiguration", "metadata": metadata("exempt"),
             "spec": ["type": "Exempt", "exempt": ["nominalConcurrencyShares": 0, "lendablePercent": 0]]],
            limited("catch-all", shares: 5, lendable: 0, queuing: nil),
            limited("system", shares: 30, lendable: 33, queuing: (64, 6, 50)),
            limited("node-high", shares: 40, lendable: 25, queuing: (64, 6, 50)),
            limited("leader-election", shares: 10, lendable: 0, queuing: (16, 4, 50)),
            limited("workload-high", shares: 40, lendable: 50, queuing: (128, 6, 50)),
            limited("workload-low", shares: 100, lendable: 90, queuing: (128, 6, 50)),
            limited("global-default", shares: 20, lendable: 50, queuing: (128, 6, 50)),
        ]
    }

    static func group(_ name: String) -> JSONValue { ["kind": "Group", "group": ["name": .string(name)]] }
    static func user(_ name: String) -> JSONValue { ["kind": "User", "user": ["name": .string(name)]] }
    static func kubeSystemAccount(_ name: String) -> JSONValue {
        ["kind": "ServiceAccount", "serviceAccount": ["name": .string(name), "namespace": "kube-system"]]
    }

    static func resources(_ verbs: [String], _ groups: [String], _ resources: [String], clusterScope: Bool) -> JSONValue {
        var rule: JSONValue = ["verbs": .array(verbs.map { .string($0) }), "apiGroups": .array(groups.map { .string($0) }), "resources": .array(resources.map { .string($0) })]
        if clusterScope { rule["clusterScope"] = true }
        rule["namespaces"] = ["*"]
        return rule
    }

    static let everyResource = resources(["*"], ["*"], ["*"], clusterScope: true)
    static let everyURL: JSONValue = ["verbs": ["*"], "nonResourceURLs": ["*"]]
    static let leaderElection = ["get", "create", "update"]

    /// A schema sending what `subjects` ask (every request, or the rules given) to `level`.
    static func schema(_ name: String, _ level: String, _ precedence: Int64, _ distinguisher: String?, _ subjects: [JSONValue],
                       resourceRules: [JSONValue] = [everyResource], nonResourceRules: [JSONValue] = [everyURL],
                       now: Timestamp) -> JSONValue {
        var rule: JSONValue = ["subjects": .array(subjects)]
        if !resourceRules.isEmpty { rule["resourceRules"] = .array(resourceRules) }
        if !nonResourceRules.isEmpty { rule["nonResourceRules"] = .array(nonResourceRules) }
        var spec: JSONValue = ["priorityLevelConfiguration": ["name": .string(level)], "matchingPrecedence": .int(precedence)]
        if let distinguisher { spec["distinguisherMethod"] = ["type": .string(distinguisher)] }
        spec["rules"] = [rule]
        let condition: JSONValue = [
            "type": "Dangling", "status": "False", "lastTransitionTime": .string(now.rfc3339), "reason": "Found",
            "message": .string("This FlowSchema references the PriorityLevelConfiguration object named \"\(level)\" and it exists"),
        ]
        return ["apiVersion": .string(apiVersion), "kind": "FlowSchema", "metadata": metadata(name), "spec": spec,
                "status": ["conditions": [condition]]]
    }

    static func flowSchemas(now: Timestamp) -> [JSONValue] {
        let everyone = [group("system:unauthenticated"), group("system:authenticated")]
        let nodes = [group("system:nodes")]
        let controllerManager = "system:kube-controller-manager", scheduler = "system:kube-scheduler"
        return [
            schema("exempt", "exempt", 1, nil, [group("system:masters")], now: now),
            schema("probes", "exempt", 2, nil, everyone, resourceRules: [],
                   nonResourceRules: [["verbs": ["get"], "nonResourceURLs": ["/healthz", "/readyz", "/livez"]]], now: now),
            schema("system-leader-election", "leader-election", 100, "ByUser",
                   [user(controllerManager), user(scheduler), kubeSystemAccount("*")],
                   resourceRules: [resources(leaderElection, ["coordination.k8s.io"], ["leases"], clusterScope: false)],
                   nonResourceRules: [], now: now),
            schema("endpoint-controller", "workload-high", 150, "ByUser",
                   [user(controllerManager), kubeSystemAccount("endpoint-controller"),
                    kubeSystemAccount("endpointslicemirroring-controller")],
                   resourceRules: [resources(leaderElection, [""], ["endpoints"], clusterScope: false)], nonResourceRules: [], now: now),
            schema("workload-leader-election", "leader-election", 200, "ByUser", [kubeSystemAccount("*")],
                   resourceRules: [resources(leaderElection, [""], ["endpoints", "configmaps"], clusterScope: false),
                                   resources(leaderElection, ["coordination.k8s.io"], ["leases"], clusterScope: false)],
                   nonResourceRules: [], now: now),
            schema("system-node-high", "node-high", 400, "ByUser", nodes,
                   resourceRules: [resources(["*"], [""], ["nodes", "nodes/status"], clusterScope: true),
                                   resources(["*"], ["coordination.k8s.io"], ["leases"], clusterScope: false)],
                   nonResourceRules: [], now: now),
            schema("system-nodes", "system", 500, "ByUser", nodes, now: now),
            schema("kube-controller-manager", "workload-high", 800, "ByNamespace", [user(controllerManager)], now: now),
            schema("kube-scheduler", "workload-high", 800, "ByNamespace", [user(scheduler)], now: now),
            schema("kube-system-service-accounts", "workload-high", 900, "ByNamespace", [kubeSystemAccount("*")], now: now),
            schema("service-accounts", "workload-low", 9000, "ByUser", [group("system:serviceaccounts")], now: now),
            schema("global-default", "global-default", 9900, "ByUser", everyone, now: now),
            schema("catch-all", "catch-all", 10000, "ByUser", everyone, now: now),
        ]
    }
}
