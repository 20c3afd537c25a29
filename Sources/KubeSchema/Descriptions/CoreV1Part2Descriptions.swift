// Our descriptions of io.k8s.api.core.v1 types named O to Z (not covered elsewhere).
// Format: DescriptionCatalog.swift.
let coreV1Part2Descriptions: [StaticString] = [
    #"""
@io.k8s.api.core.v1.ObjectFieldSelector
Picks one field of the pod, by path, to expose as an environment variable or a downward API file.
.apiVersion
The API version the fieldPath is written against. Default "v1".
.fieldPath
The path of the pod field to read. Supported: metadata.name, metadata.namespace, metadata.uid,
metadata.labels['<key>'], metadata.annotations['<key>'], spec.nodeName, spec.serviceAccountName,
status.hostIP, status.hostIPs, status.podIP and status.podIPs (some only in environment variables).
Required.

@io.k8s.api.core.v1.ObjectReference
Points to one object of any kind, or to a part of it (fieldPath). Used by events, endpoints, volume
claims and bindings; most fields are optional.
.apiVersion
The API version of the referenced object, e.g. "v1" or "apps/v1".
.fieldPath
A part of the object rather than the whole, e.g. "spec.containers{web}" for one container of a pod.
Empty: the whole object.
.kind
The kind of the referenced object, e.g. "Pod".
.name
The name of the referenced object.
.namespace
The namespace of the referenced object. Empty for cluster-scoped objects.
.resourceVersion
The version of the object the reference was made against, when that matters.
.uid
The unique ID of the referenced object, to tell it apart from a later object with the same name.

@io.k8s.api.core.v1.PersistentVolume
A piece of storage in the cluster (a disk, a network share, ...) that claims can bind to. Created
by an administrator or provisioned automatically for a PersistentVolumeClaim. Cluster-scoped.
.apiVersion
The API version of this object's schema: "v1" for PersistentVolume. Clients send it; the server
checks it.
.kind
The kind of object: "PersistentVolume". Clients send it; the server checks it.
.metadata
Name, labels and other identity data of the volume (no namespace).
.spec
The storage itself: its size, access modes, backend and what happens to it after release.
.status
The volume's phase in its life cycle, as the system last observed it. Read-only for users.

@io.k8s.api.core.v1.PersistentVolumeClaim
A request for storage by a user: a size, access modes and optionally a storage class. The system
binds it to a matching PersistentVolume (provisioning one if the class allows), and pods mount the
claim by name.
.apiVersion
The API version of this object's schema: "v1" for PersistentVolumeClaim. Clients send it; the
server checks it.
.kind
The kind of object: "PersistentVolumeClaim". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the claim.
.spec
What storage is requested. Mostly fixed once created; the requested size may be raised when the
storage class allows expansion.
.status
Whether the claim is bound, and the capacity and access modes it actually got. Read-only for users.

@io.k8s.api.core.v1.PersistentVolumeClaimCondition
One observed condition of a claim, typically about a volume resize or modification in progress.
Set by the system.
.lastProbeTime
When the condition was last checked.
.lastTransitionTime
When the condition's status last changed.
.message
A human-readable explanation of the condition.
.reason
A short CamelCase word for why the condition is in its state.
.status
Whether the condition holds: "True", "False" or "Unknown".
.type
Which condition this is, e.g. "Resizing", "FileSystemResizePending", "ModifyingVolume" or
"ModifyVolumeError".

@io.k8s.api.core.v1.PersistentVolumeClaimList
A list of persistent volume claims, as returned when listing them.
.apiVersion
The API version of this list's schema: "v1".
.items
The claims.
.kind
The kind of list: "PersistentVolumeClaimList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.core.v1.PersistentVolumeClaimSpec
What a claim asks for: how much storage, how it is accessed, from which class, and optionally where
its initial contents come from.
.accessModes
How the volume may be mounted: "ReadWriteOnce" (read-write by one node), "ReadOnlyMany" (read-only by
many nodes), "ReadWriteMany" (read-write by many nodes) or "ReadWriteOncePod" (read-write by a single
pod). The bound volume must offer all the modes asked for.
.dataSource
An existing object to fill the new volume from: a VolumeSnapshot (group snapshot.storage.k8s.io) or
another PersistentVolumeClaim in the same namespace. Only honored when the volume is provisioned.
When dataSourceRef is also set they must match.
.dataSourceRef
Like dataSource, but may also name any object handled by a volume populator, and is not dropped when
unsupported. Setting one of the two copies it into the other. A namespace may be given only with the
alpha CrossNamespaceVolumeDataSource feature.
.resources
The minimum storage the claim needs (requests.storage, e.g. "10Gi") and optionally a maximum. The
request may be increased later if the class allows expansion; it cannot be decreased.
.selector
A label query that limits which existing volumes may be bound to the claim. Volumes are not
provisioned for a claim with a selector.
.storageClassName
The StorageClass to provision from or bind to. Not set: the cluster's default class, if any. "" (empty
string): only volumes without a class, and no provisioning.
.volumeAttributesClassName
The VolumeAttributesClass that sets changeable properties of the volume (such as IOPS) through its
CSI driver. May be changed to modify the volume. Beta in v1.32 and off by default.
.volumeMode
Whether the volume is mounted as a directory with a file system ("Filesystem", the default) or handed
to containers as a raw block device ("Block").
.volumeName
The PersistentVolume to bind to, when you want a particular one. Set by the system once the claim is
bound.

@io.k8s.api.core.v1.PersistentVolumeClaimStatus
What the system reports about a claim. Read-only for users.
.accessModes
The access modes the bound volume actually provides.
.allocatedResourceStatuses
The state of a resize, per resource name (usually "storage"): "ControllerResizeInProgress",
"ControllerResizeInfeasible", "NodeResizePending", "NodeResizeInProgress" or "NodeResizeInfeasible".
Empty when no resize is going on. Needs the alpha RecoverVolumeExpansionFailure feature.
.allocatedResources
The storage the system has set aside for the claim, which can exceed capacity while an expansion is
still in progress. Needs the alpha RecoverVolumeExpansionFailure feature.
.capacity
The size of the bound volume, e.g. {"storage": "10Gi"}.
.conditions
Observed conditions of the claim, such as a resize in progress.
.currentVolumeAttributesClassName
The VolumeAttributesClass currently applied to the volume. Empty when none. Beta in v1.32.
.modifyVolumeStatus
The state of a change of volumeAttributesClassName still being carried out. Empty when there is none.
.phase
Where the claim is in its life:
- Pending: not bound yet.
- Bound: bound to a volume.
- Lost: its volume no longer exists.

