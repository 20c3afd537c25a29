#!/usr/bin/env python3
"""Routes for ../create/fakeapi.py (FAKEAPI_ROUTES) from a kubectl-local store: every object of the
workload types in `default`, their lists, and the scale subresource of the scalable ones, as the store
serves them. Usage: gen_routes.py BIN STORE.db > routes.json"""
import json, os, subprocess, sys
BIN, store = sys.argv[1], sys.argv[2]
env = dict(os.environ, KUBECTL_LOCAL_STORE=store, KUBECTL_LOCAL_NOW="2026-11-23T12:00:00Z")
def get(*a):
    p = subprocess.run([BIN, *a], env=env, capture_output=True, text=True)
    return json.loads(p.stdout) if p.returncode == 0 and p.stdout.strip() else None
types = [("api/v1", "pods", ""), ("api/v1", "services", ""), ("api/v1", "configmaps", ""),
         ("api/v1", "replicationcontrollers", ""), ("apis/apps/v1", "deployments", ".apps"),
         ("apis/apps/v1", "replicasets", ".apps"), ("apis/apps/v1", "statefulsets", ".apps"),
         ("apis/apps/v1", "daemonsets", ".apps"), ("apis/apps/v1", "controllerrevisions", ".apps"),
         ("apis/batch/v1", "jobs", ".batch"), ("apis/batch/v1", "cronjobs", ".batch")]
scalable = {"deployments", "replicasets", "statefulsets", "replicationcontrollers"}
routes = {}
for prefix, plural, group in types:
    lst = get("get", plural + group, "-n", "default", "-o", "json")
    if lst is None: continue
    gv = prefix.split("/", 1)[1]
    kind = {"pods": "Pod", "services": "Service", "configmaps": "ConfigMap", "replicationcontrollers": "ReplicationController",
            "deployments": "Deployment", "replicasets": "ReplicaSet", "statefulsets": "StatefulSet", "daemonsets": "DaemonSet",
            "controllerrevisions": "ControllerRevision", "jobs": "Job", "cronjobs": "CronJob"}[plural]
    lst.update(kind=kind + "List", apiVersion=gv)
    lst.setdefault("metadata", {})["resourceVersion"] = "1000"
    base = f"/{prefix}/namespaces/default/{plural}"
    routes[base] = lst
    for o in lst["items"]:
        name = o["metadata"]["name"]
        routes[f"{base}/{name}"] = dict(o, kind=kind, apiVersion=gv)
        if plural in scalable:
            sc = get("get", plural + group, name, "-n", "default", "--subresource=scale", "-o", "json")
            if sc: routes[f"{base}/{name}/scale"] = sc
json.dump(routes, sys.stdout, indent=1)
