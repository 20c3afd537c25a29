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
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
LOCAL=${LOCAL:-$(cd "$(dirname "$0")/../../../.." && swift build --show-bin-path)/kubectl-local}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export HOME=$(mktemp -d)
port=${PORT:-18102}
sed "s/18080/$port/" ../create/_files/fake-kubeconfig >"$HOME/kubeconfig"
export KUBECONFIG=$HOME/kubeconfig
FAKEAPI_GROUPS=$here/groups.json FAKEAPI_RESPONSE=$HOME/response.json python3 ../create/fakeapi.py $port &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$HOME"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.3; done
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=()
  for d in */; do [ -f "$d/cmd" ] && cases+=("${d%/}"); done
fi
for c in "${cases[@]}"; do
  cmd=$(cat "$c/cmd")
  file=$(echo "$cmd" | grep -o '_files/[^ ]*')
  group=$(grep -m1 '^apiVersion:' "$file" | sed 's/apiVersion: //; s/\/\?v1$//')
  KUBECTL_LOCAL_STORE=$HOME/store.db "$LOCAL" create -f "$file" 2>&1 >/dev/null | python3 make-response.py "$group" >"$c/response.json"
  rm -f "$HOME"/store.db*
  cp "$c/response.json" "$HOME/response.json"
  kubectl() { "$KUBECTL" "$@" --validate=false; }
  eval "$cmd" >"$c/stdout" 2>"$c/stderr"
  echo $? >"$c/exit"
done
