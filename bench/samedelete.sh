#!/usr/bin/env bash
# samedelete.sh OLD-BIN NEW-BIN: like samebytes.sh, for deletions: runs one deletion scenario with both
# binaries under bench/detrand.c (same random numbers, frozen monotonic clock, KUBECTL_LOCAL_NOW) and
# reports every output that differs (stdout, stderr, exit code of each command, then the store as
# `get -A -o yaml` of pods, events, ReplicaSets and Deployments). The scenario: 1,000 pods over 20 nodes,
# a Deployment of 30, a pod with a finalizer, unscheduled pods; then deletes by name, by selector, of a
# namespace's pods, of the Deployment's pods (replaced), --force, --grace-period, --wait=false, the
# clock moved on, and `delete pods --all -A`.
# Both binaries must be dynamically linked builds (`swift build -c release`). Set-up: bench/samelib.sh.
source "$(dirname "$0")/samelib.sh"
same_setup "$1" "$2"
cat > $W/extra.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata: {name: held, namespace: ns-1, finalizers: [example.com/hold]}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: sleeper, namespace: ns-1}
spec: {containers: [{name: c, image: busybox, command: [sleep, "3600"]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: unplaced, namespace: ns-2}
spec: {nodeSelector: {none: none}, containers: [{name: c, image: nginx}]}
YAML
scenario() { # BIN OUT
  local BIN=$1 OUT=$2 n=0 S=$2/s.db
  same_begin
  run create -f $W/ns.yaml; run create -f $W/nodes.yaml; run create -f $W/pods.yaml; run create -f $W/extra.yaml
  run create deployment web --image=nginx:1.27 --replicas=30 -n ns-5
  run delete pod pod-1 -n ns-1; run delete pod held -n ns-1; run delete pod sleeper -n ns-1 --wait=false
  run delete pods -n ns-3 -l app=app-3; run delete pods -n ns-4 --all
  run delete pods -n ns-5 -l app=web; run delete pod unplaced -n ns-2; run delete pod pod-2 -n ns-2 --force --grace-period=0
  run delete pod pod-6 -n ns-6 --grace-period=5 --wait=false
  export KUBECTL_LOCAL_NOW=2026-11-23T12:00:10Z
  run get pods -n ns-1; run get pods -n ns-6
  run delete deployment web -n ns-5
  run delete pods --all -A
  run get pods -A -o yaml; run get events -A -o yaml; run get events -A; run get rs,deploy -A -o yaml
  same_end
}
same_compare samedelete
