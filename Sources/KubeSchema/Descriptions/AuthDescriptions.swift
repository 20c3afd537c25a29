// Our descriptions of io.k8s.api.authentication.* and io.k8s.api.authorization.v1 types (token and access
// reviews). Format: DescriptionCatalog.swift.
let authDescriptions: [StaticString] = [
    #"""
@io.k8s.api.authentication.v1.TokenRequest
Asks the API server for a short-lived token of a service account (the "token" subresource of
ServiceAccount; kubectl create token). The token is returned in status and not stored.
.apiVersion
The API version of this object: "authentication.k8s.io/v1".
.kind
The kind of object: "TokenRequest".
.metadata
Normally only the service account's name and namespace.
.spec
The audiences, lifetime and binding of the token wanted. Required.
.status
The issued token and when it expires. Filled in by the server.

@io.k8s.api.authentication.v1.TokenRequestSpec
What kind of token is requested.
.audiences
Who the token is meant for; a receiver must find itself in the list. An empty list means the API
server's own audiences. Required.
.boundObjectRef
An object (Pod, Secret or Node) the token is tied to: the token stops being valid when that object is
deleted.
.expirationSeconds
How long the token should be valid, in seconds; at least 600. Default 3600. The server may shorten
(or, with some settings, lengthen) it; check status.expirationTimestamp.

@io.k8s.api.authentication.v1.TokenRequestStatus
The issued token.
.expirationTimestamp
When the token stops being valid. Required.
.token
The token itself (a signed JWT). Required. Treat it as a secret.

@io.k8s.api.authentication.v1.BoundObjectReference
The object a token is bound to.
.apiVersion
The API version of the object, e.g. "v1".
.kind
The kind of the object: "Pod", "Secret" or "Node".
.name
The name of the object.
.uid
The uid of the object; the token is only valid while an object with this uid exists.

@io.k8s.api.authentication.v1.TokenReview
Asks the API server to check a bearer token and say who it belongs to. Used by webhook token
authenticators and by services that accept Kubernetes tokens. Not stored.
.apiVersion
The API version of this object: "authentication.k8s.io/v1".
.kind
The kind of object: "TokenReview".
.metadata
Normally empty.
.spec
The token to check. Required.
.status
Whether the token is valid and whom it identifies. Filled in by the server.

@io.k8s.api.authentication.v1.TokenReviewSpec
The token to check.
.audiences
Audiences the token must be valid for. Not set: the API server's own audiences.
.token
The bearer token, as sent in an Authorization header.

@io.k8s.api.authentication.v1.TokenReviewStatus
The result of a token check.
.audiences
The audiences the token is valid for, among those asked.
.authenticated
Whether the token is valid.
.error
Why the check failed, when it did.
.user
The user the token identifies.

@io.k8s.api.authentication.v1.UserInfo
Who a request comes from, as the authenticator reports it.
.extra
Further data from the authenticator (e.g. scopes), as lists of strings by key.
.groups
The groups the user belongs to, e.g. "system:authenticated".
.uid
A unique identifier of the user, stable across name changes where the authenticator supports it.
.username
The user's name, e.g. "jane" or "system:serviceaccount:default:builder".

@io.k8s.api.authentication.v1.SelfSubjectReview io.k8s.api.authentication.v1beta1.SelfSubjectReview
Asks the API server who the caller is, as it authenticated the request (kubectl auth whoami). Not
stored.
.apiVersion
The API version of this object: "authentication.k8s.io/v1" (or v1beta1).
.kind
The kind of object: "SelfSubjectReview".
.metadata
Normally empty.
.status
The caller's user name, uid, groups and extra data. Filled in by the server.

@io.k8s.api.authentication.v1.SelfSubjectReviewStatus io.k8s.api.authentication.v1beta1.SelfSubjectReviewStatus
The result of a SelfSubjectReview.
.userInfo
The caller as the server sees them.

@io.k8s.api.authorization.v1.SubjectAccessReview
Asks whether a given user or group may do something (e.g. "can jane delete pods in prod?"). Used
by components that check permissions on behalf of others. Not stored.
.apiVersion
The API version of this object: "authorization.k8s.io/v1".
.kind
The kind of object: "SubjectAccessReview".
.metadata
Normally empty.
.spec
The user and the action to check. Required.
.status
Whether the action is allowed. Filled in by the server.

@io.k8s.api.authorization.v1.LocalSubjectAccessReview
Like SubjectAccessReview, but limited to one namespace, so that namespace admins can be allowed to
use it. Not stored.
.apiVersion
The API version of this object: "authorization.k8s.io/v1".
.kind
The kind of object: "LocalSubjectAccessReview".
.metadata
The namespace the check is about.
.spec
The user and the action to check; its namespace must be the object's namespace. Required.
.status
Whether the action is allowed. Filled in by the server.

@io.k8s.api.authorization.v1.SelfSubjectAccessReview
Asks whether the caller may do something (kubectl auth can-i). Not stored.
.apiVersion
The API version of this object: "authorization.k8s.io/v1".
.kind
The kind of object: "SelfSubjectAccessReview".
.metadata
Normally empty.
.spec
The action to check. Required.
.status
Whether the action is allowed. Filled in by the server.

@io.k8s.api.authorization.v1.SubjectAccessReviewSpec
Who wants to do what. Give resourceAttributes or nonResourceAttributes (exactly one), and user or
groups (at least one).
.extra
Extra authentication data of the user, as the authenticator reported it.
.groups
Groups of the user to check.
.nonResourceAttributes
The non-resource request to check (a URL path and verb).
.resourceAttributes
The resource request to check.
.uid
The uid of the user to check.
.user
The user name to check.

@io.k8s.api.authorization.v1.SelfSubjectAccessReviewSpec
What the caller wants to do: resourceAttributes or nonResourceAttributes (exactly one).
.nonResourceAttributes
The non-resource request to check (a URL path and verb).
.resourceAttributes
The resource request to check.

@io.k8s.api.authorization.v1.SubjectAccessReviewStatus
The answer to an access review.
.allowed
Whether the action is allowed. Required.
.denied
Whether an authorizer explicitly denied it; when true, allowed is false. Both false means no
authorizer had an opinion.
.evaluationError
An error that occurred while checking (e.g. a rule could not be read). The answer may still be
meaningful.
.reason
Why the action is allowed or denied, e.g. the binding that granted it.

@io.k8s.api.authorization.v1.ResourceAttributes
A request on a resource, as the authorizer sees it. Empty fields mean "any".
.fieldSelector
The field selector of a list or watch request.
.group
The API group, e.g. "apps"; "" for the core group, "*" for all.
.labelSelector
The label selector of a list or watch request.
.name
The name of the object; empty for list or create.
.namespace
The namespace of the object; empty for cluster-scoped resources or for all namespaces.
.resource
The resource (plural name), e.g. "pods"; "*" for all.
.subresource
The subresource, e.g. "log" or "status".
.verb
The action: get, list, watch, create, update, patch, delete, deletecollection, or special verbs such
as use or impersonate; "*" for all.
.version
The API version, e.g. "v1"; "*" for all.

@io.k8s.api.authorization.v1.NonResourceAttributes
A request on a URL path that is not a resource.
.path
The URL path, e.g. "/healthz".
.verb
The HTTP-style verb: "get", "post", "put", "delete", ...

@io.k8s.api.authorization.v1.FieldSelectorAttributes
The field selector of a request being authorized, raw or parsed (at most one). Authorizers may
allow a list only for some selectors.
.rawSelector
The selector as written in the query, e.g. "spec.nodeName=node1".
.requirements
The selector as parsed conditions.

@io.k8s.api.authorization.v1.LabelSelectorAttributes
The label selector of a request being authorized, raw or parsed (at most one).
.rawSelector
The selector as written in the query, e.g. "app=web".
.requirements
The selector as parsed conditions.

@io.k8s.api.authorization.v1.SelfSubjectRulesReview
Lists what the caller may do in a namespace (kubectl auth can-i --list). The answer is a guide for
user interfaces, not an authorization decision; it may be incomplete. Not stored.
.apiVersion
The API version of this object: "authorization.k8s.io/v1".
.kind
The kind of object: "SelfSubjectRulesReview".
.metadata
Normally empty.
.spec
The namespace to list the rules for. Required.
.status
The allowed actions. Filled in by the server.

@io.k8s.api.authorization.v1.SelfSubjectRulesReviewSpec
Where to list the caller's permissions.
.namespace
The namespace to evaluate rules in.

@io.k8s.api.authorization.v1.SubjectRulesReviewStatus
The permissions found for a user in a namespace.
.evaluationError
An error met while listing; the rules may then be incomplete.
.incomplete
True when some authorizer cannot list its rules (e.g. a webhook), so the list is not complete.
Required.
.nonResourceRules
The allowed actions on non-resource URLs. Required.
.resourceRules
The allowed actions on resources. Required.

@io.k8s.api.authorization.v1.ResourceRule
Actions allowed on a set of resources. "*" means all in every list.
.apiGroups
The API groups of the resources.
.resourceNames
Only objects with these names; not set means all.
.resources
The resources, e.g. "pods" or "pods/log".
.verbs
The allowed verbs, e.g. get, list, create. Required.

@io.k8s.api.authorization.v1.NonResourceRule
Actions allowed on non-resource URLs.
.nonResourceURLs
The URL paths, e.g. "/healthz"; a trailing "*" matches a prefix.
.verbs
The allowed verbs, e.g. "get". Required.
"""#,
]
