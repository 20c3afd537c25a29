// Our descriptions of io.k8s.api.core.v1 types named A... to C... Format: DescriptionCatalog.swift.
let coreV1Part1aDescriptions: [StaticString] = [
    #"""
@io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource
An Amazon EBS disk attached to the node and mounted into the pod. The disk must exist and be in the
same availability zone as the node. Deprecated: the in-tree plugin is replaced by the EBS CSI driver
(ebs.csi.aws.com), which now handles such volumes.
.fsType
The file system on the disk, e.g. "ext4", "xfs" or "ntfs"; the disk is formatted with it when empty.
Not set: "ext4".
.partition
The partition of the disk to mount, counting from 1. Not set or 0: the whole disk is mounted.
.readOnly
Mount the disk read-only. Default false.
.volumeID
The EBS volume ID, e.g. "vol-0123456789abcdef0". Required.

@io.k8s.api.core.v1.Affinity
Scheduling rules that place a pod near or away from certain nodes and other pods. Rules named
"...IgnoredDuringExecution" only matter when the pod is scheduled: a running pod is not moved when
they stop holding.
.nodeAffinity
Rules about the labels of the node the pod may (required) or should preferably (preferred) run on. A
more expressive form of nodeSelector.
.podAffinity
Rules that put the pod in the same topology domain (node, zone, ...) as other pods with certain
labels.
.podAntiAffinity
Rules that keep the pod out of topology domains (node, zone, ...) that already run pods with certain
labels, e.g. to spread replicas over nodes.

@io.k8s.api.core.v1.AppArmorProfile
The AppArmor profile a container or pod is confined by (Linux only).
.localhostProfile
The name of a profile already loaded on the node. Required when type is Localhost, not allowed
otherwise.
.type
Which profile applies:
- RuntimeDefault: whatever profile the container runtime uses by default.
- Localhost: a profile loaded on the node, named in localhostProfile.
- Unconfined: no AppArmor confinement.

@io.k8s.api.core.v1.AttachedVolume
A volume that the attach/detach controller has attached to a node. Filled in by the system.
.devicePath
Where the attached volume appears on the node, e.g. "/dev/xvdf".
.name
The unique name of the attached volume, as the volume plugin names it.

@io.k8s.api.core.v1.AzureDiskVolumeSource
An Azure data disk attached to the node and mounted into the pod. Deprecated: such volumes are
handed over to the Azure Disk CSI driver (disk.csi.azure.com).
.cachingMode
The host caching mode of the disk: "None", "ReadOnly" or "ReadWrite" (default).
.diskName
The name of the data disk in blob storage. Required.
.diskURI
The URI of the data disk in blob storage. Required.
.fsType
The file system on the disk, e.g. "ext4" (default) or "xfs"; the disk is formatted with it when empty.
.kind
How the disk is stored: "Shared" (default; several disks per storage account), "Dedicated" (one disk
per storage account) or "Managed" (an Azure managed disk).
.readOnly
Mount the disk read-only. Default false.

@io.k8s.api.core.v1.AzureFilePersistentVolumeSource
An Azure Files share (SMB) used as a persistent volume. Deprecated: such volumes are handed over to the
Azure File CSI driver (file.csi.azure.com).
.readOnly
Mount the share read-only. Default false.
.secretName
The Secret that holds the storage account name and key (keys azurestorageaccountname and
azurestorageaccountkey). Required.
.secretNamespace
The namespace of that Secret. Not set: the namespace of the pod that uses the volume.
.shareName
The name of the file share. Required.

@io.k8s.api.core.v1.AzureFileVolumeSource
An Azure Files share (SMB) mounted into the pod. Deprecated: such volumes are handed over to the Azure
File CSI driver (file.csi.azure.com).
.readOnly
Mount the share read-only. Default false.
.secretName
The Secret, in the pod's namespace, that holds the storage account name and key (keys
azurestorageaccountname and azurestorageaccountkey). Required.
.shareName
The name of the file share. Required.

@io.k8s.api.core.v1.Binding
Assigns a pod to a node. The scheduler posts one to the pod's binding subresource, which sets the
pod's spec.nodeName; it is not stored as an object of its own.
.apiVersion
The API version of this object's schema: "v1" for Binding. Clients send it; the server checks it.
.kind
The kind of object: "Binding". Clients send it; the server checks it.
.metadata
Name and namespace of the pod being bound.
.target
The object the pod is bound to: a Node, given by its name (kind "Node"). Required.

