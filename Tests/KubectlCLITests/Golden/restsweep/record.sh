#!/bin/bash
# Records kubectl v1.32's `events`, `cluster-info` (and `dump`), `certificate approve|deny`, `version`,
# `get --raw` and `auth can-i` for every case directory with a `cmd` file (the oracle sweep of the README's
# "Oracle sweep of auth, events, ..."). The objects come from kubectl-local: _files/seed.yaml is created in
# a fresh store at SEED_NOW, carol's request approved and dave's denied at CSR_NOW; at CMD_NOW the store's
# lists and objects are read with `get --raw` (as its API layer answers them) and served by fullapi.py
# (../create/fakeapi.py with the whole v1.32 discovery, port 18103), timestamps shifted so kubectl's ages
# read as at CMD_NOW (not for cases with a `noshift` file: those print timestamps). Review requests are
# answered with _files/ssar-allowed.json (the default identity, kubernetes-admin, may do anything);
# certificate updates are accepted as sent. Writes `stdout`, `stderr`, `exit` next to each `cmd`.
# Usage: record.sh [CASE...]   (needs a built .build/debug/kubectl-local)
set -u
. "$(dirname "$0")/../casedirs.sh"
here=$(cd "$(dirname "$0")" && pwd)
LOCAL=${LOCAL:-$here/../../../../.build/debug/kubectl-local}
export OPENAPI=${OPENAPI:-/work/shared/openapi/v1.32}
SEED_NOW=2026-12-05T11:58:00Z CSR_NOW=2026-12-05T11:59:40Z CMD_NOW=2026-12-05T12:12:30Z
port=18103
cd "$here"
work=$(mktemp -d)
server=
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
export KUBECTL_LOCAL_STORE=$work/store.db
KUBECTL_LOCAL_NOW=$SEED_NOW "$LOCAL" create -f _files/seed.yaml >/dev/null
KUBECTL_LOCAL_NOW=$CSR_NOW "$LOCAL" certificate approve carol >/dev/null
KUBECTL_LOCAL_NOW=$CSR_NOW "$LOCAL" certificate deny dave >/dev/null
export KUBECTL_LOCAL_NOW=$CMD_NOW
raw() { "$LOCAL" get --raw "$1"; }
: > "$work/paths"
for ns in default shop edge empty done kube-system; do
  for p in api/v1/namespaces/$ns/{pods,events,services,serviceaccounts,replicationcontrollers} apis/apps/v1/namespaces/$ns/{daemonsets,deployments,replicasets}; do
    echo "/$p" >> "$work/paths"
  done
done
printf '%s\n' /api/v1/namespaces /api/v1/events /api/v1/nodes /apis/certificates.k8s.io/v1/certificatesigningrequests /version >> "$work/paths"
while read -r p; do printf '%s\t' "$p"; raw "$p" | tr -d '\n'; echo; done < "$work/paths" > "$work/bodies"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
routes = {}
for line in open(f"{w}/bodies"):
    path, body = line.rstrip("\n").split("\t", 1)
    doc = json.loads(body)
    routes[path] = doc
    base = path.split("/namespaces/")[0] if "/namespaces/" in path else path.rsplit("/", 1)[0]
    for item in doc.get("items", []) if path != "/api/v1/events" else []:
        md = item["metadata"]
        plural = path.rsplit("/", 1)[1]
        obj = dict(item, kind=doc["kind"][:-4], apiVersion=doc["apiVersion"])
        key = f"{base}/namespaces/{md['namespace']}/{plural}/{md['name']}" if md.get("namespace") else f"{base}/{plural}/{md['name']}"
        routes[key] = obj
json.dump(routes, open(f"{w}/routes.json", "w"))
PY
export KUBECONFIG=$work/kubeconfig HOME=$work
casedirs_fake_kubeconfig $port "$KUBECONFIG"
casedirs_before() {
  local shift_now=$CMD_NOW; [ -f "$1/noshift" ] && shift_now=
  FAKEAPI_ROUTES=$work/routes.json FAKEAPI_NOTFOUND=1 FAKEAPI_RESPONSE=$here/_files/ssar-allowed.json FAKEAPI_NOW=$shift_now \
    python3 fullapi.py $port & server=$!
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done
}
casedirs_after() { kill $server; wait $server 2>/dev/null; }
casedirs_run "$@"
rm -f _files/ssar-allowed.json.request
