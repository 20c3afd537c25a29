// Our descriptions of io.k8s.api.core.v1 Pod types. Format: DescriptionCatalog.swift.
let coreV1WorkloadDescriptions: [StaticString] = [
    #"""
@io.k8s.api.core.v1.Pod
The smallest unit that runs: one or more containers scheduled together on one node, sharing a
network address and volumes. Pods are usually created by controllers (Deployment, Job, ...) rather
than directly.
.apiVersion
The API version of this object's schema: "v1" for Pod. Clients send it; the server checks it.
.kind
The kind of object: "Pod". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the pod.
.spec
The desired pod: its containers, volumes, scheduling constraints and restart behavior. Most fields
cannot be changed once the pod exists.
.status
What the node and controllers report about the pod: phase, conditions, IP addresses and the state of
every container. Read-only for users.

@io.k8s.api.core.v1.PodSpec
What a pod runs and how it is scheduled and restarted.
.activeDeadlineSeconds
How long, in seconds since the pod started, it may run before the system stops it and marks it
Failed. Must be a positive number. Not set means no limit.
.affinity
Rules that attract the pod to, or keep it away from, certain nodes or other pods.
.automountServiceAccountToken
Whether the service account's API token is mounted into the containers. Not set: the service
account's own setting decides (which defaults to true).
.containers
The containers that run in the pod, all started together. At least one is required; names must be
unique. Cannot be added or removed after creation.
.dnsConfig
Extra DNS settings (name servers, search domains, resolver options) merged into the configuration
chosen by dnsPolicy.
.dnsPolicy
How DNS is set up for the pod:
- ClusterFirst (default): the cluster DNS first, then the node's upstream servers.
- ClusterFirstWithHostNet: the same for pods that use hostNetwork.
- Default: the node's own DNS settings.
- None: only what dnsConfig provides.
.enableServiceLinks
Whether environment variables describing the services of the namespace (Docker-links style) are added
to the containers. Default true.
.ephemeralContainers
Temporary containers added to a running pod for debugging (kubectl debug). Cannot be given on
create; they are never restarted.
.hostAliases
Extra lines (IP address and host names) added to the pod's /etc/hosts file.
.hostIPC
Use the node's IPC namespace. Default false.
.hostNetwork
Use the node's network namespace: the pod gets the node's IP address and its ports are opened on the
node. Default false. Container ports must then equal host ports.
.hostPID
Use the node's process ID namespace: the containers see every process of the node. Default false.
.hostUsers
Use the node's user namespace. Default true; false gives the pod its own user namespace, so that root
in a container is not root on the node.
.hostname
The pod's host name. Defaults to the pod's name (as the system chooses it).
.imagePullSecrets
Secrets, in the pod's namespace, holding registry credentials used to pull the container images.
.initContainers
Containers run one after the other before the main containers start; each must succeed before the
next one starts. If one fails, the pod's restartPolicy decides what happens. With restartPolicy
Always on an init container, it keeps running next to the main containers (a sidecar).
.nodeName
The node the pod runs on. Normally set by the scheduler; setting it yourself bypasses scheduling.
Cannot be changed once set.
.nodeSelector
Labels a node must have for the pod to be scheduled there, e.g. {"disktype": "ssd"}.
.os
The operating system the containers need ("linux" or "windows"). When set, fields that do not apply
to that system are rejected.
.overhead
Resources the pod uses beyond its containers (for the sandbox), added when scheduling and enforcing
quotas. Set automatically from the pod's RuntimeClass; do not set it yourself.
.preemptionPolicy
Whether the pod may evict lower-priority pods to get scheduled: "PreemptLowerPriority" (default) or
"Never". Usually set from the PriorityClass.
.priority
The pod's scheduling priority: higher numbers schedule first and may preempt lower ones. Filled in
from priorityClassName; do not set it yourself.
.priorityClassName
The PriorityClass that gives the pod its priority, e.g. "system-node-critical". Empty: the default
class, or priority zero.
.readinessGates
Extra conditions that must be True in status.conditions before the pod counts as ready.
.resourceClaims
Named claims for dynamically allocated resources (such as devices) that containers can use. Cannot be
changed after creation.
.resources
Resources for the pod as a whole, which its containers share. Only cpu and memory are supported;
needs the PodLevelResources feature.
.restartPolicy
What happens when a container exits: "Always" (default; restart it), "OnFailure" (restart only after
a non-zero exit code) or "Never". Restarts are delayed with exponential back-off (10s up to 5
minutes). Jobs allow only OnFailure and Never.
.runtimeClassName
The RuntimeClass (container runtime configuration) to run the pod with. Empty uses the default
runtime.
.schedulerName
The scheduler responsible for the pod. Default "default-scheduler".
.schedulingGates
While this list is not empty the pod is not scheduled. Entries can only be removed, and each one is
removed by whatever set it.
.securityContext
Security settings for every container of the pod (user and group IDs, file system group, seccomp,
sysctls). A container's own securityContext overrides them.
.serviceAccount
Deprecated alias of serviceAccountName.
.serviceAccountName
The service account the pod runs as, which decides its API permissions. Default "default".
.setHostnameAsFQDN
When true, the host name inside the containers is the fully qualified domain name instead of the
short name. Default false.
.shareProcessNamespace
When true, all containers of the pod share one process namespace: they see and can signal each
other's processes. Default false.
.subdomain
With a headless service of the same name, gives the pod the DNS name
<hostname>.<subdomain>.<namespace>.svc. Empty: no such name.
.terminationGracePeriodSeconds
Seconds between the stop signal (SIGTERM) and the forced kill (SIGKILL) when the pod is deleted.
Default 30. Zero means kill at once.
.tolerations
The taints of nodes that this pod accepts; a pod is only scheduled on (and kept on) nodes whose
taints it tolerates.
.topologySpreadConstraints
How to spread the pod and its siblings across zones, nodes or other topology domains.
.volumes
Storage the containers can mount: ConfigMaps, Secrets, empty directories, persistent volume claims and
more. Each has a name that volumeMounts refer to.

@io.k8s.api.core.v1.PodStatus
What the system reports about a pod. Read-only for users; may lag behind the real state.
.conditions
Whether the pod has reached milestones such as PodScheduled, Initialized, ContainersReady and Ready,
each with a status True, False or Unknown.
.containerStatuses
The state of each main container: waiting, running or terminated, restart count, image and readiness.
.ephemeralContainerStatuses
The state of each ephemeral (debugging) container.
.hostIP
The IP address of the node the pod is assigned to. Empty until the pod is scheduled and started.
.hostIPs
The node's IP addresses, one per IP family. The first equals hostIP.
.initContainerStatuses
The state of each init container.
.message
A human-readable explanation of the pod's current condition, if any.
.nominatedNodeName
The node where the scheduler made room for this pod by preempting others. The pod may still end up
elsewhere.
.phase
A summary of the pod's lifecycle:
- Pending: accepted, but not all containers are running yet (scheduling, pulling images).
- Running: bound to a node, with at least one container running or starting.
- Succeeded: all containers ended successfully and will not restart.
- Failed: all containers ended and at least one failed.
- Unknown: the pod's state could not be obtained.
.podIP
The IP address assigned to the pod. Empty until one is allocated.
.podIPs
The pod's IP addresses, one per IP family. The first equals podIP.
.qosClass
The quality-of-service class derived from the containers' requests and limits: "Guaranteed",
"Burstable" or "BestEffort". Decides which pods are evicted first when a node runs short.
.reason
A short CamelCase word for why the pod is in its state, e.g. "Evicted".
.resize
The state of an in-place resize of the containers' resources: "Proposed", "InProgress", "Deferred" or
"Infeasible"; empty when no resize is going on.
.resourceClaimStatuses
The names of the ResourceClaims generated for the pod's resourceClaims entries.
.startTime
When the node accepted the pod, before any image was pulled (RFC 3339).

@io.k8s.api.core.v1.Container
One container of a pod: the image to run, its command, environment, ports, resources and health
checks.
.args
Arguments passed to the entrypoint. Replace the image's CMD when set. $(VAR) refers to an environment
variable of the container; $$(VAR) keeps the text literally. Cannot be changed after creation.
.command
The entrypoint to run, replacing the image's ENTRYPOINT; not run in a shell. Not set: the image's
ENTRYPOINT. $(VAR) is expanded as in args. Cannot be changed after creation.
.env
Environment variables set in the container, either as literal values or taken from ConfigMaps,
Secrets, pod fields or resource values. They override variables from envFrom with the same name.
.envFrom
Sources (ConfigMaps, Secrets) whose every key becomes an environment variable, optionally with a
prefix. When a key appears in several sources, the last source wins.
.image
The container image to run, e.g. "nginx:1.27" or "registry.example.com/app@sha256:...". Without a tag,
":latest" is used.
.imagePullPolicy
When the kubelet pulls the image: "Always" (on every start), "IfNotPresent" (only when the node does
not have it) or "Never". Default Always for the ":latest" tag or no tag, IfNotPresent otherwise.
.lifecycle
Actions the kubelet runs right after the container starts (postStart) and just before it is stopped
(preStop).
.livenessProbe
A periodic health check; when it fails often enough the container is restarted. Not set: the
container is only restarted when it exits.
.name
The container's name, unique within the pod: lower case letters, digits and "-", at most 63
characters. Required; cannot be changed.
.ports
Ports the container listens on. Informational: a port not listed here is still reachable. Naming a
port lets services refer to it by name.
.readinessProbe
A periodic check of whether the container can serve traffic; while it fails the pod is taken out of
service endpoints. Not set: ready as soon as it runs.
.resizePolicy
How the container is resized in place when its cpu or memory resources change: restart it or not.
.resources
The compute resources (cpu, memory, ...) the container requests for scheduling and the limits it may
not exceed.
.restartPolicy
Only for init containers: "Always" makes it a sidecar that starts before the main containers and keeps
running next to them. Not set: follow the pod's restart policy.
.securityContext
Security settings of this container (user ID, privileges, capabilities, read-only root file system);
they override the pod's securityContext.
.startupProbe
A check that must succeed once before liveness and readiness probes start; when it keeps failing the
container is restarted. Useful for slow-starting applications.
.stdin
Keep a standard input open for the container (for attach). Default false: reads get end-of-file.
.stdinOnce
With stdin: close standard input after the first attached client disconnects. Default false.
.terminationMessagePath
The file in the container whose contents become the termination message shown in the container's
status. Default /dev/termination-log; at most 4096 bytes are read.
.terminationMessagePolicy
Where the termination message comes from: "File" (default, the terminationMessagePath file) or
"FallbackToLogsOnError" (the end of the log when that file is empty and the container failed).
.tty
Give the container a terminal; needs stdin too. Default false.
.volumeDevices
Raw block devices from the pod's volumes that the container can use, and their device paths.
.volumeMounts
Volumes of the pod mounted into the container's file system, each at a mountPath.
.workingDir
The directory the command starts in. Not set: the image's working directory.
"""#,
]
