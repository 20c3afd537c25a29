import KubeModel
import Synchronization

/// The JSON field order of the v1.32 Go API types (their declaration order, embedded structs inline), which
/// encoding/json follows when the API server encodes a typed object; the OpenAPI documents list properties
/// alphabetically, so the order is kept here. One type a line: `Type field field ...`, under a `@package`
/// line naming the OpenAPI prefix. Types not listed are written with sorted keys.
///
/// A field's mark says what encoding/json does with it at Go's zero value (see `GoZeroValues`): `+` a value
/// that is not a pointer and is written anyway (a struct, which `omitempty` never leaves out, `metav1.Time`,
/// `resource.Quantity`, `intstr.IntOrString`, or a string, number or bool without `omitempty`); `!` a
/// pointer, slice or map without `omitempty`, written as `null` when nil; `-` a string, number or bool with
/// `omitempty` that is not a pointer, left out when `""`, `0` or `false`. A line starting with `=` has every
/// field classified: there an unmarked field is a pointer, slice or map with `omitempty` (left out when nil
/// or empty; a pointer's zero, `automountServiceAccountToken: false`, is written). The marks were learned
/// from kubectl v1.32's typed round trip of the workload kinds and pods (`set image`/`set serviceaccount
/// --local -o json`), Services (`set selector`) and RoleBindings/ClusterRoleBindings (`set subject`): objects
/// holding every struct field and no scalars, each list left empty, and every other field at its zero value;
/// and from the OpenAPI documents' `default: {}` of struct fields that are not pointers:
/// `Scripts/go-zero-probe.py` prints them again (PodTemplate, which `set image` does not take, was marked
/// from its OpenAPI `default: {}` alone). ConfigMap, Secret, Role, ClusterRole, PolicyRule and AggregationRule,
/// which the offline kubectl cannot round-trip, were marked from the `json:"...,omitempty"` tags of k8s.io/api's
/// types.go (the script prints them from its own list). Types without `=` keep every zero value they are given.
public enum GoFieldOrder {
    static let text = """
    @io.k8s.apimachinery.pkg.apis.meta.v1
    =ObjectMeta name- generateName- namespace- selfLink- uid- resourceVersion- generation- creationTimestamp+ deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences finalizers managedFields
    =OwnerReference apiVersion+ kind+ name+ uid+ controller blockOwnerDeletion
    =ManagedFieldsEntry manager- operation- apiVersion- time fieldsType- fieldsV1 subresource-
    =LabelSelector matchLabels matchExpressions
    =LabelSelectorRequirement key+ operator+ values
    =Condition type+ status+ observedGeneration- lastTransitionTime+ reason+ message+
    @io.k8s.api.core.v1
    =Pod kind apiVersion metadata+ spec+ status+
    =PodTemplateSpec metadata+ spec+
    =PodTemplate kind apiVersion metadata+ template+
    =PodSpec volumes initContainers containers! ephemeralContainers restartPolicy- terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy- nodeSelector serviceAccountName- serviceAccount- automountServiceAccountToken nodeName- hostNetwork- hostPID- hostIPC- shareProcessNamespace securityContext imagePullSecrets hostname- subdomain- affinity schedulerName- tolerations hostAliases priorityClassName- priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources
    =Volume name+ hostPath emptyDir gcePersistentDisk awsElasticBlockStore gitRepo secret nfs iscsi glusterfs persistentVolumeClaim rbd flexVolume cinder cephfs flocker downwardAPI fc azureFile configMap vsphereVolume quobyte azureDisk photonPersistentDisk projected portworxVolume scaleIO storageos csi ephemeral image
    =HostPathVolumeSource path+ type
    =EmptyDirVolumeSource medium- sizeLimit
    =GCEPersistentDiskVolumeSource pdName+ fsType- partition- readOnly-
    =AWSElasticBlockStoreVolumeSource volumeID+ fsType- partition- readOnly-
    =GitRepoVolumeSource repository+ revision- directory-
    =SecretVolumeSource secretName- items defaultMode optional
    =KeyToPath key+ path+ mode
    =NFSVolumeSource server+ path+ readOnly-
    =ISCSIVolumeSource targetPortal+ iqn+ lun+ iscsiInterface- fsType- readOnly- portals chapAuthDiscovery- chapAuthSession- secretRef initiatorName
    =ISCSIPersistentVolumeSource targetPortal+ iqn+ lun+ iscsiInterface- fsType- readOnly- portals chapAuthDiscovery- chapAuthSession- secretRef initiatorName
    =GlusterfsVolumeSource endpoints+ path+ readOnly-
    =GlusterfsPersistentVolumeSource endpoints+ path+ readOnly- endpointsNamespace
    =PersistentVolumeClaimVolumeSource claimName+ readOnly-
    =RBDVolumeSource monitors! image+ fsType- pool- user- keyring- secretRef readOnly-
    =RBDPersistentVolumeSource monitors! image+ fsType- pool- user- keyring- secretRef readOnly-
    =FlexVolumeSource driver+ fsType- secretRef readOnly- options
    =FlexPersistentVolumeSource driver+ fsType- secretRef readOnly- options
    =CinderVolumeSource volumeID+ fsType- readOnly- secretRef
    =CinderPersistentVolumeSource volumeID+ fsType- readOnly- secretRef
    =CephFSVolumeSource monitors! path- user- secretFile- secretRef readOnly-
    =CephFSPersistentVolumeSource monitors! path- user- secretFile- secretRef readOnly-
    =FlockerVolumeSource datasetName- datasetUUID-
    =DownwardAPIVolumeSource items defaultMode
    =DownwardAPIVolumeFile path+ fieldRef resourceFieldRef mode
    =ObjectFieldSelector apiVersion- fieldPath+
    =ResourceFieldSelector containerName- resource+ divisor+
    =FCVolumeSource targetWWNs lun fsType- readOnly- wwids
    =AzureFileVolumeSource secretName+ shareName+ readOnly-
    =AzureFilePersistentVolumeSource secretName+ shareName+ readOnly- secretNamespace!
    =ConfigMapVolumeSource name- items defaultMode optional
    =VsphereVirtualDiskVolumeSource volumePath+ fsType- storagePolicyName- storagePolicyID-
    =QuobyteVolumeSource registry+ volume+ readOnly- user- group- tenant-
    =AzureDiskVolumeSource diskName+ diskURI+ cachingMode fsType readOnly kind
    =PhotonPersistentDiskVolumeSource pdID+ fsType-
    =ProjectedVolumeSource sources! defaultMode
    =VolumeProjection secret downwardAPI configMap serviceAccountToken clusterTrustBundle
    =SecretProjection name- items optional
    =DownwardAPIProjection items
    =ConfigMapProjection name- items optional
    =ServiceAccountTokenProjection audience- expirationSeconds path+
    =ClusterTrustBundleProjection name signerName labelSelector optional path+
    =PortworxVolumeSource volumeID+ fsType- readOnly-
    =ScaleIOVolumeSource gateway+ system+ secretRef! sslEnabled- protectionDomain- storagePool- storageMode- volumeName- fsType- readOnly-
    =ScaleIOPersistentVolumeSource gateway+ system+ secretRef! sslEnabled- protectionDomain- storagePool- storageMode- volumeName- fsType- readOnly-
    =StorageOSVolumeSource volumeName- volumeNamespace- fsType- readOnly- secretRef
    =StorageOSPersistentVolumeSource volumeName- volumeNamespace- fsType- readOnly- secretRef
    =CSIVolumeSource driver+ readOnly fsType volumeAttributes nodePublishSecretRef
    =CSIPersistentVolumeSource driver+ volumeHandle+ readOnly- fsType- volumeAttributes controllerPublishSecretRef nodeStageSecretRef nodePublishSecretRef controllerExpandSecretRef nodeExpandSecretRef
    =EphemeralVolumeSource volumeClaimTemplate
    =PersistentVolumeClaimTemplate metadata+ spec+
    =ImageVolumeSource reference- pullPolicy-
    =LocalObjectReference name-
    =SecretReference name- namespace-
    =Container name+ image- command args workingDir- ports envFrom env resources+ resizePolicy restartPolicy volumeMounts volumeDevices livenessProbe readinessProbe startupProbe lifecycle terminationMessagePath- terminationMessagePolicy- imagePullPolicy- securityContext stdin- stdinOnce- tty-
    =EphemeralContainer name+ image- command args workingDir- ports envFrom env resources+ resizePolicy restartPolicy volumeMounts volumeDevices livenessProbe readinessProbe startupProbe lifecycle terminationMessagePath- terminationMessagePolicy- imagePullPolicy- securityContext stdin- stdinOnce- tty- targetContainerName-
    =ContainerPort name- hostPort- containerPort+ protocol- hostIP-
    =EnvFromSource prefix- configMapRef secretRef
    =ConfigMapEnvSource name- optional
    =SecretEnvSource name- optional
    =EnvVar name+ value- valueFrom
    =EnvVarSource fieldRef resourceFieldRef configMapKeyRef secretKeyRef
    =ConfigMapKeySelector name- key+ optional
    =SecretKeySelector name- key+ optional
    =ResourceRequirements limits requests claims
    =ResourceClaim name+ request-
    =ContainerResizePolicy resourceName+ restartPolicy+
    =VolumeMount name+ readOnly- recursiveReadOnly mountPath+ subPath- mountPropagation subPathExpr-
    =VolumeDevice name+ devicePath+
    =Probe exec httpGet tcpSocket grpc initialDelaySeconds- timeoutSeconds- periodSeconds- successThreshold- failureThreshold- terminationGracePeriodSeconds
    =ExecAction command
    =HTTPGetAction path- port+ host- scheme- httpHeaders
    =HTTPHeader name+ value+
    =TCPSocketAction port+ host-
    =GRPCAction port+ service!
    =Lifecycle postStart preStop
    =LifecycleHandler exec httpGet tcpSocket sleep
    =SleepAction seconds+
    =SecurityContext capabilities privileged seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot readOnlyRootFilesystem allowPrivilegeEscalation procMount seccompProfile appArmorProfile
    =Capabilities add drop
    =SELinuxOptions user- role- type- level-
    =WindowsSecurityContextOptions gmsaCredentialSpecName gmsaCredentialSpec runAsUserName hostProcess
    =SeccompProfile type+ localhostProfile
    =AppArmorProfile type+ localhostProfile
    =PodSecurityContext seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot supplementalGroups supplementalGroupsPolicy fsGroup sysctls fsGroupChangePolicy seccompProfile appArmorProfile seLinuxChangePolicy
    =Sysctl name+ value+
    =Affinity nodeAffinity podAffinity podAntiAffinity
    =NodeAffinity requiredDuringSchedulingIgnoredDuringExecution preferredDuringSchedulingIgnoredDuringExecution
    =NodeSelector nodeSelectorTerms!
    =NodeSelectorTerm matchExpressions matchFields
    =NodeSelectorRequirement key+ operator+ values
    =PreferredSchedulingTerm weight+ preference+
    =PodAffinity requiredDuringSchedulingIgnoredDuringExecution preferredDuringSchedulingIgnoredDuringExecution
    =PodAntiAffinity requiredDuringSchedulingIgnoredDuringExecution preferredDuringSchedulingIgnoredDuringExecution
    =PodAffinityTerm labelSelector namespaces topologyKey+ namespaceSelector matchLabelKeys mismatchLabelKeys
    =WeightedPodAffinityTerm weight+ podAffinityTerm+
    =Toleration key- operator- value- effect- tolerationSeconds
    =HostAlias ip+ hostnames
    =PodDNSConfig nameservers searches options
    =PodDNSConfigOption name- value
    =PodReadinessGate conditionType+
    =TopologySpreadConstraint maxSkew+ topologyKey+ whenUnsatisfiable+ labelSelector minDomains nodeAffinityPolicy nodeTaintsPolicy matchLabelKeys
    =PodOS name+
    =PodSchedulingGate name+
    =PodResourceClaim name+ resourceClaimName resourceClaimTemplateName
    =PodStatus phase- conditions message- reason- nominatedNodeName- hostIP- hostIPs podIP- podIPs startTime initContainerStatuses containerStatuses qosClass- ephemeralContainerStatuses resize- resourceClaimStatuses
    =PodCondition type+ status+ lastProbeTime+ lastTransitionTime+ reason- message-
    =HostIP ip+
    =PodIP ip+
    =ContainerStatus name+ state+ lastState+ ready+ restartCount+ image+ imageID+ containerID- started allocatedResources resources volumeMounts user allocatedResourcesStatus
    =ContainerState waiting running terminated
    =ContainerStateWaiting reason- message-
    =ContainerStateRunning startedAt+
    =ContainerStateTerminated exitCode+ signal- reason- message- startedAt+ finishedAt+ containerID-
    =VolumeMountStatus name+ mountPath+ readOnly- recursiveReadOnly
    =ContainerUser linux
    =LinuxContainerUser uid+ gid+ supplementalGroups
    =ResourceStatus name+ resources
    =ResourceHealth resourceID+ health-
    =PodResourceClaimStatus name+ resourceClaimName
    =ConfigMap kind apiVersion metadata+ immutable data binaryData
    =Secret kind apiVersion metadata+ immutable data stringData type-
    =Namespace kind apiVersion metadata+ spec+ status+
    =NamespaceSpec finalizers
    =NamespaceStatus phase- conditions
    =NamespaceCondition type+ status+ lastTransitionTime+ reason- message-
    =ServiceAccount kind apiVersion metadata+ secrets imagePullSecrets automountServiceAccountToken
    =ObjectReference kind- namespace- name- uid- apiVersion- resourceVersion- fieldPath-
    =Service kind apiVersion metadata+ spec+ status+
    =ServiceSpec ports selector clusterIP- clusterIPs type- externalIPs sessionAffinity- loadBalancerIP- loadBalancerSourceRanges externalName- externalTrafficPolicy- healthCheckNodePort- publishNotReadyAddresses- sessionAffinityConfig ipFamilies ipFamilyPolicy allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy trafficDistribution
    =ServicePort name- protocol- appProtocol port+ targetPort+ nodePort-
    =SessionAffinityConfig clientIP
    =ClientIPConfig timeoutSeconds
    =ServiceStatus loadBalancer+ conditions
    =LoadBalancerStatus ingress
    =LoadBalancerIngress ip- hostname- ipMode ports
    =PortStatus port+ protocol+ error
    =Endpoints kind apiVersion metadata+ subsets
    =EndpointSubset addresses notReadyAddresses ports
    =EndpointAddress ip+ hostname- nodeName targetRef
    =EndpointPort name- port+ protocol- appProtocol
    =PersistentVolumeClaim kind- apiVersion- metadata+ spec+ status+
    =PersistentVolumeClaimSpec accessModes selector resources+ volumeName- storageClassName volumeMode dataSource dataSourceRef volumeAttributesClassName
    =VolumeResourceRequirements limits requests
    =TypedLocalObjectReference apiGroup! kind+ name+
    =TypedObjectReference apiGroup! kind+ name+ namespace
    =PersistentVolumeClaimStatus phase- accessModes capacity conditions allocatedResources allocatedResourceStatuses currentVolumeAttributesClassName modifyVolumeStatus
    =PersistentVolumeClaimCondition type+ status+ lastProbeTime+ lastTransitionTime+ reason- message-
    =ModifyVolumeStatus targetVolumeAttributesClassName- status+
    =PersistentVolume kind apiVersion metadata+ spec+ status+
    =PersistentVolumeSpec capacity gcePersistentDisk awsElasticBlockStore hostPath glusterfs nfs rbd iscsi cinder cephfs fc flocker flexVolume azureFile vsphereVolume quobyte azureDisk photonPersistentDisk portworxVolume scaleIO local storageos csi accessModes claimRef persistentVolumeReclaimPolicy- storageClassName- mountOptions volumeMode nodeAffinity volumeAttributesClassName
    =LocalVolumeSource path+ fsType
    =VolumeNodeAffinity required
    =PersistentVolumeStatus phase- message- reason- lastPhaseTransitionTime
    =ReplicationController kind apiVersion metadata+ spec+ status+
    =ReplicationControllerSpec replicas minReadySeconds- selector template
    =ReplicationControllerStatus replicas+ fullyLabeledReplicas- readyReplicas- availableReplicas- observedGeneration- conditions
    =ReplicationControllerCondition type+ status+ lastTransitionTime+ reason- message-
    =ResourceQuota kind apiVersion metadata+ spec+ status+
    =ResourceQuotaSpec hard scopes scopeSelector
    =ScopeSelector matchExpressions
    =ScopedResourceSelectorRequirement scopeName+ operator+ values
    =ResourceQuotaStatus hard used
    =LimitRange kind apiVersion metadata+ spec+
    =LimitRangeSpec limits!
    =LimitRangeItem type+ max min default defaultRequest maxLimitRequestRatio
    =Event kind apiVersion metadata+ involvedObject+ reason- message- source+ firstTimestamp+ lastTimestamp+ count- type- eventTime+ series action- related reportingComponent+ reportingInstance+
    =EventSource component- host-
    =EventSeries count- lastObservedTime+
    =Node kind apiVersion metadata+ spec+ status+
    =NodeSpec podCIDR- podCIDRs providerID- unschedulable- taints configSource externalID-
    =Taint key+ value- effect+ timeAdded
    =NodeStatus capacity allocatable phase- conditions addresses daemonEndpoints+ nodeInfo+ images volumesInUse volumesAttached config runtimeHandlers features
    =NodeCondition type+ status+ lastHeartbeatTime+ lastTransitionTime+ reason- message-
    =NodeAddress type+ address+
    =NodeDaemonEndpoints kubeletEndpoint+
    =DaemonEndpoint Port+
    =NodeSystemInfo machineID+ systemUUID+ bootID+ kernelVersion+ osImage+ containerRuntimeVersion+ kubeletVersion+ kubeProxyVersion+ operatingSystem+ architecture+
    =ContainerImage names! sizeBytes-
    =AttachedVolume name+ devicePath+
    =NodeRuntimeHandler name+ features
    =NodeRuntimeHandlerFeatures recursiveReadOnlyMounts userNamespaces
    =NodeFeatures supplementalGroupsPolicy
    @io.k8s.api.apps.v1
    =Deployment kind apiVersion metadata+ spec+ status+
    =DeploymentSpec replicas selector template+ strategy+ minReadySeconds- revisionHistoryLimit paused- progressDeadlineSeconds
    =DeploymentStrategy type- rollingUpdate
    =RollingUpdateDeployment maxUnavailable maxSurge
    =DeploymentStatus observedGeneration- replicas- updatedReplicas- readyReplicas- availableReplicas- unavailableReplicas- conditions collisionCount
    =DeploymentCondition type+ status+ lastUpdateTime+ lastTransitionTime+ reason- message-
    =ReplicaSet kind apiVersion metadata+ spec+ status+
    =ReplicaSetSpec replicas minReadySeconds- selector template+
    =ReplicaSetStatus replicas+ fullyLabeledReplicas- readyReplicas- availableReplicas- observedGeneration- conditions
    =ReplicaSetCondition type+ status+ lastTransitionTime+ reason- message-
    =StatefulSet kind apiVersion metadata+ spec+ status+
    =StatefulSetSpec replicas selector template+ volumeClaimTemplates serviceName+ podManagementPolicy- updateStrategy+ revisionHistoryLimit minReadySeconds- persistentVolumeClaimRetentionPolicy ordinals
    =StatefulSetUpdateStrategy type- rollingUpdate
    =RollingUpdateStatefulSetStrategy partition maxUnavailable
    =StatefulSetPersistentVolumeClaimRetentionPolicy whenDeleted- whenScaled-
    =StatefulSetOrdinals start+
    =StatefulSetStatus observedGeneration- replicas+ readyReplicas- currentReplicas- updatedReplicas- currentRevision- updateRevision- collisionCount conditions availableReplicas+
    =StatefulSetCondition type+ status+ lastTransitionTime+ reason- message-
    =DaemonSet kind apiVersion metadata+ spec+ status+
    =DaemonSetSpec selector template+ updateStrategy+ minReadySeconds- revisionHistoryLimit
    =DaemonSetUpdateStrategy type- rollingUpdate
    =RollingUpdateDaemonSet maxUnavailable maxSurge
    =DaemonSetStatus currentNumberScheduled+ numberMisscheduled+ desiredNumberScheduled+ numberReady+ observedGeneration- updatedNumberScheduled- numberAvailable- numberUnavailable- collisionCount conditions
    =DaemonSetCondition type+ status+ lastTransitionTime+ reason- message-
    =ControllerRevision kind apiVersion metadata+ data! revision+
    @io.k8s.api.batch.v1
    =Job kind apiVersion metadata+ spec+ status+
    =JobSpec parallelism completions activeDeadlineSeconds podFailurePolicy successPolicy backoffLimit backoffLimitPerIndex maxFailedIndexes selector manualSelector template+ ttlSecondsAfterFinished completionMode suspend podReplacementPolicy managedBy
    =PodFailurePolicy rules!
    =PodFailurePolicyRule action+ onExitCodes onPodConditions
    =PodFailurePolicyOnExitCodesRequirement containerName operator+ values!
    =PodFailurePolicyOnPodConditionsPattern type+ status+
    =SuccessPolicy rules!
    =SuccessPolicyRule succeededIndexes succeededCount
    =JobStatus conditions startTime completionTime active- succeeded- failed- terminating completedIndexes- failedIndexes uncountedTerminatedPods ready
    =JobCondition type+ status+ lastProbeTime+ lastTransitionTime+ reason- message-
    =UncountedTerminatedPods succeeded failed
    =CronJob kind apiVersion metadata+ spec+ status+
    =CronJobSpec schedule+ timeZone startingDeadlineSeconds concurrencyPolicy- suspend jobTemplate+ successfulJobsHistoryLimit failedJobsHistoryLimit
    =JobTemplateSpec metadata+ spec+
    =CronJobStatus active lastScheduleTime lastSuccessfulTime
    @io.k8s.api.autoscaling.v2
    =HorizontalPodAutoscaler kind apiVersion metadata+ spec+ status+
    =HorizontalPodAutoscalerSpec scaleTargetRef+ minReplicas maxReplicas+ metrics behavior
    =CrossVersionObjectReference kind+ name+ apiVersion-
    =MetricSpec type+ object pods resource containerResource external
    =ObjectMetricSource describedObject+ target+ metric+
    =PodsMetricSource metric+ target+
    =ResourceMetricSource name+ target+
    =ContainerResourceMetricSource name+ target+ container+
    =ExternalMetricSource metric+ target+
    =MetricIdentifier name+ selector
    =MetricTarget type+ value averageValue averageUtilization
    =HorizontalPodAutoscalerBehavior scaleUp scaleDown
    =HPAScalingRules stabilizationWindowSeconds selectPolicy policies
    =HPAScalingPolicy type+ value+ periodSeconds+
    =HorizontalPodAutoscalerStatus observedGeneration lastScaleTime currentReplicas- desiredReplicas+ currentMetrics! conditions
    =MetricStatus type+ object pods resource containerResource external
    =ObjectMetricStatus metric+ current+ describedObject+
    =PodsMetricStatus metric+ current+
    =ResourceMetricStatus name+ current+
    =ContainerResourceMetricStatus name+ current+ container+
    =ExternalMetricStatus metric+ current+
    =MetricValueStatus value averageValue averageUtilization
    =HorizontalPodAutoscalerCondition type+ status+ lastTransitionTime+ reason- message-
    @io.k8s.api.policy.v1
    =PodDisruptionBudget kind apiVersion metadata+ spec+ status+
    =PodDisruptionBudgetSpec minAvailable selector maxUnavailable unhealthyPodEvictionPolicy
    =PodDisruptionBudgetStatus observedGeneration- disruptedPods disruptionsAllowed+ currentHealthy+ desiredHealthy+ expectedPods+ conditions
    @io.k8s.api.networking.v1
    =Ingress kind apiVersion metadata+ spec+ status+
    =IngressSpec ingressClassName defaultBackend tls rules
    =IngressBackend service resource
    =IngressServiceBackend name+ port+
    =ServiceBackendPort name- number-
    =IngressTLS hosts secretName-
    =IngressRule host- http
    =HTTPIngressRuleValue paths!
    =HTTPIngressPath path- pathType! backend+
    =IngressStatus loadBalancer+
    =IngressLoadBalancerStatus ingress
    =IngressLoadBalancerIngress ip- hostname- ports
    =IngressPortStatus port+ protocol+ error
    =IngressClass kind apiVersion metadata+ spec+
    =IngressClassSpec controller- parameters
    =IngressClassParametersReference apiGroup kind+ name+ scope! namespace
    =NetworkPolicy kind apiVersion metadata+ spec+
    =NetworkPolicySpec podSelector+ ingress egress policyTypes
    =NetworkPolicyIngressRule ports from
    =NetworkPolicyEgressRule ports to
    =NetworkPolicyPort protocol port endPort
    =NetworkPolicyPeer podSelector namespaceSelector ipBlock
    =IPBlock cidr+ except
    @io.k8s.api.rbac.v1
    =Role kind apiVersion metadata+ rules!
    =ClusterRole kind apiVersion metadata+ rules! aggregationRule
    =PolicyRule verbs! apiGroups resources resourceNames nonResourceURLs
    =AggregationRule clusterRoleSelectors
    =RoleBinding kind apiVersion metadata+ subjects roleRef+
    =ClusterRoleBinding kind apiVersion metadata+ subjects roleRef+
    =Subject kind+ apiGroup- name+ namespace-
    =RoleRef apiGroup+ kind+ name+
    @io.k8s.api.scheduling.v1
    =PriorityClass kind apiVersion metadata+ value+ globalDefault- description- preemptionPolicy
    @io.k8s.api.storage.v1
    =StorageClass kind apiVersion metadata+ provisioner+ parameters reclaimPolicy mountOptions allowVolumeExpansion volumeBindingMode allowedTopologies
    @io.k8s.api.core.v1
    =TopologySelectorTerm matchLabelExpressions
    =TopologySelectorLabelRequirement key+ values!
    @io.k8s.api.discovery.v1
    =EndpointSlice kind apiVersion metadata+ addressType+ endpoints! ports!
    =Endpoint addresses! conditions+ hostname targetRef deprecatedTopology nodeName zone hints
    =EndpointConditions ready serving terminating
    =EndpointHints forZones
    =ForZone name+
    =EndpointPort name protocol port appProtocol
    @io.k8s.api.coordination.v1
    =Lease kind apiVersion metadata+ spec+
    =LeaseSpec holderIdentity leaseDurationSeconds acquireTime renewTime leaseTransitions strategy preferredHolder
    @io.k8s.api.autoscaling.v1
    =CrossVersionObjectReference kind+ name+ apiVersion-
    =HorizontalPodAutoscalerSpec scaleTargetRef+ minReplicas maxReplicas+ targetCPUUtilizationPercentage
    =HorizontalPodAutoscalerStatus observedGeneration lastScaleTime currentReplicas+ desiredReplicas+ currentCPUUtilizationPercentage
    =HorizontalPodAutoscaler kind apiVersion metadata+ spec+ status+
    @io.k8s.api.events.v1
    =Event kind apiVersion metadata+ eventTime+ series reportingController- reportingInstance- action- reason- regarding+ related note- type- deprecatedSource+ deprecatedFirstTimestamp+ deprecatedLastTimestamp+ deprecatedCount-
    =EventSeries count+ lastObservedTime+
    @io.k8s.api.storage.v1
    =VolumeAttachment kind apiVersion metadata+ spec+ status+
    =VolumeAttachmentSpec attacher+ source+ nodeName+
    =VolumeAttachmentSource persistentVolumeName inlineVolumeSpec
    =VolumeAttachmentStatus attached+ attachmentMetadata attachError detachError
    =VolumeError time+ message-
    =CSIDriver kind apiVersion metadata+ spec+
    =CSIDriverSpec attachRequired podInfoOnMount volumeLifecycleModes storageCapacity fsGroupPolicy tokenRequests requiresRepublish seLinuxMount
    =TokenRequest audience+ expirationSeconds
    =CSINode kind apiVersion metadata+ spec+
    =CSINodeSpec drivers!
    =CSINodeDriver name+ nodeID+ topologyKeys! allocatable
    =VolumeNodeResources count
    =CSIStorageCapacity kind apiVersion metadata+ nodeTopology storageClassName+ capacity maximumVolumeSize
    @io.k8s.api.node.v1
    =RuntimeClass kind apiVersion metadata+ handler+ overhead scheduling
    =Overhead podFixed
    =Scheduling nodeSelector tolerations
    @io.k8s.api.certificates.v1
    =CertificateSigningRequest kind apiVersion metadata+ spec+ status+
    =CertificateSigningRequestSpec request! signerName+ expirationSeconds usages username- uid- groups extra
    =CertificateSigningRequestStatus conditions certificate
    =CertificateSigningRequestCondition type+ status+ reason- message- lastUpdateTime+ lastTransitionTime+
    @io.k8s.api.core.v1
    =NodeConfigSource configMap
    =ConfigMapNodeConfigSource namespace+ name+ uid- resourceVersion- kubeletConfigKey+
    =NodeConfigStatus assigned active lastKnownGood error-
    =Binding kind apiVersion metadata+ target+
    =ComponentCondition type+ status+ message- error-
    =ComponentStatus kind apiVersion metadata+ conditions
    @io.k8s.api.admissionregistration.v1
    =ValidatingWebhookConfiguration kind apiVersion metadata+ webhooks
    =MutatingWebhookConfiguration kind apiVersion metadata+ webhooks
    =ValidatingWebhook name+ clientConfig+ rules failurePolicy matchPolicy namespaceSelector objectSelector sideEffects! timeoutSeconds admissionReviewVersions! matchConditions
    =MutatingWebhook name+ clientConfig+ rules failurePolicy matchPolicy namespaceSelector objectSelector sideEffects! timeoutSeconds admissionReviewVersions! reinvocationPolicy matchConditions
    =RuleWithOperations operations apiGroups apiVersions resources scope
    =WebhookClientConfig url service caBundle
    =ServiceReference namespace+ name+ path port
    =MatchCondition name+ expression+
    =ValidatingAdmissionPolicy kind apiVersion metadata+ spec+ status+
    =ValidatingAdmissionPolicySpec paramKind matchConstraints validations failurePolicy auditAnnotations matchConditions variables
    =ParamKind apiVersion- kind-
    =MatchResources namespaceSelector objectSelector resourceRules excludeResourceRules matchPolicy
    =NamedRuleWithOperations resourceNames operations apiGroups apiVersions resources scope
    =Validation expression+ message- reason messageExpression-
    =Variable name+ expression+
    =AuditAnnotation key+ valueExpression+
    =ValidatingAdmissionPolicyStatus observedGeneration- typeChecking conditions
    =TypeChecking expressionWarnings
    =ExpressionWarning fieldRef+ warning+
    =ValidatingAdmissionPolicyBinding kind apiVersion metadata+ spec+
    =ValidatingAdmissionPolicyBindingSpec policyName- paramRef matchResources validationActions
    =ParamRef name- namespace- selector parameterNotFoundAction
    @io.k8s.api.flowcontrol.v1
    =FlowSchema kind apiVersion metadata+ spec+ status+
    =FlowSchemaSpec priorityLevelConfiguration+ matchingPrecedence+ distinguisherMethod rules
    =FlowDistinguisherMethod type+
    =PriorityLevelConfigurationReference name+
    =PolicyRulesWithSubjects subjects! resourceRules nonResourceRules
    =Subject kind+ user group serviceAccount
    =UserSubject name+
    =GroupSubject name+
    =ServiceAccountSubject namespace+ name+
    =ResourcePolicyRule verbs! apiGroups! resources! clusterScope- namespaces!
    =NonResourcePolicyRule verbs! nonResourceURLs!
    =FlowSchemaStatus conditions
    =FlowSchemaCondition type- status- lastTransitionTime+ reason- message-
    =PriorityLevelConfiguration kind apiVersion metadata+ spec+ status+
    =PriorityLevelConfigurationSpec type+ limited exempt
    =LimitedPriorityLevelConfiguration nominalConcurrencyShares! limitResponse+ lendablePercent borrowingLimitPercent
    =ExemptPriorityLevelConfiguration nominalConcurrencyShares lendablePercent
    =LimitResponse type+ queuing
    =QueuingConfiguration queues+ handSize+ queueLengthLimit+
    =PriorityLevelConfigurationStatus conditions
    =PriorityLevelConfigurationCondition type- status- lastTransitionTime+ reason- message-
    @io.k8s.kube-aggregator.pkg.apis.apiregistration.v1
    =APIService kind apiVersion metadata+ spec+ status+
    =APIServiceSpec service! group- version- insecureSkipTLSVerify- caBundle groupPriorityMinimum+ versionPriority+
    =ServiceReference namespace- name- port
    =APIServiceStatus conditions
    =APIServiceCondition type+ status+ lastTransitionTime+ reason- message-
    @io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1
    =CustomResourceDefinition kind apiVersion metadata+ spec+ status+
    =CustomResourceDefinitionSpec group+ names+ scope+ versions! conversion preserveUnknownFields-
    =CustomResourceConversion strategy+ webhook
    =WebhookConversion clientConfig conversionReviewVersions!
    =WebhookClientConfig url service caBundle
    =ServiceReference namespace+ name+ path port
    =CustomResourceDefinitionVersion name+ served+ storage+ deprecated- deprecationWarning schema subresources additionalPrinterColumns selectableFields
    =CustomResourceColumnDefinition name+ type+ format- description- priority- jsonPath+
    =CustomResourceDefinitionNames plural+ singular- shortNames kind+ listKind- categories
    =CustomResourceDefinitionCondition type+ status+ lastTransitionTime+ reason- message-
    =CustomResourceDefinitionStatus conditions! acceptedNames+ storedVersions!
    =CustomResourceValidation openAPIV3Schema
    =CustomResourceSubresources status scale
    =CustomResourceSubresourceScale specReplicasPath+ statusReplicasPath+ labelSelectorPath
    =SelectableField jsonPath+
    =JSONSchemaProps id- $schema- $ref description- type- format- title- default maximum exclusiveMaximum- minimum exclusiveMinimum- maxLength minLength pattern- maxItems minItems uniqueItems- multipleOf enum maxProperties minProperties required items allOf oneOf anyOf not properties additionalProperties patternProperties dependencies additionalItems definitions externalDocs example nullable- x-kubernetes-preserve-unknown-fields x-kubernetes-embedded-resource- x-kubernetes-int-or-string- x-kubernetes-list-map-keys x-kubernetes-list-type x-kubernetes-map-type x-kubernetes-validations
    =ValidationRule rule+ message- messageExpression- reason fieldPath- optionalOldSelf
    =ExternalDocumentation description- url-
    """

