#!/bin/bash
# Records kubectl v1.32's `certificate approve|deny` for every case directory with a `cmd` file.
# _files/csr.yaml is created in a fresh kubectl-local store (which fills in the requester), then
# approved-one is approved and denied-one denied; the fake API server (../create/fakeapi.py) serves
# those objects as the API server would and accepts kubectl's updates of the approval subresource.
# Writes `stdout`, `stderr`, `exit` next to each `cmd`.   Usage: record.sh [CASE...]
set -u
. "$(dirname "$0")/../casedirs.sh"
here=$(cd "$(dirname "$0")" && pwd)
LOCAL=${LOCAL:-$here/../../../../.build/debug/kubectl-local}
cd "$here"
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
export KUBECTL_LOCAL_STORE=$work/store.db KUBECTL_LOCAL_NOW=2026-12-05T12:00:00Z
"$LOCAL" create -f _files/csr.yaml >/dev/null
"$LOCAL" certificate approve approved-one >/dev/null
"$LOCAL" certificate deny denied-one >/dev/null
for n in jane approved-one denied-one; do "$LOCAL" get csr $n -o json > "$work/$n.json"; done
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
base = "/apis/certificates.k8s.io/v1/certificatesigningrequests/"
routes = {base + n: json.load(open(f"{w}/{n}.json")) for n in ("jane", "approved-one", "denied-one")}
routes[base + "nope"] = {"code": 404, "body": {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
    "message": "certificatesigningrequests.certificates.k8s.io \"nope\" not found", "reason": "NotFound",
    "details": {"name": "nope", "group": "certificates.k8s.io", "kind": "certificatesigningrequests"}, "code": 404}}
json.dump(routes, open(f"{w}/routes.json", "w"))
PY
export KUBECONFIG=$work/kubeconfig HOME=$work
casedirs_fake_kubeconfig 18092 "$KUBECONFIG"
FAKEAPI_ROUTES=$work/routes.json python3 ../create/fakeapi.py 18092 & server=$!
casedirs_wait 18092
casedirs_run "$@"
