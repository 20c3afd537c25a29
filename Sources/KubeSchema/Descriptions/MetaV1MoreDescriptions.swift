// Our descriptions of the remaining io.k8s.apimachinery types: meta/v1 (selectors, lists, status,
// owner references, ...), Quantity, IntOrString and RawExtension. Format: DescriptionCatalog.swift.
let metaV1MoreDescriptions: [StaticString] = [
    #"""
@io.k8s.apimachinery.pkg.api.resource.Quantity
An amount written as a number with an optional suffix. Binary suffixes are powers of 1024 (Ki, Mi,
Gi, Ti, Pi, Ei), decimal ones powers of 1000 (k, M, G, T, P, E), and "m" means thousandths: "500m" CPU
is half a core, "128Mi" of memory is 128 x 1024 x 1024 bytes, "1.5" equals "1500m". The server may
rewrite the value in a canonical form.

@io.k8s.apimachinery.pkg.util.intstr.IntOrString
A value that is either a whole number or a string. Ports accept a number or the name of a container
port; rollout limits accept a number or a percentage such as "25%".

@io.k8s.apimachinery.pkg.runtime.RawExtension
An embedded object of any kind, kept as the JSON it was given (with its own apiVersion and kind where
it is a Kubernetes object).

@io.k8s.apimachinery.pkg.apis.meta.v1.APIResource
One resource an API group version offers, as listed by discovery (kubectl api-resources).
.categories
Group names the resource belongs to, such as "all", so that "kubectl get all" includes it.
.group
The API group of the resource when it differs from the list's group (for subresources).
.kind
The kind of object the resource holds, e.g. "Pod". Required.
.name
The plural resource name used in URLs, e.g. "pods", or "pods/log" for a subresource. Required.
.namespaced
Whether objects of the resource live in a namespace. Required.
.shortNames
Abbreviations kubectl accepts, e.g. "po" for pods.
.singularName
The singular name, e.g. "pod"; kubectl accepts it too. Required.
.storageVersionHash
A hash of the version the server stores the resource in; it changes when the storage version
changes. Informational.
.verbs
The operations the resource supports: get, list, watch, create, update, patch, delete,
deletecollection. Required.
.version
The API version of the resource when it differs from the list's version (for subresources).

@io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList
The resources of one API group version, as returned by discovery.
.apiVersion
The API version of this object: "v1".
.groupVersion
The group and version the resources belong to, e.g. "apps/v1". Required.
.kind
The kind of object: "APIResourceList".
.resources
The resources of the group version. Required.

@io.k8s.apimachinery.pkg.apis.meta.v1.Condition
One observation about an object's state in the standard form many APIs use: a type, a status, a
machine-readable reason, a message and when it last changed.
.lastTransitionTime
When the status last changed from one value to another (RFC 3339). Required.
.message
A human-readable explanation of the current status; may be empty. Required.
.observedGeneration
The metadata.generation the condition was computed from; when lower than the current generation,
the condition may be stale.
.reason
A short CamelCase word giving the cause of the last change. Required, not empty.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
The kind of condition, in CamelCase (e.g. "Ready" or "Available"). Required.

@io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions
Options of a delete request: grace period, how dependents are handled, and preconditions.
.apiVersion
The API version of this object: "v1".
.dryRun
"All" to run every step of the request without deleting anything.
.gracePeriodSeconds
Seconds the object gets to shut down before it is removed; 0 deletes at once. Not set: the kind's
default (30 seconds for pods).
.ignoreStoreReadErrorWithClusterBreakingPotential
When true, delete an object even though the server cannot read or decode it from storage (e.g. it is
corrupted). Dangerous: finalizers and admission are skipped. Default false.
.kind
The kind of object: "DeleteOptions".
.orphanDependents
Deprecated; use propagationPolicy. True means "Orphan", false means "Background".
.preconditions
Conditions that must hold (uid, resourceVersion) for the delete to proceed.
.propagationPolicy
What happens to objects owned by this one:
- Background: delete the owner now; the garbage collector deletes dependents afterwards.
- Foreground: delete dependents first; the owner stays (with deletionTimestamp) until they are gone.
- Orphan: keep the dependents, removing their owner references.

Not set: the kind's default, usually Background.

@io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement
One condition of a field selector: a field path, an operator and values.
.key
The field path the condition tests, e.g. "spec.nodeName". Required.
.operator
"In", "NotIn", "Exists" or "DoesNotExist". Required.
.values
The values to compare with: not empty for In and NotIn, empty for Exists and DoesNotExist.

@io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1
A set of fields in a compact JSON form ("f:spec": {"f:replicas": {}}), used by managedFields to
record which fields a manager owns.

@io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector
Selects objects by their labels. All matchLabels and all matchExpressions must hold (they are ANDed).
An empty selector matches every object; a missing one matches none.
.matchExpressions
Conditions on labels with operators In, NotIn, Exists and DoesNotExist.
.matchLabels
Labels an object must have with exactly these values; each pair is the same as an In expression with
one value.

@io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement
One condition of a label selector: a label key, an operator and values.
.key
The label key the condition tests. Required.
.operator
- In: the label's value is one of values.
- NotIn: the label is missing or its value is not one of values.
- Exists: the label is present (values must be empty).
- DoesNotExist: the label is missing (values must be empty).

Required.
.values
The values to compare with: not empty for In and NotIn, empty for Exists and DoesNotExist.

@io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta
Data about a list response: the version it reflects and where the next page starts.
.continue
A token to pass as the continue parameter to fetch the next page of a paged list; empty on the last
page. It expires after a few minutes.
.remainingItemCount
An estimate of how many items are left after this page, when the server can tell. Informational.
.resourceVersion
The version of the store the list reflects; pass it to a watch to receive changes from that point.
Read-only.
.selfLink
Deprecated and no longer set by the server; always empty.

@io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry
Which fields one field manager set on an object, with which operation and when. Maintained by the
server for server-side apply.
.apiVersion
The API version the fields are expressed in.
.fieldsType
The format of fieldsV1; always "FieldsV1".
.fieldsV1
The set of fields the manager owns.
.manager
The name of the field manager, e.g. "kubectl-client-side-apply" or a controller's name.
.operation
"Apply" (server-side apply) or "Update" (any other write).
.subresource
The subresource the write went to (e.g. "status" or "scale"); empty for the main resource.
.time
When the manager last changed these fields.

@io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime
A point in time with microsecond precision, written in RFC 3339 form such as
"2024-05-01T12:00:00.123456Z".

@io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference
Points to an object that owns this one. The owner must be in the same namespace, or be cluster-scoped;
when all owners are gone the garbage collector deletes the dependent.
.apiVersion
The API version of the owner, e.g. "apps/v1". Required.
.blockOwnerDeletion
When true, a foreground deletion of the owner waits until this dependent has been deleted. Default
false.
.controller
True for the one owner that manages this object (e.g. the ReplicaSet of a pod). At most one owner
reference may have it.
.kind
The kind of the owner, e.g. "ReplicaSet". Required.
.name
The name of the owner. Required.
.uid
The uid of the owner; a new object with the same name is a different owner. Required.

@io.k8s.apimachinery.pkg.apis.meta.v1.Patch
The body of a patch request: a JSON patch, merge patch, strategic merge patch or apply configuration,
depending on the request's content type.

@io.k8s.apimachinery.pkg.apis.meta.v1.Preconditions
Conditions an object must meet for an operation to go ahead; otherwise it fails with a conflict.
.resourceVersion
The object must still have this resourceVersion (nobody changed it).
.uid
The object must have this uid (it was not deleted and recreated).

@io.k8s.apimachinery.pkg.apis.meta.v1.Status
The result of a request that does not return an object, and the form every error takes: a status, a
reason, a message and an HTTP code.
.apiVersion
The API version of this object: "v1".
.code
The HTTP status code, e.g. 404 or 409.
.details
More data about the error: the object concerned and, for invalid requests, the failing fields.
.kind
The kind of object: "Status".
.message
A human-readable description of what happened.
.metadata
List metadata; normally empty.
.reason
A CamelCase word for the kind of failure, e.g. NotFound, AlreadyExists, Conflict, Invalid,
Forbidden. Empty when no reason is known.
.status
"Success" or "Failure".

@io.k8s.apimachinery.pkg.apis.meta.v1.StatusCause
One cause of an error, typically one invalid field.
.field
The path of the field that caused the error, e.g. "spec.containers[0].image".
.message
A human-readable explanation of the cause.
.reason
A machine-readable word for the cause, e.g. FieldValueRequired or FieldValueInvalid.

@io.k8s.apimachinery.pkg.apis.meta.v1.StatusDetails
More data about a failed request: the object it concerns and the causes.
.causes
The individual causes, e.g. one per invalid field.
.group
The API group of the object concerned.
.kind
The kind (or resource) of the object concerned.
.name
The name of the object concerned, when there is one.
.retryAfterSeconds
Seconds the client should wait before retrying, when the server says so.
.uid
The uid of the object concerned, when known.

@io.k8s.apimachinery.pkg.apis.meta.v1.Time
A point in time with second precision, written in RFC 3339 form in UTC such as
"2024-05-01T12:00:00Z".

@io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent
One change reported by a watch: its type and the object after the change.
.object
The object as it is after the change (for DELETED, its last state; for ERROR, a Status). Required.
.type
"ADDED", "MODIFIED", "DELETED", "BOOKMARK" or "ERROR". Required.
"""#,
]