@io.k8s.api.core.v1.PersistentVolumeClaimTemplate
The claim to create for a generic ephemeral volume. The claim is named <pod name>-<volume name>,
owned by the pod and deleted with it.
.metadata
Labels and annotations copied to the created claim. Other metadata fields are rejected.
.spec
The spec of the created claim (size, access modes, class). Copied unchanged. Required.

@io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource
Mounts the volume bound to a PersistentVolumeClaim of the pod's namespace.
.claimName
The name of the claim, in the pod's namespace. Required.
.readOnly
Mount the volume read-only. Default false.

@io.k8s.api.core.v1.PersistentVolumeList
A list of persistent volumes, as returned when listing them.
.apiVersion
The API version of this list's schema: "v1".
.items
The persistent volumes.
.kind
The kind of list: "PersistentVolumeList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.core.v1.PersistentVolumeSpec
What a persistent volume offers and where the storage lives. Exactly one backend field (csi, nfs,
hostPath, local, ...) is set; most in-tree cloud backends are deprecated in favor of csi.
.accessModes
The ways the volume can be mounted: "ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany" or
"ReadWriteOncePod". A claim binds only when all the modes it asks for are listed.
.awsElasticBlockStore
Deprecated: an AWS EBS disk through the in-tree plugin; calls are handed over to the ebs.csi.aws.com
CSI driver.
.azureDisk
Deprecated: an Azure data disk through the in-tree plugin; calls are handed over to the
disk.csi.azure.com CSI driver.
.azureFile
Deprecated: an Azure File share through the in-tree plugin; calls are handed over to the
file.csi.azure.com CSI driver.
.capacity
The size of the volume, e.g. {"storage": "10Gi"}. Claims requesting at most this much can bind.
.cephfs
Deprecated: a CephFS file system through the in-tree plugin. Use the Ceph CSI driver.
.cinder
Deprecated: an OpenStack Cinder volume through the in-tree plugin; calls are handed over to the
cinder.csi.openstack.org CSI driver.
.claimRef
The claim this volume is bound to. Set by the system when binding; setting it yourself reserves the
volume for that claim.
.csi
Storage provided by an external CSI driver: the usual backend today.
.fc
A Fibre Channel disk attached to the node.
.flexVolume
Deprecated: storage handled by a FlexVolume driver script installed on the nodes. Use CSI.
.flocker
Deprecated: a dataset of the Flocker control service.
.gcePersistentDisk
Deprecated: a Google Compute Engine persistent disk through the in-tree plugin; calls are handed over
to the pd.csi.storage.gke.io CSI driver.
.glusterfs
Deprecated: a GlusterFS volume; the in-tree plugin has been removed.
.hostPath
A directory on the node. For single-node testing only: the data stays on whichever node the pod
runs on.
.iscsi
An iSCSI disk attached to the node.
.local
A disk, partition or directory on one node. Requires nodeAffinity, so pods using it are scheduled on
that node.
.mountOptions
Extra mount options such as "ro" or "nfsvers=4.1", passed to the mount without being checked; the
mount fails if one is invalid.
.nfs
An NFS export mounted on the node.
.nodeAffinity
The nodes from which the volume can be reached; pods using it are only scheduled there.
.persistentVolumeReclaimPolicy
What happens to the volume when its claim is deleted:
- Retain (default for volumes created by hand): keep the volume and its data; an administrator
  cleans up.
- Delete (default for provisioned volumes): delete the volume and its storage.
- Recycle (deprecated): wipe the data and make the volume available again.
.photonPersistentDisk
Deprecated: a VMware Photon Controller persistent disk.
.portworxVolume
Deprecated: a Portworx volume through the in-tree plugin; use the Portworx CSI driver.
.quobyte
Deprecated: a Quobyte volume; the in-tree plugin has been removed.
.rbd
Deprecated: a Ceph RBD image through the in-tree plugin. Use the Ceph CSI driver.
.scaleIO
Deprecated: a Dell EMC ScaleIO volume; the in-tree plugin has been removed.
.storageClassName
The StorageClass the volume belongs to. Only claims asking for that class can bind to it. Empty:
the volume has no class.
.storageos
Deprecated: a StorageOS volume; the in-tree plugin has been removed.
.volumeAttributesClassName
The VolumeAttributesClass applied to the volume (changeable properties set through its CSI driver).
Beta in v1.32 and off by default.
.volumeMode
"Filesystem" (default) to mount the volume as a directory, or "Block" to hand it to containers as a
raw block device.
.vsphereVolume
Deprecated: a vSphere virtual disk through the in-tree plugin; calls are handed over to the
csi.vsphere.vmware.com CSI driver.

@io.k8s.api.core.v1.PersistentVolumeStatus
Where a persistent volume is in its life cycle. Set by the system.
.lastPhaseTransitionTime
When the phase last changed. Reset to the current time whenever the phase changes.
.message
A human-readable explanation of the current phase, if any.
.phase
The volume's phase:
- Pending: not yet available.
- Available: free, not bound to a claim.
- Bound: bound to a claim.
- Released: its claim was deleted, but the volume has not been reclaimed yet.
- Failed: automatic reclamation failed.
.reason
A short CamelCase word for why the volume is in its phase, for tools to read.

@io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource
Deprecated: a VMware Photon Controller persistent disk. The platform is no longer maintained.
.fsType
The file system on the disk, e.g. "ext4" (default) or "xfs".
.pdID
The ID of the Photon persistent disk. Required.

@io.k8s.api.core.v1.PodAffinity
Rules that schedule a pod near other pods: into the same topology domain (node, zone, ...) as pods
that match a label selector.
.preferredDuringSchedulingIgnoredDuringExecution
Soft rules: the scheduler prefers nodes that satisfy them, adding each term's weight to a node's
score, but schedules elsewhere when it must.
.requiredDuringSchedulingIgnoredDuringExecution
Hard rules: the pod is only scheduled where every term is satisfied. Not rechecked once the pod
runs.

@io.k8s.api.core.v1.PodAffinityTerm
A set of pods (label selector and namespaces) and a topology key: the term holds on a node when a
matching pod runs in the node's domain for that key.
.labelSelector
Which pods count. Not set: no pods match.
.matchLabelKeys
Label keys whose values are taken from the incoming pod and added to labelSelector as "key in
(value)", e.g. pod-template-hash to only consider pods of the same revision. Beta in v1.32.
.mismatchLabelKeys
Label keys whose values are taken from the incoming pod and added to labelSelector as "key notin
(value)". Beta in v1.32.
.namespaceSelector
Selects the namespaces whose pods count, in addition to those in namespaces. An empty selector ({})
means every namespace.
.namespaces
Namespaces whose pods count. When both this and namespaceSelector are empty: only the pod's own
namespace.
.topologyKey
The node label that defines a domain, e.g. "kubernetes.io/hostname" (one node) or
"topology.kubernetes.io/zone" (one zone). Nodes with the same value of this label are in the same
domain. Required.

