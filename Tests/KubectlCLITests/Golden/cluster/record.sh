#!/bin/bash
# Records kubectl v1.32's client-side output of `events` and `cluster-info` for every case directory
# with a `cmd` file. The objects come from kubectl-local itself: _files/events.yaml is created in a
# fresh store (at SEED_NOW), then the store's events and kube-system services are served by the fake
# API server (../create/fakeapi.py) as an API server lists them, timestamps shifted so that kubectl's
# ages read as they would at CMD_NOW. Writes `stdout`, `stderr`, `exit` next to each `cmd`.
# Usage: record.sh [CASE...]   (needs a built .build/debug/kubectl-local)
set -u
. "$(dirname "$0")/../casedirs.sh"
here=$(cd "$(dirname "$0")" && pwd)
LOCAL=${LOCAL:-$here/../../../../.build/debug/kubectl-local}
SEED_NOW=2026-12-05T11:59:00Z
CMD_NOW=2026-12-05T12:00:00Z
cd "$here"
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
export KUBECTL_LOCAL_STORE=$work/store.db
KUBECTL_LOCAL_NOW=$SEED_NOW "$LOCAL" create -f _files/events.yaml >/dev/null
# The dumps read the store at CMD_NOW: at the real time the events would have expired (event TTL).
export KUBECTL_LOCAL_NOW=$CMD_NOW
for ns in default kube-system ties; do "$LOCAL" get events -n $ns -o json > "$work/ev-$ns.json"; done
"$LOCAL" get events -A -o json > "$work/ev-all.json"
"$LOCAL" get services -n kube-system -l kubernetes.io/cluster-service=true -o json > "$work/svc.json"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
def lst(f, kind):
    d = json.load(open(f"{w}/{f}"))
    items = [{k: v for k, v in i.items() if k not in ("kind", "apiVersion")} for i in d["items"]]
    return {"kind": kind, "apiVersion": "v1", "metadata": {"resourceVersion": "200"}, "items": items}
empty = {"kind": "EventList", "apiVersion": "v1", "metadata": {"resourceVersion": "200"}, "items": []}
routes = {"/api/v1/namespaces/default/events": lst("ev-default.json", "EventList"),
          "/api/v1/namespaces/kube-system/events": lst("ev-kube-system.json", "EventList"),
          "/api/v1/namespaces/ties/events": lst("ev-ties.json", "EventList"),
          "/api/v1/events": lst("ev-all.json", "EventList"),
          "/api/v1/namespaces/empty/events": empty,
          "/api/v1/namespaces/kube-system/services": lst("svc.json", "ServiceList"),
          "/api/v1/namespaces/empty/services": {"kind": "ServiceList", "apiVersion": "v1", "metadata": {}, "items": []}}
json.dump(routes, open(f"{w}/routes.json", "w"))
PY
export KUBECONFIG=$work/kubeconfig HOME=$work
casedirs_fake_kubeconfig 18091 "$KUBECONFIG"
# Tables show ages: shift the served timestamps; object formats print them as stored.
casedirs_before() {
  local shift_now=$CMD_NOW; [ -f "$1/noshift" ] && shift_now=
  FAKEAPI_ROUTES=$work/routes.json FAKEAPI_NOW=$shift_now python3 ../create/fakeapi.py 18091 & server=$!
  casedirs_wait 18091
}
casedirs_after() { kill $server; wait $server 2>/dev/null; }
casedirs_run "$@"
