// Our descriptions of io.k8s.api.admissionregistration.* types (admission webhooks and CEL admission
// policies). Format: DescriptionCatalog.swift.
let admissionregistrationDescriptions: [StaticString] = [
    #"""
@io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration
A set of validating admission webhooks: HTTPS services the API server calls before storing a matching
create, update, delete or connect request, and which may reject it. Cluster-scoped.
.apiVersion
The API version of this object's schema: "admissionregistration.k8s.io/v1". Clients send it; the
server checks it.
.kind
The kind of object: "ValidatingWebhookConfiguration". Clients send it; the server checks it.
.metadata
Name, labels and annotations of the configuration.
.webhooks
The webhooks and the requests each one is called for.

@io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration
A set of mutating admission webhooks: HTTPS services the API server calls before storing a matching
request, and which may change the object (e.g. inject a sidecar) or reject it. They run before
validation. Cluster-scoped.
.apiVersion
The API version of this object's schema: "admissionregistration.k8s.io/v1". Clients send it; the
server checks it.
.kind
The kind of object: "MutatingWebhookConfiguration". Clients send it; the server checks it.
.metadata
Name, labels and annotations of the configuration.
.webhooks
The webhooks and the requests each one is called for.

@io.k8s.api.admissionregistration.v1.ValidatingWebhook
One validating admission webhook: where it runs, which requests it receives, and what happens when it
fails. It may allow or reject a request but not change it.
.admissionReviewVersions
The AdmissionReview versions the webhook understands, in order of preference (e.g. ["v1"]); the API
server uses the first it knows and fails the call if none. Required.
.clientConfig
How to reach the webhook: a URL or a service in the cluster. Required.
.failurePolicy
What happens when the webhook cannot be called or returns an error: "Fail" (default; the request is
rejected) or "Ignore" (the request goes on).
.matchConditions
CEL expressions that must all be true for the webhook to be called; at most 64. They are checked
after rules and selectors.
.matchPolicy
How rules match a request made through another API version of the same object:
- Equivalent (default): the request is converted to a version the rules name and sent.
- Exact: only requests that match the rules literally are sent.
.name
A unique name of the webhook, fully qualified like "pod-policy.example.com". Required.
.namespaceSelector
Calls the webhook only for objects in namespaces whose labels match (for a Namespace, its own
labels). Default: every namespace.
.objectSelector
Calls the webhook only for objects whose labels match (old or new object). Default: every object.
.rules
Which operations on which resources the webhook is called for. Any rule matching is enough.
.sideEffects
Whether the webhook changes anything outside the object: "None", or "NoneOnDryRun" (it has side
effects but skips them on dry-run requests). Dry-run requests are not sent to webhooks with other
values. Required.
.timeoutSeconds
How long the API server waits for an answer, 1 to 30 seconds. Default 10. A timeout counts as a
failure (see failurePolicy).

@io.k8s.api.admissionregistration.v1.MutatingWebhook
One mutating admission webhook: where it runs, which requests it receives, and what happens when it
fails. It may change the object by returning a JSON patch.
.admissionReviewVersions
The AdmissionReview versions the webhook understands, in order of preference (e.g. ["v1"]); the API
server uses the first it knows and fails the call if none. Required.
.clientConfig
How to reach the webhook: a URL or a service in the cluster. Required.
.failurePolicy
What happens when the webhook cannot be called or returns an error: "Fail" (default; the request is
rejected) or "Ignore" (the request goes on).
.matchConditions
CEL expressions that must all be true for the webhook to be called; at most 64. They are checked
after rules and selectors.
.matchPolicy
How rules match a request made through another API version of the same object:
- Equivalent (default): the request is converted to a version the rules name and sent.
- Exact: only requests that match the rules literally are sent.
.name
A unique name of the webhook, fully qualified like "pod-policy.example.com". Required.
.namespaceSelector
Calls the webhook only for objects in namespaces whose labels match (for a Namespace, its own
labels). Default: every namespace.
.objectSelector
Calls the webhook only for objects whose labels match (old or new object). Default: every object.
.reinvocationPolicy
"Never" (default) calls the webhook once per request; "IfNeeded" calls it
again when a later mutation changed the object.
.rules
Which operations on which resources the webhook is called for. Any rule matching is enough.
.sideEffects
Whether the webhook changes anything outside the object: "None", or "NoneOnDryRun" (it has side
effects but skips them on dry-run requests). Dry-run requests are not sent to webhooks with other
values. Required.
.timeoutSeconds
How long the API server waits for an answer, 1 to 30 seconds. Default 10. A timeout counts as a
failure (see failurePolicy).

@io.k8s.api.admissionregistration.v1.WebhookClientConfig
How the API server reaches an admission webhook: a URL or a service (exactly one), over HTTPS.
.caBundle
PEM-encoded CA certificates that sign the webhook's serving certificate (base64 in JSON/YAML). Not
set: the API server's system trust roots.
.service
A service in the cluster that runs the webhook.
.url
The webhook's address as https://host:port/path. No user info, query or fragment. Use service for
webhooks running in the cluster.

@io.k8s.api.admissionregistration.v1.ServiceReference
A service that runs an admission webhook.
.name
The name of the service. Required.
.namespace
The namespace of the service. Required.
.path
The URL path the request is sent to.
.port
The service port to call, 1-65535. Default 443.

@io.k8s.api.admissionregistration.v1.RuleWithOperations
Which requests an admission webhook receives: operations on resources of API groups and versions.
"*" means all in every list.
.apiGroups
The API groups, e.g. "" for the core group or "apps".
.apiVersions
The API versions, e.g. "v1".
.operations
"CREATE", "UPDATE", "DELETE", "CONNECT" or "*" for all.
.resources
The resources, e.g. "pods"; "pods/status" or "*/scale" for subresources, "*" for all resources but
no subresources, "*/*" for everything.
.scope
"Cluster" (cluster-scoped resources only), "Namespaced" (namespaced only) or "*" (default; both).

@io.k8s.api.admissionregistration.v1.NamedRuleWithOperations io.k8s.api.admissionregistration.v1beta1.NamedRuleWithOperations io.k8s.api.admissionregistration.v1alpha1.NamedRuleWithOperations
Which requests a policy applies to: operations on resources of API groups and versions, optionally
only objects with certain names. "*" means all in every list.
.apiGroups
The API groups, e.g. "" for the core group or "apps".
.apiVersions
The API versions, e.g. "v1".
.operations
"CREATE", "UPDATE", "DELETE", "CONNECT" or "*" for all.
.resourceNames
Only objects with these names. Not set: all objects.
.resources
The resources, e.g. "deployments"; "pods/status" or "*/scale" for subresources, "*" for all
resources but no subresources.
.scope
"Cluster" (cluster-scoped resources only), "Namespaced" (namespaced only) or "*" (default; both).

@io.k8s.api.admissionregistration.v1.MatchCondition io.k8s.api.admissionregistration.v1beta1.MatchCondition io.k8s.api.admissionregistration.v1alpha1.MatchCondition
A CEL expression that must be true for a webhook or policy to apply to a request. It can read object,
oldObject, request, authorizer and params.
.expression
The CEL expression; it must return a boolean. Required.
.name
A unique name of the condition, used in logs and errors. Required.

@io.k8s.api.admissionregistration.v1.MatchResources io.k8s.api.admissionregistration.v1beta1.MatchResources io.k8s.api.admissionregistration.v1alpha1.MatchResources
Which requests an admission policy or binding applies to: resources, namespaces and objects. A
request must match all given criteria and no exclude rule.
.excludeResourceRules
Requests to leave out even when other rules match.
.matchPolicy
How rules match a request made through another API version of the same object: "Equivalent"
(default; converted and matched) or "Exact" (literal match only).
.namespaceSelector
Only objects in namespaces whose labels match. Default: every namespace.
.objectSelector
Only objects whose labels match. Default: every object.
.resourceRules
Which operations on which resources match. Any rule matching is enough.

@io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicy io.k8s.api.admissionregistration.v1beta1.ValidatingAdmissionPolicy
Validation rules written in CEL that the API server checks itself, without calling a webhook. A
policy takes effect only through a ValidatingAdmissionPolicyBinding. Cluster-scoped.
.apiVersion
The API version of this object's schema: "admissionregistration.k8s.io/v1" (or v1beta1). Clients
send it; the server checks it.
.kind
The kind of object: "ValidatingAdmissionPolicy". Clients send it; the server checks it.
.metadata
Name, labels and annotations of the policy.
.spec
The requests the policy applies to and the rules it checks.
.status
The results of type-checking the policy's expressions. Read-only.

@io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicySpec io.k8s.api.admissionregistration.v1beta1.ValidatingAdmissionPolicySpec
What a validating admission policy checks.
.auditAnnotations
Values computed by CEL and added to the audit event of matching requests.
.failurePolicy
What happens when an expression cannot be evaluated or the policy is misconfigured: "Fail"
(default; the request is rejected) or "Ignore".
.matchConditions
CEL expressions that must all be true for the policy to check a request.
.matchConstraints
The resources the policy can apply to; bindings can only narrow this. The API server requires it.
.paramKind
The kind of object that holds parameters for the policy (e.g. a ConfigMap or a custom resource). Not
set: the policy takes no parameters.
.validations
The CEL checks; a request is denied (or warned about, or audited, per binding) when any returns
false.
.variables
Named CEL expressions that the other expressions can use as variables.NAME.

@io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyStatus io.k8s.api.admissionregistration.v1beta1.ValidatingAdmissionPolicyStatus
The state of a validating admission policy. Read-only.
.conditions
The latest observations about the policy.
.observedGeneration
The metadata.generation the status describes.
.typeChecking
Warnings found while type-checking the expressions against the matched resources.

@io.k8s.api.admissionregistration.v1.TypeChecking io.k8s.api.admissionregistration.v1beta1.TypeChecking
The results of type-checking a policy's expressions.
.expressionWarnings
One entry per expression with a type warning.

@io.k8s.api.admissionregistration.v1.ExpressionWarning io.k8s.api.admissionregistration.v1beta1.ExpressionWarning
A type warning about one expression of a policy.
.fieldRef
The path of the expression in the policy, e.g. "spec.validations[0].expression". Required.
.warning
What the type checker found. Required.

@io.k8s.api.admissionregistration.v1.Validation io.k8s.api.admissionregistration.v1beta1.Validation
One CEL check of a validating admission policy.
.expression
The CEL expression; it must return true for the request to pass. It can read object, oldObject,
request, params, namespaceObject, authorizer and variables. Required.
.message
The message returned when the check fails. Default: a message quoting the expression.
.messageExpression
A CEL expression that builds the failure message; it wins over message when it evaluates to a
string.
.reason
The reason (and HTTP code) returned when the check fails: "Unauthorized", "Forbidden" (default),
"Invalid" or "RequestEntityTooLarge".

@io.k8s.api.admissionregistration.v1.AuditAnnotation io.k8s.api.admissionregistration.v1beta1.AuditAnnotation
An audit annotation computed by a policy for each matching request.
.key
The annotation key; the audit event gets POLICYNAME/KEY. Required.
.valueExpression
A CEL expression giving the value as a string; null means no annotation. Required.

@io.k8s.api.admissionregistration.v1.Variable io.k8s.api.admissionregistration.v1beta1.Variable io.k8s.api.admissionregistration.v1alpha1.Variable
A named CEL expression whose result the other expressions of the policy can read as variables.NAME.
.expression
The CEL expression. Required.
.name
The variable's name, a valid CEL identifier. Required.

@io.k8s.api.admissionregistration.v1.ParamKind io.k8s.api.admissionregistration.v1beta1.ParamKind io.k8s.api.admissionregistration.v1alpha1.ParamKind
The kind of object a policy reads its parameters from.
.apiVersion
The API version of the parameter objects, e.g. "v1".
.kind
The kind of the parameter objects, e.g. "ConfigMap".

@io.k8s.api.admissionregistration.v1.ParamRef io.k8s.api.admissionregistration.v1beta1.ParamRef io.k8s.api.admissionregistration.v1alpha1.ParamRef
Which parameter object(s) a binding gives its policy: one by name, or several by label selector
(the policy then runs once per object).
.name
The name of the parameter object. Cannot be combined with selector.
.namespace
The namespace of the parameter objects. Not set: the namespace of the request's object (or none for
cluster-scoped parameter kinds).
.parameterNotFoundAction
What happens when no parameter object is found: "Deny" (the request is rejected) or "Allow"
(the policy passes). Must be set whenever paramRef is given.
.selector
Selects every parameter object whose labels match; {} selects all. Cannot be combined with name.