@io.k8s.api.core.v1.PodAntiAffinity
Rules that keep a pod away from other pods: out of any topology domain (node, zone, ...) where pods
that match a label selector run. Often used to spread replicas over nodes.
.preferredDuringSchedulingIgnoredDuringExecution
Soft rules: the scheduler avoids nodes that violate them, subtracting each term's weight from a
node's score, but schedules there when it must.
.requiredDuringSchedulingIgnoredDuringExecution
Hard rules: the pod is never scheduled into a domain where a matching pod runs. Not rechecked once
the pod runs.

@io.k8s.api.core.v1.PodCondition
One observed condition of a pod. Set by the kubelet and controllers.
.lastProbeTime
When the condition was last checked.
.lastTransitionTime
When the condition's status last changed.
.message
A human-readable explanation of the condition.
.reason
A short CamelCase word for why the condition is in its state, e.g. "Unschedulable".
.status
Whether the condition holds: "True", "False" or "Unknown".
.type
Which condition this is: "PodScheduled", "PodReadyToStartContainers", "Initialized",
"ContainersReady", "Ready", "DisruptionTarget", or a custom type used by readinessGates.

@io.k8s.api.core.v1.PodDNSConfig
DNS resolver settings for a pod, merged into what dnsPolicy generates (with dnsPolicy None they are
all there is).
.nameservers
IP addresses of DNS servers, added to the generated list (duplicates removed). At most 3 in total.
.options
Resolver options such as ndots, merged with the generated ones (these win).
.searches
Search domains for short host names, added to the generated list. At most 32.

@io.k8s.api.core.v1.PodDNSConfigOption
One resolver option of /etc/resolv.conf, e.g. ndots:2 or edns0.
.name
The option's name, e.g. "ndots". Required.
.value
The option's value, e.g. "2". Omitted for options without a value.

@io.k8s.api.core.v1.PodIP
One IP address assigned to a pod.
.ip
The IP address (IPv4 or IPv6). Required.

@io.k8s.api.core.v1.PodList
A list of pods, as returned when listing them (kubectl get pods).
.apiVersion
The API version of this list's schema: "v1".
.items
The pods.
.kind
The kind of list: "PodList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.core.v1.PodOS
The operating system a pod needs.
.name
"linux" or "windows". Required. Validation then rejects pod fields that do not apply to that system;
the scheduler does not use it (use a nodeSelector on kubernetes.io/os for that).

@io.k8s.api.core.v1.PodReadinessGate
An extra condition that must be True before the pod counts as ready.
.conditionType
The condition type in the pod's status.conditions to wait for, usually set by an external
controller (e.g. a load balancer). Required.

@io.k8s.api.core.v1.PodResourceClaim
A named claim for dynamically allocated resources (such as devices) that the pod's containers can
use. Give either resourceClaimName or resourceClaimTemplateName. Part of dynamic resource
allocation, beta in v1.32 and off by default.
.name
The name containers use to refer to this claim in resources.claims. Must be unique within the pod.
Required.
.resourceClaimName
An existing ResourceClaim in the pod's namespace, which may be shared with other pods.
.resourceClaimTemplateName
A ResourceClaimTemplate in the pod's namespace: a new ResourceClaim is generated from it for this pod
and deleted with it.

@io.k8s.api.core.v1.PodResourceClaimStatus
The ResourceClaim generated for one of the pod's resourceClaims entries. Set by the system.
.name
The entry of spec.resourceClaims this status is for. Required.
.resourceClaimName
The name of the ResourceClaim generated from the template. Not set: no claim was needed.

@io.k8s.api.core.v1.PodSchedulingGate
A gate that holds the pod back from scheduling until it is removed.
.name
The gate's name, unique within the pod, e.g. "example.com/quota-check". Required.

