#!/bin/bash
# Records kubectl v1.32 outputs for every case directory that has a `cmd` file.
# Usage: record.sh [CASE...]   (default: all cases). Run from anywhere; commands run in this
# directory, so fixture paths in `cmd` are relative to it (`_files/a.txt`).
# Each `cmd` is one shell command line starting with `kubectl`; it is evaluated by bash with
# `kubectl` replaced by the real binary. Writes `stdout`, `stderr`, `exit` next to it.
set -u
. "$(dirname "$0")/../casedirs.sh"
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
casedirs_wait 18080
casedirs_run "$@"
rm -rf "$HOME"