@io.k8s.api.core.v1.CSIPersistentVolumeSource
A persistent volume managed by an external Container Storage Interface (CSI) driver. Usually filled
in by the driver's provisioner when it creates the volume.
.controllerExpandSecretRef
A Secret passed to the driver's ControllerExpandVolume call, used when the volume is resized. Optional.
.controllerPublishSecretRef
A Secret passed to the driver's ControllerPublishVolume and ControllerUnpublishVolume calls (attach
and detach). Optional.
.driver
The name of the CSI driver, as it registers itself, e.g. "ebs.csi.aws.com". Required.
.fsType
The file system to mount the volume with, e.g. "ext4" or "xfs". Passed to the driver; not used for raw
block volumes.
.nodeExpandSecretRef
A Secret passed to the driver's NodeExpandVolume call, used when the volume is resized on the node.
Optional.
.nodePublishSecretRef
A Secret passed to the driver's NodePublishVolume and NodeUnpublishVolume calls (mounting into a pod).
Optional.
.nodeStageSecretRef
A Secret passed to the driver's NodeStageVolume and NodeUnstageVolume calls (preparing the volume on
the node). Optional.
.readOnly
Publish the volume read-only. Default false.
.volumeAttributes
Driver-specific settings of the volume, as string keys and values.
.volumeHandle
The ID the driver gave the volume, used in every call to the driver. Required.

@io.k8s.api.core.v1.CSIVolumeSource
A volume provided inline in the pod by a CSI driver that supports ephemeral inline volumes (often used
for secrets stores or scratch space). It lives as long as the pod.
.driver
The name of the CSI driver, as it registers itself. Required.
.fsType
The file system to mount the volume with, e.g. "ext4". Not set: the driver chooses.
.nodePublishSecretRef
A Secret in the pod's namespace passed to the driver when the volume is mounted and unmounted.
Optional.
.readOnly
Mount the volume read-only. Default false.
.volumeAttributes
Driver-specific settings, as string keys and values; see the driver's documentation.

@io.k8s.api.core.v1.Capabilities
Linux capabilities added to or removed from the container's default set.
.add
Capabilities to add, e.g. "NET_ADMIN" or "SYS_TIME" (without the "CAP_" prefix).
.drop
Capabilities to remove, e.g. "NET_RAW". Dropping "ALL" and adding back only what is needed is a
common hardening pattern.

@io.k8s.api.core.v1.CephFSPersistentVolumeSource
A CephFS file system used as a persistent volume. Deprecated: the in-tree CephFS plugin was removed in
v1.31; use the Ceph CSI driver.
.monitors
Addresses of the Ceph monitors, e.g. "10.0.0.1:6789". Required.
.path
The directory of the file system to mount. Default "/".
.readOnly
Mount read-only. Default false.
.secretFile
The key ring file on the node used to authenticate. Default "/etc/ceph/user.secret".
.secretRef
A Secret (with namespace) holding the Ceph user's key; replaces secretFile when set.
.user
The Ceph user name. Default "admin".

@io.k8s.api.core.v1.CephFSVolumeSource
A CephFS file system mounted into the pod. Deprecated: the in-tree CephFS plugin was removed in v1.31;
use the Ceph CSI driver.
.monitors
Addresses of the Ceph monitors, e.g. "10.0.0.1:6789". Required.
.path
The directory of the file system to mount. Default "/".
.readOnly
Mount read-only. Default false.
.secretFile
The key ring file on the node used to authenticate. Default "/etc/ceph/user.secret".
.secretRef
A Secret in the pod's namespace holding the Ceph user's key; replaces secretFile when set.
.user
The Ceph user name. Default "admin".

@io.k8s.api.core.v1.CinderPersistentVolumeSource
An OpenStack Cinder volume used as a persistent volume. Deprecated: such volumes are handed over to the
Cinder CSI driver (cinder.csi.openstack.org).
.fsType
The file system on the volume, e.g. "ext4" (the default) or "xfs".
.readOnly
Mount read-only. Default false.
.secretRef
A Secret (with namespace) holding the parameters used to connect to OpenStack. Optional.
.volumeID
The Cinder volume ID. Required.

@io.k8s.api.core.v1.CinderVolumeSource
An OpenStack Cinder volume mounted into the pod. Deprecated: such volumes are handed over to the Cinder
CSI driver (cinder.csi.openstack.org).
.fsType
The file system on the volume, e.g. "ext4" (the default) or "xfs".
.readOnly
Mount read-only. Default false.
.secretRef
A Secret in the pod's namespace holding the parameters used to connect to OpenStack. Optional.
.volumeID
The Cinder volume ID. Required.

@io.k8s.api.core.v1.ClientIPConfig
Settings of client-IP session affinity of a Service.
.timeoutSeconds
How long, in seconds, a client keeps being sent to the same endpoint after its last request. From 1
to 86400 (one day); default 10800 (three hours).

