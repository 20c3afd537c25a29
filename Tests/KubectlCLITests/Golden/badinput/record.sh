#!/bin/bash
# Records kubectl v1.32's answers to inputs it refuses (empty, scalar, list, non-YAML files, too deep,
# alias bombs). Usage: record.sh [CASE...] (default: all). Each `cmd` is a bash command line run in
# _files/ with `kubectl` standing for the real binary; writes `stdout`, `stderr`, `exit` beside it.
# None of these commands reaches a server: kubectl refuses the input first.
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
# Golden/argcheck records its cases with this script: `--dir DIR` names the case directory.
if [ "${1:-}" = "--dir" ]; then here=$2; shift 2; fi
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
