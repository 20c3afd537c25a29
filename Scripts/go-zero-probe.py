#!/usr/bin/env python3
"""Learns which fields encoding/json writes for Go's zero value, from kubectl v1.32's own typed round trip,
and prints the marks of Sources/KubeSchema/GoFieldOrder.swift for them (`+` a value written anyway, `!` a nil
pointer/slice/map without omitempty, written as null).

kubectl decodes `set image --local -f - -o json` input into the Go type and encodes it again. A probe object
of each workload kind holds every struct field (lists of structs with one item, merge keys set) and no
scalars: what comes back that was not sent is written at its zero value. A second pass empties each list of
structs in turn: a list still written is without omitempty. Non-pointer struct fields come from the OpenAPI
documents' `default: {}`; merge keys the probe had to set count when the OpenAPI lists them as required.

Usage: Scripts/go-zero-probe.py [OPENAPI_DIR] [KUBECTL]   (defaults: ../shared/openapi/v1.32, kubectl.1.32)
"""
import copy, glob, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPENAPI = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "openapi", "v1.32")
KUBECTL = sys.argv[2] if len(sys.argv) > 2 else "/usr/lib/google-cloud-sdk/bin/kubectl.1.32"
S = {}
for f in [os.path.join(OPENAPI, "api", "v1.json")] + glob.glob(os.path.join(OPENAPI, "apis", "*", "*.json")):
    S.update(json.load(open(f))["components"]["schemas"])
SPECIAL = {"io.k8s.apimachinery.pkg.apis.meta.v1.Time", "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime",
           "io.k8s.apimachinery.pkg.api.resource.Quantity", "io.k8s.apimachinery.pkg.util.intstr.IntOrString",
           "io.k8s.apimachinery.pkg.apis.meta.v1.Duration"}
KINDS = {"io.k8s.api.core.v1.Pod": ("v1", "Pod"), "io.k8s.api.apps.v1.Deployment": ("apps/v1", "Deployment"),
         "io.k8s.api.apps.v1.StatefulSet": ("apps/v1", "StatefulSet"), "io.k8s.api.apps.v1.DaemonSet": ("apps/v1", "DaemonSet"),
         "io.k8s.api.apps.v1.ReplicaSet": ("apps/v1", "ReplicaSet"),
         "io.k8s.api.core.v1.ReplicationController": ("v1", "ReplicationController"),
         "io.k8s.api.batch.v1.Job": ("batch/v1", "Job"), "io.k8s.api.batch.v1.CronJob": ("batch/v1", "CronJob")}

def ref(v):
    if "$ref" in v: return v["$ref"].split("/")[-1]
    if "allOf" in v: return v["allOf"][0]["$ref"].split("/")[-1]

def isstruct(n):
    s = S.get(n, {})
    return n not in SPECIAL and s.get("type") == "object" and "properties" in s and not s.get("x-kubernetes-preserve-unknown-fields")

def item_type(v):
    return ref(v.get("items", {})) if v.get("type") == "array" else None

def probe(n, stack):
    o = {}
    for k, v in S[n]["properties"].items():
        r, it = ref(v), item_type(v)
        if r and isstruct(r) and r not in stack and len(stack) < 40:
            o[k] = probe(r, stack + [r])
        elif it and isstruct(it) and it not in stack:
            item = probe(it, stack + [it])
            mk = v.get("x-kubernetes-patch-merge-key")
            if mk: item[mk] = 1 if S[it]["properties"][mk].get("type") == "integer" else "k"
            o[k] = [item]
    return o

def roundtrip(obj):
    g = subprocess.run([KUBECTL, "set", "image", "--local", "-f", "-", "*=SENTINEL", "-o", "json"], input=json.dumps(obj),
                       capture_output=True, text=True, env={"KUBECONFIG": "/dev/null", "HOME": "/tmp"})
    return json.loads(g.stdout) if g.returncode == 0 else None

written, reached, lists = {}, set(), {}
def walk(n, i, g):
    if not isinstance(g, dict): return
    reached.add(n)
    for k, v in g.items():
        p = S[n]["properties"].get(k)
        if p is None: continue
        if k not in i: written.setdefault(n, {})[k] = v; continue
        r, it = ref(p), item_type(p)
        if r and isstruct(r): walk(r, i[k], v)
        elif it and isstruct(it) and isinstance(v, list) and v: walk(it, i[k][0], v[0])

def struct_lists(n, o, path, acc):
    for k, v in S[n]["properties"].items():
        if k not in o: continue
        r, it = ref(v), item_type(v)
        if r and isstruct(r): struct_lists(r, o[k], path + [k], acc)
        elif it and isstruct(it):
            acc.append((n, k, path + [k]))
            struct_lists(it, o[k][0], path + [k, 0], acc)

for n, (av, kind) in KINDS.items():
    base = probe(n, [n]); base.update(apiVersion=av, kind=kind); base["metadata"]["name"] = "p"
    out = roundtrip(base)
    if out is None: continue
    walk(n, base, out)
    acc = []; struct_lists(n, base, [], acc)
    for t, f, path in acc:
        if (t, f) in lists: continue
        o = copy.deepcopy(base); x = o
        for p in path[:-1]: x = x[p]
        x[path[-1]] = []
        y = roundtrip(o)
        if y is None: continue  # e.g. no container left for set image
        for p in path[:-1]: y = y[p]
        lists[(t, f)] = path[-1] in y

merge_keys = {}
for s in S.values():
    for k, v in s.get("properties", {}).items():
        it = item_type(v)
        if it and v.get("x-kubernetes-patch-merge-key"): merge_keys.setdefault(it, set()).add(v["x-kubernetes-patch-merge-key"])
for n in sorted(reached):
    marks = {}
    for k, v in S[n]["properties"].items():
        r = ref(v)
        if r and isstruct(r) and v.get("default") == {}: marks[k] = "+"
        if k in written.get(n, {}):
            marks[k] = "!" if written[n][k] is None and r not in SPECIAL else "+"
        elif k in merge_keys.get(n, ()) and k in S[n].get("required", []):
            marks[k] = "+"
        if lists.get((n, k)): marks[k] = "!"
    if n in ("io.k8s.api.core.v1.Container", "io.k8s.api.core.v1.EphemeralContainer"): marks.pop("image", None)  # set by the probe
    if marks: print(n, " ".join(k + m for k, m in marks.items()))
