#!/bin/bash
# Writes <case>.expected for every testcase from kubectl-local's output of `create -f` (and
# <case>.apply.expected where `apply -f` prints something else), for review: each file was checked
# against the API server's rules and texts and, where kubectl alone decides, against kubectl v1.32
# (see SOURCE.md) before it was committed.
# Usage: KUBECTL_LOCAL=path/to/kubectl-local record.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
K=${KUBECTL_LOCAL:-$here/../../../../.build/debug/kubectl-local}
cd "$here"
# run VERB CASE: the case's setup, then `VERB -f CASE.yaml` in a fresh store; prints the result.
run() {
  local d; d=$(mktemp -d)
  export KUBECTL_LOCAL_STORE=$d/s.db HOME=$d
  case $2 in
    error_cel*|error_x_list_map_default) "$K" create -f crd_cel_basic.yaml >/dev/null;;
    jobset|multiple_resources) "$K" create -f crd_jobset.yaml >/dev/null;;
    rbac_role) "$K" create namespace kyverno >/dev/null;;
  esac
  "$K" "$1" -f "$here/$2.yaml" >"$d/out" 2>"$d/err"
  local code=$?
  echo "exit: $code"; echo "--- stdout"; cat "$d/out"; echo "--- stderr"; sed "s#$here/##g" "$d/err"
  rm -rf "$d"
}
for f in *.yaml; do
  case $f in crd_*) continue;; esac
  name=${f%.yaml}
  run create "$name" >"$name.expected"
  run apply "$name" >"/tmp/$name.apply.$$"
  if cmp -s "$name.expected" "/tmp/$name.apply.$$"; then rm -f "$name.apply.expected"; else mv "/tmp/$name.apply.$$" "$name.apply.expected"; fi
  rm -f "/tmp/$name.apply.$$"
done