@io.k8s.api.core.v1.PodSecurityContext
Security settings for a whole pod: user and group IDs, volume ownership, SELinux, seccomp,
AppArmor and kernel parameters. Where a container's securityContext sets the same thing, the
container's value wins.
.appArmorProfile
The AppArmor profile for all containers of the pod. Linux only.
.fsGroup
A group ID added to every container's processes and given ownership of supporting volumes (files
become group-owned and group-writable, new files get this group). Not set: volume ownership is not
changed. Linux only.
.fsGroupChangePolicy
When ownership and permissions of a volume are changed to match fsGroup: "Always" (default, on
every mount) or "OnRootMismatch" (only when the volume's root directory does not match yet, which
is faster for large volumes). Linux only.
.runAsGroup
The primary group ID the containers' processes run with. Not set: the runtime default. Linux only.
.runAsNonRoot
When true, the kubelet refuses to start a container that would run as user ID 0 (root).
.runAsUser
The user ID the containers' processes run as. Not set: the user from the image. Linux only.
.seLinuxChangePolicy
How SELinux labels are applied to volumes: "MountOption" (mount with the right context, fast) or
"Recursive" (relabel every file). Alpha in v1.32. Linux only.
.seLinuxOptions
The SELinux context for all containers. Not set: the runtime picks a random one. Linux only.
.seccompProfile
The seccomp profile (which system calls are allowed) for all containers. Linux only.
.supplementalGroups
Extra group IDs for the first process of every container, besides its primary group. Linux only.
.supplementalGroupsPolicy
How supplemental groups are computed: "Merge" (default; also the groups of the container's user
listed in the image's /etc/group) or "Strict" (only fsGroup, supplementalGroups and runAsGroup).
Alpha in v1.32. Linux only.
.sysctls
Namespaced kernel parameters set for the pod, e.g. net.ipv4.ip_local_port_range. Parameters that are
not known to be safe must be allowed on the kubelet, or the pod fails to start. Linux only.
.windowsOptions
Windows-specific settings for all containers. Windows only.

@io.k8s.api.core.v1.PodTemplate
A pod template stored as an object of its own. Rarely used directly; controllers embed a
PodTemplateSpec instead.
.apiVersion
The API version of this object's schema: "v1" for PodTemplate. Clients send it; the server checks
it.
.kind
The kind of object: "PodTemplate". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the template object.
.template
The pods described by this template: their metadata and spec.

@io.k8s.api.core.v1.PodTemplateList
A list of pod templates, as returned when listing them.
.apiVersion
The API version of this list's schema: "v1".
.items
The pod templates.
.kind
The kind of list: "PodTemplateList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.core.v1.PodTemplateSpec
The blueprint of pods a controller creates: the metadata and spec every new pod starts from.
.metadata
Labels and annotations for the created pods. The labels must match the controller's selector.
.spec
The spec of the created pods.

@io.k8s.api.core.v1.PortStatus
The state of one port of a load balancer. Set by the load balancer controller.
.error
Why the port could not be set up, as a CamelCase word (e.g. "PortUnreachable") or a domain-prefixed
reason. Empty when the port is fine.
.port
The port number. Required.
.protocol
The port's protocol: "TCP", "UDP" or "SCTP". Required.

@io.k8s.api.core.v1.PortworxVolumeSource
Deprecated: a Portworx volume through the in-tree plugin. Use the Portworx CSI driver.
.fsType
The file system on the volume, e.g. "ext4" (default) or "xfs".
.readOnly
Mount the volume read-only. Default false.
.volumeID
The ID of the Portworx volume. Required.

@io.k8s.api.core.v1.PreferredSchedulingTerm
A soft node-affinity rule: nodes that match the preference get its weight added to their score.
.preference
The node selector term a node should match. Required.
.weight
How much matching counts, from 1 to 100. Required.

@io.k8s.api.core.v1.Probe
A health check the kubelet runs periodically against a container: run a command, make an HTTP GET
request, open a TCP connection or call a gRPC health service. Give exactly one of exec, httpGet,
tcpSocket or grpc.
.exec
Run a command in the container; exit code 0 counts as success.
.failureThreshold
How many failures in a row count as failed. Default 3, minimum 1.
.grpc
Call the gRPC health checking service on a port of the container.
.httpGet
Send an HTTP GET request; a status from 200 to 399 counts as success.
.initialDelaySeconds
Seconds to wait after the container starts before the first check. Default 0.
.periodSeconds
Seconds between checks. Default 10, minimum 1.
.successThreshold
How many successes in a row count as success after a failure. Default 1; liveness and startup
probes accept only 1.
.tcpSocket
Open a TCP connection to a port; connecting counts as success.
.terminationGracePeriodSeconds
Seconds between the stop signal and the forced kill when this probe's failure stops the container,
overriding the pod's terminationGracePeriodSeconds. Minimum 1. Not allowed on readiness probes.
.timeoutSeconds
Seconds a single check may take before it counts as failed. Default 1, minimum 1.

@io.k8s.api.core.v1.ProjectedVolumeSource
One volume that combines files from several sources (Secrets, ConfigMaps, downward API, service
account tokens) in a single directory.
.defaultMode
The permission bits of the created files, e.g. 0644 (octal in YAML; JSON needs the decimal value,
420). Default 0644. A file's own mode overrides it; fsGroup may add bits.
.sources
The sources whose files are placed in the volume.

@io.k8s.api.core.v1.QuobyteVolumeSource
Deprecated: a Quobyte volume mounted on the node. The in-tree plugin has been removed.
.group
The group the volume is accessed as. Default: no group.
.readOnly
Mount the volume read-only. Default false.
.registry
One or more Quobyte registry services as host:port, separated by commas. Required.
.tenant
The Quobyte tenant that owns the volume (for dynamically provisioned volumes).
.user
The user the volume is accessed as. Default: the service account user.
.volume
The name of an existing Quobyte volume. Required.

@io.k8s.api.core.v1.RBDPersistentVolumeSource
Deprecated: a Ceph RBD block image used as a persistent volume. Use the Ceph CSI driver.
.fsType
The file system on the image, e.g. "ext4" (default) or "xfs".
.image
The name of the RBD image. Required.
.keyring
The path of the Ceph keyring on the node. Default /etc/ceph/keyring.
.monitors
The Ceph monitors to contact, as host:port. Required.
.pool
The RADOS pool holding the image. Default "rbd".
.readOnly
Mount the image read-only. Default false.
.secretRef
A Secret with the Ceph user's key, used instead of keyring.
.user
The RADOS user name. Default "admin".

@io.k8s.api.core.v1.RBDVolumeSource
Deprecated: a Ceph RBD block image mounted into the pod. Use the Ceph CSI driver.
.fsType
The file system on the image, e.g. "ext4" (default) or "xfs".
.image
The name of the RBD image. Required.
.keyring
The path of the Ceph keyring on the node. Default /etc/ceph/keyring.
.monitors
The Ceph monitors to contact, as host:port. Required.
.pool
The RADOS pool holding the image. Default "rbd".
.readOnly
Mount the image read-only. Default false.
.secretRef
A Secret in the pod's namespace with the Ceph user's key, used instead of keyring.
.user
The RADOS user name. Default "admin".

@io.k8s.api.core.v1.ReplicationController
The original controller that keeps a number of identical pods running. Superseded by ReplicaSet
(and Deployment for updates); it selects pods only by label equality.
.apiVersion
The API version of this object's schema: "v1" for ReplicationController. Clients send it; the server
checks it.
.kind
The kind of object: "ReplicationController". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the controller. Its labels default to the pod
template's.
.spec
How many pods to run and what they look like.
.status
How many pods the controller last counted, and in which state. Read-only for users.

@io.k8s.api.core.v1.ReplicationControllerCondition
One observed condition of a replication controller. Set by the controller.
.lastTransitionTime
When the condition's status last changed.
.message
A human-readable explanation of the condition.
.reason
A short CamelCase word for why the condition is in its state.
.status
Whether the condition holds: "True", "False" or "Unknown".
.type
Which condition this is, e.g. "ReplicaFailure" when pods could not be created or deleted.

@io.k8s.api.core.v1.ReplicationControllerList
A list of replication controllers, as returned when listing them.
.apiVersion
The API version of this list's schema: "v1".
.items
The replication controllers.
.kind
The kind of list: "ReplicationControllerList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.core.v1.ReplicationControllerSpec
The desired state of a replication controller.
.minReadySeconds
How long, in seconds, a new pod must be ready without any container crashing before it counts as
available. Default 0.
.replicas
How many pods to run. Default 1.
.selector
The labels a pod must have to count as one of the controller's (all of them, with equal values).
Not set: the template's labels.
.template
The pod created whenever there are too few. Changing it affects only pods created afterwards.

@io.k8s.api.core.v1.ReplicationControllerStatus
What the controller last counted. Read-only for users.
.availableReplicas
Pods that have been ready for at least minReadySeconds.
.conditions
Observed conditions of the controller, such as failures to create pods.
.fullyLabeledReplicas
Pods whose labels match all labels of the pod template.
.observedGeneration
The metadata.generation of the spec the controller last acted on. Lower than the current generation
means the latest change has not been seen yet.
.readyReplicas
Pods that are ready.
.replicas
Pods the controller currently counts as its own. Required.

@io.k8s.api.core.v1.ResourceClaim
A reference from a container to one of the pod's resourceClaims entries, making the allocated
resources available to it. Needs dynamic resource allocation (beta in v1.32, off by default).
.name
The name of an entry in the pod's spec.resourceClaims. Required.
.request
The name of one request inside that claim, to use only what it allocated. Empty: everything the
claim allocated.

@io.k8s.api.core.v1.ResourceFieldSelector
Picks a container's resource request or limit to expose as an environment variable or a downward
API file.
.containerName
The container whose resources are read. Optional for environment variables (the container itself),
required in volumes.
.divisor
The unit the value is expressed in, e.g. "1m" for millicores or "1Mi" for mebibytes; the value is
rounded up. Default "1".
.resource
Which value to read: limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu,
requests.memory, requests.ephemeral-storage, or a hugepages limit or request. Required.

@io.k8s.api.core.v1.ResourceHealth
The health of one device allocated to a container. Set by the kubelet; alpha in v1.32
(ResourceHealthStatus feature).
.health
"Healthy", "Unhealthy" or "Unknown" (the device plugin or driver has not reported).
.resourceID
The device's ID, unique within its resource. Required.

@io.k8s.api.core.v1.ResourceQuota
Limits the total resource use of one namespace: how much cpu, memory and storage its objects may
request and how many objects of each kind may exist. Requests that would exceed it are rejected.
.apiVersion
The API version of this object's schema: "v1" for ResourceQuota. Clients send it; the server checks
it.
.kind
The kind of object: "ResourceQuota". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the quota.
.spec
The limits to enforce and which objects they apply to.
.status
The limits in force and the current use, kept up to date by the quota controller. Read-only for
users.

@io.k8s.api.core.v1.ResourceQuotaList
A list of resource quotas, as returned when listing them.
.apiVersion
The API version of this list's schema: "v1".
.items
The resource quotas.
.kind
The kind of list: "ResourceQuotaList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.core.v1.ResourceQuotaSpec
The limits of a quota and the objects they count.
.hard
The maximum per resource name, e.g. "pods": "10", "requests.cpu": "4", "limits.memory": "8Gi",
"requests.storage": "100Gi", "services.loadbalancers": "2" or "count/deployments.apps": "5".
.scopeSelector
Restricts the quota to objects matching these scope expressions (like scopes, but with values, e.g.
pods of certain priority classes).
.scopes
Restricts the quota to objects in all of these scopes: "Terminating", "NotTerminating",
"BestEffort", "NotBestEffort", "PriorityClass" or "CrossNamespacePodAffinity". Each scope only
applies to some resources (mostly pod counts, cpu and memory). Not set: every object counts.

@io.k8s.api.core.v1.ResourceQuotaStatus
The quota's limits and current use. Set by the system.
.hard
The limits currently enforced, copied from the spec.
.used
The current total use of each limited resource in the namespace.

@io.k8s.api.core.v1.ResourceRequirements
Compute resources of a container: requests (what the scheduler reserves for it) and limits (what it
may not exceed). Quantities use units such as "250m" (cpu, thousandths of a core) and "128Mi"
(memory, bytes).
.claims
Which of the pod's resourceClaims this container uses. Needs dynamic resource allocation (beta in
v1.32, off by default). Cannot be changed.
.limits
The maximum per resource, e.g. {"cpu": "500m", "memory": "256Mi"}. Using more cpu throttles the
container; using more memory gets it killed (OOMKilled).
.requests
The amount per resource the scheduler reserves on a node for the container. Not set: equal to the
limit when one is given, otherwise none. Cannot exceed the limit.

