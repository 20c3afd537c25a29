#!/bin/sh
# Records kubectl v1.32's output for each line of cases.txt: `get ARGS -o OUTPUT` (words before " -o "
# split at spaces, everything after it one argument) into NN.txt (NN = line number, from 01).
# The objects: kubectl-local creates pods.yaml in a fresh store (BIN, default .build/debug/kubectl-local,
# KUBECTL_LOCAL_NOW fixed) and exports them with managedFields; the describe goldens' fake_cluster.py
# serves them to kubectl. Every case must succeed (exit 0, nothing on stderr).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$HERE/../../../..
BIN=${BIN:-$ROOT/.build/debug/kubectl-local}
OPENAPI=${OPENAPI:-$ROOT/../shared/openapi/v1.32}
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
TMP=$(mktemp -d)
export KUBECTL_LOCAL_NOW=2026-11-23T12:00:00Z
"$BIN" --store "$TMP/s.db" create -f "$HERE/pods.yaml" >/dev/null
mkdir "$TMP/fx"
"$BIN" --store "$TMP/s.db" get pods -A -l t -o json --show-managed-fields |
  python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["items"]))' >"$TMP/fx/pods.json"
python3 "$ROOT/Tests/KubeRegistryTests/Golden/describe/fake_cluster.py" "$OPENAPI" "$TMP/fx" "$TMP/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
i=0
while [ ! -f "$TMP/port" ]; do i=$((i + 1)); [ $i -gt 300 ] && exit 1; sleep 0.1; done
python3 - "$HERE" "$KUBECTL" "http://127.0.0.1:$(cat "$TMP/port")" "$TMP/cache" <<'PY'
import subprocess, sys
here, kubectl, server, cache = sys.argv[1:]
for n, line in enumerate(open(here + "/cases.txt").read().splitlines(), 1):
    words, _, output = line.partition(" -o ")
    args = [kubectl, "--server=" + server, "--cache-dir=" + cache, "get"] + words.split(" ") + (["-o", output] if output else [])
    r = subprocess.run(args, capture_output=True)
    if r.returncode != 0 or r.stderr:
        sys.exit("case %d failed: %s" % (n, r.stderr.decode()))
    open("%s/%02d.txt" % (here, n), "wb").write(r.stdout)
PY
