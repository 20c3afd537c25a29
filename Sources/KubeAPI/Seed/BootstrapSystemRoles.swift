import KubeModel

/// More cluster roles and bindings of the v1.32 bootstrap policy: the control-plane components
/// (controller manager, scheduler, node), the certificate approvers and a few add-on roles.
extension BootstrapRBAC {
    /// The `system:node` role's rules (bootstrappolicy's NodeRules), which the node authorizer also
    /// applies to nodes' requests for resources it does not relate to a node.
    static let nodeRules: [Rule] = [
        rule(["authentication.k8s.io"], ["tokenreviews"], ["create"]),
        rule(["authorization.k8s.io"], ["localsubjectaccessreviews", "subjectaccessreviews"], ["create"]),
        rule([""], ["services"], read),
        rule([""], ["nodes"], ["create", "get", "list", "watch"]),
        rule([""], ["nodes/status"], ["patch", "update"]),
        rule([""], ["nodes"], ["patch", "update"]),
        rule([""], ["events"], ["create", "patch", "update"]),
        rule([""], ["pods"], read),
        rule([""], ["pods"], ["create", "delete"]),
        rule([""], ["pods/status"], ["patch", "update"]),
        rule([""], ["pods/eviction"], ["create"]),
        rule([""], ["configmaps", "secrets"], read),
        rule([""], ["persistentvolumeclaims", "persistentvolumes"], ["get"]),
        rule([""], ["endpoints"], ["get"]),
        rule(["certificates.k8s.io"], ["certificatesigningrequests"], ["create", "get", "list", "watch"]),
        rule(["coordination.k8s.io"], ["leases"], ["create", "delete", "get", "patch", "update"]),
        rule(["storage.k8s.io"], ["volumeattachments"], ["get"]),
        rule([""], ["serviceaccounts/token"], ["create"]),
        rule([""], ["persistentvolumeclaims/status"], ["get", "patch", "update"]),
        rule(["storage.k8s.io"], ["csidrivers"], read),
        rule(["storage.k8s.io"], ["csinodes"], ["create", "delete", "get", "patch", "update"]),
        rule(["node.k8s.io"], ["runtimeclasses"], read),
    ]

    static func systemComponentRoles() -> [JSONValue] {
        let events = rule(["", "events.k8s.io"], ["events"], ["create", "patch", "update"])
        func approver(_ name: String) -> JSONValue {
            clusterRole("system:certificates.k8s.io:\(name)-approver",
                        [rule(["certificates.k8s.io"], ["signers"], ["approve"], names: ["kubernetes.io/" + name])])
        }
        return [
            approver("kube-apiserver-client"),
            approver("kube-apiserver-client-kubelet"),
            approver("kubelet-serving"),
            approver("legacy-unknown"),
            clusterRole("system:heapster", [rule([""], ["events", "namespaces", "nodes", "pods"], read),
                                            rule(["extensions"], ["deployments"], read)]),
            clusterRole("system:kube-aggregator", [rule([""], ["endpoints", "services"], read)]),
            clusterRole("system:kube-controller-manager", [
                events,
                rule(["coordination.k8s.io"], ["leases"], ["create"]),
                rule(["coordination.k8s.io"], ["leases"], ["get", "update"], names: ["kube-controller-manager"]),
                rule([""], ["secrets", "serviceaccounts"], ["create"]),
                rule([""], ["secrets"], ["delete"]),
                rule([""], ["configmaps", "namespaces", "secrets", "serviceaccounts"], ["get"]),
                rule([""], ["secrets", "serviceaccounts"], ["update"]),
                rule(["authentication.k8s.io"], ["tokenreviews"], ["create"]),
                rule(["authorization.k8s.io"], ["subjectaccessreviews"], ["create"]),
                rule(["*"], ["*"], ["list", "watch"]),
                rule([""], ["serviceaccounts/token"], ["create"]),
            ]),
            clusterRole("system:kube-scheduler", [
                events,
                rule(["coordination.k8s.io"], ["leases"], ["create"]),
                rule(["coordination.k8s.io"], ["leases"], ["get", "update"], names: ["kube-scheduler"]),
                rule([""], ["nodes"], read),
                rule([""], ["pods"], ["delete", "get", "list", "watch"]),
                rule([""], ["bindings", "pods/binding"], ["create"]),
                rule([""], ["pods/status"], ["patch", "update"]),
                rule([""], ["replicationcontrollers", "services"], read),
                rule(["apps", "extensions"], ["replicasets"], read),
                rule(["apps"], ["statefulsets"], read),
                rule(["policy"], ["poddisruptionbudgets"], read),
                rule([""], ["persistentvolumeclaims", "persistentvolumes"], read),
                rule(["authentication.k8s.io"], ["tokenreviews"], ["create"]),
                rule(["authorization.k8s.io"], ["subjectaccessreviews"], ["create"]),
                rule(["storage.k8s.io"], ["csinodes"], read),
                rule([""], ["namespaces"], read),
                rule(["storage.k8s.io"], ["csidrivers"], read),
                rule(["storage.k8s.io"], ["csistoragecapacities"], read),
            ]),
            clusterRole("system:kubelet-api-admin", [rule([""], ["nodes"], read), rule([""], ["nodes"], ["proxy"]),
                                                     rule([""], ["nodes/log", "nodes/metrics", "nodes/proxy", "nodes/stats"], ["*"])]),
            clusterRole("system:node", nodeRules),
            clusterRole("system:node-problem-detector", [rule([""], ["nodes"], ["get"]), rule([""], ["nodes/status"], ["patch"]), events]),
        ]
    }

    static func systemComponentBindings() -> [JSONValue] {
        [
            binding("system:kube-controller-manager", role: "system:kube-controller-manager", [subject("User", "system:kube-controller-manager")]),
            binding("system:kube-scheduler", role: "system:kube-scheduler", [subject("User", "system:kube-scheduler")]),
            binding("system:node", role: "system:node", []),
        ]
    }
}
