#!/usr/bin/env python3
"""Writes sweep-cases.txt: the oracle sweep of `kubectl explain` (same three columns as cases.txt).

The cases are derived from the v1.32 OpenAPI documents' STRUCTURE (kinds, served versions, field names
and types), never their prose, with a fixed random seed, so the list is the same on every run:
  - every served resource by plural, Kind, singular, short name, plural.group, plural.version.group and
    in mixed case; every non-preferred version by plural.version.group and by --api-version;
  - every kind's top-level fields, --recursive on every kind, --recursive on a field of every kind;
  - random walks 1-6 levels deep through objects, lists and maps of objects; paths picked by type:
    enums, maps of strings and of objects, int-or-string, quantities, required fields, formats;
  - errors: unknown fields at every depth, fields under scalars and map values, case changes, flags.

Usage: gen_sweep.py [OPENAPI_DIR]   (default /work/shared/openapi/v1.32); writes next to this script.
"""
import glob, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPENAPI = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/openapi/v1.32"
PATH_RE = re.compile(r"^/apis?/(?:[^/]+/)?[^/]+/(namespaces/\{namespace\}/)?([a-z0-9]+)(/\{name\})?$")
SHORT = {"pods": "po", "services": "svc", "deployments": "deploy", "configmaps": "cm", "namespaces": "ns",
         "nodes": "no", "replicasets": "rs", "daemonsets": "ds", "statefulsets": "sts",
         "persistentvolumeclaims": "pvc", "persistentvolumes": "pv", "serviceaccounts": "sa",
         "ingresses": "ing", "cronjobs": "cj", "horizontalpodautoscalers": "hpa",
         "networkpolicies": "netpol", "poddisruptionbudgets": "pdb", "customresourcedefinitions": "crds",
         "endpoints": "ep", "limitranges": "limits", "resourcequotas": "quota",
         "replicationcontrollers": "rc", "certificatesigningrequests": "csr", "storageclasses": "sc",
         "priorityclasses": "pc"}


def version_priority(v):
    m = re.match(r"^v(\d+)(?:(alpha|beta)(\d+))?$", v)
    level = {None: 0, "beta": 1, "alpha": 2}[m.group(2)]
    return (level, -int(m.group(1)), -int(m.group(3) or 0))


def load():
    resources, schemas = [], {}
    files = [os.path.join(OPENAPI, "api", "v1.json")] + sorted(glob.glob(os.path.join(OPENAPI, "apis", "*", "*.json")))
    for f in files:
        rel = os.path.relpath(f, OPENAPI)[:-5]
        doc = json.load(open(f))
        group, version = ("", "v1") if rel == "api/v1" else rel[5:].split("/")
        schemas.update(doc.get("components", {}).get("schemas", {}))
        seen = set()
        for path, item in sorted(doc.get("paths", {}).items()):
            m = PATH_RE.match(path)
            if not m or "/watch/" in path or (m.group(2) == "namespaces" and m.group(1)):
                continue
            for op in item.values():
                if isinstance(op, dict) and op.get("x-kubernetes-group-version-kind") and m.group(2) not in seen:
                    seen.add(m.group(2))
                    gvk = op["x-kubernetes-group-version-kind"]
                    resources.append(dict(group=group, version=version, plural=m.group(2), kind=gvk["kind"]))
    return resources, schemas


RESOURCES, SCHEMAS = load()
GROUP_VERSIONS = {}
for r in RESOURCES:
    GROUP_VERSIONS.setdefault(r["group"], set()).add(r["version"])
PREFERRED = {g: sorted(vs, key=version_priority)[0] for g, vs in GROUP_VERSIONS.items()}


def definition_for(r):
    for name, s in SCHEMAS.items():
        for g in s.get("x-kubernetes-group-version-kind", []):
            if g["group"] == r["group"] and g["version"] == r["version"] and g["kind"] == r["kind"]:
                return name
    return None


def ref_of(p):
    if "$ref" in p:
        return p["$ref"].split("/")[-1]
    for a in p.get("allOf", []):
        if "$ref" in a:
            return a["$ref"].split("/")[-1]
    return None


def object_under(p):
    """The definition name whose fields a property has (through lists and maps), or None."""
    r = ref_of(p)
    if r:
        return r if SCHEMAS.get(r, {}).get("properties") else None
    if p.get("type") == "array":
        return object_under(p.get("items", {}))
    if p.get("type") == "object" and isinstance(p.get("additionalProperties"), dict):
        return object_under(p["additionalProperties"])
    return None