    /// What the table says of one definition: its JSON field names in Go order, the fields encoding/json
    /// writes although they hold Go's zero value (in Go order, each with whether it is a pointer, slice or
    /// map, `!`: written as `null`, rather than a value, `+`), the fields marked `-` (values with `omitempty`:
    /// a string, number or bool that is not a pointer, left out at `""`, `0` or `false`), and whether every
    /// field is classified (a line starting with `=`: there an unmarked field is a pointer, slice or map with
    /// `omitempty`, left out when nil or empty; a pointer's zero value is written).
    public struct Entry: Sendable {
        public let order: [String]
        public let written: [(name: String, nilable: Bool)]?
        public let zeroLeftOut: Set<String>?
        public let omitEmptyKnown: Bool
    }

    /// The entry of the definition named `name` (OpenAPI name), if the table lists it. A command needs a
    /// handful of the table's 400 lines, so only the line's place is found at first use (one pass over the
    /// bytes) and a line is split when it is first asked for.
    public static func entry(_ name: String) -> Entry? {
        if let e = parsedEntries.withLock({ $0[name] }) { return e }
        guard let line = lineRanges[name] else { return nil }
        let e = parseLine(line)
        parsedEntries.withLock { $0[name] = e }
        return e
    }

    /// The Go field order of the definition named `name` (OpenAPI name), if known.
    public static func fields(_ name: String) -> [String]? { entry(name)?.order }