@io.k8s.api.core.v1.ClusterTrustBundleProjection
Writes the certificates of one or more ClusterTrustBundle objects into a file of a projected volume.
Alpha in v1.32 (needs the ClusterTrustBundle and ClusterTrustBundleProjection features). Give either
name, or signerName with an optional labelSelector.
.labelSelector
With signerName: only bundles with matching labels are used. Not set: no bundle matches; an empty
selector matches every bundle of that signer.
.name
The name of a single ClusterTrustBundle to use. Excludes signerName and labelSelector.
.optional
When true, the pod starts even if the named bundle does not exist or no bundle matches signerName
and labelSelector. Default false: the pod waits until the bundles are available.
.path
The file path, relative to the volume's mount point, that receives the PEM certificates. Required.
.signerName
Use every ClusterTrustBundle of this signer (filtered by labelSelector); their certificates are
merged, without duplicates.

@io.k8s.api.core.v1.ComponentCondition
One health check result of a control-plane component (deprecated ComponentStatus API).
.error
The error found by the health check, if any.
.message
The message of the health check, e.g. "ok".
.status
Whether the condition holds: "True", "False" or "Unknown".
.type
The kind of condition; only "Healthy" is used.

@io.k8s.api.core.v1.ComponentStatus
The health of a control-plane component (etcd, scheduler, controller manager), as seen by the API
server (kubectl get componentstatuses). Deprecated since v1.19: its results are incomplete; use the
components' own health endpoints instead. Read-only.
.apiVersion
The API version of this object's schema: "v1" for ComponentStatus. Clients send it; the server checks
it.
.conditions
The health check results of the component.
.kind
The kind of object: "ComponentStatus". Clients send it; the server checks it.
.metadata
The component's name (e.g. "etcd-0", "scheduler") and other identity data.

@io.k8s.api.core.v1.ComponentStatusList
A list of ComponentStatus objects, as returned by the API server.
.apiVersion
The API version of this list's schema: "v1".
.items
The ComponentStatus objects.
.kind
The kind of list: "ComponentStatusList".
.metadata
Data about the list itself, such as its resourceVersion.

@io.k8s.api.core.v1.ConfigMapEnvSource
A ConfigMap whose every key becomes an environment variable of the container (through envFrom). Keys
that are not valid variable names are skipped and reported in an event.
.name
The name of the ConfigMap, in the pod's namespace.
.optional
When true, a missing ConfigMap is ignored. Default false: the container does not start until it
exists.