@io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyBinding io.k8s.api.admissionregistration.v1beta1.ValidatingAdmissionPolicyBinding
Puts a ValidatingAdmissionPolicy into effect for some requests, optionally with parameters, and
says what a failed check does. Cluster-scoped.
.apiVersion
The API version of this object's schema: "admissionregistration.k8s.io/v1" (or v1beta1). Clients
send it; the server checks it.
.kind
The kind of object: "ValidatingAdmissionPolicyBinding". Clients send it; the server checks it.
.metadata
Name, labels and annotations of the binding.
.spec
The policy, its parameters, the requests it covers, and the actions on failure.

@io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyBindingSpec io.k8s.api.admissionregistration.v1beta1.ValidatingAdmissionPolicyBindingSpec
What a policy binding applies and how.
.matchResources
Narrows the requests the policy applies to; they must also match the policy's matchConstraints. Not
set: all requests the policy matches.
.paramRef
The parameter object(s) given to the policy. Needed when the policy has a paramKind.
.policyName
The name of the ValidatingAdmissionPolicy to apply. Required.
.validationActions
What a failed check does; one or more of:
- Deny: reject the request.
- Warn: return a warning to the client.
- Audit: record the failure in the audit event.

Deny and Warn cannot be combined. Required.

@io.k8s.api.admissionregistration.v1alpha1.MutatingAdmissionPolicy
Changes matching requests' objects with CEL-based mutations that the API server applies itself,
without a webhook. Takes effect through a MutatingAdmissionPolicyBinding. Alpha in v1.32 (off by
default); cluster-scoped.
.apiVersion
The API version of this object's schema: "admissionregistration.k8s.io/v1alpha1".
.kind
The kind of object: "MutatingAdmissionPolicy".
.metadata
Name, labels and annotations of the policy.
.spec
The requests the policy applies to and the mutations it makes.