cases, names = [], set()


def kubectl_path(args, given):
    """The field path kubectl follows for a plain dotted argument (its first node names the resource;
    when the argument starts with `plural.group` of a resource of that name, the fields come after
    it, otherwise every node after the first is a field; empty nodes are dropped). Arguments with
    other jsonpath syntax, or with no resource found, keep the path written with the case."""
    words = args.split(" ")
    token = words[0]
    if token.startswith("-") or re.search(r"[\[\]'{}$@*\\]|\.\.", token) or any(w.startswith("--api-version") for w in words):
        return given
    first = token.split(".")[0]
    served = [r for r in RESOURCES if re.match(r"^v\d+$", r["version"]) and r["version"] == PREFERRED[r["group"]]]
    match = [r for r in served if first.lower() in (r["plural"], r["kind"].lower()) or SHORT.get(r["plural"]) == first]
    if not match:
        return given
    plural = match[0]["plural"]
    for r in [match[0]] + [r for r in served if r["plural"] == plural and r is not match[0]]:
        qp = qualified(r)
        if token.startswith(qp):
            return ".".join(n for n in token[len(qp):].split(".")[1:] if n)
    return ".".join(n for n in token.split(".")[1:] if n)


def add(name, args, path):
    path = kubectl_path(args, path)
    name = re.sub(r"[^A-Za-z0-9._-]", "_", name)[:120]
    base, i = name, 2
    while name in names:
        name = f"{base}-{i}"
        i += 1
    names.add(name)
    cases.append((name, args, path))


def arg(token, fields):
    return token + ("." + ".".join(fields) if fields else "")


def qualified(r):
    return r["plural"] + ("." + r["group"] if r["group"] else "")


preferred = [r for r in RESOURCES if r["version"] == PREFERRED[r["group"]]]
# Resources only in alpha/beta versions (not served by a default v1.32 cluster): by name only.
ga = [r for r in preferred if re.match(r"^v\d+$", r["version"])]
others = [r for r in RESOURCES if r["version"] != PREFERRED[r["group"]]]
rng = random.Random(20261206)

# 1. Names: every served resource, six spellings.
for r in preferred:
    q = qualified(r)
    add(f"sw-name-plural-{q}", q, "")
    add(f"sw-name-kind-{q}", r["kind"] + ("." + r["group"] if r["group"] else ""), "")
    add(f"sw-name-singular-{q}", r["kind"].lower(), "")
    if r["group"]:
        add(f"sw-name-gv-{q}", f"{r['plural']}.{r['version']}.{r['group']}", "")
    if r["plural"] in SHORT:
        add(f"sw-name-short-{q}", SHORT[r["plural"]], "")
for a in ["PODS", "Pods", "pOd", "DePloyment", "deployments.APPS", "Deployment.Apps", "deployment.v1.apps",
          "Deployment.V1.Apps", "NetworkPolicy", "networkpolicy.networking.k8s.io", "Hpa", "HPA",
          "CronJob.batch", "cronjob.v1.batch", "EVENTS", "events.EVENTS.K8S.IO", "Event.events.k8s.io",
          "ingresses.v1.networking.k8s.io", "StorageClass", "CSIDriver", "csidriver", "CSINODES",
          "Lease", "EndpointSlice", "endpointslice.discovery.k8s.io", "ComponentStatus", "cs", "Binding",
          "TokenReview", "SelfSubjectReview", "FlowSchema", "ValidatingAdmissionPolicy", "podtemplate",
          "PodTemplate", "apiservice", "APIService", "controllerrevision", "ResourceClaim"]:
    add(f"sw-case-{a}", a, "")
for r in others:
    q = f"{r['plural']}.{r['version']}.{r['group']}"
    add(f"sw-version-{q}", q, "")
    add(f"sw-apiversion-{r['group']}-{r['version']}-{r['plural']}", f"{r['plural']} --api-version={r['group']}/{r['version']}", "")

# 2. Top-level fields of every kind, --recursive on every kind and on one field of every kind.
for r in ga:
    d = definition_for(r)
    if not d:
        continue
    q = qualified(r)
    props = SCHEMAS[d].get("properties", {})
    for f in props:
        add(f"sw-top-{q}-{f}", arg(q, [f]), f)
    add(f"sw-rec-{q}", q + " --recursive", "")
    objs = [f for f, p in props.items() if object_under(p) and f != "metadata"]
    if objs:
        f = "spec" if "spec" in objs else objs[0]
        add(f"sw-recfield-{q}-{f}", arg(q, [f]) + " --recursive", f)