@io.k8s.api.core.v1.ConfigMapKeySelector
One key of a ConfigMap, whose value is used (e.g. as an environment variable's value).
.key
The key to read. Required.
.name
The name of the ConfigMap, in the pod's namespace.
.optional
When true, a missing ConfigMap or key is ignored (the variable is not set). Default false: the
container does not start until they exist.

@io.k8s.api.core.v1.ConfigMapList
A list of ConfigMap objects, as returned by the API server.
.apiVersion
The API version of this list's schema: "v1".
.items
The ConfigMaps.
.kind
The kind of list: "ConfigMapList".
.metadata
Data about the list itself, such as its resourceVersion and the continue token for paging.

@io.k8s.api.core.v1.ConfigMapNodeConfigSource
A ConfigMap holding kubelet configuration, for the dynamic kubelet configuration feature. That
feature was removed in v1.24; the kubelet ignores this field.
.kubeletConfigKey
The key of the ConfigMap that holds the kubelet configuration. Required.
.name
The name of the ConfigMap. Required.
.namespace
The namespace of the ConfigMap. Required.
.resourceVersion
The resourceVersion of the ConfigMap that was used. Filled in by the system in status; not allowed in
spec.
.uid
The UID of the ConfigMap. Filled in by the system in status; not allowed in spec.

@io.k8s.api.core.v1.ConfigMapProjection
The keys of a ConfigMap written as files into a projected volume.
.items
Which keys to write and to which relative paths. Not set: every key becomes a file named after it.
Listing a key that does not exist is an error, unless optional is true.
.name
The name of the ConfigMap, in the pod's namespace.
.optional
When true, a missing ConfigMap or listed key is ignored. Default false: the pod does not start until
they exist.

@io.k8s.api.core.v1.ConfigMapVolumeSource
A volume holding the keys of a ConfigMap as files. Updates of the ConfigMap reach the files after a
short delay (except for subPath mounts).
.defaultMode
The permission bits of the created files, from 0000 to 0777 (octal in YAML, decimal in JSON). Default
0644. A file's own mode in items overrides it.
.items
Which keys to write and to which relative paths. Not set: every key becomes a file named after it.
Listing a key that does not exist is an error, unless optional is true.
.name
The name of the ConfigMap, in the pod's namespace.
.optional
When true, a missing ConfigMap or listed key is ignored. Default false: the pod does not start until
they exist.

@io.k8s.api.core.v1.ContainerImage
An image present on a node. Reported by the kubelet.
.names
The names the image is known by, e.g. "docker.io/library/nginx:1.27" and its digest form.
.sizeBytes
The size of the image, in bytes.

@io.k8s.api.core.v1.ContainerPort
A network port the container listens on.
.containerPort
The port number inside the pod's network namespace, from 1 to 65535. Required.
.hostIP
With hostPort: the node address the host port is bound to. Not set: every address.
.hostPort
A port of the node that forwards to this container port, from 1 to 65535. Not set: none. With
hostNetwork it must equal containerPort. Using it limits where the pod can be scheduled.
.name
A name for the port (lower case letters, digits and "-", at most 15 characters, unique in the pod).
Services can refer to the port by this name.
.protocol
The protocol: "TCP" (default), "UDP" or "SCTP".

@io.k8s.api.core.v1.ContainerResizePolicy
How a container is treated when one of its resources is changed in place (InPlacePodVerticalScaling,
alpha in v1.32).
.resourceName
The resource this policy is for: "cpu" or "memory". Required.
.restartPolicy
What happens when that resource changes: "NotRequired" (the default; apply it to the running
container where possible) or "RestartContainer" (restart the container to apply it). Required.

@io.k8s.api.core.v1.ContainerState
The state of a container: exactly one of waiting, running or terminated is set. Not set at all
means waiting. Filled in by the kubelet.
.running
Set while the container runs.
.terminated
Set after the container has exited, with its exit code and reason.
.waiting
Set while the container is not running yet, or waits to be restarted, with the reason (e.g.
ContainerCreating, ImagePullBackOff, CrashLoopBackOff).

@io.k8s.api.core.v1.ContainerStateRunning
A container that is running.
.startedAt
When the container was last (re)started.

@io.k8s.api.core.v1.ContainerStateTerminated
A container that has exited.
.containerID
The container's ID in the runtime, as "<type>://<id>".
.exitCode
The exit code of the container's process: 0 means success. 137 usually means it was killed (e.g. out
of memory).
.finishedAt
When the container exited.
.message
A message about the exit, e.g. the termination message the container wrote.
.reason
A short reason for the exit, e.g. "Completed", "Error", "OOMKilled".
.signal
The signal that ended the process, if it was killed by one.
.startedAt
When the container had started.

@io.k8s.api.core.v1.ContainerStateWaiting
A container that is not running yet, or waiting to be restarted.
.message
A message explaining why the container is waiting.
.reason
A short reason, e.g. "ContainerCreating", "ErrImagePull", "ImagePullBackOff", "CrashLoopBackOff",
"CreateContainerConfigError".

@io.k8s.api.core.v1.ContainerStatus
What the kubelet reports about one container of a pod: its state, restarts, readiness and image.
Read-only.
.allocatedResources
The compute resources the node has set aside for the container: its requests as admitted, updated
once a resize is accepted. Only reported with the InPlacePodVerticalScaling feature (alpha in v1.32).
.allocatedResourcesStatus
The health of devices and other resources allocated to the container. Alpha in v1.32
(ResourceHealthStatus feature).
.containerID
The container's ID in the runtime, as "<type>://<id>", e.g. "containerd://...".
.image
The image the container runs, as the runtime reports it (may differ from the image in the spec, e.g.
with a registry prefix).
.imageID
The ID (usually a digest) of the image the container runs.
.lastState
The state of the previous run of the container: after a restart it holds how the previous run ended.
Empty when the container has never been restarted.
.name
The container's name, as in the pod spec.
.ready
Whether the container passes its readiness probe (or runs, without a probe). Ready containers make the
pod ready, which lets it receive Service traffic.
.resources
The requests and limits the container runtime has actually applied, which can differ from the spec
while a resize is in progress.
.restartCount
How many times the container has been restarted. Never negative; it can drop back to 0 when the
kubelet loses its state, e.g. after the node restarts.
.started
Whether the container has started and passed its startup probe, if it has one. False while the
startup probe has not yet succeeded.
.state
The container's current state: waiting, running or terminated.
.user
The user and group identities the container's first process actually runs with, as reported by the
runtime. Alpha in v1.32 (SupplementalGroupsPolicy feature).
.volumeMounts
The mounts of the container as they were actually made (e.g. whether read-only is recursive).

@io.k8s.api.core.v1.ContainerUser
The identity a container's process runs with, per operating system. Reported by the kubelet.
.linux
The Linux user ID, group ID and supplementary groups of the process.
"""#,
]
