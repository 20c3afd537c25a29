#!/bin/sh
# Records kubectl v1.32 `describe` goldens against fake_cluster.py, which serves the objects of
# fixtures/*.json with v1.32 discovery. Each line of cases.txt is NAME<TAB>describe arguments; the
# outputs go to golden/NAME.{stdout,stderr,exit} and the instant of the recording to golden/NAME.now
# (ages are relative to it). Run from anywhere: Tests/KubeRegistryTests/Golden/describe/record.sh [NAME...]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OPENAPI=${OPENAPI:-$HERE/../../../../../shared/openapi/v1.32}
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
TMP=$(mktemp -d)
python3 "$HERE/fake_cluster.py" "$OPENAPI" "$HERE/fixtures" "$TMP/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
i=0
while [ ! -f "$TMP/port" ]; do
    i=$((i + 1)); [ $i -gt 300 ] && { echo "server did not start" >&2; exit 1; }
    sleep 0.1
done
PORT=$(cat "$TMP/port")
cat >"$TMP/kubeconfig" <<CFG
apiVersion: v1
kind: Config
clusters: [{name: fake, cluster: {server: "http://127.0.0.1:$PORT"}}]
users: [{name: fake, user: {}}]
contexts: [{name: fake, context: {cluster: fake, user: fake, namespace: default}}]
current-context: fake
CFG
mkdir -p "$HERE/golden"
grep -v '^#' "$HERE/cases.txt" | while IFS= read -r line; do
    name=$(printf '%s\n' "$line" | cut -f1)
    args=$(printf '%s\n' "$line" | cut -f2)
    [ -n "$name" ] || continue
    if [ $# -gt 0 ]; then
        case " $* " in *" $name "*) ;; *) continue ;; esac
    fi
    date -u +%Y-%m-%dT%H:%M:%SZ >"$HERE/golden/$name.now"
    set +e
    # shellcheck disable=SC2086
    KUBECONFIG="$TMP/kubeconfig" "$KUBECTL" --cache-dir="$TMP/cache" describe $args \
        >"$HERE/golden/$name.stdout" 2>"$HERE/golden/$name.stderr" </dev/null
    echo $? >"$HERE/golden/$name.exit"
    set -e
done
echo "recorded $(ls "$HERE/golden" | grep -c stdout) cases"