for r in others:
    d = definition_for(r)
    if d:
        add(f"sw-rec-{r['plural']}-{r['version']}", f"{r['plural']}.{r['version']}.{r['group']} --recursive", "")

def random_walk(rng, d):
    """A path 1-6 fields deep from definition d, through objects while it can go deeper; with the
    definition it ends in (None at a scalar)."""
    path, cur = [], d
    depth = rng.randint(1, 6)
    while len(path) < depth and cur:
        props = SCHEMAS[cur].get("properties", {})
        if not props:
            break
        keys = sorted(props)
        objs = [k for k in keys if object_under(props[k])]
        k = rng.choice(objs if objs and len(path) < depth - 1 else keys)
        path.append(k)
        cur = object_under(props[k])
    return path, cur


# 3. Random walks 1-6 levels deep, and errors along them.
for r in ga:
    d = definition_for(r)
    if not d:
        continue
    q = qualified(r)
    for w in range(3):
        path, cur = random_walk(rng, d)
        if not path:
            continue
        add(f"sw-walk-{q}-{'.'.join(path)}", arg(q, path), ".".join(path))
        if w == 0:
            bad = path[:-1] + ["nope"]
            add(f"sw-err-unknown-{q}-{'.'.join(bad)}", arg(q, bad), ".".join(bad))
        if w == 1 and cur is None:
            bad = path + ["x"]
            add(f"sw-err-under-{q}-{'.'.join(bad)}", arg(q, bad), ".".join(bad))
        if w == 2:
            add(f"sw-walkrec-{q}-{'.'.join(path)}", arg(q, path) + " --recursive", ".".join(path))

# 4. Paths picked by type, across kinds (breadth-first from each kind, at most 6 levels).
buckets = {k: [] for k in ["enum", "mapstr", "mapobj", "intorstr", "quantity", "required", "int32", "int64",
                           "datetime", "byte", "bool", "arrstr", "arrobj", "number", "nested-enum-long"]}
for r in ga:
    d = definition_for(r)
    if not d:
        continue
    q = qualified(r)
    queue, seen = [(d, [])], {d}
    while queue:
        cur, path = queue.pop(0)
        s = SCHEMAS[cur]
        for f, p in sorted(s.get("properties", {}).items()):
            fp = path + [f]
            ref = ref_of(p)
            t = p.get("type")
            if "enum" in p:
                buckets["enum"].append((q, fp))
                if len(p["enum"]) > 4:
                    buckets["nested-enum-long"].append((q, fp))
            if t == "object" and p.get("additionalProperties", {}).get("type") == "string":
                buckets["mapstr"].append((q, fp))
            if t == "object" and isinstance(p.get("additionalProperties"), dict) and object_under(p["additionalProperties"]):
                buckets["mapobj"].append((q, fp))
            if ref and ref.endswith("IntOrString"):
                buckets["intorstr"].append((q, fp))
            if ref and ref.endswith("Quantity") or (isinstance(p.get("additionalProperties"), dict) and (ref_of(p["additionalProperties"]) or "").endswith("Quantity")):
                buckets["quantity"].append((q, fp))
            if f in s.get("required", []):
                buckets["required"].append((q, fp))
            fmt = p.get("format")
            if fmt in ("int32", "int64", "byte"):
                buckets[fmt].append((q, fp))
            if fmt == "date-time" or (ref or "").endswith("Time"):
                buckets["datetime"].append((q, fp))
            if t == "boolean":
                buckets["bool"].append((q, fp))
            if t == "number":
                buckets["number"].append((q, fp))
            if t == "array":
                (buckets["arrobj"] if object_under(p) else buckets["arrstr"]).append((q, fp))
            sub = object_under(p)
            if sub and sub not in seen and len(fp) < 6:
                seen.add(sub)
                queue.append((sub, fp))
for b, items in buckets.items():
    items = sorted(set((q, tuple(fp)) for q, fp in items))
    for q, fp in rng.sample(items, min(len(items), 10)):
        add(f"sw-type-{b}-{q}-{'.'.join(fp)}", arg(q, list(fp)), ".".join(fp))

