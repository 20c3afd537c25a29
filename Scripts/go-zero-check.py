#!/usr/bin/env python3
"""Checks the marks of Sources/KubeSchema/GoFieldOrder.swift against the typed objects kubectl v1.32 prints offline
from its generators (`create namespace|serviceaccount|quota|priorityclass|poddisruptionbudget|ingress|...
--dry-run=client -o json`): kubectl builds a Go object, leaves what it does not set at Go's zero value and encodes it.
In every struct it prints, of a type with a `=` line, a field written at its zero value must be marked written (`+` or
`!`), every field marked written must be there, and a field marked `-` must not be there at its zero value. These
kinds have no typed round trip of arbitrary input offline, so this checks the marks read from types.go where a
generator reaches them. Prints one line per struct checked and `N checked, M wrong`; exits 1 on a disagreement.

Usage: Scripts/go-zero-check.py [OPENAPI_DIR] [KUBECTL]
"""
import json, os, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gozero import KUBECTL as DEFAULT_KUBECTL, OPENAPI as DEFAULT_OPENAPI, SPECIAL, marks, ref, schemas

OPENAPI = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OPENAPI
KUBECTL = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_KUBECTL
S = schemas(OPENAPI)
MARKS = marks()

def zero(v):
    return v in ("", 0, False, None, [], {})

KINDS = {("v1", "Namespace"): "io.k8s.api.core.v1.Namespace", ("v1", "ServiceAccount"): "io.k8s.api.core.v1.ServiceAccount",
         ("v1", "ResourceQuota"): "io.k8s.api.core.v1.ResourceQuota",
         ("scheduling.k8s.io/v1", "PriorityClass"): "io.k8s.api.scheduling.v1.PriorityClass",
         ("policy/v1", "PodDisruptionBudget"): "io.k8s.api.policy.v1.PodDisruptionBudget",
         ("networking.k8s.io/v1", "Ingress"): "io.k8s.api.networking.v1.Ingress",
         ("v1", "Secret"): "io.k8s.api.core.v1.Secret", ("v1", "ConfigMap"): "io.k8s.api.core.v1.ConfigMap",
         ("rbac.authorization.k8s.io/v1", "ClusterRole"): "io.k8s.api.rbac.v1.ClusterRole",
         ("rbac.authorization.k8s.io/v1", "Role"): "io.k8s.api.rbac.v1.Role"}
COMMANDS = [
    ["create", "namespace", "ns"], ["create", "serviceaccount", "sa"],
    ["create", "quota", "q", "--hard=pods=0"], ["create", "quota", "q2", "--hard=cpu=1", "--scopes=BestEffort"],
    ["create", "priorityclass", "pc", "--value=0", "--description="],
    ["create", "priorityclass", "pc2", "--value=5", "--global-default", "--preemption-policy=Never", "--description=d"],
    ["create", "poddisruptionbudget", "p", "--selector=a=b", "--min-available=0"],
    ["create", "poddisruptionbudget", "p2", "--selector=a=b", "--max-unavailable=10%"],
    ["create", "ingress", "i", "--rule=foo.com/p=svc:http,tls=s", "--rule=/x*=svc2:80"],
    ["create", "ingress", "i2", "--default-backend=svc:0", "--class="],
    ["create", "ingress", "i3", "--class=c", "--rule=a.b/=s:1,tls", "--annotation=k=v"],
    ["create", "secret", "generic", "s", "--from-literal=a="], ["create", "secret", "generic", "s2", "--type="],
    ["create", "configmap", "c", "--from-literal=a="],
    ["create", "clusterrole", "cr", "--verb=get", "--non-resource-url=/x"], ["create", "clusterrole", "cr2", "--aggregation-rule=a=b"],
]

checked, wrong = 0, 0
def walk(n, o, path):
    global checked, wrong
    if n in SPECIAL or n not in S or not isinstance(o, dict): return
    props = S[n].get("properties", {})
    marks = MARKS.get(n)
    if marks is not None:
        checked += 1
        bad = []
        for f in props:
            m = marks.get(f, "")
            if f in o and zero(o[f]):
                # Written at its zero: marked written, or a pointer kubectl set (its zero is written, never null/[]/{}).
                if m == "-" or (m == "" and o[f] in (None, [], {})):
                    bad.append(f"{f}={json.dumps(o[f])} written but marked '{m}'")
            if m in "+!" and m and f not in o and f not in ("kind", "apiVersion"):
                bad.append(f"{f} marked '{m}' but left out")
        print(("WRONG " if bad else "ok    ") + path + " " + n.split(".")[-1] + (": " + "; ".join(bad) if bad else ""))
        wrong += bool(bad)
    for f, v in o.items():
        p = props.get(f)
        if p is None: continue
        r = ref(p)
        if r: walk(r, v, path + "." + f)
        elif p.get("type") == "array" and isinstance(v, list):
            it = ref(p.get("items", {}))
            if it:
                for i, x in enumerate(v): walk(it, x, f"{path}.{f}[{i}]")

for cmd in COMMANDS:
    g = subprocess.run([KUBECTL] + cmd + ["--dry-run=client", "-o", "json"], capture_output=True, text=True,
                       env={"KUBECONFIG": "/dev/null", "HOME": "/tmp"})
    if g.returncode != 0:
        print("kubectl failed:", " ".join(cmd), g.stderr.strip()); wrong += 1; continue
    o = json.loads(g.stdout)
    n = KINDS[(o["apiVersion"], o["kind"])]
    walk(n, o, " ".join(cmd[:2]))
print(f"{checked} checked, {wrong} wrong")
sys.exit(1 if wrong else 0)
