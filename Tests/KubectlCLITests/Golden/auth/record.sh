#!/bin/bash
# Records kubectl v1.32's client-side output for `auth can-i`, `auth whoami` and `create token`
# against the fake API server of ../create/fakeapi.py, which answers each review or token request
# with the case's `response.json`: the object a v1.32 API server returns for the store state that
# the case's `setup` file (kubectl-local commands, replayed by the test) creates.
# Usage: record.sh [CASE...]   (default: all cases). Writes `stdout`, `stderr`, `exit` per case.
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export HOME=$(mktemp -d)
port=18081
sed "s/18080/$port/" ../create/_files/fake-kubeconfig >"$HOME/kubeconfig"
export KUBECONFIG=$HOME/kubeconfig
FAKEAPI_RESPONSE=$HOME/response.json python3 ../create/fakeapi.py $port &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$HOME"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.3; done
kubectl() { "$KUBECTL" "$@"; }
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=()
  for d in */; do [ -f "$d/cmd" ] && cases+=("${d%/}"); done
fi
for c in "${cases[@]}"; do
  rm -f "$HOME/response.json"
  [ -f "$c/response.json" ] && cp "$c/response.json" "$HOME/response.json"
  cmd=$(cat "$c/cmd")
  eval "$cmd" >"$c/stdout" 2>"$c/stderr"
  echo $? >"$c/exit"
done