# 5. Hand-written odd inputs.
HAND = [
    # trailing, doubled and leading dots; case; map keys; names of fields differing in case
    ("pods.", ""), ("pods.spec.containers.", "spec.containers"), ("pods..spec..containers", "spec.containers"),
    ("pods.spec...containers", "spec.containers"), ("deployments.apps.", ""), ("deployments.apps.spec.", "spec"),
    ("deployments.v1.apps.spec.template", "spec.template"), ("deployments.v1.apps..spec", "spec"),
    ("pods.Spec", "Spec"), ("pods.spec.Containers", "spec.Containers"), ("pods.SPEC", "SPEC"),
    ("pods.metadata.Labels", "metadata.Labels"), ("pods.apiversion", "apiversion"),
    ("pods.metadata.labels.app.x", "metadata.labels.app.x"), ("pods.metadata.annotations", "metadata.annotations"),
    ("pods.metadata.ownerReferences", "metadata.ownerReferences"),
    ("pods.metadata.ownerReferences.controller", "metadata.ownerReferences.controller"),
    ("pods.metadata.managedFields.fieldsV1", "metadata.managedFields.fieldsV1"),
    ("pods.status.conditions.status", "status.conditions.status"), ("pods.status.phase", "status.phase"),
    ("pods.status.qosClass", "status.qosClass"), ("pods.spec.containers.imagePullPolicy", "spec.containers.imagePullPolicy"),
    ("pods.spec.containers.ports.protocol", "spec.containers.ports.protocol"),
    ("pods.spec.containers.ports.containerPort", "spec.containers.ports.containerPort"),
    ("pods.spec.containers.resources.requests", "spec.containers.resources.requests"),
    ("pods.spec.containers.env.valueFrom.fieldRef", "spec.containers.env.valueFrom.fieldRef"),
    ("pods.spec.containers.securityContext.capabilities.add", "spec.containers.securityContext.capabilities.add"),
    ("pods.spec.containers.securityContext.seccompProfile.type", "spec.containers.securityContext.seccompProfile.type"),
    ("pods.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.matchExpressions.operator",
     "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.matchExpressions.operator"),
    ("pods.spec.volumes.projected.sources.serviceAccountToken.expirationSeconds",
     "spec.volumes.projected.sources.serviceAccountToken.expirationSeconds"),
    ("pods.spec.tolerations.operator", "spec.tolerations.operator"), ("pods.spec.dnsPolicy", "spec.dnsPolicy"),
    ("pods.spec.nodeSelector", "spec.nodeSelector"), ("pods.spec.volumes.emptyDir.sizeLimit", "spec.volumes.emptyDir.sizeLimit"),
    ("services.spec.ports.targetPort", "spec.ports.targetPort"), ("services.spec.type", "spec.type"),
    ("services.spec.ipFamilyPolicy", "spec.ipFamilyPolicy"), ("services.spec.sessionAffinity", "spec.sessionAffinity"),
    ("deployments.spec.strategy.rollingUpdate.maxSurge", "spec.strategy.rollingUpdate.maxSurge"),
    ("deployments.spec.selector", "spec.selector"), ("deployments.spec.selector.matchLabels", "spec.selector.matchLabels"),
    ("deployments.spec.template.spec.containers.name", "spec.template.spec.containers.name"),
    ("statefulsets.spec.volumeClaimTemplates.spec.resources", "spec.volumeClaimTemplates.spec.resources"),
    ("statefulsets.spec.podManagementPolicy", "spec.podManagementPolicy"),
    ("nodes.status.allocatable", "status.allocatable"), ("nodes.status.addresses.type", "status.addresses.type"),
    ("nodes.spec.taints.effect", "spec.taints.effect"), ("pv.spec.capacity", "spec.capacity"),
    ("pvc.spec.accessModes", "spec.accessModes"), ("pv.spec.persistentVolumeReclaimPolicy", "spec.persistentVolumeReclaimPolicy"),
    ("resourcequotas.spec.hard", "spec.hard"), ("limitranges.spec.limits.type", "spec.limits.type"),
    ("jobs.spec.completionMode", "spec.completionMode"), ("jobs.spec.podFailurePolicy.rules.action", "spec.podFailurePolicy.rules.action"),
    ("cronjobs.spec.concurrencyPolicy", "spec.concurrencyPolicy"), ("hpa.spec.metrics.type", "spec.metrics.type"),
    ("hpa.spec.behavior.scaleUp.policies", "spec.behavior.scaleUp.policies"),
    ("ingresses.spec.rules.http.paths.pathType", "spec.rules.http.paths.pathType"),
    ("networkpolicies.spec.ingress.ports.port", "spec.ingress.ports.port"),
    ("networkpolicies.spec.policyTypes", "spec.policyTypes"), ("secrets.type", "type"), ("secrets.stringData", "stringData"),
    ("configmaps.binaryData", "binaryData"), ("configmaps.immutable", "immutable"), ("events.type", "type"),
    ("events.involvedObject", "involvedObject"), ("events.events.k8s.io.regarding", "regarding"),
    ("crd.spec.versions.schema.openAPIV3Schema.properties", "spec.versions.schema.openAPIV3Schema.properties"),
    ("crd.spec.versions.schema.openAPIV3Schema.x-kubernetes-int-or-string", "spec.versions.schema.openAPIV3Schema.x-kubernetes-int-or-string"),
    ("crd.spec.versions.schema.openAPIV3Schema.$ref", "spec.versions.schema.openAPIV3Schema.$ref"),
    ("crd.spec.versions.schema.openAPIV3Schema.x-kubernetes-validations.reason", "spec.versions.schema.openAPIV3Schema.x-kubernetes-validations.reason"),
    ("crd.spec.versions.schema.openAPIV3Schema.items", "spec.versions.schema.openAPIV3Schema.items"),
    ("crd.spec.versions.schema.openAPIV3Schema.properties.properties", "spec.versions.schema.openAPIV3Schema.properties.properties"),
    ("crd.spec.versions.schema.openAPIV3Schema.default", "spec.versions.schema.openAPIV3Schema.default"),
    ("crd.spec.conversion.strategy", "spec.conversion.strategy"), ("crd.spec.scope", "spec.scope"),
    ("crd.spec.names", "spec.names"), ("crd.status.conditions", "status.conditions"),
    ("validatingadmissionpolicies.spec.failurePolicy", "spec.failurePolicy"),
    ("validatingadmissionpolicies.spec.matchConstraints.resourceRules", "spec.matchConstraints.resourceRules"),
    ("validatingwebhookconfigurations.webhooks.sideEffects", "webhooks.sideEffects"),
    ("mutatingwebhookconfigurations.webhooks.reinvocationPolicy", "webhooks.reinvocationPolicy"),
    ("flowschemas.spec.rules.subjects.kind", "spec.rules.subjects.kind"),
    ("prioritylevelconfigurations.spec.limited.limitResponse.type", "spec.limited.limitResponse.type"),
    ("leases.spec.renewTime", "spec.renewTime"), ("leases.spec.leaseDurationSeconds", "spec.leaseDurationSeconds"),
    ("endpointslices.endpoints.conditions", "endpoints.conditions"), ("endpointslices.addressType", "addressType"),
    ("csidrivers.spec.fsGroupPolicy", "spec.fsGroupPolicy"), ("csidrivers.spec.volumeLifecycleModes", "spec.volumeLifecycleModes"),
    ("storageclasses.volumeBindingMode", "volumeBindingMode"), ("storageclasses.parameters", "parameters"),
    ("tokenreviews.spec.audiences", "spec.audiences"), ("tokenreviews.status.user.extra", "status.user.extra"),
    ("selfsubjectreviews.status.userInfo", "status.userInfo"), ("componentstatuses.conditions", "conditions"),
    ("bindings.target", "target"), ("priorityclasses.preemptionPolicy", "preemptionPolicy"),
    ("priorityclasses.value", "value"), ("runtimeclasses.handler", "handler"), ("runtimeclasses.overhead.podFixed", "overhead.podFixed"),
    ("certificatesigningrequests.spec.usages", "spec.usages"), ("certificatesigningrequests.spec.request", "spec.request"),
    ("apiservices.spec.caBundle", "spec.caBundle"), ("controllerrevisions.data", "data"),
    ("serviceaccounts.secrets", "secrets"), ("namespaces.status.phase", "status.phase"),
    ("podtemplates.template.spec", "template.spec"), ("replicationcontrollers.spec.selector", "spec.selector"),
    ("endpoints.subsets.ports.appProtocol", "subsets.ports.appProtocol"),
    ("resourceclaims.spec.devices.requests.allocationMode", "spec.devices.requests.allocationMode"),
    ("clusterroles.aggregationRule", "aggregationRule"), ("rolebindings.subjects", "subjects"), ("rolebindings.roleRef", "roleRef"),
    ("poddisruptionbudgets.spec.maxUnavailable", "spec.maxUnavailable"),
    ("poddisruptionbudgets.spec.unhealthyPodEvictionPolicy", "spec.unhealthyPodEvictionPolicy"),
    ("volumeattachments.spec.source.inlineVolumeSpec", "spec.source.inlineVolumeSpec"),
    ("csistoragecapacities.capacity", "capacity"), ("ingressclasses.spec.parameters.scope", "spec.parameters.scope"),
]
for a, path in HAND:
    add(f"sw-hand-{a}", a, path)
