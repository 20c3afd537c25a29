#!/bin/bash
# Records kubectl v1.32 sending bodies over the API server's 3 MiB limit (cases.txt: name TAB arguments,
# INPUTS standing for the directory inputs.py fills). The fake API server (../create/fakeapi.py) serves
# the ConfigMap `big` and answers its PATCH with the 413 Status the v1.32 API server's limitedReadBody
# returns. Writes NAME.stdout, NAME.stderr, NAME.exit.
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
export HOME=$(mktemp -d)
inputs=$HOME/inputs; mkdir -p "$inputs"; python3 inputs.py "$inputs"
sed 's/18080/18395/' ../create/_files/fake-kubeconfig > "$HOME/kubeconfig"; export KUBECONFIG=$HOME/kubeconfig
FAKEAPI_ROUTES=$here/routes.json python3 "$here/../create/fakeapi.py" 18395 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$HOME"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do (exec 3<>/dev/tcp/127.0.0.1/18395) 2>/dev/null && break; sleep 0.3; done
while IFS=$'\t' read -r name args; do
  eval "\"$KUBECTL\" ${args//INPUTS/$inputs}" >"$name.stdout" 2>"$name.stderr"
  echo $? >"$name.exit"
done < cases.txt
