#!/bin/bash
# Records kubectl v1.32's `get --server-print=false` (its own printer: NAME and AGE, plus the NAMESPACE,
# -L, --show-labels and kind parts) against Golden/create/fakeapi.py serving the objects of _files/old.yaml
# (created 2026-11-20T12:00:00Z) and _files/new.yaml (2026-11-21T12:00:00Z) as of 2026-11-22T12:00:00Z
# (_files/mkroutes.py builds the routes; it needs python3 with PyYAML). The test creates the same files in a
# store at those times. Each case's `cmd` is one `kubectl ...` line; writes `stdout`, `stderr`, `exit`.
#   record.sh [CASE...]   (default: all)
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
export HOME=$(mktemp -d)
port=18394
(cd "$here/_files" && python3 mkroutes.py "$HOME/routes.json") || exit 1
printf 'apiVersion: v1\nkind: Config\nclusters:\n- name: f\n  cluster: {server: "http://127.0.0.1:%s"}\ncontexts:\n- name: f\n  context: {cluster: f, user: f}\ncurrent-context: f\nusers:\n- name: f\n  user: {}\n' $port >"$HOME/kubeconfig"
export KUBECONFIG=$HOME/kubeconfig
FAKEAPI_ROUTES=$HOME/routes.json FAKEAPI_NOW=2026-11-22T12:00:00Z python3 "$here/../create/fakeapi.py" $port &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$HOME"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.3; done
kubectl() { "$KUBECTL" "$@"; }
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for d in "$here"/*/; do d=${d%/}; [ -f "$d/cmd" ] && cases+=("${d##*/}"); done
fi
cd "$here/_files"
for c in "${cases[@]}"; do
  eval "$(cat "$here/$c/cmd")" >"$here/$c/stdout" 2>"$here/$c/stderr"
  echo $? >"$here/$c/exit"
done
