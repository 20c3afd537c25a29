#!/usr/bin/env python3
"""Writes tagged-expected.jsonl: what the types.go json tags say a v1.32 API server stores of each object of
tagged.yaml (built-in kinds kubectl cannot round-trip offline: Namespace, ServiceAccount, PersistentVolume,
Ingress, IngressClass, NetworkPolicy, HorizontalPodAutoscaler v1 and v2, PodDisruptionBudget, StorageClass,
Endpoints, EndpointSlice, Lease, ResourceQuota, LimitRange, PriorityClass, RuntimeClass, CSIDriver, both Events,
a webhook configuration, a CustomResourceDefinition, a FlowSchema, PriorityLevelConfigurations, a
ValidatingAdmissionPolicy and its binding, an APIService), each carrying zero values of every sort. Runs no binary:
the expectation follows from the marks of Sources/KubeSchema/GoFieldOrder.swift (read from the tags; see
Scripts/go-zero-tags.txt) by encoding/json's rules, implemented here apart from the Swift code: in a struct
whose fields are all classified, `null` of a field not marked `+`/`!`, `""`/`0`/`false` of one marked `-` and an
empty list or map not marked `+`/`!` are left out; a field marked `+`/`!` that is missing is written at its zero
(`!` as null). One line per object: the `get` arguments, the zero-valued paths that must be gone (`absent`),
those that must be there with their value (`present`) and structs Go always writes (`exists`). Status fields a controller fills are not asserted.
Usage: ./record-tagged.py"""
import json, os, sys
import yaml
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "../../../../Scripts"))
from gozero import SPECIAL, WRITTEN, marks, ref, schemas, typeof
S = schemas()
MARKS = marks()
# Fields the API server's defaulting fills when they are missing: their value, not the zero, is stored.
DEFAULTED = {("io.k8s.api.networking.v1.IngressClassParametersReference", "scope"): "Cluster",
             ("io.k8s.api.flowcontrol.v1.FlowSchemaSpec", "matchingPrecedence"): 1000,
             ("io.k8s.api.flowcontrol.v1.LimitedPriorityLevelConfiguration", "nominalConcurrencyShares"): 30,
             ("io.k8s.api.flowcontrol.v1.QueuingConfiguration", "handSize"): 8,
             ("io.k8s.api.flowcontrol.v1.QueuingConfiguration", "queueLengthLimit"): 50}

def zero_of(n, f):
    k, x = typeof(S[n]["properties"][f])
    if MARKS[n][f] == "!" or k != "ref" and k != "scalar": return None
    if k == "scalar": return {"string": "", "integer": 0, "number": 0, "boolean": False}.get(x)
    if x in ("io.k8s.apimachinery.pkg.apis.meta.v1.Time", "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"): return None
    if x == "io.k8s.apimachinery.pkg.api.resource.Quantity": return "0"
    if x == "io.k8s.apimachinery.pkg.util.intstr.IntOrString": return 0
    if S[x].get("type") in ("string", "integer", "number", "boolean"): return {"string": "", "boolean": False}.get(S[x]["type"], 0)
    return {g: zero_of(x, g) for g, m in MARKS.get(x, {}).items() if m in WRITTEN}

def is_zero(v): return v is None or v == "" or v is False or (v == 0 and not isinstance(v, bool)) or v == [] or v == {}

absent, present, exists = [], [], []
def walk(v, p, path):
    k, x = typeof(p)
    if k == "ref" and isinstance(v, dict) and x not in SPECIAL and "properties" in S.get(x, {}): struct(v, x, path)
    elif k == "array" and isinstance(v, list):
        for i, e in enumerate(v): walk(e, x, path + [i])
    elif k == "map" and isinstance(v, dict):
        for a, b in v.items(): walk(b, x, path + [a])

def struct(o, n, path):
    marks, props = MARKS.get(n), S[n]["properties"]
    for f, v in o.items():
        p = props.get(f)
        if p is None: continue
        k, x = typeof(p)
        if marks is not None and is_zero(v):
            m = marks.get(f, "")
            gone = (v is None and m not in WRITTEN) or (m == "-" and not isinstance(v, (list, dict)) and v is not None) \
                or (v == [] and k == "array" and m not in WRITTEN) or (v == {} and k == "map" and m not in WRITTEN)
            (absent if gone else present).append(path + [f] if gone else [path + [f], v])
        walk(v, p, path + [f])
    if marks is not None:
        for f, m in marks.items():
            if m in WRITTEN and f not in o and f not in ("kind", "apiVersion", "status") and path[:1] != ["metadata"] \
                    and not (path == [] and f == "metadata"):
                z = DEFAULTED[(n, f)] if (n, f) in DEFAULTED else zero_of(n, f)
                (exists.append(path + [f]) if isinstance(z, dict) else present.append([path + [f], z]))

KINDS = {}
for n, s in S.items():
    for g in s.get("x-kubernetes-group-version-kind", []):
        KINDS[((g["group"] + "/" if g["group"] else "") + g["version"], g["kind"])] = n
with open(os.path.join(here, "tagged-expected.jsonl"), "w") as out:
    for d in yaml.safe_load_all(open(os.path.join(here, "tagged.yaml"))):
        if not d: continue
        absent, present, exists = [], [], []
        struct(d, KINDS[(d["apiVersion"], d["kind"])], [])
        group = d["apiVersion"].split("/")[0] if "/" in d["apiVersion"] else ""
        version = d["apiVersion"].split("/")[-1]
        what = [d["kind"].lower() + ("." + version + "." + group if group else ""), d["metadata"]["name"]]
        if "namespace" in d["metadata"]: what += ["-n", d["metadata"]["namespace"]]
        out.write(json.dumps({"get": what, "absent": absent, "present": present, "exists": exists}) + "\n")
print("wrote tagged-expected.jsonl")