REC = ["pods.spec.containers.env", "pods.metadata", "pods.status", "crd.spec.versions.schema", "crd.spec",
       "crd.spec.versions.schema.openAPIV3Schema.properties", "validatingadmissionpolicies.spec",
       "deployments.spec.template.spec.affinity", "jobs.spec.podFailurePolicy", "hpa.spec.metrics",
       "nodes.status", "services.spec.ports", "pods.spec.containers.resources.limits", "pods.metadata.name"]
for a in REC:
    add(f"sw-handrec-{a}", a + " --recursive", a.split(".", 1)[1] if "." in a and not a.startswith("crd.") else a[4:] if a.startswith("crd.") else "")
# Flags and errors (path "-": kubectl fails before printing; a path: the header is printed first).
FLAGS = [
    ("pods --api-version=v1", ""), ("pods --api-version=V1", "-"), ("pods --api-version=v2", "-"),
    ("pods --api-version=apps/v1", "-"), ("deployments --api-version=apps/v1", ""),
    ("deployments --api-version=apps/v1beta1", "-"), ("deployments --api-version=extensions/v1beta1", "-"),
    ("deployments --api-version=v1", "-"), ("deployments --api-version=apps", "-"), ("deployments --api-version=/v1", "-"),
    ("deployments --api-version=apps/v1/x", "-"), ("deployments.apps --api-version=apps/v1", "-"),
    ("deployments.spec --api-version=apps/v1", "spec"), ("deploy.spec.replicas --api-version=apps/v1", "spec.replicas"),
    ("hpa --api-version=autoscaling/v2", ""), ("hpa.spec --api-version=autoscaling/v1", "spec"),
    ("hpa.spec.metrics --api-version=autoscaling/v1", "spec.metrics"),
    ("hpa.spec.targetCPUUtilizationPercentage --api-version=autoscaling/v1", "spec.targetCPUUtilizationPercentage"),
    ("hpa --api-version=autoscaling/v2beta2", "-"), ("cronjobs --api-version=batch/v1beta1", "-"),
    ("cronjobs --api-version=batch/v1", ""), ("jobs --api-version=batch/v2", "-"),
    ("events --api-version=events.k8s.io/v1", ""), ("events.note --api-version=events.k8s.io/v1", "note"),
    ("ev.note --api-version=events.k8s.io/v1", "note"), ("events.k8s.io --api-version=events.k8s.io/v1", "-"),
    ("validatingadmissionpolicies --api-version=admissionregistration.k8s.io/v1beta1", ""),
    ("validatingadmissionpolicies --api-version=admissionregistration.k8s.io/v1alpha1", ""),
    ("ingresses --api-version=networking.k8s.io/v1beta1", "-"), ("ingresses --api-version=extensions/v1beta1", "-"),
    ("leases --api-version=coordination.k8s.io/v1alpha2", "-"), ("selfsubjectreviews --api-version=authentication.k8s.io/v1beta1", ""),
    ("resourceclaims --api-version=resource.k8s.io/v1alpha3", ""), ("pods --api-version", "-"),
    ("pods --recursive=true", ""), ("pods --recursive=false", ""), ("pods --recursive=bogus", "-"),
    ("pods -o plaintext", ""), ("pods --output plaintext", ""), ("pods -oplaintext", ""), ("pods --output=", "-"),
    ("pods -o wide", "-"), ("pods -o yaml", "-"), ("pods -o json", "-"), ("pods -o PLAINTEXT", "-"),
    ("pods -o", "-"), ("pods.spec -o foo", "-"), ("foo -o foo", "-"),
    ("pods --output=plaintext-openapiv2", "-"), ("pods.spec.containers --output=plaintext-openapiv2", "-"),
    ("pods -n kube-system", ""), ("pods --namespace=default", ""), ("pods -A", "-"), ("pods --all-namespaces", "-"),
    ("-f pod.yaml", "-"), ("pods -f pod.yaml", "-"), ("--filename=pod.yaml pods", "-"), ("pods -l app=x", "-"),
    ("pods --selector=app=x", "-"), ("pods --bogus", "-"), ("pods --recursive pods", "-"),
    ("pods svc deploy", "-"), ("pods pods", "-"), ("pods/nginx", "-"), ("pods,svc", "-"), ("pod/x.spec", "-"),
    ("foo.bar", "-"), ("foos", "-"), ("foo.apps", "-"), ("deployments.foo", "-"), ("deployments.v9.apps", "-"),
    ("deployments.v1.apps.spec.nope", "spec.nope"), ("Pod.v1.", ""), ("pods.v1", "v1"),
    ("pods.spec.containers.name.x.y", "spec.containers.name.x.y"), ("pods.metadata.labels.x.y", "metadata.labels.x.y"),
    ("pods.spec.nodeSelector.kubernetes.io/os", "-"), ("pods.spec.containers[*].name", "-"),
    ("pods.spec.containers['name']", "spec.containers.name"), ("pods.spec.containers.name[0]", "-"),
    ("pods.{.spec}", "-"), ("pods.spec.@", "-"), ("pods.spec.nope.nope.nope.nope.nope", "spec.nope.nope.nope.nope.nope"),
    ("--recursive", "-"), ("--api-version=v1", "-"), ("-o plaintext", "-"),
    ("componentstatuses --api-version=v1", ""), ("bindings.target.kind", "target.kind"),
]
for a, path in FLAGS:
    add(f"sw-flag-{a}", a, path)

