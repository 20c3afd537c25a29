#!/usr/bin/env python3
"""Pods of many shapes for bench/sameshapes.sh (multi-document YAML on stdout):
  shapes.py SHAPES [SEED]
For each shape: 4 bare pods with their own names and values, and one workload (Deployment, Job,
StatefulSet or DaemonSet, in turn) with the same structure. Shapes vary in containers, init containers
and sidecars, ports (named, unnamed, protocols, hostPorts), env, volumes and mounts, ephemeral volumes,
commands, resources."""
import json, random, sys

shapes = int(sys.argv[1]); seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1


def word(v):
    letters = "abcdefghijklmnopqrstuvwxyz"
    return v.choice(letters) + "".join(v.choice(letters + "0123456789-") for _ in range(v.randrange(7))) + v.choice(letters)


def words(n, v):
    out = []
    while len(out) < n:
        w = word(v)
        if w not in out: out.append(w)
    return out


def pod_spec(shape, values):
    s = random.Random(shape); v = random.Random(values)
    nc, ni, nv = 1 + s.randrange(3), s.randrange(3), s.randrange(4)
    names = words(nc + ni, v); vols = words(nv, v)
    volumes = []
    for name in vols:
        k = s.randrange(5)
        if k == 0: volumes.append({"name": name, "emptyDir": {}})
        elif k == 1: volumes.append({"name": name, "configMap": {"name": word(v)}})
        elif k == 2: volumes.append({"name": name, "emptyDir": {"medium": "Memory", "sizeLimit": "64Mi"}})
        elif k == 3: volumes.append({"name": name, "downwardAPI": {"items": [{"path": word(v), "fieldRef": {"fieldPath": "metadata.name"}}]}})
        else: volumes.append({"name": name, "ephemeral": {"volumeClaimTemplate": {"spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}}})
    used = set()
    def container(name, sidecar):
        c = {"name": name, "image": s.choice(["nginx", "nginx:1.27", "busybox", "registry.k8s.io/pause:3.10"])}
        if sidecar: c["restartPolicy"] = "Always"
        ports = []
        for _ in range(s.randrange(3)):
            port = 80 + s.randrange(40)
            while port in used: port += 1
            used.add(port)
            p = {"containerPort": port}
            if s.randrange(2) == 0: p["name"] = word(v).replace("-", "x")[:15]
            k = s.randrange(3)
            if k == 0: p["protocol"] = "TCP"
            elif k == 1: p["protocol"] = "UDP"
            if s.randrange(4) == 0: p["hostPort"] = port + 8000
            ports.append(p)
        if ports: c["ports"] = ports
        ne = s.randrange(3)
        if ne: c["env"] = [{"name": w.upper().replace("-", "_"), "value": word(v)} for w in words(ne, v)]
        if s.randrange(2) == 0: c["resources"] = {"requests": {"cpu": "10m", "memory": "16Mi"}}
        if vols and s.randrange(2) == 0: c["volumeMounts"] = [{"name": vols[0], "mountPath": "/" + word(v)}]
        if s.randrange(3) == 0: c["command"] = ["sh", "-c", word(v)]
        return c
    spec = {"containers": [container(n, False) for n in names[:nc]]}
    if ni: spec["initContainers"] = [container(n, i == 0 and s.randrange(2) == 0) for i, n in enumerate(names[nc:])]
    if volumes: spec["volumes"] = volumes
    if s.randrange(4) == 0: spec["hostname"] = word(v)
    if s.randrange(4) == 0: spec["terminationGracePeriodSeconds"] = s.randrange(5)
    return spec


docs = []
for shape in range(seed * 1000, seed * 1000 + shapes):
    for k in range(4):
        docs.append({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": f"p{shape}-{k}", "labels": {"shape": f"s{shape}"}},
                     "spec": pod_spec(shape, shape * 1000 + k)})
    labels = {"app": f"w{shape}"}
    template = {"metadata": {"labels": labels}, "spec": pod_spec(shape, shape * 7919)}
    kind = shape % 4
    if kind == 0:
        docs.append({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": f"d{shape}"},
                     "spec": {"replicas": 4, "selector": {"matchLabels": labels}, "template": template}})
    elif kind == 1:
        template["spec"]["restartPolicy"] = "Never"
        docs.append({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": f"j{shape}"},
                     "spec": {"parallelism": 3, "completions": 3, "template": template}})
    elif kind == 2:
        docs.append({"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": f"s{shape}"},
                     "spec": {"replicas": 3, "serviceName": "x", "selector": {"matchLabels": labels}, "template": template}})
    else:
        docs.append({"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": f"ds{shape}"},
                     "spec": {"selector": {"matchLabels": labels}, "template": template}})
print(json.dumps({"apiVersion": "v1", "kind": "List", "items": docs}, indent=1))