    /// The always-written fields of the definition named `name`, if it has any.
    public static func alwaysWritten(_ name: String) -> [(name: String, nilable: Bool)]? { entry(name)?.written }

    /// The fields of `name` marked `-`, if it has any.
    public static func zeroLeftOut(_ name: String) -> Set<String>? { entry(name)?.zeroLeftOut }

    /// Whether the table classifies every field of `name` (its line starts with `=`).
    public static func omitEmptyKnown(_ name: String) -> Bool { entry(name)?.omitEmptyKnown ?? false }

    /// Every listed definition name.
    public static var names: Dictionary<String, LineRange>.Keys { lineRanges.keys }

    /// Definition name → JSON field names in Go order, for the whole table (tests read it all).
    public static var table: [String: [String]] {
        var out: [String: [String]] = [:]
        for name in names { out[name] = fields(name) }
        return out
    }

    /// Where a definition's fields start and end in `text`'s UTF-8 bytes, and whether its line starts with `=`.
    public struct LineRange: Sendable {
        let fields: Range<Int>
        let known: Bool
    }

    private static let parsedEntries = Mutex<[String: Entry]>([:])

    /// Definition name (with its `@package` prefix) → its line, found in one pass over the text's bytes.
    private static let lineRanges: [String: LineRange] = {
        var out: [String: LineRange] = [:]
        out.reserveCapacity(512)
        var prefix = ""
        var text = GoFieldOrder.text
        text.withUTF8 { b in
            let n = b.count
            var pos = 0
            while pos < n {
                var end = pos
                while end < n && b[end] != 0x0A { end += 1 }
                var first = pos
                while first < end && b[first] == 0x20 { first += 1 }
                var wordEnd = first
                while wordEnd < end && b[wordEnd] != 0x20 { wordEnd += 1 }
                if first < wordEnd {
                    if b[first] == UInt8(ascii: "@") {
                        prefix = String(decoding: UnsafeBufferPointer(rebasing: b[(first + 1)..<wordEnd]), as: UTF8.self) + "."
                    } else {
                        let known = b[first] == UInt8(ascii: "=")
                        let nameStart = known ? first + 1 : first
                        let name = prefix + String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<wordEnd]), as: UTF8.self)
                        out[name] = LineRange(fields: wordEnd..<end, known: known)
                    }
                }
                pos = end + 1
            }
        }
        return out
    }()

    private static func parseLine(_ line: LineRange) -> Entry {
        var names: [String] = []
        var marked: [(name: String, nilable: Bool)] = []
        var dropped: Set<String> = []
        var text = GoFieldOrder.text
        text.withUTF8 { b in
            var pos = line.fields.lowerBound
            let end = line.fields.upperBound
            while pos < end {
                while pos < end && b[pos] == 0x20 { pos += 1 }
                var wordEnd = pos
                while wordEnd < end && b[wordEnd] != 0x20 { wordEnd += 1 }
                guard pos < wordEnd else { break }
                let last = b[wordEnd - 1]
                let marks = last == UInt8(ascii: "+") || last == UInt8(ascii: "!") || last == UInt8(ascii: "-")
                let name = String(decoding: UnsafeBufferPointer(rebasing: b[pos..<(marks ? wordEnd - 1 : wordEnd)]), as: UTF8.self)
                names.append(name)
                if last == UInt8(ascii: "+") || last == UInt8(ascii: "!") {
                    marked.append((name, last == UInt8(ascii: "!")))
                } else if last == UInt8(ascii: "-") {
                    dropped.insert(name)
                }
                pos = wordEnd
            }
        }
        return Entry(order: names, written: marked.isEmpty ? nil : marked, zeroLeftOut: dropped.isEmpty ? nil : dropped,
                     omitEmptyKnown: line.known)
    }

    /// `value` as encoding/json writes a Go value of `type`: struct fields in declaration order (unknown
    /// keys after, sorted), map keys sorted, recursively. Keep the result's order when writing it
    /// (`.compactOrdered`).
    public static func ordered(_ value: JSONValue, type: SchemaType?, index: SchemaIndex = .builtin) -> JSONValue {
        switch value {
        case .array(let items):
            let item = elementType(type, index: index)
            return .array(items.map { ordered($0, type: item, index: index) })
        case .object(let o):
            let resolved = type.map { index.resolve($0) }
            var out = JSONObject()
            if let (_, def) = resolved, let def, case .object = def.type, !def.extensions.preserveUnknownFields {
                let order = fields(def.name) ?? []
                for k in order { if let v = o[k] { out[k] = ordered(v, type: def.property(named: k)?.type, index: index) } }
                for k in o.keys.filter({ out[$0] == nil }).sorted(by: goStringLess) {
                    out[k] = ordered(o[k]!, type: def.property(named: k)?.type, index: index)
                }
                return .object(out)
            }
            var valueType: SchemaType? = nil
            if let (t, _) = resolved, case .map(let v) = t { valueType = v }
            for k in o.keys.sorted(by: goStringLess) { out[k] = ordered(o[k]!, type: valueType, index: index) }
            return .object(out)
        default:
            return value
        }
    }

    /// Every key sorted, recursively (what encoding/json writes for a decoded `map[string]interface{}`).
    public static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map(sorted))
        case .object(let o):
            var out = JSONObject()
            for k in o.keys.sorted(by: goStringLess) { out[k] = sorted(o[k]!) }
            return .object(out)
        default: return value
        }
    }

    /// The type of a field of `type`'s values (a struct's property or a map's values).
    public static func fieldType(_ type: SchemaType?, _ key: String, index: SchemaIndex = .builtin) -> SchemaType? {
        guard let type else { return nil }
        let (t, def) = index.resolve(type)
        if let def, case .object = def.type { return def.property(named: key)?.type }
        if case .map(let v) = t { return v }
        return nil
    }

    /// The type of `type`'s elements, for a list.
    public static func elementType(_ type: SchemaType?, index: SchemaIndex = .builtin) -> SchemaType? {
        guard let type else { return nil }
        if case .array(let item) = index.resolve(type).0 { return item }
        return nil
    }
}
