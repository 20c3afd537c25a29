#!/bin/bash
# Records kubectl v1.32 outputs for every case directory under this folder that has a `cmd` file.
# Usage: record.sh [CASE...]   (default: all cases). Commands run in this directory, so fixture
# paths in `cmd` are relative to it (`_files/d.yaml`). No cluster is needed: every case is one that
# kubectl completes client-side (`--local`, errors raised before any request).
# Each `cmd` is one shell command line starting with `kubectl`; it is evaluated by bash with
# `kubectl` replaced by the real binary. Writes `stdout`, `stderr`, `exit` next to it.
set -u
. "$(dirname "$0")/../casedirs.sh"
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export KUBECONFIG=/dev/null
export HOME=$(mktemp -d)
casedirs_run "$@"
rm -rf "$HOME"
