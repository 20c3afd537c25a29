// Our descriptions of io.k8s.api.rbac.v1 types (roles, bindings, rules). Format: DescriptionCatalog.swift.
let rbacV1Descriptions: [StaticString] = [
    #"""
@io.k8s.api.rbac.v1.Role
A set of permissions within one namespace: which verbs are allowed on which resources. A Role grants
nothing by itself; a RoleBinding gives it to users, groups or service accounts. Permissions only add
up; there are no deny rules.
.apiVersion
The API version of this object's schema: "rbac.authorization.k8s.io/v1" for Role. Clients send it;
the server checks it.
.kind
The kind of object: "Role". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the role.
.rules
The permissions the role grants.

@io.k8s.api.rbac.v1.ClusterRole
A set of permissions that is not tied to a namespace. Bound with a ClusterRoleBinding it applies in
all namespaces and to cluster-scoped resources; bound with a RoleBinding, only in that binding's
namespace.
.aggregationRule
Builds the rules from other cluster roles selected by labels; the controller then fills in rules
and overwrites manual changes to them.
.apiVersion
The API version of this object's schema: "rbac.authorization.k8s.io/v1" for ClusterRole. Clients send
it; the server checks it.
.kind
The kind of object: "ClusterRole". Clients send it; the server checks it.
.metadata
Name, labels and other identity data of the cluster role.
.rules
The permissions the cluster role grants.

@io.k8s.api.rbac.v1.AggregationRule
Selects cluster roles whose rules are combined into an aggregated cluster role (the built-in admin,
edit and view roles are built this way).
.clusterRoleSelectors
Label selectors; the rules of every cluster role matching any of them are added.

@io.k8s.api.rbac.v1.PolicyRule
One permission: the verbs allowed on a set of resources, or on non-resource URLs.
.apiGroups
The API groups of the resources: "" for the core group (pods, services, ...), "apps", and so on; "*"
means all groups.
.nonResourceURLs
URL paths that are not resources, such as "/healthz" or "/metrics" ("*" allowed as a final
segment). Only in cluster roles bound by a ClusterRoleBinding; cannot be combined with resources.
.resourceNames
Limits the rule to objects with these names. Not set: all objects. Cannot restrict list, watch or
create, whose requests carry no name.
.resources
The resources (plural names) the rule covers, e.g. "pods", or "pods/log" for a subresource; "*"
means all.
.verbs
The allowed actions: get, list, watch, create, update, patch, delete, deletecollection, or special
ones such as use, bind, escalate and impersonate; "*" means all. Required.

@io.k8s.api.rbac.v1.RoleBinding
Grants the permissions of a Role, or of a ClusterRole, to subjects within the binding's namespace.
.apiVersion
The API version of this object's schema: "rbac.authorization.k8s.io/v1" for RoleBinding. Clients send
it; the server checks it.
.kind
The kind of object: "RoleBinding". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the binding.
.roleRef
The Role in the same namespace, or the ClusterRole, whose permissions are granted. Required; cannot
be changed (delete and recreate the binding instead).
.subjects
The users, groups and service accounts that receive the permissions.

@io.k8s.api.rbac.v1.ClusterRoleBinding
Grants the permissions of a ClusterRole to subjects across the whole cluster.
.apiVersion
The API version of this object's schema: "rbac.authorization.k8s.io/v1" for ClusterRoleBinding.
Clients send it; the server checks it.
.kind
The kind of object: "ClusterRoleBinding". Clients send it; the server checks it.
.metadata
Name, labels and other identity data of the binding.
.roleRef
The ClusterRole whose permissions are granted. Required; cannot be changed.
.subjects
The users, groups and service accounts that receive the permissions.

@io.k8s.api.rbac.v1.RoleRef
The role a binding grants.
.apiGroup
The API group of the role: "rbac.authorization.k8s.io". Required.
.kind
"Role" or "ClusterRole". Required.
.name
The name of the role. Required.

@io.k8s.api.rbac.v1.Subject
Who receives the permissions of a binding: a user, a group or a service account.
.apiGroup
"rbac.authorization.k8s.io" for User and Group (the default for them); "" for ServiceAccount.
.kind
"User", "Group" or "ServiceAccount". Required.
.name
The name of the user, group or service account. Users and groups are not objects: they are whatever
names the authenticator reports. Required.
.namespace
The namespace of a service account. Required for ServiceAccount (in a RoleBinding it defaults to
nothing, so give it); must be empty for users and groups.

@io.k8s.api.rbac.v1.ClusterRoleList
A list of ClusterRole objects, as returned by a list request.
.apiVersion
The API version of this list: "rbac.authorization.k8s.io/v1".
.kind
The kind of list: "ClusterRoleList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The cluster roles.

@io.k8s.api.rbac.v1.ClusterRoleBindingList
A list of ClusterRoleBinding objects, as returned by a list request.
.apiVersion
The API version of this list: "rbac.authorization.k8s.io/v1".
.kind
The kind of list: "ClusterRoleBindingList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The cluster role bindings.

@io.k8s.api.rbac.v1.RoleList
A list of Role objects, as returned by a list request.
.apiVersion
The API version of this list: "rbac.authorization.k8s.io/v1".
.kind
The kind of list: "RoleList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The roles.

@io.k8s.api.rbac.v1.RoleBindingList
A list of RoleBinding objects, as returned by a list request.
.apiVersion
The API version of this list: "rbac.authorization.k8s.io/v1".
.kind
The kind of list: "RoleBindingList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The role bindings.
"""#,
]
