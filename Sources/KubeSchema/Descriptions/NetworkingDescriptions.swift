// Our descriptions of io.k8s.api.networking.v1 and v1beta1 types (Ingress, IngressClass,
// NetworkPolicy, IPAddress, ServiceCIDR). Format: DescriptionCatalog.swift.
let networkingDescriptions: [StaticString] = [
    #"""
@io.k8s.api.networking.v1.Ingress
Routes HTTP and HTTPS traffic from outside the cluster to services, by host name and URL path. An
ingress controller (nginx, Traefik, a cloud load balancer, ...) must run in the cluster to act on it.
.apiVersion
The API version of this object's schema: "networking.k8s.io/v1" for Ingress. Clients send it; the
server checks it.
.kind
The kind of object: "Ingress". Clients send it; the server checks it.
.metadata
Name, namespace, labels and annotations (many controllers read settings from annotations).
.spec
The routing rules, TLS settings and the controller class that should handle the ingress.
.status
The addresses the ingress is reachable at, filled in by the ingress controller. Read-only for users.

@io.k8s.api.networking.v1.IngressSpec
How an ingress routes requests.
.defaultBackend
Where requests go that match no rule. Not set: the controller's own default (often a 404 page).
.ingressClassName
The IngressClass whose controller handles this ingress. Not set: the class marked as default, if any.
Replaces the old kubernetes.io/ingress.class annotation.
.rules
Host and path rules, checked to route each request. An ingress without rules sends everything to
defaultBackend.
.tls
Host names served over HTTPS and the secret holding their certificate. TLS ends at the ingress
controller.

@io.k8s.api.networking.v1.IngressStatus
The observed state of an ingress. Read-only.
.loadBalancer
The addresses the ingress controller exposes the ingress at.

@io.k8s.api.networking.v1.IngressLoadBalancerStatus
Where an ingress can be reached.
.ingress
The IP addresses or host names of the load balancer.

@io.k8s.api.networking.v1.IngressLoadBalancerIngress
One address of an ingress's load balancer.
.hostname
A DNS name of the load balancer (typical for cloud load balancers).
.ip
An IP address of the load balancer.
.ports
The state of individual ports of this address.

@io.k8s.api.networking.v1.IngressPortStatus
The state of one port of an ingress's load balancer.
.error
Why the port is not working, as a CamelCase reason or "domain/reason"; empty when it works.
.port
The port number. Required.
.protocol
The port's protocol: "TCP", "UDP" or "SCTP". Required.

@io.k8s.api.networking.v1.IngressRule
Routes requests for one host (or for all hosts) by path.
.host
The host name the rule applies to, e.g. "shop.example.com", matched against the request's Host
header. A leading "*." matches exactly one DNS label ("*.example.com"). No IP addresses or ports.
Not set: the rule applies to every host.
.http
The paths of the host and the backend of each.

@io.k8s.api.networking.v1.HTTPIngressRuleValue
The path rules of one host.
.paths
Paths mapped to backends; a request goes to the backend of the best matching path. Required.

@io.k8s.api.networking.v1.HTTPIngressPath
One path of a host and the backend that serves it.
.backend
Where matching requests are sent. Required.
.path
The URL path to match, starting with "/". Not set: matches every path.
.pathType
How path is compared with the request's path. Required.
- Exact: the paths must be equal (case-sensitive).
- Prefix: matches element by element on "/" boundaries, so "/foo" matches "/foo" and "/foo/bar" but
not "/foobar".
- ImplementationSpecific: the ingress controller decides.

@io.k8s.api.networking.v1.IngressBackend
Where an ingress sends requests: a service or another resource (exactly one).
.resource
Another object in the same namespace, e.g. a storage bucket of the controller's own kind. Cannot be
combined with service.
.service
A service in the same namespace and one of its ports.

@io.k8s.api.networking.v1.IngressServiceBackend
A service that receives an ingress's requests.
.name
The name of the service, in the ingress's namespace. Required.
.port
The port of the service, by number or by name.

@io.k8s.api.networking.v1.ServiceBackendPort
A port of a service, given by name or by number (exactly one).
.name
The name of the service port.
.number
The number of the service port (1-65535).

@io.k8s.api.networking.v1.IngressTLS
HTTPS settings for a set of hosts.
.hosts
The host names the certificate covers; they should match the rules' hosts. Not set: the controller's
default host.
.secretName
The kubernetes.io/tls Secret, in the ingress's namespace, with the certificate and key. Not set: the
controller may use a default certificate, or route by SNI only.

@io.k8s.api.networking.v1.IngressClass
Names an ingress controller and its settings. Ingresses pick a class with ingressClassName; the
annotation ingressclass.kubernetes.io/is-default-class: "true" makes a class the default for ingresses
that name none. Cluster-scoped.
.apiVersion
The API version of this object's schema: "networking.k8s.io/v1" for IngressClass. Clients send it;
the server checks it.
.kind
The kind of object: "IngressClass". Clients send it; the server checks it.
.metadata
Name, labels and annotations of the class.
.spec
The controller that implements the class and its parameters.

@io.k8s.api.networking.v1.IngressClassSpec
Which controller implements an ingress class.
.controller
The name of the controller, as a domain-prefixed path such as "k8s.io/ingress-nginx". Controllers
watch for classes with their name. Cannot be changed.
.parameters
An object with further settings for the controller; its kind is controller-specific.

@io.k8s.api.networking.v1.IngressClassParametersReference
Points to an object holding settings of an ingress class.
.apiGroup
The API group of the object; not set means the core group.
.kind
The kind of the object. Required.
.name
The name of the object. Required.
.namespace
The namespace of the object; required when scope is "Namespace", not allowed when "Cluster".
.scope
"Cluster" (default; the object is cluster-scoped) or "Namespace".

@io.k8s.api.networking.v1.NetworkPolicy
A firewall rule set for pods: once a policy selects a pod, only the traffic its rules allow may reach
(ingress) or leave (egress) the pod. Enforced by the network plugin; without a plugin that supports
it, policies have no effect.
.apiVersion
The API version of this object's schema: "networking.k8s.io/v1" for NetworkPolicy. Clients send it;
the server checks it.
.kind
The kind of object: "NetworkPolicy". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the policy.
.spec
Which pods the policy applies to and which traffic it allows.

@io.k8s.api.networking.v1.NetworkPolicySpec
The pods a network policy selects and the traffic it allows. Policies add up: traffic is allowed when
any policy that selects the pod allows it.
.egress
Rules for traffic leaving the selected pods. With Egress in policyTypes and no rules, all outgoing
traffic is blocked.
.ingress
Rules for traffic reaching the selected pods. With Ingress in policyTypes and no rules, all incoming
traffic is blocked.
.podSelector
Which pods in the policy's namespace the policy applies to. Required; an empty selector ({}) selects
every pod of the namespace.
.policyTypes
Which directions the policy restricts: "Ingress", "Egress" or both. Not set: Ingress, plus Egress when
egress rules are given.

@io.k8s.api.networking.v1.NetworkPolicyIngressRule
Incoming traffic allowed to the selected pods: from the given peers to the given ports.
.from
Where traffic may come from; any peer in the list is enough. Empty or not set: from anywhere.
.ports
Which ports of the selected pods may be reached. Empty or not set: all ports.

@io.k8s.api.networking.v1.NetworkPolicyEgressRule
Outgoing traffic allowed from the selected pods: to the given peers on the given ports.
.ports
Which destination ports may be used. Empty or not set: all ports.
.to
Where traffic may go; any peer in the list is enough. Empty or not set: anywhere.

@io.k8s.api.networking.v1.NetworkPolicyPeer
A source or destination of traffic: pods, namespaces, or an IP range. podSelector and
namespaceSelector together select the matching pods in the matching namespaces.
.ipBlock
An IP range (CIDR). Meant for addresses outside the cluster, since pod IPs change. Cannot be combined
with the selectors.
.namespaceSelector
Namespaces whose pods match; {} means all namespaces. Alone, it selects every pod of those
namespaces.
.podSelector
Pods that match; alone it means pods in the policy's own namespace. {} means all pods.

@io.k8s.api.networking.v1.NetworkPolicyPort
A port, or range of ports, that traffic may use.
.endPort
The last port of a range starting at port; port must then be a number and not greater.
.port
The port, by number or by the name of a container port. Not set: every port.
.protocol
"TCP" (default), "UDP" or "SCTP".

@io.k8s.api.networking.v1.IPBlock
An IP range allowed by a network policy, with optional holes.
.cidr
The range in CIDR notation, e.g. "10.0.0.0/16" or "2001:db8::/64". Required.
.except
Ranges inside cidr that are not allowed, e.g. "10.0.5.0/24".

@io.k8s.api.networking.v1beta1.IPAddress
Records that one IP address is in use, by a Service's cluster IP for example, so that two objects
never get the same address. Created by the API server; the name is the address itself. Beta; used
when the MultiCIDRServiceAllocator feature is enabled.
.apiVersion
The API version of this object's schema: "networking.k8s.io/v1beta1" for IPAddress.
.kind
The kind of object: "IPAddress".
.metadata
The name (the IP address in canonical form), labels and other identity data.
.spec
The object the address belongs to.

@io.k8s.api.networking.v1beta1.IPAddressSpec
Who uses an IP address.
.parentRef
The object (usually a Service) that holds the address. Required; cannot be changed.

@io.k8s.api.networking.v1beta1.ParentReference
Points to the object that uses an IP address.
.group
The API group of the object; empty for the core group.
.name
The name of the object. Required.
.namespace
The namespace of the object; empty for cluster-scoped objects.
.resource
The resource (plural name) of the object, e.g. "services". Required.

@io.k8s.api.networking.v1beta1.ServiceCIDR
An IP range from which Services get their cluster IPs. More ranges can be added at run time by
creating more ServiceCIDRs. Beta; cluster-scoped.
.apiVersion
The API version of this object's schema: "networking.k8s.io/v1beta1" for ServiceCIDR.
.kind
The kind of object: "ServiceCIDR".
.metadata
Name, labels and other identity data of the range.
.spec
The IP ranges.
.status
Whether the range is ready to be used. Read-only.

@io.k8s.api.networking.v1beta1.ServiceCIDRSpec
The ranges of a ServiceCIDR.
.cidrs
At most two ranges in CIDR notation, one per IP family (e.g. "10.96.0.0/16" and "fd00::/108").
Cannot be changed.

@io.k8s.api.networking.v1beta1.ServiceCIDRStatus
The observed state of a ServiceCIDR. Read-only.
.conditions
The latest observations, e.g. Ready once addresses can be allocated from the range.

@io.k8s.api.networking.v1.IngressList
A list of Ingress objects, as returned by a list request.
.apiVersion
The API version of this list: "networking.k8s.io/v1".
.kind
The kind of list: "IngressList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The ingresses.

@io.k8s.api.networking.v1.IngressClassList
A list of IngressClass objects, as returned by a list request.
.apiVersion
The API version of this list: "networking.k8s.io/v1".
.kind
The kind of list: "IngressClassList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The ingress classes.

@io.k8s.api.networking.v1.NetworkPolicyList
A list of NetworkPolicy objects, as returned by a list request.
.apiVersion
The API version of this list: "networking.k8s.io/v1".
.kind
The kind of list: "NetworkPolicyList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The network policies.

@io.k8s.api.networking.v1beta1.IPAddressList
A list of IPAddress objects, as returned by a list request.
.apiVersion
The API version of this list: "networking.k8s.io/v1beta1".
.kind
The kind of list: "IPAddressList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The IP address objects.

@io.k8s.api.networking.v1beta1.ServiceCIDRList
A list of ServiceCIDR objects, as returned by a list request.
.apiVersion
The API version of this list: "networking.k8s.io/v1beta1".
.kind
The kind of list: "ServiceCIDRList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The service CIDR objects.
"""#,
]
