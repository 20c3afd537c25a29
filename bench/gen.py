#!/usr/bin/env python3
"""Generates manifests for the benchmarks: `gen.py pods N` or `gen.py configmaps N` (multi-document YAML)."""
import sys

kind, n = sys.argv[1], int(sys.argv[2])
docs = []
for i in range(n):
    if kind == "pods":
        docs.append(f"""apiVersion: v1
kind: Pod
metadata:
  name: pod-{i}
  labels:
    app: app-{i % 100}
    tier: {"frontend" if i % 2 else "backend"}
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
    resources:
      requests:
        cpu: 100m
        memory: 64Mi
""")
    else:
        docs.append(f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-{i}
  labels:
    set: bench
data:
  key: value-{i}
  other: "{i}"
""")
sys.stdout.write("---\n".join(docs))
