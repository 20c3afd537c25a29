#!/bin/bash
# Records kubectl v1.32's `api-resources` / `api-versions` over kubectl-local's own discovery: the fake
# API server (../create/fakeapi.py) serves the documents `kubectl-local get --raw` gives for /api, /apis,
# /api/v1 and each /apis/GROUP/VERSION, so the outputs show how kubectl prints, sorts and filters the
# same discovery. cases.txt: name TAB arguments. Writes NAME.stdout, NAME.stderr, NAME.exit.
# Usage: record.sh   (needs a built .build/debug/kubectl-local)
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
LOCAL=${LOCAL:-$here/../../../../.build/debug/kubectl-local}
cd "$here"
work=$(mktemp -d)
export KUBECTL_LOCAL_STORE=$work/store.db HOME=$work
python3 - "$work" "$LOCAL" <<'PY'
import json, sys, subprocess
w, local = sys.argv[1], sys.argv[2]
raw = lambda p: json.loads(subprocess.run([local, "get", "--raw", p], capture_output=True, text=True, check=True).stdout)
r = {p: raw(p) for p in ("/api", "/apis", "/api/v1")}
for g in r["/apis"]["groups"]:
    for v in g["versions"]:
        r["/apis/" + v["groupVersion"]] = raw("/apis/" + v["groupVersion"])
json.dump(r, open(f"{w}/routes.json", "w"))
PY
sed 's/18080/18398/' ../create/_files/fake-kubeconfig > "$work/kubeconfig"; export KUBECONFIG=$work/kubeconfig
FAKEAPI_ROUTES=$work/routes.json python3 ../create/fakeapi.py 18398 & server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/18398) 2>/dev/null && break; sleep 0.3; done
while IFS=$'\t' read -r name args; do
  eval "\"$KUBECTL\" $args" >"$name.stdout" 2>"$name.stderr"
  echo $? >"$name.exit"
done < cases.txt