# 6. The old template (--output=plaintext-openapiv2, OpenAPI v2): a sample of the cases above.
V2 = [("pods", ""), ("deployments.apps", ""), ("svc", ""), ("cm", ""), ("crd", ""), ("hpa", ""), ("events", ""),
      ("events.events.k8s.io", ""), ("nodes", ""), ("cronjobs", ""), ("leases", ""), ("tokenreviews", ""),
      ("pods.spec", "spec"), ("pods.spec.containers", "spec.containers"), ("pods.spec.containers.name", "spec.containers.name"),
      ("pods.metadata.labels", "metadata.labels"), ("pods.spec.containers.ports.containerPort", "spec.containers.ports.containerPort"),
      ("pods.spec.containers.resources.limits", "spec.containers.resources.limits"),
      ("pods.spec.containers.livenessProbe.httpGet.port", "spec.containers.livenessProbe.httpGet.port"),
      ("pods.metadata.creationTimestamp", "metadata.creationTimestamp"), ("pods.spec.restartPolicy", "spec.restartPolicy"),
      ("deployments.spec.strategy", "spec.strategy"), ("deployments.spec.template.spec.volumes.configMap", "spec.template.spec.volumes.configMap"),
      ("nodes.status.capacity", "status.capacity"), ("secrets.data", "data"), ("crd.spec.versions.schema.openAPIV3Schema", "spec.versions.schema.openAPIV3Schema"),
      ("pods.foo", "foo"), ("pods.spec.containers.name.foo", "spec.containers.name.foo"), ("pods.metadata.labels.app", "metadata.labels.app"),
      ("foo", "-"), ("pods.", ""), ("pods..spec", "spec")]
