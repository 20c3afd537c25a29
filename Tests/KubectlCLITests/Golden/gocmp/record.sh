#!/usr/bin/env bash
# How the goldens of this folder were checked against go-cmp itself (no cluster can run here).
# The diff part of each refusal (after its first line) is cmp.Diff(oldPod.Spec, mungedPodSpec) as
# v1.32's ValidatePodUpdate prints it. oracle/ holds a small Go program: gen.py writes Go types for the
# internal core API from the schema in Sources/KubeAPI/GoCmp/CoreTypes.swift (field names, order and
# Go types of v1.32's pkg/apis/core), oracle/resource mirrors resource.Quantity's fields (int64Amount,
# the cached canonical string, Format) and its Equal method, oracle/intstr IntOrString. Built with
# Debian's golang-go and golang-github-google-go-cmp-dev (go-cmp 0.5.9; its reporter is that of 0.6.0,
# which v1.32 vendors), it prints cmp.Diff of two pod specs given as JSON, with go-cmp's random
# non-breaking spaces turned into spaces.
#   apt-get install -y golang-go golang-github-google-go-cmp-dev
#   mkdir -p /tmp/gopath/src && cp -r oracle /tmp/gopath/src/oracle && (cd /tmp/gopath/src/oracle && python3 gen.py)
#   GO111MODULE=off GOPATH=/tmp/gopath:/usr/share/gocode go build -o /tmp/diffspec oracle/main
# Then, for a pod made by `kubectl-local run nginx --image=nginx --port=80`, each case's old and new
# spec as JSON (the new one with the change of the test applied) and:
#   /tmp/diffspec old.json new.json
# equals the golden's lines after the first (with the pod's kube-api-access volume name for KUBE_API_ACCESS).
set -euo pipefail
cd "$(dirname "$0")"
K=${KUBECTL_LOCAL_BIN:-../../../../.build/debug/kubectl-local}
export KUBECTL_LOCAL_STORE=$(mktemp -d)/s.db KUBECTL_LOCAL_NOW=2026-11-23T12:00:00Z
$K run nginx --image=nginx --port=80 >/dev/null
vol=$($K get pod nginx -o jsonpath='{.spec.volumes[0].name}')
$K patch pod nginx -p '{"spec":{"containers":[{"name":"nginx","env":[{"name":"A","value":"1"}]}]}}' 2>env.stderr || true
$K patch pod nginx -p '{"spec":{"containers":[{"name":"nginx","resources":{"limits":{"cpu":"200m","memory":"512Mi"}}}]}}' 2>resources.stderr || true
$K patch pod nginx --type=json -p '[{"op":"replace","path":"/spec/containers/0/ports/0/containerPort","value":8080}]' 2>port.stderr || true
$K patch pod nginx --type=json -p '[{"op":"add","path":"/spec/containers/0/command","value":["sh","-c","sleep 3600"]}]' 2>command.stderr || true
$K patch pod nginx -p '{"spec":{"restartPolicy":"Never"}}' 2>restart.stderr || true
sed -i "s/$vol/KUBE_API_ACCESS/g" ./*.stderr
