#!/bin/bash
# Records kubectl v1.32 outputs for every case directory under this folder that has a `cmd` file.
# Usage: record.sh [CASE...]   (default: all cases). Commands run in this directory, so fixture
# paths in `cmd` are relative to it (`_files/d.yaml`). No cluster is needed: every case is one that
# kubectl completes client-side (`--local`, errors raised before any request).
# Each `cmd` is one shell command line starting with `kubectl`; it is evaluated by bash with
# `kubectl` replaced by the real binary. Writes `stdout`, `stderr`, `exit` next to it.
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export KUBECONFIG=/dev/null
export HOME=$(mktemp -d)
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
