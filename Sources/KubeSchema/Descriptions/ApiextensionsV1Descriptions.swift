// Our descriptions of io.k8s.apiextensions-apiserver (apiextensions.k8s.io/v1) types: CustomResourceDefinition
// and its schema types. Format: DescriptionCatalog.swift.
let apiextensionsV1Descriptions: [StaticString] = [
    #"""
@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition
Adds a new resource type to the API server: after it is created, objects of the new kind can be
created, listed, watched and deleted like built-in ones, and kubectl works with them. The name must
be PLURAL.GROUP (e.g. "crontabs.stable.example.com"). Cluster-scoped.
.apiVersion
The API version of this object's schema: "apiextensions.k8s.io/v1" for CustomResourceDefinition.
Clients send it; the server checks it.
.kind
The kind of object: "CustomResourceDefinition". Clients send it; the server checks it.
.metadata
The name (PLURAL.GROUP), labels and annotations of the definition.
.spec
The group, names, scope and versions (with their schemas) of the new resource. Required.
.status
Whether the names were accepted and the resource is being served. Read-only for users.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec
What a custom resource looks like and how it is served.
.conversion
How objects are converted between the versions of the resource. Default: None (only apiVersion is
changed).
.group
The API group of the resource, a DNS name such as "stable.example.com"; objects use apiVersion
GROUP/VERSION. Required.
.names
The kind and the resource names (plural, singular, short names) used in URLs and by kubectl.
Required.
.preserveUnknownFields
Deprecated; must be false in apiextensions.k8s.io/v1. Use x-kubernetes-preserve-unknown-fields in the
schema to keep unknown fields.
.scope
"Namespaced" (objects live in a namespace) or "Cluster" (objects are cluster-wide). Required; cannot
be changed.
.versions
The API versions of the resource, each with its schema. Exactly one must be the storage version.
Kubectl and discovery list them by priority: GA before beta before alpha, newer before older.
Required.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionVersion
One API version of a custom resource.
.additionalPrinterColumns
Extra columns that "kubectl get" shows for this version, read from the object with JSON paths. Not
set: only NAME and AGE.
.deprecated
When true, requests to this version get a deprecation warning. Default false.
.deprecationWarning
The warning text to send instead of the default one when deprecated is true.
.name
The version name used in apiVersion and URLs, e.g. "v1" or "v1beta1". Required.
.schema
The OpenAPI schema objects of this version must follow; used for validation, pruning of unknown
fields, defaulting and kubectl explain.
.selectableFields
Fields of the object that can be used in field selectors (e.g. spec.color), at most 8.
.served
Whether the API server serves this version. Required.
.storage
Whether objects are stored in this version; exactly one version must have true. Required.
.subresources
The status and scale subresources this version offers.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceColumnDefinition
An extra column for "kubectl get" of a custom resource.
.description
A human-readable description of the column.
.format
An optional hint on how to show the value, e.g. "date-time", "int32" or "byte".
.jsonPath
A JSON path, evaluated on each object, giving the cell's value, e.g. ".spec.replicas". Required.
.name
The column header. Required.
.priority
0 (default) shows the column always; higher numbers show it only with -o wide.
.type
The value's type: "integer", "number", "string", "boolean" or "date" (shown as an age). Required.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceConversion
How a custom resource's objects are converted between versions.
.strategy
"None" (default): only apiVersion is rewritten; the versions must have compatible schemas.
"Webhook": a webhook service converts the objects. Required.
.webhook
The webhook to call when strategy is Webhook.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookConversion
The webhook that converts custom objects between versions.
.clientConfig
How to reach the webhook: a URL or a service in the cluster.
.conversionReviewVersions
The ConversionReview API versions the webhook understands, in order of preference; the server uses
the first it knows (e.g. "v1"). Required.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookClientConfig
How the API server reaches a webhook: a URL or a service (exactly one), over HTTPS.
.caBundle
PEM-encoded CA certificates that sign the webhook's serving certificate (base64 in JSON/YAML). Not
set: the API server's system trust roots.
.service
A service in the cluster that runs the webhook.
.url
The webhook's address as https://host:port/path. No user info, query or fragment. Use service for
webhooks running in the cluster.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ServiceReference
A service that runs a webhook.
.name
The name of the service. Required.
.namespace
The namespace of the service. Required.
.path
The URL path the request is sent to.
.port
The service port to call, 1-65535. Default 443.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionNames
The names a custom resource is known by.
.categories
Groups the resource belongs to, such as "all", so that "kubectl get all" includes it.
.kind
The kind of the objects, in CamelCase, e.g. "CronTab". Required.
.listKind
The kind of lists of the objects. Default: kind + "List".
.plural
The plural lower-case name used in URLs and the definition's name, e.g. "crontabs". Required.
.shortNames
Abbreviations kubectl accepts, e.g. "ct".
.singular
The singular lower-case name, e.g. "crontab". Default: the lower-case kind.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionStatus
The state of a custom resource definition. Read-only.
.acceptedNames
The names actually in use. They can differ from spec.names when a name conflicts with another
resource.
.conditions
The latest observations: Established (the resource is served), NamesAccepted, Terminating, and
others.
.storedVersions
Every version objects have ever been stored in. A version can only be removed from spec.versions
after it is removed from this list (after migrating the stored objects).

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionCondition
One observation about a custom resource definition's state.
.lastTransitionTime
When the status of this condition last changed (RFC 3339).
.message
A human-readable explanation of the current status.
.reason
A short CamelCase word giving the cause of the last status change.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
"Established", "NamesAccepted", "NonStructuralSchema", "Terminating" or "KubernetesAPIApprovalPolicyConformant".
Required.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresources
The subresources a custom resource version offers.
.scale
Enables the /scale subresource, so that kubectl scale and autoscalers work with the objects.
.status
Enables the /status subresource: status is then changed only through it, and changes to the main
resource ignore status. Give it as an empty object ({}).

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceStatus
Turns on the status subresource of a custom resource. It has no fields: give an empty object.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceScale
Where the scale subresource finds the replica counts in a custom object.
.labelSelectorPath
A JSON path (under .status or .spec) to a string label selector of the object's pods, used by
autoscalers. Not set: the scale has no selector.
.specReplicasPath
A JSON path under .spec to the desired replica count, e.g. ".spec.replicas". Required.
.statusReplicasPath
A JSON path under .status to the observed replica count, e.g. ".status.replicas". Required.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceValidation
The schema of a custom resource version.
.openAPIV3Schema
The OpenAPI v3 schema of the whole object. It must be structural: every field has a type, and unknown
fields are removed unless x-kubernetes-preserve-unknown-fields allows them.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.SelectableField
A field of a custom resource that field selectors may use.
.jsonPath
A JSON path to the field, e.g. ".spec.color"; it must point to a string, integer or boolean.
Required.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ValidationRule
A validation written in CEL (Common Expression Language) and checked by the API server on every
write, e.g. "self.minReplicas <= self.maxReplicas".
.fieldPath
The path of the field reported in the error when the rule fails, relative to where the rule is
declared, e.g. ".spec.replicas".
.message
The error message when the rule fails. Default: a message quoting the rule.
.messageExpression
A CEL expression that builds the error message; it wins over message when it evaluates.
.optionalOldSelf
When true, the rule also runs when an object is created or the old value is missing, with oldSelf
as an optional value. Only for transition rules (rules that use oldSelf). Default false.
.reason
The reason reported when the rule fails: "FieldValueInvalid" (default), "FieldValueForbidden",
"FieldValueRequired" or "FieldValueDuplicate".
.rule
The CEL expression; it must return true for the object to be valid. self is the value where the
rule is declared, oldSelf its previous value (which makes the rule apply to updates only). Required.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ExternalDocumentation
A link to more documentation of a schema.
.description
What the linked documentation is about.
.url
The address of the documentation.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON
Any JSON value (object, array, string, number, boolean or null), used for defaults, enums and
examples in a schema.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray
Either one schema, used for every item of an array, or a list of schemas, one per position.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool
Either a schema or a boolean; true allows anything, false allows nothing.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray
Either a schema or a list of property names.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps
An OpenAPI v3 schema describing one value of a custom resource: its type, the fields of an object,
the items of an array, and the constraints the value must meet.
.$ref
A reference to another schema. Not allowed in custom resource schemas.
.$schema
The URI of the JSON Schema dialect. Informational.
.additionalItems
Whether extra items beyond those of a positional items list are allowed. Not allowed in structural
schemas.
.additionalProperties
The schema of values of a map-like object whose keys are not known in advance. Cannot be combined
with properties.
.allOf
Schemas the value must all match.
.anyOf
Schemas of which the value must match at least one.
.default
The value set when the field is missing; applied on read, create and update, then pruned and
validated like any value. Not allowed in metadata except in embedded resources.
.definitions
Named schemas for reuse. Not allowed in custom resource schemas.
.dependencies
Properties or schemas that become required when a property is present. Not allowed in structural
schemas.
.description
A human-readable explanation of the value; "kubectl explain" shows it.
.enum
The only values allowed.
.example
An example value, for documentation.
.exclusiveMaximum
When true, the value must be strictly less than maximum.
.exclusiveMinimum
When true, the value must be strictly greater than minimum.
.externalDocs
A link to more documentation.
.format
A more precise form of a string or number, checked by the server: e.g. "int32", "int64", "date-time",
"date", "byte" (base64), "uri", "email", "ipv4", "cidr", "uuid".
.id
An identifier of the schema. Not allowed in custom resource schemas.
.items
The schema of the items of an array.
.maxItems
The largest number of items an array may have.
.maxLength
The longest a string may be, in characters.
.maxProperties
The largest number of properties an object (or map) may have.
.maximum
The largest value a number may have (inclusive unless exclusiveMaximum).
.minItems
The smallest number of items an array must have.
.minLength
The shortest a string may be, in characters.
.minProperties
The smallest number of properties an object (or map) must have.
.minimum
The smallest value a number may have (inclusive unless exclusiveMinimum).
.multipleOf
The number must be a multiple of this value.
.not
A schema the value must not match.
.nullable
When true, null is accepted and kept for this field; otherwise a null value is removed (or
rejected when the field is required). Default false.
.oneOf
Schemas of which the value must match exactly one.
.pattern
A regular expression (ECMA 262) a string must match.
.patternProperties
Schemas for properties whose names match regular expressions. Not allowed in structural schemas.
.properties
The fields of an object and their schemas. Fields not listed are removed unless unknown fields are
preserved.
.required
The names of the properties an object must have.
.title
A short title of the value.
.type
The JSON type of the value: "object", "array", "string", "integer", "number" or "boolean".
Required in structural schemas, except where x-kubernetes-int-or-string or
x-kubernetes-preserve-unknown-fields make it optional.
.uniqueItems
When true, the items of an array must all differ. Not allowed in structural schemas; use
x-kubernetes-list-type: set.
.x-kubernetes-embedded-resource
When true, the value is a whole Kubernetes object (apiVersion, kind, metadata) and its metadata is
validated and pruned like an object's. Requires type object.
.x-kubernetes-int-or-string
When true, the value may be an integer or a string (like a port or "25%").
.x-kubernetes-list-map-keys
For a list of type map: the item fields that identify an item (like a map key), used when merging
with server-side apply.
.x-kubernetes-list-type
How server-side apply merges an array:
- atomic (default): the whole list is replaced.
- set: items are unique scalars, merged as a set.
- map: items are objects identified by x-kubernetes-list-map-keys, merged item by item.
.x-kubernetes-map-type
How server-side apply merges an object: "granular" (default; field by field) or "atomic" (the whole
object is replaced).
.x-kubernetes-preserve-unknown-fields
When true, fields not in the schema are kept instead of removed; nested schemas can turn pruning
back on.
.x-kubernetes-validations
CEL rules the value must satisfy, checked by the API server on every write.

@io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionList
A list of CustomResourceDefinition objects, as returned by a list request.
.apiVersion
The API version of this list: "apiextensions.k8s.io/v1".
.kind
The kind of list: "CustomResourceDefinitionList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The custom resource definitions.
"""#,
]