@io.k8s.api.admissionregistration.v1alpha1.MutatingAdmissionPolicySpec
What a mutating admission policy changes.
.failurePolicy
What happens when a mutation fails to evaluate: "Fail" (default; the request is rejected) or
"Ignore".
.matchConditions
CEL expressions that must all be true for the policy to apply.
.matchConstraints
The resources the policy can apply to; bindings can only narrow this. Required.
.mutations
The changes to make, applied in order.
.paramKind
The kind of object that holds parameters for the policy. Not set: no parameters.
.reinvocationPolicy
"Never" (default): apply once per request. "IfNeeded": apply again when a later mutation changed
the object.
.variables
Named CEL expressions the mutations can use as variables.NAME.

@io.k8s.api.admissionregistration.v1alpha1.Mutation
One change a mutating admission policy makes: an apply configuration or a JSON patch.
.applyConfiguration
A CEL expression producing a partial object merged into the request's object like server-side apply.
.jsonPatch
A CEL expression producing a JSON patch (RFC 6902) applied to the object.
.patchType
"ApplyConfiguration" or "JSONPatch": which of the two fields is used. Required.

@io.k8s.api.admissionregistration.v1alpha1.ApplyConfiguration
A mutation given as a partial object to merge into the request's object.
.expression
A CEL expression returning an Object value (e.g. Object{spec: Object.spec{replicas: 1}}) that is
merged in with server-side apply rules.

