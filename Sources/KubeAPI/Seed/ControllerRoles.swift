import KubeModel

/// The bootstrap policy's per-controller roles: one `system:controller:NAME` ClusterRole for each
/// controller of kube-controller-manager (and the cloud ones, route and service), each bound to the
/// kube-system ServiceAccount NAME. The roles behind feature gates off by default in v1.32
/// (resource claims, service CIDRs, volume attributes classes, SELinux warnings, storage versions,
/// cluster trust bundles) are not there.
extension BootstrapRBAC {
    static let controllerPrefix = "system:controller:"

    static func controllerRoles() -> [JSONValue] {
        let events = rule(["", "events.k8s.io"], ["events"], ["create", "patch", "update"])
        let all = ["create", "delete", "get", "list", "patch", "update", "watch"]
        func role(_ name: String, _ rules: [Rule]) -> JSONValue { clusterRole(controllerPrefix + name, rules) }
        return [
            role("attachdetach-controller", [
                rule([""], ["persistentvolumeclaims", "persistentvolumes"], ["list", "watch"]),
                rule([""], ["nodes"], read),
                rule([""], ["nodes/status"], ["patch", "update"]),
                rule([""], ["pods"], ["list", "watch"]),
                events,
                rule(["storage.k8s.io"], ["volumeattachments"], ["create", "delete", "get", "list", "watch"]),
                rule(["storage.k8s.io"], ["csidrivers"], read),
                rule(["storage.k8s.io"], ["csinodes"], read),
            ]),
            role("certificate-controller", [
                rule(["certificates.k8s.io"], ["certificatesigningrequests"], ["delete", "get", "list", "watch"]),
                rule(["certificates.k8s.io"], ["certificatesigningrequests/approval", "certificatesigningrequests/status"], ["update"]),
                rule(["certificates.k8s.io"], ["signers"], ["approve"], names: ["kubernetes.io/kube-apiserver-client-kubelet"]),
                rule(["certificates.k8s.io"], ["signers"], ["sign"],
                     names: ["kubernetes.io/kube-apiserver-client", "kubernetes.io/kube-apiserver-client-kubelet",
                             "kubernetes.io/kubelet-serving", "kubernetes.io/legacy-unknown"]),
                rule(["authorization.k8s.io"], ["subjectaccessreviews"], ["create"]),
                events,
            ]),
            role("clusterrole-aggregation-controller", [
                rule(["rbac.authorization.k8s.io"], ["clusterroles"], ["escalate", "get", "list", "patch", "update", "watch"]),
            ]),
            role("cronjob-controller", [
                rule(["batch"], ["cronjobs"], ["get", "list", "update", "watch"]),
                rule(["batch"], ["jobs"], all),
                rule(["batch"], ["cronjobs/status"], ["update"]),
                rule(["batch"], ["cronjobs/finalizers"], ["update"]),
                rule([""], ["pods"], ["delete", "list", "watch"]),
                events,
            ]),
            role("daemon-set-controller", [
                rule(["apps", "extensions"], ["daemonsets"], read),
                rule(["apps", "extensions"], ["daemonsets/status"], ["update"]),
                rule(["apps", "extensions"], ["daemonsets/finalizers"], ["update"]),
                rule([""], ["nodes"], ["list", "watch"]),
                rule([""], ["pods"], ["create", "delete", "list", "patch", "watch"]),
                rule([""], ["pods/binding"], ["create"]),
                rule(["apps"], ["controllerrevisions"], all),
                events,
            ]),
            role("deployment-controller", [
                rule(["apps", "extensions"], ["deployments"], ["get", "list", "update", "watch"]),
                rule(["apps", "extensions"], ["deployments/status"], ["update"]),
                rule(["apps", "extensions"], ["deployments/finalizers"], ["update"]),
                rule(["apps", "extensions"], ["replicasets"], all),
                rule([""], ["pods"], ["get", "list", "update", "watch"]),
                events,
            ]),
            role("disruption-controller", [
                rule(["apps", "extensions"], ["deployments"], read),
                rule(["apps", "extensions"], ["replicasets"], read),
                rule([""], ["replicationcontrollers"], read),
                rule(["policy"], ["poddisruptionbudgets"], read),
                rule(["apps"], ["statefulsets"], read),
                rule(["policy"], ["poddisruptionbudgets/status"], ["update"]),
                rule([""], ["pods/status"], ["patch", "update"]),
                rule(["*"], ["*/scale"], ["get"]),
                events,
            ]),
            role("endpoint-controller", [
                rule([""], ["pods", "services"], read),
                rule([""], ["endpoints"], ["create", "delete", "get", "list", "update", "watch"]),
                rule([""], ["endpoints/restricted"], ["create"]),
                events,
            ]),
            role("endpointslice-controller", [
                rule([""], ["nodes", "pods", "services"], read),
                rule([""], ["services/finalizers"], ["update"]),
                rule(["discovery.k8s.io"], ["endpointslices"], ["create", "delete", "get", "list", "update", "watch"]),
                events,
            ]),
            role("endpointslicemirroring-controller", [
                rule([""], ["endpoints", "services"], read),
                rule([""], ["services/finalizers"], ["update"]),
                rule([""], ["endpoints/finalizers"], ["update"]),
                rule(["discovery.k8s.io"], ["endpointslices"], ["create", "delete", "get", "list", "update", "watch"]),
                events,
            ]),
            role("ephemeral-volume-controller", [
                rule([""], ["pods"], read),
                rule([""], ["pods/finalizers"], ["update"]),
                rule([""], ["persistentvolumeclaims"], ["create", "get", "list", "watch"]),
                events,
            ]),
            role("expand-controller", [
                rule([""], ["persistentvolumes"], ["get", "list", "patch", "update", "watch"]),
                rule([""], ["persistentvolumeclaims/status"], ["patch", "update"]),
                rule([""], ["persistentvolumeclaims"], read),
                events,
                rule([""], ["services"], ["get"]),
            ]),
            role("generic-garbage-collector", [rule(["*"], ["*"], ["delete", "get", "list", "patch", "update", "watch"]), events]),
            role("horizontal-pod-autoscaler", [
                rule(["autoscaling"], ["horizontalpodautoscalers"], read),
                rule(["autoscaling"], ["horizontalpodautoscalers/status"], ["update"]),
                rule(["*"], ["*/scale"], ["get", "update"]),
                rule([""], ["pods"], ["list", "watch"]),
                rule(["metrics.k8s.io"], ["pods"], ["list", "watch"]),
                rule(["custom.metrics.k8s.io"], ["*"], read),
                rule(["external.metrics.k8s.io"], ["*"], read),
                events,
            ]),
            role("job-controller", [
                rule(["batch"], ["jobs"], ["get", "list", "patch", "update", "watch"]),
                rule(["batch"], ["jobs/status"], ["update"]),
                rule(["batch"], ["jobs/finalizers"], ["update"]),
                rule([""], ["pods"], ["create", "delete", "list", "patch", "watch"]),
                events,
            ]),
            role("legacy-service-account-token-cleaner", [
                rule([""], ["configmaps"], ["get"], names: ["kube-apiserver-legacy-service-account-token-tracking"]),
                rule([""], ["secrets"], ["delete", "patch"]),
            ]),
            role("namespace-controller", [
                rule([""], ["namespaces"], ["delete", "get", "list", "watch"]),
                rule([""], ["namespaces/finalize", "namespaces/status"], ["update"]),
                rule(["*"], ["*"], ["delete", "deletecollection", "get", "list", "watch"]),
            ]),
            role("node-controller", [
                rule([""], ["nodes"], ["delete", "get", "list", "patch", "update", "watch"]),
                rule([""], ["nodes/status"], ["patch", "update"]),
                rule([""], ["pods/status"], ["patch", "update"]),
                rule([""], ["pods"], ["delete", "get", "list", "watch"]),
                events,
            ]),
            role("persistent-volume-binder", [
                rule([""], ["persistentvolumes"], ["create", "delete", "get", "list", "update", "watch"]),
                rule([""], ["persistentvolumes/status"], ["update"]),
                rule([""], ["persistentvolumeclaims"], ["get", "list", "update", "watch"]),
                rule([""], ["persistentvolumeclaims/status"], ["update"]),
                rule([""], ["pods"], ["create", "delete", "get", "list", "watch"]),
                rule(["storage.k8s.io"], ["storageclasses"], read),
                rule([""], ["nodes"], ["list", "watch"]),
                events,
                rule([""], ["events"], ["watch"]),
                rule([""], ["services"], ["get"]),
            ]),
            role("pod-garbage-collector", [
                rule([""], ["pods"], ["delete", "list", "watch"]),
                rule([""], ["nodes"], read),
                rule([""], ["pods/status"], ["patch"]),
            ]),
            role("pv-protection-controller", [rule([""], ["persistentvolumes"], ["get", "list", "update", "watch"]), events]),
            role("pvc-protection-controller", [
                rule([""], ["persistentvolumeclaims"], ["get", "list", "update", "watch"]),
                rule([""], ["pods"], read),
                events,
            ]),
            role("replicaset-controller", [
                rule(["apps", "extensions"], ["replicasets"], ["get", "list", "update", "watch"]),
                rule(["apps", "extensions"], ["replicasets/status"], ["update"]),
                rule(["apps", "extensions"], ["replicasets/finalizers"], ["update"]),
                rule([""], ["pods"], ["create", "delete", "list", "patch", "watch"]),
                events,
            ]),
            role("replication-controller", [
                rule([""], ["replicationcontrollers"], ["get", "list", "update", "watch"]),
                rule([""], ["replicationcontrollers/status"], ["update"]),
                rule([""], ["replicationcontrollers/finalizers"], ["update"]),
                rule([""], ["pods"], ["create", "delete", "list", "patch", "watch"]),
                events,
            ]),
            role("resourcequota-controller", [
                rule(["*"], ["*"], ["list", "watch"]),
                rule([""], ["resourcequotas/status"], ["update"]),
                events,
            ]),
            role("root-ca-cert-publisher", [rule([""], ["configmaps"], ["create", "update"]), events]),
            role("route-controller", [
                rule([""], ["nodes"], ["list", "watch"]),
                rule([""], ["nodes/status"], ["patch"]),
                events,
            ]),
            role("service-account-controller", [rule([""], ["serviceaccounts"], ["create"]), events]),
            role("service-controller", [
                rule([""], ["services"], read),
                rule([""], ["services/status"], ["patch", "update"]),
                rule([""], ["nodes"], ["list", "watch"]),
                events,
            ]),
            role("statefulset-controller", [
                rule([""], ["pods"], ["list", "watch"]),
                rule(["apps"], ["statefulsets"], read),
                rule(["apps"], ["statefulsets/status"], ["update"]),
                rule(["apps"], ["statefulsets/finalizers"], ["update"]),
                rule([""], ["pods"], ["create", "delete", "get", "patch", "update"]),
                rule(["apps"], ["controllerrevisions"], all),
                rule([""], ["persistentvolumeclaims"], ["create", "get", "list", "watch"]),
                rule([""], ["persistentvolumeclaims"], ["delete", "update"]),
                rule([""], ["pods/finalizers"], ["update"]),
                events,
            ]),
            role("ttl-after-finished-controller", [rule(["batch"], ["jobs"], ["delete", "get", "list", "watch"]), events]),
            role("ttl-controller", [rule([""], ["nodes"], ["list", "patch", "update", "watch"]), events]),
            role("validatingadmissionpolicy-status-controller", [
                rule(["admissionregistration.k8s.io"], ["validatingadmissionpolicies"], read),
                rule(["admissionregistration.k8s.io"], ["validatingadmissionpolicies/status"], ["get", "patch", "update"]),
                events,
            ]),
        ]
    }

    /// Each controller role bound to its controller's kube-system ServiceAccount, under the role's name.
    static func controllerRoleBindings() -> [JSONValue] {
        controllerRoles().compactMap { $0["metadata"]["name"].string }.map { name in
            binding(name, role: name, [subject("ServiceAccount", String(name.dropFirst(controllerPrefix.count)), namespace: "kube-system")])
        }
    }
}
