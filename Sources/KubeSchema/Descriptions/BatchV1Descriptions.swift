// Our descriptions of io.k8s.api.batch.v1 types (Job, CronJob). Format: DescriptionCatalog.swift.
let batchV1Descriptions: [StaticString] = [
    #"""
@io.k8s.api.batch.v1.CronJob
Creates Jobs on a repeating schedule written in cron syntax, e.g. a backup every night at 2:00.
.apiVersion
The API version of this object's schema: "batch/v1" for CronJob. Clients send it; the server checks
it.
.kind
The kind of object: "CronJob". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the cron job.
.spec
The schedule, the job to create each time, and how overlapping and old runs are handled.
.status
The jobs currently running and when the last one was scheduled. Read-only for users.

@io.k8s.api.batch.v1.CronJobList
A list of CronJob objects, as returned by a list request.
.apiVersion
The API version of this list: "batch/v1".
.kind
The kind of list: "CronJobList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The cron jobs.

@io.k8s.api.batch.v1.CronJobSpec
When a cron job runs and what it creates.
.concurrencyPolicy
What to do when a run is due while the previous job still runs:
- Allow (default): start another job alongside.
- Forbid: skip the new run.
- Replace: delete the running job and start the new one.
.failedJobsHistoryLimit
How many finished failed jobs to keep. Default 1.
.jobTemplate
The Job to create at each scheduled time. Required.
.schedule
When to run, in cron format: five fields minute, hour, day of month, month, day of week ("0 2 * * *"
is every day at 2:00), or a macro such as "@hourly" or "@daily". Required.
.startingDeadlineSeconds
How late, in seconds, a run may still start when it missed its scheduled time (e.g. the controller
was down); later runs are counted as missed. Not set means no deadline.
.successfulJobsHistoryLimit
How many finished successful jobs to keep. Default 3.
.suspend
When true, no new jobs are started (running jobs continue). Default false.
.timeZone
The time zone the schedule is read in, as a tz database name such as "Europe/Berlin". Not set: the
time zone of the controller manager (usually UTC).

@io.k8s.api.batch.v1.CronJobStatus
The state of a cron job as last observed by its controller. Read-only.
.active
References to the jobs this cron job started that are still running.
.lastScheduleTime
When a job was last scheduled to start.
.lastSuccessfulTime
When a job of this cron job last completed successfully.

@io.k8s.api.batch.v1.Job
Runs pods until a number of them finish successfully, then stops: for batch work such as a migration
or a computation. Failed pods are retried up to a limit.
.apiVersion
The API version of this object's schema: "batch/v1" for Job. Clients send it; the server checks it.
.kind
The kind of object: "Job". Clients send it; the server checks it.
.metadata
Name, namespace, labels and other identity data of the job.
.spec
The desired work: the pod to run, how many completions and how much parallelism, retry limits.
.status
How many pods are active, succeeded and failed, and whether the job is complete. Read-only for users.

@io.k8s.api.batch.v1.JobCondition
One observation about a job's state, e.g. Complete or Failed, with its status and reason.
.lastProbeTime
When the condition was last checked.
.lastTransitionTime
When the status of this condition last changed (RFC 3339).
.message
A human-readable explanation of the current status.
.reason
A short CamelCase word giving the cause, e.g. BackoffLimitExceeded or DeadlineExceeded.
.status
Whether the condition holds: "True", "False" or "Unknown". Required.
.type
The kind of condition: "Complete", "Failed", "Suspended", "FailureTarget", "SuccessCriteriaMet".
Required.

@io.k8s.api.batch.v1.JobList
A list of Job objects, as returned by a list request.
.apiVersion
The API version of this list: "batch/v1".
.kind
The kind of list: "JobList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The jobs.

@io.k8s.api.batch.v1.JobSpec
What a job runs and when it counts as done or failed.
.activeDeadlineSeconds
How long, in seconds since the job started, it may run in total; then its pods are stopped and the
job fails with reason DeadlineExceeded. Not set means no limit.
.backoffLimit
How many pod failures are retried before the job is marked failed. Default 6. Retries wait an
exponentially growing delay (10s, 20s, 40s, ... up to 6 minutes).
.backoffLimitPerIndex
For Indexed jobs: how many failures are retried for each index separately. When set, an index that
exceeds it is marked failed while other indexes continue.
.completionMode
How completions are counted:
- NonIndexed (default): the job is done after `completions` successful pods, all alike.
- Indexed: each pod gets an index from 0 to completions-1 (annotation and JOB_COMPLETION_INDEX
variable); the job is done when every index succeeded.
.completions
How many pods must finish successfully. Default 1. Not set with parallelism set: the job is done when
any pod succeeds and all pods have ended (work queue pattern).
.managedBy
The controller that handles this job instead of the built-in one, e.g. "kueue.x-k8s.io/multikueue".
Not set: the built-in job controller. Cannot be changed. (Alpha in v1.32.)
.manualSelector
When true, you supply the selector yourself instead of the generated, unique one. Default false;
rarely needed, as a wrong selector can make jobs share pods.
.maxFailedIndexes
For Indexed jobs with backoffLimitPerIndex: how many indexes may fail before the whole job fails. Not
set means all of them.
.parallelism
How many pods may run at the same time. Default 1; 0 pauses the job.
.podFailurePolicy
Rules that decide, from a failed pod's exit codes or conditions, whether to fail the job at once,
ignore the failure, or count it toward backoffLimit. Requires restartPolicy Never.
.podReplacementPolicy
When a replacement pod is created for a failed or deleted one:
- TerminatingOrFailed (default): as soon as the old pod starts terminating.
- Failed: only once the old pod has fully terminated (the default when podFailurePolicy is set).
.selector
Which pods belong to the job. Normally generated by the server from the job's uid; set it only with
manualSelector.
.successPolicy
Rules that declare an Indexed job successful before all indexes succeeded (e.g. when index 0
succeeds). Remaining pods are then stopped.
.suspend
When true, no pods are created and running pods are stopped; setting it back to false resumes the
job. Default false.
.template
The pod to run. Its restartPolicy must be Never or OnFailure. Required.
.ttlSecondsAfterFinished
Seconds after the job finished (complete or failed) when it is deleted automatically, with its pods.
Not set: never deleted automatically; 0: deleted right away.

@io.k8s.api.batch.v1.JobStatus
The state of a job as last observed by its controller. Read-only.
.active
Pods of the job that are pending or running (not terminating).
.completedIndexes
For Indexed jobs: the indexes that succeeded, as a compressed list such as "1,3-5,7".
.completionTime
When the job completed successfully. Not set for failed jobs.
.conditions
The latest observations, e.g. Complete or Failed set to True once the job ended.
.failed
Pods that ended in phase Failed.
.failedIndexes
For Indexed jobs with backoffLimitPerIndex: the indexes that failed, as a compressed list such as
"1,3-5".
.ready
Pods of the job whose Ready condition is true.
.startTime
When the job controller started working on the job (also when it was resumed from suspension).
.succeeded
Pods that ended in phase Succeeded.
.terminating
Pods that are shutting down (they have a deletionTimestamp) and are not yet Failed or Succeeded.
.uncountedTerminatedPods
Finished pods the controller has seen but not yet added to the succeeded and failed counts.

@io.k8s.api.batch.v1.JobTemplateSpec
The job a cron job creates: its metadata and spec.
.metadata
Labels and annotations given to every job created from the template.
.spec
The spec of the jobs created from the template.

@io.k8s.api.batch.v1.PodFailurePolicy
Rules for handling a failed pod of a job, checked in order; the first rule that matches decides.
Failures that match no rule count toward backoffLimit.
.rules
The rules, at most 20. Required.

@io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement
Matches a failed pod by the exit codes of its containers.
.containerName
Only look at the container with this name. Not set: any container of the pod.
.operator
"In": matches when an exit code is in values. "NotIn": matches when an exit code is not in values.
Required.
.values
The exit codes to compare with: up to 255 distinct values, sorted; 0 is not allowed with In.
Required.

@io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern
Matches a failed pod by one of its conditions, e.g. DisruptionTarget (the pod was evicted or
preempted).
.status
The condition status to match: "True" (default), "False" or "Unknown".
.type
The condition type to match, e.g. "DisruptionTarget". Required.

@io.k8s.api.batch.v1.PodFailurePolicyRule
One rule of a pod failure policy: a match on exit codes or on pod conditions (exactly one), and what
to do then.
.action
What to do when the rule matches:
- FailJob: mark the job failed and stop its pods.
- FailIndex: mark the pod's index failed (with backoffLimitPerIndex).
- Ignore: do not count the failure toward backoffLimit; a new pod is created.
- Count: count it toward backoffLimit as usual.

Required.
.onExitCodes
Match by the containers' exit codes.
.onPodConditions
Match by the pod's conditions; the rule matches when any pattern matches. At most 20.

@io.k8s.api.batch.v1.SuccessPolicy
When an Indexed job counts as successful before every index succeeded. The job succeeds as soon as
any rule is met.
.rules
The rules, at most 20; one is met when its indexes or count succeeded. Required.

@io.k8s.api.batch.v1.SuccessPolicyRule
One success rule: a set of indexes, a count, or both.
.succeededCount
How many indexes (among succeededIndexes, if given) must succeed.
.succeededIndexes
Which indexes must succeed, as a list such as "0,2-4". With succeededCount, that many of them.

@io.k8s.api.batch.v1.UncountedTerminatedPods
UIDs of finished pods the job controller has not yet counted in the job's status; it uses this list
to avoid counting a pod twice.
.failed
UIDs of failed pods not yet counted.
.succeeded
UIDs of succeeded pods not yet counted.
"""#,
]