@io.k8s.api.admissionregistration.v1alpha1.JSONPatch
A mutation given as a JSON patch.
.expression
A CEL expression returning a list of JSONPatch operations (op, path, value), applied in order.

@io.k8s.api.admissionregistration.v1alpha1.MutatingAdmissionPolicyBinding
Puts a MutatingAdmissionPolicy into effect for some requests, optionally with parameters. Alpha;
cluster-scoped.
.apiVersion
The API version of this object's schema: "admissionregistration.k8s.io/v1alpha1".
.kind
The kind of object: "MutatingAdmissionPolicyBinding".
.metadata
Name, labels and annotations of the binding.
.spec
The policy, its parameters and the requests it covers.

@io.k8s.api.admissionregistration.v1alpha1.MutatingAdmissionPolicyBindingSpec
What a mutating policy binding applies and how.
.matchResources
Narrows the requests the policy applies to. Not set: all requests the policy matches.
.paramRef
The parameter object(s) given to the policy.
.policyName
The name of the MutatingAdmissionPolicy to apply. Required.

@io.k8s.api.admissionregistration.v1.ValidatingWebhookConfigurationList
A list of ValidatingWebhookConfiguration objects, as returned by a list request.
.apiVersion
The API version of this list: "admissionregistration.k8s.io/v1".
.kind
The kind of list: "ValidatingWebhookConfigurationList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The validating webhook configurations.

