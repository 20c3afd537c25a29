#!/bin/bash
# Records kubectl v1.32 for `replace --subresource` and `apply --server-side --subresource`.
# Usage: record.sh [CASE...]. Each case directory has `cmd` (one kubectl command line, run from this
# directory) and, for the replay, an optional `setup` (kubectl-local commands that put the objects
# the request names in the store first). The fake API server (../create/fakeapi.py) answers discovery
# and, from _files/routes.json, recorded GETs and each PUT or PATCH with the Status the v1.32 API server returns for it
# (read from its source: the update handler's decode error into autoscaling.Scale, the field manager's
# version check, NotFound for a path no kind serves). Writes `stdout`, `stderr`, `exit`.
set -u
. "$(dirname "$0")/../casedirs.sh"
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export KUBECONFIG=$here/_files/fake-kubeconfig
export HOME=$(mktemp -d)
FAKEAPI_ROUTES=$here/_files/routes.json python3 "$here/../create/fakeapi.py" 18392 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$HOME"' EXIT
casedirs_wait 18392
casedirs_run "$@"
