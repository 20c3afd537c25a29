#!/bin/bash
# The oracle sweep of the create generators, run, expose, autoscale, scale and rollout: every line of
# create.txt and workloads.txt (odd arguments, written without looking at either implementation's
# output) runs through kubectl v1.32 and through kubectl-local (BIN); stdout, stderr and exit code are
# compared byte for byte (klog timestamps and the fake server's watch warnings aside). Differences are
# printed and kept under OUT (/tmp/verbsweep-out). create.txt runs in Golden/create against its fakeapi
# (discovery, the `nightly` CronJob); workloads.txt in Golden/workloadverbs against fakeapi serving the
# objects of a store seeded by that folder's `seed` (as its record.sh does). The goldens of both folders
# were recorded from these lines; the lines left out of them are listed in README.md (Tests).
# Usage: BIN=.build/debug/kubectl-local run.sh [create|workloads]
set -u
here=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$here/../../../.." && pwd)
BIN=$(cd "$(dirname "${BIN:-$ROOT/.build/debug/kubectl-local}")" && pwd)/$(basename "${BIN:-kubectl-local}")
C=$here/../create W=$here/../workloadverbs
tmp=$(mktemp -d); pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$tmp"' EXIT
kcfg() { sed "s/18080/$1/" "$C/_files/fake-kubeconfig" >"$2"; }
wait_port() { for _ in $(seq 20); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return; sleep 0.3; done; }
mkdir -p "$C/_files/sweep/emptydir"
if [ "${1:-create}" = create ]; then
  mkdir "$tmp/seed"; KUBECTL_LOCAL_STORE=$tmp/seed/store.db "$BIN" get ns >/dev/null
  FAKEAPI_NOTFOUND=1 python3 "$C/fakeapi.py" 18394 "$C/_files/cronjob.json" & pids+=($!)
  kcfg 18394 "$tmp/kubeconfig"; wait_port 18394
  WORK=$C SEED=$tmp/seed KCFG=$tmp/kubeconfig python3 "$here/sweep.py" "$BIN" "$here/create.txt"
else
  mkdir "$tmp/seed"; export KUBECTL_LOCAL_STORE=$tmp/seed/store.db KUBECTL_LOCAL_NOW=2026-11-23T12:00:00Z
  while read -r line; do [ -n "$line" ] && (cd "$W" && "$BIN" $line >/dev/null); done <"$W/seed"
  python3 "$W/gen_routes.py" "$BIN" "$tmp/seed/store.db" >"$tmp/routes.json"
  unset KUBECTL_LOCAL_STORE KUBECTL_LOCAL_NOW
  FAKEAPI_ROUTES=$tmp/routes.json FAKEAPI_ECHO=$tmp/echo.log FAKEAPI_WORKLOADS=1 FAKEAPI_NOTFOUND=1 \
    python3 "$C/fakeapi.py" 18395 & pids+=($!)
  kcfg 18395 "$tmp/kubeconfig"; wait_port 18395
  WORK=$W SEED=$tmp/seed KCFG=$tmp/kubeconfig python3 "$here/sweep.py" "$BIN" "$here/workloads.txt"
fi