for a, path in V2:
    add(f"sw-v2-{a}", a + " --output=plaintext-openapiv2", path)
    if path == "" and a in ("pods", "deployments.apps", "svc", "crd", "events"):
        add(f"sw-v2rec-{a}", a + " --output=plaintext-openapiv2 --recursive", "")
for a, path in [("pods.spec.containers", "spec.containers"), ("crd.spec.versions.schema.openAPIV3Schema", "spec.versions.schema.openAPIV3Schema"),
                ("pods.spec.containers.resources", "spec.containers.resources")]:
    add(f"sw-v2rec-{a}", a + " --output=plaintext-openapiv2 --recursive", path)
for a in ["hpa --api-version=autoscaling/v1", "hpa.spec --api-version=autoscaling/v1", "pods --api-version=apps/v1",
          "deployments --api-version=apps/v1"]:
    add(f"sw-v2-{a}", a + " -o plaintext-openapiv2", "" if "." not in a.split()[0] else "spec")

# 7. The old template over every GA kind: the kind, --recursive, and the random walks of section 3
#    again (a second generator, so the cases above stay as they were), with an unknown field at their end.
rng2 = random.Random(20261207)
for r in ga:
    d = definition_for(r)
    if not d:
        continue
    q = qualified(r)
    add(f"sw-v2kind-{q}", q + " -o plaintext-openapiv2", "")
    add(f"sw-v2kindrec-{q}", q + " -o plaintext-openapiv2 --recursive", "")
    for w in range(2):
        path, cur = random_walk(rng2, d)
        if not path:
            continue
        add(f"sw-v2walk-{q}-{'.'.join(path)}", arg(q, path) + " -o plaintext-openapiv2", ".".join(path))
        if w == 0:
            bad = path + (["x"] if cur is None else ["nope"])
            add(f"sw-v2walkerr-{q}-{'.'.join(bad)}", arg(q, bad) + " -o plaintext-openapiv2", ".".join(bad))
        else:
            add(f"sw-v2walkrec-{q}-{'.'.join(path)}", arg(q, path) + " -o plaintext-openapiv2 --recursive", ".".join(path))

