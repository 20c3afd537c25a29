#!/bin/sh
# Records kubectl v1.32 shell completion (`kubectl __complete WORDS`) against fake_discovery.py, which serves
# the discovery of a default v1.32 API server (from the OpenAPI documents) plus one custom resource and the
# objects listed there. Run from anywhere:  Tests/KubectlCLITests/Golden/complete/record.sh
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OPENAPI=${OPENAPI:-$HERE/../../../../../shared/openapi/v1.32}
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
TMP=$(mktemp -d)
python3 "$HERE/fake_discovery.py" "$OPENAPI" "$TMP/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
i=0
while [ ! -f "$TMP/port" ]; do
    i=$((i + 1)); [ $i -gt 300 ] && { echo "server did not start" >&2; exit 1; }
    sleep 0.1
done
cat >"$TMP/kubeconfig" <<CFG
apiVersion: v1
kind: Config
clusters:
- name: local
  cluster:
    server: http://127.0.0.1:$(cat "$TMP/port")
contexts:
- name: local
  context: {cluster: local, user: local, namespace: default}
current-context: local
users:
- name: local
  user: {}
CFG
mkdir -p "$HERE/golden" "$TMP/home"
grep -v '^#' "$HERE/cases.txt" | while IFS="$(printf '\t')" read -r name words; do
    [ -n "$name" ] || continue
    set +e
    # shellcheck disable=SC2086
    eval "set -- $words"
    HOME="$TMP/home" KUBECONFIG="$TMP/kubeconfig" "$KUBECTL" __complete "$@" \
        >"$HERE/golden/$name.stdout" 2>"$HERE/golden/$name.stderr" </dev/null
    echo $? >"$HERE/golden/$name.exit"
    set -e
done
echo "recorded $(ls "$HERE/golden" | grep -c stdout) cases"
