#!/usr/bin/env bash
# Installs kubectl-local: the stripped release binary, the kubectl plugin completion helper, shell
# completions and man pages, under PREFIX (default /usr/local; DESTDIR is honoured for packaging).
#   Scripts/install.sh                     # build (release, static Swift stdlib) and install in /usr/local
#   PREFIX=$HOME/.local Scripts/install.sh # install for one user
#   KUBECTL_LOCAL_BIN=path Scripts/install.sh  # install an already built binary (no build)
# Layout:
#   $PREFIX/bin/kubectl-local                  (also `kubectl local ...`: kubectl runs plugins named kubectl-*)
#   $PREFIX/bin/kubectl_complete-local         (`kubectl local <TAB>`: kubectl asks it for completions)
#   $PREFIX/share/bash-completion/completions/kubectl-local
#   $PREFIX/share/zsh/site-functions/_kubectl-local
#   $PREFIX/share/fish/vendor_completions.d/kubectl-local.fish
#   $PREFIX/share/kubectl-local/kubectl-local.ps1
#   $PREFIX/share/man/man1/kubectl-local*.1
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX=${PREFIX:-/usr/local}
DEST=${DESTDIR:-}$PREFIX
BIN=${KUBECTL_LOCAL_BIN:-}
if [ -z "$BIN" ]; then
  swift build -c release --product kubectl-local --static-swift-stdlib
  BIN=$(swift build -c release --show-bin-path)/kubectl-local
fi
[ -x "$BIN" ] || { echo "install.sh: no binary at $BIN" >&2; exit 1; }

install -d "$DEST/bin" "$DEST/share/man/man1" "$DEST/share/bash-completion/completions" \
  "$DEST/share/zsh/site-functions" "$DEST/share/fish/vendor_completions.d" "$DEST/share/kubectl-local"
install -m 0755 "$BIN" "$DEST/bin/kubectl-local"
strip "$DEST/bin/kubectl-local" 2>/dev/null || echo "install.sh: strip not available; binary left unstripped" >&2
install -m 0755 completions/kubectl_complete-local "$DEST/bin/kubectl_complete-local"
# The scripts and pages come from the installed binary itself, so they always match it.
"$DEST/bin/kubectl-local" completion bash > "$DEST/share/bash-completion/completions/kubectl-local"
"$DEST/bin/kubectl-local" completion zsh > "$DEST/share/zsh/site-functions/_kubectl-local"
"$DEST/bin/kubectl-local" completion fish > "$DEST/share/fish/vendor_completions.d/kubectl-local.fish"
"$DEST/bin/kubectl-local" completion powershell > "$DEST/share/kubectl-local/kubectl-local.ps1"
"$DEST/bin/kubectl-local" __man "$DEST/share/man/man1"
echo "installed kubectl-local in $DEST/bin (completions and man pages under $DEST/share)"
