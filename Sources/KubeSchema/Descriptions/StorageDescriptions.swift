// Our descriptions of io.k8s.api.storage.* types (StorageClass, CSI objects, VolumeAttachment,
// VolumeAttributesClass). Format: DescriptionCatalog.swift.
let storageDescriptions: [StaticString] = [
    #"""
@io.k8s.api.storage.v1.StorageClass
A kind of storage that volumes can be provisioned from on demand: which provisioner creates them and
with which parameters (disk type, replication, ...). A claim names a class in storageClassName; the
annotation storageclass.kubernetes.io/is-default-class: "true" marks the class used for claims that
name none. Cluster-scoped; most fields cannot be changed after creation.
.allowVolumeExpansion
Whether claims of this class may be resized by raising their storage request. Default false.
.allowedTopologies
Where volumes may be provisioned (e.g. which zones). Not set: anywhere the provisioner can. Only
used with WaitForFirstConsumer or by provisioners that support it.
.apiVersion
The API version of this object's schema: "storage.k8s.io/v1" for StorageClass. Clients send it; the
server checks it.
.kind
The kind of object: "StorageClass". Clients send it; the server checks it.
.metadata
Name, labels and annotations of the class.
.mountOptions
Mount options (e.g. "ro", "nfsvers=4.1") given to the volumes provisioned from this class. Not
checked: a wrong option makes mounting fail.
.parameters
Settings passed to the provisioner, such as a disk type; their names and values depend on the
provisioner. At most 512 entries, 256 KiB in total.
.provisioner
The name of the volume plugin or CSI driver that creates volumes, e.g. "ebs.csi.aws.com" or
"kubernetes.io/no-provisioner" for manually created local volumes. Required.
.reclaimPolicy
What happens to a provisioned volume when its claim is deleted: "Delete" (default; the volume and its
data are removed) or "Retain" (kept for manual cleanup).
.volumeBindingMode
When a claim gets its volume:
- Immediate (default): as soon as the claim is created.
- WaitForFirstConsumer: only when a pod using the claim is scheduled, so the volume is created where
the pod can run.

@io.k8s.api.storage.v1.CSIDriver
Tells Kubernetes how to work with one installed CSI volume driver: whether volumes need attaching,
what pod data it receives on mount, and so on. Usually installed with the driver. Cluster-scoped; the
name is the driver's name.
.apiVersion
The API version of this object's schema: "storage.k8s.io/v1" for CSIDriver. Clients send it; the
server checks it.
.kind
The kind of object: "CSIDriver". Clients send it; the server checks it.
.metadata
The name (the driver's name, e.g. "ebs.csi.aws.com"), labels and annotations.
.spec
How the driver behaves. Required.

@io.k8s.api.storage.v1.CSIDriverSpec
The behavior of a CSI driver. Most fields cannot be changed after creation.
.attachRequired
Whether volumes must be attached to a node (through a VolumeAttachment) before they are mounted.
Default true; false skips the attach step. Cannot be changed.
.fsGroupPolicy
Whether Kubernetes changes ownership and permissions of the volume to the pod's fsGroup:
- ReadWriteOnceWithFSType (default): only for ReadWriteOnce volumes with a file system type.
- File: always.
- None: never.
.podInfoOnMount
When true, the driver receives the pod's name, namespace, uid and service account when a volume is
mounted. Default false. Cannot be changed.
.requiresRepublish
When true, the volume is mounted again periodically (e.g. to refresh credentials or tokens). Default
false.
.seLinuxMount
When true, the driver supports mounting with an SELinux context option, so the kubelet need not
relabel every file. Default false. (Beta feature.)
.storageCapacity
When true, the scheduler considers the free capacity the driver reports (CSIStorageCapacity objects)
when placing pods with volumes not yet provisioned. Default false.
.tokenRequests
Service account tokens, for the given audiences, the kubelet passes to the driver on mount.
.volumeLifecycleModes
How volumes of the driver can be used: "Persistent" (through PersistentVolumes; the default) and/or
"Ephemeral" (inline in the pod spec, living as long as the pod).

@io.k8s.api.storage.v1.TokenRequest
A service account token a CSI driver asks to receive when a volume is mounted.
.audience
The audience the token is issued for. Required.
.expirationSeconds
How long the token is valid, in seconds. Not set: the default lifetime of service account tokens.

@io.k8s.api.storage.v1.CSINode
Which CSI drivers are installed on one node and their per-node data. Created by the kubelet; the
name is the node's name. Cluster-scoped.
.apiVersion
The API version of this object's schema: "storage.k8s.io/v1" for CSINode.
.kind
The kind of object: "CSINode".
.metadata
The name (same as the node's), labels and the owning Node.
.spec
The drivers on the node. Required.

@io.k8s.api.storage.v1.CSINodeSpec
The CSI drivers of a node.
.drivers
One entry per driver registered on the node. Required.

@io.k8s.api.storage.v1.CSINodeDriver
One CSI driver registered on a node.
.allocatable
How many volumes of the driver the node can take.
.name
The name of the driver. Required.
.nodeID
The driver's own name for the node, used when attaching volumes. Required.
.topologyKeys
Node label keys the driver uses for topology (e.g. "topology.kubernetes.io/zone").

@io.k8s.api.storage.v1.VolumeNodeResources
Per-node limits of a CSI driver.
.count
The maximum number of the driver's volumes that can be used on the node. Not set: no limit.

@io.k8s.api.storage.v1.CSIStorageCapacity
How much storage of a class a CSI driver can still provision in some topology segment (e.g. a zone),
for the scheduler. Created by the driver's deployment, in its namespace.
.apiVersion
The API version of this object's schema: "storage.k8s.io/v1" for CSIStorageCapacity.
.capacity
The free capacity reported; not set means unknown. Volumes larger than this are not expected to fit.
.kind
The kind of object: "CSIStorageCapacity".
.maximumVolumeSize
The largest single volume that can be created; not set means the same as capacity.
.metadata
Name, namespace, labels and owner of the object.
.nodeTopology
The nodes that can reach this storage. Not set: no node can.
.storageClassName
The storage class the capacity applies to. Required; cannot be changed.

@io.k8s.api.storage.v1.VolumeAttachment
Asks that a volume be attached to a node, and records whether it is. Created and deleted by the
attach/detach controller; the CSI driver's external attacher acts on it. Cluster-scoped.
.apiVersion
The API version of this object's schema: "storage.k8s.io/v1" for VolumeAttachment.
.kind
The kind of object: "VolumeAttachment".
.metadata
Name, labels and finalizers of the attachment.
.spec
Which volume, which node and which attacher. Required.
.status
Whether the volume is attached, and any error. Set by the attacher.

@io.k8s.api.storage.v1.VolumeAttachmentSpec
What to attach where.
.attacher
The name of the driver that attaches the volume (the CSI driver's name). Required.
.nodeName
The node to attach the volume to. Required.
.source
The volume to attach. Required.

@io.k8s.api.storage.v1.VolumeAttachmentSource
The volume of an attachment: a PersistentVolume or an inline volume (exactly one).
.inlineVolumeSpec
The spec of an inline pod volume whose in-tree plugin is served by a CSI driver (CSI migration).
Set by the system, not by users.
.persistentVolumeName
The name of the PersistentVolume to attach.

@io.k8s.api.storage.v1.VolumeAttachmentStatus
The state of an attachment, set by the attacher.
.attachError
The last error while attaching, if any.
.attached
Whether the volume is attached and ready to be mounted. Required.
.attachmentMetadata
Data the attacher returns on success, passed on to the mount step.
.detachError
The last error while detaching, if any.

@io.k8s.api.storage.v1.VolumeError
An error seen while attaching or detaching a volume.
.message
What went wrong. May be shown to users; should not contain secrets.
.time
When the error happened.

@io.k8s.api.storage.v1beta1.VolumeAttributesClass io.k8s.api.storage.v1alpha1.VolumeAttributesClass
A set of volume settings (e.g. IOPS and throughput) a CSI driver can apply to a volume that already
exists. A claim picks one in volumeAttributesClassName and may switch to another to change the
volume's performance. Cluster-scoped. Beta (v1beta1) and alpha (v1alpha1), off by default.
.apiVersion
The API version of this object's schema: "storage.k8s.io/v1beta1" or "storage.k8s.io/v1alpha1".
.driverName
The CSI driver that applies the settings. Required; cannot be changed.
.kind
The kind of object: "VolumeAttributesClass".
.metadata
Name, labels and annotations of the class.
.parameters
Driver-specific settings applied to the volume. Cannot be changed once set; create another class
instead.

@io.k8s.api.storage.v1beta1.VolumeAttributesClassList io.k8s.api.storage.v1alpha1.VolumeAttributesClassList
A list of VolumeAttributesClass objects, as returned by a list request.
.apiVersion
The API version of this list: "storage.k8s.io/v1beta1" or "storage.k8s.io/v1alpha1".
.kind
The kind of list: "VolumeAttributesClassList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The volume attributes classes.

@io.k8s.api.storage.v1.CSIDriverList
A list of CSIDriver objects, as returned by a list request.
.apiVersion
The API version of this list: "storage.k8s.io/v1".
.kind
The kind of list: "CSIDriverList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The CSI drivers.

@io.k8s.api.storage.v1.CSINodeList
A list of CSINode objects, as returned by a list request.
.apiVersion
The API version of this list: "storage.k8s.io/v1".
.kind
The kind of list: "CSINodeList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The CSI node objects.

@io.k8s.api.storage.v1.CSIStorageCapacityList
A list of CSIStorageCapacity objects, as returned by a list request.
.apiVersion
The API version of this list: "storage.k8s.io/v1".
.kind
The kind of list: "CSIStorageCapacityList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The capacity objects.

@io.k8s.api.storage.v1.StorageClassList
A list of StorageClass objects, as returned by a list request.
.apiVersion
The API version of this list: "storage.k8s.io/v1".
.kind
The kind of list: "StorageClassList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The storage classes.

@io.k8s.api.storage.v1.VolumeAttachmentList
A list of VolumeAttachment objects, as returned by a list request.
.apiVersion
The API version of this list: "storage.k8s.io/v1".
.kind
The kind of list: "VolumeAttachmentList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The volume attachments.
"""#,
]
