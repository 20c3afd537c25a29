#!/usr/bin/env python3
"""Learns which fields encoding/json writes for Go's zero value, from kubectl v1.32's own typed round trip,
and prints the marks of Sources/KubeSchema/GoFieldOrder.swift for them (`+` a value written anyway, `!` a nil
pointer/slice/map without omitempty, written as null, `-` a value with omitempty: its zero is left out).

kubectl decodes `set image --local -f - -o json` input into the Go type and encodes it again. A probe object
of each workload kind holds every struct field (lists of structs with one item, merge keys set) and no
scalars: what comes back that was not sent is written at its zero value. A second pass empties each list of
structs in turn: a list still written is without omitempty. Non-pointer struct fields come from the OpenAPI
documents' `default: {}`; merge keys the probe had to set count when the OpenAPI lists them as required.
A third pass sends every other field at its zero value (`""`, `0`, `false`, `[]`, `{}`): a scalar that does not
come back is a value with omitempty (`-`; one that comes back is a pointer or marked `+`). Besides the workload
kinds (`set image`, and `set serviceaccount` for the image itself), Services (`set selector`) and
RoleBindings/ClusterRoleBindings (`set subject`) are round-tripped. The types reached are printed with a
leading `=` (every field of theirs is classified: an unmarked field is a pointer, slice or map with omitempty).
The kinds kubectl cannot round-trip offline follow, with the marks read from the types.go json tags
(Scripts/go-zero-tags.txt; Scripts/go-zero-check.py checks them against what kubectl's generators print).

Usage: Scripts/go-zero-probe.py [OPENAPI_DIR] [KUBECTL]   (defaults: ../shared/openapi/v1.32, kubectl.1.32)
"""
import copy, json, os, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gozero import KUBECTL as DEFAULT_KUBECTL, OPENAPI as DEFAULT_OPENAPI, ROOT, SPECIAL, item_type, ref, schemas

