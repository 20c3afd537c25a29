import KubeModel

/// Describers by kind; `describe` falls back to `generic` for kinds without an entry.
public enum Describers {
    /// The describer kubectl v1.32 registers for a group and kind; nil when it uses the generic one.
    public static func forKind(group: String, kind: String) -> DescribeFunction? {
        table["\(group)/\(kind)"]
    }

    /// kubectl's generic describer (`GenericDescriberFor`): metadata, every field, events.
    public static let generic: DescribeFunction = { obj, ctx in describeGeneric(obj, ctx) }

    /// `DescribePodTemplate` written through a prefix writer without a tabwriter (TABs kept), as
    /// `kubectl rollout history --revision=N` and `rollout undo --dry-run` print a template.
    public static func podTemplateUnaligned(_ template: JSONValue) -> String {
        let w = DescribeWriter()
        w.raw = ""
        describePodTemplate(w, template)
        return w.finish()
    }

    static let table: [String: DescribeFunction] = [
        "/Pod": { describePod($0, $1) },
        "/ReplicationController": { describeReplicationController($0, $1) },
        "/Secret": { describeSecret($0, $1) },
        "/Service": { describeService($0, $1) },
        "/ServiceAccount": { describeServiceAccount($0, $1) },
        "/Node": { describeNode($0, $1) },
        "/LimitRange": { describeLimitRange($0, $1) },
        "/ResourceQuota": { describeResourceQuota($0, $1) },
        "/PersistentVolume": { describePersistentVolume($0, $1) },
        "/PersistentVolumeClaim": { describePersistentVolumeClaim($0, $1) },
        "/Namespace": { describeNamespace($0, $1) },
        "/Endpoints": { describeEndpoints($0, $1) },
        "/ConfigMap": { describeConfigMap($0, $1) },
        "/PriorityClass": { describePriorityClass($0, $1) },
        "discovery.k8s.io/EndpointSlice": { describeEndpointSlice($0, $1) },
        "autoscaling/HorizontalPodAutoscaler": { describeHPA($0, $1) },
        "networking.k8s.io/Ingress": { describeIngress($0, $1) },
        "networking.k8s.io/IngressClass": { describeIngressClass($0, $1) },
        "batch/Job": { describeJob($0, $1) },
        "batch/CronJob": { describeCronJob($0, $1) },
        "apps/StatefulSet": { describeStatefulSet($0, $1) },
        "apps/Deployment": { describeDeployment($0, $1) },
        "apps/DaemonSet": { describeDaemonSet($0, $1) },
        "apps/ReplicaSet": { describeReplicaSet($0, $1) },
        "storage.k8s.io/StorageClass": { describeStorageClass($0, $1) },
        "policy/PodDisruptionBudget": { describePDB($0, $1) },
        "rbac.authorization.k8s.io/RoleBinding": { describeRoleBinding($0, $1) },
        "rbac.authorization.k8s.io/ClusterRoleBinding": { describeRoleBinding($0, $1) },
        "scheduling.k8s.io/PriorityClass": { describePriorityClass($0, $1) },
    ]
}
