// Our descriptions of io.k8s.apimachinery.pkg.apis.meta.v1 types. Format: DescriptionCatalog.swift.
let metaV1Descriptions: [StaticString] = [
    #"""
@io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta
Identity and bookkeeping data every stored object carries: its name and namespace, labels and
annotations, and fields the API server fills in (uid, resourceVersion, generation, timestamps).
.annotations
Free-form key/value strings attached to the object for tools and people. Unlike labels they cannot be
used in selectors, and values may be long (the total size of all annotations is limited to 256 KiB).
Keys follow the label key syntax: an optional DNS-subdomain prefix and a slash, then a name.
.creationTimestamp
When the server created the object (RFC 3339, UTC, second precision). Set by the server and read-only;
a value sent by the client is ignored.
.deletionGracePeriodSeconds
Seconds the object is given to shut down gracefully once deletion was requested. Set by the server
together with deletionTimestamp; read-only. May only be shortened by a later delete request.
.deletionTimestamp
When the server will remove the object, set when a delete was requested. While it is set the object
still exists (finalizers may be running) but cannot be brought back. Read-only.
.finalizers
Names of cleanup steps that must finish before the object is removed. A delete request only sets
deletionTimestamp while this list is not empty; the controllers that own the entries remove them when
done, and the object disappears once the list is empty.
.generateName
A prefix the server uses to make a unique name when name is empty: it appends five random characters
(e.g. "web-" becomes "web-x7k2p"). Ignored when name is set.
.generation
A counter of changes to the desired state (spec). The server increments it on every such change;
controllers report the generation they acted on in status.observedGeneration. Read-only.
.labels
Key/value strings used to organize and select objects (label selectors, service and controller
selectors). Keys are an optional DNS-subdomain prefix and slash, then a name of at most 63
characters; values are at most 63 characters of letters, digits, "-", "_" and ".", or empty.
.managedFields
Which field manager (kubectl, a controller, ...) last set which fields, and with which operation.
Maintained by the server for server-side apply; not meant to be edited by hand.
.name
The object's name, unique among objects of the same kind in its namespace (or in the cluster for
cluster-scoped kinds). Required on create unless generateName is given; cannot be changed later.
Most kinds require a DNS subdomain: lower-case letters, digits, "-" and ".", at most 253 characters.
.namespace
The namespace the object lives in. Empty means "default" for namespaced kinds; must be empty for
cluster-scoped kinds. Cannot be changed after creation.
.ownerReferences
The objects this one belongs to (e.g. the ReplicaSet that created a pod). When every owner is deleted,
the garbage collector deletes this object too; at most one owner may be marked as controller.
.resourceVersion
An opaque version string the server changes on every write. Send it back on update to make the write
fail with a conflict if someone else changed the object meanwhile. Read-only.
.selfLink
Deprecated and no longer set by the server; always empty.
.uid
A unique ID the server gives the object on creation; never reused, even for a new object with the same
name. Read-only.
"""#,
]
