#!/bin/bash
# Records kubectl v1.32 for the set and rollout verbs whose patch the API server refuses. Usage:
#   record.sh KUBECTL_LOCAL [CASE...]
# routes.py writes each case's routes.json with the given kubectl-local binary (see there); the fake API
# server (../create/fakeapi.py) serves it, and kubectl runs the case's `cmd`. Writes `stdout`, `stderr`, `exit`.
set -u
. "$(dirname "$0")/../casedirs.sh"
KL=${1:?usage: record.sh KUBECTL_LOCAL [CASE...]}; shift
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export KUBECONFIG=$here/_files/fake-kubeconfig
export HOME=$(mktemp -d)
mapfile -t cases < <(casedirs_names "$@")
python3 routes.py "$KL" "${cases[@]}" || exit 1
casedirs_before() { FAKEAPI_ROUTES=$here/$1/routes.json python3 "$here/../create/fakeapi.py" 18397 & server=$!; casedirs_wait 18397; }
casedirs_after() { kill $server; wait $server 2>/dev/null; }
casedirs_run "${cases[@]}"
rm -rf "$HOME"