OPENAPI = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OPENAPI
KUBECTL = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_KUBECTL
S = schemas(OPENAPI)
KINDS = {"io.k8s.api.core.v1.Pod": ("v1", "Pod"), "io.k8s.api.apps.v1.Deployment": ("apps/v1", "Deployment"),
         "io.k8s.api.apps.v1.StatefulSet": ("apps/v1", "StatefulSet"), "io.k8s.api.apps.v1.DaemonSet": ("apps/v1", "DaemonSet"),
         "io.k8s.api.apps.v1.ReplicaSet": ("apps/v1", "ReplicaSet"),
         "io.k8s.api.core.v1.ReplicationController": ("v1", "ReplicationController"),
         "io.k8s.api.batch.v1.Job": ("batch/v1", "Job"), "io.k8s.api.batch.v1.CronJob": ("batch/v1", "CronJob"),
         "io.k8s.api.core.v1.Service": ("v1", "Service"),
         "io.k8s.api.rbac.v1.RoleBinding": ("rbac.authorization.k8s.io/v1", "RoleBinding"),
         "io.k8s.api.rbac.v1.ClusterRoleBinding": ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")}
# The commands that round-trip each kind (the first is the one the struct passes use).
COMMANDS = {"Service": [["set", "selector", "--local", "-f", "-", "probe=1"]],
            "RoleBinding": [["set", "subject", "--local", "-f", "-", "--user=probe"]],
            "ClusterRoleBinding": [["set", "subject", "--local", "-f", "-", "--user=probe"]]}
# Fields the commands set (their marks cannot be learned from these commands' round trips).
TOUCHED = {("io.k8s.api.core.v1.ServiceSpec", "selector"), ("io.k8s.api.rbac.v1.RoleBinding", "subjects"),
           ("io.k8s.api.rbac.v1.ClusterRoleBinding", "subjects")}
POD = [["set", "image", "--local", "-f", "-", "*=SENTINEL"], ["set", "serviceaccount", "--local", "-f", "-", "probe"]]

def isstruct(n):
    s = S.get(n, {})
    return n not in SPECIAL and s.get("type") == "object" and "properties" in s and not s.get("x-kubernetes-preserve-unknown-fields")

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

def roundtrip(obj, cmd=None):
    cmd = cmd or COMMANDS.get(obj["kind"], POD)[0]
    g = subprocess.run([KUBECTL] + cmd + ["-o", "json"], input=json.dumps(obj),
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

SCALAR = {"string": "", "integer": 0, "number": 0, "boolean": False}
def zeros(n, o, stack):
    """`o` (the probe of `n`) with every field it lacks at its zero value, at every level; the paths set."""
    for k, v in S[n]["properties"].items():
        r, it = ref(v), item_type(v)
        if k in o:
            if r and isstruct(r) and r not in stack: zeros(r, o[k], stack + [r])
            elif it and isstruct(it) and o[k] and it not in stack: zeros(it, o[k][0], stack + [it])
        elif r in SPECIAL or (r and isstruct(r)): continue
        elif r and S.get(r, {}).get("type") in SCALAR: o[k] = SCALAR[S[r]["type"]]
        elif v.get("type") in SCALAR: o[k] = SCALAR[v["type"]]
        elif v.get("type") == "array": o[k] = []
        elif v.get("type") == "object" and "additionalProperties" in v: o[k] = {}

dropped, kept = set(), set()
def compare(n, i, g, stack):
    """Which zero fields sent in `i` came back in `g`."""
    for k, v in S[n]["properties"].items():
        if k not in i: continue
        r, it = ref(v), item_type(v)
        if r and isstruct(r) and r not in stack:
            if isinstance(g.get(k), dict): compare(r, i[k], g[k], stack + [r])
        elif it and isstruct(it) and i[k] and it not in stack:
            if isinstance(g.get(k), list) and g[k]: compare(it, i[k][0], g[k][0], stack + [it])
        elif not isinstance(i[k], (list, dict)):
            if k in g: kept.add((n, k))
            else: dropped.add((n, k))

for n, (av, kind) in KINDS.items():
    z = probe(n, [n]); z.update(apiVersion=av, kind=kind); z["metadata"]["name"] = "p"
    zeros(n, z, [n])
    for cmd in COMMANDS.get(kind, POD):
        out = roundtrip(z, cmd)
        if out is not None: compare(n, z, out, [n])

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

# Types kubectl cannot round-trip offline: their marks were read from the `json:"...,omitempty"` tags of
# k8s.io/api's rbac/v1 and core/v1 types.go (not learned): a non-pointer string with omitempty `-`, a slice
# without omitempty `!`, `immutable` a *bool, the maps with omitempty.
TAGGED = {"io.k8s.api.core.v1.ConfigMap": {"metadata": "+"},
          "io.k8s.api.core.v1.Secret": {"metadata": "+", "type": "-"},
          "io.k8s.api.rbac.v1.Role": {"metadata": "+", "rules": "!"},
          "io.k8s.api.rbac.v1.ClusterRole": {"metadata": "+", "rules": "!"},
          "io.k8s.api.rbac.v1.PolicyRule": {"verbs": "!"},
          "io.k8s.api.rbac.v1.AggregationRule": {}}

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
        if k == "image" and n in ("io.k8s.api.core.v1.Container", "io.k8s.api.core.v1.EphemeralContainer"):
            marks.pop(k, None)  # set by `set image`: what the other commands did tells
        if (n, k) in dropped and k not in marks: marks[k] = "-"
    for t, f in TOUCHED:
        if n == t: marks.pop(f, None)
    print("=" + n, " ".join(k + m for k, m in marks.items()))
for n, marks in TAGGED.items():
    print("=" + n, " ".join(k + m for k, m in marks.items()), "  # from the types.go tags")
# The other built-in kinds (Namespace, ServiceAccount, Node, PersistentVolume, Ingress, NetworkPolicy, HPA, PDB,
# StorageClass, Events, EndpointSlice, Lease, webhooks, CRDs, ...): their marks were read from the types.go json tags
# into Scripts/go-zero-tags.txt (each package line names the file and commit); printed here with the fields the v1.32
# OpenAPI documents define, in Go order. Scripts/go-zero-check.py checks them against kubectl's generators.
prefix, src = "", ""
for line in open(os.path.join(ROOT, "Scripts", "go-zero-tags.txt")):
    w = line.split()
    if not w or w[0].startswith("#"): continue
    if w[0].startswith("@"): prefix, src = w[0][1:], " ".join(w[1:]); continue
    unclassified = w[0].startswith("~")  # read, but kept out of the table (the file says why)
    n = prefix + "." + w[0].lstrip("~")
    if n not in S: continue
    fields = [x for x in w[1:] if (x[:-1] if x[-1] in "+!-" else x) in S[n].get("properties", {})]
    if unclassified: fields = [x[:-1] if x[-1] in "+!-" else x for x in fields]
    print(("" if unclassified else "=") + n, " ".join(fields), "  # from the types.go tags:", src)
