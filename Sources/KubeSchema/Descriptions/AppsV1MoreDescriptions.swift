// Our descriptions of the remaining io.k8s.api.apps.v1 types (DaemonSet, ReplicaSet, StatefulSet,
// ControllerRevision, lists and conditions). Format: DescriptionCatalog.swift.
let appsV1MoreDescriptions: [StaticString] = [
    #"""
@io.k8s.api.apps.v1.ControllerRevision
An immutable snapshot of a DaemonSet's or StatefulSet's pod template at one revision, kept so that a
rollout can be undone. Created and cleaned up by those controllers, not by users.
.apiVersion
The API version of this object's schema: "apps/v1" for ControllerRevision. Clients send it; the
server checks it.
.kind
The kind of object: "ControllerRevision". Clients send it; the server checks it.
.metadata
Name, namespace, labels and owner of the revision (the DaemonSet or StatefulSet it belongs to).
.data
The saved state: a patch holding the owner's pod template at this revision. Cannot be changed.
.revision
The revision number, increasing with every change of the owner's template. Required; cannot be
changed.

@io.k8s.api.apps.v1.ControllerRevisionList
A list of ControllerRevision objects, as returned by a list request.
.apiVersion
The API version of this list: "apps/v1".
.kind
The kind of list: "ControllerRevisionList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The controller revisions.

@io.k8s.api.apps.v1.DaemonSet
Runs one copy of a pod on every node, or on every node that matches a selector: typical for log
collectors, monitoring agents and network plugins. Pods are added when nodes join and removed when
they leave.
.apiVersion
The API version of this object's schema: "apps/v1" for DaemonSet. Clients send it; the server checks
it.
.kind
The kind of object: "DaemonSet". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the daemon set.
.spec
The desired state: which pod to run, on which nodes, and how updates are rolled out.
.status
How many nodes run the pod and how up to date they are, as the controller last observed it.
Read-only for users.

@io.k8s.api.apps.v1.DaemonSetCondition
One observation about a daemon set's state, with its status and when it last changed.
.lastTransitionTime
When the status of this condition last changed (RFC 3339).
.message
A human-readable explanation of the current status.
.reason
A short CamelCase word giving the cause of the last status change.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
The kind of condition being reported. Required.

@io.k8s.api.apps.v1.DaemonSetList
A list of DaemonSet objects, as returned by a list request.
.apiVersion
The API version of this list: "apps/v1".
.kind
The kind of list: "DaemonSetList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The daemon sets.

@io.k8s.api.apps.v1.DaemonSetSpec
What a daemon set runs and how its pods are replaced.
.minReadySeconds
How long, in seconds, a new pod must be ready without any container crashing before it counts as
available. Default 0 (available as soon as ready).
.revisionHistoryLimit
How many old ControllerRevisions to keep for rolling back. Default 10.
.selector
Which pods belong to the daemon set; must match the template's labels. Required, and cannot be
changed after creation.
.template
The pod to run on each eligible node. Its nodeSelector and affinity limit the nodes; its
restartPolicy may only be Always. Required.
.updateStrategy
How pods are replaced when the template changes. Default: RollingUpdate with maxUnavailable 1.

@io.k8s.api.apps.v1.DaemonSetStatus
The state of a daemon set as last observed by its controller. Read-only.
.collisionCount
A counter the controller bumps when the name of a new ControllerRevision collides with an existing
one; it changes the generated names.
.conditions
The latest observations about the daemon set's state.
.currentNumberScheduled
Nodes that run at least one pod of the daemon set and should run it.
.desiredNumberScheduled
Nodes that should run the pod (all eligible nodes).
.numberAvailable
Nodes whose daemon pod has been ready for at least minReadySeconds.
.numberMisscheduled
Nodes that run a pod of the daemon set although they should not (e.g. their labels changed).
.numberReady
Nodes whose daemon pod is ready.
.numberUnavailable
Nodes that should run the pod but have none available yet.
.observedGeneration
The metadata.generation this status describes. When lower than the current generation, the
controller has not acted on the latest change yet.
.updatedNumberScheduled
Nodes that run a pod of the current template.

@io.k8s.api.apps.v1.DaemonSetUpdateStrategy
How a daemon set replaces its pods when the template changes.
.rollingUpdate
Limits of a rolling update (only with type RollingUpdate).
.type
"RollingUpdate" (default): replace pods node by node within maxUnavailable and maxSurge.
"OnDelete": create a new pod only after the old one was deleted by hand.

@io.k8s.api.apps.v1.DeploymentCondition
One observation about a deployment's state (Available, Progressing or ReplicaFailure), with its
status, the reason and when it changed.
.lastTransitionTime
When the status of this condition last changed from one value to another (RFC 3339).
.lastUpdateTime
When the controller last updated this condition, even without a status change.
.message
A human-readable explanation of the current status.
.reason
A short CamelCase word giving the cause, e.g. NewReplicaSetAvailable or ProgressDeadlineExceeded.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
The kind of condition: "Available", "Progressing" or "ReplicaFailure". Required.

@io.k8s.api.apps.v1.DeploymentList
A list of Deployment objects, as returned by a list request.
.apiVersion
The API version of this list: "apps/v1".
.kind
The kind of list: "DeploymentList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The deployments.

@io.k8s.api.apps.v1.ReplicaSet
Keeps a given number of identical pods running, creating or deleting pods to match the count. Usually
managed by a Deployment rather than created directly.
.apiVersion
The API version of this object's schema: "apps/v1" for ReplicaSet. Clients send it; the server checks
it.
.kind
The kind of object: "ReplicaSet". Clients send it; the server checks it.
.metadata
Name, namespace, labels and owner (often a Deployment) of the replica set.
.spec
The desired state: how many pods, which pods belong to it, and what new pods look like.
.status
How many pods exist and how many are ready, as the controller last observed it. Read-only for users.

@io.k8s.api.apps.v1.ReplicaSetCondition
One observation about a replica set's state (e.g. ReplicaFailure when pods cannot be created).
.lastTransitionTime
When the status of this condition last changed (RFC 3339).
.message
A human-readable explanation of the current status.
.reason
A short CamelCase word giving the cause of the last status change.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
The kind of condition being reported, e.g. "ReplicaFailure". Required.

@io.k8s.api.apps.v1.ReplicaSetList
A list of ReplicaSet objects, as returned by a list request.
.apiVersion
The API version of this list: "apps/v1".
.kind
The kind of list: "ReplicaSetList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The replica sets.

@io.k8s.api.apps.v1.ReplicaSetSpec
What a replica set keeps running.
.minReadySeconds
How long, in seconds, a new pod must be ready without any container crashing before it counts as
available. Default 0.
.replicas
How many pods to keep. Default 1. Scaling changes this field (kubectl scale).
.selector
Which pods count toward the replica set; must match the template's labels. Required. Existing pods
that match are adopted.
.template
The pod created whenever pods are missing. Changing it does not touch existing pods.

@io.k8s.api.apps.v1.ReplicaSetStatus
The state of a replica set as last observed by its controller. Read-only.
.availableReplicas
Pods that have been ready for at least minReadySeconds.
.conditions
The latest observations about the replica set's state.
.fullyLabeledReplicas
Pods whose labels match all the template's labels.
.observedGeneration
The metadata.generation this status describes.
.readyReplicas
Pods whose Ready condition is true.
.replicas
Pods that currently belong to the replica set. Required.

@io.k8s.api.apps.v1.RollingUpdateDaemonSet
Limits of a daemon set's rolling update.
.maxSurge
How many nodes may run an extra new pod next to the old one during the update, as a number or a
percentage of the desired nodes. Default 0. When set, the new pod starts before the old one is
removed. Cannot be 0 when maxUnavailable is 0.
.maxUnavailable
How many nodes may be without an available daemon pod during the update, as a number or a percentage
of the desired nodes (rounded up). Default 1. Cannot be 0 when maxSurge is 0.

@io.k8s.api.apps.v1.RollingUpdateDeployment
Limits of a deployment's rolling update.
.maxSurge
How many pods may exist above the desired count during the update, as a number or a percentage of
replicas (rounded up). Default 25%. Cannot be 0 when maxUnavailable is 0.
.maxUnavailable
How many pods may be unavailable below the desired count during the update, as a number or a
percentage of replicas (rounded down). Default 25%. Cannot be 0 when maxSurge is 0.

@io.k8s.api.apps.v1.RollingUpdateStatefulSetStrategy
Limits of a stateful set's rolling update.
.maxUnavailable
How many pods may be unavailable at once during the update, as a number or a percentage. Default 1.
Takes effect only with the MaxUnavailableStatefulSet feature gate (alpha); otherwise pods are
updated one at a time.
.partition
Only pods with an ordinal at or above this number are updated; lower ones keep the old template
(for canary rollouts). Default 0 (all pods).

@io.k8s.api.apps.v1.StatefulSet
Runs pods that each keep a stable identity: a fixed name with an ordinal (web-0, web-1, ...), a
stable DNS name through a headless service, and their own persistent volumes. Pods are created,
updated and removed in order.
.apiVersion
The API version of this object's schema: "apps/v1" for StatefulSet. Clients send it; the server
checks it.
.kind
The kind of object: "StatefulSet". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the stateful set.
.spec
The desired state: how many pods, their template and volume claims, and how they are updated.
.status
How many pods exist, are ready and are up to date, as the controller last observed it. Read-only for
users.

@io.k8s.api.apps.v1.StatefulSetCondition
One observation about a stateful set's state, with its status and when it last changed.
.lastTransitionTime
When the status of this condition last changed (RFC 3339).
.message
A human-readable explanation of the current status.
.reason
A short CamelCase word giving the cause of the last status change.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
The kind of condition being reported. Required.

@io.k8s.api.apps.v1.StatefulSetList
A list of StatefulSet objects, as returned by a list request.
.apiVersion
The API version of this list: "apps/v1".
.kind
The kind of list: "StatefulSetList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The stateful sets.

@io.k8s.api.apps.v1.StatefulSetOrdinals
Where the numbering of a stateful set's pods starts.
.start
The ordinal of the first pod; pods are numbered start to start+replicas-1. Default 0.

@io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy
What happens to the volume claims created from volumeClaimTemplates when pods go away.
.whenDeleted
When the stateful set is deleted: "Retain" (default; keep the claims) or "Delete" (delete them).
.whenScaled
When the stateful set is scaled down: "Retain" (default; keep the claims of removed pods) or
"Delete" (delete them).

@io.k8s.api.apps.v1.StatefulSetSpec
What a stateful set runs and how its pods are created and updated.
.minReadySeconds
How long, in seconds, a new pod must be ready without any container crashing before it counts as
available. Default 0.
.ordinals
Where pod numbering starts. Default: pods are numbered from 0.
.persistentVolumeClaimRetentionPolicy
Whether the claims from volumeClaimTemplates are kept or deleted when the set is deleted or scaled
down. Default: always kept.
.podManagementPolicy
How pods are created and removed when scaling:
- OrderedReady (default): one at a time, in ordinal order, each waiting for the previous to be ready;
removed in reverse order.
- Parallel: all at once, without waiting.

Cannot be changed after creation.
.replicas
How many pods to run. Default 1.
.revisionHistoryLimit
How many old ControllerRevisions to keep for rolling back. Default 10.
.selector
Which pods belong to the stateful set; must match the template's labels. Required, and cannot be
changed.
.serviceName
The headless Service that gives the pods their DNS names (pod-0.SERVICE.NAMESPACE.svc...). The
service must exist separately; the stateful set does not create it.
.template
The pod to create for each ordinal; its name becomes STATEFULSET-ORDINAL. Required. Its
restartPolicy may only be Always.
.updateStrategy
How pods are replaced when the template changes. Default: RollingUpdate with partition 0.
.volumeClaimTemplates
PersistentVolumeClaims to create for every pod (named TEMPLATE-STATEFULSET-ORDINAL) and mount
through a volume of the same name. Each pod keeps its claim across restarts and rescheduling.
Cannot be changed after creation.

@io.k8s.api.apps.v1.StatefulSetStatus
The state of a stateful set as last observed by its controller. Read-only.
.availableReplicas
Pods that have been ready for at least minReadySeconds.
.collisionCount
A counter the controller bumps when the name of a new ControllerRevision collides with an existing
one; it changes the generated names.
.conditions
The latest observations about the stateful set's state.
.currentReplicas
Pods created from the revision named in currentRevision.
.currentRevision
The ControllerRevision of the pods that existed before the current update (pods below the partition
keep it).
.observedGeneration
The metadata.generation this status describes.
.readyReplicas
Pods whose Ready condition is true.
.replicas
Pods the controller has created. Required.
.updateRevision
The ControllerRevision of the current template, which updated pods run.
.updatedReplicas
Pods created from the revision named in updateRevision.

@io.k8s.api.apps.v1.StatefulSetUpdateStrategy
How a stateful set replaces its pods when the template changes.
.rollingUpdate
Limits of a rolling update (only with type RollingUpdate).
.type
"RollingUpdate" (default): replace pods one by one, from the highest ordinal down. "OnDelete":
create a new pod only after the old one was deleted by hand.
"""#,
]
