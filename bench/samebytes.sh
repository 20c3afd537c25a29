#!/usr/bin/env bash
# samebytes.sh OLD-BIN NEW-BIN: runs one scenario with both binaries under bench/detrand.c (the same random
# numbers, a frozen monotonic clock) and reports every output that differs (stdout, stderr, exit code).
# The scenario: create -f of 1,000 pods over 20 nodes, a file of valid and invalid pods (twice, also with
# -o name), a Deployment scaled 1 -> 700, one of its pods relabelled out of it, scaled down to 40, then
# get -o yaml of pods, events, ReplicaSets and Deployments, get events, get -o wide, describe pods and rs.
# Both binaries must be dynamically linked builds (`swift build -c release`). Set-up: bench/samelib.sh.
source "$(dirname "$0")/samelib.sh"
same_setup "$1" "$2"
cat > $W/edge.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata: {name: good-a, namespace: ns-1, labels: {app: edge}}
spec: {containers: [{name: c, image: "nginx:1.27"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: bad-noimage, namespace: ns-1}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: Bad_Name, namespace: ns-1}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: bad-port, namespace: ns-2}
spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 0}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: in-missing-ns, namespace: nope}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {generateName: gen-, namespace: ns-3}
spec: {containers: [{name: c, image: busybox, command: [sh, -c, exit 1]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: bigreq, namespace: ns-3}
spec: {containers: [{name: c, image: nginx, resources: {requests: {cpu: "500", memory: 1Ti}}}]}
---
apiVersion: v1
kind: Pod
metadata: {name: unknownfield, namespace: ns-4}
spec: {bogus: 1, containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: badimage, namespace: ns-4}
spec: {containers: [{name: c, image: "nginx:no-such-tag-zz"}]}
YAML
scenario() { # BIN OUT
  local BIN=$1 OUT=$2 n=0 S=$2/s.db
  same_begin
  run create -f $W/ns.yaml; run create -f $W/nodes.yaml; run create -f $W/pods.yaml
  run create -f $W/edge.yaml; run create -f $W/edge.yaml -o name
  run create deployment web --image=nginx:1.27 --replicas=1 -n ns-5
  run scale deployment web --replicas=700 -n ns-5
  run label pod -n ns-5 "$("$BIN" --store $S get pods -n ns-5 -o name | sed -n 3p | cut -d/ -f2)" app=other --overwrite
  run scale deployment web --replicas=40 -n ns-5
  run get pods -A -o yaml; run get events -A -o yaml; run get events -A; run get pods -A -o wide
  run describe pods -n ns-1; run describe pods -n ns-5; run describe rs -n ns-5; run get rs,deploy -A -o yaml
  same_end
}
same_compare samebytes
