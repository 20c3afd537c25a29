#!/bin/bash
# Records kubectl v1.32 on argument and flag checks it makes before contacting a server, and on
# --local changes. Usage: record.sh [CASE...] (default: all). Each `cmd` is a bash command line run in
# _files/ with `kubectl` standing for the real binary; writes `stdout`, `stderr`, `exit` beside it.
# None of these commands reaches a server (KUBECONFIG=/dev/null): a case that did would print a
# connection error on stderr, and belongs in Golden/create (recorded against its fake API server).
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
export HOME=$(mktemp -d) KUBECONFIG=/dev/null
kubectl() { "$KUBECTL" "$@"; }
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=()
  for d in "$here"/*/; do d=${d%/}; [ -f "$d/cmd" ] && cases+=("${d##*/}"); done
fi
cd "$here/_files"
for c in "${cases[@]}"; do
  eval "$(cat "$here/$c/cmd")" >"$here/$c/stdout" 2>"$here/$c/stderr"
  echo $? >"$here/$c/exit"
done
rm -rf "$HOME"