# 8. Odd jsonpath syntax in the argument (kubectl reads it as the jsonpath {.ARG}), and odd flag spellings.
ODD = ["pods.spec.containers[0].name", "pods[0]", "pods.spec.containers..name", 'pods.spec."containers"',
       "pods.spec.containers[?(@.name)]", "pods.{range}", "pods.spec.containers.*", "pods.spec['containers']['name']",
       'pods["spec"]', "pods.spec[]", "pods.spec.containers[-1]", "pods.spec.containers[0:2]", "pods..", "...",
       "pods.$", "pods.spec.containers.name.", "pods.@.spec", "pods.spec['a.b']", "pods.'spec'",
       "pods.spec.containers[*]", "{.pods}", "{pods}", "pods}", "pods{", "pods.spec)", "pods.spec(", "pods.spec[0",
       "pods.spec']", "pods['spec", "pods.spec.containers[0]]", "pods.spec,metadata", "pods.spec|metadata",
       "pods.sp-ec", "pods.spec_x", "pods.spec.1", "pods.1.spec", "pods.-", "pods.spec\\.x", "pods.ñ",
       "deployments.apps.spec[0]", "deployments.apps['spec']", "deployments.apps..spec.replicas",
       "deployments['apps'].spec", "pods.spec.containers['name'].x", "pods.spec.containers[name]",
       "pods.spec.containers['']", "pods['']", "pods.spec..", "pods.spec.containers.name..", "po..spec",
       "pods.metadata.labels['app']", "pods.metadata.labels[app]", "pods.metadata.labels.*",
       "pods --recursive=1", "pods --recursive=0", "pods --recursive=True", "pods --recursive=t",
       "pods --api-version=v1 --api-version=v1", "pods -o plaintext -o plaintext-openapiv2",
       "pods -o plaintext-openapiv2 -o plaintext", "pods.spec --output=Plaintext-openapiv2",
       "pods --output=plaintext-openapiv3", "pods.spec -o=plaintext", "pods.spec --recursive --recursive=false",
       "pods --api-version= -o plaintext-openapiv2", "pods.spec.containers --api-version=v1 -o plaintext-openapiv2",
       "pods.spec.containers.name --api-version=v1 -o plaintext-openapiv2",
       "deployments.spec.replicas --api-version=apps/v1 -o plaintext-openapiv2",
       "hpa.spec.metrics --api-version=autoscaling/v1 -o plaintext-openapiv2",
       "hpa.spec.targetCPUUtilizationPercentage --api-version=autoscaling/v1 -o plaintext-openapiv2",
       "cronjobs --api-version=batch/v1beta1 -o plaintext-openapiv2", "pods --api-version=v2 -o plaintext-openapiv2",
       "pods --api-version=apps/v1/x -o plaintext-openapiv2", "HPA -o plaintext-openapiv2",
       "pods.spec[0] -o plaintext-openapiv2", "pods..spec -o plaintext-openapiv2 --recursive",
       "events.events.k8s.io -o plaintext-openapiv2 --api-version=events.k8s.io/v1",
       "events -o plaintext-openapiv2 --api-version=events.k8s.io/v1",
       "events.note -o plaintext-openapiv2 --api-version=events.k8s.io/v1"]
for a in ODD:
    add(f"sw-odd-{a}", a, "-")

# 9. kubectl-local's own explain flags (kubectl: unknown flag), kept to document the difference.
for a in ["pods --find=image", "pods --depth=2 --recursive", "pods.spec --depth=1", "--remove-imports", "--import=x.json"]:
    add(f"sw-ext-{a}", a, "-")

with open(os.path.join(HERE, "sweep-cases.txt"), "w") as out:
    out.write("# Generated by gen_sweep.py (do not edit by hand): name<TAB>arguments<TAB>path, as cases.txt.\n")
    for c in cases:
        out.write("\t".join(c) + "\n")
print(f"wrote {len(cases)} cases")
