// Our descriptions of io.k8s.api.core.v1 types named I... to N... (up to NodeSystemInfo).
// Format: DescriptionCatalog.swift.
let coreV1Part1cDescriptions: [StaticString] = [
    #"""
@io.k8s.api.core.v1.ISCSIPersistentVolumeSource
An iSCSI disk attached to the node and used as a persistent volume. Only one node may mount it
read-write at a time; read-only it may be shared.
.chapAuthDiscovery
Use CHAP authentication for iSCSI discovery. Default false.
.chapAuthSession
Use CHAP authentication for the iSCSI session. Default false.
.fsType
The file system on the disk, e.g. "ext4" (the default) or "xfs".
.initiatorName
A custom iSCSI initiator name. With iscsiInterface, a new interface named "<target portal>:<volume
name>" is created for the connection.
.iqn
The iSCSI Qualified Name of the target, e.g. "iqn.2001-04.com.example:storage.disk1". Required.
.iscsiInterface
The iSCSI interface (transport) to use. Default "default" (TCP).
.lun
The logical unit number of the disk on the target. Required.
.portals
Further target portals (IP or IP:port) tried when targetPortal fails. Port default 3260.
.readOnly
Mount read-only. Default false.
.secretRef
A Secret (with namespace) holding the CHAP credentials.
.targetPortal
The address of the target, as IP or IP:port; port default 3260. Required.

@io.k8s.api.core.v1.ISCSIVolumeSource
An iSCSI disk attached to the node and mounted into the pod. Only one pod may mount it read-write at
a time; read-only it may be shared.
.chapAuthDiscovery
Use CHAP authentication for iSCSI discovery. Default false.
.chapAuthSession
Use CHAP authentication for the iSCSI session. Default false.
.fsType
The file system on the disk, e.g. "ext4" (the default) or "xfs".
.initiatorName
A custom iSCSI initiator name. With iscsiInterface, a new interface named "<target portal>:<volume
name>" is created for the connection.
.iqn
The iSCSI Qualified Name of the target, e.g. "iqn.2001-04.com.example:storage.disk1". Required.
.iscsiInterface
The iSCSI interface (transport) to use. Default "default" (TCP).
.lun
The logical unit number of the disk on the target. Required.
.portals
Further target portals (IP or IP:port) tried when targetPortal fails. Port default 3260.
.readOnly
Mount read-only. Default false.
.secretRef
A Secret in the pod's namespace holding the CHAP credentials.
.targetPortal
The address of the target, as IP or IP:port; port default 3260. Required.

@io.k8s.api.core.v1.ImageVolumeSource
A volume holding the contents of an OCI image or artifact, pulled like a container image and mounted
read-only (files are not executable on Linux). Alpha in v1.32 (ImageVolume feature).
.pullPolicy
When the kubelet pulls the reference: "Always", "IfNotPresent" or "Never". Default Always for the
":latest" tag, IfNotPresent otherwise. The pod fails to start when the content is neither present
nor pullable.
.reference
The image or artifact to mount, written like a container image, e.g. "registry.example.com/data:v1".
Pulled with the same credentials as container images. Optional in the schema so that tools can fill
it in, but needed for the pod to run.

@io.k8s.api.core.v1.KeyToPath
Maps one key of a ConfigMap or Secret to a file in a volume.
.key
The key to read. Required.
.mode
The permission bits of this file, from 0000 to 0777 (octal in YAML, decimal in JSON). Not set: the
volume's defaultMode.
.path
The file's path relative to the volume's mount point, e.g. "config/app.yaml". Must not be absolute or
contain "..". Required.

@io.k8s.api.core.v1.Lifecycle
Actions run at two moments of a container's life: just after it starts and just before it is
stopped.
.postStart
Run right after the container is created, alongside its entrypoint (no ordering between them). If it
fails, the container is killed and restarted according to the restart policy.
.preStop
Run before the container is stopped by Kubernetes (pod deletion, failed liveness probe,
preemption, ...), not when it exits by itself. The pod's termination grace period keeps running
meanwhile; when it ends, the container is killed anyway.

@io.k8s.api.core.v1.LifecycleHandler
The action of a lifecycle hook. Set exactly one of exec, httpGet and sleep.
.exec
Run a command inside the container.
.httpGet
Send an HTTP GET request to the container.
.sleep
Wait for a number of seconds, e.g. to let load balancers stop sending traffic before shutdown.
.tcpSocket
Not supported as a hook action: accepted for backward compatibility, but such a hook fails when it
runs. Use exec, httpGet or sleep.

@io.k8s.api.core.v1.LimitRange
Per-namespace limits and defaults for the resources of containers, pods and PersistentVolumeClaims:
the admission step fills in default requests and limits and rejects objects outside min and max.
Applies to objects created after it.
.apiVersion
The API version of this object's schema: "v1" for LimitRange. Clients send it; the server checks it.
.kind
The kind of object: "LimitRange". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the LimitRange.
.spec
The limits and defaults it enforces.

@io.k8s.api.core.v1.LimitRangeItem
Limits and defaults for one kind of object, per resource name (cpu, memory, storage, ...).
.default
Limits given to containers that do not set their own (type Container only). Not set: max is used,
where given.
.defaultRequest
Requests given to containers that do not set their own (type Container only). Not set: the default
limits (or the container's own limits) are used as requests.
.max
The largest allowed value of each resource: limits (for containers and pods) or requested size (for
PersistentVolumeClaims) above it are rejected.
.maxLimitRequestRatio
The largest allowed ratio of limit to request for each resource, e.g. cpu "4" means a limit at most 4
times the request.
.min
The smallest allowed value of each resource: requests below it are rejected.
.type
What the item applies to: "Container", "Pod" (the sum over the pod's containers) or
"PersistentVolumeClaim". Required.

@io.k8s.api.core.v1.LimitRangeList
A list of LimitRange objects, as returned by the API server.
.apiVersion
The API version of this list's schema: "v1".
.items
The LimitRanges.
.kind
The kind of list: "LimitRangeList".
.metadata
Data about the list itself, such as its resourceVersion and the continue token for paging.

@io.k8s.api.core.v1.LimitRangeSpec
The limits of a LimitRange.
.limits
The limits and defaults, one item per type of object. Required.

@io.k8s.api.core.v1.LinuxContainerUser
The Linux identity of a container's first process, as the runtime reports it.
.gid
The primary group ID. Required.
.supplementalGroups
The supplementary group IDs of the process.
.uid
The user ID. Required.

@io.k8s.api.core.v1.LoadBalancerIngress
One entry point of a load balancer: an IP address or a host name. Filled in by the load balancer
implementation.
.hostname
The host name of the load balancer, for those that use DNS names (e.g. on AWS).
.ip
The IP address of the load balancer.
.ipMode
How traffic to ip arrives, allowed only with ip:
- VIP: at the node, still addressed to the load balancer's IP and port, so kube-proxy can route it
  directly.
- Proxy: already forwarded by the load balancer to a node or pod address and port.
.ports
The status of each of the Service's ports on this entry point.

@io.k8s.api.core.v1.LoadBalancerStatus
The state of a load balancer. Filled in by the system.
.ingress
The entry points (IP addresses or host names) of the load balancer. Empty while none has been
assigned.

@io.k8s.api.core.v1.LocalObjectReference
A reference by name to another object in the same namespace.
.name
The name of the object. Must not be empty in practice: an empty name matches nothing.

@io.k8s.api.core.v1.LocalVolumeSource
A disk, partition or directory of one node used as a persistent volume. The PersistentVolume must
carry nodeAffinity for that node, so pods using it are scheduled there.
.fsType
The file system to mount with, only when path is a block device, e.g. "ext4" or "xfs". Not set: it is
detected automatically.
.path
The full path of the directory or block device on the node. Required.

@io.k8s.api.core.v1.ModifyVolumeStatus
The progress of changing a volume to another VolumeAttributesClass (beta in v1.32, off by default).
Filled in by the system.
.status
The state of the change (more values may be added later):
- Pending: it cannot start yet, e.g. the VolumeAttributesClass does not exist.
- InProgress: the volume is being changed.
- Infeasible: the storage driver rejected the request; a valid class must be given.
.targetVolumeAttributesClassName
The VolumeAttributesClass the volume is being changed to.

@io.k8s.api.core.v1.NFSVolumeSource
A directory exported by an NFS server, mounted into the pod. Can be mounted by many pods and nodes at
once, read-write.
.path
The exported path on the server, e.g. "/exports/data". Required.
.readOnly
Mount read-only. Default false.
.server
The host name or IP address of the NFS server. Required.

@io.k8s.api.core.v1.Namespace
A named scope for objects: names must be unique within a namespace, and access rules, quotas and
limit ranges apply per namespace. Deleting a namespace deletes everything in it.
.apiVersion
The API version of this object's schema: "v1" for Namespace. Clients send it; the server checks it.
.kind
The kind of object: "Namespace". Clients send it; the server checks it.
.metadata
Name, labels and other identity data of the namespace. The name must be a DNS label (lower case
letters, digits and "-", at most 63 characters).
.spec
The namespace's finalizers.
.status
The namespace's phase and conditions. Read-only.

@io.k8s.api.core.v1.NamespaceCondition
One observation about a namespace, mostly about problems while it is being deleted.
.lastTransitionTime
When the condition last changed status.
.message
A human-readable explanation of the condition.
.reason
A short machine-readable reason for the condition's last change.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
The kind of condition: NamespaceDeletionDiscoveryFailure, NamespaceDeletionGroupVersionParsingFailure,
NamespaceDeletionContentFailure, NamespaceContentRemaining or NamespaceFinalizersRemaining. Required.

@io.k8s.api.core.v1.NamespaceList
A list of Namespace objects, as returned by the API server.
.apiVersion
The API version of this list's schema: "v1".
.items
The namespaces.
.kind
The kind of list: "NamespaceList".
.metadata
Data about the list itself, such as its resourceVersion and the continue token for paging.

@io.k8s.api.core.v1.NamespaceSpec
The desired state of a namespace.
.finalizers
Names of cleanups that must finish before the namespace is removed from storage; "kubernetes" (set
on creation) means its objects are deleted first. Changed only through the finalize subresource.

@io.k8s.api.core.v1.NamespaceStatus
The observed state of a namespace. Filled in by the system.
.conditions
The namespace's current conditions, mostly about deletion problems.
.phase
"Active" (in use) or "Terminating" (being deleted: no new objects may be created in it).

@io.k8s.api.core.v1.Node
A machine (virtual or physical) that runs pods. The kubelet on it registers the Node and reports its
status; the scheduler places pods on it.
.apiVersion
The API version of this object's schema: "v1" for Node. Clients send it; the server checks it.
.kind
The kind of object: "Node". Clients send it; the server checks it.
.metadata
Name, labels (such as kubernetes.io/hostname, topology.kubernetes.io/zone) and other identity data
of the node. Nodes are not namespaced.
.spec
How the node is configured for scheduling: taints, whether it is cordoned, its pod address range.
.status
What the kubelet reports: addresses, capacity, conditions, versions and images. Read-only for
users.

@io.k8s.api.core.v1.NodeAddress
One address of a node.
.address
The address itself, an IP address or a DNS name. Required.
.type
The kind of address: "Hostname", "InternalIP", "ExternalIP", "InternalDNS" or "ExternalDNS".
Required.

@io.k8s.api.core.v1.NodeAffinity
Rules about which nodes a pod may or should run on, by node labels (or fields).
.preferredDuringSchedulingIgnoredDuringExecution
Soft rules: the scheduler favors nodes that match them, adding each matching term's weight to the
node's score, but may still choose another node.
.requiredDuringSchedulingIgnoredDuringExecution
Hard rules: the pod is only scheduled on a node that matches. A pod already running stays when the
node stops matching.

@io.k8s.api.core.v1.NodeCondition
One observation about a node's health, reported by the kubelet (and node controllers).
.lastHeartbeatTime
When the condition was last reported.
.lastTransitionTime
When the condition last changed status.
.message
A human-readable explanation, e.g. "kubelet is posting ready status".
.reason
A short machine-readable reason, e.g. "KubeletReady".
.status
Whether the condition holds: "True", "False" or "Unknown" (the node stopped reporting). Required.
.type
The kind of condition: "Ready", "MemoryPressure", "DiskPressure", "PIDPressure" or
"NetworkUnavailable". Required.

@io.k8s.api.core.v1.NodeConfigSource
Where a node's kubelet configuration comes from, for the dynamic kubelet configuration feature, which
was removed in v1.24: this field has no effect any more.
.configMap
The ConfigMap holding the configuration.

@io.k8s.api.core.v1.NodeConfigStatus
The state of dynamic kubelet configuration on a node. That feature was removed in v1.24; this is no
longer filled in.
.active
The configuration the kubelet was running with.
.assigned
The configuration the node was asked to use.
.error
A problem met while applying the configuration.
.lastKnownGood
The configuration the kubelet falls back to when the assigned one fails.

@io.k8s.api.core.v1.NodeDaemonEndpoints
Ports of the daemons running on a node. Reported by the kubelet.
.kubeletEndpoint
The port the kubelet's API listens on (10250 by default).

@io.k8s.api.core.v1.NodeFeatures
Optional features the node's container runtime supports. Reported by the kubelet.
.supplementalGroupsPolicy
True when the runtime supports the pod-level supplementalGroupsPolicy setting and reports the
identity of container processes.

@io.k8s.api.core.v1.NodeList
A list of Node objects, as returned by the API server.
.apiVersion
The API version of this list's schema: "v1".
.items
The nodes.
.kind
The kind of list: "NodeList".
.metadata
Data about the list itself, such as its resourceVersion and the continue token for paging.

@io.k8s.api.core.v1.NodeRuntimeHandler
A runtime handler (a configuration of the container runtime, selected by a RuntimeClass) available on
a node. Reported by the kubelet.
.features
What this handler supports.
.name
The handler's name; "" stands for the default handler.

@io.k8s.api.core.v1.NodeRuntimeHandlerFeatures
Optional features a runtime handler supports.
.recursiveReadOnlyMounts
True when read-only mounts can be made recursively read-only.
.userNamespaces
True when pods can have their own user namespace (hostUsers: false), including for volumes.

@io.k8s.api.core.v1.NodeSelector
A choice of nodes: a node matches when it matches at least one of the terms.
.nodeSelectorTerms
The terms, combined with OR. Required; must not be empty.

@io.k8s.api.core.v1.NodeSelectorRequirement
A condition on a node label (or field): a key, an operator and values.
.key
The label key (or field name) to test, e.g. "topology.kubernetes.io/zone". Required.
.operator
How the node's value is compared with values. Required:
- In / NotIn: the value is / is not one of values.
- Exists / DoesNotExist: the key is present / absent; values must be empty.
- Gt / Lt: the value, read as an integer, is greater / less than the single entry of values.
.values
The values to compare with. Non-empty for In and NotIn, empty for Exists and DoesNotExist, one integer
for Gt and Lt.

@io.k8s.api.core.v1.NodeSelectorTerm
A set of requirements that must all hold. An empty term matches no node.
.matchExpressions
Requirements on the node's labels.
.matchFields
Requirements on the node's fields; only metadata.name is supported.

@io.k8s.api.core.v1.NodeSpec
How a node takes part in scheduling.
.configSource
Dynamic kubelet configuration source; the feature was removed in v1.24 and this field has no effect.
.externalID
Deprecated and unused; kept for compatibility.
.podCIDR
The IP range from which the node's pods get their addresses, e.g. "10.244.1.0/24". Usually assigned
by the controller manager; cannot be changed once set.
.podCIDRs
The pod IP ranges of the node: at most one IPv4 and one IPv6 range. The first equals podCIDR. Cannot
be changed once set.
.providerID
The node's ID at the cloud provider, as "<provider>://<id>". Set by the cloud controller manager.
.taints
Taints that repel pods: a pod is only scheduled here (or, with NoExecute, only keeps running here)
if it tolerates them.
.unschedulable
When true, no new pods are scheduled on the node; running pods stay (kubectl cordon / uncordon).
Default false.

@io.k8s.api.core.v1.NodeStatus
What is known about a node, reported by its kubelet and node controllers. Read-only for users.
.addresses
The node's addresses (host name, internal and external IPs).
.allocatable
The resources available to pods: capacity minus what is reserved for the system and the kubelet. The
scheduler uses these values.
.capacity
The node's total resources, e.g. cpu, memory, ephemeral-storage and pods (the pod count limit).
.conditions
The node's health conditions: Ready, MemoryPressure, DiskPressure, PIDPressure and others.
.config
The state of dynamic kubelet configuration; no longer used.
.daemonEndpoints
The ports of the daemons on the node, such as the kubelet's.
.features
Optional features the node's runtime supports.
.images
Container images present on the node, the largest first (at most 50 by default).
.nodeInfo
Versions and IDs of the machine and its software: kernel, OS, runtime, kubelet.
.phase
Deprecated and never filled in.
.runtimeHandlers
The runtime handlers available on the node and what they support.
.volumesAttached
Volumes attached to the node by the attach/detach controller.
.volumesInUse
Volumes the node has mounted or is about to mount (by their unique names).

@io.k8s.api.core.v1.NodeSystemInfo
Identifying facts about a node's machine and software. Reported by the kubelet.
.architecture
The CPU architecture as Go names it, e.g. "amd64" or "arm64".
.bootID
An ID that changes every time the node boots.
.containerRuntimeVersion
The container runtime and its version, e.g. "containerd://1.7.24".
.kernelVersion
The kernel version (uname -r), e.g. "6.8.0-45-generic".
.kubeProxyVersion
Deprecated: the kube-proxy version the node claims; not reliable.
.kubeletVersion
The kubelet version, e.g. "v1.32.0".
.machineID
The machine ID (from /etc/machine-id), unique per machine.
.operatingSystem
The operating system, "linux" or "windows".
.osImage
The name of the OS image, e.g. "Ubuntu 24.04.1 LTS".
.systemUUID
The machine's hardware (SMBIOS) UUID.
"""#,
]
