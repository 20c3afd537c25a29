// Our descriptions of io.k8s.api.autoscaling.v2 and v1 types (HorizontalPodAutoscaler, Scale).
// Format: DescriptionCatalog.swift.
let autoscalingDescriptions: [StaticString] = [
    #"""
@io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler
Scales a workload (Deployment, StatefulSet, ReplicaSet, ...) up and down automatically so that
measured metrics, such as average CPU use, stay near a target. Checked about every 15 seconds; needs a
metrics source such as metrics-server.
.apiVersion
The API version of this object's schema: "autoscaling/v2" for HorizontalPodAutoscaler. Clients send
it; the server checks it.
.kind
The kind of object: "HorizontalPodAutoscaler". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the autoscaler.
.spec
The workload to scale, the replica range, the metrics and their targets, and the scaling speed.
.status
The current and desired replica counts and the metric values last measured. Read-only for users.

@io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec
What an autoscaler scales, within which range, and based on which metrics.
.behavior
How fast to scale up and down (policies and stabilization windows). Not set: the default behavior
(scale up quickly, scale down after 5 minutes of lower demand).
.maxReplicas
The highest replica count the autoscaler may set. Required; at least minReplicas.
.metrics
The metrics to watch and their targets. The autoscaler computes a replica count for each and uses the
highest. Not set: 80% average CPU utilization.
.minReplicas
The lowest replica count the autoscaler may set. Default 1. 0 is allowed only with the
HPAScaleToZero feature gate and object or external metrics.
.scaleTargetRef
The workload to scale; it must support the scale subresource. Required.

@io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus
The state of an autoscaler as last observed. Read-only.
.conditions
The latest observations: AbleToScale, ScalingActive and ScalingLimited, with reasons.
.currentMetrics
The metric values last measured, one per metric of the spec.
.currentReplicas
The replica count of the target when last checked.
.desiredReplicas
The replica count the autoscaler last computed. Required.
.lastScaleTime
When the autoscaler last changed the replica count.
.observedGeneration
The metadata.generation the autoscaler last acted on.

@io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerCondition
One observation about an autoscaler's state, with its status and reason.
.lastTransitionTime
When the status of this condition last changed (RFC 3339).
.message
A human-readable explanation of the current status.
.reason
A short CamelCase word giving the cause, e.g. ValidMetricFound or TooManyReplicas.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
"AbleToScale" (the target can be scaled now), "ScalingActive" (metrics can be computed) or
"ScalingLimited" (the desired count was capped by min or max replicas). Required.

@io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerBehavior
How quickly an autoscaler scales up and down.
.scaleDown
Rules for scaling down. Not set: remove up to 100% of replicas per 15 seconds, after a stabilization
window of 300 seconds.
.scaleUp
Rules for scaling up. Not set: add up to 4 pods or 100% of replicas per 15 seconds (whichever is
more), with no stabilization window.

@io.k8s.api.autoscaling.v2.HPAScalingRules
Limits on how fast an autoscaler changes the replica count in one direction.
.policies
Limits on the change per period. Several policies combine as selectPolicy says.
.selectPolicy
Which policy wins when there are several: "Max" (default; the one allowing the biggest change),
"Min" (the smallest change) or "Disabled" (no scaling in this direction).
.stabilizationWindowSeconds
Seconds of past recommendations to consider: when scaling down, the highest recommendation of the
window is used, so brief drops do not remove pods. 0 to 3600; default 300 for scale down, 0 for scale
up.

@io.k8s.api.autoscaling.v2.HPAScalingPolicy
One limit on how much the replica count may change within a period.
.periodSeconds
The length of the period in seconds, 1 to 1800. Required.
.type
"Pods" (value is a number of pods) or "Percent" (value is a percentage of the current replicas).
Required.
.value
How many pods, or what percentage, may be added or removed per period; greater than 0. Required.

@io.k8s.api.autoscaling.v2.MetricSpec
One metric an autoscaler watches and its target. Set type and the one matching field.
.containerResource
A resource (CPU or memory) of one container in each pod of the target, compared with requests.
.external
A metric from outside the cluster, e.g. the length of a cloud queue.
.object
A metric of one other object in the namespace, e.g. requests per second of an Ingress.
.pods
A metric reported by each pod of the target, averaged across pods.
.resource
A resource (CPU or memory) of the pods of the target, as known from their requests and limits.
.type
Which kind of metric this is: "ContainerResource", "External", "Object", "Pods" or "Resource".
Required.

@io.k8s.api.autoscaling.v2.MetricStatus
The last measured value of one metric of an autoscaler. Read-only.
.containerResource
The value of a container resource metric.
.external
The value of an external metric.
.object
The value of an object metric.
.pods
The value of a pods metric.
.resource
The value of a resource metric.
.type
Which kind of metric this is: "ContainerResource", "External", "Object", "Pods" or "Resource".
Required.

@io.k8s.api.autoscaling.v2.MetricTarget
The target value of a metric. Set type and the one matching field.
.averageUtilization
The target average use of a resource, as a percentage of the pods' requests (e.g. 70). Only for
Resource and ContainerResource metrics.
.averageValue
The target value of the metric averaged over all pods of the target.
.type
"Utilization", "Value" or "AverageValue". Required.
.value
The value the whole metric should have.

@io.k8s.api.autoscaling.v2.MetricValueStatus
The measured value of a metric, in the form its target uses.
.averageUtilization
The current average use of a resource, as a percentage of the pods' requests.
.averageValue
The current value averaged over all pods.
.value
The current value as a whole.

@io.k8s.api.autoscaling.v2.MetricIdentifier
Names a metric, optionally narrowed by labels.
.name
The name of the metric. Required.
.selector
Labels that select a subset of the metric's series. Not set: the metrics provider uses its default.

@io.k8s.api.autoscaling.v2.ResourceMetricSource
Scales on a resource (CPU or memory) of the target's pods, measured against their requests.
.name
The resource: "cpu" or "memory". Required.
.target
The target value or utilization. Required.

@io.k8s.api.autoscaling.v2.ResourceMetricStatus
The measured value of a resource metric.
.current
The measured value. Required.
.name
The resource: "cpu" or "memory". Required.

@io.k8s.api.autoscaling.v2.ContainerResourceMetricSource
Scales on a resource of one named container in each pod, ignoring the others (e.g. a sidecar).
.container
The name of the container. Required.
.name
The resource: "cpu" or "memory". Required.
.target
The target value or utilization. Required.

@io.k8s.api.autoscaling.v2.ContainerResourceMetricStatus
The measured value of a container resource metric.
.container
The name of the container. Required.
.current
The measured value. Required.
.name
The resource: "cpu" or "memory". Required.

@io.k8s.api.autoscaling.v2.PodsMetricSource
Scales on a custom metric each pod reports (e.g. requests per second), averaged across pods. Needs a
custom metrics adapter.
.metric
The metric. Required.
.target
The target; only AverageValue is supported. Required.

@io.k8s.api.autoscaling.v2.PodsMetricStatus
The measured value of a pods metric.
.current
The measured value. Required.
.metric
The metric. Required.

@io.k8s.api.autoscaling.v2.ObjectMetricSource
Scales on a metric describing one object in the namespace (e.g. hits per second of an Ingress).
.describedObject
The object the metric describes. Required.
.metric
The metric. Required.
.target
The target: Value or AverageValue. Required.

@io.k8s.api.autoscaling.v2.ObjectMetricStatus
The measured value of an object metric.
.current
The measured value. Required.
.describedObject
The object the metric describes. Required.
.metric
The metric. Required.

@io.k8s.api.autoscaling.v2.ExternalMetricSource
Scales on a metric not tied to any Kubernetes object, such as a message queue's length. Needs an
external metrics adapter.
.metric
The metric. Required.
.target
The target: Value or AverageValue. Required.

@io.k8s.api.autoscaling.v2.ExternalMetricStatus
The measured value of an external metric.
.current
The measured value. Required.
.metric
The metric. Required.

@io.k8s.api.autoscaling.v2.CrossVersionObjectReference io.k8s.api.autoscaling.v1.CrossVersionObjectReference
Points to an object in the same namespace by kind and name.
.apiVersion
The API version of the object, e.g. "apps/v1".
.kind
The kind of the object, e.g. "Deployment". Required.
.name
The name of the object. Required.

@io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler
The older form of the horizontal pod autoscaler, which can only scale on average CPU utilization. Use
autoscaling/v2 for memory, custom metrics and scaling behavior.
.apiVersion
The API version of this object's schema: "autoscaling/v1" for this form. Clients send it; the server
checks it.
.kind
The kind of object: "HorizontalPodAutoscaler". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the autoscaler.
.spec
The workload to scale, the replica range and the CPU target.
.status
The current and desired replica counts and the CPU use last measured. Read-only for users.

@io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec
What an autoscaler scales, within which range, and at which CPU target.
.maxReplicas
The highest replica count the autoscaler may set. Required; at least minReplicas.
.minReplicas
The lowest replica count the autoscaler may set. Default 1.
.scaleTargetRef
The workload to scale; it must support the scale subresource. Required.
.targetCPUUtilizationPercentage
The target average CPU use of the pods, as a percentage of their CPU requests. Not set: the default
target of 80%.

@io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerStatus
The state of an autoscaler as last observed. Read-only.
.currentCPUUtilizationPercentage
The average CPU use of the pods last measured, as a percentage of their requests.
.currentReplicas
The replica count of the target when last checked. Required.
.desiredReplicas
The replica count the autoscaler last computed. Required.
.lastScaleTime
When the autoscaler last changed the replica count.
.observedGeneration
The metadata.generation the autoscaler last acted on.

@io.k8s.api.autoscaling.v1.Scale
The scale subresource of a workload: its replica count read or written on its own (kubectl scale and
autoscalers use it).
.apiVersion
The API version of this object: "autoscaling/v1".
.kind
The kind of object: "Scale".
.metadata
The name and namespace of the scaled object.
.spec
The desired replica count.
.status
The current replica count and the pod selector. Read-only.

@io.k8s.api.autoscaling.v1.ScaleSpec
The desired size of a scalable object.
.replicas
The desired number of replicas.

@io.k8s.api.autoscaling.v1.ScaleStatus
The actual size of a scalable object. Read-only.
.replicas
The number of replicas last observed. Required.
.selector
The label selector of the object's pods, in query form ("app=web,tier=front"); autoscalers use it to
find the pods.

@io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerList
A list of HorizontalPodAutoscaler objects, as returned by a list request.
.apiVersion
The API version of this list: "autoscaling/v2".
.kind
The kind of list: "HorizontalPodAutoscalerList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The horizontal pod autoscalers.

@io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerList
A list of HorizontalPodAutoscaler objects, as returned by a list request.
.apiVersion
The API version of this list: "autoscaling/v1".
.kind
The kind of list: "HorizontalPodAutoscalerList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The horizontal pod autoscalers.
"""#,
]
