#!/bin/sh
# Records kubectl v1.32 `explain` goldens against a fake API server that serves the v1.32 OpenAPI v3
# documents with synthetic descriptions (see fake_apiserver.py). Run from anywhere:
#   Tests/KubeSchemaTests/Fixtures/explain/record.sh [CASE_FILE...]   (default: cases.txt sweep-cases.txt)
# FAKE_PORT=N makes the fake server listen on port N (default: a free port).
set -euf
HERE=$(cd "$(dirname "$0")" && pwd)
OPENAPI=${OPENAPI:-$HERE/../../../../../shared/openapi/v1.32}
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
TMP=$(mktemp -d)
FAKE_PORT=${FAKE_PORT:-0} python3 "$HERE/fake_apiserver.py" "$OPENAPI" "$TMP/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
i=0
while [ ! -f "$TMP/port" ]; do
    i=$((i + 1)); [ $i -gt 300 ] && { echo "server did not start" >&2; exit 1; }
    sleep 0.1
done
PORT=$(cat "$TMP/port")
mkdir -p "$HERE/golden"
[ $# -gt 0 ] || set -- "$HERE/cases.txt" "$HERE/sweep-cases.txt"
cat "$@" | grep -v '^#' | while IFS= read -r line; do
    name=$(printf '%s\n' "$line" | cut -f1)
    args=$(printf '%s\n' "$line" | cut -f2)
    [ -n "$name" ] || continue
    # shellcheck disable=SC2086
    set +e
    "$KUBECTL" --server="http://127.0.0.1:$PORT" --cache-dir="$TMP/cache" explain $args \
        >"$HERE/golden/$name.stdout" 2>"$HERE/golden/$name.stderr" </dev/null
    echo $? >"$HERE/golden/$name.exit"
    set -e
done
echo "recorded $(ls "$HERE/golden" | grep -c stdout) cases"
