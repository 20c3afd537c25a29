// Our descriptions of io.k8s.api.resource.v1beta1 and v1alpha3 types (Dynamic Resource Allocation).
// Format: DescriptionCatalog.swift.
let resourceDescriptions: [StaticString] = [
    #"""
@io.k8s.api.resource.v1beta1.ResourceClaim io.k8s.api.resource.v1alpha3.ResourceClaim
A request for devices such as GPUs (Dynamic Resource Allocation): what kind of devices and how many.
The scheduler allocates matching devices from ResourceSlices, and pods that reference the claim can
use them. Beta in v1.32 (v1beta1; v1alpha3 is the older form), off by default.
.apiVersion
The API version of this object's schema: "resource.k8s.io/v1beta1" (or v1alpha3). Clients send it;
the server checks it.
.kind
The kind of object: "ResourceClaim". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the claim.
.spec
The devices wanted. Required; cannot be changed.
.status
Which devices were allocated and which pods use them. Set by the scheduler, kubelet and drivers.

@io.k8s.api.resource.v1beta1.ResourceClaimSpec io.k8s.api.resource.v1alpha3.ResourceClaimSpec
What a resource claim asks for.
.devices
The device requests, constraints and configuration.

@io.k8s.api.resource.v1beta1.ResourceClaimStatus io.k8s.api.resource.v1alpha3.ResourceClaimStatus
The state of a resource claim. Read-only for users.
.allocation
The devices allocated to the claim, once the scheduler picked them.
.devices
Status reported by the drivers for each allocated device (conditions, network data).
.reservedFor
The pods (or other consumers) currently using the claim. The claim cannot be deallocated
while this is not empty.

@io.k8s.api.resource.v1beta1.ResourceClaimConsumerReference io.k8s.api.resource.v1alpha3.ResourceClaimConsumerReference
A pod or other object that uses a resource claim.
.apiGroup
The API group of the consumer; empty for the core group (pods).
.name
The name of the consumer. Required.
.resource
The resource of the consumer, e.g. "pods". Required.
.uid
The uid of the consumer. Required.

@io.k8s.api.resource.v1beta1.ResourceClaimTemplate io.k8s.api.resource.v1alpha3.ResourceClaimTemplate
A template from which a ResourceClaim is created for each pod that references it, and deleted with
the pod. Beta in v1.32 (v1beta1; v1alpha3 is the older form), off by default.
.apiVersion
The API version of this object's schema: "resource.k8s.io/v1beta1" (or v1alpha3). Clients send it;
the server checks it.
.kind
The kind of object: "ResourceClaimTemplate". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the template.
.spec
The claim to create for each pod. Required.

@io.k8s.api.resource.v1beta1.ResourceClaimTemplateSpec io.k8s.api.resource.v1alpha3.ResourceClaimTemplateSpec
The resource claim created from a template.
.metadata
Labels and annotations copied to every claim created from the template.
.spec
The spec of every claim created from the template. Required.

@io.k8s.api.resource.v1beta1.DeviceClaim io.k8s.api.resource.v1alpha3.DeviceClaim
The devices a claim asks for.
.config
Driver-specific configuration for the requested devices.
.constraints
Conditions the allocated devices must meet together (e.g. the same PCIe root).
.requests
The device requests; each must be satisfied for the claim to be allocated.

@io.k8s.api.resource.v1beta1.DeviceRequest io.k8s.api.resource.v1alpha3.DeviceRequest
A request for devices of one class.
.adminAccess
When true, asks for privileged access to devices already in use by others (for monitoring or
maintenance); the namespace must be labeled for admin access. Alpha feature.
.allocationMode
"ExactCount" (default): allocate count devices. "All": allocate every matching device in the pool
(at least one).
.count
How many devices to allocate with ExactCount. Default 1.
.deviceClassName
The DeviceClass the devices must belong to. Required.
.name
The name of the request, used to refer to it from constraints, configuration and pod containers.
Required.
.selectors
CEL expressions every allocated device must satisfy, on top of the class's selectors.

@io.k8s.api.resource.v1beta1.DeviceConstraint io.k8s.api.resource.v1alpha3.DeviceConstraint
A condition on the devices allocated for some requests of a claim.
.matchAttribute
A fully qualified attribute name (e.g. "example.com/numa-node") whose value must be the same on all
the devices; devices without the attribute cannot be used.
.requests
The requests whose devices the constraint applies to. Not set: all requests of the claim.

@io.k8s.api.resource.v1beta1.DeviceClaimConfiguration io.k8s.api.resource.v1alpha3.DeviceClaimConfiguration
Configuration for the devices of some requests of a claim.
.opaque
Driver-specific parameters.
.requests
The requests the configuration applies to. Not set: all requests.

@io.k8s.api.resource.v1beta1.DeviceSelector io.k8s.api.resource.v1alpha3.DeviceSelector
A condition a device must meet.
.cel
A CEL expression on the device's attributes and capacity.

@io.k8s.api.resource.v1beta1.CELDeviceSelector io.k8s.api.resource.v1alpha3.CELDeviceSelector
A device filter written in CEL.
.expression
A CEL expression over device (device.driver, device.attributes, device.capacity) that returns true for
devices that may be used, e.g. device.driver == "gpu.example.com". Required.

@io.k8s.api.resource.v1beta1.DeviceClass io.k8s.api.resource.v1alpha3.DeviceClass
A kind of device that claims can ask for, defined by the cluster admin: which devices it includes
(selectors) and default configuration. Cluster-scoped. Beta in v1.32 (v1beta1; v1alpha3 is the older
form), off by default.
.apiVersion
The API version of this object's schema: "resource.k8s.io/v1beta1" (or v1alpha3). Clients send it;
the server checks it.
.kind
The kind of object: "DeviceClass". Clients send it; the server checks it.
.metadata
Name, labels and annotations of the class.
.spec
The selectors and configuration of the class. Required.

@io.k8s.api.resource.v1beta1.DeviceClassSpec io.k8s.api.resource.v1alpha3.DeviceClassSpec
Which devices a class includes and how they are configured.
.config
Driver-specific configuration applied to every device allocated through this class.
.selectors
CEL expressions a device must satisfy to belong to the class.

@io.k8s.api.resource.v1beta1.DeviceClassConfiguration io.k8s.api.resource.v1alpha3.DeviceClassConfiguration
Configuration a device class gives its devices.
.opaque
Driver-specific parameters.

@io.k8s.api.resource.v1beta1.OpaqueDeviceConfiguration io.k8s.api.resource.v1alpha3.OpaqueDeviceConfiguration
Driver-specific parameters in the driver's own format.
.driver
The driver the parameters are for; other drivers ignore them. Required.
.parameters
The parameters, as an embedded object the driver understands. Required.

@io.k8s.api.resource.v1beta1.AllocationResult io.k8s.api.resource.v1alpha3.AllocationResult
The devices allocated to a claim and where they can be used.
.devices
The allocated devices and their configuration.
.nodeSelector
The nodes where the allocated devices are reachable; pods using the claim are scheduled there.

@io.k8s.api.resource.v1beta1.DeviceAllocationResult io.k8s.api.resource.v1alpha3.DeviceAllocationResult
The outcome of allocating devices for a claim.
.config
The configuration from the claim and its classes, as passed to the drivers.
.results
One entry per allocated device.

@io.k8s.api.resource.v1beta1.DeviceAllocationConfiguration io.k8s.api.resource.v1alpha3.DeviceAllocationConfiguration
Configuration recorded with an allocation.
.opaque
Driver-specific parameters.
.requests
The requests the configuration applies to; not set: all.
.source
Where it came from: "FromClass" or "FromClaim". Required.

@io.k8s.api.resource.v1beta1.DeviceRequestAllocationResult io.k8s.api.resource.v1alpha3.DeviceRequestAllocationResult
One device allocated for a request.
.adminAccess
Whether the device was allocated with admin access.
.device
The device's name within its pool. Required.
.driver
The driver that manages the device. Required.
.pool
The pool the device belongs to. Required.
.request
The request of the claim the device satisfies. Required.

@io.k8s.api.resource.v1beta1.AllocatedDeviceStatus io.k8s.api.resource.v1alpha3.AllocatedDeviceStatus
The status a driver reports for one allocated device.
.conditions
The latest observations about the device, e.g. Ready.
.data
Driver-specific data about the device.
.device
The device's name within its pool. Required.
.driver
The driver that manages the device. Required.
.networkData
Network details of a network device.
.pool
The pool the device belongs to. Required.

@io.k8s.api.resource.v1beta1.NetworkDeviceData io.k8s.api.resource.v1alpha3.NetworkDeviceData
Network details of an allocated network device.
.hardwareAddress
The MAC address of the interface.
.interfaceName
The name of the network interface in the pod.
.ips
The IP addresses of the interface, in CIDR form (e.g. "192.0.2.5/24").

@io.k8s.api.resource.v1beta1.ResourceSlice io.k8s.api.resource.v1alpha3.ResourceSlice
Devices a driver offers, published by the driver (one slice per node, or for a set of nodes). The
scheduler reads slices to allocate claims. Cluster-scoped. Beta in v1.32 (v1beta1; v1alpha3 is the
older form), off by default.
.apiVersion
The API version of this object's schema: "resource.k8s.io/v1beta1" (or v1alpha3). Clients send it;
the server checks it.
.kind
The kind of object: "ResourceSlice". Clients send it; the server checks it.
.metadata
Name, labels and owner of the slice.
.spec
The driver, the pool, the nodes and the devices. Required.

@io.k8s.api.resource.v1beta1.ResourceSliceSpec io.k8s.api.resource.v1alpha3.ResourceSliceSpec
What a resource slice offers and where. Give exactly one of nodeName, nodeSelector and allNodes.
.allNodes
When true, the devices can be reached from every node.
.devices
The devices in the slice; at most 128.
.driver
The name of the driver that publishes the slice, a DNS subdomain. Required; cannot be changed.
.nodeName
The node the devices are attached to; cannot be changed.
.nodeSelector
The nodes that can reach the devices (e.g. network-attached devices).
.pool
The pool the slice belongs to. Required.

@io.k8s.api.resource.v1beta1.ResourcePool io.k8s.api.resource.v1alpha3.ResourcePool
A group of devices of a driver, possibly spread over several slices.
.generation
A counter the driver increases whenever the pool changes; slices of older generations are ignored.
Required.
.name
The name of the pool, often the node's name. Required.
.resourceSliceCount
How many slices make up the pool at this generation. Required.

@io.k8s.api.resource.v1beta1.Device io.k8s.api.resource.v1alpha3.Device
One device a driver offers.
.basic
The device's attributes and capacity.
.name
The device's name, unique within its pool. Required.

@io.k8s.api.resource.v1beta1.BasicDevice io.k8s.api.resource.v1alpha3.BasicDevice
What is known about a device: attributes to select by and capacities.
.attributes
Named properties of the device (model, memory type, driver version, ...) that selectors and
constraints can use. At most 32 attributes and capacities together.
.capacity
Named amounts the device has, e.g. memory.

@io.k8s.api.resource.v1beta1.DeviceAttribute io.k8s.api.resource.v1alpha3.DeviceAttribute
The value of one device attribute; exactly one field is set.
.bool
A boolean value.
.int
A whole number.
.string
A string of at most 64 characters.
.version
A semantic version such as "1.2.3".

@io.k8s.api.resource.v1beta1.DeviceCapacity
An amount a device has.
.value
The amount, as a quantity (e.g. "16Gi"). Required.

@io.k8s.api.resource.v1beta1.ResourceClaimList io.k8s.api.resource.v1alpha3.ResourceClaimList
A list of ResourceClaim objects, as returned by a list request.
.apiVersion
The API version of this list: "resource.k8s.io/v1beta1 (or v1alpha3)".
.kind
The kind of list: "ResourceClaimList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The resource claims.

@io.k8s.api.resource.v1beta1.ResourceClaimTemplateList io.k8s.api.resource.v1alpha3.ResourceClaimTemplateList
A list of ResourceClaimTemplate objects, as returned by a list request.
.apiVersion
The API version of this list: "resource.k8s.io/v1beta1 (or v1alpha3)".
.kind
The kind of list: "ResourceClaimTemplateList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The resource claim templates.

@io.k8s.api.resource.v1beta1.DeviceClassList io.k8s.api.resource.v1alpha3.DeviceClassList
A list of DeviceClass objects, as returned by a list request.
.apiVersion
The API version of this list: "resource.k8s.io/v1beta1 (or v1alpha3)".
.kind
The kind of list: "DeviceClassList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The device classes.

@io.k8s.api.resource.v1beta1.ResourceSliceList io.k8s.api.resource.v1alpha3.ResourceSliceList
A list of ResourceSlice objects, as returned by a list request.
.apiVersion
The API version of this list: "resource.k8s.io/v1beta1 (or v1alpha3)".
.kind
The kind of list: "ResourceSliceList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The resource slices.
"""#,
]
