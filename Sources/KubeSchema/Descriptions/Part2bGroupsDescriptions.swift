// Our descriptions of the policy/v1, node.k8s.io/v1, scheduling.k8s.io/v1, coordination.k8s.io,
// events.k8s.io/v1, discovery.k8s.io/v1 and certificates.k8s.io types. Format: DescriptionCatalog.swift.
let part2bGroupsDescriptions: [StaticString] = [
    #"""
@io.k8s.api.policy.v1.Eviction
A request to evict one pod: posted to the pod's eviction subresource, it deletes the pod only if
no PodDisruptionBudget forbids it (kubectl drain uses it). Otherwise the request fails with 429 Too
Many Requests.
.apiVersion
The API version of this object's schema: "policy/v1" for Eviction. Clients send it; the server checks
it.
.deleteOptions
Options for the deletion, such as a grace period or preconditions.
.kind
The kind of object: "Eviction". Clients send it; the server checks it.
.metadata
The name and namespace of the pod to evict.

@io.k8s.api.policy.v1.PodDisruptionBudget
Limits how many pods of a set may be down at once through voluntary disruptions (evictions, such as
during kubectl drain). Pods failing on their own are not prevented.
.apiVersion
The API version of this object's schema: "policy/v1" for PodDisruptionBudget. Clients send it; the
server checks it.
.kind
The kind of object: "PodDisruptionBudget". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the budget.
.spec
Which pods are protected and how many must stay available.
.status
How many pods are healthy and how many evictions are allowed right now. Set by the disruption
controller.

@io.k8s.api.policy.v1.PodDisruptionBudgetList
A list of pod disruption budgets, as returned when listing them.
.apiVersion
The API version of this list's schema: "policy/v1".
.items
The pod disruption budgets.
.kind
The kind of list: "PodDisruptionBudgetList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.policy.v1.PodDisruptionBudgetSpec
The pods a budget protects and the availability it requires. Give either minAvailable or
maxUnavailable, not both.
.maxUnavailable
The most pods that may be unavailable after an eviction: a number, or a percentage of the expected
pods such as "25%". Zero blocks all evictions.
.minAvailable
The fewest pods that must stay available after an eviction: a number, or a percentage of the
expected pods such as "50%".
.selector
Which pods the budget covers, in its namespace. An empty selector ({}) selects every pod of the
namespace; not set selects none.
.unhealthyPodEvictionPolicy
When running pods that are not ready may be evicted:
- IfHealthyBudget (default): only while the budget is not disrupted (enough healthy pods).
- AlwaysAllow: always, regardless of the budget; helps drains finish when pods are stuck unready.

@io.k8s.api.policy.v1.PodDisruptionBudgetStatus
The budget's current accounting. Set by the disruption controller; may lag behind.
.conditions
Observed conditions, such as DisruptionAllowed, which is True while evictions are permitted.
.currentHealthy
How many selected pods are currently healthy (ready). Required.
.desiredHealthy
How many healthy pods the budget requires at least. Required.
.disruptedPods
Pods whose eviction the API server accepted but which the controller has not yet seen deleted, with
the time of each eviction. Entries are dropped after about two minutes if the pod is still there.
.disruptionsAllowed
How many pods may be evicted right now. Required.
.expectedPods
How many pods the budget counts in total (from the controllers owning them). Required.
.observedGeneration
The metadata.generation of the budget the controller last acted on.

@io.k8s.api.node.v1.Overhead
The extra resources a pod of a RuntimeClass uses, beyond its containers' requests.
.podFixed
The fixed amount added per pod, e.g. {"cpu": "250m", "memory": "120Mi"}. Counted when scheduling,
in quotas and in the pod's cgroup limits.

@io.k8s.api.node.v1.RuntimeClass
A container runtime configuration that pods can select with runtimeClassName, e.g. a sandboxed
runtime such as gVisor or Kata. Cluster-scoped.
.apiVersion
The API version of this object's schema: "node.k8s.io/v1" for RuntimeClass. Clients send it; the
server checks it.
.handler
The name of the runtime configuration in the container runtime (CRI) on the nodes, e.g. "runc" or
"runsc". A DNS label. Required; cannot be changed.
.kind
The kind of object: "RuntimeClass". Clients send it; the server checks it.
.metadata
Name, labels and other identity data. The name is what pods give as runtimeClassName.
.overhead
Extra resources every pod of this class uses for its sandbox. Copied into the pod's spec.overhead on
creation.
.scheduling
Constraints that keep pods of this class on nodes supporting the runtime. Not set: every node is
assumed to support it.

@io.k8s.api.node.v1.RuntimeClassList
A list of runtime classes, as returned when listing them.
.apiVersion
The API version of this list's schema: "node.k8s.io/v1".
.items
The runtime classes.
.kind
The kind of list: "RuntimeClassList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.node.v1.Scheduling
Where pods of a RuntimeClass may be scheduled.
.nodeSelector
Labels a node must have; merged into each pod's nodeSelector on admission. A pod whose own selector
conflicts is rejected.
.tolerations
Tolerations added to each pod of this class, so it can run on nodes tainted for the runtime.

@io.k8s.api.scheduling.v1.PriorityClass
A named priority for pods: pods that name it in priorityClassName get its value, which orders them
in the scheduling queue and decides who may preempt whom. Cluster-scoped.
.apiVersion
The API version of this object's schema: "scheduling.k8s.io/v1" for PriorityClass. Clients send it;
the server checks it.
.description
Free text for people, saying when to use this class.
.globalDefault
When true, pods created without a priorityClassName get this class. Only one class may be the
default; pods that already exist are not changed. Default false.
.kind
The kind of object: "PriorityClass". Clients send it; the server checks it.
.metadata
Name, labels and other identity data. Names starting with "system-" are reserved.
.preemptionPolicy
Whether pods of this class may evict lower-priority pods to get scheduled: "PreemptLowerPriority"
(default) or "Never".
.value
The priority: a higher number means more important. User classes may use up to 1000000000; larger
values are reserved for system classes (system-cluster-critical, system-node-critical). Required;
cannot be changed.

@io.k8s.api.scheduling.v1.PriorityClassList
A list of priority classes, as returned when listing them.
.apiVersion
The API version of this list's schema: "scheduling.k8s.io/v1".
.items
The priority classes.
.kind
The kind of list: "PriorityClassList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.coordination.v1.Lease
A lightweight lock with a holder and an expiry. Used for leader election among controller replicas
(in kube-system) and for node heartbeats (one per node, in kube-node-lease).
.apiVersion
The API version of this object's schema: "coordination.k8s.io/v1" for Lease. Clients send it; the
server checks it.
.kind
The kind of object: "Lease". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the lease.
.spec
Who holds the lease and until when.

@io.k8s.api.coordination.v1.LeaseList
A list of leases, as returned when listing them.
.apiVersion
The API version of this list's schema: "coordination.k8s.io/v1".
.items
The leases.
.kind
The kind of list: "LeaseList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.coordination.v1.LeaseSpec
The state of a lease, written by its holder and by those who want it.
.acquireTime
When the current holder took the lease (microsecond precision).
.holderIdentity
Who holds the lease, e.g. a node name or a controller instance ID. Empty: nobody.
.leaseDurationSeconds
How many seconds after renewTime others must wait before they may take the lease over.
.leaseTransitions
How many times the lease has changed holders.
.preferredHolder
The identity that should take the lease next; the current holder is expected to release it. Set
by coordinated leader election (alpha in v1.32); needs strategy.
.renewTime
When the holder last renewed the lease (microsecond precision).
.strategy
How coordinated leader election picks the holder, e.g. "OldestEmulationVersion". Alpha in v1.32.

@io.k8s.api.coordination.v1alpha2.LeaseCandidate
Announces that a component instance wants to hold a Lease, for coordinated leader election, which
then picks the best candidate. Alpha in v1.32 and off by default.
.apiVersion
The API version of this object's schema: "coordination.k8s.io/v1alpha2" for LeaseCandidate. Clients
send it; the server checks it.
.kind
The kind of object: "LeaseCandidate". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the candidate.
.spec
The lease wanted, the candidate's versions and its latest heartbeat.

@io.k8s.api.coordination.v1alpha2.LeaseCandidateList
A list of lease candidates, as returned when listing them.
.apiVersion
The API version of this list's schema: "coordination.k8s.io/v1alpha2".
.items
The lease candidates.
.kind
The kind of list: "LeaseCandidateList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.coordination.v1alpha2.LeaseCandidateSpec
What a candidate offers for leader election.
.binaryVersion
The version of the candidate's binary, e.g. "1.32.0". Required.
.emulationVersion
The Kubernetes version the candidate behaves as; must not be newer than binaryVersion. Needed by the
OldestEmulationVersion strategy.
.leaseName
The name of the Lease, in the same namespace, that the candidate wants to hold. Required; cannot be
changed.
.pingTime
When the election controller last asked the candidate to renew (by updating this field).
.renewTime
When the candidate last renewed; candidates that stop renewing are dropped.
.strategy
How the holder is chosen among candidates, e.g. "OldestEmulationVersion". All candidates of one
lease should agree. Required.

@io.k8s.api.events.v1.Event
A report that something happened to an object (a pod was scheduled, an image pull failed, ...),
written by the component that saw it. The same events as core/v1 Event, with clearer field names.
Events are short-lived: by default they are deleted after one hour.
.action
What the reporting component did or failed to do, e.g. "Binding" or "Pulling". At most 128
characters.
.apiVersion
The API version of this object's schema: "events.k8s.io/v1" for Event. Clients send it; the server
checks it.
.deprecatedCount
The repeat count of a core/v1 event, kept for compatibility. Do not set in new events.
.deprecatedFirstTimestamp
When a core/v1 event was first seen, kept for compatibility. Do not set in new events.
.deprecatedLastTimestamp
When a core/v1 event was last seen, kept for compatibility. Do not set in new events.
.deprecatedSource
The source of a core/v1 event, kept for compatibility. Do not set in new events.
.eventTime
When the event first happened, with microsecond precision. Required.
.kind
The kind of object: "Event". Clients send it; the server checks it.
.metadata
Name, namespace and other identity data of the event; the namespace is normally that of the object
it is about.
.note
A human-readable description of what happened. At most 1 KB.
.reason
A short CamelCase word for why the action was taken, e.g. "Scheduled" or "FailedMount". At most 128
characters.
.regarding
The object the event is about, e.g. a pod (a container is named through fieldPath).
.related
A second object involved, e.g. the node a pod was bound to.
.reportingController
The component that emitted the event, e.g. "kubelet" or "default-scheduler". Cannot be changed.
.reportingInstance
The instance of that component, e.g. "kubelet-node1". Cannot be changed.
.series
Set when the same event happens repeatedly: how many times and when last, instead of a new event
each time. Not set for a single occurrence.
.type
"Normal" for routine happenings or "Warning" for problems.

@io.k8s.api.events.v1.EventList
A list of events, as returned when listing them.
.apiVersion
The API version of this list's schema: "events.k8s.io/v1".
.items
The events.
.kind
The kind of list: "EventList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.events.v1.EventSeries
How often an event has repeated. Updated periodically by the reporter, not on every occurrence.
.count
How many times the event has happened so far. Required.
.lastObservedTime
When the event last happened (microsecond precision). Required.

@io.k8s.api.discovery.v1.Endpoint
One backend of a service in an EndpointSlice, usually a pod.
.addresses
The endpoint's addresses, of the slice's addressType. Consumers use the first one. At least one and
at most 100. Required.
.conditions
Whether the endpoint is ready, serving and terminating.
.deprecatedTopology
Topology labels copied from the node, kept for compatibility with v1beta1. Set by the system; use
nodeName and zone instead.
.hints
Hints for topology-aware routing: which zones should send traffic to this endpoint.
.hostname
The endpoint's host name, for DNS records of headless services. A DNS label.
.nodeName
The node that hosts the endpoint.
.targetRef
The object the endpoint stands for, usually a pod.
.zone
The zone the endpoint is in, from the node's topology.kubernetes.io/zone label.

@io.k8s.api.discovery.v1.EndpointConditions
The state of one endpoint. Not set fields are "unknown", which consumers treat as true for ready
and serving.
.ready
Whether the endpoint should receive traffic: it is serving and not terminating. Services with
publishNotReadyAddresses mark endpoints ready regardless.
.serving
Whether the endpoint can handle traffic (its readiness probe passes), whether or not it is
terminating.
.terminating
Whether the endpoint is shutting down (the pod has a deletion timestamp).

@io.k8s.api.discovery.v1.EndpointHints
Routing hints for one endpoint, set by the EndpointSlice controller.
.forZones
The zones whose clients should be routed to this endpoint.

@io.k8s.api.discovery.v1.EndpointPort
One port that the endpoints of a slice listen on.
.appProtocol
The application protocol on the port, e.g. "http", "kubernetes.io/h2c" or a domain-prefixed name
such as "example.com/proto". Copied from the service port.
.name
The port's name, matching the service port's name. Empty only when the slice has a single port.
.port
The port number. Not set: the ports are not restricted, and consumers decide.
.protocol
"TCP" (default), "UDP" or "SCTP".

@io.k8s.api.discovery.v1.EndpointSlice
A part of the set of network endpoints (addresses and ports) behind a service, kept by the
EndpointSlice controller from the pods the service selects. The label kubernetes.io/service-name
names the service; a large service uses several slices.
.addressType
The kind of address in this slice: "IPv4", "IPv6" or "FQDN". Required; cannot be changed.
.apiVersion
The API version of this object's schema: "discovery.k8s.io/v1" for EndpointSlice. Clients send it;
the server checks it.
.endpoints
The endpoints of the slice, at most 1000. Required (may be empty).
.kind
The kind of object: "EndpointSlice". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the slice.
.ports
The ports every endpoint of the slice listens on, at most 100. Empty: no ports are defined.

@io.k8s.api.discovery.v1.EndpointSliceList
A list of endpoint slices, as returned when listing them.
.apiVersion
The API version of this list's schema: "discovery.k8s.io/v1".
.items
The endpoint slices.
.kind
The kind of list: "EndpointSliceList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.discovery.v1.ForZone
A zone that should use an endpoint.
.name
The zone's name, e.g. "us-east-1a". Required.

@io.k8s.api.certificates.v1.CertificateSigningRequest
A request for an X.509 certificate: a PEM certificate request and the signer that should sign it.
Once approved (kubectl certificate approve), the signer puts the certificate in the status.
Cluster-scoped.
.apiVersion
The API version of this object's schema: "certificates.k8s.io/v1" for CertificateSigningRequest.
Clients send it; the server checks it.
.kind
The kind of object: "CertificateSigningRequest". Clients send it; the server checks it.
.metadata
Name, labels and other identity data of the request.
.spec
The certificate request and who made it. Cannot be changed after creation. Required.
.status
Approval conditions and the issued certificate.

@io.k8s.api.certificates.v1.CertificateSigningRequestCondition
One condition of a certificate request: approved, denied or failed.
.lastTransitionTime
When the condition's status last changed.
.lastUpdateTime
When the condition was last updated.
.message
A human-readable explanation, e.g. why the request was denied.
.reason
A short CamelCase word for why the condition is in its state.
.status
Whether the condition holds: "True", "False" or "Unknown". Approved and Denied are always "True".
Required.
.type
"Approved" or "Denied" (set through the approval subresource; they exclude each other) or "Failed"
(set by the signer through the status subresource). Required.

@io.k8s.api.certificates.v1.CertificateSigningRequestList
A list of certificate signing requests, as returned when listing them.
.apiVersion
The API version of this list's schema: "certificates.k8s.io/v1".
.items
The certificate signing requests.
.kind
The kind of list: "CertificateSigningRequestList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.certificates.v1.CertificateSigningRequestSpec
The certificate asked for. The identity fields (username, uid, groups, extra) are filled in by the
API server from the requester and cannot be set.
.expirationSeconds
How long the certificate should be valid, in seconds. At least 600. The signer may issue a shorter
or longer one; not set means the signer's default.
.extra
Extra attributes of the user who created the request. Set by the API server.
.groups
The groups of the user who created the request. Set by the API server.
.request
The PEM-encoded PKCS#10 certificate request ("CERTIFICATE REQUEST" block); base64-encoded again in
JSON and YAML. Required.
.signerName
Who should sign it, e.g. "kubernetes.io/kube-apiserver-client" (client certificates for the API
server), "kubernetes.io/kube-apiserver-client-kubelet" or "kubernetes.io/kubelet-serving", or a
custom "example.com/signer". Required.
.uid
The UID of the user who created the request. Set by the API server.
.usages
The key usages asked for, e.g. "digital signature", "key encipherment", "client auth" or "server
auth". Built-in signers require particular ones.
.username
The name of the user who created the request. Set by the API server.

@io.k8s.api.certificates.v1.CertificateSigningRequestStatus
What happened to a certificate request: approval and the issued certificate.
.certificate
The issued certificate, PEM-encoded (base64 again in JSON and YAML). Written by the signer after
approval, through the status subresource; empty until then.
.conditions
Approved, Denied or Failed conditions of the request.

@io.k8s.api.certificates.v1alpha1.ClusterTrustBundle
A set of trusted X.509 CA certificates published for the cluster, which pods can mount through a
projected volume. Alpha in v1.32 and off by default. Cluster-scoped.
.apiVersion
The API version of this object's schema: "certificates.k8s.io/v1alpha1" for ClusterTrustBundle.
Clients send it; the server checks it.
.kind
The kind of object: "ClusterTrustBundle". Clients send it; the server checks it.
.metadata
Name, labels and other identity data. With a signerName, the name must start with the signer name
with "/" replaced by ":", then ":".
.spec
The signer and the certificates. Required.

@io.k8s.api.certificates.v1alpha1.ClusterTrustBundleList
A list of cluster trust bundles, as returned when listing them.
.apiVersion
The API version of this list's schema: "certificates.k8s.io/v1alpha1".
.items
The cluster trust bundles.
.kind
The kind of list: "ClusterTrustBundleList".
.metadata
Data about the list itself: its resourceVersion and, when paging, the continue token.

@io.k8s.api.certificates.v1alpha1.ClusterTrustBundleSpec
The certificates of a trust bundle.
.signerName
The signer whose trust anchors these are, e.g. "example.com/my-signer". Writing a bundle with a
signer needs the "attest" permission on that signer. Empty: a bundle not tied to any signer. Cannot be
changed.
.trustBundle
One or more PEM "CERTIFICATE" blocks, the trusted CA certificates. Required.
"""#,
]