@io.k8s.api.core.v1.ResourceStatus
The health of the devices backing one resource allocated to a container. Set by the kubelet; alpha
in v1.32 (ResourceHealthStatus feature).
.name
The resource: a device plugin resource name, or "claim:<claim>/<request>" for a dynamically
allocated one. Required.
.resources
The health of each device of the resource.

@io.k8s.api.core.v1.SELinuxOptions
An SELinux security context (the parts of a label such as system_u:system_r:container_t:s0:c1,c2).
.level
The SELinux level, e.g. "s0:c123,c456".
.role
The SELinux role, e.g. "system_r".
.type
The SELinux type, e.g. "container_t".
.user
The SELinux user, e.g. "system_u".

@io.k8s.api.core.v1.ScaleIOPersistentVolumeSource
Deprecated: a Dell EMC ScaleIO volume used as a persistent volume. The in-tree plugin has been
removed.
.fsType
The file system on the volume. Default "xfs".
.gateway
The URL of the ScaleIO API gateway. Required.
.protectionDomain
The ScaleIO protection domain of the storage.
.readOnly
Mount the volume read-only. Default false.
.secretRef
A Secret with the credentials for the ScaleIO user. Required.
.sslEnabled
Use SSL when talking to the gateway. Default false.
.storageMode
"ThinProvisioned" (default) or "ThickProvisioned".
.storagePool
The ScaleIO storage pool of the protection domain.
.system
The name of the ScaleIO storage system. Required.
.volumeName
The name of an existing ScaleIO volume.

@io.k8s.api.core.v1.ScaleIOVolumeSource
Deprecated: a Dell EMC ScaleIO volume mounted into the pod. The in-tree plugin has been removed.
.fsType
The file system on the volume. Default "xfs".
.gateway
The URL of the ScaleIO API gateway. Required.
.protectionDomain
The ScaleIO protection domain of the storage.
.readOnly
Mount the volume read-only. Default false.
.secretRef
A Secret in the pod's namespace with the credentials for the ScaleIO user. Required.
.sslEnabled
Use SSL when talking to the gateway. Default false.
.storageMode
"ThinProvisioned" (default) or "ThickProvisioned".
.storagePool
The ScaleIO storage pool of the protection domain.
.system
The name of the ScaleIO storage system. Required.
.volumeName
The name of an existing ScaleIO volume.

@io.k8s.api.core.v1.ScopeSelector
Scope expressions that limit which objects a resource quota counts. All expressions must match.
.matchExpressions
The expressions, each naming a scope and how to match it.