@io.k8s.api.admissionregistration.v1.MutatingWebhookConfigurationList
A list of MutatingWebhookConfiguration objects, as returned by a list request.
.apiVersion
The API version of this list: "admissionregistration.k8s.io/v1".
.kind
The kind of list: "MutatingWebhookConfigurationList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The mutating webhook configurations.

@io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyList io.k8s.api.admissionregistration.v1beta1.ValidatingAdmissionPolicyList
A list of ValidatingAdmissionPolicy objects, as returned by a list request.
.apiVersion
The API version of this list: "admissionregistration.k8s.io/v1 (or v1beta1)".
.kind
The kind of list: "ValidatingAdmissionPolicyList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The validating admission policies.

@io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyBindingList io.k8s.api.admissionregistration.v1beta1.ValidatingAdmissionPolicyBindingList
A list of ValidatingAdmissionPolicyBinding objects, as returned by a list request.
.apiVersion
The API version of this list: "admissionregistration.k8s.io/v1 (or v1beta1)".
.kind
The kind of list: "ValidatingAdmissionPolicyBindingList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The policy bindings.

@io.k8s.api.admissionregistration.v1alpha1.MutatingAdmissionPolicyList
A list of MutatingAdmissionPolicy objects, as returned by a list request.
.apiVersion
The API version of this list: "admissionregistration.k8s.io/v1alpha1".
.kind
The kind of list: "MutatingAdmissionPolicyList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The mutating admission policies.

@io.k8s.api.admissionregistration.v1alpha1.MutatingAdmissionPolicyBindingList
A list of MutatingAdmissionPolicyBinding objects, as returned by a list request.
.apiVersion
The API version of this list: "admissionregistration.k8s.io/v1alpha1".
.kind
The kind of list: "MutatingAdmissionPolicyBindingList".
.metadata
Data about the list itself: its resourceVersion and the continue token for paging.
.items
The policy bindings.
"""#,
]
