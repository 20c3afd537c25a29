/// Go's named string types of API fields, keyed by the OpenAPI short name of the struct and the JSON field
/// name: encoding/json names the Go type (not `string`) when a value has the wrong JSON type.
enum GoNamedTypes {
    /// Fields whose Go type is a named string type: encoding/json prints that name in type errors.
    static let scalars: [String: String] = [
        "ObjectMeta.uid": "types.UID", "OwnerReference.uid": "types.UID",
        "ManagedFieldsEntry.operation": "v1.ManagedFieldsOperationType",
        "LabelSelectorRequirement.operator": "v1.LabelSelectorOperator",
        "ContainerPort.protocol": "v1.Protocol", "ServicePort.protocol": "v1.Protocol", "EndpointPort.protocol": "v1.Protocol",
        "Container.imagePullPolicy": "v1.PullPolicy", "Container.terminationMessagePolicy": "v1.TerminationMessagePolicy",
        "PodSpec.restartPolicy": "v1.RestartPolicy", "PodSpec.dnsPolicy": "v1.DNSPolicy",
        "PodSpec.preemptionPolicy": "v1.PreemptionPolicy",
        "ServiceSpec.type": "v1.ServiceType", "ServiceSpec.sessionAffinity": "v1.ServiceAffinity",
        "PersistentVolumeSpec.persistentVolumeReclaimPolicy": "v1.PersistentVolumeReclaimPolicy",
        "PersistentVolumeSpec.volumeMode": "v1.PersistentVolumeMode", "PersistentVolumeClaimSpec.volumeMode": "v1.PersistentVolumeMode",
        "Toleration.operator": "v1.TolerationOperator", "Toleration.effect": "v1.TaintEffect", "Taint.effect": "v1.TaintEffect",
        "NodeSelectorRequirement.operator": "v1.NodeSelectorOperator", "HTTPGetAction.scheme": "v1.URIScheme",
        "SecurityContext.procMount": "v1.ProcMountType", "SeccompProfile.type": "v1.SeccompProfileType",
        "TopologySpreadConstraint.whenUnsatisfiable": "v1.UnsatisfiableConstraintAction",
        "DeploymentStrategy.type": "v1.DeploymentStrategyType", "StatefulSetSpec.podManagementPolicy": "v1.PodManagementPolicyType",
        "StatefulSetUpdateStrategy.type": "v1.StatefulSetUpdateStrategyType",
        "DaemonSetUpdateStrategy.type": "v1.DaemonSetUpdateStrategyType",
        "CronJobSpec.concurrencyPolicy": "v1.ConcurrencyPolicy", "JobSpec.completionMode": "v1.CompletionMode",
        "HTTPIngressPath.pathType": "v1.PathType",
        "Container.restartPolicy": "v1.ContainerRestartPolicy",
        "EphemeralContainer.imagePullPolicy": "v1.PullPolicy", "EphemeralContainer.terminationMessagePolicy": "v1.TerminationMessagePolicy",
        "EphemeralContainer.restartPolicy": "v1.ContainerRestartPolicy",
        "ServiceSpec.externalTrafficPolicy": "v1.ServiceExternalTrafficPolicy",
        "ServiceSpec.internalTrafficPolicy": "v1.ServiceInternalTrafficPolicy", "ServiceSpec.ipFamilyPolicy": "v1.IPFamilyPolicy",
        "PodOS.name": "v1.OSName", "VolumeMount.mountPropagation": "v1.MountPropagationMode",
        "VolumeMount.recursiveReadOnly": "v1.RecursiveReadOnlyMode", "HostPathVolumeSource.type": "v1.HostPathType",
        "StorageClass.reclaimPolicy": "v1.PersistentVolumeReclaimPolicy", "StorageClass.volumeBindingMode": "v1.VolumeBindingMode",
        "AppArmorProfile.type": "v1.AppArmorProfileType",
        "PodSecurityContext.fsGroupChangePolicy": "v1.PodFSGroupChangePolicy",
        "PodSecurityContext.supplementalGroupsPolicy": "v1.SupplementalGroupsPolicy",
        "ContainerResizePolicy.resourceName": "v1.ResourceName", "ContainerResizePolicy.restartPolicy": "v1.ResourceResizeRestartPolicy",
        "LimitRangeItem.type": "v1.LimitType", "ScopedResourceSelectorRequirement.operator": "v1.ScopeSelectorOperator",
        "ScopedResourceSelectorRequirement.scopeName": "v1.ResourceQuotaScope", "Secret.type": "v1.SecretType",
        "NetworkPolicyPort.protocol": "v1.Protocol", "PriorityClass.preemptionPolicy": "v1.PreemptionPolicy",
        "PodFailurePolicyRule.action": "v1.PodFailurePolicyAction",
        "PodFailurePolicyOnExitCodesRequirement.operator": "v1.PodFailurePolicyOnExitCodesOperator",
        "PodFailurePolicyOnPodConditionsPattern.type": "v1.PodConditionType",
        "PodFailurePolicyOnPodConditionsPattern.status": "v1.ConditionStatus",
        "JobSpec.podReplacementPolicy": "v1.PodReplacementPolicy",
        "StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted": "v1.PersistentVolumeClaimRetentionPolicyType",
        "StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled": "v1.PersistentVolumeClaimRetentionPolicyType",
        "PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy": "v1.UnhealthyPodEvictionPolicyType",
        "MetricSpec.type": "v2.MetricSourceType", "MetricTarget.type": "v2.MetricTargetType",
        "HPAScalingRules.selectPolicy": "v2.ScalingPolicySelect", "HPAScalingPolicy.type": "v2.HPAScalingPolicyType",
    ]

    /// Lists whose items are of a named string type (`[]v1.PersistentVolumeAccessMode`): the element's name.
    static let listElements: [String: String] = [
        "PersistentVolumeClaimSpec.accessModes": "v1.PersistentVolumeAccessMode",
        "PersistentVolumeSpec.accessModes": "v1.PersistentVolumeAccessMode",
        "PersistentVolumeClaimStatus.accessModes": "v1.PersistentVolumeAccessMode",
        "Capabilities.add": "v1.Capability", "Capabilities.drop": "v1.Capability",
        "NetworkPolicySpec.policyTypes": "v1.PolicyType", "ServiceSpec.ipFamilies": "v1.IPFamily",
        "NamespaceSpec.finalizers": "v1.FinalizerName", "CertificateSigningRequestSpec.usages": "v1.KeyUsage",
        "CSIDriverSpec.volumeLifecycleModes": "v1.VolumeLifecycleMode", "ResourceQuotaSpec.scopes": "v1.ResourceQuotaScope",
        "RuleWithOperations.operations": "v1.OperationType",
    ]

    /// `scalars` and `listElements` by struct, then field: the walker looks its struct up once and
    /// builds no "Struct.field" string for each field it meets.
    static let scalarsByStruct = byStruct(scalars)
    static let listElementsByStruct = byStruct(listElements)

    private static func byStruct(_ table: [String: String]) -> [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        for (key, value) in table {
            guard let dot = key.firstIndex(of: ".") else { continue }
            out[String(key[..<dot]), default: [:]][String(key[key.index(after: dot)...])] = value
        }
        return out
    }
}
