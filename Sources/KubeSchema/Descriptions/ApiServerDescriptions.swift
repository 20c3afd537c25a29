// Our descriptions of io.k8s.kube-aggregator (APIService), io.k8s.api.storagemigration.v1alpha1 and
// io.k8s.api.apiserverinternal.v1alpha1 types. Format: DescriptionCatalog.swift.
let apiServerDescriptions: [StaticString] = [
    #"""
@io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService
Registers an API group version with the API server: either served by the server itself (local) or
proxied to an extension API server running as a service (e.g. metrics.k8s.io from metrics-server).
The name is VERSION.GROUP. Cluster-scoped.
.apiVersion
The API version of this object's schema: "apiregistration.k8s.io/v1". Clients send it; the server
checks it.
.kind
The kind of object: "APIService". Clients send it; the server checks it.
.metadata
The name (VERSION.GROUP, e.g. "v1beta1.metrics.k8s.io"), labels and annotations.
.spec
The group version, the service behind it, and its priority in discovery.
.status
Whether the API is available. Read-only.

@io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceSpec
Where an API group version is served and how it is ordered.
.caBundle
PEM-encoded CA certificates used to check the extension server's certificate (base64 in
JSON/YAML).
.group
The API group, e.g. "metrics.k8s.io".
.groupPriorityMinimum
The priority of the group in discovery, so clients prefer higher groups when names collide; the
group's priority is the highest among its versions. Required. Built-in groups use values such as
18000 (core) down to 1000.
.insecureSkipTLSVerify
When true, the extension server's certificate is not checked. Discouraged; use caBundle.
.service
The service of the extension API server. Not set: the API is served locally by the API server
itself.
.version
The API version, e.g. "v1beta1".
.versionPriority
The order of this version within its group; higher comes first. Ties are sorted by version name
(GA before beta before alpha). Required.

@io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceStatus
The state of an APIService. Read-only.
.conditions
The latest observations, e.g. Available with a reason such as MissingEndpoints or FailedDiscoveryCheck.

@io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceCondition
One observation about an APIService's state.
.lastTransitionTime
When the status of this condition last changed (RFC 3339).
.message
A human-readable explanation of the current status.
.reason
A short CamelCase word giving the cause of the last status change.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
The kind of condition: "Available". Required.

@io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.ServiceReference
The service of an extension API server.
.name
The name of the service.
.namespace
The namespace of the service.
.port
The service port to call, 1-65535. Default 443.

@io.k8s.api.storagemigration.v1alpha1.StorageVersionMigration
Rewrites every stored object of one resource, so that all of them end up stored in the current
storage version (e.g. after a CRD's storage version changed, or to re-encrypt data). Alpha in v1.32,
off by default. Cluster-scoped.
.apiVersion
The API version of this object's schema: "storagemigration.k8s.io/v1alpha1".
.kind
The kind of object: "StorageVersionMigration".
.metadata
Name, labels and annotations of the migration.
.spec
The resource to migrate.
.status
The progress of the migration. Read-only.

@io.k8s.api.storagemigration.v1alpha1.StorageVersionMigrationSpec
What a storage version migration rewrites.
.continueToken
The paging token the migrator resumes from; set by the migrator, not by users.
.resource
The resource to migrate. Required; cannot be changed.

@io.k8s.api.storagemigration.v1alpha1.StorageVersionMigrationStatus
The progress of a storage version migration. Read-only.
.conditions
The latest observations: Running, Succeeded or Failed.
.resourceVersion
The resourceVersion of the resource's list when the migration started; objects changed later are
already in the new version.

@io.k8s.api.storagemigration.v1alpha1.GroupVersionResource
Names a resource by API group, version and plural name.
.group
The API group; empty for the core group.
.resource
The resource (plural name), e.g. "secrets".
.version
The API version, e.g. "v1".

@io.k8s.api.storagemigration.v1alpha1.MigrationCondition
One observation about a migration's state.
.lastUpdateTime
When the condition was last updated.
.message
A human-readable explanation of the current status.
.reason
A short CamelCase word giving the cause of the last status change.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
"Running", "Succeeded" or "Failed". Required.

@io.k8s.api.apiserverinternal.v1alpha1.StorageVersion
Records, for one resource, which version each API server stores it in, so that a mixed-version
control plane (during an upgrade) can agree on one encoding. Written by the API servers themselves.
Alpha, off by default; cluster-scoped.
.apiVersion
The API version of this object's schema: "internal.apiserver.k8s.io/v1alpha1".
.kind
The kind of object: "StorageVersion".
.metadata
The name (GROUP.RESOURCE), labels and annotations.
.spec
Empty; everything is in status.
.status
The storage versions reported by each API server. Written by the API servers.

@io.k8s.api.apiserverinternal.v1alpha1.StorageVersionSpec
The spec of a StorageVersion; it has no fields.

@io.k8s.api.apiserverinternal.v1alpha1.StorageVersionStatus
The storage versions the API servers report for one resource.
.commonEncodingVersion
The version all API servers encode the resource in, when they agree; empty otherwise.
.conditions
The latest observations, e.g. AllEncodingVersionsEqual.
.storageVersions
One entry per API server.

@io.k8s.api.apiserverinternal.v1alpha1.ServerStorageVersion
The versions one API server uses for a resource.
.apiServerID
The identity of the API server.
.decodableVersions
The versions the server can read from storage; includes encodingVersion.
.encodingVersion
The version the server writes objects in.
.servedVersions
The versions the server serves to clients.

@io.k8s.api.apiserverinternal.v1alpha1.StorageVersionCondition
One observation about a StorageVersion.
.lastTransitionTime
When the status of this condition last changed (RFC 3339).
.message
A human-readable explanation of the current status. Required.
.observedGeneration
The metadata.generation the condition was computed from.
.reason
A short CamelCase word giving the cause of the last status change. Required.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
The kind of condition, e.g. "AllEncodingVersionsEqual". Required.

@io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceList
A list of APIService objects, as returned by a list request.
.apiVersion
The API version of this list: "apiregistration.k8s.io/v1".
.kind
The kind of list: "APIServiceList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The API services.

@io.k8s.api.storagemigration.v1alpha1.StorageVersionMigrationList
A list of StorageVersionMigration objects, as returned by a list request.
.apiVersion
The API version of this list: "storagemigration.k8s.io/v1alpha1".
.kind
The kind of list: "StorageVersionMigrationList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The storage version migrations.

@io.k8s.api.apiserverinternal.v1alpha1.StorageVersionList
A list of StorageVersion objects, as returned by a list request.
.apiVersion
The API version of this list: "internal.apiserver.k8s.io/v1alpha1".
.kind
The kind of list: "StorageVersionList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The storage versions.
"""#,
]
