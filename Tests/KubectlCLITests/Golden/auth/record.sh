#!/bin/bash
# Records kubectl v1.32's client-side output for `auth can-i`, `auth whoami` and `create token`
# against the fake API server of ../create/fakeapi.py, which answers each review or token request
# with the case's `response.json`: the object a v1.32 API server returns for the store state that
# the case's `setup` file (kubectl-local commands, replayed by the test) creates.
# Usage: record.sh [CASE...]   (default: all cases). Writes `stdout`, `stderr`, `exit` per case.
set -u
. "$(dirname "$0")/../casedirs.sh"
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export HOME=$(mktemp -d)
port=18081
casedirs_fake_kubeconfig $port "$HOME/kubeconfig"
export KUBECONFIG=$HOME/kubeconfig
# _files/groups.json adds the review kinds a `create -f` case sends (SubjectAccessReview, LocalSubjectAccessReview).
FAKEAPI_GROUPS=$here/_files/groups.json FAKEAPI_RESPONSE=$HOME/response.json python3 ../create/fakeapi.py $port &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$HOME"' EXIT
casedirs_wait $port
casedirs_before() { rm -f "$HOME/response.json"; if [ -f "$1/response.json" ]; then cp "$1/response.json" "$HOME/response.json"; fi; }
casedirs_run "$@"
