#!/usr/bin/env python3
"""Generates manifests for the benchmarks (multi-document YAML on stdout):
  gen.py pods N [NAMESPACES]        N pods (spread over NAMESPACES namespaces ns-0.., default: all in the current one)
  gen.py configmaps N               N ConfigMaps
  gen.py namespaces N               namespaces ns-0 .. ns-(N-1)
  gen.py nodes N [PODS] [FIRST]     N Ready nodes node-FIRST.. (FIRST default 2: node-1 is seeded), PODS allocatable each
"""
import sys

kind, n = sys.argv[1], int(sys.argv[2])
extra = [int(a) for a in sys.argv[3:]]


def pod(i, namespaces):
    ns = f"\n  namespace: ns-{i % namespaces}" if namespaces else ""
    return f"""apiVersion: v1
kind: Pod
metadata:
  name: pod-{i}{ns}
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
"""


def configmap(i):
    return f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: cm-{i}
  labels:
    set: bench
data:
  key: value-{i}
  other: "{i}"
"""


def namespace(i):
    return f"""apiVersion: v1
kind: Namespace
metadata:
  name: ns-{i}
"""


def node(i, pods):
    ip = f"172.18.{i // 250}.{i % 250 + 2}"
    cidr = f"10.{(i // 256) + 100}.{i % 256}.0/24"
    return f"""apiVersion: v1
kind: Node
metadata:
  name: node-{i}
  labels:
    kubernetes.io/hostname: node-{i}
    kubernetes.io/os: linux
spec:
  podCIDR: {cidr}
  podCIDRs:
  - {cidr}
status:
  addresses:
  - address: {ip}
    type: InternalIP
  - address: node-{i}
    type: Hostname
  allocatable:
    cpu: "4"
    memory: 16374584Ki
    pods: "{pods}"
  capacity:
    cpu: "4"
    memory: 16374584Ki
    pods: "{pods}"
  conditions:
  - type: Ready
    status: "True"
    reason: KubeletReady
    message: kubelet is posting ready status
"""


docs = []
if kind == "pods":
    namespaces = extra[0] if extra else 0
    docs = [pod(i, namespaces) for i in range(n)]
elif kind == "namespaces":
    docs = [namespace(i) for i in range(n)]
elif kind == "nodes":
    pods = extra[0] if extra else 110
    first = extra[1] if len(extra) > 1 else 2
    docs = [node(first + i, pods) for i in range(n)]
else:
    docs = [configmap(i) for i in range(n)]
sys.stdout.write("---\n".join(docs))
