/// The Go types of v1.32's internal `core` API that a Pod spec (and a claim's spec, a volume's source) decodes into, as go-cmp walks them:
/// field names in declaration order, Go types, and the JSON names they come from (`-` for an embedded
/// struct whose fields sit inline). One type a line: `Name struct Field:Type:json ...`, or a named
/// string (`Name string`, `stringer` when it has a String method) or map (`Name map[K]V`). A name with a
/// package (`v1.LabelSelector`, from apimachinery's meta/v1) prints as it is; the others are `core.`.
/// Types the diff only prints are listed with their fields too; a pointer to a type not listed here
/// prints as an opaque `{...}`-less literal of its JSON.
enum GoCoreTypes {
    static let schema = """
    PodSpec struct Volumes:[]Volume:volumes InitContainers:[]Container:initContainers Containers:[]Container:containers EphemeralContainers:[]EphemeralContainer:ephemeralContainers RestartPolicy:string:restartPolicy TerminationGracePeriodSeconds:*int64:terminationGracePeriodSeconds ActiveDeadlineSeconds:*int64:activeDeadlineSeconds DNSPolicy:string:dnsPolicy NodeSelector:map[string]string:nodeSelector ServiceAccountName:string:serviceAccountName AutomountServiceAccountToken:*bool:automountServiceAccountToken NodeName:string:nodeName SecurityContext:*PodSecurityContext:securityContext ImagePullSecrets:[]LocalObjectReference:imagePullSecrets Hostname:string:hostname Subdomain:string:subdomain SetHostnameAsFQDN:*bool:setHostnameAsFQDN Affinity:*Affinity:affinity SchedulerName:string:schedulerName Tolerations:[]Toleration:tolerations HostAliases:[]HostAlias:hostAliases PriorityClassName:string:priorityClassName Priority:*int32:priority PreemptionPolicy:*string:preemptionPolicy DNSConfig:*PodDNSConfig:dnsConfig ReadinessGates:[]PodReadinessGate:readinessGates RuntimeClassName:*string:runtimeClassName Overhead:ResourceList:overhead EnableServiceLinks:*bool:enableServiceLinks TopologySpreadConstraints:[]TopologySpreadConstraint:topologySpreadConstraints OS:*PodOS:os SchedulingGates:[]PodSchedulingGate:schedulingGates ResourceClaims:[]PodResourceClaim:resourceClaims Resources:*ResourceRequirements:resources
    Container struct Name:string:name Image:string:image Command:[]string:command Args:[]string:args WorkingDir:string:workingDir Ports:[]ContainerPort:ports EnvFrom:[]EnvFromSource:envFrom Env:[]EnvVar:env Resources:ResourceRequirements:resources ResizePolicy:[]ContainerResizePolicy:resizePolicy RestartPolicy:*string:restartPolicy VolumeMounts:[]VolumeMount:volumeMounts VolumeDevices:[]VolumeDevice:volumeDevices LivenessProbe:*Probe:livenessProbe ReadinessProbe:*Probe:readinessProbe StartupProbe:*Probe:startupProbe Lifecycle:*Lifecycle:lifecycle TerminationMessagePath:string:terminationMessagePath TerminationMessagePolicy:string:terminationMessagePolicy ImagePullPolicy:string:imagePullPolicy SecurityContext:*SecurityContext:securityContext Stdin:bool:stdin StdinOnce:bool:stdinOnce TTY:bool:tty
    EphemeralContainer struct EphemeralContainerCommon:EphemeralContainerCommon:- TargetContainerName:string:targetContainerName
    EphemeralContainerCommon struct Name:string:name Image:string:image Command:[]string:command Args:[]string:args WorkingDir:string:workingDir Ports:[]ContainerPort:ports EnvFrom:[]EnvFromSource:envFrom Env:[]EnvVar:env Resources:ResourceRequirements:resources ResizePolicy:[]ContainerResizePolicy:resizePolicy RestartPolicy:*string:restartPolicy VolumeMounts:[]VolumeMount:volumeMounts VolumeDevices:[]VolumeDevice:volumeDevices LivenessProbe:*Probe:livenessProbe ReadinessProbe:*Probe:readinessProbe StartupProbe:*Probe:startupProbe Lifecycle:*Lifecycle:lifecycle TerminationMessagePath:string:terminationMessagePath TerminationMessagePolicy:string:terminationMessagePolicy ImagePullPolicy:string:imagePullPolicy SecurityContext:*SecurityContext:securityContext Stdin:bool:stdin StdinOnce:bool:stdinOnce TTY:bool:tty
    ContainerPort struct Name:string:name HostPort:int32:hostPort ContainerPort:int32:containerPort Protocol:string:protocol HostIP:string:hostIP
    EnvVar struct Name:string:name Value:string:value ValueFrom:*EnvVarSource:valueFrom
    EnvVarSource struct FieldRef:*ObjectFieldSelector:fieldRef ResourceFieldRef:*ResourceFieldSelector:resourceFieldRef ConfigMapKeyRef:*ConfigMapKeySelector:configMapKeyRef SecretKeyRef:*SecretKeySelector:secretKeyRef
    ObjectFieldSelector struct APIVersion:string:apiVersion FieldPath:string:fieldPath
    ResourceFieldSelector struct ContainerName:string:containerName Resource:string:resource Divisor:resource.Quantity:divisor
    ConfigMapKeySelector struct LocalObjectReference:LocalObjectReference:- Key:string:key Optional:*bool:optional
    SecretKeySelector struct LocalObjectReference:LocalObjectReference:- Key:string:key Optional:*bool:optional
    LocalObjectReference struct Name:string:name
    EnvFromSource struct Prefix:string:prefix ConfigMapRef:*ConfigMapEnvSource:configMapRef SecretRef:*SecretEnvSource:secretRef
    ConfigMapEnvSource struct LocalObjectReference:LocalObjectReference:- Optional:*bool:optional
    SecretEnvSource struct LocalObjectReference:LocalObjectReference:- Optional:*bool:optional
    ResourceRequirements struct Limits:ResourceList:limits Requests:ResourceList:requests Claims:[]ResourceClaim:claims
    ResourceList map[ResourceName]resource.Quantity
    ResourceName string stringer
    ResourceClaim struct Name:string:name Request:string:request
    ContainerResizePolicy struct ResourceName:ResourceName:resourceName RestartPolicy:string:restartPolicy
    VolumeMount struct Name:string:name ReadOnly:bool:readOnly RecursiveReadOnly:*string:recursiveReadOnly MountPath:string:mountPath SubPath:string:subPath MountPropagation:*string:mountPropagation SubPathExpr:string:subPathExpr
    VolumeDevice struct Name:string:name DevicePath:string:devicePath
    Probe struct ProbeHandler:ProbeHandler:- InitialDelaySeconds:int32:initialDelaySeconds TimeoutSeconds:int32:timeoutSeconds PeriodSeconds:int32:periodSeconds SuccessThreshold:int32:successThreshold FailureThreshold:int32:failureThreshold TerminationGracePeriodSeconds:*int64:terminationGracePeriodSeconds
    ProbeHandler struct Exec:*ExecAction:exec HTTPGet:*HTTPGetAction:httpGet TCPSocket:*TCPSocketAction:tcpSocket GRPC:*GRPCAction:grpc
    ExecAction struct Command:[]string:command
    HTTPGetAction struct Path:string:path Port:intstr.IntOrString:port Host:string:host Scheme:string:scheme HTTPHeaders:[]HTTPHeader:httpHeaders
    HTTPHeader struct Name:string:name Value:string:value
    TCPSocketAction struct Port:intstr.IntOrString:port Host:string:host
    GRPCAction struct Port:int32:port Service:*string:service
    Lifecycle struct PostStart:*LifecycleHandler:postStart PreStop:*LifecycleHandler:preStop
    LifecycleHandler struct Exec:*ExecAction:exec HTTPGet:*HTTPGetAction:httpGet TCPSocket:*TCPSocketAction:tcpSocket Sleep:*SleepAction:sleep
    SleepAction struct Seconds:int64:seconds
    SecurityContext struct Capabilities:*Capabilities:capabilities Privileged:*bool:privileged SELinuxOptions:*SELinuxOptions:seLinuxOptions WindowsOptions:*WindowsSecurityContextOptions:windowsOptions RunAsUser:*int64:runAsUser RunAsGroup:*int64:runAsGroup RunAsNonRoot:*bool:runAsNonRoot ReadOnlyRootFilesystem:*bool:readOnlyRootFilesystem AllowPrivilegeEscalation:*bool:allowPrivilegeEscalation ProcMount:*string:procMount SeccompProfile:*SeccompProfile:seccompProfile AppArmorProfile:*AppArmorProfile:appArmorProfile
    Capabilities struct Add:[]string:add Drop:[]string:drop
    SELinuxOptions struct User:string:user Role:string:role Type:string:type Level:string:level
    WindowsSecurityContextOptions struct GMSACredentialSpecName:*string:gmsaCredentialSpecName GMSACredentialSpec:*string:gmsaCredentialSpec RunAsUserName:*string:runAsUserName HostProcess:*bool:hostProcess
    SeccompProfile struct Type:string:type LocalhostProfile:*string:localhostProfile
    AppArmorProfile struct Type:string:type LocalhostProfile:*string:localhostProfile
    PodSecurityContext struct HostNetwork:bool:hostNetwork HostPID:bool:hostPID HostIPC:bool:hostIPC ShareProcessNamespace:*bool:shareProcessNamespace HostUsers:*bool:hostUsers SELinuxOptions:*SELinuxOptions:seLinuxOptions WindowsOptions:*WindowsSecurityContextOptions:windowsOptions RunAsUser:*int64:runAsUser RunAsGroup:*int64:runAsGroup RunAsNonRoot:*bool:runAsNonRoot SupplementalGroups:[]int64:supplementalGroups SupplementalGroupsPolicy:*string:supplementalGroupsPolicy FSGroup:*int64:fsGroup FSGroupChangePolicy:*string:fsGroupChangePolicy Sysctls:[]Sysctl:sysctls SeccompProfile:*SeccompProfile:seccompProfile AppArmorProfile:*AppArmorProfile:appArmorProfile SELinuxChangePolicy:*string:seLinuxChangePolicy
    Sysctl struct Name:string:name Value:string:value
    Toleration struct Key:string:key Operator:string:operator Value:string:value Effect:string:effect TolerationSeconds:*int64:tolerationSeconds
    HostAlias struct IP:string:ip Hostnames:[]string:hostnames
    PodDNSConfig struct Nameservers:[]string:nameservers Searches:[]string:searches Options:[]PodDNSConfigOption:options
    PodDNSConfigOption struct Name:string:name Value:*string:value
    PodReadinessGate struct ConditionType:string:conditionType
    PodOS struct Name:string:name
    PodSchedulingGate struct Name:string:name
    PodResourceClaim struct Name:string:name ResourceClaimName:*string:resourceClaimName ResourceClaimTemplateName:*string:resourceClaimTemplateName
    Volume struct Name:string:name VolumeSource:VolumeSource:-
    VolumeSource struct HostPath:*HostPathVolumeSource:hostPath EmptyDir:*EmptyDirVolumeSource:emptyDir GCEPersistentDisk:*Opaque:gcePersistentDisk AWSElasticBlockStore:*Opaque:awsElasticBlockStore GitRepo:*Opaque:gitRepo Secret:*SecretVolumeSource:secret NFS:*Opaque:nfs ISCSI:*Opaque:iscsi Glusterfs:*Opaque:glusterfs PersistentVolumeClaim:*PersistentVolumeClaimVolumeSource:persistentVolumeClaim RBD:*Opaque:rbd Quobyte:*Opaque:quobyte FlexVolume:*Opaque:flexVolume Cinder:*Opaque:cinder CephFS:*Opaque:cephfs Flocker:*Opaque:flocker DownwardAPI:*DownwardAPIVolumeSource:downwardAPI FC:*Opaque:fc AzureFile:*Opaque:azureFile ConfigMap:*ConfigMapVolumeSource:configMap VsphereVolume:*Opaque:vsphereVolume AzureDisk:*Opaque:azureDisk PhotonPersistentDisk:*Opaque:photonPersistentDisk Projected:*ProjectedVolumeSource:projected PortworxVolume:*Opaque:portworxVolume ScaleIO:*Opaque:scaleIO StorageOS:*Opaque:storageos CSI:*Opaque:csi Ephemeral:*Opaque:ephemeral Image:*ImageVolumeSource:image
    HostPathVolumeSource struct Path:string:path Type:*string:type
    EmptyDirVolumeSource struct Medium:string:medium SizeLimit:*resource.Quantity:sizeLimit
    SecretVolumeSource struct SecretName:string:secretName Items:[]KeyToPath:items DefaultMode:*int32:defaultMode Optional:*bool:optional
    PersistentVolumeClaimVolumeSource struct ClaimName:string:claimName ReadOnly:bool:readOnly
    DownwardAPIVolumeSource struct Items:[]DownwardAPIVolumeFile:items DefaultMode:*int32:defaultMode
    DownwardAPIVolumeFile struct Path:string:path FieldRef:*ObjectFieldSelector:fieldRef ResourceFieldRef:*ResourceFieldSelector:resourceFieldRef Mode:*int32:mode
    ConfigMapVolumeSource struct LocalObjectReference:LocalObjectReference:- Items:[]KeyToPath:items DefaultMode:*int32:defaultMode Optional:*bool:optional
    KeyToPath struct Key:string:key Path:string:path Mode:*int32:mode
    ProjectedVolumeSource struct Sources:[]VolumeProjection:sources DefaultMode:*int32:defaultMode
    VolumeProjection struct Secret:*SecretProjection:secret DownwardAPI:*DownwardAPIProjection:downwardAPI ConfigMap:*ConfigMapProjection:configMap ServiceAccountToken:*ServiceAccountTokenProjection:serviceAccountToken ClusterTrustBundle:*Opaque:clusterTrustBundle
    SecretProjection struct LocalObjectReference:LocalObjectReference:- Items:[]KeyToPath:items Optional:*bool:optional
    DownwardAPIProjection struct Items:[]DownwardAPIVolumeFile:items
    ConfigMapProjection struct LocalObjectReference:LocalObjectReference:- Items:[]KeyToPath:items Optional:*bool:optional
    ServiceAccountTokenProjection struct Audience:string:audience ExpirationSeconds:int64:expirationSeconds Path:string:path
    ImageVolumeSource struct Reference:string:reference PullPolicy:string:pullPolicy
    Affinity struct NodeAffinity:*NodeAffinity:nodeAffinity PodAffinity:*PodAffinity:podAffinity PodAntiAffinity:*PodAntiAffinity:podAntiAffinity
    NodeAffinity struct RequiredDuringSchedulingIgnoredDuringExecution:*NodeSelector:requiredDuringSchedulingIgnoredDuringExecution PreferredDuringSchedulingIgnoredDuringExecution:[]PreferredSchedulingTerm:preferredDuringSchedulingIgnoredDuringExecution
    NodeSelector struct NodeSelectorTerms:[]NodeSelectorTerm:nodeSelectorTerms
    NodeSelectorTerm struct MatchExpressions:[]NodeSelectorRequirement:matchExpressions MatchFields:[]NodeSelectorRequirement:matchFields
    NodeSelectorRequirement struct Key:string:key Operator:string:operator Values:[]string:values
    PreferredSchedulingTerm struct Weight:int32:weight Preference:NodeSelectorTerm:preference
    PodAffinity struct RequiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm:requiredDuringSchedulingIgnoredDuringExecution PreferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm:preferredDuringSchedulingIgnoredDuringExecution
    PodAntiAffinity struct RequiredDuringSchedulingIgnoredDuringExecution:[]PodAffinityTerm:requiredDuringSchedulingIgnoredDuringExecution PreferredDuringSchedulingIgnoredDuringExecution:[]WeightedPodAffinityTerm:preferredDuringSchedulingIgnoredDuringExecution
    PodAffinityTerm struct LabelSelector:*v1.LabelSelector:labelSelector Namespaces:[]string:namespaces TopologyKey:string:topologyKey NamespaceSelector:*v1.LabelSelector:namespaceSelector MatchLabelKeys:[]string:matchLabelKeys MismatchLabelKeys:[]string:mismatchLabelKeys
    WeightedPodAffinityTerm struct Weight:int32:weight PodAffinityTerm:PodAffinityTerm:podAffinityTerm
    v1.LabelSelector struct MatchLabels:map[string]string:matchLabels MatchExpressions:[]v1.LabelSelectorRequirement:matchExpressions
    v1.LabelSelectorRequirement struct Key:string:key Operator:string:operator Values:[]string:values
    PersistentVolumeSource struct GCEPersistentDisk:*Opaque:gcePersistentDisk AWSElasticBlockStore:*Opaque:awsElasticBlockStore HostPath:*HostPathVolumeSource:hostPath Glusterfs:*Opaque:glusterfs NFS:*NFSVolumeSource:nfs RBD:*Opaque:rbd Quobyte:*Opaque:quobyte ISCSI:*Opaque:iscsi FlexVolume:*Opaque:flexVolume Cinder:*Opaque:cinder CephFS:*Opaque:cephfs FC:*Opaque:fc Flocker:*Opaque:flocker AzureFile:*Opaque:azureFile VsphereVolume:*Opaque:vsphereVolume AzureDisk:*Opaque:azureDisk PhotonPersistentDisk:*Opaque:photonPersistentDisk PortworxVolume:*Opaque:portworxVolume ScaleIO:*Opaque:scaleIO Local:*LocalVolumeSource:local StorageOS:*Opaque:storageos CSI:*CSIPersistentVolumeSource:csi
    NFSVolumeSource struct Server:string:server Path:string:path ReadOnly:bool:readOnly
    LocalVolumeSource struct Path:string:path FSType:*string:fsType
    CSIPersistentVolumeSource struct Driver:string:driver VolumeHandle:string:volumeHandle ReadOnly:bool:readOnly FSType:string:fsType VolumeAttributes:map[string]string:volumeAttributes ControllerPublishSecretRef:*SecretReference:controllerPublishSecretRef NodeStageSecretRef:*SecretReference:nodeStageSecretRef NodePublishSecretRef:*SecretReference:nodePublishSecretRef ControllerExpandSecretRef:*SecretReference:controllerExpandSecretRef NodeExpandSecretRef:*SecretReference:nodeExpandSecretRef
    SecretReference struct Name:string:name Namespace:string:namespace
    PersistentVolumeClaimSpec struct AccessModes:[]PersistentVolumeAccessMode:accessModes Selector:*v1.LabelSelector:selector Resources:VolumeResourceRequirements:resources VolumeName:string:volumeName StorageClassName:*string:storageClassName VolumeMode:*PersistentVolumeMode:volumeMode DataSource:*TypedLocalObjectReference:dataSource DataSourceRef:*TypedObjectReference:dataSourceRef VolumeAttributesClassName:*string:volumeAttributesClassName
    PersistentVolumeAccessMode string
    PersistentVolumeMode string
    VolumeResourceRequirements struct Limits:ResourceList:limits Requests:ResourceList:requests
    TypedLocalObjectReference struct APIGroup:*string:apiGroup Kind:string:kind Name:string:name
    TypedObjectReference struct APIGroup:*string:apiGroup Kind:string:kind Name:string:name Namespace:*string:namespace
    TopologySpreadConstraint struct MaxSkew:int32:maxSkew TopologyKey:string:topologyKey WhenUnsatisfiable:string:whenUnsatisfiable LabelSelector:*v1.LabelSelector:labelSelector MinDomains:*int32:minDomains NodeAffinityPolicy:*string:nodeAffinityPolicy NodeTaintsPolicy:*string:nodeTaintsPolicy MatchLabelKeys:[]string:matchLabelKeys
    """
}
