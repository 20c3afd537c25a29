#!/usr/bin/env bash
# Regenerates completions/ and man/ from the command table (the binary prints them), so they never drift:
# the Shell*Tests fail when the committed files differ from what the binary prints.
#   bash Scripts/gen-docs.sh [path/to/kubectl-local]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-}
if [ -z "$BIN" ]; then
  swift build --product kubectl-local >/dev/null
  BIN=$(swift build --show-bin-path)/kubectl-local
fi
mkdir -p completions man
for shell in bash zsh fish powershell; do
  case $shell in
    bash) file=kubectl-local.bash ;;
    zsh) file=_kubectl-local ;;
    fish) file=kubectl-local.fish ;;
    powershell) file=kubectl-local.ps1 ;;
  esac
  "$BIN" completion "$shell" > "completions/$file"
done
rm -f man/*.1
"$BIN" __man man
echo "wrote completions/ ($(ls completions | wc -l) files) and man/ ($(ls man | wc -l) pages)" >&2
