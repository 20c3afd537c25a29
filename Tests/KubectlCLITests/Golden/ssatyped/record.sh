#!/usr/bin/env bash
# How the goldens of this folder were made: `kubectl apply --server-side -f cases/NAME.yaml` by kubectl
# v1.32 against a server that refuses the body as v1.32's API server does in server-side apply's first
# step, the typed conversion of the body (no cluster can run here, so two halves):
# 1. The server's message: oracle/ is a small Go program on structured-merge-diff itself (Debian's
#    golang-k8s-sigs-structured-merge-diff-dev, v4.1.2; its typed/validate.go and helpers.go read as
#    v1.32's vendored v4.4 for every message used here) with the schema converted from the OpenAPI v3
#    documents in $OPENAPI as kube-openapi's schemaconv does. It is run on the body kubectl sends (the
#    manifest as JSON, metadata.namespace set for a namespaced kind) 15 times, because the server walks
#    Go maps in random order: the most frequent answer is kept (every case here gave one answer 15 of 15
#    times except those the script prints). The message is the apiserver's
#    `failed to create typed patch object (<ns>/<name>; <group>/<version>, Kind=<Kind>): <errors>`.
# 2. kubectl's side: ../create/fakeapi.py answers the PATCH with that message as a Status (code 500, no
#    reason, as the apiserver turns a plain error into one) and serves the v1.32 OpenAPI v3 documents
#    kubectl reads first; kubectl's stdout, stderr and exit code are golden/NAME.{stdout,stderr,exit}.
#   apt-get install -y golang-go golang-k8s-sigs-structured-merge-diff-dev
set -euo pipefail
cd "$(dirname "$0")"
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
OPENAPI=${OPENAPI:-$(cd ../../../../.. && pwd)/shared/openapi/v1.32}
tmp=$(mktemp -d); trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/sigs.k8s.io/structured-merge-diff" "$tmp/src/oracle"
ln -s /usr/share/gocode/src/sigs.k8s.io/structured-merge-diff "$tmp/src/sigs.k8s.io/structured-merge-diff/v4"
cp oracle/main.go "$tmp/src/oracle/"
(cd "$tmp" && GO111MODULE=off GOPATH=$tmp:/usr/share/gocode go build -o "$tmp/oracle" oracle)
. ../casedirs.sh
port=18417
casedirs_fake_kubeconfig $port "$tmp/kubeconfig"
mkdir -p golden
for f in cases/*.yaml; do
    name=$(basename "$f" .yaml)
    python3 - "$f" "$tmp/body.json" "$tmp/route.json" <<'PY'
import json, sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
api = doc["apiVersion"]; kind = doc["kind"]; name = doc["metadata"]["name"]
cluster = kind in ("Namespace",)
if not cluster: doc["metadata"]["namespace"] = "default"
json.dump(doc, open(sys.argv[2], "w"))
plural = {"Deployment": "deployments", "Pod": "pods", "ConfigMap": "configmaps", "Service": "services",
          "ServiceAccount": "serviceaccounts", "Namespace": "namespaces"}[kind]
base = "/api/v1" if api == "v1" else "/apis/" + api
path = base + ("" if cluster else "/namespaces/default") + "/" + plural + "/" + name
gv = ("/" + api if "/" not in api else api)
json.dump({"path": path, "object": ("" if cluster else "default") + "/" + name + "; " + gv + ", Kind=" + kind}, open(sys.argv[3], "w"))
PY
    answers=$(for i in $(seq 15); do "$tmp/oracle" "$OPENAPI" "$tmp/body.json" | base64 -w0; echo; done | sort | uniq -c | sort -rn)
    [ "$(echo "$answers" | wc -l)" -gt 1 ] && { echo "$name: the server's order varies:"; echo "$answers" | while read -r n b; do echo "  $n x $(echo "$b" | base64 -d | tr '\n' '|')"; done; }
    message=$(echo "$answers" | head -1 | awk '{print $2}' | base64 -d)
    python3 - "$tmp/route.json" "$tmp/routes.json" "$message" "$OPENAPI" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
msg = "failed to create typed patch object (%s): %s" % (r["object"], sys.argv[3])
status = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": msg, "code": 500}
routes = {"PATCH " + r["path"]: {"code": 500, "body": status}}
# kubectl asks the OpenAPI v3 documents whether the server takes fieldValidation: the v1.32 ones.
routes["/openapi/v3"] = {"paths": {p: {"serverRelativeURL": "/openapi/v3/" + p} for p in ("api/v1", "apis/apps/v1")}}
for p in ("api/v1", "apis/apps/v1"):
    routes["/openapi/v3/" + p] = json.load(open(sys.argv[4] + "/" + p + ".json"))
json.dump(routes, open(sys.argv[2], "w"))
PY
    FAKEAPI_ROUTES=$tmp/routes.json python3 ../create/fakeapi.py $port & server=$!
    casedirs_wait $port
    set +e
    "$KUBECTL" --kubeconfig "$tmp/kubeconfig" apply --server-side -f "$f" >"golden/$name.stdout" 2>"golden/$name.stderr" </dev/null
    echo $? >"golden/$name.exit"
    set -e
    kill $server; wait $server 2>/dev/null || true
done
