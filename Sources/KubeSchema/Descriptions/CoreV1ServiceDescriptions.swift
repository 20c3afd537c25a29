// Our descriptions of io.k8s.api.core.v1 Service types. Format: DescriptionCatalog.swift.
let coreV1ServiceDescriptions: [StaticString] = [
    #"""
@io.k8s.api.core.v1.Service
A stable network name and address in front of a changing set of pods (chosen by a label selector),
with load balancing across them. The type decides how it is reached: inside the cluster only, on a
port of every node, through an external load balancer, or as a DNS alias.
.apiVersion
The API version of this object's schema: "v1" for Service. Clients send it; the server checks it.
.kind
The kind of object: "Service". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data. The name becomes the service's DNS name
(<name>.<namespace>.svc).
.spec
The desired behavior: which pods receive traffic, on which ports, and how the service is exposed.
.status
What the cluster reports about the service, such as the load balancer's address. Set by controllers.

@io.k8s.api.core.v1.ServiceSpec
How a service selects its pods and exposes their ports.
.allocateLoadBalancerNodePorts
For type LoadBalancer: whether node ports are allocated as well. Default true. Set false only when the
load balancer sends traffic straight to pods.
.clusterIP
The virtual IP address inside the cluster. Empty: the server picks one. "None": a headless service,
whose DNS name resolves to the pod addresses directly. Cannot be changed after creation except to
switch to ExternalName, and is not used by ExternalName services.
.clusterIPs
The cluster IPs of the service, one per IP family (at most two, IPv4 and IPv6). The first entry always
equals clusterIP. Usually left to the server.
.externalIPs
Extra IP addresses, not managed by Kubernetes, on which the nodes also accept traffic for this service.
.externalName
For type ExternalName: the DNS name the service's name is an alias (CNAME) for, e.g.
"db.example.com". No proxying happens.
.externalTrafficPolicy
How traffic arriving from outside (node ports, load balancer) is routed:
- Cluster (default): to any ready pod, possibly on another node; the client source IP is hidden.
- Local: only to pods on the receiving node; keeps the client source IP.
.healthCheckNodePort
For type LoadBalancer with externalTrafficPolicy Local: the node port the load balancer probes to find
nodes with local pods. Allocated automatically when not set.
.internalTrafficPolicy
How traffic from inside the cluster is routed: "Cluster" (default, to any ready pod) or "Local" (only
to pods on the same node as the client; dropped if there are none).
.ipFamilies
The IP families (IPv4, IPv6) of the cluster IPs, in order. Usually derived from ipFamilyPolicy and the
cluster's configuration.
.ipFamilyPolicy
Whether the service gets one or two IP families: "SingleStack" (default), "PreferDualStack" (two when
the cluster supports it) or "RequireDualStack" (two, or fail).
.loadBalancerClass
For type LoadBalancer: which load balancer implementation handles the service. Empty uses the
cluster's default. Cannot be changed after it is set.
.loadBalancerIP
Deprecated: the address to request from the load balancer, when the provider supports it.
.loadBalancerSourceRanges
For type LoadBalancer: client IP ranges (CIDR, e.g. "10.0.0.0/8") allowed to connect, when the provider
supports it. Empty allows all.
.ports
The ports the service listens on and where each one forwards to. Each needs a unique port and protocol
pair; with more than one port each needs a name.
.publishNotReadyAddresses
When true, pods are listed in DNS and endpoints even before they are ready. Default false. Used by
stateful applications that must find their peers while starting.
.selector
Labels a pod must have to receive the service's traffic. When empty, no endpoints are managed
automatically (you provide them yourself). Ignored for type ExternalName.
.sessionAffinity
"ClientIP" sends all requests of one client IP to the same pod; "None" (default) balances each
connection independently.
.sessionAffinityConfig
Settings of session affinity, such as how long a client stays with the same pod.
.trafficDistribution
A hint on how to spread traffic across endpoints. "PreferClose" favors endpoints topologically close
to the client (same zone). Empty means no preference.
.type
How the service is exposed:
- ClusterIP (default): a virtual IP reachable only inside the cluster.
- NodePort: also a port (30000-32767 by default) on every node.
- LoadBalancer: also an external load balancer, when the cluster provides one.
- ExternalName: a DNS alias for externalName; no IP, no proxying.

@io.k8s.api.core.v1.ServiceStatus
What the cluster reports about a service.
.conditions
The current state of the service as a list of conditions (type, status, reason, message).
.loadBalancer
For type LoadBalancer: the addresses (IP or host name) of the provisioned load balancer. Empty until
one is ready.

@io.k8s.api.core.v1.ServicePort
One port of a service and the pod port its traffic goes to.
.appProtocol
The application protocol, as a hint for proxies and load balancers: a standard name (e.g. "http",
"https", "h2c") or a prefixed name such as "example.com/custom".
.name
The port's name, unique within the service; required when the service has more than one port. Lower
case letters, digits and "-", at most 63 characters.
.nodePort
For types NodePort and LoadBalancer: the port opened on every node. Picked from the node port range
(30000-32767 by default) when not set.
.port
The port the service listens on (1-65535). Required.
.protocol
The IP protocol: "TCP" (default), "UDP" or "SCTP".
.targetPort
The port on the pods that traffic is sent to: a number, or the name of a container port. Defaults to
the value of port.
"""#,
]
