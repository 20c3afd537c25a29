#!/bin/bash
# Records kubectl v1.32's `debug` for every case directory with a `cmd` file.
# _files/pod.yaml and _files/deploy.yaml are created in a fresh kubectl-local store; the fake API
# server (../create/fakeapi.py, FAKEAPI_ECHO) serves the pod, the deployment and node-1 as stored,
# answers 404 for the missing ones, and logs what kubectl sends: `request` holds each write's method,
# path and body (a strategic merge patch of pods/ephemeralcontainers; a create's protobuf body is
# not decoded). Writes `stdout`, `stderr`, `exit` (and `request`) next to each `cmd`.
# Usage: record.sh [CASE...]
set -u
. "$(dirname "$0")/../casedirs.sh"
here=$(cd "$(dirname "$0")" && pwd)
LOCAL=${LOCAL:-$here/../../../../.build/debug/kubectl-local}
cd "$here"
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
export KUBECTL_LOCAL_STORE=$work/store.db KUBECTL_LOCAL_NOW=2026-12-05T12:00:00Z
"$LOCAL" create -f _files/pod.yaml >/dev/null
"$LOCAL" create -f _files/deploy.yaml >/dev/null
"$LOCAL" get pod web -o json > "$work/pod.json"
"$LOCAL" get deploy web -o json > "$work/deploy.json"
"$LOCAL" get node node-1 -o json > "$work/node.json"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
def missing(kind, name, group=""):
    d = {"name": name, "kind": kind}
    if group: d["group"] = group
    return {"code": 404, "body": {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
        "message": f"{kind}{'.' + group if group else ''} \"{name}\" not found", "reason": "NotFound", "details": d, "code": 404}}
routes = {"/api/v1/namespaces/default/pods/web": json.load(open(f"{w}/pod.json")),
          "/apis/apps/v1/namespaces/default/deployments/web": json.load(open(f"{w}/deploy.json")),
          "/api/v1/nodes/node-1": json.load(open(f"{w}/node.json")),
          "/api/v1/nodes/nope": missing("nodes", "nope"),
          "/api/v1/namespaces/default/pods/nope": missing("pods", "nope"),
          "/api/v1/namespaces/other/pods/web": missing("pods", "web")}
json.dump(routes, open(f"{w}/routes.json", "w"))
PY
export KUBECONFIG=$work/kubeconfig HOME=$work
casedirs_fake_kubeconfig 18094 "$KUBECONFIG"
FAKEAPI_ROUTES=$work/routes.json FAKEAPI_ECHO=$work/echo.log python3 ../create/fakeapi.py 18094 & server=$!
casedirs_wait 18094
casedirs_before() { : > "$work/echo.log"; }
casedirs_after() { rm -f "$1/request"; if [ -s "$work/echo.log" ]; then cp "$work/echo.log" "$1/request"; fi; }
casedirs_run "$@"
