// Our descriptions of io.k8s.api.flowcontrol.v1 types (API Priority and Fairness). Format: DescriptionCatalog.swift.
let flowcontrolV1Descriptions: [StaticString] = [
    #"""
@io.k8s.api.flowcontrol.v1.FlowSchema
Sorts incoming API requests into a priority level (API Priority and Fairness): each request is
matched against the flow schemas in order of matchingPrecedence, and the first match decides its
priority level and how it is split into flows. Cluster-scoped.
.apiVersion
The API version of this object's schema: "flowcontrol.apiserver.k8s.io/v1". Clients send it; the
server checks it.
.kind
The kind of object: "FlowSchema". Clients send it; the server checks it.
.metadata
Name, labels and annotations of the flow schema.
.spec
Which requests match, the priority level they go to, and how they are grouped into flows.
.status
The latest observations about the flow schema. Read-only.

@io.k8s.api.flowcontrol.v1.FlowSchemaSpec
Which requests a flow schema matches and where it sends them.
.distinguisherMethod
How matching requests are split into flows that are queued fairly against each other. Not set: all
matching requests form one flow.
.matchingPrecedence
The order of evaluation: lower numbers are checked first. 1 to 10000; default 1000.
.priorityLevelConfiguration
The priority level matching requests are handled in. Required.
.rules
Conditions a request must meet; it matches when any rule matches. Empty: the schema matches no
request.

@io.k8s.api.flowcontrol.v1.FlowSchemaStatus
The state of a flow schema. Read-only.
.conditions
The latest observations, e.g. Dangling when the named priority level does not exist.

@io.k8s.api.flowcontrol.v1.FlowSchemaCondition
One observation about a flow schema.
.lastTransitionTime
When the status of this condition last changed (RFC 3339).
.message
A human-readable explanation of the current status.
.reason
A short CamelCase word giving the cause of the last status change.
.status
Whether the condition holds: "True", "False" or "Unknown".
.type
The kind of condition, e.g. "Dangling".

@io.k8s.api.flowcontrol.v1.FlowDistinguisherMethod
How the requests of a flow schema are split into flows.
.type
"ByUser" (one flow per requesting user) or "ByNamespace" (one flow per namespace of the object).
Required.

@io.k8s.api.flowcontrol.v1.PolicyRulesWithSubjects
One rule of a flow schema: who makes the request and what it is about. A request matches when a
subject matches and at least one resource or non-resource rule does.
.nonResourceRules
Non-resource URLs and verbs that match.
.resourceRules
Resources, verbs and namespaces that match.
.subjects
The users, groups or service accounts whose requests match. Required; not empty.

@io.k8s.api.flowcontrol.v1.ResourcePolicyRule
Matches requests on resources. "*" means all in every list.
.apiGroups
The API groups, e.g. "" for the core group or "apps". Required.
.clusterScope
Whether requests that are not in a namespace (cluster-scoped resources, or lists across all
namespaces) match. Default false.
.namespaces
The namespaces whose requests match; "*" for every namespace. Empty with clusterScope false: the rule
matches nothing.
.resources
The resources, e.g. "pods" or "pods/log". Required.
.verbs
The verbs, e.g. "get" or "list". Required.

@io.k8s.api.flowcontrol.v1.NonResourcePolicyRule
Matches requests on URL paths that are not resources.
.nonResourceURLs
The paths, e.g. "/healthz"; a trailing "/*" matches a prefix, "*" matches all. Required.
.verbs
The verbs, e.g. "get"; "*" for all. Required.

@io.k8s.api.flowcontrol.v1.Subject
Who a flow schema rule applies to: a user, a group or a service account.
.group
The group, when kind is Group.
.kind
"User", "Group" or "ServiceAccount". Required.
.serviceAccount
The service account, when kind is ServiceAccount.
.user
The user, when kind is User.

@io.k8s.api.flowcontrol.v1.UserSubject
A user a flow schema rule applies to.
.name
The user name; "*" matches every user. Required.

@io.k8s.api.flowcontrol.v1.GroupSubject
A group a flow schema rule applies to.
.name
The group name, e.g. "system:authenticated"; "*" matches every group. Required.

@io.k8s.api.flowcontrol.v1.ServiceAccountSubject
A service account a flow schema rule applies to.
.name
The service account's name; "*" matches all in the namespace. Required.
.namespace
The service account's namespace. Required.

@io.k8s.api.flowcontrol.v1.PriorityLevelConfiguration
A priority level of API Priority and Fairness: a share of the API server's capacity for concurrent
requests, and what happens to requests beyond it. Cluster-scoped.
.apiVersion
The API version of this object's schema: "flowcontrol.apiserver.k8s.io/v1". Clients send it; the
server checks it.
.kind
The kind of object: "PriorityLevelConfiguration". Clients send it; the server checks it.
.metadata
Name, labels and annotations of the priority level.
.spec
Whether the level is limited or exempt, and its limits.
.status
The latest observations about the priority level. Read-only.

@io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationSpec
How a priority level treats requests.
.exempt
Settings of an exempt level (only with type Exempt).
.limited
Limits of a limited level (only with type Limited).
.type
"Limited": requests share a bounded number of concurrent seats. "Exempt": requests are never
limited or queued (the built-in "exempt" level uses this). Required.

@io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationStatus
The state of a priority level. Read-only.
.conditions
The latest observations about the priority level.

@io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationCondition
One observation about a priority level.
.lastTransitionTime
When the status of this condition last changed (RFC 3339).
.message
A human-readable explanation of the current status.
.reason
A short CamelCase word giving the cause of the last status change.
.status
Whether the condition holds: "True", "False" or "Unknown".
.type
The kind of condition being reported.

@io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationReference
Names a priority level.
.name
The name of the PriorityLevelConfiguration. Required.

@io.k8s.api.flowcontrol.v1.LimitedPriorityLevelConfiguration
The limits of a limited priority level. The server's total concurrency is divided among the limited
levels in proportion to their shares.
.borrowingLimitPercent
How many seats the level may borrow from other levels, as a percentage of its nominal seats. Not
set: no limit.
.lendablePercent
The percentage (0-100) of the level's nominal seats other levels may borrow while unused. Default 0.
.limitResponse
What happens to requests when all seats are in use: queue or reject.
.nominalConcurrencyShares
The level's share of the server's concurrency; its seats are
ceil(total * shares / sum of all shares). Default 30; 0 is allowed.

@io.k8s.api.flowcontrol.v1.ExemptPriorityLevelConfiguration
Settings of an exempt priority level, whose requests are never limited. The fields only affect how
much the level lends to others.
.lendablePercent
The percentage (0-100) of the level's nominal seats other levels may borrow. Default 0.
.nominalConcurrencyShares
The level's share used to compute its nominal seats, which it can lend. Default 0.

@io.k8s.api.flowcontrol.v1.LimitResponse
What a limited priority level does with requests it cannot run at once.
.queuing
Queue settings (only with type Queue).
.type
"Queue": hold requests in queues until a seat is free (or a timeout). "Reject": refuse them at once
with HTTP 429. Required.

@io.k8s.api.flowcontrol.v1.QueuingConfiguration
How a priority level queues requests. Each flow is assigned to handSize of the queues (shuffle
sharding) and uses the shortest; this keeps heavy flows from starving others.
.handSize
How many queues each flow may use; at most queues. Default 8. Larger values spread flows better but
let one flow fill more queues.
.queueLengthLimit
How many requests may wait in one queue; more are rejected with 429. Default 50.
.queues
The number of queues. Default 64; 1 means a single queue without fair queuing between flows.

@io.k8s.api.flowcontrol.v1.FlowSchemaList
A list of FlowSchema objects, as returned by a list request.
.apiVersion
The API version of this list: "flowcontrol.apiserver.k8s.io/v1".
.kind
The kind of list: "FlowSchemaList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The flow schemas.

@io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationList
A list of PriorityLevelConfiguration objects, as returned by a list request.
.apiVersion
The API version of this list: "flowcontrol.apiserver.k8s.io/v1".
.kind
The kind of list: "PriorityLevelConfigurationList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The priority levels.
"""#,
]
