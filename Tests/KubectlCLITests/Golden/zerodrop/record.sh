#!/bin/bash
# Records kubectl v1.32's output for the admission refusals of this lane (Endpoints, EndpointSlice addresses,
# ControllerRevision, flow control, webhook matchConditions) against ../create/fakeapi.py, which serves the
# kinds of groups.json and answers each create with the case's `response.json`: the 422 Status a v1.32 API
# server returns, built by make-response.py from kubectl-local's refusal of the same file (the texts come from
# v1.32's validation sources; the recording shows how kubectl prints them). The fake serves no OpenAPI
# document, so kubectl runs with --validate=false (the files are schema-valid: client-side validation would
# pass them on a cluster and print nothing).
# Usage: record.sh [CASE...]   (default: all cases). Writes `stdout`, `stderr`, `exit` per case.
set -u
. "$(dirname "$0")/../casedirs.sh"
LOCAL=${LOCAL:-$(cd "$(dirname "$0")/../../../.." && swift build --show-bin-path)/kubectl-local}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export HOME=$(mktemp -d)
port=${PORT:-18102}
casedirs_fake_kubeconfig $port "$HOME/kubeconfig"
export KUBECONFIG=$HOME/kubeconfig
FAKEAPI_GROUPS=$here/groups.json FAKEAPI_RESPONSE=$HOME/response.json python3 ../create/fakeapi.py $port &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$HOME"' EXIT
casedirs_wait $port
casedirs_before() {
  local file group
  file=$(grep -o '_files/[^ ]*' "$1/cmd")
  group=$(grep -m1 '^apiVersion:' "$file" | sed 's/apiVersion: //; s/\/\?v1$//')
  KUBECTL_LOCAL_STORE=$HOME/store.db "$LOCAL" create -f "$file" 2>&1 >/dev/null | python3 make-response.py "$group" >"$1/response.json"
  rm -f "$HOME"/store.db*
  cp "$1/response.json" "$HOME/response.json"
}
kubectl() { "$KUBECTL" "$@" --validate=false; }
casedirs_run "$@"
