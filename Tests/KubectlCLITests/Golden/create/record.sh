#!/bin/bash
# Records kubectl v1.32 outputs for every case directory that has a `cmd` file.
# Usage: record.sh [CASE...]   (default: all cases). Run from anywhere; commands run in this
# directory, so fixture paths in `cmd` are relative to it (`_files/a.txt`).
# Each `cmd` is one shell command line starting with `kubectl`; it is evaluated by bash with
# `kubectl` replaced by the real binary. Writes `stdout`, `stderr`, `exit` next to it.
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
mkdir -p _files/sweep/emptydir  # git keeps no empty directory
# A tiny fake API server answers discovery (kubectl run/create role need it) and serves
# _files/cronjob.json for `create job --from=cronjob/nightly`.
export KUBECONFIG=$here/_files/fake-kubeconfig
# Missing objects answer as the API server does (`cronjobs.batch "x" not found`).
export FAKEAPI_NOTFOUND=1
export HOME=$(mktemp -d)
python3 "$here/fakeapi.py" 18080 "$here/_files/cronjob.json" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/18080) 2>/dev/null && break; sleep 0.3; done
kubectl() { "$KUBECTL" "$@"; }
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=()
  for d in */; do [ -f "$d/cmd" ] && cases+=("${d%/}"); done
fi
for c in "${cases[@]}"; do
  cmd=$(cat "$c/cmd")
  eval "$cmd" >"$c/stdout" 2>"$c/stderr"
  echo $? >"$c/exit"
done
rm -rf "$HOME"
