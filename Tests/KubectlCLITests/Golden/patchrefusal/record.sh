#!/bin/bash
# Records kubectl v1.32 for the set and rollout verbs whose patch the API server refuses. Usage:
#   record.sh KUBECTL_LOCAL [CASE...]
# routes.py writes each case's routes.json with the given kubectl-local binary (see there); the fake API
# server (../create/fakeapi.py) serves it, and kubectl runs the case's `cmd`. Writes `stdout`, `stderr`, `exit`.
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
KL=${1:?usage: record.sh KUBECTL_LOCAL [CASE...]}; shift
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export KUBECONFIG=$here/_files/fake-kubeconfig
export HOME=$(mktemp -d)
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for d in */; do [ -f "$d/cmd" ] && cases+=("${d%/}"); done
fi
python3 routes.py "$KL" "${cases[@]}" || exit 1
kubectl() { "$KUBECTL" "$@"; }
for c in "${cases[@]}"; do
  FAKEAPI_ROUTES=$here/$c/routes.json python3 "$here/../create/fakeapi.py" 18397 &
  server=$!
  for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/18397) 2>/dev/null && break; sleep 0.3; done
  eval "$(cat "$c/cmd")" >"$c/stdout" 2>"$c/stderr"
  echo $? >"$c/exit"
  kill $server; wait $server 2>/dev/null
done
rm -rf "$HOME"
