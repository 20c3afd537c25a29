#!/bin/bash
# Records kubectl v1.32's `rollout undo` and `rollout history` of daemon sets and stateful sets with several
# revisions. BIN (a build of this repo) makes the store (the commands of `seed`, objects.yaml);
# ../workloadverbs/gen_routes.py dumps its workload objects, which ../create/fakeapi.py serves as the API
# server writes JSON (FAKEAPI_COMPACT: kubectl compares a ControllerRevision's data byte for byte with its
# own encoding of the live object), with the rest of the workload API, NotFound texts and writes echoed
# back. Each case folder's `cmd` is one `kubectl ...` line run in this folder; writes stdout, stderr and
# exit beside it (client-go's `reflector.go:` watch warnings dropped). RolloutRevisionGoldenTests replays
# the same seed.
# Usage: record.sh [CASE...]
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$here/../../../.." && pwd)
BIN=${BIN:-$ROOT/.build/debug/kubectl-local}
PORT=${PORT:-18394}
cd "$here"
tmp=$(mktemp -d)
export KUBECTL_LOCAL_STORE=$tmp/store.db KUBECTL_LOCAL_NOW=2026-11-23T12:00:00Z
while read -r line; do
  [ -n "$line" ] || continue
  # shellcheck disable=SC2086
  "$BIN" $line >/dev/null || { echo "seed failed: $line"; exit 1; }
done <seed
python3 ../workloadverbs/gen_routes.py "$BIN" "$tmp/store.db" >"$tmp/routes.json"
printf 'apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: http://127.0.0.1:%s\ncontexts:\n- name: fake\n  context:\n    cluster: fake\n    user: fake\ncurrent-context: fake\nusers:\n- name: fake\n  user: {}\n' "$PORT" >"$tmp/kubeconfig"
FAKEAPI_ROUTES=$tmp/routes.json FAKEAPI_ECHO=$tmp/echo.log FAKEAPI_WORKLOADS=1 FAKEAPI_NOTFOUND=1 FAKEAPI_COMPACT=1 \
  python3 "$here/../create/fakeapi.py" "$PORT" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.3; done
export KUBECONFIG=$tmp/kubeconfig HOME=$tmp
unset KUBECTL_LOCAL_STORE KUBECTL_LOCAL_NOW
kubectl() { "$KUBECTL" "$@"; }
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=()
  for d in */; do [ -f "$d/cmd" ] && cases+=("${d%/}"); done
fi
for c in "${cases[@]}"; do
  cmd=$(cat "$c/cmd")
  eval "$cmd" >"$c/stdout" 2>"$tmp/stderr"
  echo $? >"$c/exit"
  grep -v 'reflector.go:' "$tmp/stderr" >"$c/stderr"
done
