#!/bin/sh
# Records kubectl v1.32's `get --sort-by` order for 40 ConfigMaps with many equal keys (Go's
# sort.Sort is not stable: ties come out in pdqsort's order). The fake API server is the describe
# goldens' fake_cluster.py serving cm.json; cms.yaml is the same objects for kubectl-local.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OPENAPI=${OPENAPI:-$HERE/../../../../../shared/openapi/v1.32}
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
TMP=$(mktemp -d)
mkdir "$TMP/fx" && cp "$HERE/cm.json" "$TMP/fx/"
python3 "$HERE/../../../KubeRegistryTests/Golden/describe/fake_cluster.py" "$OPENAPI" "$TMP/fx" "$TMP/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
i=0
while [ ! -f "$TMP/port" ]; do i=$((i + 1)); [ $i -gt 300 ] && exit 1; sleep 0.1; done
K="$KUBECTL --server=http://127.0.0.1:$(cat "$TMP/port") --cache-dir=$TMP/cache"
$K get cm --sort-by=.metadata.labels.h -o name >"$HERE/sort-h.txt"
$K get cm --sort-by=.metadata.labels.g -o name >"$HERE/sort-g.txt"
$K get cm --sort-by=.metadata.creationTimestamp -o name >"$HERE/sort-ts.txt"
