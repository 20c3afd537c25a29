#!/bin/bash
# Records kubectl v1.32's expose/autoscale/scale/rollout outputs against the objects of a kubectl-local
# store. BIN (a build of this repo) makes the store (the commands of `seed`, objects.yaml); gen_routes.py
# dumps its workload objects, which ../create/fakeapi.py serves (FAKEAPI_ROUTES) with the rest of the
# workload API (FAKEAPI_WORKLOADS), API-server NotFound texts (FAKEAPI_NOTFOUND) and writes echoed back
# (FAKEAPI_ECHO). Each case folder's `cmd` is one `kubectl ...` line run in this folder; writes stdout,
# stderr and exit beside it. The fake server cannot watch: client-go's reflector warnings about that
# (lines with `reflector.go:`) are dropped from stderr. WorkloadVerbGoldenTests replays the same seed.
# Usage: record.sh [CASE...]. ../rolloutrevisions/record.sh runs this script on its own folder (CASES_DIR:
# its seed and case folders) with FAKEAPI_COMPACT=1.
set -u
. "$(dirname "$0")/../casedirs.sh"
self=$(cd "$(dirname "$0")" && pwd)
here=${CASES_DIR:-$self}
ROOT=$(cd "$self/../../../.." && pwd)
BIN=${BIN:-$ROOT/.build/debug/kubectl-local}
PORT=${PORT:-18393}
cd "$here"
tmp=$(mktemp -d)
export KUBECTL_LOCAL_STORE=$tmp/store.db KUBECTL_LOCAL_NOW=2026-11-23T12:00:00Z
while read -r line; do
  [ -n "$line" ] || continue
  # shellcheck disable=SC2086
  "$BIN" $line >/dev/null || { echo "seed failed: $line"; exit 1; }
done <seed
python3 "$self/gen_routes.py" "$BIN" "$tmp/store.db" >"$tmp/routes.json"
casedirs_fake_kubeconfig "$PORT" "$tmp/kubeconfig"
FAKEAPI_ROUTES=$tmp/routes.json FAKEAPI_ECHO=$tmp/echo.log FAKEAPI_WORKLOADS=1 FAKEAPI_NOTFOUND=1 \
  python3 "$self/../create/fakeapi.py" "$PORT" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
casedirs_wait "$PORT"
export KUBECONFIG=$tmp/kubeconfig HOME=$tmp
unset KUBECTL_LOCAL_STORE KUBECTL_LOCAL_NOW
casedirs_filter_stderr() { grep -v 'reflector.go:'; }
casedirs_run "$@"
