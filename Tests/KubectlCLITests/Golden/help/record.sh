#!/usr/bin/env bash
# Records the real kubectl v1.32's --help for every command of its tree (walked from the root help's
# groups and each command's "Available Commands:"), one file per command path: kubectl-get.txt,
# kubectl-create-deployment.txt, ... plus kubectl.txt (root) and kubectl-options.txt.
# HelpProseTests compares our help prose against these files (no 8-word run may be shared).
#   bash record.sh [path/to/kubectl-1.32]
set -euo pipefail
cd "$(dirname "$0")"
K=${1:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
export KUBECONFIG=/dev/null HOME=/nonexistent
rm -f kubectl*.txt
visit() {
  local file="kubectl${*:+-$(IFS=-; echo "$*")}.txt"
  "$K" "$@" --help > "$file" 2>/dev/null || true
  awk -v root="$#" '
    /^$/ { inlist = 0; next }
    /^[^ ]/ { inlist = ($0 == "Available Commands:" || (root == 0 && $0 ~ /:$/ && $0 != "Usage:")); next }
    inlist && /^  [a-z]/ { print $1 }
  ' "$file" | while read -r sub; do
    case "$sub" in help|alpha) continue ;; esac   # no counterpart in kubectl-local (alpha: hidden, no commands)
    visit "$@" "$sub"
  done
}
visit
"$K" options > kubectl-options.txt
echo "recorded $(ls kubectl*.txt | wc -l) help texts" >&2
