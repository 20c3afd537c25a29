// Our descriptions of io.k8s.api.core.v1 types named D... to H... Format: DescriptionCatalog.swift.
let coreV1Part1bDescriptions: [StaticString] = [
    #"""
@io.k8s.api.core.v1.DaemonEndpoint
A port a daemon on the node listens on.
.Port
The port number, from 1 to 65535. Required.

@io.k8s.api.core.v1.DownwardAPIProjection
Fields of the pod (and resource values of its containers) written as files into a projected volume.
.items
The files to write, each with its path and the field or resource value it holds.

@io.k8s.api.core.v1.DownwardAPIVolumeFile
One file of a downward API volume: a path and the pod field or container resource it contains.
Set exactly one of fieldRef and resourceFieldRef.
.fieldRef
A field of the pod written to the file. Allowed: metadata.name, metadata.namespace, metadata.uid,
metadata.labels, metadata.annotations (the last two as key="value" lines, or one entry such as
metadata.labels['app']). Label and annotation files are updated when they change.
.mode
The permission bits of this file, from 0000 to 0777 (octal in YAML, decimal in JSON). Not set: the
volume's defaultMode.
.path
The file's path relative to the volume's mount point, e.g. "labels" or "info/name". Must not be
absolute or contain "..". Required.
.resourceFieldRef
A resource limit or request of a container written to the file, e.g. limits.memory. Only cpu, memory
and ephemeral-storage are supported.

@io.k8s.api.core.v1.DownwardAPIVolumeSource
A volume whose files hold information about the pod itself (its name, labels, annotations, resource
values), so that the application can read it without calling the API.
.defaultMode
The permission bits of the created files, from 0000 to 0777 (octal in YAML, decimal in JSON). Default
0644. A file's own mode overrides it.
.items
The files to write, each with its path and the field or resource value it holds.

@io.k8s.api.core.v1.EmptyDirVolumeSource
A scratch volume that starts empty when the pod is placed on a node and is deleted with the pod. Its
containers can share files through it; it survives container restarts.
.medium
Where the data is kept: "" (default; the node's disk or whatever backs the kubelet's directory) or
"Memory" (a tmpfs in RAM, counted against the container's memory).
.sizeLimit
The most the volume may hold, e.g. "500Mi"; beyond it the pod is evicted. For "Memory" the smaller of
this and the pod's memory limit applies. Not set: no limit of its own.

@io.k8s.api.core.v1.EndpointAddress
One network address of an endpoint, usually the IP address of a pod backing a Service.
.hostname
The host name of the endpoint, used for DNS records of headless services.
.ip
The endpoint's IP address (IPv4 or IPv6). Loopback, link-local and link-local multicast addresses
are not allowed. Required.
.nodeName
The node that hosts the endpoint, when known.
.targetRef
The object behind the address, usually a Pod.

@io.k8s.api.core.v1.EndpointPort
One port of an endpoint.
.appProtocol
The application protocol of the port, e.g. "http", "https" or a prefixed name like
"kubernetes.io/h2c". Copied from the Service port; informational for tools and proxies.
.name
The port's name, matching the name of a Service port. Required when there is more than one port.
.port
The port number, from 1 to 65535. Required.
.protocol
The protocol: "TCP" (default), "UDP" or "SCTP".

@io.k8s.api.core.v1.EndpointSubset
A group of addresses that all serve the same ports: every address listed is reachable on every port
listed.
.addresses
The addresses that are ready to receive traffic.
.notReadyAddresses
Addresses that are not ready yet (e.g. pods failing their readiness probe), or not ready any more.
Load balancers do not send traffic to them.
.ports
The ports served by the addresses of this subset.

@io.k8s.api.core.v1.Endpoints
The network addresses and ports behind a Service, named like the Service. For a Service with a
selector the endpoints controller keeps it up to date from the ready pods; for a Service without a
selector you write it yourself. Newer code reads EndpointSlices instead.
.apiVersion
The API version of this object's schema: "v1" for Endpoints. Clients send it; the server checks it.
.kind
The kind of object: "Endpoints". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the object. Its name is the Service's name.
.subsets
The groups of addresses and ports. Empty when no pod backs the Service.

@io.k8s.api.core.v1.EndpointsList
A list of Endpoints objects, as returned by the API server.
.apiVersion
The API version of this list's schema: "v1".
.items
The Endpoints objects.
.kind
The kind of list: "EndpointsList".
.metadata
Data about the list itself, such as its resourceVersion and the continue token for paging.

@io.k8s.api.core.v1.EnvFromSource
A ConfigMap or Secret whose keys all become environment variables of the container. Set one of
configMapRef and secretRef.
.configMapRef
The ConfigMap to read the variables from.
.prefix
Text put in front of every variable name taken from this source, e.g. "DB_".
.secretRef
The Secret to read the variables from.

@io.k8s.api.core.v1.EnvVar
One environment variable of a container: a literal value or one taken from elsewhere.
.name
The variable's name, e.g. "LOG_LEVEL". Required.
.value
The literal value. $(OTHER) is replaced by the value of a variable defined earlier in the list (or
left as is when there is none); $$(OTHER) keeps the text literally. Default "". Cannot be combined
with valueFrom.
.valueFrom
Take the value from a ConfigMap key, a Secret key, a field of the pod or a container resource value.
Cannot be combined with value.

@io.k8s.api.core.v1.EnvVarSource
Where an environment variable's value comes from. Set exactly one of the fields.
.configMapKeyRef
A key of a ConfigMap in the pod's namespace.
.fieldRef
A field of the pod: metadata.name, metadata.namespace, metadata.uid, metadata.labels['KEY'],
metadata.annotations['KEY'], spec.nodeName, spec.serviceAccountName, status.hostIP, status.hostIPs,
status.podIP or status.podIPs.
.resourceFieldRef
A resource limit or request of a container, e.g. limits.cpu or requests.memory.
.secretKeyRef
Selects one key of a Secret that lives in the pod's own namespace.

@io.k8s.api.core.v1.EphemeralContainer
A temporary container added to a running pod, typically for debugging (kubectl debug). It is never
restarted, gets no resources of its own, and cannot have ports, probes or lifecycle hooks. Ephemeral
containers are added through the pod's ephemeralcontainers subresource and cannot be removed.
.args
Arguments passed to the entrypoint, replacing the image's CMD. $(VAR) refers to an environment
variable; $$(VAR) keeps the text literally.
.command
The entrypoint to run, replacing the image's ENTRYPOINT; not run in a shell. $(VAR) is expanded as in
args.
.env
Environment variables set in the container.
.envFrom
ConfigMaps and Secrets whose every key becomes an environment variable.
.image
The container image to run, e.g. "busybox:1.36".
.imagePullPolicy
When the kubelet pulls the image: "Always", "IfNotPresent" or "Never". Default Always for the
":latest" tag or no tag, IfNotPresent otherwise.
.lifecycle
Not allowed for ephemeral containers.
.livenessProbe
Not allowed for ephemeral containers.
.name
The container's name, unique among all containers of the pod. Required.
.ports
Not allowed for ephemeral containers.
.readinessProbe
Not allowed for ephemeral containers.
.resizePolicy
Not allowed for ephemeral containers.
.resources
Not allowed for ephemeral containers: they use resources the pod already has.
.restartPolicy
Not allowed for ephemeral containers; they are never restarted.
.securityContext
Security settings of this container (user ID, privileges, capabilities); they override the pod's
securityContext.
.startupProbe
Not allowed for ephemeral containers.
.stdin
Keep a standard input open for the container (for attach). Default false.
.stdinOnce
With stdin: close standard input after the first attached client disconnects. Default false.
.targetContainerName
The name of a container of the pod whose process namespace this one joins, so that it can see and
debug that container's processes. Not set: the pod's own process namespace setting applies. Needs
runtime support.
.terminationMessagePath
The file whose contents become the termination message in the container's status. Default
/dev/termination-log.
.terminationMessagePolicy
Where the termination message comes from: "File" (default) or "FallbackToLogsOnError".
.tty
Give the container a terminal; needs stdin too. Default false.
.volumeDevices
Raw block devices from the pod's volumes that the container can use.
.volumeMounts
Volumes of the pod mounted into the container's file system. subPath mounts are not allowed.
.workingDir
The directory the command starts in. Not set: the image's working directory.

@io.k8s.api.core.v1.EphemeralVolumeSource
A volume backed by a PersistentVolumeClaim created just for this pod from a template. The claim is
named "<pod name>-<volume name>", is owned by the pod and is deleted with it, while still using normal
storage classes and provisioning.
.volumeClaimTemplate
The template of the claim to create: its labels, annotations and spec (storage class, access modes,
size). Required; the claim is created when the pod is.

@io.k8s.api.core.v1.Event
A record of something that happened to an object, e.g. a pod was scheduled, an image pulled or a
probe failed. Written by controllers and the kubelet, shown by kubectl describe and kubectl events.
Events are kept for a limited time (one hour by default).
.action
What was done or attempted about the object, e.g. "Scheduling" or "Binding" for scheduler events.
.apiVersion
The API version of this object's schema: "v1" for Event. Clients send it; the server checks it.
.count
How many times this event has happened (repeats are merged into one Event).
.eventTime
When the event was first seen, with microsecond precision. Set by newer reporters; older ones set
firstTimestamp instead.
.firstTimestamp
When the event was first recorded.
.involvedObject
The object the event is about, e.g. a Pod. Required.
.kind
The kind of object: "Event". Clients send it; the server checks it.
.lastTimestamp
When the event was last recorded.
.message
A human-readable description of what happened.
.metadata
Name, namespace and other identity data of the event. Required.
.reason
A short machine-readable reason in UpperCamelCase, e.g. "Scheduled", "Pulled", "BackOff",
"FailedMount".
.related
A second object involved, if any (e.g. the node of a scheduling event).
.reportingComponent
The component that reported the event, e.g. "kubelet" or "default-scheduler".
.reportingInstance
The instance of that component, e.g. the host name of the kubelet's node.
.series
Data about repeats of this event, for events that keep happening.
.source
The component and host that reported the event (older form of reportingComponent and
reportingInstance).
.type
"Normal" for routine happenings or "Warning" for problems.

@io.k8s.api.core.v1.EventList
A list of Event objects, as returned by the API server.
.apiVersion
The API version of this list's schema: "v1".
.items
The events.
.kind
The kind of list: "EventList".
.metadata
Data about the list itself, such as its resourceVersion and the continue token for paging.

@io.k8s.api.core.v1.EventSeries
A summary of an event that keeps repeating, so that the repeats need not be written one by one.
.count
How many times the event has happened so far.
.lastObservedTime
When the last repeat was seen, with microsecond precision.

@io.k8s.api.core.v1.EventSource
The component that reported an event.
.component
The reporting component, e.g. "kubelet" or "default-scheduler".
.host
The node the reporting component runs on.

@io.k8s.api.core.v1.ExecAction
A command run inside the container (for a probe or lifecycle hook). Exit code 0 means success.
.command
The command and its arguments. Not run in a shell: write ["sh", "-c", "..."] to use pipes or
variables. Runs in the container's root directory ("/").

@io.k8s.api.core.v1.FCVolumeSource
A Fibre Channel disk attached to the node and mounted into the pod. Identify it either by targetWWNs
and lun or by wwids.
.fsType
The file system on the disk, e.g. "ext4" (the default) or "xfs".
.lun
The logical unit number of the disk on the target.
.targetWWNs
The world wide names of the target ports.
.wwids
The world wide identifiers of the volume. Excludes targetWWNs and lun.
.readOnly
Mount read-only. Default false.

@io.k8s.api.core.v1.FlexPersistentVolumeSource
A persistent volume handled by a FlexVolume driver, an executable installed on every node.
Deprecated: use a CSI driver instead.
.driver
The name of the driver, e.g. "vendor/driver". Required.
.fsType
The file system to mount with, e.g. "ext4". Not set: the driver's default.
.options
Extra driver-specific options, as string keys and values.
.readOnly
Mount read-only. Default false.
.secretRef
A Secret (with namespace) passed to the driver, e.g. with credentials. Optional.

@io.k8s.api.core.v1.FlexVolumeSource
A volume handled by a FlexVolume driver, an executable installed on every node. Deprecated: use a CSI
driver instead.
.driver
The name of the driver, e.g. "vendor/driver". Required.
.fsType
The file system to mount with, e.g. "ext4". Not set: the driver's default.
.options
Extra driver-specific options, as string keys and values.
.readOnly
Mount read-only. Default false.
.secretRef
A Secret in the pod's namespace passed to the driver, e.g. with credentials. Optional.

@io.k8s.api.core.v1.FlockerVolumeSource
A Flocker dataset mounted into the pod. Deprecated: the Flocker plugin was removed in v1.25.
.datasetName
The name of the dataset (the older way to name it).
.datasetUUID
The UUID of the dataset, the preferred way to name it.

@io.k8s.api.core.v1.GCEPersistentDiskVolumeSource
A Google Compute Engine persistent disk attached to the node and mounted into the pod. The disk must
exist in the node's zone. Deprecated: such volumes are handed over to the GCE PD CSI driver
(pd.csi.storage.gke.io).
.fsType
The file system on the disk, e.g. "ext4" (the default) or "xfs".
.partition
The partition of the disk to mount, counting from 1. Not set or 0: the whole disk.
.pdName
The name of the persistent disk in GCE. Required.
.readOnly
Mount read-only. Default false.

@io.k8s.api.core.v1.GRPCAction
A probe that calls the standard gRPC health checking service of the container.
.port
The port of the gRPC server, from 1 to 65535. Required.
.service
The service name sent in the health check request. Default "": the server's overall health.

@io.k8s.api.core.v1.GitRepoVolumeSource
A volume holding a clone of a git repository, made when the pod starts. Deprecated: clone the
repository into an emptyDir volume with an init container instead.
.directory
Where to clone: "." clones into the volume's root; another name clones into that subdirectory. Not
set: a subdirectory named after the repository. Must not contain "..".
.repository
The URL of the repository to clone. Required.
.revision
The commit to check out. Not set: the default branch's latest commit.

@io.k8s.api.core.v1.GlusterfsPersistentVolumeSource
A GlusterFS volume used as a persistent volume. Deprecated: the in-tree GlusterFS plugin was removed
in v1.26.
.endpoints
The name of an Endpoints object listing the Gluster servers. Required.
.endpointsNamespace
The namespace of that Endpoints object. Not set: the namespace of the claim bound to the volume.
.path
The name of the Gluster volume. Required.
.readOnly
Mount read-only. Default false.

@io.k8s.api.core.v1.GlusterfsVolumeSource
A GlusterFS volume mounted into the pod. Deprecated: the in-tree GlusterFS plugin was removed in
v1.26.
.endpoints
The name of an Endpoints object, in the pod's namespace, listing the Gluster servers. Required.
.path
The name of the Gluster volume. Required.
.readOnly
Mount read-only. Default false.

@io.k8s.api.core.v1.HTTPGetAction
An HTTP GET request sent to the container (for a probe or lifecycle hook). For probes, a status code
from 200 to 399 means success.
.host
The host name or IP address to connect to. Not set: the pod's IP address. To send a different Host
header, set it in httpHeaders instead.
.httpHeaders
Extra headers sent with the request. Repeated names are allowed.
.path
The path of the request, e.g. "/healthz". Default "/".
.port
The port to connect to: a number from 1 to 65535, or the name of a container port. Required.
.scheme
"HTTP" (default) or "HTTPS". With HTTPS the certificate is not verified.

@io.k8s.api.core.v1.HTTPHeader
One HTTP header of a probe or hook request.
.name
The header name, e.g. "Host" or "Authorization". Required.
.value
The header value. Required.

@io.k8s.api.core.v1.HostAlias
An extra entry of the pod's /etc/hosts file.
.hostnames
The host names that resolve to ip.
.ip
The IP address the host names resolve to. Required.

@io.k8s.api.core.v1.HostIP
One IP address of the node a pod runs on. Filled in by the kubelet.
.ip
The IP address (IPv4 or IPv6). Required.

@io.k8s.api.core.v1.HostPathVolumeSource
A file or directory of the node mounted into the pod. The data stays on that node, so a pod moved to
another node sees different content. Gives access to the node's file system: a security risk, often
forbidden by policy.
.path
The path on the node, e.g. "/var/log". If it is a symbolic link, the link is followed. Required.
.type
What must exist at the path, checked before mounting:
- "" (default): no check.
- DirectoryOrCreate: a directory, created (mode 0755) if missing.
- Directory: an existing directory.
- FileOrCreate: a file, created empty (mode 0644) if missing.
- File: an existing file.
- Socket: an existing UNIX socket.
- CharDevice: an existing character device.
- BlockDevice: an existing block device.
"""#,
]
