// Our descriptions of io.k8s.api.apps.v1 types. Format: DescriptionCatalog.swift.
let appsV1Descriptions: [StaticString] = [
    #"""
@io.k8s.api.apps.v1.Deployment
Keeps a number of identical pods running and rolls out changes to them: every change of the pod
template creates a new ReplicaSet, scaled up while the old one is scaled down.
.apiVersion
The API version of this object's schema: "apps/v1" for Deployment. Clients send it; the server checks
it.
.kind
The kind of object: "Deployment". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the deployment.
.spec
The desired state: how many pods, what they look like, and how updates are rolled out.
.status
The rollout's progress as the deployment controller last observed it. Read-only for users.

@io.k8s.api.apps.v1.DeploymentSpec
What a deployment runs and how it replaces pods.
.minReadySeconds
How long, in seconds, a new pod must be ready without any container crashing before it counts as
available. Default 0 (available as soon as ready).
.paused
When true, changes to the template do not start a rollout until it is set back to false (kubectl
rollout pause/resume). Default false.
.progressDeadlineSeconds
Seconds a rollout may go without progress before the deployment reports it as failed (condition
Progressing with reason ProgressDeadlineExceeded). Default 600. The rollout is not stopped.
.replicas
How many pods to run. Default 1. Leave it unset when an autoscaler manages the count.
.revisionHistoryLimit
How many old ReplicaSets (scaled to zero) to keep for rolling back. Default 10.
.selector
Which pods belong to the deployment; must match the template's labels. Required, and cannot be
changed in apps/v1.
.strategy
How pods are replaced when the template changes: all at once or gradually.
.template
The pod to create: its metadata (labels must match selector) and spec. Any change starts a new
rollout. Its restartPolicy may only be Always.

@io.k8s.api.apps.v1.DeploymentStatus
The state of a deployment as last observed by its controller.
.availableReplicas
Pods of the deployment that have been ready for at least minReadySeconds.
.collisionCount
A counter the controller bumps when the name of a new ReplicaSet collides with an existing one; it
changes the generated names.
.conditions
The latest observations: Available (enough pods are available) and Progressing (the rollout is
moving, or complete, or stuck), each True, False or Unknown with a reason.
.observedGeneration
The metadata.generation this status describes. When lower than the current generation, the
controller has not seen the latest change yet.
.readyReplicas
Pods of the deployment whose Ready condition is true.
.replicas
All pods of the deployment, old and new, that are not terminating.
.unavailableReplicas
Pods still needed to reach the desired count of available pods: either missing or not yet available.
.updatedReplicas
Pods already running the current template.

@io.k8s.api.apps.v1.DeploymentStrategy
How a deployment replaces old pods by new ones.
.rollingUpdate
Limits of a rolling update (only with type RollingUpdate).
.type
"RollingUpdate" (default): replace pods gradually within maxSurge and maxUnavailable. "Recreate":
delete all old pods before creating new ones, which means downtime.
"""#,
]