@io.k8s.api.core.v1.ScopedResourceSelectorRequirement
One scope expression of a quota's scope selector.
.operator
How the scope is matched: "In" or "NotIn" (against values), "Exists" or "DoesNotExist" (values must
be empty). Required.
.scopeName
The scope, e.g. "PriorityClass", "BestEffort" or "Terminating". Required.
.values
The values for In and NotIn, e.g. priority class names.

@io.k8s.api.core.v1.SeccompProfile
Which seccomp profile filters a container's system calls.
.localhostProfile
For type Localhost: the profile file, relative to the kubelet's seccomp directory (usually
/var/lib/kubelet/seccomp). Required for Localhost, not allowed otherwise.
.type
The kind of profile:
- RuntimeDefault: whatever profile the container runtime uses by default.
- Unconfined: no filtering.
- Localhost: a profile file on the node (see localhostProfile).

@io.k8s.api.core.v1.SecretEnvSource
Turns every key of a Secret into an environment variable of a container.
.name
Which Secret to use (it must live in the pod's namespace).
.optional
When true, the container starts even if the Secret does not exist. Default false.

@io.k8s.api.core.v1.SecretKeySelector
One key of a Secret, used as the value of an environment variable.
.key
The key whose value is used. Required.
.name
Which Secret to use (it must live in the pod's namespace).
.optional
When true, a missing Secret or key leaves the variable unset instead of stopping the container
from starting. Default false.

@io.k8s.api.core.v1.SecretList
A list of secrets, as returned when listing them.
.apiVersion
The API version of this list's schema: "v1".
.items
The secrets.
.kind
The kind of list: "SecretList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.core.v1.SecretProjection
The keys of a Secret, as files in a projected volume.
.items
Which keys to include and the file path for each. Not set: every key, as a file named after it. A
listed key that does not exist is an error unless optional is true.
.name
Which Secret to use (it must live in the pod's namespace).
.optional
When true, a missing Secret or key is skipped instead of failing the mount. Default false.

@io.k8s.api.core.v1.SecretReference
Points to a Secret by name and namespace (used where there is no pod namespace to default to).
.name
The name of the Secret.
.namespace
The namespace of the Secret.

@io.k8s.api.core.v1.SecretVolumeSource
Mounts the keys of a Secret as files: one file per key, containing the decoded value. Updates to
the Secret reach the files after a short delay (not for subPath mounts).
.defaultMode
The permission bits of the created files, e.g. 0644 (octal in YAML; JSON needs the decimal value,
420). Default 0644. A file's own mode overrides it.
.items
Which keys to include and the file path for each. Not set: every key, as a file named after it.
.optional
When true, the pod starts even if the Secret or a listed key does not exist. Default false.
.secretName
Which Secret to use (it must live in the pod's namespace).

@io.k8s.api.core.v1.SecurityContext
Security settings of one container: privileges, Linux capabilities, user and group IDs, file
system access, SELinux, seccomp and AppArmor. Values set here override the pod's securityContext.
.allowPrivilegeEscalation
Whether a process may gain more privileges than its parent (e.g. through setuid binaries); false
sets no_new_privs. Always true when the container is privileged or has CAP_SYS_ADMIN. Linux only.
.appArmorProfile
The AppArmor profile of the container, overriding the pod's. Linux only.
.capabilities
Linux capabilities to add to or drop from the runtime's default set. Linux only.
.privileged
Run the container with all the host's privileges, like root on the node. Default false. Linux only.
.procMount
How /proc is mounted: "Default" (sensitive paths masked and read-only) or "Unmasked". Unmasked needs
the ProcMountType feature and a pod with hostUsers false. Linux only.
.readOnlyRootFilesystem
Mount the container's root file system read-only; only volumes can be written. Default false. Linux
only.
.runAsGroup
The primary group ID of the container's processes, overriding the pod's. Linux only.
.runAsNonRoot
When true, the kubelet refuses to start the container if it would run as user ID 0 (root).
.runAsUser
The user ID the container's processes run as, overriding the pod's and the image's. Linux only.
.seLinuxOptions
The SELinux context of the container, overriding the pod's. Linux only.
.seccompProfile
The seccomp profile of the container, overriding the pod's. Linux only.
.windowsOptions
Windows-specific settings of the container, overriding the pod's. Windows only.
"""#,
    #"""
@io.k8s.api.core.v1.ServiceAccount
An identity for processes that run in pods: pods run as a service account, and its permissions
(through RBAC bindings) decide what they may do with the API. Every namespace has one named
"default".
.apiVersion
The API version of this object's schema: "v1" for ServiceAccount. Clients send it; the server checks
it.
.automountServiceAccountToken
Whether pods using this account get an API token mounted by default. A pod's own setting wins.
Default true.
.imagePullSecrets
Registry credential Secrets added to every pod that uses this account, for pulling images.
.kind
The kind of object: "ServiceAccount". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the service account.
.secrets
Legacy: Secrets holding long-lived tokens for the account. Such tokens are no longer created
automatically; pods get short-lived projected tokens instead. With the annotation
kubernetes.io/enforce-mountable-secrets, pods may only mount the Secrets listed here.

@io.k8s.api.core.v1.ServiceAccountList
A list of service accounts, as returned when listing them.
.apiVersion
The API version of this list's schema: "v1".
.items
The service accounts.
.kind
The kind of list: "ServiceAccountList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.core.v1.ServiceAccountTokenProjection
A short-lived token of the pod's service account, written to a file of a projected volume. The
kubelet renews it before it expires.
.audience
Who the token is for; a recipient must check that it is listed. Default: the API server.
.expirationSeconds
How long the token is valid, in seconds. Default 3600 (one hour), minimum 600. The kubelet replaces
the token when 80% of this time has passed, or after 24 hours.
.path
The file path of the token, relative to the volume's mount point. Required.

@io.k8s.api.core.v1.ServiceList
A list of services, as returned when listing them (kubectl get services).
.apiVersion
The API version of this list's schema: "v1".
.items
The services.
.kind
The kind of list: "ServiceList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.core.v1.SessionAffinityConfig
Settings of a service's session affinity.
.clientIP
Settings for sessionAffinity ClientIP, such as how long a client sticks to the same pod.

@io.k8s.api.core.v1.SleepAction
A lifecycle hook that just waits before continuing.
.seconds
How many seconds to wait. Required; must be positive (zero needs the alpha
PodLifecycleSleepActionAllowZero feature) and must not exceed the pod's termination grace period.

@io.k8s.api.core.v1.StorageOSPersistentVolumeSource
Deprecated: a StorageOS volume used as a persistent volume. The in-tree plugin has been removed.
.fsType
The file system on the volume, e.g. "ext4" (default) or "xfs".
.readOnly
Mount the volume read-only. Default false.
.secretRef
A Secret with the StorageOS API credentials.
.volumeName
The name of the StorageOS volume, unique within its StorageOS namespace.
.volumeNamespace
The StorageOS namespace of the volume. Default: the pod's namespace (or "default" in StorageOS).

@io.k8s.api.core.v1.StorageOSVolumeSource
Deprecated: a StorageOS volume mounted into the pod. The in-tree plugin has been removed.
.fsType
The file system on the volume, e.g. "ext4" (default) or "xfs".
.readOnly
Mount the volume read-only. Default false.
.secretRef
A Secret in the pod's namespace with the StorageOS API credentials.
.volumeName
The name of the StorageOS volume, unique within its StorageOS namespace.
.volumeNamespace
The StorageOS namespace of the volume. Default: the pod's namespace (or "default" in StorageOS).

@io.k8s.api.core.v1.Sysctl
One kernel parameter to set for a pod.
.name
The parameter's name, e.g. "net.core.somaxconn". Required.
.value
The value to set. Required.

@io.k8s.api.core.v1.TCPSocketAction
A check or hook that opens a TCP connection to a port; succeeding to connect is success.
.host
The host to connect to. Default: the pod's IP address.
.port
The port, as a number (1-65535) or the name of a container port. Required.

@io.k8s.api.core.v1.Taint
A mark on a node that repels pods: only pods with a matching toleration are scheduled there (or,
for NoExecute, may stay). Set with kubectl taint.
.effect
What the taint does to pods that do not tolerate it. Required.
- NoSchedule: new pods are not scheduled on the node.
- PreferNoSchedule: the scheduler avoids the node when it can.
- NoExecute: new pods are not scheduled, and running pods are evicted.
.key
The taint's key, e.g. "node.kubernetes.io/unreachable" or "dedicated". Required.
.timeAdded
When a NoExecute taint was added, used to time evictions. Set by the system.
.value
An optional value that tolerations can match, e.g. "gpu".

@io.k8s.api.core.v1.Toleration
Lets a pod be scheduled on (and stay on) nodes with a matching taint. It does not attract the pod to
those nodes.
.effect
The taint effect to match: "NoSchedule", "PreferNoSchedule" or "NoExecute". Empty matches every
effect.
.key
The taint key to match. Empty matches every key; then operator must be Exists.
.operator
How the taint's value is compared: "Equal" (default; the values must be equal) or "Exists" (any
value; leave value empty).
.tolerationSeconds
For NoExecute taints: how many seconds the pod may stay on the node once the taint appears, before
it is evicted. Not set: forever. Zero or negative: evicted at once.
.value
The taint value to match with operator Equal.

@io.k8s.api.core.v1.TopologySelectorLabelRequirement
A node label and the values it may have, for topology selection.
.key
The label key, e.g. "topology.kubernetes.io/zone". Required.
.values
The allowed values; the label must have one of them. Required.

@io.k8s.api.core.v1.TopologySelectorTerm
A set of label requirements on topology (such as zones), all of which must hold. Used by storage
classes to restrict where volumes are provisioned.
.matchLabelExpressions
The label requirements.

@io.k8s.api.core.v1.TopologySpreadConstraint
A rule for spreading matching pods evenly across topology domains (nodes, zones, ...).
.labelSelector
Which pods are counted in each domain. Usually selects the pod's own siblings.
.matchLabelKeys
Label keys whose values are taken from the incoming pod and added to labelSelector, e.g.
pod-template-hash to count only pods of the same revision.
.maxSkew
How many more matching pods any domain may hold than the domain holding the fewest. Must be at least
1. Required.
.minDomains
For DoNotSchedule: the smallest number of eligible domains. With fewer domains, the missing ones
count as holding zero pods, so pods are not piled into the existing ones. Default 1.
.nodeAffinityPolicy
Whether the pod's nodeSelector and node affinity limit which nodes are counted: "Honor" (default,
only matching nodes) or "Ignore" (all nodes).
.nodeTaintsPolicy
Whether node taints limit which nodes are counted: "Ignore" (default, all nodes) or "Honor" (only
nodes whose taints the pod tolerates).
.topologyKey
The node label whose values define the domains, e.g. "topology.kubernetes.io/zone" or
"kubernetes.io/hostname". Nodes without the label are left out. Required.
.whenUnsatisfiable
What to do when no node keeps the skew within maxSkew: "DoNotSchedule" (leave the pod pending) or
"ScheduleAnyway" (schedule it, preferring nodes that reduce the skew). Required.

@io.k8s.api.core.v1.TypedLocalObjectReference
Points to an object in the same namespace by API group, kind and name.
.apiGroup
The API group of the object, e.g. "snapshot.storage.k8s.io". Empty: the core group.
.kind
The kind of the object, e.g. "VolumeSnapshot". Required.
.name
The name of the object. Required.

@io.k8s.api.core.v1.TypedObjectReference
Points to an object by API group, kind, name and optionally namespace.
.apiGroup
The API group of the object. Empty: the core group.
.kind
The kind of the object. Required.
.name
The name of the object. Required.
.namespace
The namespace of the object, when it differs from the referrer's. Needs the alpha
CrossNamespaceVolumeDataSource feature and a ReferenceGrant in that namespace.

@io.k8s.api.core.v1.Volume
A named volume of a pod, which its containers can mount. Exactly one source field tells where the
contents come from; common ones are configMap, secret, emptyDir, persistentVolumeClaim, projected
and hostPath.
.awsElasticBlockStore
Deprecated: an AWS EBS disk through the in-tree plugin; calls are handed over to the ebs.csi.aws.com
CSI driver.
.azureDisk
Deprecated: an Azure data disk through the in-tree plugin; calls are handed over to the
disk.csi.azure.com CSI driver.
.azureFile
Deprecated: an Azure File share through the in-tree plugin; calls are handed over to the
file.csi.azure.com CSI driver.
.cephfs
Deprecated: a CephFS file system through the in-tree plugin. Use the Ceph CSI driver.
.cinder
Deprecated: an OpenStack Cinder volume through the in-tree plugin; calls are handed over to the
cinder.csi.openstack.org CSI driver.
.configMap
The keys of a ConfigMap, as files.
.csi
Storage provided by a CSI driver that supports inline, pod-lived volumes.
.downwardAPI
Information about the pod itself (labels, annotations, resources), as files.
.emptyDir
An empty directory created when the pod starts on a node and deleted when the pod leaves it. Shared
by the pod's containers; optionally kept in memory.
.ephemeral
A volume provisioned for this pod from a claim template, and deleted with the pod. Works with any
storage class that supports dynamic provisioning.
.fc
A Fibre Channel disk attached to the node.
.flexVolume
Deprecated: storage handled by a FlexVolume driver script installed on the nodes. Use CSI.
.flocker
Deprecated: a dataset of the Flocker control service.
.gcePersistentDisk
Deprecated: a Google Compute Engine persistent disk through the in-tree plugin; calls are handed over
to the pd.csi.storage.gke.io CSI driver.
.gitRepo
Deprecated: a directory with a git repository cloned into it. Use an init container that runs git
clone into an emptyDir instead.
.glusterfs
Deprecated: a GlusterFS volume; the in-tree plugin has been removed.
.hostPath
A file or directory of the node, mounted into the pod. Gives access to the node's file system, so
it is usually not allowed for ordinary workloads.
.image
The contents of a container image (an OCI artifact) as a read-only volume. Alpha in v1.32.
.iscsi
An iSCSI disk attached to the node.
.name
The volume's name, unique within the pod; volumeMounts refer to it. A DNS label: lower case letters,
digits and "-". Required.
.nfs
An NFS export, mounted for the lifetime of the pod.
.persistentVolumeClaim
The volume bound to a PersistentVolumeClaim in the pod's namespace.
.photonPersistentDisk
Deprecated: a VMware Photon Controller persistent disk.
.portworxVolume
Deprecated: a Portworx volume through the in-tree plugin; use the Portworx CSI driver.
.projected
Files from several sources (Secrets, ConfigMaps, downward API, service account tokens) combined in
one directory.
.quobyte
Deprecated: a Quobyte volume; the in-tree plugin has been removed.
.rbd
Deprecated: a Ceph RBD image through the in-tree plugin. Use the Ceph CSI driver.
.scaleIO
Deprecated: a Dell EMC ScaleIO volume; the in-tree plugin has been removed.
.secret
The keys of a Secret, as files.
.storageos
Deprecated: a StorageOS volume; the in-tree plugin has been removed.
.vsphereVolume
Deprecated: a vSphere virtual disk through the in-tree plugin; calls are handed over to the
csi.vsphere.vmware.com CSI driver.

@io.k8s.api.core.v1.VolumeDevice
A raw block volume of the pod, exposed to a container as a device file.
.devicePath
The path of the device inside the container, e.g. "/dev/xvda". Required.
.name
The name of a pod volume backed by a PersistentVolumeClaim with volumeMode Block. Required.

@io.k8s.api.core.v1.VolumeMount
Where a volume of the pod appears in a container's file system.
.mountPath
The path inside the container to mount at; must not contain ":". Required.
.mountPropagation
Whether mounts made later below the mount point propagate:
- None (default): no propagation in either direction.
- HostToContainer: mounts made on the host appear in the container.
- Bidirectional: also mounts made in the container appear on the host; privileged containers only.
.name
The name of the pod volume to mount. Required.
.readOnly
Mount the volume read-only. Default false.
.recursiveReadOnly
With readOnly true, whether mounts below the mount point are read-only too:
- Disabled (default): only the mount itself.
- IfPossible: recursively when the runtime supports it.
- Enabled: recursively, or the container fails to start; needs mountPropagation None.
.subPath
A path inside the volume to mount instead of its root, e.g. one file of a ConfigMap. Default "" (the
root). Secret and ConfigMap updates do not reach subPath mounts.
.subPathExpr
Like subPath, but $(VAR) is replaced with the container's environment variables, e.g.
"logs/$(POD_NAME)". Cannot be used together with subPath.

@io.k8s.api.core.v1.VolumeMountStatus
The state of one volume mount of a container. Set by the kubelet.
.mountPath
The path inside the container where the volume is mounted. Required.
.name
The name of the mounted volume. Required.
.readOnly
Whether the volume is mounted read-only.
.recursiveReadOnly
Whether mounts below the mount point are read-only too: "Disabled" or "Enabled", as the runtime
actually applied it.

@io.k8s.api.core.v1.VolumeNodeAffinity
The nodes from which a persistent volume can be reached.
.required
Node selector terms a node must match for pods using the volume to be scheduled on it.

@io.k8s.api.core.v1.VolumeProjection
One source of files in a projected volume. Exactly one field is set.
.clusterTrustBundle
Certificates from ClusterTrustBundle objects, in one PEM file. Alpha in v1.32.
.configMap
Keys of a ConfigMap, as files.
.downwardAPI
Information about the pod itself, as files.
.secret
Keys of a Secret, as files.
.serviceAccountToken
A short-lived token of the pod's service account, as a file.

@io.k8s.api.core.v1.VolumeResourceRequirements
The storage a claim asks for.
.limits
The most storage the claim may have, per resource.
.requests
The minimum storage the claim needs, e.g. {"storage": "10Gi"}. A bound volume may be larger.

@io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource
Deprecated: a vSphere virtual disk through the in-tree plugin; calls are handed over to the
csi.vsphere.vmware.com CSI driver.
.fsType
The file system on the disk, e.g. "ext4" (default) or "xfs".
.storagePolicyID
The ID of the vSphere storage policy (SPBM) matching storagePolicyName.
.storagePolicyName
The name of the vSphere storage policy (SPBM) to place the disk with.
.volumePath
The path of the disk (.vmdk) in the datastore, e.g. "[datastore1] volumes/disk.vmdk". Required.

@io.k8s.api.core.v1.WeightedPodAffinityTerm
A soft pod-affinity or anti-affinity rule with a weight added to (or, for anti-affinity, taken from)
the score of each node that satisfies it.
.podAffinityTerm
The pods and topology key the rule is about. Required.
.weight
How much satisfying the term counts, from 1 to 100. Required.

@io.k8s.api.core.v1.WindowsSecurityContextOptions
Security settings that apply to Windows containers only.
.gmsaCredentialSpec
The full JSON of the GMSA (group managed service account) credential spec to use. Usually filled in
by the GMSA webhook from gmsaCredentialSpecName.
.gmsaCredentialSpecName
The name of the GMSACredentialSpec object to use, so the container authenticates as a group managed
service account.
.hostProcess
Run as a HostProcess container, with the node's privileges and network. If set, every container of
the pod must have the same value, and hostNetwork must be true.
.runAsUserName
The Windows user name to run the container's entrypoint as, e.g. "ContainerUser". Not set: the
image's user.
"""#,
]
