#!/bin/bash
# Records kubectl v1.32's client-side output of `events` and `cluster-info` for every case directory
# with a `cmd` file. The objects come from kubectl-local itself: _files/events.yaml is created in a
# fresh store (at SEED_NOW), then the store's events and kube-system services are served by the fake
# API server (../create/fakeapi.py) as an API server lists them, timestamps shifted so that kubectl's
# ages read as they would at CMD_NOW. Writes `stdout`, `stderr`, `exit` next to each `cmd`.
# Usage: record.sh [CASE...]   (needs a built .build/debug/kubectl-local)
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
LOCAL=${LOCAL:-$here/../../../../.build/debug/kubectl-local}
SEED_NOW=2026-12-05T11:59:00Z
CMD_NOW=2026-12-05T12:00:00Z
cd "$here"
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
export KUBECTL_LOCAL_STORE=$work/store.db
KUBECTL_LOCAL_NOW=$SEED_NOW "$LOCAL" create -f _files/events.yaml >/dev/null
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
sed 's/18080/18091/' ../create/_files/fake-kubeconfig > "$KUBECONFIG"
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then for d in */; do [ -f "$d/cmd" ] && cases+=("${d%/}"); done; fi
for c in "${cases[@]}"; do
  # Tables show ages: shift the served timestamps; object formats print them as stored.
  shift_now=$CMD_NOW; [ -f "$c/noshift" ] && shift_now=
  FAKEAPI_ROUTES=$work/routes.json FAKEAPI_NOW=$shift_now python3 ../create/fakeapi.py 18091 & server=$!
  for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/18091) 2>/dev/null && break; sleep 0.3; done
  kubectl() { "$KUBECTL" "$@"; }
  eval "$(cat "$c/cmd")" >"$c/stdout" 2>"$c/stderr"
  echo $? >"$c/exit"
  kill $server; wait $server 2>/dev/null
done
